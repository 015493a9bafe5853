"""The DRAFT mark, as the Word and PDF headers and the preview show it, and the other
words a document carries beside its text (its status once approved, its page numbers,
"not for publication" on a document that must never leave the organisation, and the
privilege mark of a draft sent to counsel).

What the header says is decided here and nowhere else: the writers only print the lines
:func:`header_lines` gives them."""

from __future__ import annotations

from enum import StrEnum

from app.drafts.blocks import Draft
from app.errors import N_, ExportError
from app.facts.models import Language
from app.templates.documents import spec_of

DRAFT_MARKS: dict[Language, str] = {
    "en": "DRAFT – NOT FOR RELEASE",
    "fr": "PROJET – NE PAS DIFFUSER",
}
APPROVED_MARKS: dict[Language, str] = {
    "en": "Approved for release",
    "fr": "Approuvé pour diffusion",
}
#: On every page of a document the registry says is not publishable (the reactive
#: Q&A), drafted or approved alike: approval makes it ready to hand to the
#: spokesperson, never to publish.
INTERNAL_MARKS: dict[Language, str] = {
    "en": "INTERNAL – NOT FOR PUBLICATION",
    "fr": "USAGE INTERNE – NE PAS PUBLIER",
}
#: Under the DRAFT mark of a draft sent to counsel for legal review, so that the
#: organisation may claim privilege over it (the words of issue 17: "Privileged &
#: confidential – prepared at the request of counsel"), in capitals as the other marks.
PRIVILEGE_MARKS: dict[Language, str] = {
    "en": "PRIVILEGED & CONFIDENTIAL – PREPARED AT THE REQUEST OF COUNSEL",
    "fr": "CONFIDENTIEL – PRÉPARÉ À LA DEMANDE DU CONSEIL JURIDIQUE",
}
#: Under the DRAFT mark of a text the law asks for (``DocumentSpec.law_text``: the
#: market announcement): a note for the lead, never for the recipient, so it goes with
#: the DRAFT mark and the approved document carries neither.
LEGAL_CHECK_MARKS: dict[Language, str] = {
    "en": "NOT LEGAL ADVICE – TO BE CHECKED BY COUNSEL OR THE DATA PROTECTION OFFICER",
    "fr": "NE CONSTITUE PAS UN AVIS JURIDIQUE – À FAIRE VALIDER PAR LE CONSEIL JURIDIQUE OU "
    "LE DÉLÉGUÉ À LA PROTECTION DES DONNÉES",
}
#: On every page of a redline (``crisisdraft redline``): a comparison shows words that
#: never went out (deleted ones, a draft not issued yet), and must never be sent as
#: the statement.
COMPARISON_MARKS: dict[Language, str] = {
    "en": "COMPARISON – NOT FOR RELEASE",
    "fr": "COMPARAISON – NE PAS DIFFUSER",
}
PAGE_WORDS: dict[Language, tuple[str, str]] = {"en": ("Page", "of"), "fr": ("Page", "sur")}


class Mark(StrEnum):
    """What a draft's header says, chosen at export (``--mark``, the export dialog).

    The privilege mark goes beside the DRAFT mark, never instead of it: a draft sent to
    counsel is still a draft, and the DRAFT line (with its statement's time) is what
    stops a forwarded copy being taken for the statement, and what tells a document
    brought back from Word which statement it is."""

    DRAFT = "draft"  #: the DRAFT mark alone (and "not for publication" where it applies)
    PRIVILEGED = "privileged"  #: the privilege mark too, under the DRAFT mark


#: A final document goes to its audience as issued: a statement handed to the press
#: marked privileged would say the organisation's lawyers wrote it, and could not be
#: privileged anyway. Refused before anything is rendered or written.
PRIVILEGED_FINAL = N_(
    "a final document goes to its audience as issued and cannot carry the privilege mark "
    "(privileged & confidential), which is for drafts sent to counsel: export the final "
    "documents without it; nothing was exported"
)


def check_mark(mark: Mark, *, final: bool) -> None:
    """Refuse the privilege mark on a final export (:data:`PRIVILEGED_FINAL`)."""
    if final and mark is Mark.PRIVILEGED:
        raise ExportError(message_id=PRIVILEGED_FINAL)


def draft_mark(draft: Draft) -> str:
    """ "DRAFT – NOT FOR RELEASE · 2 September 2025, 09:00 BST"."""
    return f"{DRAFT_MARKS[draft.info.language]} · {draft.info.statement_time}"


def internal_mark(draft: Draft) -> str | None:
    """ "INTERNAL – NOT FOR PUBLICATION" for a document the registry says may not be
    published (``DocumentSpec.publishable``), else None."""
    if spec_of(draft.info.document).publishable:
        return None
    return INTERNAL_MARKS[draft.info.language]


def legal_check_mark(draft: Draft) -> str | None:
    """ "NOT LEGAL ADVICE – TO BE CHECKED BY COUNSEL..." on a draft of a text the law asks
    for (the registry's ``law_text``), else None."""
    if not spec_of(draft.info.document).law_text:
        return None
    return LEGAL_CHECK_MARKS[draft.info.language]


def privilege_mark(draft: Draft, mark: Mark) -> str | None:
    """ "PRIVILEGED & CONFIDENTIAL – ..." when ``mark`` asks for it, else None."""
    return PRIVILEGE_MARKS[draft.info.language] if mark is Mark.PRIVILEGED else None


def draft_status(draft: Draft, mark: Mark = Mark.DRAFT) -> str:
    """A draft's state as its document properties record it (Word's category, the PDF's
    keywords): the DRAFT mark, and the privilege mark when it carries one."""
    language = draft.info.language
    privilege = privilege_mark(draft, mark)
    return DRAFT_MARKS[language] + (f"; {privilege}" if privilege else "")


def header_lines(
    draft: Draft, *, approved: bool = False, mark: Mark = Mark.DRAFT
) -> tuple[str, ...]:
    """What the top of every page says, a line each: the DRAFT mark until the draft is
    approved, with the note that a text the law asks for must be checked by counsel,
    under them the privilege mark when ``mark`` asks for it (refused on an approved
    document: :func:`check_mark`), and "not for publication" for a document that may
    not be published, approved or not."""
    check_mark(mark, final=approved)
    return mark_lines(draft, None if approved else draft_mark(draft), mark)


def mark_lines(
    draft: Draft, drafted: str | None, mark: Mark = Mark.DRAFT, *, internal: bool = True
) -> tuple[str, ...]:
    """The lines above ``draft``, in order, for the Word and PDF headers and the preview
    alike: ``drafted`` (its DRAFT mark; None once approved or where none is shown) with
    the note a text the law asks for carries while it is a draft and the draft's notes
    for the lead (:attr:`~app.drafts.blocks.DraftInfo.lead_notes`), the privilege mark
    when ``mark`` asks for it, and "not for publication" where it applies, unless
    ``internal`` is False (a printed page says it in its own header)."""
    lines = [drafted, legal_check_mark(draft), *draft.info.lead_notes] if drafted else []
    lines += [privilege_mark(draft, mark), internal_mark(draft) if internal else None]
    return tuple(line for line in lines if line)


def comparison_header_lines(language: Language, mark: Mark = Mark.DRAFT) -> tuple[str, ...]:
    """What the top of every page of a redline says, a line each: the comparison mark
    (it stands where a draft's DRAFT mark does: a redline is never final), and under it
    the privilege mark when ``mark`` asks for it (a redline sent to counsel)."""
    lines = [COMPARISON_MARKS[language]]
    if mark is Mark.PRIVILEGED:
        lines.append(PRIVILEGE_MARKS[language])
    return tuple(lines)
