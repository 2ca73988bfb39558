"""基本信息: the case's name, number, source, date received, officers and summary."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from lcregulator.domain.authority import Officer, OfficerId
from lcregulator.domain.cases import Case, ClueSource
from lcregulator.domain.formatting import chinese_date

from ..date_fields import from_qdate, to_qdate
from .common import CaseTab

# the dates a case gathers as it moves, in the order they are shown
_KEY_DATES = (
    ("filed_on", "立案"),
    ("notice_served_on", "告知书送达"),
    ("decided_on", "决定"),
    ("decision_served_on", "决定书送达"),
    ("closed_on", "结案"),
)


class BasicTab(CaseTab):
    def __init__(
        self,
        officers: dict[int, Officer],
        case: Case,
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        """``officers`` are the bureau's; inactive ones are listed only if on ``case``."""
        super().__init__(parent)
        form = QFormLayout(self)
        self.title_edit = QLineEdit(placeholderText=self.tr("如：某某公司直播间虚假宣传案"))
        self.number_edit = QLineEdit(
            placeholderText=self.tr("立案后填写，如 杭西市监立〔2026〕12号")
        )
        self.source_combo = QComboBox()
        for source in ClueSource:
            self.source_combo.addItem(source.label, source.value)
        self.received_edit = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.received_edit.setDisplayFormat("yyyy年M月d日")
        self.received_edit.setMaximumDate(to_qdate(today))
        self.status_label = QLabel()
        self.dates_label = QLabel()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(
            self.tr("案情摘要：线索来源、涉嫌违法行为、涉及的直播间和商品")
        )
        self.officer_list = QListWidget()
        self.officer_list.setMaximumHeight(120)
        for officer in officers.values():
            if not officer.active and officer.id not in case.officer_ids:
                continue
            item = QListWidgetItem(
                f"{officer.name}（{officer.role.label}，{officer.badge_number or '无执法证号'}）"
            )
            item.setData(Qt.ItemDataRole.UserRole, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officer_list.addItem(item)
        form.addRow(self.tr("案件名称(&N)："), self.title_edit)
        form.addRow(self.tr("案件编号："), self.number_edit)
        form.addRow(self.tr("案件来源："), self.source_combo)
        form.addRow(self.tr("线索接收日期："), self.received_edit)
        form.addRow(self.tr("办案阶段："), self.status_label)
        form.addRow(self.tr("关键日期："), self.dates_label)
        form.addRow(self.tr("承办人员（两名以上）："), self.officer_list)
        form.addRow(self.tr("案情摘要："), self.summary_edit)
        self.title_edit.textEdited.connect(lambda _: self.edited.emit())
        self.number_edit.textEdited.connect(lambda _: self.edited.emit())
        self.source_combo.activated.connect(lambda _: self.edited.emit())
        self.received_edit.dateChanged.connect(lambda _: self.edited.emit())
        self.summary_edit.textChanged.connect(lambda: self.edited.emit())
        self.officer_list.itemChanged.connect(lambda _: self.edited.emit())

    def load(self, case: Case) -> None:
        self.title_edit.setText(case.title)
        self.number_edit.setText(case.case_number)
        self.source_combo.setCurrentIndex(self.source_combo.findData(case.source.value))
        self.received_edit.setDate(to_qdate(case.received_on))
        self.summary_edit.setPlainText(case.summary)
        for i in range(self.officer_list.count()):
            item = self.officer_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in case.officer_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.status_label.setText(case.status.label)
        shown = [
            f"{label} {chinese_date(d)}" for attr, label in _KEY_DATES if (d := getattr(case, attr))
        ]
        self.dates_label.setText("；".join(shown) or self.tr("尚未立案"))

    def save(self, draft: Case) -> None:
        draft.title = self.title_edit.text().strip()
        draft.source = ClueSource(self.source_combo.currentData())
        draft.received_on = from_qdate(self.received_edit.date())
        draft.case_number = self.number_edit.text().strip()
        draft.summary = self.summary_edit.toPlainText().strip()
        draft.officer_ids = [
            OfficerId(int(self.officer_list.item(i).data(Qt.ItemDataRole.UserRole)))
            for i in range(self.officer_list.count())
            if self.officer_list.item(i).checkState() == Qt.CheckState.Checked
        ]
