"""Record one violation: pick the provision from the catalogue (its text beside it), the facts
and the act dates — the dates decide which law applies (行政处罚法 Art 37)."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from lcregulator.domain.cases import Violation
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.parties import PartyRole
from lcregulator.domain.provisions import Provision, for_roles, matches, provision

from .date_fields import from_qdate as from_qdate  # re-exported: dialogs import them here
from .date_fields import to_qdate as to_qdate
from .field_errors import FieldErrors
from .forms.ui_violation_dialog import Ui_ViolationDialog
from .screen_fit import fit_to_screen


class ViolationDialog(QDialog):
    open_statute = Signal(int)  # article number

    def __init__(
        self,
        roles: set[PartyRole],
        today: dt.date,
        violation: Violation | None = None,
        parent: QWidget | None = None,
        parties: list[tuple[int, str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ViolationDialog()
        self.ui.setupUi(self)
        # whose act it is: its facts and penalty go on that party's 告知书 and 决定书 only
        self.partyCombo = QComboBox()
        self.partyCombo.setObjectName("violationPartyCombo")
        self.partyCombo.addItem(self.tr("全部当事人（共同实施）"), None)
        for party_id, name in parties or []:
            self.partyCombo.addItem(name, party_id)
        self.ui.detailsForm.addRow(self.tr("实施该行为的当事人："), self.partyCombo)
        self.today = today
        self.violation = violation
        self.result_violation: Violation | None = None
        ui = self.ui
        fit_to_screen(self, self.width(), self.height())  # the form's size, or the screen's
        ui.splitter.setSizes([380, 480])
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        for edit in (ui.actStartEdit, ui.actEndEdit):
            edit.setMaximumDate(to_qdate(today))
            edit.setDate(to_qdate(today))
        ui.sameDayCheck.toggled.connect(self._end_state)
        ui.continuingCheck.toggled.connect(self._end_state)
        self.errors = FieldErrors(ui.errorLabel)
        self.errors.bind("violations.provision_id", ui.provisionList)
        self.errors.bind("violations.act_start", ui.actStartEdit)
        self.errors.bind("violations.act_end", ui.actEndEdit)
        self.errors.bind("violations.facts", ui.factsEdit)
        ui.provisionList.itemSelectionChanged.connect(self._show_text)
        for p in for_roles(roles):
            item = QListWidgetItem(f"{p.location}　{p.label}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            item.setToolTip(p.citation)
            ui.provisionList.addItem(item)
        ui.provisionText.setPlaceholderText(self.tr("在左侧列表中点击一条条款，这里显示条文。"))
        ui.provisionList.currentItemChanged.connect(self._show_text)
        ui.filterEdit.textChanged.connect(self._filter)
        ui.openStatuteButton.clicked.connect(self._open_statute)
        ui.sameDayCheck.setChecked(True)
        if violation is not None:
            self._fill(violation)
        elif ui.provisionList.count():
            ui.provisionList.setCurrentRow(0)

    def _fill(self, v: Violation) -> None:
        ui = self.ui
        for i in range(ui.provisionList.count()):
            if ui.provisionList.item(i).data(Qt.ItemDataRole.UserRole) == v.provision_id:
                ui.provisionList.setCurrentRow(i)
        ui.factsEdit.setPlainText(v.facts)
        index = self.partyCombo.findData(v.party_id)
        self.partyCombo.setCurrentIndex(max(index, 0))
        if v.act_start:
            ui.actStartEdit.setDate(to_qdate(v.act_start))
        ui.continuingCheck.setChecked(v.continuing)
        ui.sameDayCheck.setChecked(v.act_end is None and not v.continuing)
        if v.act_end:
            ui.actEndEdit.setDate(to_qdate(v.act_end))

    def _end_state(self) -> None:
        same, continuing = self.ui.sameDayCheck.isChecked(), self.ui.continuingCheck.isChecked()
        self.ui.actEndEdit.setEnabled(not same and not continuing)
        if same and continuing:
            self.ui.sameDayCheck.setChecked(False)

    def selected(self) -> Provision | None:
        """The provision the officer chose: a row hidden by the filter is not a choice."""
        item = self.ui.provisionList.currentItem()
        if item is None or item.isHidden() or not item.isSelected():
            return None
        return provision(item.data(Qt.ItemDataRole.UserRole))

    def _show_text(self) -> None:
        p = self.selected()
        if p is None:
            self.ui.provisionText.clear()
            return
        duties = "、".join(d.label for d in p.duties) or "—"
        flag = (
            "<p style='color:#b00020'>本条属网信部门职责，应移送网信部门。</p>"
            if p.competence == "cyberspace"
            else ""
        )
        body = "".join(f"<p>{html.escape(line)}</p>" for line in p.text.splitlines())
        self.ui.provisionText.setHtml(
            f"<p><b>{html.escape(p.citation)}</b></p>{body}"
            f"<p style='color:#555'>所涉义务条款：{html.escape(duties)}</p>{flag}"
        )

    def _filter(self, text: str) -> None:
        """Show the provisions that match; the text pane shows only a visible, chosen row.

        When the chosen row is filtered out the choice is dropped (and the pane cleared), so
        what is saved is always what the officer sees selected; a single match is chosen."""
        ui = self.ui
        visible = []
        for i in range(ui.provisionList.count()):
            item = ui.provisionList.item(i)
            hidden = not matches(provision(item.data(Qt.ItemDataRole.UserRole)), text)
            item.setHidden(hidden)
            if not hidden:
                visible.append(item)
        current = ui.provisionList.currentItem()
        if len(visible) == 1:
            ui.provisionList.setCurrentItem(visible[0])
            visible[0].setSelected(True)
        elif current is not None and current.isHidden():
            ui.provisionList.clearSelection()
            ui.provisionList.setCurrentItem(None)  # type: ignore[call-overload]
        self._show_text()

    def _open_statute(self) -> None:
        p = self.selected()
        if p is not None:
            self.open_statute.emit(p.article)

    def collect(self) -> Violation:
        ui = self.ui
        p = self.selected()
        end = None
        if not ui.sameDayCheck.isChecked() and not ui.continuingCheck.isChecked():
            end = from_qdate(ui.actEndEdit.date())
        return Violation(
            provision_id=p.id if p else "",
            facts=ui.factsEdit.toPlainText().strip(),
            act_start=from_qdate(ui.actStartEdit.date()),
            act_end=end,
            continuing=ui.continuingCheck.isChecked(),
            id=self.violation.id if self.violation else None,
            party_id=self.partyCombo.currentData(),
        )

    def save(self) -> None:
        violation = self.collect()
        try:
            if not violation.facts:
                raise ValidationError("violations[0].facts", "请简要写明违法事实。")
            violation.validate(0, self.today)
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field.replace("violations[0]", "violations"))
            return
        self.result_violation = violation
        self.accept()
