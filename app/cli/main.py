"""The command line: ``crisisdraft export | check | render | ...``, each a thin call into
the layers below. A user's mistake prints one line naming the file and field (exit 2);
``check`` lists every problem and exits 1 when there is one.

Only the parser is loaded before the arguments are read: ``--help`` and ``--version``
answer at once, the desktop app loads Qt and nothing of the commands, and a command
loads what its work needs (:mod:`app.cli.commands`).
"""

from __future__ import annotations

import argparse
import os
import sys
import types
from collections.abc import Sequence

from app.cli.exit_codes import EXIT_BROKEN_PIPE
from app.cli.parser import build_parser, named_commands

#: pydantic's module that finds plugins (pydantic/plugin/_schema_validator.py imports
#: its get_plugins when a model is built; pydantic is pinned, a test watches it).
_PYDANTIC_PLUGIN_LOADER = "pydantic.plugin._loader"


def run(arguments: Sequence[str]) -> int:
    arguments = list(arguments)
    named = named_commands(arguments)
    if named and named[0] != "gui":
        # CrisisDraft uses no pydantic plugins: without this, pydantic looks for them in
        # every installed package's metadata when the first model is built (the parser
        # of export, issue and redline builds them already).
        os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        _without_plugin_discovery()
    parser = build_parser(named)
    options = parser.parse_args(arguments)
    if options.command in (None, "gui"):
        return _gui(options)
    from app.cli.commands import run_command

    return run_command(options, parser)


def _without_plugin_discovery() -> None:
    """With pydantic's plugins switched off, its plugin loader finds none, but the
    module still imports ``importlib.metadata`` (and through it ``email``, ``socket``,
    ``zipfile``, ``csv``...: 20 modules, 15-25 ms, more in the frozen app) when the first
    model is built. Give it a loader that finds none at once, as pydantic's own does
    with plugins off; a user who names plugins to skip (not all) gets pydantic's own."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    if _PYDANTIC_PLUGIN_LOADER in sys.modules:
        return
    loader = types.ModuleType(_PYDANTIC_PLUGIN_LOADER, "No pydantic plugins: they are off.")
    loader.get_plugins = tuple  # type: ignore[attr-defined]  # () : no plugins
    sys.modules[_PYDANTIC_PLUGIN_LOADER] = loader


def _gui(options: argparse.Namespace) -> int:
    """The desktop app; Qt is imported only here, so the commands never need it. A
    second start hands its file to the app already running (app/gui/single_instance.py)
    before the window's modules are loaded, so that it answers at once."""
    incident = getattr(options, "incident", None)
    if getattr(options, "screenshot", None) is None:
        from app.gui.single_instance import pass_to_running_app

        if pass_to_running_app([incident] if incident else []):
            return 0
    from app.gui.launcher import GuiOptions, run_gui

    return run_gui(
        GuiOptions(
            incident=incident,
            language=getattr(options, "lang", None),
            step=getattr(options, "step", 1),
            screenshot=getattr(options, "screenshot", None),
            preview=getattr(options, "preview", None),
            size=getattr(options, "size", (1500, 900)),
        )
    )


def main() -> None:
    try:
        sys.exit(run(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        # The reader went away (`crisisdraft render ... | head`): stop quietly, as the
        # shell's own tools do, without a traceback or a second error while exiting.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_BROKEN_PIPE)
