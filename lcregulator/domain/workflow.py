"""The case workflow (DESIGN §4): guarded transitions as pure commands.

Each command takes a case and returns a *new* case and a ``Change`` saying what moved; it
refuses with a Chinese message (``WorkflowError``) when the law does not allow the step yet.
Which stages a step is taken from and leads to, who takes it and what the case must hold
first are declared once in ``workflow_steps`` and checked by ``run`` before any command; the
commands keep the checks that also need the date, the calendar or the officers' records.
The guards are the procedural rules officers are judged on:
- filing needs two officers holding 执法证 (行政处罚法 Art 42; 程序规定 Art 19) and the
  负责人's approval (程序规定 Art 18);
- a penalty decision needs a served 告知书 and a statement period that has expired or been
  exercised (行政处罚法 Arts 44, 45, 62), a hearing held where one was requested (Art 64),
  法制审核 where Art 58 requires it and 集体讨论 for serious cases (Art 57 ¶2);
- only a 负责人 approves filing, decisions, extensions and closure;
- 加处罚款 is 3 % of the fine a day after the payment period, never more than the fine
  (行政处罚法 Art 72; 行政强制法 Art 45); a court application needs a 催告 and 10 working days
  (程序规定 Art 76); an archived case cannot change.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .authority import Officer
from .cases import Case, CaseStatus
from .deadlines import Deadline, Suspension, compute, late_fee
from .errors import DomainError, ReadOnlyError
from .formatting import chinese_date
from .procedure import Approval, Payment
from .workdays import WorkCalendar
from .workflow_steps import REFERRABLE as REFERRABLE  # re-exported: the stages and the
from .workflow_steps import SUSPENDABLE as SUSPENDABLE  # requirements are declared there
from .workflow_steps import required_by_law as required_by_law
from .workflow_steps import step_for

S = CaseStatus
LATE_FEE_RATE = Decimal("0.03")  # 行政处罚法 Art 72 ¶1(1): 每日按罚款数额的百分之三


class WorkflowError(DomainError):
    """The step is not allowed (yet); the message says why and what is missing."""


@dataclass(frozen=True)
class Change:
    command: str
    before: CaseStatus
    after: CaseStatus
    summary: str
    fields: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """Who acts, when, and what the guards need to know beyond the case."""

    actor: Officer
    on: dt.date
    today: dt.date
    officers: dict[int, Officer]
    calendar: WorkCalendar = field(default_factory=WorkCalendar)


def _need(condition: bool, message: str) -> None:
    if not condition:
        raise WorkflowError(message)


def _date_ok(case: Case, ctx: Context, after: dt.date | None, label: str) -> None:
    _need(ctx.on <= ctx.today, f"{label}日期不能晚于今天。")
    if after is not None:
        _need(
            ctx.on >= after, f"{label}日期（{chinese_date(ctx.on)}）不能早于{chinese_date(after)}。"
        )


def deadlines_of(case: Case, ctx: Context) -> dict[str, Deadline]:
    return {d.id: d for d in compute(case.procedure.dates(case.events()), ctx.calendar, ctx.today)}


def amount_due(case: Case, on: dt.date, cal: WorkCalendar) -> tuple[Decimal, Decimal, Decimal]:
    """(fine still unpaid, 加处罚款 accrued by ``on``, total) — the late fee is 3 % a day of the
    fine still unpaid, from the day after the payment deadline, not counted while a 复议 or 诉讼
    is pending (行政处罚法 Art 73(3)), never more than the fine (Art 72)."""
    p = case.procedure
    fine = p.fine or Decimal("0")
    if not fine or case.decision_served_on is None:
        return fine - p.paid(), Decimal("0"), fine - p.paid()
    due = {d.id: d for d in compute(p.dates(case.events()), cal)}.get("payment")
    assert due is not None
    fee = late_fee(
        fine,
        [(x.on, x.amount) for x in p.payments],
        due.due,
        on,
        tuple(p.review_or_litigation),
    ).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = fine + fee - p.paid()
    return max(fine - p.paid(), Decimal("0")), fee, max(total, Decimal("0"))


# --- commands ---------------------------------------------------------------------------------

Command = Callable[..., tuple[Case, Change]]
COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(fn: Command) -> Command:
        COMMANDS[name] = fn
        return fn

    return register


def run(name: str, case: Case, ctx: Context, **kwargs: Any) -> tuple[Case, Change]:
    """Apply a command to a copy of ``case``; the original is never touched.

    The step it carries out must be declared in ``workflow_steps``: that table says from which
    stages it may be taken, who may take it, what the case must already hold (its guard) and
    which stages it may lead to. A command that would move the case anywhere else is refused.
    """
    if case.read_only:
        raise ReadOnlyError("案件已归档，不能再变更。")
    declared = step_for(name, kwargs)
    if name not in COMMANDS or declared is None:
        raise WorkflowError(f"未知的办案操作：{name}")
    if case.status not in declared.from_statuses:  # the stage first, then who, then the facts
        raise WorkflowError(declared.refusal(case) or "")
    refusal = declared.role_refusal(ctx.actor.name, frozenset(ctx.actor.roles))
    refusal = refusal or declared.refusal(case)
    if refusal:
        raise WorkflowError(refusal)
    new, change = COMMANDS[name](copy.deepcopy(case), ctx, **kwargs)
    _need(
        declared.leads_to(case.status, new.status),
        f"“{declared.what}”不能使案件从“{case.status.label}”变为“{new.status.label}”。",
    )
    return new, change


def _change(case: Case, before: CaseStatus, name: str, summary: str, **fields: Any) -> Change:
    return Change(name, before, case.status, summary, fields)


@command("start_verification")
def start_verification(case: Case, ctx: Context) -> tuple[Case, Change]:
    before, case.status = case.status, S.VERIFYING
    return case, _change(case, before, "start_verification", "开始核查线索")


@command("extend_filing")
def extend_filing(case: Case, ctx: Context) -> tuple[Case, Change]:
    case.procedure.filing_extended = True
    case.procedure.approvals.append(Approval("extend_filing", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    return case, _change(
        case, case.status, "extend_filing", f"负责人{ctx.actor.name}批准延长立案期限十五个工作日"
    )


@command("file")
def file(case: Case, ctx: Context, case_number: str) -> tuple[Case, Change]:
    holders = [ctx.officers[int(i)] for i in case.officer_ids if int(i) in ctx.officers]
    enforcing = [o for o in holders if o.can_enforce]
    _need(
        len(enforcing) >= 2,
        f"立案须指定两名以上持有执法证的办案人员（行政处罚法第四十二条），现有{len(enforcing)}名。",
    )
    _need(bool(case_number.strip()), "请填写立案编号。")
    _date_ok(case, ctx, case.received_on, "立案")
    warnings = []
    due = deadlines_of(case, ctx).get("filing_decision")
    if due and ctx.on > due.due:
        warnings.append(f"立案决定晚于期限（{chinese_date(due.due)}，{due.basis.text}）。")
    before = case.status
    case.status, case.filed_on, case.case_number = S.FILED, ctx.on, case_number.strip()
    case.procedure.approvals.append(Approval("file", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    change = _change(
        case, before, "file", f"负责人{ctx.actor.name}批准立案，立案编号{case.case_number}"
    )
    return case, Change(**{**change.__dict__, "warnings": tuple(warnings)})


@command("decline")
def decline(case: Case, ctx: Context, reason: str) -> tuple[Case, Change]:
    _need(bool(reason.strip()), "请写明不予立案的理由（程序规定第二十条）。")
    _date_ok(case, ctx, case.received_on, "不予立案决定")
    before, case.status = case.status, S.NOT_FILED
    case.procedure.not_filed_reason = reason.strip()
    case.procedure.approvals.append(Approval("decline", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    return case, _change(
        case, before, "decline", f"负责人{ctx.actor.name}决定不予立案：{reason.strip()}"
    )


@command("start_investigation")
def start_investigation(case: Case, ctx: Context) -> tuple[Case, Change]:
    before, case.status = case.status, S.INVESTIGATING
    return case, _change(case, before, "start_investigation", "开始调查取证")


@command("suspend")
def suspend(case: Case, ctx: Context, reason: str) -> tuple[Case, Change]:
    _need(bool(reason.strip()), "请写明中止的原因（程序规定第四十六条）。")
    _date_ok(case, ctx, case.filed_on, "中止")
    before = case.status
    case.procedure.suspended_from = before.value
    case.procedure.suspensions.append(Suspension(ctx.on, None))
    case.status = S.SUSPENDED
    return case, _change(case, before, "suspend", f"案件中止：{reason.strip()}（期限停止计算）")


@command("resume")
def resume(case: Case, ctx: Context) -> tuple[Case, Change]:
    open_ = case.procedure.suspensions[-1]
    _date_ok(case, ctx, open_.start + dt.timedelta(days=1), "恢复")
    case.procedure.suspensions[-1] = Suspension(open_.start, ctx.on - dt.timedelta(days=1))
    before = case.status
    case.status = CaseStatus(case.procedure.suspended_from or S.INVESTIGATING.value)
    case.procedure.suspended_from = None
    days = case.procedure.suspensions[-1].days()
    return case, _change(case, before, "resume", f"案件恢复办理，中止{days}日不计入办案期限")


@command("extend_decision")
def extend_decision(case: Case, ctx: Context) -> tuple[Case, Change]:
    case.procedure.decision_extended = True
    case.procedure.approvals.append(Approval("extend_decision", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    return case, _change(
        case, case.status, "extend_decision", f"负责人{ctx.actor.name}批准延长办案期限三十日"
    )


@command("conclude")
def conclude(case: Case, ctx: Context) -> tuple[Case, Change]:
    before, case.status = case.status, S.CONCLUDED
    return case, _change(case, before, "conclude", "调查终结，提交审核")


@command("submit_review")
def submit_review(
    case: Case, ctx: Context, legal_review_required: bool, collective_discussion_required: bool
) -> tuple[Case, Change]:
    law = required_by_law(case)
    _need(
        legal_review_required or "legal_review_required" not in law,
        f"不能取消法制审核：{law.get('legal_review_required', '')}。",
    )
    before, case.status = case.status, S.UNDER_REVIEW
    case.procedure.legal_review_required = legal_review_required
    case.procedure.collective_discussion_required = collective_discussion_required
    parts = ["案件审核"]
    if legal_review_required:
        parts.append("法制审核（行政处罚法第五十八条）")
    if collective_discussion_required:
        parts.append("集体讨论（行政处罚法第五十七条第二款）")
    return case, _change(case, before, "submit_review", "送" + "、".join(parts))


@command("record_legal_review")
def record_legal_review(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.filed_on, "法制审核")
    case.procedure.legal_review_on = ctx.on
    return case, _change(case, case.status, "record_legal_review", f"{ctx.actor.name}完成法制审核")


@command("record_collective_discussion")
def record_collective_discussion(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.filed_on, "集体讨论")
    case.procedure.collective_discussion_on = ctx.on
    return case, _change(case, case.status, "record_collective_discussion", "负责人集体讨论决定")


@command("serve_notice")
def serve_notice(
    case: Case, ctx: Context, hearing_right: bool, document: str = ""
) -> tuple[Case, Change]:
    """``document``: the 告知书 served, as 文书名称（文号） (named in the timeline)."""
    law = required_by_law(case)
    _need(
        hearing_right or "hearing_right" not in law,
        f"告知书须告知听证权利：{law.get('hearing_right', '')}。",
    )
    _date_ok(case, ctx, case.filed_on, "告知书送达")
    before, case.status = case.status, S.NOTIFIED
    case.notice_served_on = ctx.on
    case.procedure.hearing_right = hearing_right
    extra = "，告知听证权利" if hearing_right else ""
    served = f"：{document.strip()}" if document.strip() else ""
    return case, _change(case, before, "serve_notice", f"送达行政处罚告知书{extra}{served}")


@command("record_statement")
def record_statement(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.notice_served_on, "陈述、申辩")
    case.procedure.statement_received_on = ctx.on
    return case, _change(
        case, case.status, "record_statement", "当事人提出陈述、申辩（或明确放弃）"
    )


@command("request_hearing")
def request_hearing(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.notice_served_on, "听证申请")
    due = deadlines_of(case, ctx)["hearing_request"]
    _need(
        ctx.on <= due.due,
        f"听证申请已逾期：应在{chinese_date(due.due)}前提出（{due.basis.text}），逾期视为放弃。",
    )
    case.procedure.hearing_requested_on = ctx.on
    return case, _change(case, case.status, "request_hearing", "当事人要求听证")


@command("record_hearing")
def record_hearing(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.procedure.hearing_requested_on, "听证")
    case.procedure.hearing_held_on = ctx.on
    case.procedure.legal_review_required = True  # 行政处罚法 Art 58 ¶1(2): 经过听证程序的
    return case, _change(case, case.status, "record_hearing", "举行听证")


DECISION_KINDS = {
    "penalty": "行政处罚决定",
    "no_penalty": "不予行政处罚决定",
    "revoke": "撤销立案决定",
}


@command("decide")
def decide(case: Case, ctx: Context, kind: str, fine: Decimal | None = None) -> tuple[Case, Change]:
    _need(kind in DECISION_KINDS, f"未知的决定类型：{kind}")
    p = case.procedure
    if kind == "penalty":
        dl = deadlines_of(case, ctx)
        statement = dl["statement_defence"]
        _need(
            p.statement_received_on is not None or ctx.on > statement.due,
            f"陈述、申辩期至{chinese_date(statement.due)}届满（{statement.basis.text}），当事人尚未陈述申辩，期满前不能作出处罚决定（行政处罚法第六十二条）。",
        )
        if p.hearing_right and p.hearing_requested_on is None and "hearing_request" in dl:
            # a statement made is not a hearing waived: the request period must run out
            _need(
                ctx.on > dl["hearing_request"].due,
                f"听证申请期至{chinese_date(dl['hearing_request'].due)}届满，期满前不能作出处罚决定。",
            )
        _need(
            p.hearing_requested_on is None or p.hearing_held_on is not None,
            "当事人要求听证，须举行听证后方可作出决定（行政处罚法第六十四条）。",
        )
        _need(fine is None or fine >= 0, "罚款金额不能为负数。")
    if kind != "revoke":
        _need(
            not (p.legal_review_required or "legal_review_required" in required_by_law(case))
            or (p.legal_review_on is not None and p.legal_review_on <= ctx.on),
            "本案须经法制审核（行政处罚法第五十八条），未经法制审核或者审核未通过的，不得作出决定。",
        )
        _need(
            not p.collective_discussion_required or p.collective_discussion_on is not None,
            "情节复杂或者重大违法行为给予行政处罚，须经负责人集体讨论决定（行政处罚法第五十七条第二款）。",
        )
    _date_ok(case, ctx, case.notice_served_on or case.filed_on, "决定")
    warnings = []
    due = deadlines_of(case, ctx).get("decision")
    if due and ctx.on > due.due:
        warnings.append(f"决定晚于办案期限（{chinese_date(due.due)}，{due.basis.text}）。")
    before, case.status = case.status, S.DECIDED
    case.decided_on = ctx.on
    p.decision_kind = kind
    p.fine = fine if kind == "penalty" else None
    p.approvals.append(Approval("decide", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    amount = f"，罚款人民币{fine}元" if kind == "penalty" and fine else ""
    change = _change(
        case, before, "decide", f"负责人{ctx.actor.name}作出{DECISION_KINDS[kind]}{amount}"
    )
    return case, Change(**{**change.__dict__, "warnings": tuple(warnings)})


@command("serve_decision")
def serve_decision(case: Case, ctx: Context, document: str = "") -> tuple[Case, Change]:
    """``document``: the 决定书 served, as 文书名称（文号） (named in the timeline)."""
    _date_ok(case, ctx, case.decided_on, "决定书送达")
    before, case.status = case.status, S.SERVED
    case.decision_served_on = ctx.on
    served = f"：{document.strip()}" if document.strip() else ""
    return case, _change(case, before, "serve_decision", f"送达决定书{served}")


@command("record_publicity")
def record_publicity(case: Case, ctx: Context) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.decided_on, "公示")
    case.procedure.published_on = ctx.on
    return case, _change(
        case, case.status, "record_publicity", "在国家企业信用信息公示系统公示行政处罚信息"
    )


@command("record_payment")
def record_payment(case: Case, ctx: Context, amount: Decimal) -> tuple[Case, Change]:
    _need(amount > 0, "缴款金额须大于零。")
    _date_ok(case, ctx, case.decision_served_on, "缴款")
    _, fee, total = amount_due(case, ctx.on, ctx.calendar)
    _need(amount <= total, f"缴款金额超出应缴总额（罚款余额及加处罚款合计{total}元）。")
    case.procedure.payments.append(Payment(ctx.on, amount))
    before, case.status = case.status, S.EXECUTING
    _, _, left = amount_due(case, ctx.on, ctx.calendar)
    note = f"，其中加处罚款{fee}元" if fee else ""
    return case, _change(case, before, "record_payment", f"收到缴款{amount}元{note}，尚欠{left}元")


@command("serve_reminder")
def serve_reminder(case: Case, ctx: Context) -> tuple[Case, Change]:
    due = deadlines_of(case, ctx).get("payment")
    _need(due is not None and ctx.on > due.due, "缴款期限届满后方可催告。")
    _, _, left = amount_due(case, ctx.on, ctx.calendar)
    _need(left > 0, "罚款已缴清，无须催告。")
    before, case.status = case.status, S.EXECUTING
    case.procedure.reminder_served_on = ctx.on
    return case, _change(case, before, "serve_reminder", f"送达催告书，尚欠{left}元")


@command("apply_to_court")
def apply_to_court(case: Case, ctx: Context) -> tuple[Case, Change]:
    due = deadlines_of(case, ctx)
    first, last = due["court_enforcement"], due.get("court_enforcement_last")
    _need(
        ctx.on >= first.due,
        f"行政复议、行政诉讼期限届满且催告满十个工作日后，自{chinese_date(first.due)}起方可申请人民法院强制执行（行政强制法第五十三条；程序规定第七十六条）。",
    )
    warnings = []
    if last is not None and ctx.on > last.due:
        warnings.append(
            f"申请期限已于{chinese_date(last.due)}届满（复议、诉讼期限届满之日起三个月内，行政强制法第五十三条），请说明逾期原因。"
        )
    case.procedure.court_applied_on = ctx.on
    change = _change(case, case.status, "apply_to_court", "申请人民法院强制执行")
    return case, Change(**{**change.__dict__, "warnings": tuple(warnings)})


@command("record_review_or_litigation")
def record_review_or_litigation(
    case: Case, ctx: Context, end: dt.date | None = None
) -> tuple[Case, Change]:
    """The party applied for 行政复议 or brought 行政诉讼 on ``ctx.on`` (or it ended, with
    ``end``): 加处罚款 is not counted meanwhile (行政处罚法 Art 73(3))."""
    _date_ok(case, ctx, case.decision_served_on, "复议或诉讼")
    periods = case.procedure.review_or_litigation
    if end is None:
        periods.append(Suspension(ctx.on, None))
        summary = "当事人申请行政复议或者提起行政诉讼，加处罚款暂停计算"
    else:
        _need(end >= periods[-1].start, "结束日期不能早于开始日期。")
        periods[-1] = Suspension(periods[-1].start, end)
        summary = "行政复议或者行政诉讼结束，加处罚款恢复计算"
    return case, _change(case, case.status, "record_review_or_litigation", summary)


@command("transfer")
def transfer(case: Case, ctx: Context, to: str) -> tuple[Case, Change]:
    _need(bool(to.strip()), "请写明移送的机关。")
    before, case.status = case.status, S.TRANSFERRED
    case.procedure.transferred_to = to.strip()
    return case, _change(case, before, "transfer", f"移送{to.strip()}")


MATERIALS = (
    ("letter", "涉嫌犯罪案件移送书"),
    ("report", "涉嫌犯罪案件情况的调查报告"),
    ("items", "涉案物品清单"),
    ("tests", "有关检验报告或者鉴定结论"),
    ("other", "其他有关涉嫌犯罪的材料"),
)


@command("referral_team")
def referral_team(case: Case, ctx: Context, officer_ids: list[int]) -> tuple[Case, Change]:
    members = [ctx.officers[i] for i in officer_ids if i in ctx.officers]
    _need(
        len([o for o in members if o.can_enforce]) >= 2,
        "应当指定二名或者二名以上行政执法人员组成专案组（移送涉嫌犯罪案件的规定第五条）。",
    )
    case.procedure.referral_team = [int(o.id) for o in members if o.id is not None]
    names = "、".join(o.name for o in members)
    return case, _change(case, case.status, "referral_team", f"组成移送专案组：{names}")


@command("referral_report")
def referral_report(case: Case, ctx: Context) -> tuple[Case, Change]:
    p = case.procedure
    _date_ok(case, ctx, case.filed_on, "报告")
    p.referral_report_on = ctx.on
    p.referral_decision = None
    return case, _change(
        case, case.status, "referral_report", "专案组提交涉嫌犯罪案件情况的调查报告，报请负责人审批"
    )


@command("referral_decide")
def referral_decide(
    case: Case, ctx: Context, approve: bool, reason: str = ""
) -> tuple[Case, Change]:
    p = case.procedure
    _date_ok(case, ctx, p.referral_report_on, "移送决定")
    if not approve:
        _need(
            bool(reason.strip()),
            "不批准移送的，应当将不予批准的理由记录在案（移送涉嫌犯罪案件的规定第五条）。",
        )
    warnings = []
    due = deadlines_of(case, ctx).get("referral_decision")
    if due and ctx.on > due.due:
        warnings.append(f"超过三日的审批期限（{chinese_date(due.due)}）。")
    p.referral_decision = "approved" if approve else "refused"
    p.referral_decision_on = ctx.on
    p.referral_refusal_reason = reason.strip()
    summary = f"负责人{ctx.actor.name}{'批准移送' if approve else '不批准移送：' + reason.strip()}"
    change = _change(case, case.status, "referral_decide", summary)
    return case, Change(**{**change.__dict__, "warnings": tuple(warnings)})


@command("refer")
def refer(case: Case, ctx: Context) -> tuple[Case, Change]:
    p = case.procedure
    _date_ok(case, ctx, p.referral_decision_on, "移送")
    warnings = []
    if p.referral_decision_on and (ctx.on - p.referral_decision_on).days > 1:
        warnings.append("批准后应当在二十四小时内移送同级公安机关。")
    before, case.status = case.status, S.REFERRED
    p.referral_transferred_on = ctx.on
    p.suspended_from = before.value
    summary = "涉嫌犯罪，移送公安机关（不得以行政处罚代替移送）"
    change = _change(case, before, "refer", summary)
    return case, Change(**{**change.__dict__, "warnings": tuple(warnings)})


@command("police_decision")
def police_decision(case: Case, ctx: Context, accepted: bool) -> tuple[Case, Change]:
    _date_ok(case, ctx, case.procedure.referral_transferred_on, "公安机关决定")
    case.procedure.police_decision = "accepted" if accepted else "refused"
    case.procedure.police_decision_on = ctx.on
    text = "公安机关决定立案" if accepted else "公安机关决定不予立案"
    return case, _change(case, case.status, "police_decision", text)


@command("referral_reconsideration")
def referral_reconsideration(case: Case, ctx: Context) -> tuple[Case, Change]:
    p = case.procedure
    due = deadlines_of(case, ctx)["referral_reconsideration"]
    _need(
        ctx.on <= due.due,
        f"提请复议应当在收到不予立案通知书后三日内（至{chinese_date(due.due)}）提出；逾期可以建议人民检察院依法进行立案监督。",
    )
    p.reconsideration_requested_on = ctx.on
    return case, _change(
        case, case.status, "referral_reconsideration", "对公安机关不予立案决定提请复议"
    )


@command("reconsideration_result")
def reconsideration_result(case: Case, ctx: Context, upheld: bool) -> tuple[Case, Change]:
    p = case.procedure
    _date_ok(case, ctx, p.reconsideration_requested_on, "复议决定")
    p.reconsideration_upheld = upheld
    p.reconsideration_decided_on = ctx.on
    if not upheld:
        p.police_decision, p.police_decision_on = "accepted", ctx.on
    text = "公安机关复议维持不予立案" if upheld else "公安机关复议后决定立案"
    return case, _change(case, case.status, "reconsideration_result", text)


@command("procuratorate")
def procuratorate(case: Case, ctx: Context) -> tuple[Case, Change]:
    p = case.procedure
    _date_ok(case, ctx, p.police_decision_on, "建议立案监督")
    p.procuratorate_on = ctx.on
    return case, _change(case, case.status, "procuratorate", "建议人民检察院依法进行立案监督")


@command("resume_administrative")
def resume_administrative(case: Case, ctx: Context) -> tuple[Case, Change]:
    """Police declined for good: the bureau decides the administrative case (310号 Art 10)."""
    p = case.procedure
    before = case.status
    case.status = CaseStatus(p.suspended_from or S.INVESTIGATING.value)
    p.suspended_from = None
    return case, _change(
        case,
        before,
        "resume_administrative",
        "公安机关不予立案，依法作出行政处理（移送涉嫌犯罪案件的规定第十条）",
    )


@command("close")
def close(case: Case, ctx: Context) -> tuple[Case, Change]:
    p = case.procedure
    if case.status in (S.SERVED, S.EXECUTING) and p.fine:
        _, _, left = amount_due(case, ctx.on, ctx.calendar)
        _need(
            left <= 0 or p.court_applied_on is not None,
            f"罚款及加处罚款尚欠{left}元，须缴清或者已申请人民法院强制执行后方可结案。",
        )
    _date_ok(case, ctx, case.decision_served_on or case.decided_on or case.received_on, "结案")
    before, case.status = case.status, S.CLOSED
    case.closed_on = ctx.on
    p.approvals.append(Approval("close", ctx.actor.id, ctx.on))  # type: ignore[arg-type]
    return case, _change(case, before, "close", f"负责人{ctx.actor.name}批准结案")


@command("archive")
def archive(case: Case, ctx: Context) -> tuple[Case, Change]:
    before, case.status = case.status, S.ARCHIVED
    return case, _change(case, before, "archive", "案卷归档（此后不能再修改）")


# --- what comes next ----------------------------------------------------------------------

NEXT_STEP: dict[CaseStatus, tuple[str, str]] = {
    S.CLUE: ("核查线索，决定是否立案", "案件来源登记表"),
    S.VERIFYING: ("报负责人批准立案或者不予立案", "立案审批表 / 不予立案审批表"),
    S.FILED: ("调查取证", "询问通知书、协助调查函"),
    S.INVESTIGATING: ("调查终结", "案件调查终结报告"),
    S.CONCLUDED: ("送案件审核、法制审核", "案件审核表 / 法制审核表"),
    S.UNDER_REVIEW: ("送达行政处罚告知书", "行政处罚告知书"),
    S.NOTIFIED: ("陈述申辩（听证）期满后作出决定", "行政处罚决定书"),
    S.DECIDED: ("送达决定书", "送达回证"),
    S.SERVED: ("督促履行，缴款", "—"),
    S.EXECUTING: ("执行完毕后报请结案", "结案审批表"),
    S.CLOSED: ("案卷归档", "—"),
    S.ARCHIVED: ("已归档", "—"),
    S.NOT_FILED: ("报请结案", "结案审批表"),
    S.SUSPENDED: ("中止原因消除后恢复办理", "—"),
    S.TRANSFERRED: ("报请结案", "案件移送函"),
    S.REFERRED: (
        "跟踪公安机关立案情况，三日内未立案的督促；不予立案的三日内提请复议",
        "涉嫌犯罪案件移送书、涉案物品清单",
    ),
}

STAGES: tuple[CaseStatus, ...] = (
    S.CLUE,
    S.FILED,
    S.INVESTIGATING,
    S.NOTIFIED,
    S.DECIDED,
    S.SERVED,
    S.EXECUTING,
    S.CLOSED,
)


def stage_index(status: CaseStatus) -> int:
    """Where a status sits on the stage bar 线索→立案→调查→告知→决定→送达→执行→结案."""
    mapping = {
        S.VERIFYING: S.CLUE,
        S.NOT_FILED: S.CLUE,
        S.CONCLUDED: S.INVESTIGATING,
        S.UNDER_REVIEW: S.INVESTIGATING,
        S.ARCHIVED: S.CLOSED,
        S.SUSPENDED: S.INVESTIGATING,
        S.TRANSFERRED: S.CLOSED,
        S.REFERRED: S.CLOSED,
    }
    return STAGES.index(mapping.get(status, status))
