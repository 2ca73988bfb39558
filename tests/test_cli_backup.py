"""``backup``, ``restore`` and damaged databases through the command line (DESIGN §9.1)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lcregulator.cli import main
from tests.persistence.test_damaged import CASES, digest, healthy, page_corrupted

ROOT = Path(__file__).resolve().parents[1]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("LCREGULATOR_HOME", str(folder))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    return folder


def with_cases(capsys: pytest.CaptureFixture[str], home: Path, tmp_path: Path) -> int:
    code, payload = cli(capsys, "demo", "--out", str(tmp_path / "demo"), "--keep")
    assert code == 0, payload
    return len(payload["cases"])  # type: ignore[arg-type]


def test_backup_and_restore_round_trip(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    count = with_cases(capsys, home, tmp_path)
    out = tmp_path / "b.lcbackup"
    code, payload = cli(capsys, "backup", "--out", str(out))
    assert code == 0, payload
    assert payload["file"] == str(out.resolve()) and payload["cases"] == count
    assert payload["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()

    code, payload = cli(capsys, "restore", str(out))  # the database holds cases
    assert code == 2 and payload["error"]["field"] == "force"  # type: ignore[index]
    assert "--force" in payload["error"]["message"]  # type: ignore[index]
    code, payload = cli(capsys, "restore", str(out), "--force")
    assert (code, payload) == (0, {"cases": count})
    kept = list((home / "backups").glob("replaced-*/lcregulator.sqlite3"))
    assert len(kept) == 1

    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path / "elsewhere"))  # a new machine
    assert cli(capsys, "restore", str(out)) == (0, {"cases": count})
    code, payload = cli(capsys, "case", "list")
    assert code == 0 and len(payload["cases"]) == count  # type: ignore[arg-type]


def test_a_damaged_backup_exits_2_and_changes_nothing(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.lcbackup"
    bad.write_bytes(b"not a zip at all")
    code, payload = cli(capsys, "restore", str(bad))
    assert code == 2 and payload["error"]["field"] == "file"  # type: ignore[index]
    assert not (home / "lcregulator.sqlite3").exists()


def test_backup_without_a_database_exits_3(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = cli(capsys, "backup", "--out", str(home / "x.lcbackup"))
    assert code == 3 and payload["error"]["field"] == "database"  # type: ignore[index]


def test_backup_on_postgresql_without_pg_dump_exits_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths
    from lcregulator.services import backup
    from lcregulator.services.health import DatabaseProblem

    monkeypatch.setenv("LCREGULATOR_PG_DUMP", str(tmp_path / "no-such-pg_dump"))
    database = Database("postgresql+psycopg://u:p@127.0.0.1:1/x")
    with pytest.raises(DatabaseProblem, match="pg_dump"):
        backup.make_backup(database, Paths(tmp_path), tmp_path / "b.lcbackup")
    database.dispose()


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_databases_exit_3_with_the_way_out(
    case: str, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = healthy(home)
    CASES[case][0](db)
    before = digest(db)
    for args in (["case", "list"], ["backup", "--out", str(home / "b.lcbackup")]):
        code, payload = cli(capsys, *args)
        assert code == 3, payload
        assert payload["error"]["field"] == "database"  # type: ignore[index]
        assert str(db) in payload["error"]["message"]  # type: ignore[index]
    assert digest(db) == before


def test_corrupted_pages_exit_3_in_a_command_that_reads_them(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_cases(capsys, home, tmp_path)
    page_corrupted(home / "lcregulator.sqlite3")
    code, payload = cli(capsys, "case", "list")
    assert code == 3 and payload["error"]["field"] == "database"  # type: ignore[index]


def test_no_traceback_from_a_real_process(home: Path) -> None:
    """A damaged database through the installed entry point: JSON on stdout, nothing else."""
    db = healthy(home)
    db.write_bytes(b"garbage" * 500)
    done = subprocess.run(
        [sys.executable, "-m", "lcregulator", "case", "list"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"LCREGULATOR_HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stdout + done.stderr
    assert json.loads(done.stdout)["error"]["field"] == "database"
