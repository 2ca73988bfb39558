"""The 统计报表's period rules on hand-made cases whose answers are worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcregulator.domain.cases import CaseStatus, ClueSource
from lcregulator.domain.parties import PartyRole
from lcregulator.domain.reporting import (
    CaseFact,
    PartyFact,
    SummonsFact,
    compute_statistics,
    provision_label,
    register_row,
)

D = dt.date


def _case(n: int, **kw: object) -> CaseFact:
    base: dict[str, object] = dict(
        id=n,
        number=f"杭西市监立〔2026〕{n}号",
        title=f"案{n}",
        source=ClueSource.COMPLAINT,
        status=CaseStatus.FILED,
        received_on=D(2026, 3, 1),
        filed_on=D(2026, 3, 5),
        decided_on=None,
        closed_on=None,
        next_deadline_on=None,
        procedure={},
    )
    base.update(kw)
    return CaseFact(**base)  # type: ignore[arg-type]


def test_a_decision_in_march_counts_in_march_not_april() -> None:
    fined = _case(
        1,
        status=CaseStatus.EXECUTING,
        decided_on=D(2026, 3, 20),
        procedure={
            "decision_kind": "penalty",
            "fine": "10000",
            "payments": [
                {"on": "2026-03-25", "amount": "4000"},
                {"on": "2026-04-02", "amount": "6000"},
            ],
        },
        assessments=[
            {
                "result": {"confiscate_illegal_gains": True},
                "input": {"facts": {"illegal_gains": "2500"}},
            }
        ],
        parties=[PartyFact("某公司", PartyRole.ROOM_OPERATOR, False, "91330106MA2H2KXX0K", None)],
    )
    march = compute_statistics(
        [fined], [], D(2026, 3, 1), D(2026, 3, 31), late_fee=lambda c, on: Decimal("300")
    )
    assert march.fines_decided == Decimal("10000")
    assert march.fines_collected == Decimal("4000")
    assert march.confiscated == Decimal("2500")
    assert march.late_fees == Decimal("300")
    assert march.counts["fines.late_fees"] == {1}
    april = compute_statistics([fined], [], D(2026, 4, 1), D(2026, 4, 30))
    assert april.fines_decided == 0 and april.fines_collected == Decimal("6000")
    assert april.n("cases.received") == 0
    row = register_row(fined)
    assert row[9] == "罚款、没收违法所得" and row[10] == 12500.0


def test_summons_without_outcome_is_pending_and_overdue_is_before_the_last_day() -> None:
    due_on_last_day = _case(2, next_deadline_on=D(2026, 3, 31))
    overdue = _case(3, next_deadline_on=D(2026, 3, 30))
    stats = compute_statistics(
        [due_on_last_day, overdue],
        [
            SummonsFact(1, None, "某平台", D(2026, 3, 10), None),
            SummonsFact(2, 3, "某", D(2026, 3, 11), "rectified"),
        ],
        D(2026, 3, 1),
        D(2026, 3, 31),
    )
    assert stats.counts["overdue"] == {3}
    out = stats.as_json()
    assert out["summons"] == 2
    assert out["summons_by_outcome"] == {"pending": 1, "rectified": 1}


def test_provision_labels_name_the_branch_of_one_article() -> None:
    assert provision_label("M59(1)") == "第五十九条第一项"
    assert provision_label("M60/price-fraud") != provision_label("M60/price-marking")
