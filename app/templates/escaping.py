"""Keeping facts as text: what a user typed can never become Markdown structure.

Templates write Markdown; facts reach them through the render context, where every
free text (names, quotes, guidance, contacts) has been passed through
:func:`escape_markdown`, so a site called ``# Plant`` or a quote with ``**`` stays
literal text instead of becoming a heading or bold. Escaping the context rather than
the output lets templates share wording through macros without double escaping.
Catalogue keys (``no_evidence``) are left as they are, so templates can branch on them.
CommonMark guarantees that a backslash before any ASCII punctuation character gives
that character literally. Line breaks inside a fact are folded into spaces, so a fact
cannot open a new block; a text the lead writes as it will be sent (a post) keeps each
of its lines as a paragraph of its own (:func:`escape_paragraphs`), and nothing else.

A technical value (an address, a file's hash, a domain: the indicators of compromise
an authority is given) must reach the reader character for character, French
typography included: :func:`as_typed` writes it as a Markdown code span, which the
draft keeps verbatim (see :mod:`app.drafts.typography`).
"""

from __future__ import annotations

import re
import string

#: Each ASCII punctuation character, backslashed (one pass of str.translate: a render
#: context escapes some forty texts, and the preview builds one per keystroke).
_ESCAPED = str.maketrans({char: "\\" + char for char in string.punctuation})
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_BACKTICKS = re.compile(r"`+")


def escape_markdown(value: object) -> str:
    """The text of ``value`` with Markdown punctuation escaped and line breaks folded."""
    text = str(value)
    if "\n" in text or "\r" in text:
        text = _LINE_BREAKS.sub(" ", text)
    return text.translate(_ESCAPED)


def escape_paragraphs(value: object) -> str:
    """The text of ``value`` escaped as :func:`escape_markdown` does, each of its lines a
    paragraph (joined by a blank line, as a draft's plain text joins paragraphs)."""
    lines = (line for line in _LINE_BREAKS.split(str(value).strip()) if line)
    return "\n\n".join(escape_markdown(line) for line in lines)


def unescaped(text: str) -> str:
    """``text`` with the escapes of :func:`escape_markdown` removed, as the draft reads it."""
    return _ESCAPE.sub(r"\1", text)


def as_typed(value: object) -> str:
    """A fact of the render context (escaped) as a Markdown code span of its text as
    typed: the draft shows it as it is, with no typography and no Markdown. The fence
    is one backtick longer than the longest run inside, and a space pads a text that
    starts or ends with a backtick, as CommonMark asks."""
    text = unescaped(str(value))
    if not text.strip():
        return text
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    if text.startswith("`") or text.endswith("`"):
        text = f" {text} "
    return f"{fence}{text}{fence}"
