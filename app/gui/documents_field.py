"""Which documents this incident needs: a check box per document of the registry, its
audience beside it, written to ``drafting.documents``.

The choice is the incident's (saved in its file): the preview's list, the Approve and
Export dialogs, the approval count and the timeline's lanes follow it. Absent, the
incident needs the first three documents (:func:`app.templates.documents.documents_of`),
and the boxes show those ticked. One box stays ticked: an incident with no document
would have nothing to preview, approve or export.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel

from app.facts.vocabulary import LANGUAGES, Language
from app.gui.fields import BoundField
from app.gui.incident_model import IncidentModel
from app.gui.mnemonics import literal
from app.gui.step_page import StepPage
from app.gui.texts import N_, TextRegistry
from app.gui.theme import show_as_hint
from app.interface_text.field_names import caption
from app.templates.documents import DOCUMENTS, FIRST_DOCUMENTS, DocumentKind, in_order

PATH = "drafting.documents"
LAST_ONE = N_("The incident needs at least one document: tick another one first.")
OFFERED = N_("Preview, Approve and Export offer the documents ticked.")


def chosen_documents(value: object) -> tuple[DocumentKind, ...]:
    """The documents a ``drafting.documents`` being edited names, in the registry's
    order: the first three when it names none (``None``); a key no document has (a
    damaged file: the facts' checks name it) is left out."""
    if value is None:
        return FIRST_DOCUMENTS
    if not isinstance(value, list):
        return ()
    known = {kind.value for kind in DocumentKind}
    return in_order(key for key in value if key in known)


def interface_language() -> Language:
    """The interface language, as the window set Qt's default locale for it
    (:mod:`app.gui.qt_language`): the documents' registry names each audience in
    every language the app speaks."""
    spoken = QLocale().language()
    return next((code for code in LANGUAGES if QLocale(code).language() == spoken), "en")


class DocumentsField(BoundField):
    """A check box per document of the registry with its audience beside it, in the
    interface language; ticking one adds it to ``drafting.documents``."""

    def __init__(self, model: IncidentModel, texts: TextRegistry) -> None:
        super().__init__(model, PATH, texts)
        self.boxes: dict[DocumentKind, QCheckBox] = {}
        self.audiences: dict[DocumentKind, QLabel] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._last_one = LAST_ONE  # set before the audiences: they say it on the last box
        texts.add(partial(setattr, self, "_last_one"), LAST_ONE)
        for row, (kind, spec) in enumerate(DOCUMENTS.items()):
            box = QCheckBox()
            texts.add(partial(_set_name, box), spec.name)
            audience = QLabel()
            audience.setWordWrap(True)
            show_as_hint(audience)
            # on each change of language (the name's cue): the registry's audience in it
            texts.add(partial(self._show_audience, kind), spec.name)
            box.toggled.connect(self._edited)
            self.boxes[kind] = box
            self.audiences[kind] = audience
            layout.addWidget(box, row, 0)  # fills the column: its text starts at the left
            layout.addWidget(audience, row, 1)
        offered = QLabel()
        offered.setWordWrap(True)
        show_as_hint(offered)
        texts.add(offered.setText, OFFERED)
        layout.addWidget(offered, len(DOCUMENTS), 0, 1, 2)
        layout.setColumnStretch(1, 1)
        self.setFocusProxy(next(iter(self.boxes.values())))
        self.refresh()

    def chosen(self) -> tuple[DocumentKind, ...]:
        """The documents ticked, in the registry's order."""
        return tuple(kind for kind, box in self.boxes.items() if box.isChecked())

    def _show_audience(self, kind: DocumentKind, _name: str) -> None:
        audiences = DOCUMENTS[kind].audiences
        text = audiences.get(interface_language()) or audiences["en"]
        self.audiences[kind].setText(text)
        self._keep_one()

    def _edited(self) -> None:
        chosen = self.chosen()
        if chosen:
            self.model.set_value(self.path, [kind.value for kind in chosen])
        self._keep_one()

    def refresh(self) -> None:
        chosen = set(chosen_documents(self.model.value(self.path)))
        for kind, box in self.boxes.items():
            if box.isChecked() != (kind in chosen):
                box.blockSignals(True)
                box.setChecked(kind in chosen)
                box.blockSignals(False)
        self._keep_one()

    def _keep_one(self) -> None:
        """The only box ticked cannot be unticked, and says why."""
        ticked = [box for box in self.boxes.values() if box.isChecked()]
        for kind, box in self.boxes.items():
            alone = ticked == [box]
            box.setEnabled(not alone)
            audience = self.audiences[kind].text()
            tip = f"{audience}\n{self._last_one}" if alone else audience
            box.setToolTip(tip)
            box.setAccessibleDescription(tip)


def _set_name(box: QCheckBox, name: str) -> None:
    box.setText(literal(name))  # "Reactive Q&A" reads as written


def documents_group(page: StepPage, model: IncidentModel) -> DocumentsField:
    """The "Audiences" group of ``page``: the documents the incident needs."""
    page.group(N_("Audiences"))
    return page.row(caption(PATH), DocumentsField(model, page.texts))


__all__ = ["DocumentsField", "chosen_documents", "documents_group", "interface_language"]
