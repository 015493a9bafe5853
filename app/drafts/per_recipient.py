"""One file per authority: a text to several authorities that read the same language.

A regulator notification in English to the ICO and the DPC is one draft: the lead
reads, checks and approves the English text once, both notifications side by side. But
each authority must receive its own notification, never the other's, so the export
writes one file per authority, and the record keeps each as sent to that one.

The template writes each authority's notification as the first one is laid out: the
same blocks above its title (the "INITIAL NOTIFICATION" kicker), then the title, then
the address ("To: Information Commissioner's Office (ICO)"). The draft is cut there, in
the order the authorities are named, and kept cut only when each part is addressed to
its own authority and to no other, and each authority has a file name of its own. Any
other draft (a template of the lead's own laid out otherwise) is not cut: one file, as
approved, addressed to all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from app.drafts.blocks import BlockKind, Draft
from app.drafts.typography import comparable
from app.facts.authorities import file_tag, full_name
from app.facts.models import Incident
from app.facts.vocabulary import Language
from app.templates.documents import recipients


def per_authority(incident: Incident, draft: Draft) -> tuple[Draft, ...]:
    """The files ``draft`` is written as: one per authority it goes to in its language
    (a regulator notification to the ICO and the DPC), else ``(draft,)``."""
    addressed = recipients(incident, draft.info.document).get(draft.info.language, ())
    return split_by_recipient(draft, addressed)


def split_by_recipient(draft: Draft, recipients: Sequence[str]) -> tuple[Draft, ...]:
    """``draft`` as one draft per name of ``recipients`` (each with ``info.recipient``),
    or ``(draft,)`` when it goes to one authority or cannot be cut one for one."""
    if len(recipients) < 2:
        return (draft,)
    tags = [file_tag(name) for name in recipients]
    if not all(tags) or len(set(tags)) != len(tags):
        return (draft,)  # two files would share a name
    blocks = draft.blocks
    titles = [i for i, block in enumerate(blocks) if block.kind is BlockKind.TITLE]
    if len(titles) != len(recipients):
        return (draft,)
    above = titles[0]  # the blocks above the first title (its kicker) start each part
    starts = [title - above for title in titles]
    kinds = [block.kind for block in blocks[: above + 1]]
    if any([b.kind for b in blocks[start : start + above + 1]] != kinds for start in starts):
        return (draft,)
    ends = [*starts[1:], len(blocks)]
    parts = tuple(
        Draft(replace(draft.info, recipient=name), blocks[start:end])
        for name, start, end in zip(recipients, starts, ends, strict=True)
    )
    language = draft.info.language
    addressed = [_addressees(part, recipients, language) for part in parts]
    if addressed != [[name] for name in recipients]:
        return (draft,)  # a part not addressed to its own authority alone
    return parts


def part_for_text(parts: Sequence[Draft], text: str) -> Draft | None:
    """The part of ``parts`` whose authority ``text`` (a document brought back from
    Word) is addressed to: the one whose address line ("To: ...") it contains, if
    exactly one does."""
    plain = comparable(text)
    found = [part for part in parts if (line := _address_line(part)) and line in plain]
    return found[0] if len(found) == 1 else None


def _addressees(part: Draft, recipients: Sequence[str], language: Language) -> list[str]:
    """The names of ``recipients`` whose full name the part's address line holds."""
    line = _address_line(part)
    return [name for name in recipients if comparable(full_name(name, language)) in line]


def _address_line(part: Draft) -> str:
    """The first list item of the part (whom it is addressed to: "To: ICO"), as
    :func:`~app.drafts.typography.comparable` folds it."""
    first = next((block.text for block in part.blocks if block.kind is BlockKind.BULLET), "")
    return comparable(first)
