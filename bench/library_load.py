"""How long reading a template library takes: 500 different templates in a shared folder,
read and checked (parse, private attributes, fact names), median of several runs.

``library_load_ms_500`` is what the app pays at every start: checks of unchanged
templates come from the check cache. ``library_load_cold_ms_500`` is the first read,
with an empty cache (every template parsed).

    uv run python bench/library_load.py [--templates 500] [--repeats 7] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.drafts.render import fact_schema, open_library  # noqa: E402
from app.files.resources import built_in_templates  # noqa: E402


def make_library(folder: Path, count: int) -> None:
    """``count`` templates: copies of the built-in ones, each with its own id."""
    sources = sorted(p for p in built_in_templates().rglob("*.md.j2") if "_partials" not in p.parts)
    for index in range(count):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        text = text.replace("\nid: ", f"\nid: bench{index}.", 1) + f"{{# copy {index} #}}\n"
        target = folder / f"set{index // len(sources)}" / source.relative_to(built_in_templates())
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def measure(count: int, repeats: int) -> tuple[float, float]:
    """(warm, cold) medians in milliseconds."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "shared"
        make_library(folder, count)
        fact_schema()  # computed once per process in the app too
        cold, warm = [], []
        for run in range(repeats):
            cache = Path(scratch) / f"cache-{run}"
            for timings in (cold, warm):  # first with an empty cache, then with it filled
                start = time.perf_counter()
                library = open_library(shared=[folder], cache_folder=cache)
                timings.append((time.perf_counter() - start) * 1000)
                assert len([t for t in library.templates if t.library.path == folder]) == count
                assert not library.problems(), library.problems()[:1]
    return statistics.median(warm), statistics.median(cold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--templates", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    warm, cold = measure(options.templates, options.repeats)
    count = options.templates
    result = {
        f"library_load_ms_{count}": round(warm, 1),
        f"library_load_cold_ms_{count}": round(cold, 1),
    }
    for key, value in result.items():
        print(f"{key}: {value:.1f} ms (median of {options.repeats})")
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
