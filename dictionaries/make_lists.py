"""Write the generated word lists of this folder (see README.md); run from the project:

    uv run python dictionaries/make_lists.py frequent
    uv run python dictionaries/make_lists.py british british-english american-english

``frequent`` takes the most frequent words of pyspellchecker's English and French lists
(with their counts) for the check that a text is in the language of its field, which
runs on every change and in ``crisisdraft check`` and cannot wait for a whole dictionary
to load. ``british`` writes the British spellings of SCOWL (Debian's ``wbritish`` and
``wamerican`` give the two lists, in /usr/share/dict) that pyspellchecker's English list,
which is American, lacks.
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
FREQUENT_WORDS = 30_000  # enough for short texts of plain words (measured: README.md)

BRITISH_HEADER = """\
# British spellings that pyspellchecker's English list (American) lacks: the words of
# SCOWL's british-english list that are not in its american-english list (Debian's
# wbritish and wamerican 2020.12.07), written by dictionaries/make_lists.py.
#
# Copyright 2000-2011 by Kevin Atkinson
#
# Permission to use, copy, modify, distribute and sell these word lists, the associated
# scripts, the output created from the scripts, and its documentation for any purpose is
# hereby granted without fee, provided that the above copyright notice appears in all
# copies and that both that copyright notice and this permission notice appear in
# supporting documentation. Kevin Atkinson makes no representations about the
# suitability of this array for any purpose. It is provided "as is" without express or
# implied warranty.
#
# (SCOWL's full notice, with the word lists it derives from: dictionaries/SCOWL.txt)
"""


def pyspellchecker_counts(language: str) -> dict[str, int]:
    """pyspellchecker's word list of ``language``: word -> count in its corpus."""
    data = resources.files("spellchecker") / "resources" / f"{language}.json.gz"
    counts: dict[str, int] = json.loads(gzip.decompress(data.read_bytes()))
    return counts


def write_frequent(language: str) -> Path:
    counts = pyspellchecker_counts(language)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FREQUENT_WORDS]
    # JSON, one word a line, most frequent first: Python reads it at C speed (a
    # hundredth of a second; a tab-separated list took ten times longer to parse).
    lines = [f'{{"total": {sum(counts.values())}, "counts": {{']
    lines += [f"{json.dumps(word, ensure_ascii=False)}: {count}," for word, count in ranked]
    lines[-1] = lines[-1].rstrip(",")
    lines.append("}}")
    target = HERE / f"{language}-frequent.json.gz"
    # mtime=0: the same list gives the same bytes (no spurious change in git)
    target.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    return target


def write_british(british: Path, american: Path) -> Path:
    def words(path: Path) -> list[str]:
        lines = path.read_text(encoding="utf-8").split()
        return [word for word in lines if not word.endswith("'s")]

    american_words = set(words(american))
    known = {word.lower() for word in pyspellchecker_counts("en")}
    british_only = sorted(
        {word for word in words(british) if word not in american_words}
        - {word for word in words(british) if word.lower() in known}
    )
    target = HERE / "en-british.txt"
    target.write_text(BRITISH_HEADER + "\n".join(british_only) + "\n", encoding="utf-8")
    return target


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["frequent"]:
        for language in ("en", "fr"):
            print(write_frequent(language))
        return 0
    if arguments[:1] == ["british"] and len(arguments) == 3:
        print(write_british(Path(arguments[1]), Path(arguments[2])))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
