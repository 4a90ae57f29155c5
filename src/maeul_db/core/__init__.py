"""The kernel every service shares: who asks through which door, district scoping, loading one
visible row. It may import models and auth policies, never a domain service or a door."""
