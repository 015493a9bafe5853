"""A document still holding tracked changes or open comments is refused, saying how
many, where (the paragraph's number and first words, or the header) and who made
them: the text read from it is not yet the text anyone agreed on."""

from __future__ import annotations

from pathlib import Path

from app.word_import import (
    ChangeKind,
    Part,
    Place,
    open_revisions,
    read_returned_document,
    revisions_refusal,
    unresolved_revisions,
)
from tests.word_import.documents import (
    draft_of,
    edited_with_python_docx,
    exported,
    mark_done,
    paragraph_with,
    run,
    tracked,
    w,
)

RELEASE = (
    "# Northwind Motors takes systems offline\n\n"
    "## What happened\n\n"
    "Northwind Motors detected a cyberattack on Monday morning at its Solihull plant.\n\n"
    "- Solihull plant: stopped\n"
    "- Gaydon office: open\n\n"
    "We will update this statement by 17:00.\n"
)
DETECTED = Place(Part.BODY, 3, "Northwind Motors detected a cyberattack on…")
UPDATE = Place(Part.BODY, 6, "We will update this statement by…")


def release(tmp_path: Path) -> Path:
    return exported(draft_of(RELEASE), tmp_path / "release.docx")


def test_tracked_changes_and_comments_are_found_where_they_are(tmp_path: Path) -> None:
    path = release(tmp_path)

    def edit(document) -> None:
        detected = paragraph_with(document, "Northwind Motors detected")._p
        detected.append(tracked("ins", "Ann Lee", 1, run(" It was contained.")))
        update = paragraph_with(document, "We will update")._p
        update.append(tracked("del", "Ben Okafor", 2, run(" Or sooner.", deleted=True)))
        first_run = detected.find(w("r"))
        properties = first_run.find(w("rPr"))
        if properties is None:
            properties = first_run.makeelement(w("rPr"), {})
            first_run.insert(0, properties)
        bold = properties.makeelement(w("b"), {})
        properties.append(bold)
        properties.append(tracked("rPrChange", "Ann Lee", 3, properties.makeelement(w("rPr"), {})))
        header = document.sections[0].header.paragraphs[0]._p
        header.append(tracked("del", "Ann Lee", 4, run(" DRAFT", deleted=True)))
        gaydon = paragraph_with(document, "Gaydon office")
        document.add_comment(gaydon.runs, text="Is it really open?", author="Legal")

    edited_with_python_docx(path, edit)
    revisions = open_revisions(path)
    assert [(c.kind, c.author, c.place) for c in revisions.changes] == [
        (ChangeKind.FORMATTING, "Ann Lee", DETECTED),
        (ChangeKind.INSERTION, "Ann Lee", DETECTED),
        (ChangeKind.DELETION, "Ben Okafor", UPDATE),
        (ChangeKind.DELETION, "Ann Lee", Place(Part.HEADER)),
    ]
    assert [(c.author, c.place) for c in revisions.comments] == [
        ("Legal", Place(Part.BODY, 5, "Gaydon office: open"))
    ]
    refusal = unresolved_revisions(path)
    assert refusal is not None
    assert str(refusal) == (
        "release.docx: the document still holds 4 tracked change(s) (paragraph 3 "
        "“Northwind Motors detected a cyberattack on…”, by Ann Lee, paragraph 6 “We will "
        "update this statement by…”, by Ben Okafor and the header, by Ann Lee) and 1 "
        "comment(s) not resolved (paragraph 5 “Gaydon office: open”, by Legal): accept or "
        "reject every change and resolve the comments in Word (Review), then save it and "
        "bring it back"
    )
    # what is read is the text as Word shows it: inserted words in, deleted words out
    text = read_returned_document(path).draft(draft_of(RELEASE).info).plain_text()
    assert "Solihull plant. It was contained.\n" in text
    assert "Or sooner" not in text


def test_an_inserted_paragraph_is_one_change_and_separate_edits_are_several(
    tmp_path: Path,
) -> None:
    path = release(tmp_path)

    def edit(document) -> None:
        added = paragraph_with(document, "We will update").insert_paragraph_before()._p
        mark = added.get_or_add_pPr().makeelement(w("rPr"), {})
        mark.append(tracked("ins", "Ann Lee", 1))
        added.get_or_add_pPr().append(mark)
        added.append(tracked("ins", "Ann Lee", 2, run("Customers can call us.")))
        detected = paragraph_with(document, "Northwind Motors detected")._p
        detected.find(w("r")).addprevious(tracked("ins", "Ben Okafor", 3, run("Today ")))
        detected.append(tracked("ins", "Ben Okafor", 4, run(" Really.")))
        detected.append(tracked("ins", "Ann Lee", 5, run(" Truly.")))

    edited_with_python_docx(path, edit)
    changes = open_revisions(path).changes
    assert [(c.author, c.place.paragraph) for c in changes] == [
        ("Ben Okafor", 3),  # "Today " before the paragraph's words
        ("Ben Okafor", 3),  # " Really." after them
        ("Ann Lee", 3),  # " Truly.", right after, by someone else
        ("Ann Lee", 6),  # the new paragraph: its mark and its words together
    ]
    assert (
        "4 tracked change(s) (paragraph 3 “Today Northwind Motors detected a cyberattack…”, by "
        in str(unresolved_revisions(path))
    )


def test_enter_typed_at_the_end_of_a_paragraph_is_one_insertion_where_its_words_are(
    tmp_path: Path,
) -> None:
    """Word and LibreOffice mark the first paragraph's mark inserted, and the words of
    the new one: one change, placed at the new words."""
    path = release(tmp_path)

    def edit(document) -> None:
        gaydon = paragraph_with(document, "Gaydon office")
        properties = gaydon._p.get_or_add_pPr()
        mark = properties.makeelement(w("rPr"), {})
        mark.append(tracked("ins", "Ann Lee", 1))
        properties.append(mark)
        added = gaydon.insert_paragraph_before()._p  # then moved after it
        gaydon._p.addnext(added)
        added.append(tracked("ins", "Ann Lee", 2, run("Coventry warehouse: open")))

    edited_with_python_docx(path, edit)
    assert [(c.kind, c.place) for c in open_revisions(path).changes] == [
        (ChangeKind.INSERTION, Place(Part.BODY, 6, "Coventry warehouse: open"))
    ]


def test_resolved_comments_and_replies_do_not_count(tmp_path: Path) -> None:
    path = release(tmp_path)

    def edit(document) -> None:
        title = paragraph_with(document, "Northwind Motors takes")
        update = paragraph_with(document, "We will update")
        resolved = document.add_comment(title.runs, text="Shorter?", author="Legal")
        answer = document.add_comment(title.runs, text="Done.", author="Comms")
        still_open = document.add_comment(update.runs, text="Which time zone?", author="Legal")
        reply = document.add_comment(update.runs, text="BST.", author="Comms")
        mark_done(
            document,
            {
                resolved: (True, None),
                answer: (False, resolved),
                still_open: (False, None),
                reply: (False, still_open),
            },
        )

    edited_with_python_docx(path, edit)
    revisions = open_revisions(path)
    assert revisions.changes == ()
    assert [(c.author, c.place) for c in revisions.comments] == [("Legal", UPDATE)]
    assert str(revisions_refusal(revisions)) == (
        "release.docx: the document still holds 1 comment(s) not resolved (paragraph 6 “We "
        "will update this statement by…”, by Legal): resolve or delete every comment in "
        "Word (Review), then save it and bring it back"
    )


def test_a_document_without_changes_or_comments_passes(tmp_path: Path) -> None:
    path = release(tmp_path)
    assert not open_revisions(path).open
    assert unresolved_revisions(path) is None


def test_many_places_are_summed_up(tmp_path: Path) -> None:
    path = release(tmp_path)

    def edit(document) -> None:
        for number, paragraph in enumerate(document.paragraphs, start=1):
            paragraph._p.append(tracked("ins", "Ann Lee", number, run(" More.")))

    edited_with_python_docx(path, edit)
    message = str(unresolved_revisions(path))
    assert message.startswith(
        "release.docx: the document still holds 6 tracked change(s) (paragraph 1 “Northwind "
        "Motors takes systems offline More.”, by Ann Lee, paragraph 2 “What happened More.”, "
        "by Ann Lee, paragraph 3 “Northwind Motors detected a cyberattack on…”, by Ann Lee "
        "and 3 more): accept or reject every change in Word (Review)"
    )


def test_the_refusal_reads_in_french(tmp_path: Path) -> None:
    from app.interface_text.translator import Translator

    path = release(tmp_path)

    def edit(document) -> None:
        paragraph_with(document, "Gaydon")._p.append(tracked("ins", "Ann Lee", 1, run(" Yes.")))
        document.add_comment(paragraph_with(document, "We will").runs, text="?", author="Legal")
        document.sections[0].header.paragraphs[0]._p.append(tracked("ins", "Ann Lee", 2, run(" !")))

    edited_with_python_docx(path, edit)
    refusal = unresolved_revisions(path)
    assert refusal is not None
    assert refusal.translated(Translator("fr").gettext, "fr") == (
        "release.docx\u00a0: le document contient encore 2 modification(s) suivie(s) "
        "(paragraphe 5 «\u00a0Gaydon office: open Yes.\u00a0», par Ann Lee et l’en-tête, "
        "par Ann Lee) et 1 commentaire(s) non résolu(s) (paragraphe 6 «\u00a0We will "
        "update this statement by…\u00a0», par Legal)\u00a0: acceptez ou refusez chaque "
        "modification et résolvez les commentaires dans Word (Révision), puis enregistrez le "
        "document et rapportez-le"
    )
