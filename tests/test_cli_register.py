"""`register export`, `stats` and `case archive` from the command line (DESIGN §9.1)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from lcregulator.cli import main
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services.context import AppContext
from tests.reporting_data import fill


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict]:
    code = main(list(argv))
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    paths = Paths(home)
    paths.ensure()
    db = Database(f"sqlite:///{paths.database.as_posix()}")
    db.upgrade()
    fill(AppContext(db, paths), 60)
    db.dispose()
    monkeypatch.setenv("LCREGULATOR_HOME", str(home))
    return home


def test_register_export_and_stats(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "台账.xlsx"
    code, payload = _run(
        capsys, "register", "export", "--out", str(out), "--from", "2025-01-01", "--to",
        "2025-12-31", "--status", "closed",
    )  # fmt: skip
    assert code == 0 and payload["file"] == str(out.resolve())
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True))
    assert len(rows) == payload["rows"] and all(r[8] == "结案" for r in rows)
    code, payload = _run(capsys, "register", "export", "--out", str(out), "--status", "done")
    assert code == 2 and payload["error"]["field"] == "status"
    code, payload = _run(capsys, "register", "export", "--out", str(tmp_path / "x.csv"))
    assert code == 2 and payload["error"]["field"] == "out"
    pdf = tmp_path / "报表.pdf"
    code, payload = _run(
        capsys, "stats", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(pdf)
    )
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    assert set(payload) >= {
        "cases", "fines", "confiscated", "referrals", "referrals_by_outcome", "summons",
        "summons_by_outcome", "overdue",
    }  # fmt: skip
    assert set(payload["cases"]) >= {"received", "filed", "closed", "by_stage", "by_provision"}
    assert set(payload["fines"]) >= {"decided", "collected"}
    code, payload = _run(capsys, "stats", "--from", "2025-13-01")
    assert code == 2 and payload["error"]["field"] == "from"


def test_stats_without_a_database_exits_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path / "nothing"))
    code, payload = _run(capsys, "stats")
    assert code == 3 and payload["error"]["field"] == "database"


def test_case_archive_binds_then_exports_the_kept_volume(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path / "home"))
    code, kept = _run(capsys, "demo", "--keep", "--out", str(tmp_path / "docs"))
    assert code == 0
    officer = next(o for o in kept["officers"] if "handler" in o["roles"])
    closed = kept["cases"][0]
    out = tmp_path / "卷宗.pdf"
    # 归档 is a write: without --officer it is refused (4), with a wrong password too
    code, payload = _run(capsys, "case", "archive", closed, "--out", str(out))
    assert code == 4 and payload["error"]["field"] == "officer"
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "wrong")
    code, payload = _run(
        capsys, "case", "archive", closed, "--out", str(out), "--officer", officer["name"]
    )
    assert code == 4
    monkeypatch.setenv("LCREGULATOR_PASSWORD", officer["password"])
    code, payload = _run(
        capsys, "case", "archive", closed, "--out", str(out), "--officer", officer["name"]
    )
    assert code == 0, payload
    pages = PdfReader(out).pages
    assert payload == {"file": str(out.resolve()), "pages": len(pages)}
    assert all(f"第{n}页" in p.extract_text() for n, p in enumerate(pages, start=1))
    # archived: the kept 卷宗 comes out again without signing in, byte for byte
    monkeypatch.delenv("LCREGULATOR_PASSWORD")
    again = tmp_path / "again.pdf"
    code, payload = _run(capsys, "case", "archive", closed, "--out", str(again))
    assert code == 0 and again.read_bytes() == out.read_bytes()
    code, listed = _run(capsys, "case", "list", "--status", "archived")
    assert [c["number"] for c in listed["cases"]] == [closed]
    # a case that is not closed, or not there
    code, payload = _run(capsys, "case", "archive", kept["cases"][1], "--out", str(again))
    assert code == 2 and payload["error"]["field"] == "case"
    code, payload = _run(capsys, "case", "archive", "杭西市监立〔2026〕999号", "--out", str(again))
    assert code == 2 and payload["error"]["field"] == "case"
