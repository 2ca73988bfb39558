"""The case register's search and filters, fast on a provincial database.

Search text lives in ``case_search`` (one row per case) and is rebuilt whenever a case or one
of its parties is saved. Every term is answered from an index (migration i20_search_grams):

- 3+ characters: SQLite's FTS5 trigram table; PostgreSQL's ``pg_trgm`` GIN index under ILIKE;
- 1–2 characters (a surname, 食品): the grams index (``grams.py``), one lookup of one token.

A term the indexes cannot take (two characters with punctuation in them, on SQLite) scans.

Broad terms match tens of thousands of cases, and reading every match from an index only to
show the newest 200 costs more than the page itself; :func:`page` first looks for the page
among the newest cases in register order (an indexed scan that stops early) and asks the
indexes only when the term is too rare to fill the page there.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import Integer, Row, Select, delete, func, select, text
from sqlalchemy.dialects.postgresql import array
from sqlalchemy.orm import Session

from lcregulator.domain.cases import CaseStatus

from .grams import indexable
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


def _contains(term: str, sqlite: bool):  # type: ignore[no-untyped-def]
    """``case_search.text`` contains ``term`` (case-insensitive for Latin letters), by scan."""
    like = f"%{_escape_like(term)}%"
    if sqlite:
        return CaseSearchRow.text.like(like, escape="\\")
    return CaseSearchRow.text.ilike(like, escape="\\")


def _fts(table: str, term: str):  # type: ignore[no-untyped-def]
    quoted = '"' + term.replace('"', '""') + '"'
    fts = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q")
    return CaseRow.id.in_(fts.bindparams(q=quoted).columns(rowid=Integer))


def filtered(session: Session, query: CaseQuery, stmt: Select) -> Select:  # type: ignore[type-arg]
    """Apply the query's filters to a SELECT over ``case``, every term through an index."""
    terms = query.text.split()
    sqlite = session.get_bind().dialect.name == "sqlite"
    for term in terms:
        if sqlite and len(term) >= 3:
            stmt = stmt.where(_fts("case_search_fts", term))
        elif sqlite and indexable(term):
            stmt = stmt.where(_fts("case_search_grams", term.lower()))
        elif not sqlite and len(term) <= 2:
            grams = func.lcr_grams(CaseSearchRow.text).op("@>")(array([func.lower(term)]))
            stmt = stmt.where(CaseRow.id.in_(select(CaseSearchRow.case_id).where(grams)))
        else:  # PostgreSQL 3+ characters (pg_trgm answers ILIKE), or SQLite's odd short term
            match = _contains(term, sqlite)
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


# How far down the register the first look goes, per row wanted: a term found in at least one
# case in WINDOW_FACTOR fills its page there (~5 %: 食品, 王某, a year's case numbers).
WINDOW_FACTOR = 20
WINDOW_MIN = 2000


def page(
    session: Session,
    query: CaseQuery,
    stmt: Select,  # type: ignore[type-arg]
    limit: int,
    offset: int = 0,
) -> list[Row]:  # type: ignore[type-arg]
    """One page of ``stmt`` (a SELECT over ``case``) filtered and ordered by ``query``.

    With search terms and the register's default order (received, newest first; indexed),
    the newest ``WINDOW_FACTOR × (offset + limit)`` cases are searched first by scan: when the
    page fills there, it is exactly the page the indexes would give (every case outside the
    window sorts after every case in it), found without reading all the matches of a broad
    term. Otherwise, or in another order, the indexes answer."""
    terms = query.text.split()
    if terms and query.sort is SortKey.RECEIVED:
        sqlite = session.get_bind().dialect.name == "sqlite"
        window_size = max(WINDOW_MIN, WINDOW_FACTOR * (offset + limit))
        unfiltered = CaseQuery(
            statuses=query.statuses,
            date_from=query.date_from,
            date_to=query.date_to,
            officer_id=query.officer_id,
            overdue_on=query.overdue_on,
            sort=query.sort,
            descending=query.descending,
        )
        newest = ordered(filtered(session, unfiltered, select(CaseRow.id)), unfiltered)
        window = newest.limit(window_size).subquery("newest")
        matches = (
            select(window.c.id)
            .join(CaseSearchRow, CaseSearchRow.case_id == window.c.id)
            .where(*(_contains(term, sqlite) for term in terms))
        )
        rows = list(
            session.execute(
                ordered(stmt.where(CaseRow.id.in_(matches)), query).limit(limit).offset(offset)
            )
        )
        if len(rows) == limit:
            return rows
    stmt = ordered(filtered(session, query, stmt), query)
    return list(session.execute(stmt.limit(limit).offset(offset)))
