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
from typing import BinaryIO, Protocol

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
                os.replace(tmp, target)
                _fsync_dir(target.parent)
            return sha256, size
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

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
