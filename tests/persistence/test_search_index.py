"""Search terms of every length answered from an index, on SQLite and PostgreSQL (issue 20).

The grams index (1–2 characters) must find exactly what a substring search finds, stay in step
when a case or party changes, and the register's "walk in order" plan for broad terms must give
the same pages as the plain one.
"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.persistence import case_search
from lcregulator.persistence.case_search import CaseQuery, SortKey, filtered, ordered, page
from lcregulator.persistence.grams import grams, indexable
from lcregulator.persistence.rows import CaseRow
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.persistence.test_case_search import seed, titles


def test_grams_are_the_characters_and_their_neighbours() -> None:
    assert set(grams("食品 Ab1").split()) == {"食", "品", "食品", "a", "b", "ab", "1", "b1"}
    # punctuation splits; each gram once
    assert grams("〔2026〕7号").split() == ["2", "0", "20", "02", "6", "26", "7", "号", "7号"]
    assert grams("") == ""
    assert indexable("食品") and indexable("A1") and indexable("王")
    assert not indexable("〔2") and not indexable("食品案")


def test_one_and_two_character_terms(configured: AppContext) -> None:
    seed(configured)
    assert titles(configured, text="品") == ["主播销售过期食品案"]
    assert titles(configured, text="SH") == ["好物严选直播间虚假宣传案"]  # shop_001, any case
    assert titles(configured, text="〔2") == ["好物严选直播间虚假宣传案"]  # punctuation
    assert titles(configured, text="食品 主播") == ["主播销售过期食品案"]  # two short terms
    assert titles(configured, text="食品 好物") == []  # both must match
    assert titles(configured, text="7号 好物") == ["好物严选直播间虚假宣传案"]
    assert titles(configured, text="虚假 宣传案") == ["好物严选直播间虚假宣传案"]
    assert titles(configured, text="%") == []  # LIKE wildcards are literal
    assert cases.count_cases(configured, CaseQuery(text="食品 主播")) == 1


def test_the_short_term_index_follows_edits(configured: AppContext) -> None:
    seed(configured)
    [host] = parties.search_parties(configured, "主播甲")
    host.name = "带货达人丙"
    parties.save_party(configured, host)
    assert titles(configured, text="丙") == ["主播销售过期食品案"]
    assert titles(configured, text="达人") == ["主播销售过期食品案"]
    assert titles(configured, text="主播甲") == []  # the old name; its account stays
    [case] = [s for s in cases.list_cases(configured) if s.title == "主播销售过期食品案"]
    full = cases.get_case(configured, case.id)
    full.title = "主播销售变质茶叶案"
    authority = setup.our_authority(configured)
    assert authority is not None and authority.id is not None
    configured.officer = next(  # the case's handler edits it
        o for o in setup.list_officers(configured, authority.id) if o.name == "李四"
    )
    cases.update_case(configured, full)
    assert titles(configured, text="茶叶") == ["主播销售变质茶叶案"]
    assert titles(configured, text="食品") == []


def _register(ctx: AppContext, n: int) -> None:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officer = setup.list_officers(ctx, authority.id)[0]
    assert officer.id is not None
    for i in range(n):
        goods = ["食品", "茶叶", "服装"][i % 3]
        cases.create_case(
            ctx,
            Case(
                title=f"{'王李'[i % 2]}某销售{goods}虚假宣传案{i}",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 1, 1) + dt.timedelta(days=(i * 7) % 40),
                authority_id=authority.id,
                officer_ids=[officer.id],
            ),
        )


@pytest.mark.parametrize("term", ["王", "食品", "虚假宣传", "茶叶 王", "案1", "〔2", "无此词"])
def test_walking_in_order_gives_the_same_pages(
    configured: AppContext, monkeypatch: pytest.MonkeyPatch, term: str
) -> None:
    _register(configured, 36)
    monkeypatch.setattr(case_search, "SPARSE", 2)  # every term counts as broad here
    query = CaseQuery(text=term, sort=SortKey.RECEIVED)
    with configured.database.session() as session:
        stmt = select(CaseRow.id)
        everything = [r[0] for r in session.execute(ordered(filtered(session, query, stmt), query))]
        for limit, offset in ((5, 0), (5, 5), (7, 14), (50, 0)):
            got = [r[0] for r in page(session, query, stmt, limit, offset)]
            assert got == everything[offset : offset + limit], (limit, offset)


def test_sqlite_answers_short_terms_from_the_grams_table(configured: AppContext) -> None:
    if not configured.database.is_sqlite:
        pytest.skip("SQLite's FTS5 table")
    seed(configured)
    with configured.database.engine.connect() as conn:
        found = conn.execute(
            text("SELECT count(*) FROM case_search_grams WHERE case_search_grams MATCH :q"),
            {"q": '"食品"'},
        ).scalar()
        assert found == 1
        query = CaseQuery(text="食品")
        with configured.database.session() as session:
            sql = str(
                filtered(session, query, select(CaseRow.id)).compile(
                    session.get_bind(), compile_kwargs={"literal_binds": True}
                )
            )
        assert "case_search_grams MATCH" in sql


def test_postgresql_uses_its_indexes(configured: AppContext) -> None:
    if configured.database.is_sqlite:
        pytest.skip("PostgreSQL's GIN indexes")
    seed(configured)
    with configured.database.session() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))  # a tiny table: scans win
        session.execute(text("SET LOCAL enable_indexscan = off"))
        for term, index in (
            ("食品", "ix_case_search_grams"),
            ("好物直播间", "ix_case_search_text_trgm"),
        ):
            query = CaseQuery(text=term)
            stmt = filtered(session, query, select(CaseRow.id))
            compiled = stmt.compile(session.get_bind())
            explained = session.connection().exec_driver_sql(f"EXPLAIN {compiled}", compiled.params)
            plan = "\n".join(r[0] for r in explained)
            assert any(name in plan for name in index), plan
