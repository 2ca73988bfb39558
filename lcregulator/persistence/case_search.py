"""The case register's search and filters, fast on a provincial database.

Search text lives in ``case_search`` (one row per case) and is rebuilt whenever a case or one
of its parties is saved. Every term is answered from an index (migration i20_search_grams):

- 3+ characters: SQLite's FTS5 trigram table; PostgreSQL's ``pg_trgm`` GIN index under ILIKE;
- 1–2 characters (a surname, 食品): the grams index (``grams.py``), one lookup of one token.

A term the indexes cannot take (two characters with punctuation in them, on SQLite) scans.

Broad terms match tens of thousands of cases, and looking every match up only to show the
newest 200 costs more than the page itself; :func:`page` walks the register in order instead
when every term is broad. On PostgreSQL the walk reads a narrow index of ``case_search`` in the
register's order that carries each case's text (migration s20p_search_walk), so testing a case
costs no table lookup; see :func:`_pg_page`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

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
    if query.sort is SortKey.RECEIVED and _pg_walkable(session, query, stmt):
        return _pg_page(session, query, stmt, limit, offset)
    in_order = (
        query.sort is SortKey.RECEIVED
        and session.get_bind().dialect.name == "sqlite"
        and bool(query.text.split())
        and all(_broad(session, term) for term in query.text.split())
    )
    stmt = ordered(filtered(session, query, stmt, in_order=in_order), query)
    return list(session.execute(stmt.limit(limit).offset(offset)))


def count(session: Session, query: CaseQuery) -> int:
    """How many cases the query finds (the register shows it after the first page, and asks
    only when the page was full: the term is broad).

    On PostgreSQL a search without other filters counts a broad term over the walk index (an
    index-only scan of ~20 MB at 100,000 cases, ~45 ms) instead of joining every match to
    ``case`` through the GIN indexes (0.1–0.3 s), and a rare one through the GIN indexes."""
    if _pg_walkable(session, query, None):
        terms = query.text.split()
        indexed = [_gin_condition(term, n) for n, term in enumerate(terms)]
        if all(c is not None for c in indexed) and _estimate(session, indexed) <= SPARSE:
            found = select(func.count()).select_from(CaseSearchRow).where(*indexed)
            return int(session.scalar(found) or 0)  # a rare term: its matches, by GIN
        condition, params = _walk_condition(terms, "s")
        # in the index's order, or PostgreSQL counts by reading the wide table (125 MB at
        # 100,000 cases, 0.1–0.4 s) rather than the index (21 MB)
        walk = f"SELECT 1 FROM case_search s WHERE {condition} ORDER BY s.received_on, s.case_id"
        return int(session.execute(text(f"SELECT count(*) FROM ({walk}) w"), params).scalar() or 0)
    stmt = filtered(session, query, select(func.count()).select_from(CaseRow))
    return int(session.scalar(stmt) or 0)


# --- PostgreSQL: the walk index (migration s20p_search_walk) ----------------------------------


def _caseless(term: str) -> bool:
    """No letter case in ``term`` (Chinese, digits, punctuation): ``LIKE`` finds exactly what
    the grams index and ``_contains`` find. A term with Latin letters keeps the GIN path."""
    return term.lower() == term == term.upper()


def _pg_walkable(session: Session, query: CaseQuery, stmt: Select | None) -> bool:  # type: ignore[type-arg]
    """A PostgreSQL search the walk index answers: caseless terms, no other filter and no
    condition of the caller's own in ``stmt`` (a page must also be in the register's default
    order, by reception: the index's)."""
    terms = query.text.split()
    return (
        session.get_bind().dialect.name == "postgresql"
        and bool(terms)
        and all(_caseless(t) for t in terms)
        and (stmt is None or stmt.whereclause is None)
        and not query.statuses
        and query.date_from is None
        and query.date_to is None
        and query.overdue_on is None
        and query.officer_id is None
    )


def _walk_condition(terms: list[str], alias: str) -> tuple[str, dict[str, str]]:
    """Every term in the case's text, read from the walk index (``walk_text``); a text too long
    for the index (NULL there) is read from the table (``lcr_case_search_like``)."""
    parts, params = [], {}
    for n, term in enumerate(terms):
        params[f"p{n}"] = f"%{_escape_like(term)}%"
        parts.append(
            f"CASE WHEN {alias}.walk_text IS NOT NULL "
            f"THEN {alias}.walk_text LIKE :p{n} ESCAPE '\\' "
            f"ELSE lcr_case_search_like({alias}.case_id, :p{n}) END"
        )
    return " AND ".join(parts), params


def _pg_page(
    session: Session,
    query: CaseQuery,
    stmt: Select,  # type: ignore[type-arg]
    limit: int,
    offset: int,
) -> list[Row]:  # type: ignore[type-arg]
    """A page of a PostgreSQL search, whatever the term, at about the cost of the page itself.

    PostgreSQL's estimate of the matches (:func:`_estimate`, ~1 ms) chooses:

    - a rare term (李四, an account number; :func:`_rare`): its matches read through the GIN
      indexes, stopping after ``SPARSE + 1``; at most SPARSE are all of them, looked up and
      sorted. (Left to the planner as one query, PostgreSQL may walk the register instead:
      王某's 2,048 matches took 100 ms so.)
    - otherwise (or more matches than estimated): walk the walk index in the register's order,
      testing each case's text there, until the page is full — a few thousand index entries
      for a broad term (食品, 虚假宣传 茶叶), 27,000 for one whose matches lie further down
      (浙市监立〔2025〕 behind the cases of 2026), the whole index (~45 ms) at worst.

    Either way the same rows in the same order as :func:`filtered` and :func:`ordered` (the walk
    index orders by the same ``received_on, id``)."""
    terms = query.text.split()
    indexed = [_gin_condition(term, n) for n, term in enumerate(terms)]
    if _rare(session, indexed, limit + offset):
        capped = select(CaseSearchRow.case_id).where(*indexed).limit(SPARSE + 1)
        matches = list(session.scalars(capped))
        if len(matches) <= SPARSE:  # all of them
            in_order = ordered(stmt.where(CaseRow.id.in_(matches)), query)
            return list(session.execute(in_order.limit(limit).offset(offset)))
    condition, params = _walk_condition(terms, "s")
    order = "DESC" if query.descending else "ASC"
    walk = text(
        f"SELECT s.case_id FROM case_search s WHERE {condition} "
        f"ORDER BY s.received_on {order}, s.case_id {order} LIMIT :limit OFFSET :offset"
    )
    ids = list(session.scalars(walk, {**params, "limit": limit, "offset": offset}))
    return list(session.execute(ordered(stmt.where(CaseRow.id.in_(ids)), query)))


#: What a match costs read through the GIN indexes and looked up, in index entries walked
#: (measured at 100,000 cases: ~7 µs against ~0.5 µs).
GIN_MATCH_COST = 15


def _rare(session: Session, indexed: list[Any], wanted: int) -> bool:
    """Whether reading every match through the GIN indexes is cheaper than walking the index
    until ``wanted`` are found: at most SPARSE matches expected, and fewer than the walk's
    expected length (the register's size × wanted / matches) divided by GIN_MATCH_COST — about
    1,000 matches at 100,000 cases for the first page. A term without an index is walked."""
    if not all(c is not None for c in indexed):
        return False
    expected = _estimate(session, indexed)
    if expected > SPARSE:
        return False
    size = session.execute(
        text("SELECT reltuples FROM pg_class WHERE oid = 'case_search'::regclass")
    ).scalar()
    size = max(float(size or 0), expected)  # -1: never analysed
    return expected * GIN_MATCH_COST < size * wanted / max(expected, 1.0)


def _estimate(session: Session, conditions: list[Any]) -> float:
    """How many cases PostgreSQL expects ``conditions`` on ``case_search`` to match, from the
    statistics ANALYZE keeps (a sample: good enough to tell 10 from 30,000)."""
    stmt = select(CaseSearchRow.case_id).where(*conditions)
    compiled = stmt.compile(dialect=session.get_bind().dialect)
    explain = f"EXPLAIN (FORMAT JSON) {compiled}"
    [[plan]] = session.connection().exec_driver_sql(explain, compiled.params).all()
    return float(plan[0]["Plan"]["Plan Rows"])


def _gin_condition(term: str, n: int):  # type: ignore[no-untyped-def]
    """The term on ``case_search`` through a GIN index (caseless terms: ``LIKE`` is exact), or
    None for a short term with punctuation, which no index answers."""
    if len(term) >= 3:
        return CaseSearchRow.text.like(f"%{_escape_like(term)}%", escape="\\")
    if not indexable(term):
        return None
    has = text(f"case_search.grams @> CAST(:g{n} AS text[])")
    return has.bindparams(**{f"g{n}": [term.lower()]})


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
