"""What ``crisisdraft`` exits with, for scripts that run it."""

EXIT_PROBLEMS = 1  # `check` found a problem
EXIT_USER_ERROR = 2  # a user's mistake (a file, a field, an option), said in one line
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what the shell reports for its own tools
