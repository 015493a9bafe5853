"""ICU's data for the app's languages only, in the Linux build (32 MB -> 4 MB).

PySide6's Linux wheels carry ICU, whose data library (``libicudata.so.73``) holds every
locale of the world, every legacy character set, the transliterators and the CJK and
Thai word-break dictionaries. Qt reaches ICU for locale-aware case mapping, collation
and time-zone names, in the app's languages; its text layout, UTF-8 and Latin-1 are its
own. So the build keeps, of ICU's package, the root and the app's languages (English and
French, all regions), and every item that is not a locale (time zones, plural rules,
normalisation, break rules...), and drops the legacy character sets (``*.cnv``), the
transliterators, the dictionaries and character names. A locale ICU no longer has falls
back to the root, as ICU does for any locale it lacks.

The package is read out of the library, cut with ``icupkg`` and linked again with
``genccode``, ``as`` and ``ld`` (Debian: icu-devtools, binutils), under the same name
and symbol. Without those tools the build keeps ICU's full data and says so.
macOS and Windows builds carry no ICU (Qt uses the system's).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

TOOLS = ("icupkg", "genccode", "as", "ld", "readelf")
ICU_LIBRARY = re.compile(r"libicudata\.so\.(\d+)$")
#: A locale's bundle: a language code (``fr``, ``fr_CA``, ``en_001``), or ICU's root.
LANGUAGE_OF_ITEM = re.compile(r"^([a-z]{2,3})(?:[_.]|$)")
NOT_A_LOCALE = {"res_index"}  # each folder's list of bundles: kept


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def dropped(item: str, languages: Iterable[str]) -> bool:
    """Whether ``item`` (``coll/de.res``, ``ibm-1390_P110-2003.cnv``) is left out."""
    kept = {"root", *languages}
    folder, _, name = item.rpartition("/")
    if name.endswith((".cnv", ".dict")) or folder == "translit" or name == "unames.icu":
        return True
    stem = name.rsplit(".", 1)[0]
    language = LANGUAGE_OF_ITEM.match(stem)
    return (
        name.endswith(".res")
        and stem not in NOT_A_LOCALE
        and language is not None
        and language.group(1) not in kept
    )


def _package_bytes(library: Path, symbol: str) -> bytes:
    """The bytes of ``symbol`` (ICU's whole data package) in the shared library
    (readelf writes a large size in hexadecimal)."""
    symbols = subprocess.run(
        ["readelf", "-s", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    found = re.search(
        rf"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+{symbol}\b", symbols
    )
    if found is None:
        raise RuntimeError(f"{library.name} has no symbol {symbol}")
    address, size, section = int(found.group(1), 16), int(found.group(2), 0), int(found.group(3))
    sections = subprocess.run(
        ["readelf", "-S", "-W", str(library)], capture_output=True, text=True, check=True
    ).stdout
    header = re.search(rf"\[\s*{section}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if header is None:
        raise RuntimeError(f"{library.name}: section {section} not found")
    start = int(header.group(2), 16) + address - int(header.group(1), 16)
    return library.read_bytes()[start : start + size]


def trim(library: Path, languages: Iterable[str]) -> tuple[int, int]:
    """Replace ``library`` with one holding the app's languages only; returns its size
    before and after, in bytes."""
    version = ICU_LIBRARY.search(library.name)
    if version is None:
        raise ValueError(f"{library} is not ICU's data library")
    name = f"icudt{version.group(1)}l"
    symbol = f"icudt{version.group(1)}_dat"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        (work / "in").mkdir()
        (work / "out").mkdir()
        package = work / "in" / f"{name}.dat"
        package.write_bytes(_package_bytes(library, symbol))
        items = subprocess.run(
            ["icupkg", "-l", str(package)], capture_output=True, text=True, check=True
        ).stdout.split()
        removed = work / "removed.txt"
        removed.write_text("\n".join(item for item in items if dropped(item, languages)) + "\n")
        # --ignore-deps: the root's break rules name the dictionaries left out (loaded
        # only for Chinese, Japanese, Khmer, Lao, Burmese or Thai text).
        run = ["icupkg", "--ignore-deps", "-r", str(removed), str(package)]
        subprocess.run([*run, str(work / "out" / package.name)], check=True)
        subprocess.run(
            [
                "genccode",
                "-e",
                symbol.removesuffix("_dat"),
                "-a",
                "gcc",
                "-d",
                str(work),
                str(work / "out" / package.name),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        assembly = work / f"{name}_dat.S"
        # As a C preprocessor would: the symbol stays visible (genccode hides it only
        # where U_HIDE_DATA_SYMBOL is defined, which `as` alone cannot tell).
        lines = assembly.read_text().splitlines()
        assembly.write_text("\n".join(line for line in lines if ".hidden" not in line) + "\n")
        subprocess.run(["as", str(assembly), "-o", str(work / "data.o")], check=True)
        trimmed = work / library.name
        subprocess.run(
            ["ld", "-shared", "-soname", library.name, "-o", str(trimmed), str(work / "data.o")],
            check=True,
        )
        before = library.stat().st_size
        shutil.copyfile(trimmed, library)
    return before, library.stat().st_size


def trim_build(app: Path, languages: Iterable[str]) -> None:
    """Trim ICU's data in the one-folder build ``app``, if it carries it (Linux)."""
    libraries = [path for path in app.rglob("libicudata.so.*") if not path.is_symlink()]
    if not libraries:
        return
    missing = missing_tools()
    if missing:
        print(
            f"warning: ICU's data is kept whole ({', '.join(missing)} missing: Debian's "
            "icu-devtools and binutils); the build is 28 MB larger",
            file=sys.stderr,
        )
        return
    for library in libraries:
        before, after = trim(library, list(languages))
        print(f"ICU data for {', '.join(languages)}: {before / 1e6:.1f} -> {after / 1e6:.1f} MB")
