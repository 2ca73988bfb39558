"""The case register's search and filters, fast on a provincial database.

Search text lives in ``case_search`` (one row per case) and is rebuilt whenever a case or one
of its parties is saved. On SQLite, terms of three or more characters go through the FTS5
trigram index; shorter ones (a surname, 食品) scan with LIKE, which FTS5 cannot answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Integer, Select, delete, func, select, text
from sqlalchemy.orm import Session

from lcregulator.domain.cases import CaseStatus

from .rows import (
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    CaseSearchRow,
    LiveAccountRow,
    PartyRow,
)


class SortKey(StrEnum):
    RECEIVED = "received_on"
    FILED = "filed_on"
    NUMBER = "case_number"
    TITLE = "title"
    STATUS = "status"
    DEADLINE = "next_deadline_on"


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    statuses: frozenset[CaseStatus] = field(default_factory=frozenset)
    date_from: dt.date | None = None  # on 立案日期, or 线索接收日期 for unfiled cases
    date_to: dt.date | None = None
    officer_id: int | None = None
    overdue_on: dt.date | None = None  # only cases whose next deadline is before this day
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True


def search_texts(session: Session, case_ids: Iterable[int]) -> dict[int, str]:
    """Number, title, and each party's name, codes, live accounts and room names."""
    ids = list(case_ids)
    parts: dict[int, list[str]] = {i: [] for i in ids}
    for case_id, number, title in session.execute(
        select(CaseRow.id, CaseRow.case_number, CaseRow.title).where(CaseRow.id.in_(ids))
    ):
        parts[case_id] += [number or "", title]
    for case_id, name, uscc, id_number in session.execute(
        select(CasePartyRow.case_id, PartyRow.name, PartyRow.uscc, PartyRow.id_number)
        .join(PartyRow, PartyRow.id == CasePartyRow.party_id)
        .where(CasePartyRow.case_id.in_(ids))
    ):
        parts[case_id] += [name, uscc or "", id_number or ""]
    for case_id, account, room in session.execute(
        select(CasePartyRow.case_id, LiveAccountRow.account_id, LiveAccountRow.room_name)
        .join(LiveAccountRow, LiveAccountRow.party_id == CasePartyRow.party_id)
        .where(CasePartyRow.case_id.in_(ids))
    ):
        parts[case_id] += [account, room]
    return {i: " ".join(p for p in dict.fromkeys(parts[i]) if p) for i in ids if parts[i]}


def refresh(session: Session, case_ids: Iterable[int]) -> None:
    ids = list(case_ids)
    if not ids:
        return
    texts = search_texts(session, ids)
    session.execute(delete(CaseSearchRow).where(CaseSearchRow.case_id.in_(ids)))
    session.add_all(CaseSearchRow(case_id=i, text=t) for i, t in texts.items())
    session.flush()


def cases_of_party(session: Session, party_id: int) -> list[int]:
    return list(
        session.scalars(
            select(CasePartyRow.case_id).where(CasePartyRow.party_id == party_id).distinct()
        )
    )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(session: Session, query: CaseQuery, stmt: Select) -> Select:  # type: ignore[type-arg]
    """Apply the query's filters to a SELECT over ``case``."""
    terms = query.text.split()
    sqlite = session.get_bind().dialect.name == "sqlite"
    for term in terms:
        if sqlite and len(term) >= 3:
            quoted = '"' + term.replace('"', '""') + '"'
            fts = text("SELECT rowid FROM case_search_fts WHERE case_search_fts MATCH :q")
            stmt = stmt.where(CaseRow.id.in_(fts.bindparams(q=quoted).columns(rowid=Integer)))
        else:
            like = f"%{_escape_like(term)}%"
            match = (
                CaseSearchRow.text.like(like, escape="\\")
                if sqlite
                else CaseSearchRow.text.ilike(like, escape="\\")
            )
            stmt = stmt.where(CaseRow.id.in_(select(CaseSearchRow.case_id).where(match)))
    if query.statuses:
        stmt = stmt.where(CaseRow.status.in_([s.value for s in query.statuses]))
    day = func.coalesce(CaseRow.filed_on, CaseRow.received_on)
    if query.date_from:
        stmt = stmt.where(day >= query.date_from)
    if query.date_to:
        stmt = stmt.where(day <= query.date_to)
    if query.overdue_on is not None:
        stmt = stmt.where(CaseRow.next_deadline_on < query.overdue_on)
    if query.officer_id is not None:
        stmt = stmt.where(
            CaseRow.id.in_(
                select(CaseOfficerRow.case_id).where(CaseOfficerRow.officer_id == query.officer_id)
            )
        )
    return stmt


def ordered(stmt: Select, query: CaseQuery) -> Select:  # type: ignore[type-arg]
    column = {
        SortKey.RECEIVED: CaseRow.received_on,
        SortKey.FILED: CaseRow.filed_on,
        SortKey.NUMBER: CaseRow.case_number,
        SortKey.TITLE: CaseRow.title,
        SortKey.STATUS: CaseRow.status,
        SortKey.DEADLINE: CaseRow.next_deadline_on,
    }[query.sort]
    if query.descending:
        return stmt.order_by(column.desc().nulls_last(), CaseRow.id.desc())
    return stmt.order_by(column.asc().nulls_last(), CaseRow.id.asc())
