"""Is this database ours, whole, and not newer than this program? Asked before anything else.

The check at open is cheap: the SQLite file's 100-byte header and the schema revision read with
one query (Alembic is imported only to upgrade; the known revisions are read from the
migration files' text). A database that fails is never written to, upgraded or re-initialised:
:class:`DatabaseProblem` carries the Chinese explanation with the way out, which the window
shows and the command line prints with exit status 3. The full ``PRAGMA quick_check`` reads
every page, so it runs in the background after the window is up, and in ``verify``.
"""

from __future__ import annotations

import enum
import errno
import re
import sqlite3
from functools import cache
from pathlib import Path

from lcregulator.domain.errors import DomainError

from .paths import Paths

SQLITE_MAGIC = b"SQLite format 3\x00"
VERSIONS = Path(__file__).with_name("migrations") / "versions"
WAY_OUT = (
    "您可以：1. 恢复最近一次备份（菜单“工具 → 备份/恢复”，或命令 lcregulator restore 备份文件）；"
    "2. 打开另一个数据文件夹（设置环境变量 LCREGULATOR_HOME）；3. 联系本单位信息技术人员。"
    "原文件没有被改动。"
)


class Problem(enum.Enum):
    MISSING = "missing"
    NOT_A_DATABASE = "not_a_database"  # garbage, another program's file
    TRUNCATED = "truncated"
    EMPTY_FILE = "empty_file"  # zero bytes where cases were kept
    DAMAGED = "damaged"  # pages corrupted
    FOREIGN = "foreign"  # a SQLite database, but not lcregulator's
    NEWER = "newer"  # written by a newer version of lcregulator
    READ_ONLY = "read_only"
    FULL = "full"
    UNREACHABLE = "unreachable"


class DatabaseProblem(DomainError):
    """The database cannot be used as it is; nothing was changed. CLI exit 3."""

    field = "database"

    def __init__(self, problem: Problem, message: str, location: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.location = location

    def as_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": "database", "message": self.message}}


def _problem(
    problem: Problem, what: str, location: str, way_out: bool = True, noun: str = "数据库文件"
) -> DatabaseProblem:
    text = f"{noun} {location} {what}" + (WAY_OUT if way_out else "")
    return DatabaseProblem(problem, text, location)


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """Every revision this program's migrations know, and the head, from the files' text."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in VERSIONS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        found = re.search(r'^revision(?:: str)?\s*=\s*["\']([^"\']+)["\']', source, re.M)
        if found:
            revisions.add(found.group(1))
        down = re.search(r"^down_revision[^=]*=\s*(.+)$", source, re.M)
        if down:
            downs.update(re.findall(r'["\']([^"\']+)["\']', down.group(1)))
    heads = revisions - downs
    return frozenset(revisions), (sorted(heads)[0] if len(heads) == 1 else "")


def _folder_in_use(paths: Paths) -> bool:
    """Has this data folder kept cases before (stored files or backups beside the database)?"""
    for folder in (paths.evidence, paths.documents, paths.backups):
        if folder.is_dir() and any(p.is_file() for p in folder.rglob("*")):
            return True
    return False


def check_sqlite(path: Path, paths: Paths | None = None) -> str | None:
    """Raise :class:`DatabaseProblem` for a file that must not be touched; return its schema
    revision (None for a new, empty database that may be created)."""
    location = str(path)
    if not path.exists():
        return None
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            header = fh.read(100)
    except PermissionError:
        raise _problem(Problem.READ_ONLY, "无法读取（没有访问权限）。", location) from None
    if size == 0:
        if paths is not None and _folder_in_use(paths):
            raise _problem(
                Problem.EMPTY_FILE,
                "是空文件（0 字节），但该文件夹中保存过证据、文书或备份，"
                "数据库很可能在复制或磁盘故障中丢失了内容。为免覆盖，系统不会把它当作新库初始化。",
                location,
            )
        return None
    if not header.startswith(SQLITE_MAGIC):
        raise _problem(
            Problem.NOT_A_DATABASE,
            "不是本系统的数据库（文件内容不是 SQLite 数据库，可能已损坏或被其他文件替换）。",
            location,
        )
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    if (
        len(header) < 100
        or page_size < 512
        or size % page_size
        or (wal_empty and pages and pages * page_size > size)
    ):
        raise _problem(
            Problem.TRUNCATED,
            "不完整（文件被截断，可能是复制未完成或磁盘已满）。",
            location,
        )
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _problem(Problem.READ_ONLY, f"无法打开（{exc}）。", location) from None
    try:
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise _problem(
                    Problem.FOREIGN,
                    "是其他程序的数据库，不是本系统的案件库。",
                    location,
                )
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.DatabaseError as exc:
            raise _problem(Problem.DAMAGED, f"已损坏（{exc}），无法读取。", location) from None
    finally:
        conn.close()
    revision = str(row[0]) if row else None
    check_revision(revision, location)
    return revision


def check_revision(revision: str | None, location: str) -> None:
    known, _head = known_revisions()
    if revision is not None and revision not in known:
        raise _problem(
            Problem.NEWER,
            f"比本程序新（由更新版本的本系统创建或升级过，数据库结构版本 {revision}），"
            "本程序不能打开，以免损坏数据。请安装最新版本后再打开。",
            location,
            way_out=False,
        )


def is_unusable_sqlite_error(exc: BaseException) -> bool:
    text = str(getattr(exc, "orig", exc)).lower()
    return any(
        s in text for s in ("malformed", "not a database", "file is encrypted", "disk i/o error")
    )


def damaged(location: str, detail: str) -> DatabaseProblem:
    """Pages found corrupt after opening (a query or ``quick_check`` failed)."""
    return _problem(Problem.DAMAGED, f"已损坏（{detail}）。", location)


def write_failure(
    exc: BaseException, location: str, noun: str = "数据库文件"
) -> DatabaseProblem | None:
    """A read-only folder or a full disk, said plainly (the caller keeps the officer's input)."""
    text = str(getattr(exc, "orig", exc)).lower()
    code = getattr(exc, "errno", None)
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        text += " read-only"
    if code in (errno.ENOSPC, errno.EDQUOT):
        text += " no space"
    if "readonly" in text or "read-only" in text or "permission denied" in text:
        return _problem(
            Problem.READ_ONLY,
            "所在的文件夹是只读的，无法保存。您填写的内容仍保留在窗口中；"
            "请让管理员开放写入权限，或将数据文件夹移到可写的位置后再保存。",
            location,
            way_out=False,
            noun=noun,
        )
    if "disk is full" in text or "no space" in text or "database or disk is full" in text:
        return _problem(
            Problem.FULL,
            "所在的磁盘已满，无法保存。您填写的内容仍保留在窗口中；请清理磁盘空间后再保存。",
            location,
            way_out=False,
            noun=noun,
        )
    return None
