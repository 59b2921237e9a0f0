"""mailsum: one consolidated open-point update per customer from service-ticket mail."""

__version__ = "0.1.0"
