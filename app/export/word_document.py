"""Draft -> a Word document, as bytes: the draft's body, properties and header marks
written into the frame of its kind (:mod:`app.export.word_frame`). Nothing here loads
python-docx: the frames of CrisisDraft's own look are kept between runs
(:mod:`app.export.house_frames`), so an export without a letterhead does not need it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Protocol

from app.drafts.blocks import Draft
from app.errors import Problem
from app.export.marks import APPROVED_MARKS, Mark, draft_status, header_lines
from app.export.word_frame import DocumentProperties, Frame
from app.facts.languages import DEFAULT_VARIANTS
from app.facts.models import Approval, Language


class FrameSource(Protocol):
    """Where an export's documents get their frames: CrisisDraft's own look
    (:class:`app.export.house_frames.HouseFrames`) or a letterhead
    (:class:`app.export.word_base.BaseDocument`)."""

    @property
    def dropped(self) -> Sequence[Problem]:
        """What was dropped from the letterhead (its active content), as notes."""
        ...

    def frame(self, proofing_tag: str, line_count: int, language: Language) -> Frame: ...

    def letterhead_faults(self) -> contextlib.AbstractContextManager[None]: ...


def draft_to_docx(
    draft: Draft,
    base: FrameSource,
    *,
    now: datetime | None = None,
    approval: Approval | None = None,
    mark: Mark = Mark.DRAFT,
) -> bytes:
    """The ``.docx`` file of ``draft``, as bytes, ready to be written atomically.

    With ``approval`` it is the final document: no DRAFT mark, and the approver is
    recorded in its properties; a document the registry says may not be published
    keeps its "not for publication" mark all the same. ``mark`` adds the privilege
    mark under the DRAFT mark, in the header and the properties (refused with an
    approval: :func:`app.export.marks.check_mark`).

    The document is written into the frame ``base`` keeps for its language and number
    of header lines (made once per export, see :mod:`app.export.word_frame`)."""
    marks = header_lines(draft, approved=approval is not None, mark=mark)
    frame = base.frame(_proofing_tag(draft), len(marks), draft.info.language)
    return frame.fill(draft, marks, _properties(draft, now or datetime.now(UTC), approval, mark))


# Word keeps at most 255 characters in a text property of a document (python-docx refuses
# more); a headline written by a template may be longer, and must not fail the export.
_PROPERTY_LIMIT = 255


def fit_property(text: str) -> str:
    """``text`` cut to what a document property holds, with an ellipsis when cut."""
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _properties(
    draft: Draft, now: datetime, approval: Approval | None, mark: Mark
) -> DocumentProperties:
    """The draft's Word properties: who wrote it from which template, its status (the
    DRAFT mark, or who approved it and when)."""
    modified_by = fit_property(draft.info.author)
    category = fit_property(draft_status(draft, mark))
    comments = fit_property(f"Written with CrisisDraft from {draft.info.template}")
    if approval is not None:
        approver = approval.approver
        category = APPROVED_MARKS[draft.info.language]
        modified_by = fit_property(f"{approver.name} ({approver.role})")
        comments = fit_property(
            f"Approved by {approver.name}, {approver.role}, on "
            f"{approval.approved_at.isoformat(timespec='minutes')}; written with CrisisDraft "
            f"from {draft.info.template}"
        )
    return DocumentProperties(
        title=fit_property(draft.headline),
        subject=fit_property(draft.info.document_title),
        author=fit_property(draft.info.author),
        last_modified_by=modified_by,
        category=category,
        comments=comments,
        moment=now,
    )


def _proofing_tag(draft: Draft) -> str:
    """The draft's own variant (en-US for an American organisation), else its language's."""
    return draft.info.proofing_tag or DEFAULT_VARIANTS[draft.info.language].proofing_tag
