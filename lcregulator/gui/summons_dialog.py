"""约谈: record a summons under Art 52, issue its documents, and follow up its rectification.

"未整改" escalates in one step: a clue and a case pre-filled from the summons, opened for the
officer to continue.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lcregulator.documents.template import MissingFields
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.domain.parties import Party
from lcregulator.domain.summons import Outcome, Summons, grounds
from lcregulator.services import documents, setup
from lcregulator.services import summons as summons_service
from lcregulator.services.context import AppContext

from . import operations
from .field_errors import FieldErrors
from .screen_fit import fit_to_screen, scrolling
from .violation_dialog import from_qdate, to_qdate

CHINA = QTimeZone(8 * 3600)


class SummonsDialog(QDialog):
    escalated = Signal(int)  # the new case's id

    def __init__(
        self,
        ctx: AppContext,
        party: Party,
        summons: Summons | None = None,
        case_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.party = party
        self.summons = summons
        self.case_id = summons.case_id if summons else case_id
        self.setWindowTitle(self.tr("约谈：%1").replace("%1", party.name))
        fit_to_screen(self, 820, 720)
        self.ground_checks: dict[int, QCheckBox] = {}
        ground_box = QGroupBox(self.tr("约谈事由（《直播电商监督管理办法》第五十二条）"))
        ground_layout = QVBoxLayout(ground_box)
        for number, text in grounds().items():
            check = QCheckBox(f"（{'一二三四五'[number - 1]}）{text}")
            check.setObjectName(f"ground_{number}")
            self.ground_checks[number] = check
            ground_layout.addWidget(check)
        self.details = QLineEdit(placeholderText=self.tr("具体情形"))
        ground_layout.addWidget(self.details)
        self.invited = QLineEdit(placeholderText=self.tr("如：法定代表人赵某"))
        self.when = QDateTimeEdit(calendarPopup=True)
        self.when.setDisplayFormat("yyyy年M月d日 HH:mm")
        self.when.setTimeZone(CHINA)
        now = ctx.clock.now().astimezone(CHINA_TZ)
        self.when.setDateTime(
            QDateTime(
                to_qdate(now.date() + dt.timedelta(days=3)),
                QDateTime.currentDateTime().time(),
                CHINA,
            )
        )
        self.place = QLineEdit(placeholderText=self.tr("如：本局三楼约谈室"))
        self.joint = QCheckBox(self.tr("会同网信部门联合约谈"))
        self.officers = QListWidget()
        self.officers.setMaximumHeight(90)
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        for officer in setup.list_officers(ctx, authority.id):
            item = QListWidgetItem(f"{officer.name}（{officer.role.label}）")
            item.setData(Qt.ItemDataRole.UserRole, officer.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.officers.addItem(item)
        self.record = QPlainTextEdit()
        self.record.setPlaceholderText(self.tr("约谈记录：被约谈人说明的情况"))
        self.commitments = QPlainTextEdit()
        self.commitments.setPlaceholderText(self.tr("整改承诺"))
        self.rectification = QPlainTextEdit()
        self.rectification.setPlaceholderText(self.tr("整改要求"))
        self.deadline = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.deadline.setDisplayFormat("yyyy年M月d日")
        self.deadline.setDate(to_qdate(now.date() + dt.timedelta(days=15)))
        form = QFormLayout()
        form.addRow(self.tr("被约谈人："), self.invited)
        form.addRow(self.tr("约谈时间："), self.when)
        form.addRow(self.tr("约谈地点："), self.place)
        form.addRow(self.tr("约谈人员："), self.officers)
        form.addRow("", self.joint)
        form.addRow(self.tr("约谈记录："), self.record)
        form.addRow(self.tr("整改承诺："), self.commitments)
        form.addRow(self.tr("整改要求："), self.rectification)
        form.addRow(self.tr("整改期限："), self.deadline)

        self.outcome = QComboBox()
        self.outcome.setObjectName("outcomeCombo")
        self.outcome.addItem(self.tr("（尚未核查）"), None)
        for o in Outcome:
            self.outcome.addItem(o.label, o.value)
        self.outcome_on = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.outcome_on.setDisplayFormat("yyyy年M月d日")
        self.outcome_on.setDate(to_qdate(ctx.today()))
        self.outcome_note = QLineEdit(placeholderText=self.tr("核查情况"))
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(QLabel(self.tr("整改结果：")))
        outcome_row.addWidget(self.outcome)
        outcome_row.addWidget(self.outcome_on)
        outcome_row.addWidget(self.outcome_note, 1)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.issued: documents.Issued | None = None
        self.info = QLabel()
        self.info.setObjectName("infoLabel")
        self.info.setWordWrap(True)
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        self.buttons: dict[str, QPushButton] = {}
        for kind, text in (
            ("summons_notice", "出具约谈通知书"),
            ("summons_record", "出具约谈记录"),
            ("rectification_notice", "出具整改通知书"),
        ):
            button = QPushButton(self.tr(text))
            button.setObjectName(kind)
            button.clicked.connect(lambda _=False, k=kind: self.issue(k))
            self.buttons[kind] = button
            buttons.addWidget(button)
        self.escalate_button = QPushButton(self.tr("未整改：转为案件线索"))
        self.escalate_button.setObjectName("escalateButton")
        self.escalate_button.clicked.connect(self.escalate)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.escalate_button)
        buttons.addWidget(close)
        page = QWidget()
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(ground_box)
        page_layout.addLayout(form)
        page_layout.addLayout(outcome_row)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(page, "summonsForm"), 1)  # the buttons stay on screen
        layout.addWidget(self.error)
        layout.addWidget(self.info)
        layout.addLayout(buttons)
        self.errors = FieldErrors(self.error)
        for field, widget in {
            "summons.grounds": ground_box,
            "summons.ground_details": self.details,
            "summons.invited_person": self.invited,
            "summons.place": self.place,
            "summons.officers": self.officers,
            "summons.record": self.record,
            "summons.rectification_deadline": self.deadline,
            "summons.outcome_on": self.outcome_on,
        }.items():
            self.errors.bind(field, widget)
        if summons is not None:
            self._fill(summons)
        self._update_buttons()

    def _fill(self, s: Summons) -> None:
        for g in s.grounds:
            self.ground_checks[g].setChecked(True)
        self.details.setText(s.ground_details)
        self.invited.setText(s.invited_person)
        local = s.scheduled_at.astimezone(CHINA_TZ)
        self.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(local.timestamp()), CHINA))
        self.place.setText(s.place)
        self.joint.setChecked(s.joint_with_cyberspace)
        for i in range(self.officers.count()):
            item = self.officers.item(i)
            if item.data(Qt.ItemDataRole.UserRole) in s.officer_ids:
                item.setCheckState(Qt.CheckState.Checked)
        self.record.setPlainText(s.record)
        self.commitments.setPlainText(s.commitments)
        self.rectification.setPlainText(s.rectification_required)
        if s.rectification_deadline:
            self.deadline.setDate(to_qdate(s.rectification_deadline))
        if s.outcome:
            self.outcome.setCurrentIndex(self.outcome.findData(s.outcome.value))
        if s.outcome_on:
            self.outcome_on.setDate(to_qdate(s.outcome_on))
        self.outcome_note.setText(s.outcome_note)

    def collect(self) -> Summons:
        outcome = self.outcome.currentData()
        when = dt.datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), dt.UTC)
        return Summons(
            party_id=int(self.party.id or 0),
            grounds=[g for g, c in self.ground_checks.items() if c.isChecked()],
            ground_details=self.details.text().strip(),
            invited_person=self.invited.text().strip(),
            scheduled_at=when,
            place=self.place.text().strip(),
            officer_ids=[
                int(self.officers.item(i).data(Qt.ItemDataRole.UserRole))
                for i in range(self.officers.count())
                if self.officers.item(i).checkState() == Qt.CheckState.Checked
            ],
            joint_with_cyberspace=self.joint.isChecked(),
            case_id=self.case_id,
            record=self.record.toPlainText().strip(),
            commitments=self.commitments.toPlainText().strip(),
            rectification_required=self.rectification.toPlainText().strip(),
            rectification_deadline=from_qdate(self.deadline.date()),
            outcome=Outcome(outcome) if outcome else None,
            outcome_on=from_qdate(self.outcome_on.date()) if outcome else None,
            outcome_note=self.outcome_note.text().strip() if outcome else "",
            escalated_case_id=self.summons.escalated_case_id if self.summons else None,
            id=self.summons.id if self.summons else None,
        )

    def save(self) -> bool:
        try:
            self.summons = summons_service.save(self.ctx, self.collect())
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return False
        except DomainError as exc:
            self.errors.show(exc.message)
            return False
        self.errors.clear()
        self.info.setText(self.tr("已保存。"))
        self._update_buttons()
        return True

    def _update_buttons(self) -> None:
        saved = self.summons is not None and self.summons.id is not None
        for button in self.buttons.values():
            button.setEnabled(saved)
        bad = saved and self.summons.outcome in (Outcome.NOT_RECTIFIED, Outcome.PARTLY)  # type: ignore[union-attr,operator]
        self.escalate_button.setEnabled(bool(bad) and not self.summons.escalated_case_id)  # type: ignore[union-attr]

    def issue(self, kind: str) -> operations.Operation[documents.Issued] | None:
        """出具 one of the summons' documents off the UI thread (the first loads the fonts);
        ``issued`` holds it once done."""
        if not self.save() or self.summons is None or self.summons.id is None:
            return None
        ctx, summons_id = self.ctx, self.summons.id
        for button in self.buttons.values():
            button.setEnabled(False)

        def done(issued: documents.Issued) -> None:
            self.issued = issued
            self._update_buttons()
            self.info.setText(
                self.tr("已出具：%1 %2")
                .replace("%1", issued.record.title)
                .replace("%2", issued.record.number)
            )

        def refused(exc: BaseException) -> None:
            self._update_buttons()
            if isinstance(exc, MissingFields | DomainError):
                self.errors.show(exc.message)
            else:
                operations.show_failure(exc, self)

        return operations.run(
            lambda _progress: documents.issue_for_summons(ctx, summons_id, kind),
            done,
            refused,
            parent=self,
            label=self.tr("正在出具文书…"),
        )

    def escalate(self) -> int | None:
        if not self.save() or self.summons is None or self.summons.id is None:
            return None
        try:
            case = summons_service.escalate(self.ctx, self.summons.id)
        except DomainError as exc:
            self.errors.show(exc.message)
            return None
        self.summons.escalated_case_id = case.id
        self._update_buttons()
        self.info.setText(self.tr("已转为案件线索：%1").replace("%1", case.title))
        assert case.id is not None
        self.escalated.emit(int(case.id))
        return int(case.id)
