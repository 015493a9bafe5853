"""Killing the app while it saves never corrupts the incident file or the recovery file.

A child process saves over and over (as Save and autosave do); it is killed with SIGKILL
at random moments, many times; after each kill the files must read back whole."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.facts.loading import load_incident
from app.files.resources import example_incident

SAVER = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    from app.facts import editing
    from app.session.recovery import RecoveryStore

    incident, folder = Path(sys.argv[1]), Path(sys.argv[2])
    data = editing.read_incident_data(Path(sys.argv[3]))
    store = RecoveryStore(folder, session="killed")
    print("ready", flush=True)
    version = 0
    while True:
        version += 1
        data["title"] = f"version {version}"
        data["guidance"]["staff"]["en"] = "x" * (version % 5000)  # sizes vary
        editing.save_incident_data(incident, data)
        store.save(data, incident)
    """
)


@pytest.mark.slow  # fifteen processes started and killed: seconds, run by .ci/run
def test_no_data_is_lost_when_the_app_is_killed_mid_save(tmp_path: Path) -> None:
    incident = tmp_path / "nw.crisis.json"
    incident.write_bytes(example_incident().read_bytes())
    recovery = tmp_path / "recovery"
    rounds, lost = 15, 0
    randomness = random.Random(7)
    for _round in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(incident), str(recovery), str(incident)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(randomness.uniform(0.05, 0.4))
        child.kill()
        child.wait(timeout=10)
        child.stdout.close()
        try:
            title = load_incident(incident).title
            saved = json.loads((recovery / "session-killed.json").read_text(encoding="utf-8"))
            assert title.startswith("version ") and saved["incident"]["title"].startswith(
                "version "
            )
        except Exception:  # any unreadable file is lost data
            lost += 1
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert lost == 0, f"{lost} of {rounds} kills left an unreadable file"
    # Temporary files of an interrupted save may remain; they never replace the real file.
    assert all(name.startswith(".") for name in leftovers)
