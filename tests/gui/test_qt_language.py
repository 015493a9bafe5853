"""Qt's own buttons and dialogs speak the language the user chose: at start, from the
saved choice, and at once when switched from the Language menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QPushButton


def file_dialog_texts(qtbot) -> list[str]:
    """The labels and buttons of Qt's own file dialog, as drawn now."""
    dialog = QFileDialog(None, "", "", "Incidents (*.crisis.json)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    texts += [button.text() for button in dialog.findChildren(QPushButton)]
    dialog.close()
    return texts


def message_box_buttons(qtbot) -> list[str]:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "",
        "",
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    qtbot.addWidget(box)
    return sorted(button.text() for button in box.findChildren(QPushButton))


def test_a_french_window_has_qt_speak_french_and_switches_at_once(make_main_window, qtbot) -> None:
    window = make_main_window(language="fr")
    assert message_box_buttons(qtbot) == ["Annuler", "Enregistrer", "Ne pas tenir compte"]
    texts = file_dialog_texts(qtbot)
    assert "&Voir dans\u00a0:" in texts  # missing from Qt's own French catalog
    assert "Fichiers de &type\u00a0:" in texts
    assert "&Nom de fichier\u00a0:" in texts
    assert not [text for text in texts if "Look in" in text or "Files of" in text]

    window.menus.language.actions()[0].trigger()  # English
    assert window.translator.language == "en"
    assert message_box_buttons(qtbot) == ["Cancel", "Discard", "Save"]
    assert "&Look in:" in file_dialog_texts(qtbot)
    window.set_language("fr")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"


def test_the_saved_choice_is_qts_language_at_the_next_start(
    make_main_window, qtbot, tmp_path
) -> None:
    first = make_main_window(language="en")
    first.set_language("fr")  # kept in the settings
    first.close()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert settings.value("language") == "fr"
    make_main_window(language=None)  # no --lang: the saved choice
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_closing_the_window_takes_its_catalogs_away(make_main_window) -> None:
    window = make_main_window(language="fr")
    window.close()
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
