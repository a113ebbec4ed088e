"""Order events go to Kafka (ADR-0005)."""
