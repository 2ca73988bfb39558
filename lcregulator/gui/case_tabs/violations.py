"""违法行为: the violations of the case, each with its provision, facts and 处罚裁量."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from lcregulator.domain.cases import Case, Violation
from lcregulator.domain.formatting import chinese_date
from lcregulator.domain.parties import PartyKind
from lcregulator.domain.penalty import same_act_warnings
from lcregulator.domain.provisions import provision
from lcregulator.services import penalty
from lcregulator.services.context import AppContext

from ..penalty_dialog import PenaltyDialog
from ..violation_dialog import ViolationDialog
from .common import CaseTab, button_row, fill_row, table
from .parties import PartiesTab


class ViolationsTab(CaseTab):
    """The violations as edited in the window; the parties tab says who can commit them."""

    open_statute = Signal(int)

    def __init__(self, ctx: AppContext, parties_tab: PartiesTab, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.parties_tab = parties_tab
        self.received_on: dt.date = ctx.today()
        self.violations: list[Violation] = []
        self.violation_table = table(
            [
                self.tr("条款"),
                self.tr("违法行为"),
                self.tr("发生日期"),
                self.tr("终了日期"),
                self.tr("违法事实"),
                self.tr("处罚裁量"),
            ]
        )
        self.violation_table.doubleClicked.connect(lambda _: self.edit_violation())
        buttons = button_row(
            (
                (self.tr("添加违法行为…"), self.add_violation, "addViolationButton"),
                (self.tr("编辑…"), self.edit_violation, "editViolationButton"),
                (self.tr("删除"), self.remove_violation, "removeViolationButton"),
                (self.tr("处罚裁量…"), self.assess_violation, "penaltyButton"),
                (self.tr("查看法条"), self.show_violation_law, "lawButton"),
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.violation_table)
        layout.addLayout(buttons)

    def load(self, case: Case) -> None:
        self.received_on = case.received_on
        self.violations = list(case.violations)
        self._refresh()

    def save(self, draft: Case) -> None:
        draft.violations = list(self.violations)

    def _refresh(self) -> None:
        target = self.violation_table
        target.setRowCount(len(self.violations))
        for row, v in enumerate(self.violations):
            p = provision(v.provision_id)
            end = "持续中" if v.continuing else chinese_date(v.act_end) if v.act_end else "当日"
            start = chinese_date(v.act_start) if v.act_start else ""
            summary = v.assessment.summary if v.assessment else ""
            fill_row(target, row, [p.location, p.label, start, end, v.facts, summary])
            target.item(row, 0).setToolTip(p.citation)  # type: ignore[union-attr]

    def _edited(self) -> None:
        self._refresh()
        self.edited.emit()

    def _violation_dialog(self, violation: Violation | None) -> Violation | None:
        names = [(int(cp.party_id), party.name) for cp, party in self.parties_tab.named()]
        roles = self.parties_tab.roles()
        dialog = ViolationDialog(roles, self.ctx.today(), violation, self, names)
        dialog.open_statute.connect(self.open_statute)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_violation
        return None

    def add_violation(self) -> None:
        result = self._violation_dialog(None)
        if result is not None:
            self.violations.append(result)
            self._edited()

    def edit_violation(self) -> None:
        row = self.violation_table.currentRow()
        if row < 0:
            return
        result = self._violation_dialog(self.violations[row])
        if result is not None:
            self.violations[row] = result
            self._edited()

    def remove_violation(self) -> None:
        row = self.violation_table.currentRow()
        if row >= 0:
            del self.violations[row]
            self._edited()

    def assess_violation(self, row: int | None = None) -> PenaltyDialog | None:
        """Open the penalty assessment for the selected violation (non-blocking in tests)."""
        row = self.violation_table.currentRow() if row is None else row
        if row < 0 or row >= len(self.violations):
            return None
        violation = self.violations[row]
        roles = provision(violation.provision_id).roles
        kinds = [party.kind for cp, party in self.parties_tab.named() if cp.role in roles]
        dialog = PenaltyDialog(
            violation,
            kinds[0] if kinds else PartyKind.ORGANIZATION,
            self.received_on,
            self.ctx.today(),
            self,
            penalty.current_overrides(self.ctx),
            same_act_warnings(row, self.violations),
        )
        dialog.accepted.connect(lambda: self._assessed(row, dialog))
        dialog.open()
        return dialog

    def _assessed(self, row: int, dialog: PenaltyDialog) -> None:
        self.violations[row].assessment = dialog.result_assessment
        self._edited()

    def show_violation_law(self) -> None:
        row = self.violation_table.currentRow()
        if row >= 0:
            self.open_statute.emit(provision(self.violations[row].provision_id).article)
