"""Refresh the Qt Linguist source (resources/translations/lcregulator_en.ts) from every tr() in
the GUI, or check that it is current.

    .venv/bin/python tools/update_translations.py           # make translations
    .venv/bin/python tools/update_translations.py --check   # CI: exit 1 naming what is missing

The interface is written in Chinese through ``tr()``; the .ts lists each source string for a
translator. It is written without source locations (``-locations none``): line numbers change
with every edit of a GUI file, which would make the file churn and conflict for no reason. The
check runs ``pyside6-lupdate`` on a copy and compares the messages (context and source text)
with the committed file, so it fails exactly when a ``tr()`` string is missing or a vanished one
is still listed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "lcregulator_en.ts"


def sources() -> list[Path]:
    """Every GUI module (the generated forms are read from their .ui sources) and form."""
    gui = ROOT / "lcregulator" / "gui"
    modules = [p for p in gui.rglob("*.py") if "forms" not in p.relative_to(gui).parts]
    return sorted(modules) + sorted((ROOT / "forms").glob("*.ui"))


def lupdate_executable() -> str:
    beside = Path(sys.executable).with_name("pyside6-lupdate")
    found = str(beside) if beside.exists() else shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("pyside6-lupdate not found (it comes with PySide6)")
    return found


def lupdate(ts: Path) -> None:
    command = [lupdate_executable(), *map(str, sources())]
    command += ["-locations", "none", "-no-obsolete", "-ts", str(ts)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every live message in ``ts``."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def check() -> list[str]:
    """What the committed .ts lacks or still lists, one line each; empty when it is current."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS.name
        shutil.copyfile(TS, fresh)
        lupdate(fresh)
        wanted, committed = messages(fresh), messages(TS)
    problems = [f"missing: [{c}] {s}" for c, s in sorted(wanted - committed)]
    problems += [f"no longer in the code: [{c}] {s}" for c, s in sorted(committed - wanted)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    args = parser.parse_args(argv)
    if not args.check:
        lupdate(TS)
        print(f"{TS.relative_to(ROOT)}: {len(messages(TS))} messages")
        return 0
    problems = check()
    for line in problems:
        print(line)
    if problems:
        print("The translation source is out of date: run `make translations` and commit it.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
