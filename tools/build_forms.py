"""Compile forms/*.ui into lcregulator/gui/forms/ui_*.py and resources/*.qrc into rc_*.py.

Run by `make forms`; the generated modules are committed (so a plain `pip install` needs no Qt
tools) and a test checks that they are up to date with their .ui sources.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "forms"
TARGET = ROOT / "lcregulator" / "gui" / "forms"
HEADER = "# Generated from forms/{name} by tools/build_forms.py — do not edit.\n"


def uic() -> str:
    exe = Path(sys.executable).with_name("pyside6-uic")
    return str(exe) if exe.exists() else "pyside6-uic"


def compile_one(source: Path) -> str:
    out = subprocess.run(
        [uic(), "--from-imports", str(source)], check=True, capture_output=True, text=True
    ).stdout
    # uic stamps its own version into a comment; drop it so output is stable across versions.
    lines = [line for line in out.splitlines() if not line.startswith("## Created by:")]
    return HEADER.format(name=source.name) + "\n".join(lines) + "\n"


def rcc() -> str:
    exe = Path(sys.executable).with_name("pyside6-rcc")
    return str(exe) if exe.exists() else "pyside6-rcc"


def compile_resources(source: Path) -> str:
    out = subprocess.run(
        # format 1 has no file timestamps, so a fresh clone compiles to the same bytes
        [rcc(), "--no-compress", "--format-version", "1", str(source)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    lines = [line for line in out.splitlines() if not line.startswith("# Created by:")]
    return HEADER.format(name=f"../resources/{source.name}") + "\n".join(lines) + "\n"


def target_for(source: Path) -> Path:
    prefix = "rc" if source.suffix == ".qrc" else "ui"
    return TARGET / f"{prefix}_{source.stem}.py"


def main(check: bool = False) -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    init = TARGET / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated Qt Designer forms — do not edit; see forms/."""\n', "utf-8")
    stale = []
    jobs = [(s, compile_one) for s in sorted(SOURCES.glob("*.ui"))]
    jobs += [(s, compile_resources) for s in sorted((ROOT / "resources").glob("*.qrc"))]
    for source, compile_ in jobs:
        text = compile_(source)
        target = target_for(source)
        if check:
            if not target.exists() or target.read_text("utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, "utf-8")
    if stale:
        print("out of date (run `make forms`):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(check="--check" in sys.argv))
