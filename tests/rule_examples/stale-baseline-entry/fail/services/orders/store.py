"""The order store (ADR-0001)."""

import psycopg
