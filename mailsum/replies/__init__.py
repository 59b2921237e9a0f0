"""The contact's reply commands: parse, check, plan, and the answer's wording."""
