"""归档: bind a closed case's 卷宗, keep it by its SHA-256, and make the case read-only.

All in one transaction: the 卷号 is taken from the same gap-free sequence the 文号 use, the
volume (already written to the content-addressed store, like issued documents) is recorded,
the case moves to ``archived`` through the workflow's own guard, and an event names the
officer. After that every service refuses writes to the case (``ReadOnlyError``), and
``verify`` checks the kept volume against its SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lcregulator.documents.archive_pdf import Cover, EvidenceItem, Part, bind
from lcregulator.domain.cases import Case, CaseId, CaseStatus
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.domain.workflow import Change, Context, run
from lcregulator.persistence import reporting
from lcregulator.persistence.documents_repo import IssuedDocument
from lcregulator.persistence.rows import CaseArchiveRow
from lcregulator.persistence.unit_of_work import UnitOfWork

from . import documents as document_service
from .context import AppContext
from .setup import OUR_AUTHORITY
from .workflow import calendar, stamp

RETENTIONS = ("永久", "30年", "10年")
DEFAULT_RETENTION = "30年"


@dataclass(frozen=True)
class ArchiveVolume:
    case_id: int
    volume_number: str
    retention: str
    pages: int
    sha256: str
    archived_on: dt.date
    path: Path


def archive_path(ctx: AppContext, sha256: str) -> Path:
    """Beside the issued documents, in the same content-addressed store."""
    return document_service.store_path(ctx, sha256, ".pdf")


def procedural_order(documents: list[IssuedDocument]) -> list[IssuedDocument]:
    """The documents as a 卷宗 holds them: replaced versions left out; by date, then by the
    stage their kind belongs to (a 立案审批表 before an 询问通知书 issued the same day)."""
    replaced = {d.replaces_id for d in documents if d.replaces_id}
    rank = {kind: i for i, kind in enumerate(document_service.KINDS)}
    kept = [d for d in documents if d.id not in replaced]
    return sorted(kept, key=lambda d: (d.issued_on, rank.get(d.kind, len(rank)), d.id))


def _volume(
    ctx: AppContext, uow: UnitOfWork, case: Case, retention: str, volume_number: str
) -> Any:
    assert case.id is not None
    authority = uow.authorities.get(case.authority_id)
    docs = procedural_order(uow.documents.for_case(case.id))
    evidence = uow.evidence.list(case.id)
    officers = {o.id: o.name for o in uow.officers.list(case.authority_id, active_only=False)}
    parties = uow.parties.get_many([int(p.party_id) for p in case.parties])
    parts = []
    for d in docs:
        path = document_service.store_path(ctx, d.pdf_sha256, ".pdf")
        try:
            data = path.read_bytes()
        except OSError:
            raise DomainError(
                f"找不到已出具的{d.title}{d.number}的PDF文件，无法归档；请先运行数据校验并恢复文件。"
            ) from None
        if hashlib.sha256(data).hexdigest() != d.pdf_sha256:
            raise DomainError(f"{d.title}{d.number}的PDF文件与出具时的SHA-256不符，无法归档。")
        parts.append(Part(d.title, d.number, d.issued_on, data))
    names = list(dict.fromkeys(parties[int(p.party_id)].name for p in case.parties))
    cover = Cover(
        authority=authority.name,
        title=case.title,
        parties="、".join(names) or "—",
        filed_on=case.filed_on,
        closed_on=case.closed_on,
        retention=retention,
        volume_number=volume_number,
        case_number=case.case_number,
        officers="、".join(officers.get(i, "") for i in case.officer_ids),
    )
    items = [
        EvidenceItem(
            e.original_name,
            e.sha256,
            e.size,
            e.captured_at.astimezone(CHINA_TZ).date(),
            e.description,
        )
        for e in evidence
    ]
    officer = ctx.require_officer()
    return bind(cover, parts, items, officer.name, ctx.today())


def archive_case(
    ctx: AppContext, case_id: CaseId, retention: str = DEFAULT_RETENTION
) -> tuple[Case, Change, ArchiveVolume]:
    """归档 a closed case: bind and keep its 卷宗, then make the case read-only."""
    officer = ctx.require_officer()
    if retention not in RETENTIONS:
        raise ValidationError("retention", f"保管期限应为：{'、'.join(RETENTIONS)}。")
    cal = calendar(ctx)
    today = ctx.today()
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        if case.status is CaseStatus.ARCHIVED:
            raise DomainError("案件已经归档。")
        if case.status is not CaseStatus.CLOSED:
            raise DomainError(f"案件处于“{case.status.label}”阶段，结案后方可归档。")
        authority = uow.authorities.get(case.authority_id)
        seq = uow.documents.next_number(case.authority_id, "case_archive", today.year)
        volume_number = f"{authority.short_name}档〔{today.year}〕{seq}号"
        bound = _volume(ctx, uow, case, retention, volume_number)
        # durably into the document store (temporary name, fsync, rename) before the commit
        sha = ctx.document_store.put(bound.pdf, ".pdf")[0]
        target = archive_path(ctx, sha)
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
        officers = {
            int(o.id): o for o in uow.officers.list(authority_id, active_only=False) if o.id
        }
        new, change = run("archive", case, Context(officer, today, today, officers, cal))
        saved = uow.cases.update(new)
        stamp(uow, saved, cal, today)
        uow.session.add(
            CaseArchiveRow(
                case_id=case_id,
                volume_number=volume_number,
                retention=retention,
                pages=bound.pages,
                pdf_sha256=sha,
                archived_on=today,
                archived_at=uow.now,
                archived_by=officer.id,
            )
        )
        uow.events.add(
            Event(
                action="workflow.archive",
                summary=f"案卷归档，卷号{volume_number}，共{bound.pages}页，保管期限{retention}",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                before={"status": change.before.value},
                after={
                    "status": change.after.value,
                    "on": today.isoformat(),
                    "volume_number": volume_number,
                    "pdf_sha256": sha,
                    "pages": bound.pages,
                },
            )
        )
        uow.commit()
    volume = ArchiveVolume(int(case_id), volume_number, retention, bound.pages, sha, today, target)
    return saved, change, volume


def kept_volume(ctx: AppContext, case_id: CaseId) -> ArchiveVolume | None:
    with ctx.unit_of_work() as uow:
        row = reporting.archive_of(uow.session, int(case_id))
        if row is None:
            return None
        return ArchiveVolume(
            row.case_id,
            row.volume_number,
            row.retention,
            row.pages,
            row.pdf_sha256,
            row.archived_on,
            archive_path(ctx, row.pdf_sha256),
        )


def export_volume(ctx: AppContext, case_id: CaseId, target: Path) -> ArchiveVolume:
    """Copy the kept 卷宗 out, after checking it still matches its SHA-256."""
    if target.suffix.lower() != ".pdf":
        raise ValidationError("out", "卷宗文件名应以 .pdf 结尾。")
    if not target.parent.is_dir():
        raise ValidationError("out", f"文件夹不存在：{target.parent}")
    volume = kept_volume(ctx, case_id)
    if volume is None:
        raise DomainError("案件尚未归档，没有卷宗。")
    try:
        data = volume.path.read_bytes()
    except OSError:
        raise DomainError("卷宗文件缺失，请运行数据校验。") from None
    if hashlib.sha256(data).hexdigest() != volume.sha256:
        raise DomainError("卷宗文件与归档时的SHA-256不符，可能已被改动，请运行数据校验。")
    tmp = target.with_name(f".{target.name}.part")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("out", f"无法写入卷宗文件：{target}（{exc.strerror}）") from None
    return volume


def open_copy(ctx: AppContext, case_id: CaseId) -> Path:
    """A temporary copy for the window to open with the system's PDF viewer."""
    target = Path(tempfile.mkdtemp(prefix="lcregulator-archive-")) / f"卷宗-{int(case_id)}.pdf"
    export_volume(ctx, case_id, target)
    return target


def verify_archives(ctx: AppContext) -> list[dict[str, Any]]:
    """Problems of kind ``archive`` for ``verify``: a kept 卷宗 missing or not matching."""
    problems: list[dict[str, Any]] = []
    with ctx.unit_of_work() as uow:
        rows = reporting.all_archives(uow.session)
        kept = [(r.id, r.case_id, r.pdf_sha256) for r in rows]
    for row_id, case_id, sha in kept:
        path = archive_path(ctx, sha)
        if not path.is_file():
            problems.append(
                {"kind": "archive", "id": row_id, "message": f"案件{case_id}的卷宗文件缺失。"}
            )
            continue
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
        if digest.hexdigest() != sha:
            problems.append(
                {
                    "kind": "archive",
                    "id": row_id,
                    "message": f"案件{case_id}的卷宗文件与归档时的SHA-256不符。",
                }
            )
    return problems


__all__ = [
    "RETENTIONS",
    "ArchiveVolume",
    "archive_case",
    "export_volume",
    "kept_volume",
    "verify_archives",
]
