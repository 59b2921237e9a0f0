"""Open points, owners and status of one thread, from its messages' own text."""
