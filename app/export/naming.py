"""File names of exported documents:
``<organisation>_<set>-<n>_<statement date and time>_<doc>_<lang>.docx`` (or ``.pdf``;
``_<authority>`` after the language for a text cut per authority),
e.g. ``northwind-motors_update-2_2025-09-10-1700_press_release_fr.docx``.

The statement's set and sequence (from the record: the second statement issued is 2)
and its time are in the name, so the documents of a later statement never take the
names, and the place, of an earlier one's."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from app.facts.authorities import file_tag
from app.facts.models import Incident, Language
from app.templates.documents import DocumentKind
from app.templates.metadata import TemplateSet

SETS = {template_set.value for template_set in TemplateSet}


class DocumentFormat(StrEnum):
    """What an export writes each document as; the value is the file's extension."""

    DOCX = "docx"  # Word, to edit and send
    PDF = "pdf"  # to put on a website, to print


WORD_ONLY: tuple[DocumentFormat, ...] = (DocumentFormat.DOCX,)


def slug(text: str) -> str:
    """ "Northwind Motors" -> "northwind-motors"; accents folded, safe on every OS."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return words or "organisation"


def statement_number(incident: Incident) -> int:
    """The sequence of the statement being written: one more than the statements
    issued so far (the documents issued together are one statement)."""
    return len({statement.issued_at for statement in incident.record.issued}) + 1


def document_file_name(
    incident: Incident,
    document: DocumentKind,
    language: Language,
    template_id: str = "",
    file_format: DocumentFormat = DocumentFormat.DOCX,
    recipient: str = "",
) -> str:
    """The file name of ``document`` in ``language`` for the statement being written,
    from the template that wrote it (``holding.press_release``: the set); its PDF has
    the same name but for the extension. A text cut per authority ends with the
    authority's short name: ``..._regulator_notification_en_ico.docx``."""
    template_set = template_id.split(".")[0]
    kind = template_set if template_set in SETS else "statement"
    when = incident.local(incident.incident.statement_at).strftime("%Y-%m-%d-%H%M")
    return (
        f"{slug(incident.organisation.name)}_{kind}-{statement_number(incident)}_{when}_"
        f"{document.value}_{language}{_authority_part(recipient)}.{file_format.value}"
    )


def names_authority(file_name: str, language: Language, recipient: str) -> bool:
    """Whether ``file_name`` says it is the file of ``recipient`` in ``language``, as
    :func:`document_file_name` writes it ("..._en_ico", kept when a colleague renames
    around it: "..._en_ico (legal).docx")."""
    written = re.escape(f"_{language}{_authority_part(recipient)}")
    return re.search(rf"{written}(?![a-z0-9])", file_name.lower()) is not None


def _authority_part(recipient: str) -> str:
    """What a file cut for one authority carries after its language: "_ico"."""
    return f"_{file_tag(recipient)}" if recipient else ""
