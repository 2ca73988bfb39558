"""The 处罚裁量 is one typed value: it keeps what the officer gave, through save and reopen.

Scenario: a room operator sold goods worth 240,000 yuan without marked prices (办法 Art 60;
价格法), gaining 36,000 yuan; the officer found it cooperated, chose 3,000 yuan and wrote why.
Saved on the case and read back, every input and the result are as they were; an assessment
stored by an earlier version (only some facts kept) still opens.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.cases import Violation
from lcregulator.domain.penalty import Facts, PenaltyInput, assess
from lcregulator.services import cases
from lcregulator.services.context import AppContext
from tests.services.test_workflow_service import new_case

INPUT = PenaltyInput(
    provision="M60/price-marking",
    party_type="organization",
    act_date=dt.date(2026, 10, 1),
    discovery_date=dt.date(2026, 10, 8),
    decision_date=dt.date(2026, 11, 20),
    facts=Facts(
        ordered_to_correct=True,
        corrected_by_deadline=True,
        illegal_gains=Decimal("36000"),
        ad_fee=Decimal("1200.50"),
        goods_value=Decimal("240000"),
    ),
    circumstances=("cooperated",),
    proposed_fine=Decimal("3000"),
)

# what the penalty dialog stored before the assessment was typed (only some facts)
OLD = {
    "input": {
        "party_type": "organization",
        "discovery_date": "2026-10-08",
        "decision_date": "2026-11-20",
        "facts": {
            "refused_to_correct": False,
            "serious": False,
            "ordered_to_correct": True,
            "corrected_by_deadline": True,
            "illegal_gains": "36000",
            "in_course_of_employment": None,
            "advertising_role": None,
            "illegal_property_value": None,
        },
        "circumstances": ["cooperated"],
        "proposed_fine": "50000",
    },
    "result": {"hearing_right": True, "legal_review_required": False, "fine": None},
    "summary": "拟罚款50,000元（人民币伍万元整）",
    "law_data_version": "2026.11",
}


def assessed() -> ViolationAssessment:
    return ViolationAssessment.of(
        INPUT, assess(INPUT), "拟罚款3,000元", "积极配合调查，主动退还消费者差价"
    )


def test_the_json_form_reads_back_as_the_same_value() -> None:
    value = assessed()
    again = ViolationAssessment.from_json(value.to_json())
    assert again == value
    assert again.facts.ad_fee == Decimal("1200.50") and again.facts.goods_value == Decimal("240000")
    assert again.reasons == "积极配合调查，主动退还消费者差价"
    assert again.to_json()["input"]["facts"]["ad_fee"] == "1200.50"  # text, never a float


def test_an_assessment_stored_by_an_earlier_version_still_opens() -> None:
    old = ViolationAssessment.from_json(OLD)
    assert old.illegal_gains == Decimal("36000")
    assert old.facts.ad_fee is None and old.facts.goods_value is None  # not kept then
    assert old.circumstances == ("cooperated",) and old.proposed_fine == Decimal("50000")
    assert old.discovery_date == dt.date(2026, 10, 8) and old.reasons == ""
    assert old.hearing_right and not old.legal_review_required and old.fine_range is None
    assert old.summary == "拟罚款50,000元（人民币伍万元整）" and old.law_data_version == "2026.11"
    assert ViolationAssessment.from_json(old.to_json()) == old


def test_saved_on_a_case_and_reopened_it_is_unchanged(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    case = cases.get_case(app_configured, case_id)
    value = assessed()
    case.violations = [
        Violation(
            "M60/price-marking", "未明码标价", act_start=dt.date(2026, 10, 1), assessment=value
        )
    ]
    cases.update_case(app_configured, case)
    reopened = cases.get_case(app_configured, case_id).violations[0].assessment
    assert reopened == value
    assert reopened is not None and reopened.fine_range == value.fine_range
