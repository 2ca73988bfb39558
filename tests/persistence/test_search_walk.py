"""PostgreSQL's walk index gives exactly the register's rows and order (issue 20, s20p).

On PostgreSQL a search of caseless terms (Chinese, digits, punctuation) without other filters
is answered either through the GIN indexes (a rare term, as PostgreSQL estimates it) or by
walking the walk index in the register's order (``case_search._pg_page``). Whichever way
answers, the page must hold the same rows in the same order as the plain query (``filtered`` +
``ordered``), and the count the same number. Each way is forced here in turn. The same comparisons run on SQLite, where they check its own walk.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.persistence import case_search
from lcregulator.persistence.case_search import CaseQuery, SortKey, filtered, ordered, page
from lcregulator.persistence.rows import CaseRow
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext

TERMS = [
    "王",  # one character
    "食品",  # two
    "虚假宣传",  # three and more
    "茶叶 王",  # two terms
    "案1",
    "〔2",  # punctuation: no index
    "号",
    "2026",
    "无此词",  # nobody
    "%",  # a LIKE wildcard, literal
    "尾巴词",  # only in the long text (PostgreSQL)
    "长",
    "Wang",  # Latin letters: the GIN path as before
]

# (SPARSE, "rare" or None for _rare's own answer, the estimate or None for PostgreSQL's own):
# each forces one of _pg_page's and count's ways for most terms
STEPS: dict[str, tuple[int, bool | None, float | None]] = {
    "as estimated": (5000, None, None),
    "rare: GIN": (10_000, True, 0.0),
    "broad: walk": (5000, False, 1e9),
    "estimated rare, found broad: walk": (3, True, 0.0),
}


def _register(ctx: AppContext, n: int) -> list[int]:
    """Cases over 40 days, several received on the same day (the id breaks ties)."""
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officer = setup.list_officers(ctx, authority.id)[0]
    assert officer.id is not None
    ids = []
    for i in range(n):
        goods = ["食品", "茶叶", "服装"][i % 3]
        made = cases.create_case(
            ctx,
            Case(
                title=f"{'王李'[i % 2]}某销售{goods}虚假宣传案{i}"
                + (" Wang" if i % 5 == 0 else ""),
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 1, 1) + dt.timedelta(days=(i * 7) % 40),
                authority_id=authority.id,
                officer_ids=[officer.id],
            ),
        )
        assert made.id is not None
        ids.append(made.id)
    return ids


def _make_one_text_long(ctx: AppContext, case_id: int) -> None:
    """A case with dozens of parties has a search text longer than the walk index carries
    (2,000 bytes): written here directly, grams included, as ``case_search.refresh`` would."""
    if ctx.database.is_sqlite:
        return
    with ctx.database.engine.begin() as conn:
        old = conn.execute(
            text("SELECT text FROM case_search WHERE case_id = :id"), {"id": case_id}
        ).scalar_one()
    long = old + " " + "长" * 800 + " 尾巴词"
    with ctx.database.session() as session, session.begin():
        session.execute(
            text("UPDATE case_search SET text = :t WHERE case_id = :id"), {"t": long, "id": case_id}
        )
        case_search.store_grams(session, {case_id: long})
    with ctx.database.engine.connect() as conn:
        walk_text = conn.execute(
            text("SELECT walk_text FROM case_search WHERE case_id = :id"), {"id": case_id}
        ).scalar_one()
    assert walk_text is None  # too long for the index: the walk reads the table


@pytest.mark.parametrize("step", list(STEPS))
def test_every_step_gives_the_plain_querys_pages_and_count(
    configured: AppContext, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    ids = _register(configured, 36)
    _make_one_text_long(configured, ids[30])
    sparse, rare, estimate = STEPS[step]
    monkeypatch.setattr(case_search, "SPARSE", sparse)
    if rare is not None:
        monkeypatch.setattr(case_search, "_rare", lambda session, indexed, wanted: rare)
    if estimate is not None:
        monkeypatch.setattr(case_search, "_estimate", lambda session, conditions: estimate)
    stmt = select(CaseRow.id, CaseRow.title, CaseRow.received_on)
    with configured.database.session() as session:
        for term in TERMS:
            for sort, descending in (
                (SortKey.RECEIVED, True),
                (SortKey.RECEIVED, False),
                (SortKey.TITLE, True),  # not the walk index's order: the plain query
            ):
                query = CaseQuery(text=term, sort=sort, descending=descending)
                plain = ordered(filtered(session, query, stmt), query)
                everything = [tuple(r) for r in session.execute(plain)]
                if term in ("尾巴词", "长") and not configured.database.is_sqlite:
                    assert [r[0] for r in everything] == [ids[30]]
                for limit, offset in ((5, 0), (5, 5), (7, 14), (50, 0), (3, 40)):
                    got = [tuple(r) for r in page(session, query, stmt, limit, offset)]
                    assert got == everything[offset : offset + limit], (term, limit, offset)
                counted = select(func.count()).select_from(plain.order_by(None).subquery())
                assert case_search.count(session, query) == session.scalar(counted), term


def test_the_walk_follows_a_changed_reception_date(configured: AppContext) -> None:
    """The walk orders by ``case_search.received_on`` (PostgreSQL), kept in step with the
    case's own date by triggers, whichever way the case is changed."""
    ids = _register(configured, 12)
    query = CaseQuery(text="虚假宣传")
    stmt = select(CaseRow.id)

    def pages() -> tuple[list[int], list[int]]:
        with configured.database.session() as session:
            plain = ordered(filtered(session, query, stmt), query)
            return (
                [r[0] for r in page(session, query, stmt, 5)],
                [r[0] for r in session.execute(plain.limit(5))],
            )

    full = cases.get_case(configured, ids[0])
    full.received_on = dt.date(2026, 6, 1)  # newest now
    cases.update_case(configured, full)
    walked, plain = pages()
    assert walked == plain and walked[0] == ids[0]
    with configured.database.engine.begin() as conn:  # not through the application
        conn.execute(
            text('UPDATE "case" SET received_on = :d WHERE id = :id'),
            {"d": dt.date(2026, 7, 1), "id": ids[1]},
        )
    walked, plain = pages()
    assert walked == plain and walked[:2] == [ids[1], ids[0]]
    if not configured.database.is_sqlite:
        with configured.database.engine.connect() as conn:
            stale = conn.execute(
                text(
                    'SELECT count(*) FROM case_search s JOIN "case" c ON c.id = s.case_id '
                    "WHERE s.received_on IS DISTINCT FROM c.received_on"
                )
            ).scalar()
        assert stale == 0


def test_postgresql_walks_and_counts_on_the_walk_index(configured: AppContext) -> None:
    if configured.database.is_sqlite:
        pytest.skip("PostgreSQL's walk index")
    _register(configured, 6)
    condition, params = case_search._walk_condition(["虚假宣传"], "s")
    with configured.database.session() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))  # a tiny table: scans win
        for sql in (
            f"SELECT s.case_id FROM case_search s WHERE {condition} "
            "ORDER BY s.received_on DESC, s.case_id DESC LIMIT 200",
            f"SELECT count(*) FROM (SELECT 1 FROM case_search s WHERE {condition} "
            "ORDER BY s.received_on, s.case_id) w",
        ):
            plan = "\n".join(r[0] for r in session.execute(text(f"EXPLAIN {sql}"), params))
            assert "Index Only Scan" in plan and "ix_case_search_walk" in plan, plan


def test_the_count_runs_under_the_read_sessions_statement_timeout(
    configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The register's total is counted after the first page; on PostgreSQL a read session
    carries the statement timeout, so a count over a huge register cannot run unbounded."""
    if configured.database.is_sqlite:
        pytest.skip("PostgreSQL's statement timeout")
    seen: list[str] = []

    def count(session, query):  # type: ignore[no-untyped-def]
        seen.append(session.execute(text("SELECT current_setting('statement_timeout')")).scalar())
        return 0

    monkeypatch.setattr(case_search, "count", count)
    assert cases.count_cases(configured, CaseQuery(text="王")) == 0
    assert seen and seen[0] not in ("0", None)
