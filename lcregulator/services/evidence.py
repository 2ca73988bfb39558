"""Evidence intake: copy the file into the store under its SHA-256, then record it.

The store is content-addressed, so a file is written once however many cases use it, and a
re-check compares each stored file with the hash taken at intake.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from lcregulator.domain.cases import CaseId
from lcregulator.domain.errors import ReadOnlyError, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.evidence import MAX_EVIDENCE_BYTES, Evidence, sha256_of_file
from lcregulator.persistence.unit_of_work import UnitOfWork

from .context import AppContext
from .workflow import require_case_handler


def stored_path(ctx: AppContext, sha256: str) -> Path:
    return ctx.evidence_store.path(sha256)


def _copy_into_store(ctx: AppContext, source: Path) -> tuple[str, int]:
    """Hash while copying to a temporary file, fsync, then rename it into place.

    Opened with O_NOFOLLOW and checked on the open handle, so a link or device swapped in
    after :func:`_refuse_special` looked is refused too."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as exc:
        raise ValidationError(
            "evidence.file", f"无法读取证据文件：{source}（{exc.strerror}）"
        ) from None
    with os.fdopen(fd, "rb") as src:
        if not stat.S_ISREG(os.fstat(src.fileno()).st_mode):
            raise ValidationError("evidence.file", f"不是普通文件，不能作为证据：{source}")
        return ctx.evidence_store.put(src)


def _refuse_special(source: Path) -> None:
    """Only a regular file is evidence: a symbolic link could point anywhere (another user's
    file, a file that changes later) and a device or pipe has no fixed content to hash."""
    try:
        mode = source.lstat().st_mode
    except OSError:
        raise ValidationError("evidence.file", f"找不到文件：{source}") from None
    if stat.S_ISLNK(mode):
        raise ValidationError(
            "evidence.file", f"这是一个符号链接，不能作为证据：{source}（请选择它指向的原始文件）。"
        )
    if not stat.S_ISREG(mode):
        raise ValidationError(
            "evidence.file", f"这是设备文件、管道或文件夹，不能作为证据：{source}"
        )


def add_evidence_file(
    ctx: AppContext,
    case_id: CaseId,
    source: Path,
    *,
    description: str = "",
    source_url: str = "",
) -> Evidence:
    officer = ctx.require_officer()
    _refuse_special(source)
    if source.stat().st_size > MAX_EVIDENCE_BYTES:
        raise ValidationError("evidence.file", "证据文件过大（单个文件不超过 4 GB），请分段提取。")
    # Refusals that do not depend on the file come before it is copied, so that a refused
    # file leaves nothing in the store (checked again below, under the write lock).
    with UnitOfWork(ctx.database, officer.id, ctx.clock.now(), read_only=True) as uow:
        case = uow.cases.get(case_id)
        require_case_handler(officer, case, "提取证据")
        if case.read_only:
            raise ReadOnlyError("案件已归档，不能再添加证据。")
    sha256, size = _copy_into_store(ctx, source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    evidence = Evidence(
        sha256=sha256,
        original_name=source.name,
        size=size,
        media_type=media_type,
        captured_at=ctx.clock.now(),
        captured_by=officer.id,
        description=description,
        source_url=source_url,
    )
    evidence.validate()
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        require_case_handler(officer, case, "提取证据")
        if case.read_only:
            raise ReadOnlyError("案件已归档，不能再添加证据。")
        if uow.evidence.find(case_id, sha256) is not None:
            raise ValidationError(
                "evidence.file", f"该文件已作为本案证据登记（SHA-256 {sha256}）。"
            )
        uow.evidence.add(case_id, evidence)
        uow.events.add(
            Event(
                action="evidence.added",
                summary=f"提取证据：{source.name}（SHA-256 {sha256}）",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={"sha256": sha256, "name": source.name, "size": size},
            )
        )
        uow.commit()
    return evidence


@dataclass(frozen=True)
class EvidenceCheck:
    evidence: Evidence
    ok: bool
    problem: str = ""


def verify_evidence(
    ctx: AppContext, case_id: CaseId, progress: Callable[[int, int], None] | None = None
) -> list[EvidenceCheck]:
    """Re-hash every stored file of the case and report missing or changed ones; ``progress``
    hears of each file before it is hashed (the window stops there when the officer cancels)."""
    with ctx.unit_of_work() as uow:
        items = uow.evidence.list(case_id)
    results = []
    for i, item in enumerate(items):
        if progress is not None:
            progress(i, len(items))
        path = stored_path(ctx, item.sha256)
        if not path.is_file():
            results.append(EvidenceCheck(item, False, "证据文件缺失"))
            continue
        digest, size = sha256_of_file(path)
        if digest != item.sha256 or size != item.size:
            results.append(EvidenceCheck(item, False, f"文件已被改动（现 SHA-256 {digest}）"))
        else:
            results.append(EvidenceCheck(item, True))
    return results


def export_evidence(ctx: AppContext, evidence: Evidence, target: Path) -> Path:
    shutil.copy2(stored_path(ctx, evidence.sha256), target)
    return target


def list_evidence(ctx: AppContext, case_id: CaseId) -> list[Evidence]:
    with ctx.unit_of_work() as uow:
        return uow.evidence.list(case_id)
