"""The export's floor peer: a program that loads the four libraries every CrisisDraft
export needs, and their data, and does the least with each (pydantic validates a model,
Jinja2's sandbox renders a line, markdown-it reads a list, Babel reads the English and
French list and date patterns), then exits. Frozen by the same PyInstaller as the app,
with the same bytecode optimisation, and with pydantic's plugin search off as the app's
command line has it, it is the least any frozen export on this stack can take: the
export's own work is what it takes beyond this."""

import os
import sys
import types

os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
_loader = types.ModuleType("pydantic.plugin._loader")
_loader.get_plugins = tuple  # as app/cli/main.py: no plugins, none looked for
sys.modules["pydantic.plugin._loader"] = _loader

import babel.dates  # noqa: E402
import babel.lists  # noqa: E402
import jinja2.sandbox  # noqa: E402
import markdown_it  # noqa: E402
import pydantic  # noqa: E402
from babel import Locale  # noqa: E402


class Facts(pydantic.BaseModel):
    name: str
    count: int = 0


Facts.model_validate({"name": "Northwind"})
for tag in ("en_GB", "fr_FR"):
    babel.lists.format_list(["a", "b", "c"], locale=Locale.parse(tag))
    babel.dates.format_date(None, format="long", locale=tag)
jinja2.sandbox.SandboxedEnvironment().from_string("{{ name }}").render(name="Northwind")
markdown_it.MarkdownIt("commonmark").parse("# Title\n\n- one\n- two\n")
