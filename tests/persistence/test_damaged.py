"""Damaged or foreign databases are refused at open with the way out, and never touched."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from lcregulator.persistence.database import Database
from lcregulator.persistence.health import DatabaseProblem, Problem, known_revisions
from lcregulator.persistence.paths import Paths
from lcregulator.services import health
from lcregulator.services.bootstrap import open_context


def healthy(home: Path) -> Path:
    """A real, migrated database in ``home`` with some rows and a stored file beside it."""
    paths = Paths(home)
    ctx = open_context(paths=paths, url=f"sqlite:///{paths.database.as_posix()}")
    ctx.evidence_store.put(b"evidence bytes")
    ctx.database.dispose()
    return paths.database


def garbage(db: Path) -> None:
    db.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)


def truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2 + 100])


def zero_length(db: Path) -> None:
    db.write_bytes(b"")


def foreign(db: Path) -> None:
    db.unlink()
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.close()


def newer(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'i99_from_the_future'")
    conn.close()


def page_corrupted(db: Path) -> None:
    """Scribble over the pages of the case tables: the header and the schema revision read
    fine (the cheap check passes), the pages do not."""
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        roots = [
            r[0]
            for r in conn.execute(
                "SELECT rootpage FROM sqlite_master WHERE rootpage > 1 "
                "AND tbl_name IN ('case', 'issued_document', 'event', 'party')"
            )
        ]
    conn.close()
    data = bytearray(db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in roots:
        data[(n - 1) * page : (n - 1) * page + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))


CASES: dict[str, tuple[Callable[[Path], None], Problem]] = {
    "garbage": (garbage, Problem.NOT_A_DATABASE),
    "truncated": (truncated, Problem.TRUNCATED),
    "zero_length": (zero_length, Problem.EMPTY_FILE),
    "foreign": (foreign, Problem.FOREIGN),
    "newer": (newer, Problem.NEWER),
}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_at_open_and_left_untouched(case: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = healthy(home)
    damage, problem = CASES[case]
    damage(db)
    before = digest(db)
    paths = Paths(home)
    with pytest.raises(DatabaseProblem) as info:
        open_context(paths=paths, url=f"sqlite:///{db.as_posix()}")
    assert info.value.problem is problem
    assert str(db) in info.value.message
    if problem is not Problem.NEWER:
        assert "恢复最近一次备份" in info.value.message
    else:
        assert "更新版本" in info.value.message
    assert digest(db) == before  # never overwritten, never re-initialised
    assert not list(paths.backups.glob("*before-upgrade*"))


def test_zero_length_in_a_fresh_folder_is_a_new_installation(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "fresh")
    paths.home.mkdir()
    paths.database.write_bytes(b"")
    ctx = open_context(paths=paths, url=f"sqlite:///{paths.database.as_posix()}")
    assert ctx.database.is_at_head()
    ctx.database.dispose()


def test_page_corruption_is_found_by_the_background_check(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = healthy(home)
    page_corrupted(db)
    before = digest(db)
    paths = Paths(home)
    ctx = open_context(paths=paths, url=f"sqlite:///{db.as_posix()}")  # cheap check passes
    problem = health.background_check(ctx)
    ctx.database.dispose()
    assert problem is not None and problem.problem is Problem.DAMAGED
    assert "已损坏" in problem.message and "恢复最近一次备份" in problem.message
    assert digest(db) == before


def test_missing_database_is_refused_unless_creating(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "none")
    with pytest.raises(DatabaseProblem) as info:
        open_context(paths=paths, url=f"sqlite:///{paths.database.as_posix()}", create=False)
    assert info.value.problem is Problem.MISSING
    assert not paths.database.exists()


def test_known_revisions_read_without_alembic() -> None:
    known, head = known_revisions()
    assert head in known
    db = Database("sqlite://")
    assert db.head_revision() == head
    db.dispose()


def test_the_upgrade_backup_is_made_once_per_upgrade(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "home")
    paths.ensure()
    url = f"sqlite:///{paths.database.as_posix()}"
    db = Database(url)
    db.upgrade(revision="0001")
    first = db.upgrade(backup_dir=paths.backups, revision="0002")
    db.downgrade("0001")
    again = db.upgrade(backup_dir=paths.backups, revision="0002")  # a second attempt
    assert first is not None and again == first
    assert len(list(paths.backups.glob("*before-upgrade-from-0001*"))) == 1
    db.dispose()
