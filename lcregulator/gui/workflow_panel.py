"""The stage bar of a case, its next legal step, the steps it allows now, and its deadlines.

Each step opens a small form (the date and what the step needs) and is run by the workflow
service; a refusal is shown in that form with the law's reason, and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import Case, CaseId, CaseStatus
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.workflow import NEXT_STEP, stage_index
from lcregulator.services import workflow
from lcregulator.services.context import AppContext

from .date_fields import from_qdate, to_qdate
from .field_errors import FieldErrors

S = CaseStatus


@dataclass(frozen=True)
class Step:
    id: str
    label: str
    command: str
    fixed: dict[str, object] = field(default_factory=dict)
    params: tuple[tuple[str, str, str], ...] = ()  # (name, label, kind: text|bool|money)


STEPS = {
    s.id: s
    for s in (
        Step("start_verification", "开始核查", "start_verification"),
        Step("file", "批准立案…", "file", params=(("case_number", "立案编号", "text"),)),
        Step("decline", "不予立案…", "decline", params=(("reason", "不予立案理由", "text"),)),
        Step("extend_filing", "延长立案期限", "extend_filing"),
        Step("start_investigation", "开始调查取证", "start_investigation"),
        Step("suspend", "中止…", "suspend", params=(("reason", "中止原因", "text"),)),
        Step("resume", "恢复办理", "resume"),
        Step("extend_decision", "延长办案期限三十日", "extend_decision"),
        Step("conclude", "调查终结", "conclude"),
        Step(
            "submit_review",
            "送审核…",
            "submit_review",
            params=(
                ("legal_review_required", "须法制审核（行政处罚法第五十八条）", "bool"),
                ("collective_discussion_required", "须集体讨论（第五十七条第二款）", "bool"),
            ),
        ),
        Step("record_legal_review", "记录法制审核", "record_legal_review"),
        Step("record_collective_discussion", "记录集体讨论", "record_collective_discussion"),
        Step(
            "serve_notice",
            "送达行政处罚告知书…",
            "serve_notice",
            params=(("hearing_right", "告知听证权利", "bool"),),
        ),
        Step("record_statement", "记录陈述、申辩", "record_statement"),
        Step("request_hearing", "记录听证申请", "request_hearing"),
        Step("record_hearing", "记录听证", "record_hearing"),
        Step(
            "decide_penalty",
            "作出行政处罚决定…",
            "decide",
            {"kind": "penalty"},
            (("fine", "罚款金额（元）", "money"),),
        ),
        Step("decide_no_penalty", "作出不予行政处罚决定", "decide", {"kind": "no_penalty"}),
        Step("decide_revoke", "撤销立案", "decide", {"kind": "revoke"}),
        Step("serve_decision", "送达决定书", "serve_decision"),
        Step("record_publicity", "记录信息公示", "record_publicity"),
        Step(
            "record_payment",
            "记录缴款…",
            "record_payment",
            params=(("amount", "缴款金额（元）", "money"),),
        ),
        Step("serve_reminder", "送达催告书", "serve_reminder"),
        Step("apply_to_court", "申请人民法院强制执行", "apply_to_court"),
        Step("transfer", "移送…", "transfer", params=(("to", "移送机关", "text"),)),
        Step("referral_team", "组成移送专案组（本案承办人员）", "referral_team"),
        Step("referral_report", "提交涉嫌犯罪案件调查报告", "referral_report"),
        Step("referral_approve", "批准移送", "referral_decide", {"approve": True}),
        Step(
            "referral_refuse",
            "不批准移送…",
            "referral_decide",
            {"approve": False},
            (("reason", "不批准的理由", "text"),),
        ),
        Step("refer", "移送公安机关", "refer"),
        Step("police_accepted", "记录：公安机关立案", "police_decision", {"accepted": True}),
        Step("police_refused", "记录：公安机关不予立案", "police_decision", {"accepted": False}),
        Step("referral_reconsideration", "提请公安机关复议", "referral_reconsideration"),
        Step(
            "reconsideration_upheld",
            "记录：复议维持不予立案",
            "reconsideration_result",
            {"upheld": True},
        ),
        Step(
            "reconsideration_reversed",
            "记录：复议后立案",
            "reconsideration_result",
            {"upheld": False},
        ),
        Step("procuratorate", "建议人民检察院立案监督", "procuratorate"),
        Step("resume_administrative", "恢复行政处理", "resume_administrative"),
        Step("close", "批准结案", "close"),
        Step(
            "archive",
            "归档（装订卷宗）…",
            "archive",
            params=(("retention", "保管期限（永久、30年或10年，空白为30年）", "text"),),
        ),
    )
}

REFERRAL = ("referral_team", "referral_report", "referral_approve", "referral_refuse", "refer")
AVAILABLE: dict[CaseStatus, tuple[str, ...]] = {
    S.CLUE: ("start_verification", "file", "decline", "extend_filing", "transfer"),
    S.VERIFYING: ("file", "decline", "extend_filing", "transfer"),
    S.FILED: (
        "start_investigation",
        "suspend",
        "extend_decision",
        "decide_revoke",
        "transfer",
        "refer",
    ),
    S.INVESTIGATING: (
        "conclude",
        "suspend",
        "extend_decision",
        "decide_revoke",
        "transfer",
        "refer",
    ),
    S.CONCLUDED: ("submit_review", "decide_no_penalty", "decide_revoke", "suspend", "refer"),
    S.UNDER_REVIEW: (
        "serve_notice",
        "record_legal_review",
        "record_collective_discussion",
        "decide_no_penalty",
        "suspend",
        *REFERRAL,
    ),
    S.NOTIFIED: (
        "record_statement",
        "request_hearing",
        "record_hearing",
        "record_legal_review",
        "record_collective_discussion",
        "decide_penalty",
        "decide_no_penalty",
        "extend_decision",
        "suspend",
        *REFERRAL,
    ),
    S.DECIDED: ("serve_decision", "record_publicity", "close"),
    S.SERVED: ("record_payment", "serve_reminder", "record_publicity", "close"),
    S.EXECUTING: (
        "record_payment",
        "serve_reminder",
        "apply_to_court",
        "record_publicity",
        "close",
    ),
    S.SUSPENDED: ("resume",),
    S.NOT_FILED: ("close",),
    S.TRANSFERRED: ("close",),
    S.REFERRED: (
        "police_accepted",
        "police_refused",
        "referral_reconsideration",
        "reconsideration_upheld",
        "reconsideration_reversed",
        "procuratorate",
        "resume_administrative",
        "close",
    ),
    S.CLOSED: ("archive", "record_publicity"),
    S.ARCHIVED: (),
}

# steps that cannot be taken back once recorded: each asks the officer to confirm
IRREVERSIBLE = frozenset(
    {"file", "decline", "decide", "close", "archive", "transfer", "refer", "referral_decide"}
)

STAGE_LABELS = ("线索", "立案", "调查", "告知", "决定", "送达", "执行", "结案")


class StepDialog(QDialog):
    """The date of a step and what it needs; runs it and stays open on refusal."""

    def __init__(
        self,
        ctx: AppContext,
        case_id: CaseId,
        step: Step,
        parent: QWidget | None = None,
        extra: dict[str, object] | None = None,
        defaults: dict[str, object] | None = None,
        locked: dict[str, str] | None = None,
    ):
        """``defaults`` pre-fill the inputs from the case; ``locked`` are requirements the law
        sets (input name → reason): ticked and not to be unticked."""
        super().__init__(parent)
        defaults = defaults or {}
        locked = locked or {}
        self.extra = extra or {}
        self.ctx = ctx
        self.case_id = case_id
        self.step = step
        self.result_case: Case | None = None
        self.warnings: tuple[str, ...] = ()
        self.setWindowTitle(step.label.rstrip("…"))
        self.date = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMaximumDate(to_qdate(ctx.today()))
        self.date.setDate(to_qdate(ctx.today()))
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout()
        form.addRow(self.tr("日期："), self.date)
        for name, label, kind in step.params:
            widget: QWidget = QCheckBox(label) if kind == "bool" else QLineEdit()
            widget.setObjectName(name)
            value = defaults.get(name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
                if name in locked:
                    widget.setChecked(True)
                    widget.setEnabled(False)  # the law sets it; the officer cannot drop it
                    widget.setToolTip(locked[name])
                    widget.setText(label + self.tr("（依法必须）"))
            elif value is not None:
                assert isinstance(widget, QLineEdit)
                widget.setText(str(value))
            self.inputs[name] = widget
            form.addRow("" if kind == "bool" else label + "：", widget)
            if name in locked:
                reason = QLabel(locked[name])
                reason.setObjectName(f"{name}_reason")
                reason.setWordWrap(True)
                reason.setStyleSheet("color: #555;")
                form.addRow("", reason)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.confirm_and_run)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.errors = FieldErrors(self.error)
        for name, widget in self.inputs.items():
            self.errors.bind(name, widget)
        self.errors.bind("on", self.date)

    def values(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.step.fixed) | self.extra
        for name, label, kind in self.step.params:
            widget = self.inputs[name]
            if isinstance(widget, QCheckBox):
                out[name] = widget.isChecked()
                continue
            assert isinstance(widget, QLineEdit)
            text = widget.text().strip()
            if kind == "money":
                try:
                    value = Decimal(text.replace(",", ""))
                except InvalidOperation:
                    raise DomainError(f"{label}应为数字，最多两位小数。") from None
                if value != value.quantize(Decimal("0.01")) or value < 0:
                    raise DomainError(f"{label}应为非负数，最多两位小数。")
                out[name] = value
            else:
                out[name] = text
        return out

    def confirm_and_run(self) -> None:
        """The 确定 button: steps that cannot be undone are confirmed first."""
        if self.step.command in IRREVERSIBLE:
            answer = QMessageBox.question(
                self,
                self.tr("请确认"),
                self.tr("“%1”完成后不能撤回，确定办理吗？").replace(
                    "%1", self.step.label.rstrip("…")
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run_step()

    def run_step(self) -> None:
        try:
            case, change = workflow.apply(
                self.ctx,
                self.case_id,
                self.step.command,
                from_qdate(self.date.date()),
                **self.values(),
            )
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.result_case, self.warnings = case, change.warnings
        self.accept()


class StageBar(QWidget):
    """线索 → 立案 → 调查 → 告知 → 决定 → 送达 → 执行 → 结案, the current stage highlighted."""

    step_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = [QLabel(self.tr(text)) for text in STAGE_LABELS]
        self.status = QLabel()
        self.status.setObjectName("stageStatus")
        self.next_step = QLabel()
        self.next_step.setObjectName("nextStep")
        self.next_step.setWordWrap(True)
        self.steps_button = QPushButton(self.tr("办案操作"))
        self.steps_button.setObjectName("stepsButton")
        self.menu = QMenu(self)
        self.steps_button.setMenu(self.menu)
        row = QHBoxLayout()
        for i, label in enumerate(self.labels):
            if i:
                row.addWidget(QLabel("→"))
            row.addWidget(label)
        row.addStretch()
        row.addWidget(self.status)
        row.addWidget(self.steps_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.next_step)

    def show_case(self, case: Case) -> None:
        current = stage_index(case.status)
        for i, label in enumerate(self.labels):
            if i < current:
                style = "color: #1b5e20;"
            elif i == current:
                style = "background: #1f4e9c; color: white; padding: 2px 6px; border-radius: 3px;"
            else:
                style = "color: #888;"
            label.setStyleSheet(style)
        self.status.setText(self.tr("当前：%1").replace("%1", case.status.label))
        step, document = NEXT_STEP[case.status]
        self.next_step.setText(
            self.tr("下一步：%1　所需文书：%2").replace("%1", step).replace("%2", document)
        )
        self.steps_button.setEnabled(case.id is not None and bool(AVAILABLE[case.status]))

    def fill_menu(self, case: Case, trigger: object) -> None:
        self.menu.clear()
        for step_id in AVAILABLE[case.status]:
            action = self.menu.addAction(STEPS[step_id].label)
            action.setObjectName(step_id)
            action.triggered.connect(lambda _c=False, s=step_id: trigger(s))  # type: ignore[operator]


def prepare_step(
    ctx: AppContext, case: Case, step_id: str
) -> tuple[Step, dict[str, object], dict[str, object], dict[str, str]]:
    """The step as the case needs it: (step, fixed extra values, defaults, locked inputs).

    A bureau the 管辖 tab finds not competent must give a reason to go on with a step that
    decides the case, or transfer it instead.
    """
    extra: dict[str, object] = {}
    if step_id == "referral_team":
        extra["officer_ids"] = [int(i) for i in case.officer_ids]
    defaults, locked = workflow.step_defaults(ctx, case)
    step = STEPS[step_id]
    if step.command in workflow.COMPETENCE_STEPS and step.fixed.get("kind") != "revoke":
        outside = workflow.not_competent_parties(ctx, case)
        if outside:
            step = replace(
                step,
                params=(
                    *step.params,
                    (
                        "jurisdiction_reason",
                        QCoreApplication.translate("StepDialog", "本局不具管辖权仍办理的理由"),
                        "text",
                    ),
                ),
            )
            locked = locked | {
                "jurisdiction_reason": QCoreApplication.translate(
                    "StepDialog",
                    "管辖分析认为本局对%1不具有管辖权：应当移送有管辖权的机关"
                    "（办案操作 → 移送），或者写明仍由本局办理的理由。",
                ).replace("%1", "、".join(outside))
            }
    return step, extra, defaults, locked


def deadline_rows(ctx: AppContext, case: Case) -> list[tuple[str, str, str, str, str]]:
    """(期限, 到期日, 剩余, 依据, 状态) for the case's deadlines table."""
    from lcregulator.domain.formatting import chinese_date

    cal = workflow.calendar(ctx)
    today = ctx.today()
    rows = []
    for d in workflow.case_deadlines(ctx, case, cal):
        left = cal.workdays_between(today, d.due)
        if not d.pending and d.owner == "authority":
            state = "已完成"
        elif d.due < today:
            state = "已逾期" if d.owner == "authority" and d.pending else "已届满"
        else:
            state = "进行中"
        who = "" if d.owner == "authority" else "（当事人）"
        remaining = f"{left}个工作日" if d.pending or d.owner == "party" else ""
        rows.append((d.label + who, chinese_date(d.due), remaining, d.basis.text, state))
    return rows
