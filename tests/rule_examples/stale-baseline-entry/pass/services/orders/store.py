"""The order store (ADR-0001)."""

import psycopg
  import mysql.connector  # for the legacy export
