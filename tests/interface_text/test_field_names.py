"""Every field a problem can name has a name in both languages: the paths are collected
from the incident format's own models, so a field added to the format without a name
fails here, not in front of a user reading ``contacts.dealers.name`` at 2 a.m."""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.messages.pofile import read_po
from pydantic import BaseModel

from app.errors import Problem, When
from app.facts.models import LANGUAGES, Incident
from app.files.resources import bundled
from app.interface_text.field_names import FIELD_NAMES, IN_LANGUAGE, field_name
from app.interface_text.problem_text import ProblemWording
from app.interface_text.translator import Translator

#: A word of a field path (``dealers_can_register_vehicles``, ``[0]``, ``.en``).
RAW = re.compile(r"_|\[\d+\]|\.(en|fr)\b|^[a-z]+$")


def _models_in(annotation: object) -> Iterator[tuple[str, object]]:
    """(suffix, inner annotation) for what a field holds: itself, or a list's items."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from _models_in(typing.get_args(annotation)[0])
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)
    elif origin is list:
        yield "[1]", typing.get_args(annotation)[0]
    else:
        yield "", annotation


def model_paths(model: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every field path of ``model``, list items as the first item (``sites[1]``)."""
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        yield path
        for suffix, inner in _models_in(info.annotation):
            if suffix:
                yield path + suffix
                for item_suffix, item in _models_in(inner):
                    if isinstance(item, type) and issubclass(item, BaseModel):
                        yield from model_paths(item, path + suffix + item_suffix)
            elif isinstance(inner, type) and issubclass(inner, BaseModel):
                yield from model_paths(inner, path)


PATHS = sorted(set(model_paths(Incident)))


def test_the_paths_cover_the_format() -> None:
    """The walk reaches deep fields, list items and both languages of a text."""
    for path in (
        "contacts.dealers.name",
        "sites[1].status",
        "recovery.steps[1].fr",
        "guidance.staff.en",
        "record.issued[1].approver.role",
        "containment.systems[1].name.fr",
        "organisation.listed_on[1]",
    ):
        assert path in PATHS
    assert len(PATHS) > 120


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_field_of_the_format_has_a_name_in_every_language(language: str) -> None:
    gettext = Translator(language).gettext
    unnamed = []
    for path in PATHS:
        name = field_name(path.replace("[1]", "[0]"), gettext)
        raw = [part for part in name.split(" › ") if RAW.search(part)]
        if name == path or raw:
            unnamed.append(f"{path} -> {name}")
    assert not unnamed, "\n".join(unnamed)


def test_every_part_of_a_name_is_translated_into_french() -> None:
    with Path(bundled("translations") / "fr" / "LC_MESSAGES" / "crisisdraft.po").open("rb") as po:
        catalog = read_po(po, locale="fr")
    parts = {part for name in FIELD_NAMES.values() for part in name} | set(IN_LANGUAGE.values())
    untranslated = [
        part
        for part in sorted(parts)
        if not (entry := catalog.get(part)) or not entry.string or entry.fuzzy
    ]
    assert not untranslated


def test_a_name_reads_as_the_form_reads_it() -> None:
    english, french = Translator("en").gettext, Translator("fr").gettext
    assert field_name("contacts.dealers.name", english) == "Dealer contact › Name"
    assert field_name("contacts.dealers.name", french) == "Contact concessionnaires › Nom"
    assert field_name("sites[2].name", english) == "Sites › row 3 › Name"
    assert (
        field_name("recovery.steps[0].fr", french) == "Étapes de redémarrage › ligne 1 (français)"
    )
    assert field_name("guidance.staff.fr", french) == "Consignes › Collaborateurs (français)"
    # a key the format does not have (a typo in a file) is named after the known part
    assert field_name("guidance.staff.de", english) == "Guidance › Staff › de"
    assert field_name("nonsense", english) == "nonsense"


def test_a_problem_names_its_place_as_the_app_does() -> None:
    french = ProblemWording(Translator("fr").gettext, "fr", source="incident")
    empty = Problem(
        "incident: contacts.dealers.name",
        message_id="is empty; write it, or remove the field if it is optional",
        field="contacts.dealers.name",
    )
    assert french.line(empty).startswith("Contact concessionnaires › Nom\u00a0: est vide")
    # another file than the open incident keeps its name before the field's
    other = Problem("old.crisis.json: title", message_id="cannot be read", field="title")
    assert french.place(other) == "old.crisis.json › Titre de travail"
    drafts = Problem(
        "incident: press_release (en)",
        message_id="is not approved as it stands (never approved, or changed since): "
        "approve it before a final export",
        documents=("press_release",),
        draft_language="en",
    )
    assert french.place(drafts) == "Communiqué de presse (anglais)"
    late = Problem(
        "incident: next_update_at",
        message_id="the update promised for {promised} is overdue: issue one now",
        params={"promised": When(datetime(2025, 9, 2, 18, 0, tzinfo=ZoneInfo("Europe/London")))},
        field="next_update_at",
    )
    assert "2 sept. 2025, 18:00" in french.line(late)
    assert "Sep 2, 2025, 6:00\u202fPM" in late.message  # the command line's English
    whole = Problem("incident", message_id="cannot be read")
    assert french.line(whole) == Translator("fr").gettext("cannot be read")
