"""The built-in questions of the reactive Q&A, as the document asks them in each language.

The French wording is written with its typography (’, a narrow no-break space
before « ? »), as the app lists it and the draft prints it. They are labels of the
contract's keys (``drafting.qa[].key``), like the system labels
of :mod:`app.facts.catalogue`: the Q&A template prints them, and the app lists them so
the lead can reorder, drop or answer them for one incident.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from app.facts.models import Language, QaQuestion

QA_QUESTIONS: Final[Mapping[Language, Mapping[QaQuestion, str]]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                QaQuestion.WHAT_HAPPENED: "What has happened?",
                QaQuestion.CYBERATTACK: "Was it a cyberattack?",
                QaQuestion.RANSOMWARE: "Was it ransomware?",
                QaQuestion.WHO_IS_BEHIND: "Who is behind it?",
                QaQuestion.RANSOM: "Did you pay a ransom?",
                QaQuestion.CUSTOMER_DATA: "Was customer data stolen?",
                QaQuestion.PAYMENT_DATA: "Was payment data taken?",
                QaQuestion.RESTART: "When will production restart?",
                QaQuestion.COST: "How many vehicles and jobs are affected, and what will it cost?",
                QaQuestion.AUTHORITIES: "Have the regulator and the police been informed?",
                QaQuestion.DEALERS: "Can dealers sell and register vehicles?",
                QaQuestion.COLLECT_CAR: "Can I collect my car?",
                QaQuestion.NEXT_UPDATE: "When will you say more?",
            }
        ),
        "fr": MappingProxyType(
            {
                QaQuestion.WHAT_HAPPENED: "Que s’est-il passé ?",
                QaQuestion.CYBERATTACK: "S’agit-il d’une cyberattaque ?",
                QaQuestion.RANSOMWARE: "S’agit-il d’un rançongiciel ?",
                QaQuestion.WHO_IS_BEHIND: "Qui est derrière cette attaque ?",
                QaQuestion.RANSOM: "Avez-vous payé une rançon ?",
                QaQuestion.CUSTOMER_DATA: "Des données de clients ont-elles été dérobées ?",
                QaQuestion.PAYMENT_DATA: "Des données de paiement ont-elles été dérobées ?",
                QaQuestion.RESTART: "Quand la production reprendra-t-elle ?",
                QaQuestion.COST: (
                    "Combien de véhicules et d’emplois sont touchés, et quel en sera le coût ?"
                ),
                QaQuestion.AUTHORITIES: "Les autorités et la police ont-elles été informées ?",
                QaQuestion.DEALERS: (
                    "Les concessionnaires peuvent-ils vendre et immatriculer des véhicules ?"
                ),
                QaQuestion.COLLECT_CAR: "Puis-je récupérer mon véhicule ?",
                QaQuestion.NEXT_UPDATE: "Quand en saurons-nous plus ?",
            }
        ),
    }
)


def qa_question(key: QaQuestion, language: Language) -> str:
    return QA_QUESTIONS[language][key]
