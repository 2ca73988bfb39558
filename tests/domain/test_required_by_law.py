"""What the assessment and the hearing make compulsory cannot be unticked by the officer.

Scenario: a 185,000 yuan fine on a company; the assessment found a hearing right (行政处罚法
Art 63) and 法制审核 (Art 58). The officer left both unticked and the decision went through on
the day the 告知书 was served. Now the steps refuse, and the period for asking a hearing runs
out before a decision even if a statement was made the same day.
"""

from __future__ import annotations

from decimal import Decimal

from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.workflow import required_by_law
from tests.domain.test_workflow import WANG, ZHANG, ZHAO, filed_case, refused, step

ASSESSED = ViolationAssessment.from_json(
    {"result": {"hearing_right": True, "legal_review_required": True}}
)


def concluded_with_assessment():  # type: ignore[no-untyped-def]
    case = filed_case()
    case.violations[0].assessment = ASSESSED
    case = step(case, "start_investigation", ZHANG, "2026-03-11")
    return step(case, "conclude", ZHANG, "2026-04-20")


def test_the_assessment_sets_review_and_hearing() -> None:
    case = concluded_with_assessment()
    assert set(required_by_law(case)) == {"hearing_right", "legal_review_required"}
    refused(
        case,
        "submit_review",
        ZHANG,
        "2026-04-21",
        "不能取消法制审核",
        legal_review_required=False,
        collective_discussion_required=False,
    )
    reviewing = step(
        case,
        "submit_review",
        ZHANG,
        "2026-04-21",
        legal_review_required=True,
        collective_discussion_required=True,  # the officer may add one
    )
    assert reviewing.procedure.collective_discussion_required
    refused(reviewing, "serve_notice", ZHANG, "2026-04-29", "须告知听证权利", hearing_right=False)
    notified = step(reviewing, "serve_notice", ZHANG, "2026-04-29", hearing_right=True)
    stated = step(notified, "record_statement", ZHANG, "2026-04-29")
    reviewed = step(stated, "record_legal_review", ZHAO, "2026-04-29")
    discussed = step(reviewed, "record_collective_discussion", WANG, "2026-04-29")
    fine = Decimal("185000")
    refused(discussed, "decide", WANG, "2026-04-29", "听证申请期", kind="penalty", fine=fine)
    step(discussed, "decide", WANG, "2026-05-12", kind="penalty", fine=fine)


def test_a_held_hearing_requires_legal_review() -> None:
    case = filed_case()
    assert required_by_law(case) == {}
    case.procedure.hearing_held_on = case.filed_on
    assert "第五十八条第一款第二项" in required_by_law(case)["legal_review_required"]
