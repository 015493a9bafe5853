"""``python -m app``: the same as the ``crisisdraft`` command."""

from app.cli import main

main()
