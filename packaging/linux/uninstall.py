#!/usr/bin/env python3
"""Remove CrisisDraft from this user's desktop: what install.py put, and only that.

install.py copies this script to ``$XDG_DATA_HOME/crisisdraft/uninstall.py`` (usually
``~/.local/share/crisisdraft/uninstall.py``): run it from there. Incident files and the
app's settings and logs are the user's and stay.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import install  # the script beside this one, not a package

if __name__ == "__main__":
    sys.exit(install.main(["--uninstall"]))
