"""Do the files and the rows agree? Orphans and stale temporary files.

An orphan is a stored file that no row names: a writer was killed between renaming its file
into the store and committing its row (DESIGN §10: nothing committed is lost, but the file is
left over). ``verify`` reports orphans; ``verify --repair`` (and the window's 完整性校验) moves
those older than :data:`ORPHAN_AGE` to the quarantine folder — never deletes them — under a
lock, so two repairs never race, and removes temporary files as old. The age keeps a repair
from taking a file that a writer on another workstation has stored but not yet committed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lcregulator.domain.errors import DomainError
from lcregulator.domain.events import Event
from lcregulator.persistence import integrity
from lcregulator.persistence.file_store import (
    DatabaseFileStore,
    LocalFolderStore,
    SharedFolderStore,
    StoredFile,
)

from .context import AppContext

ORPHAN_AGE = dt.timedelta(minutes=10)
LOCK_NAME = ".repair.lock"


@dataclass(frozen=True)
class Orphan:
    """A stored file no row names; ``path`` is relative to the data folder."""

    path: str
    size: int
    modified: dt.datetime
    temporary: bool = False

    @property
    def message(self) -> str:
        if self.temporary:
            return f"未完成写入的临时文件（{self.size} 字节），可由修复清除。"
        return f"存储中的文件没有任何记录引用（{self.size} 字节），可由修复移入隔离文件夹。"


def _label(ctx: AppContext, store: LocalFolderStore | DatabaseFileStore) -> str:
    """Where a store's files are, for reports: under the data folder (``evidence``), or on the
    bureau's share (``shared/evidence``)."""
    if isinstance(store, SharedFolderStore):
        return f"shared/{store.store}"
    return store.root.relative_to(ctx.paths.home).as_posix()


def _stores(ctx: AppContext) -> list[tuple[LocalFolderStore | DatabaseFileStore, bool]]:
    """Each store, and whether its files carry a suffix (documents) or not (evidence)."""
    return [(ctx.evidence_store, False), (ctx.document_store, True)]


def _orphans(
    ctx: AppContext,
) -> Iterator[tuple[LocalFolderStore | DatabaseFileStore, StoredFile, Orphan]]:
    with ctx.unit_of_work() as uow:
        evidence, documents = integrity.referenced_files(uow.session)
    for store, with_suffix in _stores(ctx):
        prefix = _label(ctx, store)
        for item in store.list():
            named = (
                (item.sha256, item.suffix) in documents
                if with_suffix
                else item.sha256 in evidence and not item.suffix
            )
            if not named:
                yield store, item, Orphan(f"{prefix}/{item.key}", item.size, item.modified)
        for item in store.temporaries():
            yield store, item, Orphan(f"{prefix}/{item.key}", item.size, item.modified, True)


def find_orphans(ctx: AppContext) -> list[Orphan]:
    """Every orphan and temporary file, whatever its age (read-only)."""
    return [orphan for _, _, orphan in _orphans(ctx)]


@contextmanager
def _repair_lock(ctx: AppContext) -> Iterator[None]:
    lock = ctx.paths.home / LOCK_NAME
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        age = dt.datetime.now().timestamp() - lock.stat().st_mtime
        if age < 3600:  # a repair that died an hour ago no longer holds the lock
            raise DomainError("另一处正在进行完整性修复，请稍后再试。") from None
        lock.unlink(missing_ok=True)
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        lock.unlink(missing_ok=True)


def repair_orphans(ctx: AppContext, now: dt.datetime | None = None) -> list[Orphan]:
    """Quarantine orphans and remove temporary files older than :data:`ORPHAN_AGE`; returns
    what was moved or removed. Recorded on the timeline under the signed-in officer."""
    officer = ctx.require_officer()
    now = now or dt.datetime.now(dt.UTC)
    done: list[Orphan] = []
    with _repair_lock(ctx):
        for store, item, orphan in list(_orphans(ctx)):
            if now - orphan.modified < ORPHAN_AGE:
                continue
            if orphan.temporary:
                store.discard(item)
            else:
                folder = ctx.paths.quarantine / _label(ctx, store)
                store.quarantine(item, folder)
            done.append(orphan)
    if done:
        with ctx.unit_of_work() as uow:
            uow.events.add(
                Event(
                    action="integrity.repaired",
                    summary=f"完整性修复：{len(done)} 个无记录引用的文件移入隔离文件夹或清除",
                    officer_id=officer.id,
                    at=uow.now,
                    after={"files": [o.path for o in done]},
                )
            )
            uow.commit()
    return done


def quarantine_folder(ctx: AppContext) -> Path:
    return ctx.paths.quarantine


def verify_problems(ctx: AppContext) -> list[tuple[str, str, str]]:
    """The orphans as ``verify`` reports them (DESIGN §9.1): ``("orphan", path under the data
    folder, message)`` each, whatever their age."""
    return [("orphan", o.path, o.message) for o in find_orphans(ctx)]
