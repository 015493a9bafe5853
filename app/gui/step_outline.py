"""The steps of the facts, in order: each one's title and, for a step that holds one
document's texts, that document. The step list down the side is drawn from this outline
before the pages themselves are built (the window paints first), and each page takes
its title from here, so the list and the pages cannot disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.gui.documents_field import chosen_documents
from app.gui.texts import N_
from app.templates.documents import DocumentKind


@dataclass(frozen=True)
class StepOutline:
    """A step as the list shows it. ``document``: the one document whose texts the step
    holds (shown only when the incident has that document); ``None`` for facts."""

    title: str
    document: DocumentKind | None = None

    def needed(self, documents: Sequence[DocumentKind]) -> bool:
        return self.document is None or self.document in documents


ORGANISATION = StepOutline(N_("Organisation and contacts"))
HAPPENED = StepOutline(N_("What happened"))
SYSTEMS = StepOutline(N_("Systems and sites"))
DATA = StepOutline(N_("Customer data and authorities"))
RECOVERY = StepOutline(N_("Recovery"))
GUIDANCE = StepOutline(N_("What each audience should do"))
QA = StepOutline(N_("Questions and answers"), DocumentKind.QA)
SHORT_TEXTS = StepOutline(N_("Short texts"), DocumentKind.SOCIAL)

#: Every step, in the order of the list (the review step comes after them).
STEPS: tuple[StepOutline, ...] = (
    ORGANISATION,
    HAPPENED,
    SYSTEMS,
    DATA,
    RECOVERY,
    GUIDANCE,
    QA,
    SHORT_TEXTS,
)


def steps_needed(documents_value: object) -> list[bool]:
    """Which steps the facts being edited need, from their ``drafting.documents`` as
    typed (the pages say the same once the facts are validated: ``StepPage.needed``)."""
    documents = chosen_documents(documents_value)
    return [step.needed(documents) for step in STEPS]
