"""Personal data through its whole life (PIPA): consent records, rights requests, the access export,
the pseudonymised-processing register, retention and destruction, and the access-log review."""
