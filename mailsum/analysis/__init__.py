"""Threads and routing: which messages belong together, and to which customer."""
