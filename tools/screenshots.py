"""Regenerate every picture the README and the 操作指南 show, from the demo data, at 1366×768.

    Xvfb :62 -screen 0 1366x768x24 &
    DISPLAY=:62 .venv/bin/python tools/screenshots.py            # docs/screenshots + guide
    DISPLAY=:62 .venv/bin/python tools/screenshots.py --scale 1.25 /tmp/shots-125   # review

Each part runs in its own process (each needs a fresh QApplication, and the security part
points ``LCREGULATOR_HOME`` at its throw-away folder before the program is imported):

- ``screenshot.py``: the main window's pages, the case window, dialogs, 统计报表;
- ``screenshot_reports.py``: 平台报送身份信息 (import errors, look-up, record, 一案三查);
- ``screenshot_security.py``: sign-in, 切换执法人员, lock screen, 完整性校验, chain banner;
- ``screenshot_documents.py``: document pages and the 卷宗 (pdftoppm, no window);
- ``screenshot_guide.py``: the 操作指南 pictures, package data in ``lcregulator/gui/guide_images``
  (only when writing the README's own folder).

With ``--scale`` (Qt's ``QT_SCALE_FACTOR``, e.g. 1.25 for a 125 % Windows setting) the pictures
go to another folder for a look at clipped text; they are not the README's. Afterwards the
README is compared with the folder: a picture it names that is missing, or a file it no longer
names, is reported (exit status 1). Look at every picture before committing them.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README_FOLDER = ROOT / "docs" / "screenshots"
PARTS = ("screenshot.py", "screenshot_reports.py", "screenshot_security.py")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=README_FOLDER)
    parser.add_argument("--scale", default="", help="QT_SCALE_FACTOR for a review run, e.g. 1.25")
    args = parser.parse_args()
    if not os.environ.get("DISPLAY"):
        print("DISPLAY is not set: start `Xvfb :62 -screen 0 1366x768x24 &` and set DISPLAY=:62")
        return 2
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("LCREGULATOR_HOME", None)
    env.pop("LCREGULATOR_DATABASE_URL", None)
    if args.scale:
        env["QT_SCALE_FACTOR"] = args.scale
    python = sys.executable
    for part in (*PARTS, "screenshot_documents.py"):
        print(f"== {part}", flush=True)
        subprocess.run([python, str(ROOT / "tools" / part), str(out)], env=env, check=True)
    readme_run = out == README_FOLDER.resolve() and not args.scale
    if readme_run:
        print("== screenshot_guide.py", flush=True)
        subprocess.run([python, str(ROOT / "tools" / "screenshot_guide.py")], env=env, check=True)
    return check_readme(out) if readme_run else 0


def check_readme(folder: Path) -> int:
    """The README names every picture in the folder, and every picture it names is there."""
    named = set(re.findall(r"docs/screenshots/([\w.-]+\.png)", (ROOT / "README.md").read_text()))
    present = {p.name for p in folder.glob("*.png")}
    status = 0
    for name in sorted(named - present):
        print(f"README names {name}, which was not made")
        status = 1
    for name in sorted(present - named):
        print(f"{name} is not in the README: remove it or show it")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
