"""The problems of the facts read in the interface language, and switch with it."""

from __future__ import annotations

NBSP = "\u00a0"
NNBSP = "\u202f"


def problem_texts(window) -> list[str]:
    problems = window.preview.problems
    return [problems.item(i).text() for i in range(problems.count())]


def test_a_contradiction_and_the_not_stated_line_read_in_french(make_main_window, qtbot) -> None:
    window = make_main_window()
    site = window.model.value("sites[0].name")
    window.model.set_value("recovery.phase", "restored")
    window.model.set_value("sites[0].status", "stopped")
    window.model.set_value("authorities.law_enforcement", None)
    window.model.set_value("authorities.specialists_engaged", None)
    window.preview.refresh()
    english = f"recovery is 'restored' but {site} is stopped: set the site to operating"
    qtbot.waitUntil(lambda: any(english in text for text in problem_texts(window)), timeout=2000)
    assert any(
        "Not stated: police, specialists (the drafts say nothing of it)" in text
        for text in problem_texts(window)
    )

    window.set_language("fr")
    texts = problem_texts(window)
    contradiction = next(text for text in texts if text.startswith("incident: sites[0].status"))
    assert contradiction == (
        "incident: sites[0].status: la phase de rétablissement est "
        f"«{NBSP}Service rétabli{NBSP}», mais "
        f"le site {site} est à l’arrêt{NBSP}: mettez le site en activité, ou choisissez une "
        "autre phase de rétablissement"
    )
    assert (
        f"ℹ incident: Non précisé{NBSP}: forces de l’ordre, experts (les projets n’en disent rien)"
        in texts
    )
    assert not any("recovery is" in text or "Not stated" in text for text in texts)

    window.set_language("en")
    assert any(english in text for text in problem_texts(window))


def test_a_blank_incident_lists_its_empty_fields_in_french(make_main_window) -> None:
    window = make_main_window()
    window.set_language("fr")
    window.files.new_blank()
    window.preview.refresh()
    texts = problem_texts(window)
    assert any(
        text.endswith(
            f"organisation.name: est vide{NNBSP}; remplissez-le, ou retirez le champ s’il est "
            "facultatif"
        )
        for text in texts
    ), texts
    assert not any("is empty" in text for text in texts)
