"""Order events go to RabbitMQ (ADR-0002).

See also ADR-0004 and ADR-0005.
"""
