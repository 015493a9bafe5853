"""Runs under the system interpreter (``/usr/bin/python3``, which has Debian's
``python3-uno``), never in the project's venv: starts a headless LibreOffice with a user
profile of its own, connects through the UNO bridge and works on .docx files the way a
colleague does in a word processor (tracked changes under a named author, comments,
accept/reject all, Save as Word).

Usage: ``/usr/bin/python3 uno_script.py INSTRUCTIONS.json``. The instructions hold
``soffice`` (its path), ``profile`` (a folder for its user profile), ``jobs``, each
``{"open": path, "steps": [...], "save": path|null, "pdf": path|null, "read": bool}``, a
``result`` path where the answer is written as JSON, a ``log`` path for soffice's own
output and a ``pid_file`` where soffice's process group id is written as soon as it
starts, so that the caller can end it should this script be killed. Exit status 0 with
``{"jobs": [...]}``, or 1 with ``{"error": message}``.
``tests/office/libreoffice_uno.py`` is the caller.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]

# com.sun.star.text.ControlCharacter and com.sun.star.awt.FontWeight
PARAGRAPH_BREAK = 0
LINE_BREAK = 1
BOLD = 150.0
WORD_FILTER = "MS Word 2007 XML"
PDF_FILTER = "writer_pdf_Export"
CONNECT_SECONDS = 90.0
EXIT_SECONDS = 20.0
# The layout of the margin window a view draws a comment in (absent from "nogui" packages),
# in the installation (soffice is its program/soffice)
COMMENT_LAYOUT = "share/config/soffice.cfg/modules/swriter/ui/annotation.ui"


class InstructionError(Exception):
    """A step that cannot be done on this document (a phrase not found...): the message
    says which step and what was looked for."""


def main(instructions_path: str) -> int:
    instructions = json.loads(Path(instructions_path).read_text(encoding="utf-8"))
    result_path = Path(instructions["result"])
    soffice = None
    context = None
    profile = Path(instructions["profile"])  # in the caller's folder, which it removes
    signal.signal(signal.SIGTERM, _raise_on_terminate)
    try:
        soffice = start_soffice(
            instructions["soffice"], profile, instructions["pid_file"], instructions["log"]
        )
        context = connect(soffice, pipe_name(profile))
        prepare(context)
        installation = Path(instructions["soffice"]).resolve().parent.parent
        answers = [run_job(context, job, installation) for job in instructions["jobs"]]
        write_json(result_path, {"jobs": answers})
        return 0
    except Exception as error:  # every failure is reported to the caller, in words
        write_json(
            result_path,
            {"error": f"{type(error).__name__}: {error}", "traceback": traceback.format_exc()},
        )
        return 1
    finally:
        if soffice is not None:
            stop_soffice(soffice, context)
        shutil.rmtree(profile, ignore_errors=True)


def pipe_name(profile: Path) -> str:
    """Unique to the call: the caller's folder is a fresh temporary one."""
    return f"{profile.parent.name}-{profile.name}"


def _raise_on_terminate(signum: int, frame: object) -> None:
    """SIGTERM from the caller's timeout unwinds through ``finally`` (soffice is ended)."""
    raise SystemExit(f"terminated by signal {signum}")


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def start_soffice(
    soffice: str, profile: Path, pid_file: str, log_file: str
) -> subprocess.Popen[bytes]:
    """soffice in a process group of its own (``start_new_session``): its launcher forks
    soffice.bin, and only the group can be ended as a whole."""
    with Path(log_file).open("wb") as log:  # the child keeps its own descriptor
        process = subprocess.Popen(
            [
                soffice,
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                "--nolockcheck",
                f"--accept=pipe,name={pipe_name(profile)};urp;StarOffice.ComponentContext",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    Path(pid_file).write_text(str(process.pid), encoding="utf-8")
    return process


def connect(soffice: subprocess.Popen[bytes], pipe: str) -> object:
    """The remote component context, retried until soffice listens on its pipe (a fresh
    profile takes seconds to set up) or exits or the time is up."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if soffice.poll() is not None:
                raise RuntimeError(f"soffice exited with status {soffice.returncode}") from None
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"soffice did not accept a connection within {CONNECT_SECONDS:.0f} s"
                ) from None
            time.sleep(0.25)


def stop_soffice(soffice: subprocess.Popen[bytes], context: object | None) -> None:
    """Ask LibreOffice to quit (when connected), then end its whole process group
    whatever it did."""
    if context is not None:
        # The bridge goes away as soffice quits: an error here is expected.
        with contextlib.suppress(Exception):
            desktop(context).terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            soffice.wait(timeout=EXIT_SECONDS)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(soffice.pid, signal.SIGKILL)
    soffice.wait()


def desktop(context: object) -> object:
    return context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
        "com.sun.star.frame.Desktop", context
    )


def properties(**values: object) -> tuple[object, ...]:
    return tuple(PropertyValue(Name=name, Value=value) for name, value in values.items())


def run_job(context: object, job: dict, installation: Path) -> dict:
    document = load(context, job, installation)
    try:
        for number, step in enumerate(job["steps"], start=1):
            try:
                STEPS[step["do"]](context, document, step)
            except InstructionError as error:
                raise InstructionError(f"step {number} ({step['do']}): {error}") from None
        if job.get("save"):
            document.storeToURL(
                Path(job["save"]).resolve().as_uri(),
                properties(FilterName=WORD_FILTER, Overwrite=True),
            )
        if job.get("pdf"):
            document.storeToURL(
                Path(job["pdf"]).resolve().as_uri(),
                properties(FilterName=PDF_FILTER, Overwrite=True),
            )
        return read(document) if job.get("read") else {}
    finally:
        document.close(True)


def load(context: object, job: dict, installation: Path) -> object:
    """The document as a model alone, or in a hidden window when the job needs one (accept
    or reject all are commands of a window, printing to PDF lays pages out). A window draws
    each comment in a margin window whose layout the "nogui" LibreOffice packages leave out,
    and soffice aborts when it opens one: such a document is refused in a window, with a
    message, before LibreOffice dies."""
    url = Path(job["open"]).resolve().as_uri()
    model = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.text.TextDocument", context
    )
    model.load(properties(URL=url, FilterName=WORD_FILTER))
    needs = [step["do"] for step in job["steps"] if step["do"] in COMMANDS]
    needs += ["print to PDF"] if job.get("pdf") else []
    if not needs:
        return model
    comments = len(annotations(model))
    model.close(True)
    if comments and not (installation / COMMENT_LAYOUT).exists():
        raise InstructionError(
            f"{needs[0]} needs a window, and this LibreOffice (nogui, without "
            f"{COMMENT_LAYOUT}) aborts when a window shows a comment: {job['open']} holds "
            f"{comments}; delete them first (step delete_comments)"
        )
    document = desktop(context).loadComponentFromURL(url, "_blank", 0, properties(Hidden=True))
    if document is None:
        raise InstructionError(f"LibreOffice could not open {job['open']}")
    return document


def configure(context: object, path: str, **values: object) -> None:
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", properties(nodepath=path)
    )
    for name, value in values.items():
        access.setPropertyValue(name, value)
    access.commitChanges()


def prepare(context: object) -> None:
    """Settings of the profile before any document opens: no lock files (``.~lock.*#``), as
    one left by a soffice that was killed would make the next one refuse the document."""
    configure(
        context,
        "/org.openoffice.Office.Common/Misc",
        UseLocking=False,
        UseDocumentOOoLockFile=False,
        UseDocumentSystemFileLocking=False,
    )


# --- steps: each takes (context, document, step) -------------------------------------


def track_changes(context: object, document: object, step: dict) -> None:
    document.RecordChanges = bool(step.get("on", True))


def set_author(context: object, document: object, step: dict) -> None:
    """The user profile's name is the author LibreOffice gives the next tracked changes and
    comments; Writer rereads it when the configuration changes."""
    configure(context, "/org.openoffice.UserProfile/Data", givenname=step["name"], sn="")


def find(document: object, phrase: str, occurrence: int = 1) -> object:
    """The ``occurrence``-th place ``phrase`` stands in the document's paragraphs (body and
    table cells; case-sensitive, literal, within one paragraph): an error naming the phrase
    when there are fewer. Walked by hand: Writer's own search needs a window's layout."""
    seen = 0
    for paragraph in paragraphs(document.getText()):
        text = paragraph.getString()
        start = text.find(phrase)
        while start != -1:
            seen += 1
            if seen == occurrence:
                cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
                cursor.goRight(start, False)
                cursor.goRight(len(phrase), True)
                return cursor
            start = text.find(phrase, start + 1)
    raise InstructionError(f"{phrase!r} (occurrence {occurrence}) is not in the document")


def paragraphs(text: object) -> list[object]:
    """Every paragraph of ``text`` in order, a table's row by row."""
    found = []
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                found.extend(paragraphs(element.getCellByName(name)))
        else:
            found.append(element)
    return found


def replace(context: object, document: object, step: dict) -> None:
    found = find(document, step["find"], step.get("occurrence", 1))
    found.setString(step["with"])


def insert_text(context: object, document: object, step: dict) -> None:
    found = find(document, step["after"], step.get("occurrence", 1))
    cursor = found.getText().createTextCursorByRange(found.getEnd())
    cursor.getText().insertString(cursor, step["text"], False)


def line_break(context: object, document: object, step: dict) -> None:
    found = find(document, step["after"], step.get("occurrence", 1))
    cursor = found.getText().createTextCursorByRange(found.getEnd())
    cursor.getText().insertControlCharacter(cursor, LINE_BREAK, False)


def insert_paragraph_after(context: object, document: object, step: dict) -> None:
    """A new paragraph after the one holding ``after``, in that paragraph's style (as
    pressing Enter at its end does)."""
    found = find(document, step["after"], step.get("occurrence", 1))
    cursor = found.getText().createTextCursorByRange(found.getEnd())
    cursor.gotoEndOfParagraph(False)
    text = cursor.getText()
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    text.insertString(cursor, step["text"], False)


def replace_in_headers(context: object, document: object, step: dict) -> None:
    """Every ``find`` in the page headers replaced by ``with`` (as one edits the header
    after double-clicking it); an error when no header holds it."""
    replaced = 0
    styles = document.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if not style.HeaderIsOn:
            continue
        # Left and first-page headers may be the same text as the right one: a phrase
        # already replaced is not found again.
        for text in (style.HeaderText, style.HeaderTextLeft, style.HeaderTextFirst):
            for paragraph in paragraphs(text) if text is not None else []:
                start = paragraph.getString().find(step["find"])
                while start != -1:
                    cursor = text.createTextCursorByRange(paragraph.getStart())
                    cursor.goRight(start, False)
                    cursor.goRight(len(step["find"]), True)
                    cursor.setString(step["with"])
                    replaced += 1
                    after = start + len(step["with"])
                    start = paragraph.getString().find(step["find"], after)
    if not replaced:
        raise InstructionError(f"{step['find']!r} is in no page header")


def bold(context: object, document: object, step: dict) -> None:
    find(document, step["find"], step.get("occurrence", 1)).CharWeight = BOLD


def comment(context: object, document: object, step: dict) -> None:
    """A comment at the end of ``on``, at a point: LibreOffice 7.4 deletes a comment on a
    range only in part (it keeps the range, and writes a .docx whose comment reference has
    no comment, which it then cannot open)."""
    found = find(document, step["on"], step.get("occurrence", 1))
    annotation = document.createInstance("com.sun.star.text.textfield.Annotation")
    annotation.Content = step["text"]
    # A comment on a model without a window takes neither author nor date of its own (it
    # would be saved dated 0-00-00): the profile's name, now.
    annotation.Author = step.get("author") or profile_name(context)
    annotation.DateTimeValue = now()
    found.getText().insertTextContent(found.getEnd(), annotation, False)


def now() -> object:
    moment = datetime.now(UTC)
    return uno.createUnoStruct(
        "com.sun.star.util.DateTime",
        0,
        moment.second,
        moment.minute,
        moment.hour,
        moment.day,
        moment.month,
        moment.year,
        True,
    )


def profile_name(context: object) -> str:
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        properties(nodepath="/org.openoffice.UserProfile/Data"),
    )
    names = (access.getPropertyValue("givenname"), access.getPropertyValue("sn"))
    return " ".join(name.strip() for name in names if name.strip())


def delete_comments(context: object, document: object, step: dict) -> None:
    """Deleting a comment is no tracked change (with recording on, LibreOffice would record
    its anchor's deletion and keep it until accepted)."""
    recording = document.RecordChanges
    document.RecordChanges = False
    for field in annotations(document):
        field.dispose()
    document.RecordChanges = recording


def resolve_comments(context: object, document: object, step: dict) -> None:
    for field in annotations(document):
        field.Resolved = True


def dispatch(command: str) -> object:
    def run(context: object, document: object, step: dict) -> None:
        helper = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.DispatchHelper", context
        )
        frame = document.getCurrentController().getFrame()
        helper.executeDispatch(frame, command, "", 0, ())
        left = document.getRedlines().getCount()
        if left:
            raise InstructionError(f"{left} tracked changes are left after {command}")

    return run


COMMANDS = {"accept_all", "reject_all"}


def pause(context: object, document: object, step: dict) -> None:
    """Stands in for a LibreOffice that hangs (the caller's timeout is tested with it)."""
    time.sleep(float(step["seconds"]))


STEPS = {
    "track_changes": track_changes,
    "author": set_author,
    "replace": replace,
    "insert_text": insert_text,
    "line_break": line_break,
    "insert_paragraph_after": insert_paragraph_after,
    "bold": bold,
    "replace_in_headers": replace_in_headers,
    "comment": comment,
    "resolve_comments": resolve_comments,
    "delete_comments": delete_comments,
    "pause": pause,
    "accept_all": dispatch(".uno:AcceptAllTrackedChanges"),
    "reject_all": dispatch(".uno:RejectAllTrackedChanges"),
}


# --- reading --------------------------------------------------------------------------


def read(document: object) -> dict:
    return {
        "paragraphs": body_paragraphs(document),
        "changes": redlines(document),
        "comments": [
            {
                "author": field.Author,
                "text": field.Content,
                "resolved": bool(getattr(field, "Resolved", False)),
            }
            for field in annotations(document)
        ],
        "headers": headers(document),
        "record_changes": bool(document.RecordChanges),
    }


def body_paragraphs(document: object) -> list[str]:
    """The body's paragraphs in order, as LibreOffice holds them (text a tracked change
    deletes is still there until it is accepted); a table gives each cell's text, row by
    row."""
    paragraphs = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                paragraphs.append(element.getCellByName(name).getString())
        else:
            paragraphs.append(element.getString())
    return paragraphs


def redlines(document: object) -> list[dict]:
    changes = []
    enumeration = document.getRedlines().createEnumeration()
    while enumeration.hasMoreElements():
        redline = enumeration.nextElement()
        changes.append(
            {
                "author": redline.getPropertyValue("RedlineAuthor"),
                "type": redline.getPropertyValue("RedlineType"),
                "text": redline_text(redline),
            }
        )
    return changes


def redline_text(redline: object) -> str:
    """The text a tracked change covers (empty where LibreOffice gives no range, as for a
    change to a table)."""
    try:
        start = redline.getPropertyValue("RedlineStart")
        end = redline.getPropertyValue("RedlineEnd")
        cursor = start.getText().createTextCursorByRange(start)
        cursor.gotoRange(end, True)
        return str(cursor.getString())
    except Exception:  # a redline without a text range (tables, paragraph marks)
        return ""


def annotations(document: object) -> list[object]:
    fields = []
    enumeration = document.getTextFields().createEnumeration()
    while enumeration.hasMoreElements():
        field = enumeration.nextElement()
        if field.supportsService("com.sun.star.text.textfield.Annotation"):
            fields.append(field)
    return fields


def headers(document: object) -> list[str]:
    """The header text of every page style that has a header on."""
    texts = []
    styles = document.getStyleFamilies().getByName("PageStyles")
    for name in styles.getElementNames():
        style = styles.getByName(name)
        if style.HeaderIsOn:
            text = style.HeaderText.getString()
            if text and text not in texts:
                texts.append(text)
    return texts


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
