"""Configuration: YAML with file:line:key errors, secrets resolved at use."""
