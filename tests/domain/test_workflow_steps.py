"""The workflow declared once: the engine, the services and the window read the same table.

Scenarios: a concluded case whose 处罚裁量 found a 185,000 yuan fine, a hearing right and
法制审核 (行政处罚法 Arts 58, 63); the 立案 form proposes the next 立案编号; the 送达 of a
决定书 names the newest one issued; and a command that would move a case to a stage its
declaration does not lead to is refused, the case unchanged.
"""

from __future__ import annotations

import datetime as dt
import inspect
from decimal import Decimal

import pytest

from lcregulator.domain import workflow
from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.authority import OfficerRole
from lcregulator.domain.cases import Case, CaseStatus
from lcregulator.domain.workflow import COMMANDS, Change, run
from lcregulator.domain.workflow_steps import (
    STEPS,
    CaseFacts,
    InputKind,
    approvals,
    form,
    offered,
    step,
    step_for,
)
from tests.domain.test_workflow import WANG, ZHANG, ctx, filed_case, new_case, refused
from tests.domain.test_workflow import step as take

S = CaseStatus
ASSESSED = ViolationAssessment.from_json(
    {
        "input": {"proposed_fine": "185000"},
        "result": {"hearing_right": True, "legal_review_required": True},
    }
)


def concluded() -> Case:
    case = filed_case()
    case.violations[0].assessment = ASSESSED
    case = take(case, "start_investigation", ZHANG, "2026-03-11")
    return take(case, "conclude", ZHANG, "2026-04-20")


def test_every_command_is_declared_and_every_declaration_runs_a_command() -> None:
    assert {s.command for s in STEPS} == set(COMMANDS)
    assert len({s.id for s in STEPS}) == len(STEPS)
    for s in STEPS:
        params = inspect.signature(COMMANDS[s.command]).parameters
        # 归档's 保管期限 belongs to the bound 卷宗, which the archive service keeps
        names = [i.name for i in s.inputs if (s.id, i.name) != ("archive", "retention")]
        for name in [*s.fixed, *names]:
            assert name in params, (s.id, name)
        assert s.from_statuses and s.what and s.label


def test_the_stages_each_step_may_be_taken_from_are_the_menu() -> None:
    assert [s.id for s in offered(S.SUSPENDED)] == ["resume"]
    assert [s.id for s in offered(S.CLUE)] == [
        "start_verification",
        "file",
        "decline",
        "extend_filing",
        "transfer",
    ]
    assert [s.id for s in offered(S.ARCHIVED)] == []
    assert {"review_started", "review_ended"} <= {s.id for s in offered(S.SERVED)}


def test_approvals_are_for_the_head_and_named_as_the_refusal_names_them() -> None:
    assert approvals() == {
        "extend_filing": "延长立案期限",
        "file": "立案",
        "decline": "不予立案",
        "extend_decision": "延长办案期限",
        "record_collective_discussion": "集体讨论记录",
        "decide": "作出决定",
        "referral_decide": "是否移送",
        "close": "结案",
    }
    assert step("record_legal_review").roles == (OfficerRole.REVIEWER,)


def test_the_decision_step_is_found_by_its_kind() -> None:
    assert step_for("decide", {"kind": "penalty"}) is step("decide_penalty")
    assert step_for("decide", {"kind": "revoke"}) is step("decide_revoke")
    assert step_for("decide", {"kind": "bogus"}) is None
    assert step_for("referral_decide", {"approve": False}) is step("referral_refuse")
    review = "record_review_or_litigation"
    assert step_for(review, {}) is step("review_started")
    assert step_for(review, {"end": dt.date(2026, 6, 9)}) is step("review_ended")


def test_a_guard_reads_only_the_case_and_says_why() -> None:
    case = new_case(violations=[])
    case.status = S.INVESTIGATING
    assert step("conclude").refusal(case) == "调查终结前须列明违法行为及所违反的条款。"
    assert step("conclude").refusal(new_case(status=S.INVESTIGATING)) is None
    assert "不能调查终结" in (step("conclude").refusal(new_case()) or "")


def test_the_review_form_starts_from_the_assessment_and_locks_what_the_law_sets() -> None:
    case = concluded()
    review = form(step("submit_review"), case, CaseFacts())
    assert review.defaults == {"legal_review_required": True}
    assert "第五十八条" in review.locked["legal_review_required"]
    assert "collective_discussion_required" not in review.locked
    notice = form(step("serve_notice"), case, CaseFacts())
    assert notice.defaults["hearing_right"] is True and "hearing_right" in notice.locked


def test_the_decision_form_proposes_the_assessed_fine() -> None:
    decide = form(step("decide_penalty"), concluded(), CaseFacts())
    assert decide.defaults == {"fine": Decimal("185000")}
    assert [i.kind for i in decide.inputs] == [InputKind.MONEY]


def test_filing_proposes_the_next_number_and_asks_a_reason_where_not_competent() -> None:
    facts = CaseFacts(next_case_number="杭西市监立〔2026〕8号")
    filing = form(step("file"), new_case(), facts, not_competent=("某主播",))
    assert filing.defaults["case_number"] == "杭西市监立〔2026〕8号"
    assert [i.name for i in filing.inputs] == ["case_number", "jurisdiction_reason"]
    assert "某主播" in filing.locked["jurisdiction_reason"]
    revoke = form(step("decide_revoke"), new_case(), facts, not_competent=("某主播",))
    assert [i.name for i in revoke.inputs] == []  # revoking needs no competence


def test_serving_a_decision_offers_the_newest_decision_issued() -> None:
    facts = CaseFacts(
        issued=(
            ("penalty_notice", "行政处罚告知书（杭西市监罚告〔2026〕3号）"),
            ("penalty_decision", "行政处罚决定书（杭西市监罚〔2026〕5号）"),
            ("penalty_decision", "行政处罚决定书（杭西市监罚〔2026〕6号）"),
        )
    )
    serve = form(step("serve_decision"), new_case(status=S.DECIDED), facts)
    assert serve.defaults["document"] == "行政处罚决定书（杭西市监罚〔2026〕6号）"
    decided = new_case(status=S.DECIDED)
    decided.procedure.decision_kind = "no_penalty"
    assert "document" not in form(step("serve_decision"), decided, facts).defaults
    notice = form(step("serve_notice"), new_case(status=S.UNDER_REVIEW), facts)
    assert notice.defaults["document"] == "行政处罚告知书（杭西市监罚告〔2026〕3号）"


def test_a_stage_change_the_declaration_does_not_allow_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def rogue(case: Case, _ctx: workflow.Context) -> tuple[Case, Change]:
        before, case.status = case.status, S.CLOSED  # a bug: it should go to 调查取证
        return case, Change("start_investigation", before, case.status, "")

    monkeypatch.setitem(COMMANDS, "start_investigation", rogue)
    case = filed_case()
    refused(case, "start_investigation", ZHANG, "2026-03-11", "不能使案件从“立案”变为“结案”")
    assert case.status is S.FILED


def test_roles_come_from_the_declaration() -> None:
    case = filed_case()
    refused(case, "extend_decision", ZHANG, "2026-03-12", "延长办案期限须由负责人批准")
    extended, _ = run("extend_decision", case, ctx(WANG, "2026-03-12"))
    assert extended.procedure.decision_extended


def test_the_served_document_is_named_in_the_timeline() -> None:
    case = new_case(status=S.DECIDED, decided_on=dt.date(2026, 5, 12))
    case.procedure.decision_kind = "penalty"
    _, change = run(
        "serve_decision",
        case,
        ctx(ZHANG, "2026-05-13"),
        document="行政处罚决定书（杭西市监罚〔2026〕6号）",
    )
    assert change.summary == "送达决定书：行政处罚决定书（杭西市监罚〔2026〕6号）"
