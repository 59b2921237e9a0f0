"""The state layer (SQLite or PostgreSQL): what was seen, points, updates, leases.

``store.StateStore`` is the entry point; see mailsum/state/store.py for the parts."""
