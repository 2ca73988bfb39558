"""The case register's search and filters, fast on a provincial database.

Search text lives in ``case_search`` (one row per case) and is rebuilt whenever a case or one
of its parties is saved. Every term is answered from an index (migration i20_search_grams):

- 3+ characters: SQLite's FTS5 trigram table; PostgreSQL's ``pg_trgm`` GIN index under ILIKE;
- 1–2 characters (a surname, 食品): the grams index (``grams.py``), one lookup of one token.

A term the indexes cannot take (two characters with punctuation in them, on SQLite) scans.

Broad terms match tens of thousands of cases, and looking every match up only to show the
newest 200 costs more than the page itself; :func:`page` walks the register in order instead
when every term is broad.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Integer, Row, Select, delete, func, select, text
from sqlalchemy.orm import Session

from lcregulator.domain.case_list import CaseQuery as CaseQuery  # re-exported: the query
from lcregulator.domain.case_list import SortKey as SortKey  # this module turns into SQL

from .grams import grams, indexable
from .rows import (
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    CaseSearchRow,
    LiveAccountRow,
    PartyRow,
)


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
    if texts and session.get_bind().dialect.name == "postgresql":
        store_grams(session, texts)


def store_grams(session: Session, texts: dict[int, str]) -> None:
    """PostgreSQL: the 1–2 character grams of each case's text, in ``case_search.grams``
    (SQLite's triggers fill its FTS5 table from the same ``grams()``)."""
    session.execute(
        text("UPDATE case_search SET grams = CAST(:g AS text[]) WHERE case_id = :id"),
        [{"id": case_id, "g": grams(t).split()} for case_id, t in texts.items()],
    )


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
    if sqlite or term.lower() == term.upper():  # SQLite's LIKE ignores Latin case; 食品 has none
        return CaseSearchRow.text.like(like, escape="\\")  # (PostgreSQL's ILIKE: 10× slower)
    return CaseSearchRow.text.ilike(like, escape="\\")


def _fts_table(term: str) -> str | None:
    """The SQLite FTS5 table that answers ``term``: trigrams for 3+ characters, grams for 1–2."""
    if len(term) >= 3:
        return "case_search_fts"
    return "case_search_grams" if indexable(term) else None


def _quoted(term: str) -> str:
    """The term as one FTS5 phrase (grams are stored lower-cased)."""
    return '"' + term.lower().replace('"', '""') + '"'


def filtered(
    session: Session,
    query: CaseQuery,
    stmt: Select,  # type: ignore[type-arg]
    in_order: bool = False,
) -> Select:  # type: ignore[type-arg]
    """Apply the query's filters to a SELECT over ``case``, every term through an index.

    ``in_order`` (SQLite, see :func:`page`): the matches are probed while the register's index
    is walked, instead of being looked up one by one."""
    terms = query.text.split()
    sqlite = session.get_bind().dialect.name == "sqlite"
    case_id = CaseRow.id + 0 if in_order else CaseRow.id
    for n, term in enumerate(terms):
        table = _fts_table(term) if sqlite else None
        if table is not None:  # one bound name per term, or the last term would fill them all
            fts = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q{n}")
            match = fts.bindparams(**{f"q{n}": _quoted(term)}).columns(rowid=Integer)
            stmt = stmt.where(case_id.in_(match))
        elif sqlite and in_order:  # an odd short term: test each case met, stop when full
            own_text = select(CaseSearchRow.text).where(CaseSearchRow.case_id == CaseRow.id)
            stmt = stmt.where(
                own_text.scalar_subquery().like(f"%{_escape_like(term)}%", escape="\\")
            )
        elif not sqlite and (indexable(term) or len(term) >= 3):
            # every pair of letters or digits in the term must be among the case's grams (GIN,
            # exact for 1–2 characters); longer terms are then checked with ILIKE (pg_trgm)
            pairs = [g for g in grams(term).split() if len(g) == len(term) or len(g) == 2]
            conditions = [_contains(term, sqlite)] if len(term) >= 3 else []
            if pairs:
                has = text(f"case_search.grams @> CAST(:g{n} AS text[])")
                conditions.append(has.bindparams(**{f"g{n}": pairs}))
            stmt = stmt.where(CaseRow.id.in_(select(CaseSearchRow.case_id).where(*conditions)))
        else:  # an odd short term (punctuation): scan
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
    if query.sort is SortKey.RECEIVED:  # never empty: PostgreSQL may walk its index backwards
        direction = (column.desc(), CaseRow.id.desc()) if query.descending else (column, CaseRow.id)
        return stmt.order_by(*direction)
    if query.descending:
        return stmt.order_by(column.desc().nulls_last(), CaseRow.id.desc())
    return stmt.order_by(column.asc().nulls_last(), CaseRow.id.asc())


# A term that the FTS index matches in at most this many cases is "sparse": reading its
# matches and sorting them is cheapest. A broader one is cheaper the other way round: walk the
# register's index newest first and stop at the page's last row (see :func:`page`).
SPARSE = 5000


def page(
    session: Session,
    query: CaseQuery,
    stmt: Select,  # type: ignore[type-arg]
    limit: int,
    offset: int = 0,
) -> list[Row]:  # type: ignore[type-arg]
    """One page of ``stmt`` (a SELECT over ``case``) filtered and ordered by ``query``.

    SQLite plans ``id IN (<matches>)`` by looking up every match and sorting them: 100 ms for
    a term in 100,000 cases (案, 食品). When every indexed term is broad and the order is the
    register's default (received, newest first: indexed), the matches become a probe list
    instead (``id + 0`` keeps SQLite from looking them up by rowid), so it walks the index and
    stops once the page is full. Whether a term is broad costs one FTS read capped at
    ``SPARSE + 1`` rows."""
    in_order = (
        query.sort is SortKey.RECEIVED
        and session.get_bind().dialect.name == "sqlite"
        and bool(query.text.split())
        and all(_broad(session, term) for term in query.text.split())
    )
    stmt = ordered(filtered(session, query, stmt, in_order=in_order), query)
    return list(session.execute(stmt.limit(limit).offset(offset)))


def _broad(session: Session, term: str) -> bool:
    """More than SPARSE matches (SQLite), or no index to tell (a scan in order is best then)."""
    table = _fts_table(term)
    if table is None:
        return True
    capped = text(
        f"SELECT count(*) FROM (SELECT rowid FROM {table} WHERE {table} MATCH :q LIMIT :n)"
    )
    found = session.execute(capped, {"q": _quoted(term), "n": SPARSE + 1}).scalar()
    return int(found or 0) > SPARSE
