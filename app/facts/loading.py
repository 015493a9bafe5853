"""Reading ``*.crisis.json`` files into :class:`Incident`, with messages people can act on.

Every fault becomes a :class:`Problem` naming the file and the field path
(``guidance.staff.fr``, ``sites[1].status``) and saying what is expected. Files from an
older format version are migrated; files from a newer one are refused, because this
app cannot know what their new fields mean.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from app.errors import N_, IncidentFileError, MessageError, Param, Problem
from app.facts.migration import migrate
from app.facts.models import FORMAT_NAME, FORMAT_VERSION, Incident
from app.facts.text_rules import check_text, visible

MAX_FILE_BYTES = 5 * 1024 * 1024
# An incident file nests about eight levels deep, a record's snapshots included; far
# deeper is a damaged or hostile file, which Python's parsers would meet as a crash.
MAX_DEPTH = 64
# No field takes a number longer than this (Python refuses to read one of 4,300 digits).
MAX_DIGITS = 30


def load_incident(path: Path | str) -> Incident:
    """Read and validate an incident file; raise :class:`IncidentFileError` if it is bad."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise _single(path, N_("the file does not exist; check the path")) from None
    except IsADirectoryError:
        raise _single(path, N_("this is a folder, not an incident file")) from None
    except OSError as error:
        raise _single(
            path, N_("cannot be read ({reason})"), reason=error.strerror or str(error)
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _single(path, N_("is larger than 5 MB, which no incident file is; check the file"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _single(
            path, N_("is not UTF-8 text (byte {byte}); save it again as UTF-8"), byte=error.start
        ) from None
    return parse_incident(text, source=path)


def parse_incident(text: str, *, source: Path | str = "<incident>") -> Incident:
    """Validate incident JSON text; ``source`` names it in messages."""
    source = Path(source)
    try:
        document = json.loads(
            text,
            object_pairs_hook=_JsonObject,
            parse_int=_whole_number,
            parse_constant=_not_a_json_number,
        )
    except RecursionError:
        raise _too_deep(source) from None
    except _NumberTooLongError as error:
        raise _single(
            source,
            N_(
                "contains a number of {digits} digits ({start}...), which no field takes; "
                "fix the file or restore a saved copy"
            ),
            digits=f"{len(error.digits):,}",
            start=error.digits[:12],
        ) from None
    except _NotJsonNumberError as error:
        # Python reads NaN and Infinity; JSON has no such numbers and other readers
        # (and the record's snapshots, written back as they were read) would choke.
        raise _single(
            source,
            N_(
                "contains {constant}, which is not a number JSON allows (give a number, or "
                "null where it is not known); fix the file or restore a saved copy"
            ),
            constant=error.constant,
        ) from None
    except json.JSONDecodeError as error:
        if not text.strip():
            raise _single(source, N_("is empty; fix the file or restore a saved copy")) from None
        raise _single(
            source,
            N_(
                "is not valid JSON: {reason} at line {line}, column {column}; fix the file "
                "or restore a saved copy"
            ),
            reason=error.msg,
            line=error.lineno,
            column=error.colno,
        ) from None
    if not isinstance(document, dict):
        raise _single(source, N_("is not an incident file: expected a JSON object at the top"))
    _check_structure(source, document)
    document = _migrate(source, document)
    try:
        return Incident.model_validate(document)
    except ValidationError as error:
        problems = [
            Problem(
                where=f"{source.name}: {visible(field_path(detail['loc'])) or '(top level)'}",
                message_id=message_id,
                params=params,
                field=visible(field_path(detail["loc"])) or None,
            )
            for detail in error.errors()
            for message_id, params in [describe(detail)]
        ]
        raise IncidentFileError(source, problems) from None


def _migrate(source: Path, document: dict[str, Any]) -> dict[str, Any]:
    if document.get("format") != FORMAT_NAME:
        raise _single(
            source,
            N_("is not a CrisisDraft incident file: 'format' must be \"{name}\""),
            field="format",
            name=FORMAT_NAME,
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _single(
            source, N_("'format_version' must be a whole number such as 1"), field="format_version"
        )
    if version > FORMAT_VERSION:
        raise _single(
            source,
            N_(
                "was written by a newer CrisisDraft (format version {version}; this one reads "
                "up to {latest}); update CrisisDraft to open it"
            ),
            field="format_version",
            version=version,
            latest=FORMAT_VERSION,
        )
    return migrate(document, version)


def field_path(location: Sequence[int | str]) -> str:
    """``("sites", 1, "status")`` -> ``"sites[1].status"``; drops pydantic's union tags."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part.startswith(("function-", "tagged-union[")) or "[" in part:
            continue
        else:
            path += f".{part}" if path else part
    return path


def describe(detail: ErrorDetails) -> tuple[str, dict[str, Param]]:
    """What is wrong with one field and what is expected there: a message id (marked for
    translation) and its parameters."""
    kind = detail["type"]
    context = detail.get("ctx") or {}
    given = _shown(detail.get("input"))
    if kind == "missing":
        return N_("is missing; add it (see the incident format)"), {}
    if kind == "extra_forbidden":
        return N_("is not a field of the incident format; check its spelling or remove it"), {}
    if kind in ("enum", "literal_error"):
        expected = str(context.get("expected", ""))
        return N_("{given} is not allowed; use one of {expected}"), {
            "given": given,
            "expected": expected,
        }
    if kind in ("datetime_parsing", "datetime_from_date_parsing", "datetime_type"):
        return N_(
            "{given} is not a date and time; write it as ISO 8601 with an offset, "
            "e.g. 2025-09-02T09:00:00+01:00"
        ), {"given": given}
    if kind == "timezone_aware":
        return N_("{given} has no UTC offset; add one, e.g. 2025-09-02T09:00:00+01:00"), {
            "given": given
        }
    if kind in ("date_parsing", "date_from_datetime_parsing", "date_type"):
        return N_("{given} is not a date; write it as 2025-09-15, or null for no date"), {
            "given": given
        }
    if kind == "string_too_short":
        return N_("is empty; write it, or remove the field if it is optional"), {}
    if kind in ("bool_type", "bool_parsing"):
        return N_("{given} is not true or false"), {"given": given}
    if kind == "string_type":
        return N_("{given} is not text; put it in quotes"), {"given": given}
    if kind == "list_type":
        return N_("{given} is not a list [ ... ]"), {"given": given}
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return N_("{given} is not an object {{ ... }}"), {"given": given}
    if kind == "value_error":
        error = context.get("error")
        if isinstance(error, MessageError):
            return error.message_id, dict(error.params)
        return _AS_GIVEN, {"text": str(context.get("error", detail["msg"]))}
    return _AS_GIVEN, {"text": f"{detail['msg']} (given: {given})"}


# A message the lower layers give in English only (a validator's, pydantic's own)
_AS_GIVEN = "{text}"


def _shown(value: object) -> str:
    text = visible(json.dumps(value, ensure_ascii=False, default=str))
    return text if len(text) <= 60 else text[:57] + "..."


def _single(
    source: Path, message_id: str, *, field: str | None = None, **params: Param
) -> IncidentFileError:
    """The file cannot be read at all: one problem, ``message_id`` with ``params``."""
    where = f"{source.name}: {field}" if field else source.name
    problem = Problem(where=where, message_id=message_id, params=params, field=field)
    return IncidentFileError(source, [problem])


class _JsonObject(dict[str, Any]):
    """A JSON object as read, remembering the keys it was given twice: JSON readers
    silently keep the last one, which may not be the one the user sees and edits."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        self.repeated: list[str] = []
        if len(self) < len(pairs):
            seen: set[str] = set()
            for key, _value in pairs:
                if key in seen:
                    self.repeated.append(key)
                seen.add(key)


class _NumberTooLongError(ValueError):
    def __init__(self, digits: str) -> None:
        super().__init__(digits)
        self.digits = digits


class _NotJsonNumberError(ValueError):
    def __init__(self, constant: str) -> None:
        super().__init__(constant)
        self.constant = constant


def _not_a_json_number(constant: str) -> float:
    raise _NotJsonNumberError(constant)


def _whole_number(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _NumberTooLongError(digits)
    return int(digits)


def _check_structure(source: Path, document: dict[str, Any]) -> None:
    """Refuse what JSON readers let through but the file cannot mean: a key given twice
    in one object, and nesting deeper than :data:`MAX_DEPTH` (walked without recursion)."""
    pending: list[tuple[Any, str, int]] = [(document, "", 1)]
    while pending:
        value, path, depth = pending.pop()
        if depth > MAX_DEPTH:
            raise _too_deep(source)
        if isinstance(value, _JsonObject):
            if value.repeated:
                key = visible(value.repeated[0])
                raise _single(
                    source,
                    N_(
                        "gives '{key}' twice in the same object, and only the last one "
                        "would count; keep the right one and delete the other"
                    ),
                    field=f"{visible(path)}.{key}" if path else key,
                    key=key,
                )
            for key, item in value.items():
                place = f"{path}.{key}" if path else key
                _check_key(source, key, place)
                pending.append((item, place, depth + 1))
        elif isinstance(value, list):
            pending += [(item, f"{path}[{index}]", depth + 1) for index, item in enumerate(value)]


def _check_key(source: Path, key: str, place: str) -> None:
    """A key holds what a text may (no control, direction or invisible character)."""
    try:
        check_text(key)
    except MessageError as error:
        raise _single(source, error.message_id, field=visible(place), **error.params) from None


def _too_deep(source: Path) -> IncidentFileError:
    return _single(
        source,
        N_(
            "is nested more than {limit} levels deep, which no incident file is; fix the "
            "file or restore a saved copy"
        ),
        limit=MAX_DEPTH,
    )
