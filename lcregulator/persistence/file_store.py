"""Content-addressed file stores (evidence, issued documents), one small interface.

A file and the row that names it must agree after any crash. Writers therefore follow one
order: write to a temporary name in the store's folder, fsync, rename into place (atomic on
one file system), and only then commit the row. A crash before the rename leaves a temporary
file; a crash between the rename and the commit leaves an *orphan* (a stored file no row
names). Neither loses a committed record; ``verify`` reports both and ``verify --repair``
moves orphans to a quarantine folder (never deletes) and removes stale temporary files.

:class:`FileStore` is what the services use; :class:`LocalFolderStore` keeps files in a folder
beside the SQLite database. Shared backends (a bureau's database or network share) implement
the same few methods.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from .health import write_failure

TEMP_PREFIX = ".incoming-"
CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    """One file in a store: its hash, the suffix it was stored with, size and age."""

    sha256: str
    suffix: str
    size: int
    modified: dt.datetime
    key: str  # the path under the store's root, with "/" separators


class FileStore(Protocol):
    """What the services need from a place that keeps files by their SHA-256."""

    def put(self, source: BinaryIO | bytes, suffix: str = "") -> tuple[str, int]:
        """Store the bytes durably (temporary name, fsync, rename); return (sha256, size)."""
        ...

    def open(self, sha256: str, suffix: str = "") -> BinaryIO: ...

    def exists(self, sha256: str, suffix: str = "") -> bool: ...

    def list(self) -> Iterator[StoredFile]:
        """Every stored file (temporary files excluded)."""
        ...

    def temporaries(self) -> Iterator[StoredFile]:
        """Temporary files left by writers (a crash before the rename)."""
        ...

    def quarantine(self, item: StoredFile, folder: Path) -> Path:
        """Move a stored file out of the store into ``folder`` (never deleted)."""
        ...

    def discard(self, item: StoredFile) -> None:
        """Remove a temporary file (its content never reached the store)."""
        ...


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows has no directory handles to sync."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class LocalFolderStore:
    """Files at ``root/<first two hex digits>/<sha256><suffix>``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, sha256: str, suffix: str = "") -> Path:
        """Where the file lives on this machine (for viewers that need a path)."""
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def put(self, source: BinaryIO | bytes, suffix: str = "") -> tuple[str, int]:
        try:
            return self._put(source, suffix)
        except OSError as exc:
            problem = write_failure(exc, str(self.root), noun="文件夹")
            if problem is None:
                raise
            raise problem from exc

    def _put(self, source: BinaryIO | bytes, suffix: str) -> tuple[str, int]:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            size = 0
            with os.fdopen(fd, "wb") as out:
                if isinstance(source, bytes):
                    digest.update(source)
                    out.write(source)
                    size = len(source)
                else:
                    while block := source.read(CHUNK):
                        digest.update(block)
                        out.write(block)
                        size += len(block)
                out.flush()
                os.fsync(out.fileno())
            sha256 = digest.hexdigest()
            target = self.path(sha256, suffix)
            if target.exists():
                tmp.unlink()
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._install(tmp, target, sha256)
            return sha256, size
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def _install(self, tmp: Path, target: Path, sha256: str) -> None:
        """Rename the fsynced temporary file into place and make the rename durable."""
        os.replace(tmp, target)
        _fsync_dir(target.parent)

    def open(self, sha256: str, suffix: str = "") -> BinaryIO:
        return self.path(sha256, suffix).open("rb")

    def exists(self, sha256: str, suffix: str = "") -> bool:
        return self.path(sha256, suffix).is_file()

    def _entry(self, path: Path) -> StoredFile:
        stat = path.stat()
        name = path.name
        sha256, suffix = name[:64], name[64:]
        return StoredFile(
            sha256=sha256,
            suffix=suffix,
            size=stat.st_size,
            modified=dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC),
            key=path.relative_to(self.root).as_posix(),
        )

    def list(self) -> Iterator[StoredFile]:
        if not self.root.is_dir():
            return
        for folder in sorted(self.root.iterdir()):
            if not folder.is_dir() or len(folder.name) != 2:
                continue
            for path in sorted(folder.iterdir()):
                if path.is_file() and not path.name.startswith(TEMP_PREFIX):
                    with contextlib.suppress(FileNotFoundError):
                        yield self._entry(path)

    def temporaries(self) -> Iterator[StoredFile]:
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob(f"{TEMP_PREFIX}*")):
            with contextlib.suppress(FileNotFoundError):
                stat = path.stat()
                yield StoredFile(
                    sha256="",
                    suffix="",
                    size=stat.st_size,
                    modified=dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC),
                    key=path.relative_to(self.root).as_posix(),
                )

    def quarantine(self, item: StoredFile, folder: Path) -> Path:
        source = self.root / item.key
        target = folder / item.key
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():  # quarantined before: keep both
            target = target.with_name(f"{target.name}.{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}")
        shutil.move(source, target)
        return target

    def discard(self, item: StoredFile) -> None:
        (self.root / item.key).unlink(missing_ok=True)

    def remove(self, sha256: str, suffix: str = "") -> None:
        """Take back a file this writer stored for a transaction that then failed (the
        caller has checked that no row names it), so the failure leaves no orphan."""
        self.path(sha256, suffix).unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


class SharedFolderStore(LocalFolderStore):
    """Files on the bureau's network share (SMB/NFS), ``<share>/<evidence|documents>/<first
    two hex digits>/<sha256><suffix>``, read and written by every workstation.

    Writes are as safe as the local folder's — a uniquely named temporary file in the share,
    fsync, rename — and two workstations storing the same file at once cannot harm each other:
    the name is the content's SHA-256, so whichever rename lands last puts the same bytes in
    place, and a rename refused because the other's copy is already there (Windows shares
    refuse to replace a file someone has open) counts as done once that copy's hash is
    checked. Files are made group-readable and group-writable (the share's group holds every
    workstation's account), since the data folder's private umask would lock colleagues out.

    ``local`` is this workstation's own folder, whose earlier files :meth:`adopt_local` moves in.
    """

    def __init__(self, share: Path, store: str, local: Path) -> None:
        super().__init__(share / store)
        self.share = share
        self.store = store
        self.local = LocalFolderStore(local)

    def _reachable(self) -> None:
        if not self.share.is_dir():
            from .health import DatabaseProblem, Problem

            raise DatabaseProblem(
                Problem.UNREACHABLE,
                f"无法访问本单位的共享文件夹 {self.share}（未连接网络驱动器、共享未挂载或没有权限），"
                "证据和文书暂时无法保存或打开；您填写的内容仍保留在窗口中。请检查网络，"
                "或联系本单位信息技术人员。",
                str(self.share),
            )

    def put(self, source: BinaryIO | bytes, suffix: str = "") -> tuple[str, int]:
        self._reachable()
        old = os.umask(0o007)
        try:
            return super().put(source, suffix)
        finally:
            os.umask(old)

    def _install(self, tmp: Path, target: Path, sha256: str) -> None:
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o660)
        try:
            os.replace(tmp, target)
        except OSError:
            if not (target.is_file() and file_sha256(target) == sha256):
                raise
            tmp.unlink(missing_ok=True)  # the other workstation's identical copy stands
            return
        with contextlib.suppress(OSError):
            _fsync_dir(target.parent)

    def open(self, sha256: str, suffix: str = "") -> BinaryIO:
        self._reachable()
        return super().open(sha256, suffix)

    def adopt_local(self) -> tuple[int, int]:
        """Move this workstation's earlier local files onto the share: each is checked
        against its SHA-256, copied, the copy checked again, and only then the local file
        removed; one that does not match stays where it is (``verify`` reports it)."""
        adopted = skipped = 0
        for item in list(self.local.list()):
            source = self.local.path(item.sha256, item.suffix)
            if file_sha256(source) != item.sha256:
                skipped += 1
                continue
            if not self.exists(item.sha256, item.suffix):
                with source.open("rb") as fh:
                    self.put(fh, item.suffix)
            if file_sha256(self.path(item.sha256, item.suffix)) != item.sha256:
                skipped += 1
                continue
            source.unlink()
            adopted += 1
        return adopted, skipped


#: Setting (table ``setting``, shared by every workstation) naming the bureau's file store:
#: ``database`` (the PostgreSQL default), ``shared`` (a network folder, named by the setting
#: ``file_store_folder``) or ``local`` (each workstation's folder; the SQLite default).
#: ``LCREGULATOR_FILE_STORE`` and ``LCREGULATOR_FILE_STORE_FOLDER`` override them on one
#: workstation (a share mounted at another path, a Windows drive letter).
STORE_SETTING = "file_store"
FOLDER_SETTING = "file_store_folder"
STORE_KINDS = ("database", "shared", "local")


class DatabaseFileStore:
    """Files kept in the bureau's database (``stored_file`` + ``stored_chunk``, 1 MiB chunks,
    content-addressed by SHA-256), so every workstation on the server reads what any stored,
    and ``pg_dump`` backs them up with the cases.

    ``root`` is this workstation's cache folder (a :class:`LocalFolderStore`): :meth:`put`
    writes there first (hash, fsync, rename), then copies the bytes into the database in their
    own committed transaction — before the caller commits the row naming the file, as the
    local store's order requires. :meth:`path` gives viewers a local path, fetching the file
    from the database when this workstation has not seen it, and checking its SHA-256 on the
    way (a copy that does not match is not kept, so verify reports it).

    PostgreSQL only: on SQLite the writer already holds the database's single write lock.
    """

    def __init__(self, database: Any, store: str, root: Path) -> None:
        self.database = database
        self.store = store
        self.root = root
        self.cache = LocalFolderStore(root)

    # --- writing ----------------------------------------------------------------------------

    def put(self, source: BinaryIO | bytes, suffix: str = "") -> tuple[str, int]:
        sha256, size = self.cache.put(source, suffix)
        if not self.exists(sha256, suffix):
            self._upload(sha256, suffix, size)
        return sha256, size

    def _upload(self, sha256: str, suffix: str, size: int) -> None:
        from sqlalchemy.dialects.postgresql import insert

        from .rows import StoredChunkRow, StoredFileRow

        chunks = StoredChunkRow.__table__
        files = StoredFileRow.__table__
        with self.database.engine.begin() as conn, self.cache.open(sha256, suffix) as fh:
            seq = 0
            while block := fh.read(CHUNK):
                conn.execute(
                    insert(chunks)  # type: ignore[arg-type]
                    .values(sha256=sha256, seq=seq, data=block)
                    .on_conflict_do_nothing()
                )
                seq += 1
            conn.execute(
                insert(files)  # type: ignore[arg-type]
                .values(
                    store=self.store,
                    sha256=sha256,
                    suffix=suffix,
                    size=size,
                    created_at=dt.datetime.now(dt.UTC),
                )
                .on_conflict_do_nothing()
            )

    # --- reading ----------------------------------------------------------------------------

    def path(self, sha256: str, suffix: str = "") -> Path:
        """A local copy (fetched and checked against its SHA-256 if this workstation lacks it)."""
        local = self.cache.path(sha256, suffix)
        if not local.is_file():
            self._fetch(sha256, suffix, local)
        return local

    def _fetch(self, sha256: str, suffix: str, target: Path) -> None:
        from sqlalchemy import text

        if not self.exists(sha256, suffix):
            return
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=TEMP_PREFIX)
        tmp = Path(tmp_name)
        try:
            digest = hashlib.sha256()
            with os.fdopen(fd, "wb") as out, self.database.engine.connect() as conn:
                count = conn.execute(
                    text("SELECT count(*) FROM stored_chunk WHERE sha256 = :s"), {"s": sha256}
                ).scalar_one()
                for seq in range(int(count)):  # one chunk in memory at a time
                    block = conn.execute(
                        text("SELECT data FROM stored_chunk WHERE sha256 = :s AND seq = :n"),
                        {"s": sha256, "n": seq},
                    ).scalar_one()
                    digest.update(block)
                    out.write(block)
                out.flush()
                os.fsync(out.fileno())
            if digest.hexdigest() != sha256:  # damaged on the server: not kept, verify says so
                tmp.unlink()
                return
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def open(self, sha256: str, suffix: str = "") -> BinaryIO:
        return self.path(sha256, suffix).open("rb")

    def exists(self, sha256: str, suffix: str = "") -> bool:
        from sqlalchemy import text

        with self.database.engine.connect() as conn:
            return (
                conn.execute(
                    text(
                        "SELECT 1 FROM stored_file WHERE store = :store AND sha256 = :s "
                        "AND suffix = :x"
                    ),
                    {"store": self.store, "s": sha256, "x": suffix},
                ).first()
                is not None
            )

    def list(self) -> Iterator[StoredFile]:
        from sqlalchemy import text

        with self.database.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT sha256, suffix, size, created_at FROM stored_file "
                    "WHERE store = :store ORDER BY sha256, suffix"
                ),
                {"store": self.store},
            ).all()
        for sha256, suffix, size, created in rows:
            yield StoredFile(
                sha256=sha256,
                suffix=suffix,
                size=int(size),
                modified=created if created.tzinfo else created.replace(tzinfo=dt.UTC),
                key=f"{sha256[:2]}/{sha256}{suffix}",
            )

    def temporaries(self) -> Iterator[StoredFile]:
        """A database write is one transaction: only the local cache can hold leftovers."""
        return self.cache.temporaries()

    def quarantine(self, item: StoredFile, folder: Path) -> Path:
        """Save the bytes to ``folder``, then take the entry (and unshared chunks) out."""
        from sqlalchemy import text

        target = folder / item.key
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target = target.with_name(f"{target.name}.{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S}")
        shutil.copyfile(self.path(item.sha256, item.suffix), target)
        with self.database.engine.begin() as conn:
            conn.execute(
                text(
                    "DELETE FROM stored_file WHERE store = :store AND sha256 = :s AND suffix = :x"
                ),
                {"store": self.store, "s": item.sha256, "x": item.suffix},
            )
            conn.execute(
                text(
                    "DELETE FROM stored_chunk WHERE sha256 = :s AND NOT EXISTS "
                    "(SELECT 1 FROM stored_file WHERE sha256 = :s)"
                ),
                {"s": item.sha256},
            )
        self.cache.path(item.sha256, item.suffix).unlink(missing_ok=True)
        return target

    def discard(self, item: StoredFile) -> None:
        self.cache.discard(item)

    def remove(self, sha256: str, suffix: str = "") -> None:
        """As :meth:`LocalFolderStore.remove`: the entry, its unshared chunks, the cached copy."""
        from sqlalchemy import text

        with self.database.engine.begin() as conn:
            conn.execute(
                text(
                    "DELETE FROM stored_file WHERE store = :store AND sha256 = :s AND suffix = :x"
                ),
                {"store": self.store, "s": sha256, "x": suffix},
            )
            conn.execute(
                text(
                    "DELETE FROM stored_chunk WHERE sha256 = :s AND NOT EXISTS "
                    "(SELECT 1 FROM stored_file WHERE sha256 = :s)"
                ),
                {"s": sha256},
            )
        self.cache.remove(sha256, suffix)

    def adopt_local(self) -> tuple[int, int]:
        """Move into the database the files this workstation kept in its folder before the
        bureau chose the database store (each checked against its SHA-256 first; one that
        does not match stays where it is, for ``verify`` to report). Returns (adopted, skipped)."""
        adopted = skipped = 0
        for item in list(self.cache.list()):
            if self.exists(item.sha256, item.suffix):
                continue
            digest = hashlib.sha256()
            with self.cache.open(item.sha256, item.suffix) as fh:
                while block := fh.read(CHUNK):
                    digest.update(block)
            if digest.hexdigest() != item.sha256:
                skipped += 1
                continue
            self._upload(item.sha256, item.suffix, item.size)
            adopted += 1
        return adopted, skipped


def _setting(database: Any, key: str) -> str | None:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with database.read_connection() as conn:
            found = conn.execute(
                text("SELECT value FROM setting WHERE key = :k"), {"k": key}
            ).scalar()
    except DBAPIError:  # no schema yet (a restore into an empty database)
        return None
    return None if found is None else str(found)


def store_kind(database: Any) -> str:
    """Which store this database's bureau chose: ``database``, ``shared`` or ``local`` (read
    once)."""
    cached = getattr(database, "_file_store_kind", None)
    if cached is not None:
        return str(cached)
    kind = os.environ.get("LCREGULATOR_FILE_STORE", "").strip().lower()
    if kind not in STORE_KINDS:
        kind = (_setting(database, STORE_SETTING) or "").strip().lower()
    if kind not in STORE_KINDS:
        kind = "local" if database.is_sqlite else "database"
    if kind == "database" and database.is_sqlite:
        kind = "local"  # one write lock: the database store cannot write beside a writer
    database._file_store_kind = kind
    return kind


def shared_folder(database: Any) -> Path:
    """Where this workstation reaches the bureau's shared folder: the environment, else the
    bureau's setting; a :class:`DatabaseProblem` when neither names one."""
    cached = getattr(database, "_file_store_folder", None)
    if cached is not None:
        return Path(cached)
    folder = os.environ.get("LCREGULATOR_FILE_STORE_FOLDER", "").strip()
    folder = folder or (_setting(database, FOLDER_SETTING) or "").strip()
    if not folder:
        from .health import DatabaseProblem, Problem

        raise DatabaseProblem(
            Problem.MISSING,
            "本单位选择了共享文件夹存放证据和文书（file_store = shared），但没有设置共享文件夹的"
            "路径：请设置 file_store_folder，或在本机设置环境变量 LCREGULATOR_FILE_STORE_FOLDER。"
            "请联系本单位信息技术人员。",
        )
    database._file_store_folder = folder
    return Path(folder)


def open_store(database: Any, store: str, root: Path) -> LocalFolderStore | DatabaseFileStore:
    """The store named ``store`` (``evidence``/``documents``) as the bureau chose it."""
    kind = store_kind(database)
    if kind == "database":
        return DatabaseFileStore(database, store, root)
    if kind == "shared":
        return SharedFolderStore(shared_folder(database), store, root)
    return LocalFolderStore(root)
