"""One person across districts: keyed identity hashes, matching, the review queue, merges."""
