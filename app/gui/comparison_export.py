"""The record window's "Export comparison as Word…": the two statements compared, written
as a Word redline whose differences are tracked changes (the session's
:meth:`~app.session.incident_session.IncidentSession.redline`, as ``crisisdraft
redline`` writes it), optionally with the privilege mark for counsel."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import CrisisDraftError
from app.export.marks import Mark
from app.export.naming import slug
from app.gui.texts import N_, Gettext
from app.interface_text.names import document_name, language_name
from app.interface_text.problem_text import ProblemWording
from app.session.incident_session import IncidentSession
from app.session.redline_statements import WrittenRedline

TITLE = N_("Export comparison as Word")


def comparable(session: IncidentSession, first: int, second: int) -> bool:
    """Whether statements ``first`` and ``second`` (counted from 1) are of one document
    in one language to the same authorities, as a redline must be."""
    issued = session.incident.record.issued
    if not (1 <= first <= len(issued) and 1 <= second <= len(issued)):
        return False
    one, other = issued[first - 1], issued[second - 1]
    return (one.document, one.language, one.recipients) == (
        other.document,
        other.language,
        other.recipients,
    )


def suggested_path(session: IncidentSession, first: int, second: int) -> Path:
    """Beside the incident file: "northwind-motors_comparison-1-3_press_release_en.docx"."""
    statement = session.incident.record.issued[second - 1]
    folder = session.path.parent if session.path is not None else Path.home()
    name = (
        f"{slug(session.incident.organisation.name)}_comparison-{first}-{second}_"
        f"{statement.document}_{statement.language}.docx"
    )
    return folder / name


def export_comparison(
    parent: QWidget,
    session: IncidentSession,
    first: int,
    second: int,
    gettext: Gettext,
    *,
    language: str = "en",
    privileged: bool = False,
) -> WrittenRedline | None:
    """Ask where, then write the redline from statement ``first`` to ``second``
    (counted from 1) and say what was written; ``None`` when the lead cancelled or it
    was refused (said in a message, nothing written)."""
    _ = gettext
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        _(TITLE),
        str(suggested_path(session, first, second)),
        _(N_("Word documents (*.docx)")),
    )
    if not name:
        return None
    out = Path(name)
    if out.suffix.lower() != ".docx":
        out = out.with_name(out.name + ".docx")
    mark = Mark.PRIVILEGED if privileged else Mark.DRAFT
    try:
        written = session.redline(first, second, out, now=datetime.now(UTC), mark=mark)
    except (CrisisDraftError, OSError) as error:
        wording = ProblemWording(gettext, language, session.source)
        QMessageBox.warning(parent, _(TITLE), wording.error(error))
        return None
    QMessageBox.information(parent, _(TITLE), written_summary(written, first, second, gettext))
    return written


def written_summary(written: WrittenRedline, first: int, second: int, gettext: Gettext) -> str:
    """What the comparison holds, as the lead checks it before sending it."""
    _ = gettext
    lines = [
        _(N_("Comparison written: {file}")).format(file=written.path),
        _(N_("{document} ({language}): statement {first} compared with statement {second}")).format(
            document=document_name(written.document, _),
            language=language_name(written.language, _),
            first=first,
            second=second,
        ),
    ]
    if written.changes:
        lines.append(
            _(N_("{count} tracked change(s) attributed to {author}")).format(
                count=written.changes, author=written.author
            )
        )
    else:
        lines.append(_(N_("The texts are the same: no tracked change.")))
    lines.append(_(N_("{count} fact(s) changed")).format(count=written.facts))
    return "\n".join(lines)
