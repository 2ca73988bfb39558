"""Every window and dialog fits a 1366×768 screen, at 100 % and at 125 % scaling.

Each screen needs its own Qt process (a QApplication reads its screens once), so the probe
runs in a subprocess on the offscreen platform configured with that screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("scale", "room"), [("1", [1366, 768]), ("1.25", [1093, 614])])
def test_buttons_stay_on_a_laptop_screen(tmp_path: Path, scale: str, room: list[int]) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768}]})
    )
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale)
    env.pop("LCREGULATOR_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "tests.gui.screen_probe"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == room
    assert len(report["windows"]) >= 15
    overflowing = {name: w["outside"] for name, w in report["windows"].items() if w["outside"]}
    assert overflowing == {}
