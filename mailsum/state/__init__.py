"""The state store (SQLite or PostgreSQL): what was seen, points, updates, leases."""
