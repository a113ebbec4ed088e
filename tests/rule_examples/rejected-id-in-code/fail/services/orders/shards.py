# Orders are sharded by customer (ADR-0004).
