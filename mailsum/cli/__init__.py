"""The command line: a thin click layer over the run; typed errors become exit codes."""

from mailsum.cli.main import main

__all__ = ["main"]
