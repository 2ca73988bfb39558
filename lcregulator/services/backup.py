"""Backup and restore: the database and its file stores, in one checked file.

A backup is a zip holding ``manifest.json`` (format, schema revision, number of cases, the
SHA-256 of every other member), the database (SQLite: a copy made with the online backup API,
consistent while officers keep working; PostgreSQL: a ``pg_dump`` custom-format archive) and
the evidence and document files the copied rows name. Files are renamed into the stores before
their rows commit, so every file a snapshot's rows name is already there when it is listed.

A restore checks the whole backup first (every member against the manifest, the database's
pages, a schema this program knows), refuses to replace a database that holds cases (or a
damaged one) unless forced, and never deletes: what it replaces is moved to
``backups/replaced-<time>/``.

The automatic daily backup (SQLite only: a bureau's server is backed up by its administrators
with ``pg_dump``) runs in the background after the first start of the day and keeps the last
:data:`KEEP_DAILY` daily and :data:`KEEP_WEEKLY` weekly copies, in ``backups/`` or the folder
the bureau chose (``backup.folder``, e.g. a network share).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from sqlalchemy import func, select

from lcregulator.domain.errors import ValidationError
from lcregulator.persistence import health
from lcregulator.persistence.database import Database
from lcregulator.persistence.file_store import (
    LocalFolderStore,
    SharedFolderStore,
    open_store,
    shared_folder,
    store_kind,
)
from lcregulator.persistence.health import DatabaseProblem, Problem
from lcregulator.persistence.integrity import referenced_files
from lcregulator.persistence.paths import Paths
from lcregulator.persistence.rows import CaseRow
from lcregulator.persistence.unit_of_work import UnitOfWork

from .context import AppContext

FORMAT = "lcregulator-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SQLITE_MEMBER = "database.sqlite3"
PG_MEMBER = "database.pgdump"
SUFFIX = ".lcbackup"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
FOLDER_SETTING = "backup.folder"
KEEP_DAILY_SETTING = "backup.keep_daily"
KEEP_WEEKLY_SETTING = "backup.keep_weekly"

Progress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class BackupResult:
    file: Path
    sha256: str
    cases: int


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _count_cases(database: Database) -> int:
    with UnitOfWork(database, None, dt.datetime.now(dt.UTC), read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(CaseRow)) or 0)


def _pg_dump() -> str:
    """``pg_dump`` from LCREGULATOR_PG_DUMP or PATH, else exit 3 saying how to provide one."""
    configured = os.environ.get("LCREGULATOR_PG_DUMP", "").strip()
    found = configured or shutil.which("pg_dump")
    if not found or not Path(found).exists():
        raise DatabaseProblem(
            Problem.UNREACHABLE,
            "找不到 pg_dump，无法备份 PostgreSQL 数据库。请安装与服务器主版本相同的 PostgreSQL "
            "客户端工具，或用环境变量 LCREGULATOR_PG_DUMP 指明 pg_dump 的位置。",
        )
    return found


def _pg_env(database: Database) -> tuple[list[str], dict[str, str]]:
    url = database.engine.url
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    args = ["-h", url.host or "localhost", "-U", url.username or "", "-d", url.database or ""]
    if url.port:
        args += ["-p", str(url.port)]
    host = url.query.get("host")
    if host and not url.host:
        args[1] = str(host)
    return args, env


def _snapshot(database: Database, target: Path) -> None:
    """A consistent copy of the database into ``target`` (online backup / pg_dump)."""
    if database.is_sqlite:
        source = database.engine.url.database
        assert source
        src, dst = sqlite3.connect(source), sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return
    args, env = _pg_env(database)
    done = subprocess.run(
        [_pg_dump(), "-Fc", "--no-owner", "-f", str(target), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise DatabaseProblem(
            Problem.UNREACHABLE,
            f"pg_dump 未能备份数据库（{done.stderr.strip()[:300]}）。"
            "pg_dump 的主版本需与服务器相同；可用 LCREGULATOR_PG_DUMP 指明。",
        )


def _backed_up_stores(
    database: Database, paths: Paths
) -> tuple[LocalFolderStore, LocalFolderStore]:
    """Where the backup reads the files: the bureau's shared folder when it keeps them there;
    else this workstation's folders (with the database store, ``pg_dump`` holds the files and
    the folders only what never reached it)."""
    if store_kind(database) == "shared":
        evidence = open_store(database, "evidence", paths.evidence)
        documents = open_store(database, "documents", paths.documents)
        assert isinstance(evidence, SharedFolderStore) and isinstance(documents, SharedFolderStore)
        return evidence, documents
    return LocalFolderStore(paths.evidence), LocalFolderStore(paths.documents)


def make_backup(
    database: Database, paths: Paths, out: Path, progress: Progress = _no_progress
) -> BackupResult:
    """Write a backup of ``database`` and its stores to ``out`` (temporary name, then rename)."""
    out = out.expanduser().resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lcr-backup-", dir=out.parent) as work:
        snap = Path(work) / (SQLITE_MEMBER if database.is_sqlite else PG_MEMBER)
        progress(0, 1)
        _snapshot(database, snap)
        if database.is_sqlite:
            copy = Database(f"sqlite:///{snap.as_posix()}")
            try:
                revision = copy.current_revision()
                cases = _count_cases(copy)
                with UnitOfWork(copy, None, dt.datetime.now(dt.UTC), read_only=True) as uow:
                    evidence, documents = referenced_files(uow.session)
            finally:
                copy.dispose()
        else:
            revision = database.current_revision()
            cases = _count_cases(database)
            with UnitOfWork(database, None, dt.datetime.now(dt.UTC), read_only=True) as uow:
                evidence, documents = referenced_files(uow.session)
        members: list[tuple[str, Path]] = [(snap.name, snap)]
        ev_store, doc_store = _backed_up_stores(database, paths)
        for sha in sorted(evidence):
            if ev_store.exists(sha):
                members.append((f"evidence/{sha[:2]}/{sha}", ev_store.path(sha)))
        for sha, suffix in sorted(documents):
            if doc_store.exists(sha, suffix):
                members.append((f"documents/{sha[:2]}/{sha}{suffix}", doc_store.path(sha, suffix)))
        manifest: dict[str, object] = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created": dt.datetime.now(dt.UTC).isoformat(),
            "backend": "sqlite" if database.is_sqlite else "postgresql",
            "revision": revision,
            "cases": cases,
            "file_store": store_kind(database),
            "files": {},
        }
        files: dict[str, str] = {}
        tmp_out = Path(work) / "backup.zip"
        with zipfile.ZipFile(tmp_out, "w", allowZip64=True) as zf:
            for i, (name, path) in enumerate(members, start=1):
                files[name] = _sha256(path)
                compress = zipfile.ZIP_DEFLATED if name == snap.name else zipfile.ZIP_STORED
                zf.write(path, name, compress_type=compress)
                progress(i, len(members) + 1)
            manifest["files"] = files
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        with tmp_out.open("rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_out, out)
    progress(len(members) + 1, len(members) + 1)
    return BackupResult(out, _sha256(out), cases)


@dataclass(frozen=True)
class CheckedBackup:
    manifest: dict[str, object]

    @property
    def cases(self) -> int:
        return int(str(self.manifest.get("cases", 0)))

    @property
    def backend(self) -> str:
        return str(self.manifest.get("backend", ""))


def _bad(message: str) -> ValidationError:
    return ValidationError("file", message)


def check_backup(file: Path, progress: Progress = _no_progress) -> CheckedBackup:
    """Every member against the manifest, the database's pages and schema: ValidationError
    (exit 2) naming what is wrong; nothing is touched."""
    if not file.is_file():
        raise _bad(f"找不到备份文件：{file}")
    try:
        with zipfile.ZipFile(file) as zf:
            try:
                manifest = json.loads(zf.read(MANIFEST))
            except KeyError:
                raise _bad("备份文件中没有清单（manifest.json），不是本系统的备份。") from None
            if manifest.get("format") != FORMAT:
                raise _bad("不是本系统的备份文件。")
            files: dict[str, str] = manifest.get("files", {})
            names = set(zf.namelist()) - {MANIFEST}
            if names != set(files):
                raise _bad("备份文件不完整：清单与文件内容不一致。")
            for i, (name, expected) in enumerate(sorted(files.items()), start=1):
                digest = hashlib.sha256()
                with zf.open(name) as fh:
                    while block := fh.read(1 << 20):
                        digest.update(block)
                if digest.hexdigest() != expected:
                    raise _bad(f"备份文件已损坏：{name} 的 SHA-256 与清单不符。")
                progress(i, len(files))
            if manifest.get("backend") == "sqlite":
                with tempfile.TemporaryDirectory(prefix="lcr-check-") as work:
                    db = Path(work) / SQLITE_MEMBER
                    with zf.open(SQLITE_MEMBER) as src, db.open("wb") as dst:
                        shutil.copyfileobj(src, dst)
                    _check_sqlite_copy(db)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _bad(f"备份文件已损坏或不完整，无法读取（{exc}）。") from None
    return CheckedBackup(manifest)


def _check_sqlite_copy(db: Path) -> None:
    try:
        health.check_sqlite(db)
    except DatabaseProblem as exc:
        if exc.problem is Problem.NEWER:
            raise _bad("该备份来自更新版本的本系统，请先安装新版本再恢复。") from None
        raise _bad("备份中的数据库已损坏。") from None
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError:
        rows = ["malformed"]
    finally:
        conn.close()
    if rows != ["ok"]:
        raise _bad("备份中的数据库已损坏（页校验未通过）。")


def _move_aside(paths: Paths, database: Database) -> Path:
    """Move the database and stores being replaced to ``backups/replaced-<time>/``."""
    keep = paths.backups / f"replaced-{dt.datetime.now():%Y%m%d-%H%M%S}"
    keep.mkdir(parents=True, exist_ok=True)
    if database.is_sqlite:
        db = Path(str(database.engine.url.database))
        for path in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            if path.exists():
                shutil.move(path, keep / path.name)
    for folder in (paths.evidence, paths.documents):
        if folder.exists():
            shutil.move(folder, keep / folder.name)
    return keep


def _restore_share(
    database: Database, checked: CheckedBackup, paths: Paths
) -> tuple[SharedFolderStore, SharedFolderStore] | None:
    """The bureau's share to restore the files to, when the backup came from one (or this
    workstation is set to use one)."""
    if checked.manifest.get("file_store") != "shared" and store_kind(database) != "shared":
        return None
    share = shared_folder(database)
    return (
        SharedFolderStore(share, "evidence", paths.evidence),
        SharedFolderStore(share, "documents", paths.documents),
    )


def _pg_restore_tool() -> str:
    dump = _pg_dump()
    return str(Path(dump).with_name("pg_restore"))


def restore_backup(
    database: Database,
    paths: Paths,
    file: Path,
    *,
    force: bool = False,
    progress: Progress = _no_progress,
) -> tuple[int, Path | None]:
    """Check ``file``, then put its database and stores in place; returns (cases, where the
    replaced data was kept)."""
    checked = check_backup(file, progress)
    target_backend = "sqlite" if database.is_sqlite else "postgresql"
    if checked.backend != target_backend:
        raise _bad(
            f"该备份来自 {checked.backend} 数据库，不能恢复到当前的 {target_backend} 数据库。"
        )
    existing = 0
    try:
        revision = database.check(paths, create=True)
        existing = _count_cases(database) if revision is not None else 0
    except DatabaseProblem:
        if not force:
            raise
        existing = -1
    if existing != 0 and not force:
        raise ValidationError(
            "force",
            f"当前数据库中已有 {existing} 个案件。恢复将替换这些数据（原数据会另存到 backups "
            "文件夹）；确需恢复请加 --force。",
        )
    shared = _restore_share(database, checked, paths)
    database.dispose()
    kept: Path | None = None
    if existing != 0 or any(p.exists() for p in (paths.evidence, paths.documents)):
        paths.ensure()
        kept = _move_aside(paths, database)
        if not database.is_sqlite:
            _snapshot(database, kept / PG_MEMBER)
    paths.ensure()
    with zipfile.ZipFile(file) as zf:
        names = [n for n in zf.namelist() if n != MANIFEST]
        for name in names:
            if name.startswith(("evidence/", "documents/")) and shared is not None:
                # the share stays as it is (other workstations use it); its files are named by
                # their content, so the backup's are added beside them, each checked on the way
                store = shared[0] if name.startswith("evidence/") else shared[1]
                with zf.open(name) as src:
                    suffix = name.rsplit("/", 1)[1][64:]
                    store.put(cast(BinaryIO, src), suffix)
            elif name.startswith(("evidence/", "documents/")):
                folder = paths.evidence if name.startswith("evidence/") else paths.documents
                target = folder / name.split("/", 1)[1]
                target.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(name) as src, target.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
        if database.is_sqlite:
            db = Path(str(database.engine.url.database))
            tmp = db.with_name(f".restoring-{db.name}")
            with zf.open(SQLITE_MEMBER) as src, tmp.open("wb") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(tmp, db)
        else:
            with tempfile.TemporaryDirectory(prefix="lcr-restore-") as work:
                dump = Path(work) / PG_MEMBER
                with zf.open(PG_MEMBER) as src, dump.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                args, env = _pg_env(database)
                done = subprocess.run(
                    [_pg_restore_tool(), "--clean", "--if-exists", "--no-owner", *args, str(dump)],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    raise DatabaseProblem(
                        Problem.UNREACHABLE,
                        f"pg_restore 未能恢复数据库（{done.stderr.strip()[:300]}）。"
                        "恢复需要数据库所有者的连接（LCREGULATOR_DATABASE_URL）。",
                    )
    database.dispose()
    return _count_cases(database), kept


# --- the automatic daily backup -------------------------------------------------------------


def keep(
    dates: Iterable[dt.date], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY
) -> set[dt.date]:
    """Which daily backups to keep: the newest ``daily`` days, and the newest backup of each of
    the ``weekly`` most recent ISO weeks (older weeks' copies give way)."""
    ordered = sorted(set(dates), reverse=True)
    kept = set(ordered[:daily])
    weeks: dict[tuple[int, int], dt.date] = {}
    for day in ordered:
        weeks.setdefault(day.isocalendar()[:2], day)
    for week in sorted(weeks, reverse=True)[:weekly]:
        kept.add(weeks[week])
    return kept


def _daily_name(day: dt.date) -> str:
    return f"daily-{day:%Y%m%d}{SUFFIX}"


def daily_backups(folder: Path) -> dict[dt.date, Path]:
    found: dict[dt.date, Path] = {}
    for path in folder.glob(f"daily-*{SUFFIX}"):
        try:
            found[dt.datetime.strptime(path.name[6:14], "%Y%m%d").date()] = path
        except ValueError:
            continue
    return found


def automatic_backup(
    database: Database,
    paths: Paths,
    today: dt.date,
    folder: Path | None = None,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
) -> Path | None:
    """Today's backup if none was made yet (SQLite only), then the rotation; the new file."""
    if not database.is_sqlite:
        return None
    folder = folder or paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    existing = daily_backups(folder)
    made = None
    if today not in existing:
        made = make_backup(database, paths, folder / _daily_name(today)).file
        existing[today] = made
    for day in set(existing) - keep(existing, daily, weekly):
        existing[day].unlink(missing_ok=True)
    return made


def backup_settings(ctx: AppContext) -> tuple[Path | None, int, int]:
    """The bureau's folder for automatic backups (None: ``backups/``) and how many to keep."""
    with ctx.unit_of_work() as uow:
        folder = uow.settings.get(FOLDER_SETTING)
        daily = uow.settings.get(KEEP_DAILY_SETTING)
        weekly = uow.settings.get(KEEP_WEEKLY_SETTING)
    return (
        Path(folder) if folder else None,
        int(daily) if daily else KEEP_DAILY,
        int(weekly) if weekly else KEEP_WEEKLY,
    )


def save_backup_settings(ctx: AppContext, folder: Path | None, daily: int, weekly: int) -> None:
    if daily < 1 or weekly < 0:
        raise ValidationError("backup.keep", "保留份数须为正整数。")
    if folder is not None and not folder.is_dir():
        raise ValidationError("backup.folder", f"找不到文件夹：{folder}")
    with ctx.unit_of_work() as uow:
        uow.settings.set(FOLDER_SETTING, str(folder) if folder else "")
        uow.settings.set(KEEP_DAILY_SETTING, str(daily))
        uow.settings.set(KEEP_WEEKLY_SETTING, str(weekly))
        uow.commit()


def daily_backup(ctx: AppContext) -> Path | None:
    """The automatic backup after the first start of the day (run off the UI thread)."""
    folder, daily, weekly = backup_settings(ctx)
    return automatic_backup(ctx.database, ctx.paths, ctx.today(), folder, daily, weekly)


def backup(ctx: AppContext, out: Path, progress: Progress = _no_progress) -> BackupResult:
    return make_backup(ctx.database, ctx.paths, out, progress)


def restore_from_environment(file: Path, *, force: bool = False) -> tuple[int, Path | None]:
    """Restore into the database LCREGULATOR_HOME / LCREGULATOR_DATABASE_URL names (it may be
    missing or damaged: restore is how one recovers)."""
    from lcregulator.persistence.paths import database_url

    paths = Paths.from_environment()
    database = Database(database_url(paths))
    try:
        return restore_backup(database, paths, file, force=force)
    finally:
        database.dispose()
