"""A case as the plain data of a case bundle (``case.json``, docs/case-bundle.md), read in one
snapshot; and the few writes an import needs that no repository offers.

Row ids never leave this module: parties, documents and summonses are named by keys (``P1``,
``D1``, ``S1``) in the order the case lists them, officers by their names, files by SHA-256.
So a bundle exported, imported elsewhere and exported again reads the same.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lcregulator.domain.errors import NotFoundError
from lcregulator.domain.formatting import CHINA_TZ

from .database import BEGIN_OPTION, Database
from .rows import (
    AuthorityRow,
    CaseArchiveRow,
    CaseImportRow,
    CaseRow,
    ClueRow,
    EventRow,
    EvidenceRow,
    IssuedDocumentRow,
    OfficerRow,
    PartyRow,
    SummonsRow,
)


def iso_time(moment: dt.datetime | None) -> str | None:
    """Beijing time with microseconds (the timeline's order and the chain keep them)."""
    return moment.astimezone(CHINA_TZ).isoformat() if moment is not None else None


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


@dataclass(frozen=True)
class BundleFile:
    """One file the bundle carries: its member name, the store it lives in, hash and suffix."""

    member: str
    store: str  # "evidence" or "documents"
    sha256: str
    suffix: str


@dataclass
class CaseData:
    """``case.json`` without its ``export`` header, and the files it names."""

    content: dict[str, Any]
    files: list[BundleFile] = field(default_factory=list)
    title: str = ""


def _place(region: str | None, address: str | None) -> dict[str, Any] | None:
    if region is None and address is None:
        return None
    return {"region": region, "address": address or ""}


def _ids(text: str) -> list[int]:
    return [int(x) for x in (text or "").split(",") if x.strip()]


@contextmanager
def snapshot(database: Database) -> Iterator[Session]:
    """A read-only session whose every query sees one moment: SQLite's read transaction is
    one already; on PostgreSQL REPEATABLE READ (its default READ COMMITTED would let a
    document issued meanwhile appear in the bundle without its event)."""
    options: dict[str, Any] = {BEGIN_OPTION: "DEFERRED"}
    if database.engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with Session(database.engine.execution_options(**options)) as session, session.begin():
        yield session


def read_case(session: Session, case_id: int) -> CaseData:
    """Everything a bundle holds about the case, from the session's snapshot."""
    row = session.scalars(
        select(CaseRow)
        .where(CaseRow.id == case_id)
        .options(
            selectinload(CaseRow.officers),
            selectinload(CaseRow.parties),
            selectinload(CaseRow.violations),
        )
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"案件（编号 {case_id}）不存在，可能已被删除。")
    officers = {o.id: o.name for o in session.scalars(select(OfficerRow))}
    imported = session.scalars(
        select(CaseImportRow).where(CaseImportRow.case_id == case_id)
    ).one_or_none()
    kept: dict[str, Any] = dict(imported.names) if imported else {}

    def person(officer_id: int | None, group: str, key: int, attr: str | None = None) -> Any:
        """An officer's name; for an imported record without a local account, the name the
        import kept as text."""
        if officer_id is not None:
            return officers.get(officer_id)
        entry = (kept.get(group) or {}).get(str(key))
        if attr is not None:
            entry = (entry or {}).get(attr) if isinstance(entry, dict) else None
        return entry

    summons_rows = list(
        session.scalars(
            select(SummonsRow).where(SummonsRow.case_id == case_id).order_by(SummonsRow.id)
        )
    )
    party_ids: list[int] = []
    for cp in row.parties:
        if cp.party_id not in party_ids:
            party_ids.append(cp.party_id)
    for s in summons_rows:
        if s.party_id not in party_ids:
            party_ids.append(s.party_id)
    party_rows = {
        p.id: p
        for p in session.scalars(
            select(PartyRow)
            .where(PartyRow.id.in_(party_ids))
            .options(
                selectinload(PartyRow.roles),
                selectinload(PartyRow.accounts),
                selectinload(PartyRow.links),
            )
        )
    }
    party_key = {pid: f"P{i}" for i, pid in enumerate(party_ids, start=1)}
    parties = []
    for pid in party_ids:
        p = party_rows[pid]
        parties.append(
            {
                "key": party_key[pid],
                "kind": p.kind,
                "name": p.name,
                "roles": sorted(r.role for r in p.roles),
                "uscc": p.uscc,
                "id_number": p.id_number,
                "legal_representative": p.legal_representative,
                "channel": p.channel,
                "domicile": {"region": p.domicile_region, "address": p.domicile_address},
                "household_registration": _place(p.household_region, p.household_address),
                "business_place": _place(p.business_region, p.business_address),
                "registered": p.registered,
                "phone": p.phone,
                "email": p.email,
                "accounts": [
                    {
                        "platform": a.platform,
                        "account_id": a.account_id,
                        "room_name": a.room_name,
                        "platform_operator": party_key.get(a.platform_operator_id)
                        if a.platform_operator_id
                        else None,
                    }
                    for a in p.accounts
                ],
                # links to parties outside the case stay behind with the sending bureau
                "links": [
                    {"kind": link.kind, "target": party_key[link.target_id]}
                    for link in p.links
                    if link.target_id in party_key
                ],
            }
        )
    clues = [
        {
            "source": c.source,
            "received_on": iso_date(c.received_on),
            "summary": c.summary,
            "reporter": c.reporter,
            "reporter_contact": c.reporter_contact,
            "registered_by": person(c.registered_by, "clues", c.id),
        }
        for c in session.scalars(
            select(ClueRow).where(ClueRow.case_id == case_id).order_by(ClueRow.id)
        )
    ]
    files: list[BundleFile] = []
    seen: set[str] = set()

    def file(store: str, sha256: str, suffix: str, folder: str) -> str:
        member = f"{folder}/{sha256}{suffix}"
        if member not in seen:
            seen.add(member)
            files.append(BundleFile(member, store, sha256, suffix))
        return member

    evidence = [
        {
            "file": file("evidence", e.sha256, "", "evidence"),
            "sha256": e.sha256,
            "size": e.size,
            "original_name": e.original_name,
            "media_type": e.media_type,
            "source_url": e.source_url,
            "description": e.description,
            "captured_at": iso_time(e.captured_at),
            "captured_by": person(e.captured_by, "evidence", e.id),
        }
        for e in session.scalars(
            select(EvidenceRow).where(EvidenceRow.case_id == case_id).order_by(EvidenceRow.id)
        )
    ]
    summons_key = {s.id: f"S{i}" for i, s in enumerate(summons_rows, start=1)}
    summonses = [
        {
            "key": summons_key[s.id],
            "party": party_key[s.party_id],
            "grounds": _ids(s.grounds),
            "ground_details": s.ground_details,
            "invited_person": s.invited_person,
            "scheduled_at": iso_time(s.scheduled_at),
            "place": s.place,
            "officers": [officers[i] for i in _ids(s.officer_ids) if i in officers]
            + list((kept.get("summonses") or {}).get(str(s.id)) or []),
            "joint_with_cyberspace": s.joint_with_cyberspace,
            "record": s.record,
            "commitments": s.commitments,
            "rectification_required": s.rectification_required,
            "rectification_deadline": iso_date(s.rectification_deadline),
            "outcome": s.outcome,
            "outcome_on": iso_date(s.outcome_on),
            "outcome_note": s.outcome_note,
        }
        for s in summons_rows
    ]
    doc_rows = list(
        session.scalars(
            select(IssuedDocumentRow)
            .where(IssuedDocumentRow.case_id == case_id)
            .order_by(IssuedDocumentRow.issued_at, IssuedDocumentRow.id)
        )
    )
    doc_key = {d.id: f"D{i}" for i, d in enumerate(doc_rows, start=1)}
    documents = [
        {
            "key": doc_key[d.id],
            "kind": d.kind,
            "title": d.title,
            "number": d.number,
            "year": d.year,
            "issued_on": iso_date(d.issued_on),
            "issued_at": iso_time(d.issued_at),
            "issued_by": person(d.issued_by, "documents", d.id, "issued_by"),
            "summons": summons_key.get(d.summons_id) if d.summons_id else None,
            "replaces": doc_key.get(d.replaces_id) if d.replaces_id else None,
            "pdf": {
                "file": file("documents", d.pdf_sha256, ".pdf", "documents"),
                "sha256": d.pdf_sha256,
            },
            "docx": {
                "file": file("documents", d.docx_sha256, ".docx", "documents"),
                "sha256": d.docx_sha256,
            },
            "served_on": iso_date(d.served_on),
            "service_method": d.service_method,
            "voided_at": iso_time(d.voided_at),
            "voided_by": person(d.voided_by, "documents", d.id, "voided_by"),
            "void_reason": d.void_reason,
        }
        for d in doc_rows
    ]
    archive_row = session.scalars(
        select(CaseArchiveRow).where(CaseArchiveRow.case_id == case_id)
    ).one_or_none()
    archive = None
    if archive_row is not None:
        archive = {
            "volume_number": archive_row.volume_number,
            "retention": archive_row.retention,
            "pages": archive_row.pages,
            "archived_on": iso_date(archive_row.archived_on),
            "archived_at": iso_time(archive_row.archived_at),
            "archived_by": officers.get(archive_row.archived_by)
            if archive_row.archived_by
            else kept.get("archive"),
            "pdf": {
                "file": file("documents", archive_row.pdf_sha256, ".pdf", "archive"),
                "sha256": archive_row.pdf_sha256,
            },
        }
    timeline = [
        {
            "at": iso_time(e.at),
            "action": e.action,
            "summary": e.summary,
            "officer": person(e.officer_id, "events", e.id),
            "party": party_key.get(e.party_id) if e.party_id else None,
            "before": e.before or {},
            "after": e.after or {},
        }
        for e in session.scalars(
            select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.at, EventRow.id)
        )
    ]
    content = {
        "case": {
            "id": row.id,
            "number": row.case_number,
            "title": row.title,
            "source": row.source,
            "status": row.status,
            "summary": row.summary,
            "received_on": iso_date(row.received_on),
            "filed_on": iso_date(row.filed_on),
            "notice_served_on": iso_date(row.notice_served_on),
            "decided_on": iso_date(row.decided_on),
            "decision_served_on": iso_date(row.decision_served_on),
            "closed_on": iso_date(row.closed_on),
            "officers": [officers.get(o.officer_id) for o in row.officers]
            + list(kept.get("officers") or []),
            "jurisdiction": row.jurisdiction,
            "procedure": row.procedure,
        },
        "clues": clues,
        "parties": parties,
        "case_parties": [{"party": party_key[cp.party_id], "role": cp.role} for cp in row.parties],
        "violations": [
            {
                "party": party_key.get(v.party_id) if v.party_id else None,
                "provision_id": v.provision_id,
                "facts": v.facts,
                "act_start": iso_date(v.act_start),
                "act_end": iso_date(v.act_end),
                "continuing": v.continuing,
                "assessment": v.assessment,
            }
            for v in row.violations
        ],
        "evidence": evidence,
        "documents": documents,
        "summonses": summonses,
        "archive": archive,
        "timeline": timeline,
    }
    return CaseData(content, files, row.title)


def authority_of(session: Session, authority_id: int) -> dict[str, Any]:
    a = session.get(AuthorityRow, authority_id)
    if a is None:
        raise NotFoundError(f"执法机关（编号 {authority_id}）不存在。")
    return {"name": a.name, "short_name": a.short_name, "region": a.region}


def number_taken(session: Session, authority_id: int, number: str) -> str | None:
    """The title of this bureau's case numbered ``number``, if there is one."""
    return session.scalar(
        select(CaseRow.title).where(
            CaseRow.authority_id == authority_id, CaseRow.case_number == number
        )
    )


def officer_ids_by_name(session: Session, authority_id: int) -> dict[str, int]:
    """This bureau's officers by name, for names borne by exactly one account."""
    counts: dict[str, list[int]] = {}
    for officer_id, name in session.execute(
        select(OfficerRow.id, OfficerRow.name).where(OfficerRow.authority_id == authority_id)
    ):
        counts.setdefault(name, []).append(officer_id)
    return {name: ids[0] for name, ids in counts.items() if len(ids) == 1}


def record_import(
    session: Session,
    case_id: int,
    bundle_sha256: str,
    source: dict[str, Any],
    names: dict[str, Any],
    at: dt.datetime,
    by: int | None,
) -> None:
    session.add(
        CaseImportRow(
            case_id=case_id,
            bundle_sha256=bundle_sha256,
            source=source,
            names=names,
            imported_at=at,
            imported_by=by,
        )
    )
    session.flush()


def add_archive(session: Session, row: CaseArchiveRow) -> None:
    session.add(row)
    session.flush()


def import_source(session: Session, case_id: int) -> dict[str, Any] | None:
    """Where an imported case came from (None for a case begun here)."""
    row = session.scalars(
        select(CaseImportRow).where(CaseImportRow.case_id == case_id)
    ).one_or_none()
    if row is None:
        return None
    return {
        "bundle_sha256": row.bundle_sha256,
        "source": row.source,
        "names": row.names,
        "imported_at": row.imported_at,
        "imported_by": row.imported_by,
    }


def table_counts(session: Session) -> dict[str, int]:
    """Rows per table an import writes (tests assert a refused import changed none)."""
    from sqlalchemy import func

    from .rows import (
        CasePartyRow,
        EventChainRow,
        LiveAccountRow,
        PartyLinkRow,
        ViolationRow,
    )

    tables: tuple[Any, ...] = (
        CaseRow,
        CasePartyRow,
        PartyRow,
        LiveAccountRow,
        PartyLinkRow,
        ViolationRow,
        EvidenceRow,
        IssuedDocumentRow,
        SummonsRow,
        CaseArchiveRow,
        CaseImportRow,
        ClueRow,
        EventRow,
        EventChainRow,
    )
    return {
        t.__tablename__: int(session.scalar(select(func.count()).select_from(t)) or 0)
        for t in tables
    }


def set_case_json(
    session: Session,
    case_id: int,
    jurisdiction: dict[str, Any] | None,
    procedure: dict[str, Any] | None,
) -> None:
    """Keep the bundle's 管辖 conclusion and procedure record exactly as they were sent."""
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFoundError(f"案件（编号 {case_id}）不存在。")
    row.jurisdiction = jurisdiction
    row.procedure = procedure
    session.flush()


def set_assessments(session: Session, case_id: int, assessments: list[Any]) -> None:
    """Keep each violation's saved 处罚裁量 exactly as sent (in the case's order of violations)."""
    from .rows import ViolationRow

    rows = session.scalars(
        select(ViolationRow).where(ViolationRow.case_id == case_id).order_by(ViolationRow.id)
    ).all()
    for row, assessment in zip(rows, assessments, strict=True):
        row.assessment = assessment
    session.flush()


def set_replaces(session: Session, document_id: int, replaces_id: int) -> None:
    row = session.get(IssuedDocumentRow, document_id)
    if row is not None:
        row.replaces_id = replaces_id
        session.flush()


def file_referenced(session: Session, store: str, sha256: str, suffix: str) -> bool:
    """Does any row name this stored file? (Before taking back a file after a failed import.)"""
    if store == "evidence":
        found = select(EvidenceRow.id).where(EvidenceRow.sha256 == sha256)
    elif suffix == ".docx":
        found = select(IssuedDocumentRow.id).where(IssuedDocumentRow.docx_sha256 == sha256)
    else:
        if session.scalar(
            select(CaseArchiveRow.id).where(CaseArchiveRow.pdf_sha256 == sha256).limit(1)
        ):
            return True
        found = select(IssuedDocumentRow.id).where(IssuedDocumentRow.pdf_sha256 == sha256)
    return session.scalar(found.limit(1)) is not None
