"""Repositories: the queries, returning domain objects (never rows) to the services.

Updates carry the version the officer started from. If the stored version moved on, somebody
else saved in between: the update is refused with a message naming who and when, and nothing
is overwritten (the version column also guards the window between our read and our write).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Engine, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from lcregulator.domain.authority import Authority, AuthorityId, Officer, OfficerId
from lcregulator.domain.case_list import CaseSummary as CaseSummary  # re-exported
from lcregulator.domain.cases import Case, CaseId, CaseStatus, Clue, ClueId
from lcregulator.domain.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    ReadOnlyError,
    ValidationError,
)
from lcregulator.domain.events import Event
from lcregulator.domain.evidence import Evidence
from lcregulator.domain.formatting import CHINA_TZ, chinese_date
from lcregulator.domain.parties import Party, PartyId

from . import case_search, mapping
from .case_search import CaseQuery
from .database import BEGIN_OPTION
from .rows import (
    AuthorityRow,
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    ClueRow,
    EventChainRow,
    EventRow,
    EvidenceRow,
    LiveAccountRow,
    OfficerRow,
    PartyRow,
    SettingRow,
)


def conflict_message(what: str, who: str | None, at: Any) -> str:
    """案件已被 王五 于 2026年3月2日 10:15 修改 … — the officer must know whom to ask, and when
    in Beijing time (not this PC's clock zone: a workstation set to UTC would say 02:15)."""
    who = who or "其他用户"
    when = ""
    if isinstance(at, dt.datetime):
        local = at.astimezone(CHINA_TZ)
        when = f"于 {chinese_date(local.date())} {local:%H:%M} "
    return (
        f"{what}已被 {who} {when}修改，您的修改没有保存，以免覆盖对方的内容。"
        "请关闭后重新打开，核对对方的修改后再编辑。"
    )


def _read_connection(session: Session) -> Connection:
    """A fresh connection for a look-up beside our open write transaction: DEFERRED, since an
    IMMEDIATE begin would wait for the lock our own transaction holds."""
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    return engine.connect().execution_options(**{BEGIN_OPTION: "DEFERRED"})


def _stale_conflict(
    session: Session, row_class: type[CaseRow] | type[PartyRow], row_id: int, what: str
) -> DomainError:
    """Read who saved last on a fresh connection (ours is mid-transaction) and say so."""
    with _read_connection(session) as conn:
        found = conn.execute(
            select(row_class.updated_at, OfficerRow.name)
            .outerjoin(OfficerRow, OfficerRow.id == row_class.updated_by)
            .where(row_class.id == row_id)
        ).one_or_none()
    if found is None:
        return ConflictError(f"{what}已被其他用户删除，您的修改没有保存。")
    return ConflictError(conflict_message(what, found[1], found[0]), found[1])


def _flush_guarded(
    session: Session,
    row_class: type[CaseRow] | type[PartyRow],
    row_id: int | None,
    read_version: int | None,
    what: str,
) -> None:
    """Flush, turning "someone else wrote first" into a ConflictError that names them.

    PostgreSQL reports it as an UPDATE that matched no row (StaleDataError); SQLite in WAL mode
    refuses to upgrade a read transaction whose snapshot is stale ("database is locked").
    """
    try:
        session.flush()
    except StaleDataError:
        assert row_id is not None
        raise _stale_conflict(session, row_class, row_id, what) from None
    except OperationalError as exc:
        if row_id is None or "locked" not in str(exc.orig):
            raise
        with _read_connection(session) as conn:
            current = conn.execute(
                select(row_class.version).where(row_class.id == row_id)
            ).scalar_one_or_none()
        if current == read_version:
            raise DomainError(
                "数据库正忙（其他用户正在保存），您的修改没有保存，请稍后再试。"
            ) from exc
        raise _stale_conflict(session, row_class, row_id, what) from None


def _officer_name(session: Session, officer_id: int | None) -> str | None:
    officer = session.get(OfficerRow, officer_id) if officer_id is not None else None
    return officer.name if officer else None


class SettingRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str) -> str | None:
        row = self.session.get(SettingRow, key)
        return row.value if row else None

    def with_prefix(self, prefix: str) -> dict[str, str]:
        """Every setting whose key starts with ``prefix``, in one query."""
        rows = self.session.execute(
            select(SettingRow.key, SettingRow.value).where(SettingRow.key.startswith(prefix))
        )
        return {key: value for key, value in rows}

    def set(self, key: str, value: str) -> None:
        row = self.session.get(SettingRow, key)
        if row is None:
            self.session.add(SettingRow(key=key, value=value))
        else:
            row.value = value


class AuthorityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, authority_id: int) -> Authority:
        row = self.session.get(AuthorityRow, authority_id)
        if row is None:
            raise NotFoundError(f"执法机关（编号 {authority_id}）不存在。")
        return mapping.authority_from_row(row)

    def list(self) -> list[Authority]:
        rows = self.session.scalars(select(AuthorityRow).order_by(AuthorityRow.id))
        return [mapping.authority_from_row(r) for r in rows]

    def save(self, authority: Authority) -> Authority:
        if authority.id is None:
            row = AuthorityRow()
            self.session.add(row)
        else:
            found = self.session.get(AuthorityRow, authority.id)
            if found is None:
                raise NotFoundError(f"执法机关（编号 {authority.id}）不存在。")
            row = found
        mapping.authority_to_row(authority, row)
        self.session.flush()
        authority.id = AuthorityId(row.id)
        return authority


class OfficerRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, officer_id: int) -> Officer:
        row = self.session.get(OfficerRow, officer_id)
        if row is None:
            raise NotFoundError(f"执法人员（编号 {officer_id}）不存在。")
        return mapping.officer_from_row(row)

    def list(self, authority_id: int, *, active_only: bool = True) -> list[Officer]:
        query = select(OfficerRow).where(OfficerRow.authority_id == authority_id)
        if active_only:
            query = query.where(OfficerRow.active.is_(True))
        rows = self.session.scalars(query.order_by(OfficerRow.id))
        return [mapping.officer_from_row(r) for r in rows]

    def save(self, officer: Officer) -> Officer:
        if officer.id is None:
            row = OfficerRow()
            self.session.add(row)
        else:
            found = self.session.get(OfficerRow, officer.id)
            if found is None:
                raise NotFoundError(f"执法人员（编号 {officer.id}）不存在。")
            row = found
        mapping.officer_to_row(officer, row)
        self.session.flush()
        officer.id = OfficerId(row.id)
        return officer

    def by_name(self, name: str) -> tuple[Officer, ...]:
        """Officers called ``name`` (the command line's ``--officer``), active ones first."""
        rows = self.session.scalars(
            select(OfficerRow)
            .where(OfficerRow.name == name.strip())
            .order_by(OfficerRow.active.desc(), OfficerRow.id)
        )
        return tuple(mapping.officer_from_row(r) for r in rows)

    def active_admins(self, authority_id: int) -> tuple[Officer, ...]:
        return tuple(o for o in self.list(authority_id) if any(r.value == "admin" for r in o.roles))


class PartyRepository:
    def __init__(self, session: Session, officer_id: int | None, now: dt.datetime) -> None:
        self.session = session
        self.officer_id = officer_id
        self.now = now

    def _load(self, party_id: int) -> PartyRow:
        row = self.session.scalars(
            select(PartyRow)
            .where(PartyRow.id == party_id)
            .options(
                selectinload(PartyRow.roles),
                selectinload(PartyRow.accounts),
                selectinload(PartyRow.links),
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"当事人（编号 {party_id}）不存在。")
        return row

    def get(self, party_id: int) -> Party:
        return mapping.party_from_row(self._load(party_id))

    def get_many(self, party_ids: list[int]) -> dict[int, Party]:
        rows = self.session.scalars(
            select(PartyRow)
            .where(PartyRow.id.in_(party_ids))
            .options(
                selectinload(PartyRow.roles),
                selectinload(PartyRow.accounts),
                selectinload(PartyRow.links),
            )
        )
        return {r.id: mapping.party_from_row(r) for r in rows}

    def save(self, party: Party) -> Party:
        if party.id is None:
            row = PartyRow(roles=[], accounts=[], links=[])
            self.session.add(row)
        else:
            row = self._load(party.id)
            if party.version != row.version:
                who = _officer_name(self.session, row.updated_by)
                raise ConflictError(
                    conflict_message(f"当事人“{row.name}”", who, row.updated_at), who
                )
        mapping.party_to_row(party, row)
        row.updated_by = self.officer_id
        row.updated_at = self.now
        read_version = row.version
        row.version = (row.version or 0) + 1
        _flush_guarded(self.session, PartyRow, row.id, read_version, "当事人")
        case_search.refresh(self.session, case_search.cases_of_party(self.session, row.id))
        party.id = PartyId(row.id)
        party.version = row.version
        return mapping.party_from_row(row)

    def officers_of_cases(self, party_id: int) -> tuple[int, set[int]]:
        """How many cases name the party, and the officers assigned to any of them."""
        cases = set(
            self.session.scalars(
                select(CasePartyRow.case_id).where(CasePartyRow.party_id == party_id)
            )
        )
        if not cases:
            return 0, set()
        officers = set(
            self.session.scalars(
                select(CaseOfficerRow.officer_id).where(CaseOfficerRow.case_id.in_(cases))
            )
        )
        return len(cases), officers

    def search(self, text: str, limit: int = 50) -> list[Party]:
        """By name, 统一社会信用代码 / 身份证号, or live account id / room name."""
        like = f"%{text.strip()}%"
        account_hit = select(LiveAccountRow.party_id).where(
            or_(LiveAccountRow.account_id.like(like), LiveAccountRow.room_name.like(like))
        )
        rows = self.session.scalars(
            select(PartyRow)
            .where(
                or_(
                    PartyRow.name.like(like),
                    PartyRow.uscc.like(like),
                    PartyRow.id_number.like(like),
                    PartyRow.id.in_(account_hit),
                )
            )
            .options(
                selectinload(PartyRow.roles),
                selectinload(PartyRow.accounts),
                selectinload(PartyRow.links),
            )
            .order_by(PartyRow.name)
            .limit(limit)
        )
        return [mapping.party_from_row(r) for r in rows]


class ClueRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, clue_id: int) -> Clue:
        row = self.session.get(ClueRow, clue_id)
        if row is None:
            raise NotFoundError(f"线索（编号 {clue_id}）不存在。")
        return mapping.clue_from_row(row)

    def save(self, clue: Clue) -> Clue:
        if clue.id is None:
            row = ClueRow()
            self.session.add(row)
        else:
            found = self.session.get(ClueRow, clue.id)
            if found is None:
                raise NotFoundError(f"线索（编号 {clue.id}）不存在。")
            row = found
        mapping.clue_to_row(clue, row)
        self.session.flush()
        clue.id = ClueId(row.id)
        return clue

    def register(self, limit: int = 500) -> list[tuple[Clue, CaseStatus | None, str]]:
        """The clue register, newest first: each clue with its case's status and number."""
        rows = self.session.execute(
            select(ClueRow, CaseRow.status, CaseRow.case_number)
            .outerjoin(CaseRow, CaseRow.id == ClueRow.case_id)
            .order_by(ClueRow.received_on.desc(), ClueRow.id.desc())
            .limit(limit)
        ).all()
        return [
            (mapping.clue_from_row(r[0]), CaseStatus(r[1]) if r[1] else None, r[2] or "")
            for r in rows
        ]


class CaseRepository:
    def __init__(self, session: Session, officer_id: int | None, now: dt.datetime) -> None:
        self.session = session
        self.officer_id = officer_id
        self.now = now

    def _load(self, case_id: int) -> CaseRow:
        query = (
            select(CaseRow)
            .where(CaseRow.id == case_id)
            .options(
                selectinload(CaseRow.officers),
                selectinload(CaseRow.parties),
                selectinload(CaseRow.violations),
            )
        )
        row = self.session.scalars(query).one_or_none()
        if row is None:
            raise NotFoundError(f"案件（编号 {case_id}）不存在，可能已被删除。")
        return row

    def get(self, case_id: int) -> Case:
        return mapping.case_from_row(self._load(case_id))

    def add(self, case: Case) -> Case:
        row = CaseRow(officers=[], parties=[], violations=[], created_at=self.now)
        return self._write(case, row)

    def update(self, case: Case) -> Case:
        """Write ``case`` over the stored one, refusing if the stored one moved on."""
        if case.id is None:
            raise NotFoundError("尚未保存的案件不能更新。")
        row = self._load(case.id)
        if row.status == CaseStatus.ARCHIVED.value:  # the last line of defence for every writer
            raise ReadOnlyError(f"案件“{row.title}”已归档，不能修改。")
        if case.version != row.version:
            who = _officer_name(self.session, row.updated_by)
            raise ConflictError(conflict_message(f"案件“{row.title}”", who, row.updated_at), who)
        return self._write(case, row)

    def _write(self, case: Case, row: CaseRow) -> Case:
        number = case.case_number.strip()
        if number:
            taken = self.session.scalar(
                select(CaseRow.title).where(
                    CaseRow.authority_id == case.authority_id,
                    CaseRow.case_number == number,
                    CaseRow.id != (row.id or 0),
                )
            )
            if taken is not None:
                raise ValidationError(
                    "case.case_number", f"案件编号“{number}”已被案件“{taken}”使用。"
                )
        if row.id is None:
            self.session.add(row)  # only now: an earlier add would be autoflushed half-filled
        mapping.case_to_row(case, row)
        row.updated_at = self.now
        row.updated_by = self.officer_id
        read_version = row.version
        row.version = (row.version or 0) + 1
        try:
            _flush_guarded(self.session, CaseRow, row.id, read_version, "案件")
        except IntegrityError as exc:
            # two officers filed with the same 立案编号 at once: the check above saw neither,
            # the unique index let one through; the other gets the field message
            if not number or "case_number" not in str(exc.orig):
                raise
            raise ValidationError(
                "case.case_number",
                f"案件编号“{number}”刚刚已被另一案件使用（其他执法人员同时保存），"
                "您的修改没有保存。请换一个编号后再保存。",
            ) from None
        case_search.refresh(self.session, [row.id])
        return mapping.case_from_row(row)

    def set_next_deadline(self, case_id: int, due: dt.date | None, deadline_id: str | None) -> None:
        row = self.session.get(CaseRow, case_id)
        if row is not None:
            row.next_deadline_on, row.next_deadline_id = due, deadline_id
            self.session.flush()

    def due_within(
        self, until: dt.date, limit: int = 1000
    ) -> list[tuple[int, str, str, str, dt.date, str]]:
        """Cases whose next deadline falls on or before ``until`` (overdue ones included)."""
        rows = self.session.execute(
            select(
                CaseRow.id,
                CaseRow.case_number,
                CaseRow.title,
                CaseRow.status,
                CaseRow.next_deadline_on,
                CaseRow.next_deadline_id,
            )
            .where(CaseRow.next_deadline_on.is_not(None), CaseRow.next_deadline_on <= until)
            .order_by(CaseRow.next_deadline_on, CaseRow.id)
            .limit(limit)
        )
        return [(r[0], r[1] or "", r[2], r[3], r[4], r[5] or "") for r in rows if r[4]]

    def set_jurisdiction(self, case_id: int, snapshot: dict[str, Any]) -> None:
        """Store the confirmed conclusion; not a content edit, so the version stays."""
        row = self.session.get(CaseRow, case_id)
        if row is None:
            raise NotFoundError(f"案件（编号 {case_id}）不存在。")
        if row.status == CaseStatus.ARCHIVED.value:
            raise ReadOnlyError(f"案件“{row.title}”已归档，不能修改。")
        row.jurisdiction = snapshot
        self.session.flush()

    def jurisdiction(self, case_id: int) -> dict[str, Any] | None:
        return self.session.scalar(select(CaseRow.jurisdiction).where(CaseRow.id == case_id))

    def count(self, query: CaseQuery | None = None) -> int:
        return case_search.count(self.session, query or CaseQuery())

    def list_summaries(
        self,
        query: CaseQuery | None = None,
        limit: int = 500,
        offset: int = 0,
        only_ids: list[int] | None = None,
    ) -> list[CaseSummary]:
        """A page of the register: three queries whatever the page size, on any dialect.

        ``only_ids`` restricts it to those cases (the start page's recent cases)."""
        query = query or CaseQuery()
        stmt = select(
            CaseRow.id,
            CaseRow.case_number,
            CaseRow.title,
            CaseRow.status,
            CaseRow.received_on,
            CaseRow.filed_on,
            CaseRow.next_deadline_on,
            CaseRow.next_deadline_id,
        )
        if only_ids is not None:
            stmt = stmt.where(CaseRow.id.in_(only_ids))
        rows = case_search.page(self.session, query, stmt, limit, offset)
        ids = [r[0] for r in rows]
        parties: dict[int, list[str]] = {i: [] for i in ids}
        for case_id, name in self.session.execute(
            select(CasePartyRow.case_id, PartyRow.name)
            .join(PartyRow, CasePartyRow.party_id == PartyRow.id)
            .where(CasePartyRow.case_id.in_(ids))
            .order_by(CasePartyRow.id)
        ):
            if name not in parties[case_id]:
                parties[case_id].append(name)
        officers: dict[int, list[str]] = {i: [] for i in ids}
        for case_id, name in self.session.execute(
            select(CaseOfficerRow.case_id, OfficerRow.name)
            .join(OfficerRow, CaseOfficerRow.officer_id == OfficerRow.id)
            .where(CaseOfficerRow.case_id.in_(ids))
            .order_by(CaseOfficerRow.position)
        ):
            officers[case_id].append(name)
        return [
            CaseSummary(
                id=CaseId(r[0]),
                case_number=r[1] or "",
                title=r[2],
                status=CaseStatus(r[3]),
                received_on=r[4],
                filed_on=r[5],
                parties="、".join(parties[r[0]]),
                officers="、".join(officers[r[0]]),
                next_deadline_on=r[6],
                next_deadline_id=r[7] or "",
            )
            for r in rows
        ]


class EvidenceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, case_id: int, evidence: Evidence) -> Evidence:
        row = EvidenceRow(
            case_id=case_id,
            sha256=evidence.sha256,
            original_name=evidence.original_name,
            size=evidence.size,
            media_type=evidence.media_type,
            source_url=evidence.source_url,
            description=evidence.description,
            captured_at=evidence.captured_at,
            captured_by=evidence.captured_by,
        )
        self.session.add(row)
        self.session.flush()
        evidence.id = row.id
        return evidence

    def find(self, case_id: int, sha256: str) -> Evidence | None:
        row = self.session.scalars(
            select(EvidenceRow).where(EvidenceRow.case_id == case_id, EvidenceRow.sha256 == sha256)
        ).one_or_none()
        return mapping.evidence_from_row(row) if row else None

    def list(self, case_id: int) -> list[Evidence]:
        rows = self.session.scalars(
            select(EvidenceRow).where(EvidenceRow.case_id == case_id).order_by(EvidenceRow.id)
        )
        return [mapping.evidence_from_row(r) for r in rows]


def chain_next(session: Session) -> tuple[int, str]:
    """Take the next place in the chain: the first write of the append, so that a second
    writer waits here (row lock / SQLite write lock) until this transaction ends."""
    from .chain import GENESIS

    length = session.execute(
        update(EventChainRow)
        .where(EventChainRow.id == 1)
        .values(length=EventChainRow.length + 1)
        .returning(EventChainRow.length, EventChainRow.last_hash)
    ).one_or_none()
    if length is None:  # a database created before the chain had no head row yet
        session.add(EventChainRow(id=1, length=1, last_hash=GENESIS))
        session.flush()
        return 1, GENESIS
    return int(length[0]), str(length[1])


class EventRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, event: Event, party_id: int | None = None) -> Event:
        """Append ``event`` to the hash chain (the one way events are written)."""
        from .chain import event_content, event_hash

        seq, prev_hash = chain_next(self.session)
        content = event_content(
            seq=seq,
            case_id=event.case_id,
            party_id=party_id,
            officer_id=event.officer_id,
            at=event.at,
            action=event.action,
            summary=event.summary,
            before=event.before,
            after=event.after,
        )
        digest = event_hash(prev_hash, content)
        row = EventRow(
            case_id=event.case_id,
            party_id=party_id,
            officer_id=event.officer_id,
            at=event.at,
            action=event.action,
            summary=event.summary,
            # stored exactly as hashed (tuples as lists), so the chain re-checks as written
            before=content["before"],
            after=content["after"],
            seq=seq,
            prev_hash=prev_hash,
            hash=digest,
        )
        self.session.add(row)
        self.session.execute(
            update(EventChainRow).where(EventChainRow.id == 1).values(last_hash=digest)
        )
        self.session.flush()
        event.id = row.id
        return event

    def for_case(self, case_id: int) -> list[Event]:
        rows = self.session.scalars(
            select(EventRow).where(EventRow.case_id == case_id).order_by(EventRow.at, EventRow.id)
        )
        return [mapping.event_from_row(r) for r in rows]


__all__ = [
    "AuthorityRepository",
    "CaseRepository",
    "CaseSummary",
    "ClueRepository",
    "EventRepository",
    "EvidenceRepository",
    "OfficerId",
    "OfficerRepository",
    "PartyRepository",
    "SettingRepository",
]
