"""Case validation: key dates in legal order, two officers after filing, act dates."""

from __future__ import annotations

import datetime as dt

import pytest

from lcregulator.domain.authority import OfficerId
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource, Violation
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.parties import PartyId, PartyRole

TODAY = dt.date(2026, 11, 20)


def case(**changes: object) -> Case:
    c = Case(
        title="某直播间虚假宣传案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=1,
    )
    for key, value in changes.items():
        setattr(c, key, value)
    return c


def expect(c: Case, field: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        c.validate(TODAY)
    assert info.value.field == field
    assert fragment in info.value.message


def test_filed_before_received_is_refused_with_both_dates() -> None:
    expect(
        case(filed_on=dt.date(2026, 3, 1)),
        "case.filed_on",
        "立案日期（2026年3月1日）不能早于线索接收日期（2026年3月2日）",
    )


def test_decision_before_notice_is_refused_even_with_gaps() -> None:
    c = case(
        status=CaseStatus.DECIDED,
        officer_ids=[OfficerId(1), OfficerId(2)],
        filed_on=dt.date(2026, 3, 10),
        notice_served_on=dt.date(2026, 5, 6),
        decided_on=dt.date(2026, 5, 5),
    )
    expect(c, "case.decided_on", "不能早于告知书送达日期")


def test_dates_in_order_pass_and_future_dates_fail() -> None:
    case(filed_on=dt.date(2026, 3, 10), officer_ids=[OfficerId(1), OfficerId(2)]).validate(TODAY)
    expect(case(received_on=dt.date(2026, 11, 21)), "case.received_on", "不能晚于今天")


def test_two_officers_required_once_filed() -> None:
    expect(case(status=CaseStatus.FILED, officer_ids=[OfficerId(1)]), "case.officers", "两名以上")
    case(status=CaseStatus.CLUE, officer_ids=[OfficerId(1)]).validate(TODAY)


def test_duplicate_officer_or_party_refused() -> None:
    expect(case(officer_ids=[OfficerId(1), OfficerId(1)]), "case.officers", "重复")
    cp = CaseParty(PartyId(3), PartyRole.MARKETER)
    expect(case(parties=[cp, CaseParty(PartyId(3), PartyRole.MARKETER)]), "parties[1]", "重复")


def test_violation_act_dates() -> None:
    expect(
        case(violations=[Violation("M59(1)", act_start=None)]),
        "violations[0].act_start",
        "发生日期",
    )
    expect(
        case(
            violations=[
                Violation("M59(1)", act_start=dt.date(2026, 3, 5), act_end=dt.date(2026, 3, 1))
            ]
        ),
        "violations[0].act_end",
        "不能早于发生日期",
    )


def test_title_required() -> None:
    expect(case(title="  "), "case.title", "不能为空")
