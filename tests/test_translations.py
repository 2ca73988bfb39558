"""The translation source (resources/translations/lcregulator_en.ts) lists every tr() string of
the GUI: a string added without ``make translations`` fails here, naming it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("PySide6")


def test_the_translation_source_is_current() -> None:
    done = subprocess.run(
        [sys.executable, "tools/update_translations.py", "--check"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
