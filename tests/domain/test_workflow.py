"""Every transition of the workflow and every guard, with the refusals and their messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lcregulator.domain.authority import Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource, Violation
from lcregulator.domain.errors import ReadOnlyError
from lcregulator.domain.parties import PartyId, PartyRole
from lcregulator.domain.workdays import WorkCalendar
from lcregulator.domain.workflow import (
    Context,
    WorkflowError,
    amount_due,
    run,
    stage_index,
)

S = CaseStatus
ZHANG = Officer("张三", OfficerRole.HANDLER, "33010600101", id=OfficerId(1))
LI = Officer("李四", OfficerRole.HANDLER, "33010600102", id=OfficerId(2))
WANG = Officer("王五", OfficerRole.HEAD, "33010600001", id=OfficerId(3))
ZHAO = Officer("赵六", OfficerRole.REVIEWER, "", id=OfficerId(4))
CLERK = Officer("文员", OfficerRole.ADMIN, "", id=OfficerId(5))
OFFICERS = {int(o.id): o for o in (ZHANG, LI, WANG, ZHAO, CLERK) if o.id}
TODAY = dt.date(2026, 11, 20)


def ctx(actor: Officer, on: str) -> Context:
    return Context(actor, dt.date.fromisoformat(on), TODAY, OFFICERS, WorkCalendar())


def new_case(**changes: object) -> Case:
    case = Case(
        title="好物严选直播间虚假宣传案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=1,
        officer_ids=[OfficerId(1), OfficerId(2)],
        parties=[CaseParty(PartyId(1), PartyRole.ROOM_OPERATOR)],
        violations=[Violation("M62-1/promotion", "宣称治病", act_start=dt.date(2026, 2, 20))],
    )
    for key, value in changes.items():
        setattr(case, key, value)
    return case


def step(case: Case, name: str, actor: Officer, on: str, **kwargs: object) -> Case:
    new, change = run(name, case, ctx(actor, on), **kwargs)
    assert change.before == case.status and change.after == new.status
    return new


def refused(
    case: Case, name: str, actor: Officer, on: str, fragment: str, **kwargs: object
) -> None:
    with pytest.raises(WorkflowError) as info:
        run(name, case, ctx(actor, on), **kwargs)
    assert fragment in info.value.message, info.value.message


def filed_case() -> Case:
    case = step(new_case(), "start_verification", ZHANG, "2026-03-02")
    return step(case, "file", WANG, "2026-03-10", case_number="杭西市监立〔2026〕7号")


def notified_case(hearing: bool = True, **review: bool) -> Case:
    case = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    case = step(case, "conclude", ZHANG, "2026-04-20")
    case = step(
        case,
        "submit_review",
        ZHANG,
        "2026-04-21",
        legal_review_required=review.get("legal", False),
        collective_discussion_required=review.get("collective", False),
    )
    return step(case, "serve_notice", ZHANG, "2026-04-29", hearing_right=hearing)


def test_the_whole_road_from_clue_to_archive() -> None:
    case = notified_case(hearing=False)
    assert case.notice_served_on == dt.date(2026, 4, 29)
    case = step(case, "decide", WANG, "2026-05-11", kind="penalty", fine=Decimal("50000"))
    assert case.decided_on == dt.date(2026, 5, 11)
    case = step(case, "serve_decision", ZHANG, "2026-05-13")
    case = step(case, "record_publicity", ZHANG, "2026-05-20")
    case = step(case, "record_payment", ZHANG, "2026-05-25", amount=Decimal("50000"))
    assert case.status is S.EXECUTING
    case = step(case, "close", WANG, "2026-06-01")
    case = step(case, "archive", ZHANG, "2026-06-02")
    assert case.status is S.ARCHIVED
    with pytest.raises(ReadOnlyError, match="已归档"):
        run("record_publicity", case, ctx(ZHANG, "2026-06-03"))


def test_the_original_case_is_never_changed() -> None:
    case = new_case()
    run("start_verification", case, ctx(ZHANG, "2026-03-02"))
    assert case.status is S.CLUE


def test_filing_needs_the_head_and_two_enforcement_officers() -> None:
    case = new_case()
    refused(case, "file", ZHANG, "2026-03-10", "须由负责人批准", case_number="x")
    refused(
        new_case(officer_ids=[OfficerId(1), OfficerId(5)]),
        "file",
        WANG,
        "2026-03-10",
        "两名以上持有执法证",
        case_number="x",
    )
    refused(case, "file", WANG, "2026-03-10", "立案编号", case_number=" ")
    refused(case, "file", WANG, "2026-03-01", "不能早于", case_number="x")
    refused(case, "file", WANG, "2026-11-21", "不能晚于今天", case_number="x")


def test_late_filing_is_allowed_but_warned() -> None:
    _, change = run("file", new_case(), ctx(WANG, "2026-04-10"), case_number="x")
    assert "立案决定晚于期限（2026年3月23日" in change.warnings[0]


def test_decline_and_extend_filing() -> None:
    refused(new_case(), "decline", WANG, "2026-03-05", "理由", reason="")
    refused(new_case(), "decline", LI, "2026-03-05", "负责人", reason="轻微")
    declined = step(new_case(), "decline", WANG, "2026-03-05", reason="违法行为轻微并及时改正")
    assert declined.status is S.NOT_FILED
    extended = step(new_case(), "extend_filing", WANG, "2026-03-05")
    assert extended.procedure.filing_extended
    refused(extended, "extend_filing", WANG, "2026-03-06", "已经延长过")
    refused(new_case(), "extend_filing", ZHANG, "2026-03-05", "负责人")


def test_wrong_stage_is_refused_with_the_stage_names() -> None:
    refused(new_case(), "conclude", ZHANG, "2026-03-05", "案件处于“线索登记”阶段，不能调查终结")
    refused(
        filed_case(),
        "serve_notice",
        ZHANG,
        "2026-03-12",
        "不能送达行政处罚告知书",
        hearing_right=True,
    )


def test_conclusion_needs_parties_and_violations() -> None:
    case = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    case.violations = []
    refused(case, "conclude", ZHANG, "2026-04-20", "违法行为")


def test_no_decision_before_the_statement_period_ends() -> None:
    case = notified_case(hearing=False)  # served 4-29; 5 working days end 5-9 (a worked Saturday)
    refused(case, "decide", WANG, "2026-05-09", "陈述、申辩期至2026年5月9日届满", kind="penalty")
    step(case, "decide", WANG, "2026-05-11", kind="penalty", fine=Decimal("1"))
    exercised = step(case, "record_statement", ZHANG, "2026-05-06")
    step(exercised, "decide", WANG, "2026-05-07", kind="penalty", fine=Decimal("1"))


def test_requested_hearing_must_be_held_and_requested_in_time() -> None:
    case = notified_case(hearing=True)
    refused(case, "request_hearing", ZHANG, "2026-05-11", "听证申请已逾期")
    requested = step(case, "request_hearing", ZHANG, "2026-05-08")
    refused(requested, "decide", WANG, "2026-05-20", "须举行听证", kind="penalty")
    held = step(requested, "record_hearing", ZHANG, "2026-05-18")
    # 经过听证程序的 cases go to 法制审核 before the decision (行政处罚法 Art 58 ¶1(2))
    refused(held, "decide", WANG, "2026-05-20", "须经法制审核", kind="penalty")
    reviewed = step(held, "record_legal_review", ZHAO, "2026-05-19")
    step(reviewed, "decide", WANG, "2026-05-20", kind="penalty", fine=Decimal("200000"))
    no_right = notified_case(hearing=False)
    refused(no_right, "request_hearing", ZHANG, "2026-05-06", "未告知听证权利")
    refused(case, "record_hearing", ZHANG, "2026-05-06", "没有要求听证")


def test_legal_review_and_collective_discussion_when_required() -> None:
    case = notified_case(hearing=False, legal=True, collective=True)
    refused(case, "decide", WANG, "2026-05-11", "须经法制审核", kind="penalty")
    refused(case, "record_legal_review", ZHANG, "2026-05-06", "审核人员")
    reviewed = step(case, "record_legal_review", ZHAO, "2026-05-06")
    refused(reviewed, "decide", WANG, "2026-05-11", "集体讨论", kind="penalty")
    refused(reviewed, "record_collective_discussion", ZHAO, "2026-05-07", "负责人")
    discussed = step(reviewed, "record_collective_discussion", WANG, "2026-05-07")
    step(discussed, "decide", WANG, "2026-05-11", kind="penalty", fine=Decimal("1"))


def test_only_the_head_decides_and_a_penalty_needs_a_notice() -> None:
    case = notified_case(hearing=False)
    refused(case, "decide", ZHANG, "2026-05-11", "须由负责人批准", kind="penalty")
    investigating = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    refused(investigating, "decide", WANG, "2026-04-01", "须先送达告知书", kind="penalty")
    revoked = step(investigating, "decide", WANG, "2026-04-01", kind="revoke")
    refused(revoked, "serve_decision", ZHANG, "2026-04-02", "可直接结案")
    assert step(revoked, "close", WANG, "2026-04-02").status is S.CLOSED


def test_suspension_stops_and_resumption_restarts_the_decision_clock() -> None:
    case = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    refused(case, "suspend", ZHANG, "2026-04-01", "原因", reason="")
    suspended = step(case, "suspend", ZHANG, "2026-04-01", reason="产品送检")
    assert suspended.status is S.SUSPENDED
    refused(suspended, "conclude", ZHANG, "2026-04-05", "不能调查终结")
    refused(suspended, "resume", ZHANG, "2026-04-01", "不能早于")
    resumed = step(suspended, "resume", ZHANG, "2026-04-11")
    assert resumed.status is S.INVESTIGATING
    [suspension] = resumed.procedure.suspensions
    assert (suspension.start, suspension.end, suspension.days()) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 4, 10),
        10,
    )
    from lcregulator.domain.workflow import deadlines_of

    assert deadlines_of(resumed, ctx(ZHANG, "2026-04-11"))["decision"].due == dt.date(2026, 6, 18)


def test_extension_of_the_decision_period_once_by_the_head() -> None:
    case = filed_case()
    refused(case, "extend_decision", ZHANG, "2026-05-01", "负责人")
    extended = step(case, "extend_decision", WANG, "2026-05-01")
    refused(extended, "extend_decision", WANG, "2026-05-02", "集体讨论")


def served_with_fine(fine: str = "10000") -> Case:
    case = notified_case(hearing=False)
    case = step(case, "decide", WANG, "2026-05-11", kind="penalty", fine=Decimal(fine))
    return step(case, "serve_decision", ZHANG, "2026-05-13")  # payment due 5-28


def test_late_fee_is_three_percent_a_day_capped_at_the_fine() -> None:
    case = served_with_fine()
    cal = WorkCalendar()
    assert amount_due(case, dt.date(2026, 5, 28), cal) == (
        Decimal("10000"),
        Decimal("0.00"),
        Decimal("10000.00"),
    )
    # 3 days late: 3 % × 10,000 × 3 = 900
    assert amount_due(case, dt.date(2026, 5, 31), cal)[1] == Decimal("900.00")
    # 40 days late would be 12,000: capped at the fine
    assert amount_due(case, dt.date(2026, 7, 7), cal)[1] == Decimal("10000.00")
    paid = step(case, "record_payment", ZHANG, "2026-05-31", amount=Decimal("10000"))
    assert amount_due(paid, dt.date(2026, 6, 30), cal) == (
        Decimal("0"),
        Decimal("900.00"),
        Decimal("900.00"),
    )
    refused(paid, "close", WANG, "2026-06-01", "尚欠900.00元")
    refused(paid, "record_payment", ZHANG, "2026-06-01", "超出应缴总额", amount=Decimal("1000"))
    settled = step(paid, "record_payment", ZHANG, "2026-06-01", amount=Decimal("900"))
    assert step(settled, "close", WANG, "2026-06-02").status is S.CLOSED


def test_reminder_and_court_application_order() -> None:
    case = served_with_fine()
    refused(case, "serve_reminder", ZHANG, "2026-05-28", "缴款期限届满后")
    reminded = step(case, "serve_reminder", ZHANG, "2026-06-01")
    refused(reminded, "apply_to_court", ZHANG, "2026-06-12", "十个工作日")
    # 行政强制法 Art 53: not before the 诉讼 period (6 months from 5-13) has run out unused
    refused(reminded, "apply_to_court", ZHANG, "2026-06-16", "行政强制法第五十三条")
    refused(reminded, "apply_to_court", ZHANG, "2026-11-13", "自2026年11月14日起")
    applied = step(reminded, "apply_to_court", ZHANG, "2026-11-16")
    assert applied.procedure.court_applied_on == dt.date(2026, 11, 16)
    assert step(applied, "close", WANG, "2026-11-17").status is S.CLOSED
    refused(served_with_fine(), "apply_to_court", ZHANG, "2026-06-16", "不能申请强制执行")


def test_closing_needs_the_head_and_served_decision() -> None:
    case = notified_case(hearing=False)
    decided = step(case, "decide", WANG, "2026-05-11", kind="penalty", fine=Decimal("100"))
    refused(decided, "close", WANG, "2026-05-12", "决定书尚未送达")
    served = step(decided, "serve_decision", ZHANG, "2026-05-13")
    refused(served, "close", ZHANG, "2026-05-14", "负责人")


def test_transfer_refer_and_their_closure() -> None:
    transferred = step(new_case(), "transfer", ZHANG, "2026-03-05", to="杭州市滨江区市场监督管理局")
    assert transferred.procedure.transferred_to == "杭州市滨江区市场监督管理局"
    refused(new_case(), "transfer", ZHANG, "2026-03-05", "移送的机关", to="")
    assert step(transferred, "close", WANG, "2026-03-06").status is S.CLOSED
    refused(new_case(), "refer", ZHANG, "2026-03-05", "不能移送司法机关")
    investigating = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    refused(investigating, "refer", ZHANG, "2026-03-20", "须经负责人批准")


def test_stage_bar_positions() -> None:
    assert stage_index(S.CLUE) == 0 and stage_index(S.VERIFYING) == 0
    assert stage_index(S.UNDER_REVIEW) == stage_index(S.INVESTIGATING) == 2
    assert stage_index(S.ARCHIVED) == stage_index(S.CLOSED) == 7


def test_procedure_survives_a_json_round_trip() -> None:
    from lcregulator.domain.procedure import Procedure

    case = step(
        served_with_fine(), "record_payment", ZHANG, "2026-05-20", amount=Decimal("2500.50")
    )
    data = case.procedure.to_json()
    assert Procedure.from_json(data) == case.procedure


def referred_case() -> Case:
    case = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    case.procedure.referral_screening = {"conduct": "substandard_products", "indicated": True}
    case = step(case, "referral_team", ZHANG, "2026-03-12", officer_ids=[1, 2])
    case = step(case, "referral_report", ZHANG, "2026-03-12")
    case = step(case, "referral_decide", WANG, "2026-03-13", approve=True)
    return step(case, "refer", ZHANG, "2026-03-14")


def test_referral_team_report_decision_and_transfer() -> None:
    from lcregulator.domain.workflow import deadlines_of

    case = step(filed_case(), "start_investigation", ZHANG, "2026-03-11")
    refused(case, "referral_team", ZHANG, "2026-03-12", "二名或者二名以上", officer_ids=[1, 5])
    refused(case, "referral_report", ZHANG, "2026-03-12", "专案组")
    case = step(case, "referral_team", ZHANG, "2026-03-12", officer_ids=[1, 2])
    refused(case, "referral_report", ZHANG, "2026-03-12", "追诉标准")
    case.procedure.referral_screening = {"conduct": "substandard_products", "indicated": True}
    reported = step(case, "referral_report", ZHANG, "2026-03-12")
    refused(reported, "referral_decide", ZHANG, "2026-03-13", "负责人", approve=True)
    refused(reported, "referral_decide", WANG, "2026-03-13", "理由记录在案", approve=False)
    declined = step(
        reported, "referral_decide", WANG, "2026-03-13", approve=False, reason="证据不足"
    )
    assert declined.procedure.referral_decision == "refused"
    refused(declined, "refer", ZHANG, "2026-03-14", "须经负责人批准")
    _, late = run("referral_decide", reported, ctx(WANG, "2026-03-16"), approve=True)
    assert "超过三日" in late.warnings[0]  # reported 3-12: three days end 3-15
    referred = referred_case()
    assert referred.status is S.REFERRED
    assert referred.procedure.referral_transferred_on == dt.date(2026, 3, 14)
    clocks = deadlines_of(referred, ctx(ZHANG, "2026-03-14"))
    assert clocks["referral_decision"].due == dt.date(2026, 3, 15)  # a Sunday: not extended
    assert clocks["referral_transfer"].due == dt.date(2026, 3, 14)
    assert clocks["police_acceptance"].due == dt.date(2026, 3, 17)
    approved = step(reported, "referral_decide", WANG, "2026-03-13", approve=True)
    _, slow = run("refer", approved, ctx(ZHANG, "2026-03-16"))
    assert "二十四小时" in slow.warnings[0]


def test_police_refusal_reconsideration_procuratorate_and_resumption() -> None:
    referred = referred_case()
    refused(referred, "referral_reconsideration", ZHANG, "2026-03-16", "没有作出不予立案")
    refused(referred, "close", WANG, "2026-03-16", "尚未立案")
    declined = step(referred, "police_decision", ZHANG, "2026-03-17", accepted=False)
    refused(declined, "referral_reconsideration", ZHANG, "2026-03-21", "三日内")
    asked = step(declined, "referral_reconsideration", ZHANG, "2026-03-20")
    upheld = step(asked, "reconsideration_result", ZHANG, "2026-03-23", upheld=True)
    supervised = step(upheld, "procuratorate", ZHANG, "2026-03-25")
    assert supervised.procedure.procuratorate_on == dt.date(2026, 3, 25)
    resumed = step(supervised, "resume_administrative", ZHANG, "2026-04-10")
    assert resumed.status is S.INVESTIGATING
    accepted = step(referred, "police_decision", ZHANG, "2026-03-16", accepted=True)
    refused(accepted, "resume_administrative", ZHANG, "2026-03-17", "不能恢复行政处理")
    assert step(accepted, "close", WANG, "2026-03-18").status is S.CLOSED
    reversed_ = step(asked, "reconsideration_result", ZHANG, "2026-03-23", upheld=False)
    assert reversed_.procedure.police_decision == "accepted"


def test_late_fee_pauses_during_review_and_runs_on_the_unpaid_balance() -> None:
    """行政处罚法 Art 73(3): 加处罚款 is not counted while 复议 or 诉讼 is pending; it is 3 % of
    what is still unpaid (payment due 5-28)."""
    case = served_with_fine()
    cal = WorkCalendar()
    half = step(case, "record_payment", ZHANG, "2026-05-29", amount=Decimal("5300"))
    # 5-29: 3 % of 10,000 (paid that day, counted from the next); 5-30 and 5-31: 3 % of 4,700
    assert amount_due(half, dt.date(2026, 5, 31), cal)[1] == Decimal("300") + Decimal("141") * 2
    review = step(case, "record_review_or_litigation", ZHANG, "2026-05-30")
    # 5-29 counted; from 5-30 the review is pending: nothing more accrues
    assert amount_due(review, dt.date(2026, 6, 30), cal)[1] == Decimal("300.00")
    ended = step(
        review, "record_review_or_litigation", ZHANG, "2026-06-10", end=dt.date(2026, 6, 9)
    )
    assert amount_due(ended, dt.date(2026, 6, 11), cal)[1] == Decimal("900.00")
    refused(ended, "apply_to_court", ZHANG, "2026-11-16", "不能申请强制执行")
