"""Every name a template can read, and the shape of its value: what the template library
checks templates against, so that a misspelt fact is caught when the library is read.

The schema is taken from the render contexts of the bundled examples (together they fill
every optional fact, so every name is seen with its shape). Computing it means loading
and rendering the context of every example (about 20 ms, more in the frozen app), the
same on every start of the same code: so it is computed here once, when the code or an
example changes, and stored in :mod:`app.drafts.stored_fact_schema`, which every start
reads. ``tests/drafts/test_fact_schema.py`` fails when the stored schema is not the
computed one; ``python -m app.drafts.fact_schema`` writes it again.
"""

from __future__ import annotations

from pathlib import Path

from app.drafts.stored_fact_schema import stored_fact_schema
from app.templates.checks import FactSchema, merge_schemas, schema_of

STORED_MODULE = Path(__file__).with_name("stored_fact_schema.py")
_HEADER = '''"""The fact schema of :mod:`app.drafts.fact_schema`, as computed from the bundled
examples. Written by ``python -m app.drafts.fact_schema``: do not edit."""

from __future__ import annotations

from app.templates.checks import FactSchema


def stored_fact_schema() -> FactSchema:
    """A new copy on every call: callers may change theirs."""
    return '''


def fact_schema() -> FactSchema:
    """Every name a template can read (see the module's docstring)."""
    return stored_fact_schema()


def computed_fact_schema() -> FactSchema:
    """The schema from the bundled examples' contexts, as the code computes it now."""
    # Imported here: a start reads the stored schema and needs none of this.
    from app.drafts.context import template_context
    from app.facts.loading import load_incident
    from app.files.resources import example_incidents

    schema: FactSchema = {}
    for path in example_incidents():
        context = template_context(load_incident(path), "en", mark_missing=True)
        schema = merge_schemas(schema, schema_of(context))
    return schema


def write_stored_schema() -> None:
    """Write :mod:`app.drafts.stored_fact_schema` from :func:`computed_fact_schema`, in
    the project's format (ruff's, so that ``ruff format --check`` stays clean)."""
    import subprocess
    import sys
    from pprint import pformat

    literal = pformat(computed_fact_schema(), width=80, sort_dicts=False)
    STORED_MODULE.write_text(_HEADER + literal + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "ruff", "format", str(STORED_MODULE)], check=True)


if __name__ == "__main__":
    write_stored_schema()
