"""Analytics: the plan's indicators, the growth ladder and relationship networks (networkx lives here only)."""
