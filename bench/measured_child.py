"""Runs one command and reports, as its last line of output, how long it ran and the
most memory it used: ``python measured_child.py COMMAND...``.

Why a go-between: Linux counts into a child's peak memory (``ru_maxrss``) the memory of
the process it was forked from, up to the moment it starts its program. Forked from the
benchmark itself, which by then holds Qt, every draft and the export peers (about
240 MB), every program measured would seem to use that much. Forked from this small
Python instead, a program's peak is its own (or this process's, some 10 MB, whichever
is larger).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(command: list[str]) -> int:
    started = time.time()
    clock = time.perf_counter()
    process = subprocess.Popen(command)
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - clock
    report = {
        "started": started,
        "seconds": seconds,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "exit": os.waitstatus_to_exitcode(status),
    }
    sys.stdout.flush()
    print(json.dumps(report), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
