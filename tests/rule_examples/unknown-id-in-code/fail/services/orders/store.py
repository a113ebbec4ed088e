"""The order store: see ADR-0070 and ADR-0001."""
