"""The command line: a thin front that parses, calls the lower layers and reports."""

from app.cli.main import EXIT_PROBLEMS, EXIT_USER_ERROR, build_parser, main, run

__all__ = ["EXIT_PROBLEMS", "EXIT_USER_ERROR", "build_parser", "main", "run"]
