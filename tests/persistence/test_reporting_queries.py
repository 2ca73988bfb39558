"""The 台账 and 统计报表 bulk reads on both databases (SQLite always, PostgreSQL in CI)."""

from __future__ import annotations

import datetime as dt

from lcregulator.domain.cases import CaseStatus
from lcregulator.persistence import reporting
from lcregulator.persistence.case_search import CaseQuery
from lcregulator.services import statistics
from lcregulator.services.context import AppContext
from tests.reporting_data import fill

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


def _within(day: dt.date | None) -> bool:
    return day is not None and START <= day <= END


def test_facts_and_figures_agree_with_the_generated_cases(ctx: AppContext) -> None:
    truth = fill(ctx, 120)
    query = CaseQuery(statuses=frozenset({CaseStatus.CLOSED, CaseStatus.ARCHIVED}))
    with ctx.unit_of_work() as uow:
        facts = reporting.case_facts(uow.session, query)
        by_id = {f.id: f for f in reporting.case_facts(uow.session, ids=[1, 2, 3])}
    assert {f.id for f in facts} == {
        c.id for c in truth.cases if c.status in ("closed", "archived")
    }
    for case in truth.cases[:3]:
        fact = by_id[case.id]
        assert [p.name for p in fact.parties][: len(case.party_names)] == case.party_names
        assert fact.provisions == case.provisions and fact.officers == case.officers
    out = statistics.statistics(ctx, START, END).as_json()
    received = [c for c in truth.cases if _within(c.received_on)]
    assert out["cases"]["received"] == len(received)
    assert out["cases"]["filed"] == sum(_within(c.filed_on) for c in truth.cases)
    for provision, n in out["cases"]["by_provision"].items():
        assert n == sum(provision in c.provisions for c in received)
    assert out["summons"] == sum(_within(s[2]) for s in truth.summons)
