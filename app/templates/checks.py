"""Checking a template before it is ever used: syntax, unsafe constructs, fact names.

Templates from shared folders and packs are untrusted. They always run in the sandbox;
on top of that, a template that reads a private attribute (``__class__``...) or a fact
that does not exist is refused when its library is read, with the line at fault, so a
broken template is listed and never used instead of failing on the day.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import nodes

from app.errors import N_, Gettext, format_message
from app.templates.confined_paths import PathRefusedError

# The shape of the render context: a dict maps keys to their shapes, a list holds the
# shape of its items, None is a leaf value (text, number, date).
FactSchema = dict[str, Any]
JINJA_GLOBALS = frozenset({"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop"})
NOT_A_FACT = N_("'{name}' is not a fact of the incident")
TOO_DEEP = N_(
    "is nested too deeply to be read (brackets or blocks inside one another hundreds of "
    "times); simplify it"
)


@dataclass(frozen=True)
class TemplateFault:
    """One fault of a template: a message id (marked with ``N_``) and its parameters,
    translated where it is shown, and the line at fault."""

    message_id: str
    line: int | None = None
    params: Mapping[str, str | int] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        """The fault in English."""
        return format_message(self.message_id, self.params, _english)

    def translated(self, gettext: Gettext) -> str:
        """The fault, with its line, in the language of ``gettext``."""
        fault = format_message(self.message_id, self.params, gettext)
        if not self.line:
            return fault
        return gettext(N_("line {line}: {fault}")).format(line=self.line, fault=fault)

    def __str__(self) -> str:
        return self.translated(_english)


def _english(message: str) -> str:
    return message


def check_template(
    environment: jinja2.Environment, source: str, name: str, known_facts: FactSchema | None
) -> list[TemplateFault]:
    """Every fault found in ``source`` without running it."""
    try:
        tree = environment.parse(source, name=name)
    except jinja2.TemplateSyntaxError as error:
        return [
            TemplateFault(
                N_("syntax error: {reason}"), error.lineno, {"reason": error.message or ""}
            )
        ]
    except RecursionError:  # Jinja's parser recurses once per level of brackets or blocks
        return [TemplateFault(TOO_DEEP)]
    faults = [
        TemplateFault(
            N_("'{name}' is private: templates may not read it"), node.lineno, {"name": node.attr}
        )
        for node in tree.find_all(nodes.Getattr)
        if node.attr.startswith("_")
    ]
    faults += _refused_uses(environment, tree)
    if known_facts is not None:
        faults += _unknown_facts(tree, known_facts)
    return faults


def _refused_uses(environment: jinja2.Environment, tree: nodes.Template) -> list[TemplateFault]:
    """Includes, imports and extends of a fixed name that the loader refuses (a link, a
    file outside the folder, a name in other letter case): listed when the library is
    read, so the template is never used and the next one in rank writes the draft.
    The loader refuses them again when a template runs, whatever was checked before."""
    faults: list[TemplateFault] = []
    if environment.loader is None:
        return faults
    for node in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)):
        used = getattr(node, "template", None)
        if not (isinstance(used, nodes.Const) and isinstance(used.value, str)):
            continue
        try:
            environment.loader.get_source(environment, used.value)
        except PathRefusedError as error:
            faults.append(TemplateFault(error.message_id, node.lineno, error.params))
        except jinja2.TemplateError:
            pass  # not found or broken: said when it runs, with Jinja's own words
    return faults


def _read_from_context(tree: nodes.Template) -> set[str]:
    """Names the template reads but never sets, imports or takes as a parameter.

    A quicker, slightly looser cousin of ``jinja2.meta.find_undeclared_variables``
    (which runs the code generator): scoping is ignored, so a name set anywhere counts
    as set everywhere; good enough to tell facts from the template's own names.
    """
    read: set[str] = set()
    declared: set[str] = set()
    for node in tree.find_all((nodes.Name, nodes.Macro, nodes.Import, nodes.FromImport)):
        if isinstance(node, nodes.Name):
            (read if node.ctx == "load" else declared).add(node.name)
        elif isinstance(node, nodes.Macro):
            declared.add(node.name)
        elif isinstance(node, nodes.Import):
            declared.add(node.target)
        elif isinstance(node, nodes.FromImport):
            declared.update(name if isinstance(name, str) else name[1] for name in node.names)
    return read - declared


def _unknown_facts(tree: nodes.Template, known: FactSchema) -> list[TemplateFault]:
    from_context = _read_from_context(tree) - JINJA_GLOBALS
    faults = [
        TemplateFault(NOT_A_FACT, _first_line(tree, name), {"name": name})
        for name in sorted(from_context)
        if name not in known
    ]
    for chain, line in _attribute_chains(tree, from_context & set(known)):
        shape: Any = known
        walked: list[str] = []
        for part in chain:
            walked.append(part)
            if isinstance(shape, list):
                shape = shape[0] if shape else None
            if not isinstance(shape, dict):
                break  # a leaf (text, date): its own methods are Jinja's business
            if part not in shape:
                faults.append(TemplateFault(NOT_A_FACT, line, {"name": ".".join(walked)}))
                break
            shape = shape[part]
    return faults


def _attribute_chains(tree: nodes.Template, roots: set[str]) -> Iterator[tuple[list[str], int]]:
    """``organisation.name`` -> (["organisation", "name"], line), outermost chains only."""
    inner: set[int] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Getitem)):
        if id(node) in inner:
            continue
        chain: list[str] = []
        current: nodes.Node = node
        while isinstance(current, nodes.Getattr | nodes.Getitem):
            inner.add(id(current))
            if isinstance(current, nodes.Getattr):
                chain.append(current.attr)
            elif isinstance(current.arg, nodes.Const) and isinstance(current.arg.value, str):
                chain.append(current.arg.value)
            else:
                chain.clear()  # an index or a computed key: stop at what is known
            current = current.node
        if isinstance(current, nodes.Name) and current.name in roots:
            yield [current.name, *reversed(chain)], node.lineno


def _first_line(tree: nodes.Template, name: str) -> int | None:
    for node in tree.find_all(nodes.Name):
        if node.name == name:
            return node.lineno
    return None


def schema_of(value: Any) -> Any:
    """The shape of a render context, as :data:`FactSchema`."""
    if isinstance(value, dict):
        return {str(key): schema_of(item) for key, item in value.items()}
    if isinstance(value, list):
        return [schema_of(value[0])] if value else []
    return None


def merge_schemas(first: Any, second: Any) -> Any:
    """The shape that holds both: a name known in either is known; a dict beats a leaf."""
    if isinstance(first, dict) and isinstance(second, dict):
        merged = dict(first)
        for key, shape in second.items():
            merged[key] = merge_schemas(first[key], shape) if key in first else shape
        return merged
    if isinstance(first, list) and isinstance(second, list):
        if first and second:
            return [merge_schemas(first[0], second[0])]
        return first or second
    return second if first is None else first
