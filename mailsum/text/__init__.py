"""Shared text machinery (sentences, ranking, formulae); imports no stage."""
