"""Every test gets a fresh world: temporary folders and database, offscreen Qt, a fixed clock.

Without QT_QPA_PLATFORM and without a display, pytest-qt aborts the whole run; it must be set
before any QApplication exists, so it is set here, at import. Nothing here imports Qt, so the
domain tests also run where PySide6 is not installed.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("LCREGULATOR_DATABASE_URL", None)

pytest_plugins = ["tests.fixtures"]
