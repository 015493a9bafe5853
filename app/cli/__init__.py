"""The command line: a thin front that parses, calls the lower layers and reports."""

from app.cli.exit_codes import EXIT_PROBLEMS, EXIT_USER_ERROR
from app.cli.main import main, run
from app.cli.parser import build_parser

__all__ = ["EXIT_PROBLEMS", "EXIT_USER_ERROR", "build_parser", "main", "run"]
