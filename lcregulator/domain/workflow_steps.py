"""Every workflow step, declared once (DESIGN §4): where it starts, where it leads, who takes it.

A ``Step`` names the command that carries it out (``domain.workflow``), the stages it may be
taken from and the stages it may lead to, the officers who may take it, its guard — a pure
function of the case's facts that returns the Chinese reason the step is not allowed yet —,
its typed inputs with their defaults from the case, and the document it calls for. The
workflow engine refuses a step or a stage change this table does not declare; the services
check roles from it; the case window builds 办案操作 and each step's form from it.

Guards here read only what the case holds. What also needs the date, the calendar or the
officers' records (deadlines, two officers holding 执法证, amounts due on a date) stays in the
command, which runs after the guard.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from types import MappingProxyType
from typing import Any

from .authority import OfficerRole
from .cases import Case, CaseStatus

S = CaseStatus
SUSPENDABLE = (S.FILED, S.INVESTIGATING, S.CONCLUDED, S.UNDER_REVIEW, S.NOTIFIED)
REFERRABLE = (
    S.FILED,
    S.INVESTIGATING,
    S.CONCLUDED,
    S.UNDER_REVIEW,
    S.NOTIFIED,
    S.DECIDED,
    S.SERVED,
    S.EXECUTING,
)


class InputKind(Enum):
    TEXT = "text"
    FLAG = "flag"  # a tick box
    MONEY = "money"  # yuan, at most two decimals
    DOCUMENT = "document"  # one of the case's issued documents, as 文书名称（文号）
    OFFICERS = "officers"  # officer ids, taken from the case (not typed)
    DATE = "date"


@dataclass(frozen=True)
class CaseFacts:
    """What a step's defaults read beyond the case itself (the services look them up)."""

    next_case_number: str = ""
    issued: tuple[tuple[str, str], ...] = ()  # (document kind, 文书名称（文号）), oldest first


Default = Callable[[Case, CaseFacts], Any]
Guard = Callable[[Case], "str | None"]


@dataclass(frozen=True)
class StepInput:
    name: str  # the command's keyword argument
    kind: InputKind
    label: str
    required: bool = True
    default: Default | None = None
    documents: tuple[str, ...] = ()  # DOCUMENT: the kinds offered, newest first


@dataclass(frozen=True)
class Step:
    id: str
    label: str  # as the 办案操作 menu shows it
    command: str  # the ``domain.workflow`` command that carries it out
    what: str  # in "案件处于…阶段，不能{what}"
    from_statuses: tuple[CaseStatus, ...]
    to_statuses: tuple[CaseStatus, ...] = ()  # empty: the case stays where it is
    fixed: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))
    inputs: tuple[StepInput, ...] = ()
    guard: Guard | None = None
    document: str = ""  # the document the step calls for (its Chinese name)
    roles: tuple[OfficerRole, ...] = (OfficerRole.HANDLER,)
    approval: str = ""  # the approval a 负责人 or 审核人员 gives, as the refusal names it
    irreversible: bool = False  # asks for confirmation: it cannot be taken back
    competence: bool = False  # needs a reason when the 管辖 analysis finds no competence
    offered: bool = True  # in the case window's 办案操作 menu
    long: bool = False  # binds or copies files (the 卷宗): the window runs it off the UI thread
    # for two steps sharing a command and its fixed arguments: which call is this one's
    when: Callable[[Mapping[str, object]], bool] | None = None

    def refusal(self, case: Case) -> str | None:
        """Why the step cannot be taken on ``case`` now (stage, then the guard), or None."""
        if case.status not in self.from_statuses:
            allowed = "、".join(s.label for s in self.from_statuses)
            return f"案件处于“{case.status.label}”阶段，不能{self.what}（应处于：{allowed}）。"
        return self.guard(case) if self.guard else None

    def leads_to(self, before: CaseStatus, after: CaseStatus) -> bool:
        return after in self.to_statuses if self.to_statuses else after is before

    def role_refusal(self, name: str, roles: frozenset[OfficerRole]) -> str | None:
        """Why an officer holding ``roles`` may not take the step (the approval it needs)."""
        if OfficerRole.HEAD in self.roles and OfficerRole.HEAD not in roles:
            return f"{self.approval}须由负责人批准，当前执法人员{name}不是负责人。"
        if OfficerRole.REVIEWER in self.roles and OfficerRole.REVIEWER not in roles:
            return f"{self.approval}须由审核人员完成。"
        return None


# --- what the law requires of a case, from its facts -----------------------------------------


def required_by_law(case: Case) -> dict[str, str]:
    """The reviews and rights the law sets for this case, each with the reason, by step input.

    From the saved penalty assessments: a hearing right (行政处罚法 Art 63) and 法制审核
    (Art 58 ¶1) where an assessment found them (the bureau's own 法制审核 list is one of the
    assessment's inputs, 程序规定 Art 50); and 法制审核 once a hearing was held (Art 58 ¶1(2)).
    An officer may add a requirement, never drop one of these.
    """
    results = [v.assessment.result for v in case.violations if v.assessment]
    out: dict[str, str] = {}
    if any(r.get("hearing_right") for r in results):
        out["hearing_right"] = "处罚裁量结果：当事人有权要求听证（行政处罚法第六十三条）"
    if any(r.get("legal_review_required") for r in results):
        out["legal_review_required"] = "处罚裁量结果：须法制审核（行政处罚法第五十八条）"
    if case.procedure.hearing_held_on is not None:
        out["legal_review_required"] = (
            "已经听证程序，须法制审核（行政处罚法第五十八条第一款第二项）"
        )
    return out


def assessed_fine(case: Case, _facts: CaseFacts | None = None) -> Decimal | None:
    """The fines the officer chose in the 处罚裁量 of each violation, added up."""
    fines = [
        v.assessment.proposed_fine
        for v in case.violations
        if v.assessment and v.assessment.proposed_fine is not None
    ]
    return sum(fines, Decimal(0)) if fines else None


def _by_law(name: str) -> Default:
    return lambda case, _facts: name in required_by_law(case) or None


def _newest(kinds: tuple[str, ...]) -> Callable[[Case, CaseFacts], str | None]:
    def pick(_case: Case, facts: CaseFacts) -> str | None:
        found = [text for kind, text in facts.issued if kind in kinds]
        return found[-1] if found else None

    return pick


def _decision_served(case: Case, facts: CaseFacts) -> str | None:
    """The newest 决定书 of the kind decided (a 不予行政处罚决定书 for a no-penalty decision)."""
    kinds = {"penalty": ("penalty_decision",), "no_penalty": ("no_penalty_decision",)}
    return _newest(kinds.get(case.procedure.decision_kind or "", DECISION_KINDS))(case, facts)


def _need(condition: bool, reason: str) -> str | None:
    return None if condition else reason


def _first(*checks: Callable[[Case], str | None]) -> Guard:
    def guard(case: Case) -> str | None:
        return next((r for check in checks if (r := check(case)) is not None), None)

    return guard


def _close_guard(case: Case) -> str | None:
    p = case.procedure
    if case.status is S.REFERRED and p.police_decision != "accepted":
        return (
            "移送后公安机关尚未立案；不予立案的，应当恢复行政处理（移送涉嫌犯罪案件的规定第十条）。"
        )
    if case.status is S.DECIDED and p.decision_kind != "revoke":
        return "决定书尚未送达，不能结案。"
    return None


def _review_pending(case: Case) -> bool:
    """A 行政复议 or 行政诉讼 is under way (加处罚款 is not counted meanwhile, Art 73(3))."""
    periods = case.procedure.review_or_litigation
    return bool(periods) and periods[-1].end is None


def _police_refused(reason: str) -> Guard:
    return lambda case: _need(case.procedure.police_decision == "refused", reason)


HEAD = (OfficerRole.HEAD,)
NOTICE_KINDS = ("penalty_notice",)
DECISION_KINDS = ("penalty_decision", "no_penalty_decision")


def _fixed(**values: object) -> Mapping[str, object]:
    return MappingProxyType(values)


def _text(name: str, label: str, required: bool = True) -> StepInput:
    return StepInput(name, InputKind.TEXT, label, required)


STEPS: tuple[Step, ...] = (
    Step(
        "start_verification",
        "开始核查",
        "start_verification",
        "开始核查",
        (S.CLUE,),
        (S.VERIFYING,),
        document="案件来源登记表",
    ),
    Step(
        "file",
        "批准立案…",
        "file",
        "立案",
        (S.CLUE, S.VERIFYING),
        (S.FILED,),
        inputs=(
            StepInput(
                "case_number",
                InputKind.TEXT,
                "立案编号",
                default=lambda _case, facts: facts.next_case_number or None,
            ),
        ),
        document="立案审批表",
        roles=HEAD,
        approval="立案",
        irreversible=True,
        competence=True,
    ),
    Step(
        "decline",
        "不予立案…",
        "decline",
        "决定不予立案",
        (S.CLUE, S.VERIFYING),
        (S.NOT_FILED,),
        inputs=(_text("reason", "不予立案理由"),),
        document="不予立案审批表",
        roles=HEAD,
        approval="不予立案",
        irreversible=True,
    ),
    Step(
        "extend_filing",
        "延长立案期限",
        "extend_filing",
        "延长立案期限",
        (S.CLUE, S.VERIFYING),
        guard=lambda case: _need(
            not case.procedure.filing_extended,
            "立案期限已经延长过一次（程序规定第十八条：延长十五个工作日）。",
        ),
        roles=HEAD,
        approval="延长立案期限",
    ),
    Step(
        "start_investigation",
        "开始调查取证",
        "start_investigation",
        "开始调查",
        (S.FILED,),
        (S.INVESTIGATING,),
    ),
    Step(
        "suspend",
        "中止…",
        "suspend",
        "中止",
        SUSPENDABLE,
        (S.SUSPENDED,),
        inputs=(_text("reason", "中止原因"),),
    ),
    Step("resume", "恢复办理", "resume", "恢复", (S.SUSPENDED,), SUSPENDABLE),
    Step(
        "extend_decision",
        "延长办案期限三十日",
        "extend_decision",
        "延长办案期限",
        SUSPENDABLE,
        guard=lambda case: _need(
            not case.procedure.decision_extended,
            "办案期限已延长三十日；再延长须经负责人集体讨论（程序规定第六十四条）。",
        ),
        roles=HEAD,
        approval="延长办案期限",
    ),
    Step(
        "conclude",
        "调查终结",
        "conclude",
        "调查终结",
        (S.INVESTIGATING,),
        (S.CONCLUDED,),
        guard=_first(
            lambda case: _need(bool(case.parties), "调查终结前须列明当事人。"),
            lambda case: _need(bool(case.violations), "调查终结前须列明违法行为及所违反的条款。"),
        ),
        document="案件调查终结报告",
    ),
    Step(
        "submit_review",
        "送审核…",
        "submit_review",
        "送审核",
        (S.CONCLUDED,),
        (S.UNDER_REVIEW,),
        inputs=(
            StepInput(
                "legal_review_required",
                InputKind.FLAG,
                "须法制审核（行政处罚法第五十八条）",
                default=_by_law("legal_review_required"),
            ),
            StepInput(
                "collective_discussion_required",
                InputKind.FLAG,
                "须集体讨论（第五十七条第二款）",
            ),
        ),
        document="案件审核表",
    ),
    Step(
        "record_legal_review",
        "记录法制审核",
        "record_legal_review",
        "记录法制审核",
        (S.UNDER_REVIEW, S.NOTIFIED),
        document="法制审核表",
        roles=(OfficerRole.REVIEWER,),
        approval="法制审核",
    ),
    Step(
        "record_collective_discussion",
        "记录集体讨论",
        "record_collective_discussion",
        "记录集体讨论",
        (S.UNDER_REVIEW, S.NOTIFIED),
        roles=HEAD,
        approval="集体讨论记录",
    ),
    Step(
        "serve_notice",
        "送达行政处罚告知书…",
        "serve_notice",
        "送达行政处罚告知书",
        (S.UNDER_REVIEW,),
        (S.NOTIFIED,),
        inputs=(
            StepInput(
                "hearing_right", InputKind.FLAG, "告知听证权利", default=_by_law("hearing_right")
            ),
            StepInput(
                "document",
                InputKind.DOCUMENT,
                "送达的告知书",
                required=False,
                default=_newest(NOTICE_KINDS),
                documents=NOTICE_KINDS,
            ),
        ),
        document="行政处罚告知书",
    ),
    Step(
        "record_statement",
        "记录陈述、申辩",
        "record_statement",
        "记录陈述、申辩",
        (S.NOTIFIED,),
    ),
    Step(
        "request_hearing",
        "记录听证申请",
        "request_hearing",
        "记录听证申请",
        (S.NOTIFIED,),
        guard=lambda case: _need(
            case.procedure.hearing_right, "告知书未告知听证权利，不能记录听证申请。"
        ),
    ),
    Step(
        "record_hearing",
        "记录听证",
        "record_hearing",
        "记录听证",
        (S.NOTIFIED,),
        guard=lambda case: _need(
            case.procedure.hearing_requested_on is not None, "当事人没有要求听证。"
        ),
        document="听证笔录",
    ),
    Step(
        "decide_penalty",
        "作出行政处罚决定…",
        "decide",
        "作出行政处罚决定（须先送达告知书）",
        (S.NOTIFIED,),
        (S.DECIDED,),
        fixed=_fixed(kind="penalty"),
        inputs=(StepInput("fine", InputKind.MONEY, "罚款金额（元）", default=assessed_fine),),
        document="行政处罚决定书",
        roles=HEAD,
        approval="作出决定",
        irreversible=True,
        competence=True,
    ),
    Step(
        "decide_no_penalty",
        "作出不予行政处罚决定",
        "decide",
        "作出不予行政处罚决定",
        (S.CONCLUDED, S.UNDER_REVIEW, S.NOTIFIED),
        (S.DECIDED,),
        fixed=_fixed(kind="no_penalty"),
        document="不予行政处罚决定书",
        roles=HEAD,
        approval="作出决定",
        irreversible=True,
        competence=True,
    ),
    Step(
        "decide_revoke",
        "撤销立案",
        "decide",
        "撤销立案",
        (S.FILED, S.INVESTIGATING, S.CONCLUDED, S.UNDER_REVIEW),
        (S.DECIDED,),
        fixed=_fixed(kind="revoke"),
        roles=HEAD,
        approval="作出决定",
        irreversible=True,
    ),
    Step(
        "serve_decision",
        "送达决定书…",
        "serve_decision",
        "送达决定书",
        (S.DECIDED,),
        (S.SERVED,),
        inputs=(
            StepInput(
                "document",
                InputKind.DOCUMENT,
                "送达的决定书",
                required=False,
                default=_decision_served,
                documents=DECISION_KINDS,
            ),
        ),
        guard=lambda case: _need(
            case.procedure.decision_kind != "revoke", "撤销立案无须送达决定书，可直接结案。"
        ),
        document="送达回证",
    ),
    Step(
        "record_publicity",
        "记录信息公示",
        "record_publicity",
        "记录信息公示",
        (S.DECIDED, S.SERVED, S.EXECUTING, S.CLOSED),
    ),
    Step(
        "record_payment",
        "记录缴款…",
        "record_payment",
        "记录缴款",
        (S.SERVED, S.EXECUTING),
        (S.EXECUTING,),
        inputs=(StepInput("amount", InputKind.MONEY, "缴款金额（元）"),),
        guard=lambda case: _need(bool(case.procedure.fine), "本案没有罚款。"),
    ),
    Step(
        "serve_reminder",
        "送达催告书",
        "serve_reminder",
        "催告",
        (S.SERVED, S.EXECUTING),
        (S.EXECUTING,),
        document="催告书",
    ),
    Step(
        "apply_to_court",
        "申请人民法院强制执行",
        "apply_to_court",
        "申请强制执行",
        (S.EXECUTING,),
        guard=_first(
            lambda case: _need(
                case.procedure.reminder_served_on is not None,
                "申请人民法院强制执行前须先催告（行政强制法第五十四条）。",
            ),
            lambda case: _need(
                not case.procedure.review_or_litigation,
                "当事人已申请行政复议或者提起行政诉讼，应当依复议决定或者裁判执行（行政强制法第五十三条）。",
            ),
        ),
        document="强制执行申请书",
    ),
    Step(
        "review_started",
        "记录：申请行政复议或者提起行政诉讼",
        "record_review_or_litigation",
        "记录行政复议或者行政诉讼",
        (S.SERVED, S.EXECUTING),
        guard=lambda case: _need(not _review_pending(case), "已有尚未结束的行政复议或者行政诉讼。"),
        when=lambda arguments: arguments.get("end") is None,
    ),
    Step(
        "review_ended",
        "记录：行政复议或者行政诉讼结束…",
        "record_review_or_litigation",
        "记录行政复议或者行政诉讼",
        (S.SERVED, S.EXECUTING),
        inputs=(StepInput("end", InputKind.DATE, "结束日期"),),
        guard=lambda case: _need(_review_pending(case), "没有尚未结束的行政复议或者行政诉讼。"),
        when=lambda arguments: arguments.get("end") is not None,
    ),
    Step(
        "transfer",
        "移送…",
        "transfer",
        "移送",
        (S.CLUE, S.VERIFYING, S.FILED, S.INVESTIGATING),
        (S.TRANSFERRED,),
        inputs=(_text("to", "移送机关"),),
        document="案件移送函",
        irreversible=True,
    ),
    Step(
        "referral_team",
        "组成移送专案组（本案承办人员）",
        "referral_team",
        "组成移送专案组",
        REFERRABLE,
        inputs=(
            StepInput(
                "officer_ids",
                InputKind.OFFICERS,
                "专案组成员",
                default=lambda case, _facts: [int(i) for i in case.officer_ids],
            ),
        ),
    ),
    Step(
        "referral_report",
        "提交涉嫌犯罪案件调查报告",
        "referral_report",
        "提交移送调查报告",
        REFERRABLE,
        guard=_first(
            lambda case: _need(
                len(case.procedure.referral_team) >= 2, "请先组成二人以上的专案组。"
            ),
            lambda case: _need(
                case.procedure.referral_screening is not None,
                "请先在“移送司法”中录入涉案数额并核对追诉标准。",
            ),
        ),
        document="涉嫌犯罪案件情况的调查报告",
    ),
    Step(
        "referral_approve",
        "批准移送",
        "referral_decide",
        "决定是否移送",
        REFERRABLE,
        fixed=_fixed(approve=True),
        guard=lambda case: _need(
            case.procedure.referral_report_on is not None, "专案组尚未提交调查报告。"
        ),
        roles=HEAD,
        approval="是否移送",
        irreversible=True,
    ),
    Step(
        "referral_refuse",
        "不批准移送…",
        "referral_decide",
        "决定是否移送",
        REFERRABLE,
        fixed=_fixed(approve=False),
        inputs=(_text("reason", "不批准的理由"),),
        guard=lambda case: _need(
            case.procedure.referral_report_on is not None, "专案组尚未提交调查报告。"
        ),
        roles=HEAD,
        approval="是否移送",
        irreversible=True,
    ),
    Step(
        "refer",
        "移送公安机关",
        "refer",
        "移送司法机关",
        REFERRABLE,
        (S.REFERRED,),
        guard=lambda case: _need(
            case.procedure.referral_decision == "approved",
            "移送须经负责人批准（移送涉嫌犯罪案件的规定第五条）。",
        ),
        document="涉嫌犯罪案件移送书",
        irreversible=True,
    ),
    Step(
        "police_accepted",
        "记录：公安机关立案",
        "police_decision",
        "记录公安机关立案决定",
        (S.REFERRED,),
        fixed=_fixed(accepted=True),
    ),
    Step(
        "police_refused",
        "记录：公安机关不予立案",
        "police_decision",
        "记录公安机关立案决定",
        (S.REFERRED,),
        fixed=_fixed(accepted=False),
    ),
    Step(
        "referral_reconsideration",
        "提请公安机关复议",
        "referral_reconsideration",
        "提请复议",
        (S.REFERRED,),
        guard=_police_refused("公安机关没有作出不予立案的决定。"),
    ),
    Step(
        "reconsideration_upheld",
        "记录：复议维持不予立案",
        "reconsideration_result",
        "记录复议结果",
        (S.REFERRED,),
        fixed=_fixed(upheld=True),
        guard=lambda case: _need(
            case.procedure.reconsideration_requested_on is not None, "尚未提请复议。"
        ),
    ),
    Step(
        "reconsideration_reversed",
        "记录：复议后立案",
        "reconsideration_result",
        "记录复议结果",
        (S.REFERRED,),
        fixed=_fixed(upheld=False),
        guard=lambda case: _need(
            case.procedure.reconsideration_requested_on is not None, "尚未提请复议。"
        ),
    ),
    Step(
        "procuratorate",
        "建议人民检察院立案监督",
        "procuratorate",
        "建议人民检察院立案监督",
        (S.REFERRED,),
        guard=_police_refused("只有公安机关不予立案的，才建议人民检察院立案监督。"),
    ),
    Step(
        "resume_administrative",
        "恢复行政处理",
        "resume_administrative",
        "恢复行政处理",
        (S.REFERRED,),
        REFERRABLE,
        guard=_police_refused("公安机关立案的，不能恢复行政处理。"),
    ),
    Step(
        "close",
        "批准结案",
        "close",
        "结案",
        (S.DECIDED, S.SERVED, S.EXECUTING, S.NOT_FILED, S.TRANSFERRED, S.REFERRED),
        (S.CLOSED,),
        guard=_close_guard,
        document="结案审批表",
        roles=HEAD,
        approval="结案",
        irreversible=True,
    ),
    Step(
        "archive",
        "归档（装订卷宗）…",
        "archive",
        "归档",
        (S.CLOSED,),
        (S.ARCHIVED,),
        inputs=(_text("retention", "保管期限（永久、30年或10年，空白为30年）", required=False),),
        irreversible=True,
        long=True,
    ),
)

BY_ID: dict[str, Step] = {s.id: s for s in STEPS}


def step(step_id: str) -> Step:
    return BY_ID[step_id]


def step_for(command: str, arguments: Mapping[str, object]) -> Step | None:
    """The declared step a command call carries out: same command, same fixed arguments
    (and, where two steps share both, the one whose ``when`` accepts the call)."""
    for s in STEPS:
        fixed = all(arguments.get(k) == v for k, v in s.fixed.items())
        if s.command == command and fixed and (s.when is None or s.when(arguments)):
            return s
    return None


def offered(status: CaseStatus) -> list[Step]:
    """The steps the case window offers at ``status``, in the order declared."""
    return [s for s in STEPS if s.offered and status in s.from_statuses]


def approvals() -> dict[str, str]:
    """command → the approval a 负责人 gives (立案, 作出决定 …)."""
    return {s.command: s.approval for s in STEPS if OfficerRole.HEAD in s.roles}


def reviews() -> dict[str, str]:
    """command → the review a 法制审核人员 records."""
    return {s.command: s.approval for s in STEPS if OfficerRole.REVIEWER in s.roles}


@dataclass(frozen=True)
class StepForm:
    """A step as the case needs it: its inputs, what they start with, and what the law fixes.

    ``locked`` maps an input to the reason the law sets it (ticked, not to be unticked)."""

    step: Step
    inputs: tuple[StepInput, ...]
    defaults: Mapping[str, Any]
    locked: Mapping[str, str]
    issued: tuple[tuple[str, str], ...] = ()  # the case's documents a DOCUMENT input offers


JURISDICTION_REASON = StepInput("jurisdiction_reason", InputKind.TEXT, "本局不具管辖权仍办理的理由")


def form(s: Step, case: Case, facts: CaseFacts, not_competent: tuple[str, ...] = ()) -> StepForm:
    """The form for step ``s`` on ``case``: defaults from the case, the law's requirements locked,
    and — where the 管辖 analysis names parties this bureau is not competent for — a required
    reason (or the officer transfers the case instead)."""
    defaults = {
        i.name: value
        for i in s.inputs
        if i.default is not None and (value := i.default(case, facts)) is not None
    }
    law = required_by_law(case)
    locked = {i.name: law[i.name] for i in s.inputs if i.name in law}
    inputs = s.inputs
    if s.competence and not_competent:
        inputs = (*inputs, JURISDICTION_REASON)
        locked[JURISDICTION_REASON.name] = (
            f"管辖分析认为本局对{'、'.join(not_competent)}不具有管辖权：应当移送有管辖权的机关"
            "（办案操作 → 移送），或者写明仍由本局办理的理由。"
        )
    return StepForm(s, inputs, MappingProxyType(defaults), MappingProxyType(locked), facts.issued)
