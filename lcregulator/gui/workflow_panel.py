"""The stage bar of a case, its next legal step, the steps it allows now, and its deadlines.

办案操作 and each step's form are generated from the step declarations of the domain
(``domain.workflow_steps``): nothing here lists steps, stages, inputs or roles. A step's form
is run by the workflow service; a refusal is shown in that form with the law's reason, and
nothing changes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.workflow import NEXT_STEP, stage_index
from lcregulator.domain.workflow_steps import InputKind, StepForm, StepInput, offered
from lcregulator.services import workflow
from lcregulator.services.context import AppContext

from . import operations
from .date_fields import from_qdate, to_qdate
from .field_errors import FieldErrors

STAGE_LABELS = ("线索", "立案", "调查", "告知", "决定", "送达", "执行", "结案")


class StepDialog(QDialog):
    """A step's form, built from its declaration: the date, its inputs, the document it calls
    for; runs the step and stays open, with the law's reason, when it is refused."""

    def __init__(
        self,
        ctx: AppContext,
        case_id: CaseId,
        form: StepForm,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.ctx = ctx
        self.case_id = case_id
        self.form = form
        self.step = form.step
        self.result_case: Case | None = None
        self.warnings: tuple[str, ...] = ()
        self.setWindowTitle(self.step.label.rstrip("…"))
        self.date = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.date.setDisplayFormat("yyyy年M月d日")
        self.date.setMaximumDate(to_qdate(ctx.today()))
        self.date.setDate(to_qdate(ctx.today()))
        self.inputs: dict[str, QWidget] = {}
        layout = QFormLayout()
        layout.addRow(self.tr("日期："), self.date)
        for spec in form.inputs:
            widget = self._input(spec)
            if widget is None:
                continue
            self.inputs[spec.name] = widget
            label = spec.label + ("" if spec.required else self.tr("（选填）"))
            layout.addRow("" if spec.kind is InputKind.FLAG else label + "：", widget)
            if spec.name in form.locked:
                reason = QLabel(form.locked[spec.name])
                reason.setObjectName(f"{spec.name}_reason")
                reason.setWordWrap(True)
                reason.setStyleSheet("color: #555;")
                layout.addRow("", reason)
        if self.step.document:
            document = QLabel(self.step.document)
            document.setObjectName("stepDocument")
            layout.addRow(self.tr("所需文书："), document)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.confirm_and_run)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.addLayout(layout)
        outer.addWidget(self.error)
        outer.addWidget(buttons)
        self.errors = FieldErrors(self.error)
        for name, widget in self.inputs.items():
            self.errors.bind(name, widget)
        self.errors.bind("on", self.date)

    def _input(self, spec: StepInput) -> QWidget | None:
        """The widget for one declared input, filled with its default from the case."""
        value = self.form.defaults.get(spec.name)
        widget: QWidget
        if spec.kind is InputKind.OFFICERS:
            return None  # taken from the case as it stands (its 承办人员), not typed
        if spec.kind is InputKind.FLAG:
            box = QCheckBox(spec.label)
            box.setChecked(bool(value))
            if spec.name in self.form.locked:
                box.setChecked(True)
                box.setEnabled(False)  # the law sets it; the officer cannot drop it
                box.setToolTip(self.form.locked[spec.name])
                box.setText(spec.label + self.tr("（依法必须）"))
            widget = box
        elif spec.kind is InputKind.DATE:
            day = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
            day.setDisplayFormat("yyyy年M月d日")
            day.setMaximumDate(to_qdate(self.ctx.today()))
            day.setDate(to_qdate(value if isinstance(value, dt.date) else self.ctx.today()))
            widget = day
        elif spec.kind is InputKind.DOCUMENT:
            combo = QComboBox()
            combo.setEditable(True)  # a document served on paper outside the system is typed
            choices = [text for kind, text in self.form.issued if kind in spec.documents]
            combo.addItems(list(reversed(choices)))
            combo.setCurrentText(str(value or ""))
            widget = combo
        else:
            edit = QLineEdit("" if value is None else str(value))
            widget = edit
        widget.setObjectName(spec.name)
        return widget

    def values(self) -> dict[str, object]:
        out: dict[str, object] = dict(self.step.fixed)
        for spec in self.form.inputs:
            widget = self.inputs.get(spec.name)
            if widget is None:
                out[spec.name] = self.form.defaults.get(spec.name)
            elif isinstance(widget, QCheckBox):
                out[spec.name] = widget.isChecked()
            elif isinstance(widget, QComboBox):
                out[spec.name] = widget.currentText().strip()
            elif isinstance(widget, QDateEdit):
                out[spec.name] = from_qdate(widget.date())
            else:
                assert isinstance(widget, QLineEdit)
                text = widget.text().strip()
                is_money = spec.kind is InputKind.MONEY
                out[spec.name] = money(text, spec) if is_money else text
        return out

    def confirm_and_run(self) -> None:
        """The 确定 button: steps that cannot be undone are confirmed first."""
        if self.step.irreversible:
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
            values = self.values()
        except DomainError as exc:
            self._refused(exc)
            return
        ctx, case_id, command = self.ctx, self.case_id, self.step.command
        on = from_qdate(self.date.date())
        if not self.step.long:
            try:
                case, change = workflow.apply(ctx, case_id, command, on, **values)
            except DomainError as exc:
                self._refused(exc)
                return
            self._done((case, change))
            return
        # 归档 binds the 卷宗 from every kept PDF: off the UI thread, the window keeps painting
        self.buttons.setEnabled(False)  # once: the step is under way
        self._busy = True
        self._operation = operations.run(
            lambda _progress: workflow.apply(ctx, case_id, command, on, **values),
            self._done,
            self._failed,
            parent=self,
            label=self.tr("正在办理“%1”…").replace("%1", self.step.label.rstrip("…")),
        )

    def _done(self, outcome: tuple[Case, Any]) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        case, change = outcome
        self.result_case, self.warnings = case, change.warnings
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.buttons.setEnabled(True)
        if isinstance(exc, DomainError):
            self._refused(exc)
        else:
            operations.show_failure(exc, self, self.step.label)

    def reject(self) -> None:
        if getattr(self, "_busy", False):
            return  # Esc while the step runs: its outcome is on its way, the dialog waits for it
        super().reject()

    def _refused(self, exc: DomainError) -> None:
        if isinstance(exc, ValidationError):
            self.errors.show(exc.message, exc.field)
        else:
            self.errors.show(exc.message)


def money(text: str, spec: StepInput) -> Decimal:
    """A yuan amount as typed (thousands separators allowed), refused at its field."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise ValidationError(spec.name, f"{spec.label}应为数字，最多两位小数。") from None
    if value != value.quantize(Decimal("0.01")) or value < 0:
        raise ValidationError(spec.name, f"{spec.label}应为非负数，最多两位小数。")
    return value


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
        self.steps_button.setEnabled(case.id is not None and bool(offered(case.status)))

    def fill_menu(self, case: Case, trigger: Callable[[str], object]) -> None:
        """办案操作: every step declared for the case's stage; one the case does not allow yet
        (its guard refuses) is greyed out with the reason as its tooltip."""
        self.menu.clear()
        self.menu.setToolTipsVisible(True)
        for step in offered(case.status):
            action = self.menu.addAction(step.label)
            action.setObjectName(step.id)
            refusal = step.refusal(case)
            tip = refusal or (self.tr("所需文书：") + step.document if step.document else "")
            action.setToolTip(tip or step.label.rstrip("…"))
            action.setEnabled(refusal is None)
            action.triggered.connect(lambda _c=False, s=step.id: trigger(s))


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
