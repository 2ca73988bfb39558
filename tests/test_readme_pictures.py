"""The README shows exactly the pictures in docs/screenshots, and each one is there.

``tools/screenshots.py`` remakes them all from the demo data; a picture the README stopped
showing is stale the next time the screens change, so it is removed, not kept."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_readme_names_every_screenshot_and_only_those() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"\(docs/screenshots/([\w.-]+\.png)\)", readme))
    present = {p.name for p in (ROOT / "docs" / "screenshots").glob("*.png")}
    assert named and named == present
    guide = set(re.findall(r"\(lcregulator/gui/guide_images/([\w.-]+\.png)\)", readme))
    assert guide <= {p.name for p in (ROOT / "lcregulator" / "gui" / "guide_images").glob("*.png")}
