"""One case, in tabs: 基本信息, 当事人, 违法行为, 证据, 时间线.

Edits stay in the window until 保存; closing with unsaved edits asks first; a refused save
(bad input, someone else's newer save) says why and keeps every field as typed.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.authority import Authority, Officer, OfficerId
from lcregulator.domain.cases import Case, CaseId, CaseParty, ClueSource, Violation
from lcregulator.domain.errors import ConflictError, DomainError, ValidationError
from lcregulator.domain.evidence import Evidence
from lcregulator.domain.formatting import chinese_date
from lcregulator.domain.parties import Party, PartyId, PartyKind, PartyRole
from lcregulator.domain.penalty import same_act_warnings
from lcregulator.domain.provisions import provision
from lcregulator.domain.regions import regions
from lcregulator.services import cases, evidence, jurisdiction, parties, penalty, setup, workflow
from lcregulator.services.context import AppContext

from . import date_fields, operations
from .archive_actions import install as install_archive
from .documents_tab import DocumentsTab
from .field_errors import FieldErrors
from .party_dialog import PartyDialog, PartyPickerDialog
from .penalty_dialog import PenaltyDialog
from .referral_panel import ReferralPanel, banner_text
from .screen_fit import fit_to_screen
from .summons_dialog import SummonsDialog
from .triple_check_panel import TripleCheckPanel
from .violation_dialog import ViolationDialog, from_qdate, to_qdate
from .workflow_panel import STEPS, StageBar, StepDialog, deadline_rows


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _fill_row(table: QTableWidget, row: int, values: list[str]) -> None:
    for column, value in enumerate(values):
        table.setItem(row, column, QTableWidgetItem(value))


def human_size(size: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return str(size)


class CaseWindow(QMainWindow):
    saved = Signal(int)
    open_statute = Signal(int)

    def __init__(
        self,
        ctx: AppContext,
        authority: Authority,
        case: Case | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        date_fields.install()  # Tab leaves a date field instead of editing its month
        self.ctx = ctx
        self.authority = authority
        assert authority.id is not None
        self.case = case or Case(
            title="",
            source=ClueSource.COMPLAINT,
            received_on=ctx.today(),
            authority_id=authority.id,
        )
        self.officers: dict[int, Officer] = {
            int(o.id): o for o in setup.all_officers(ctx, authority.id) if o.id is not None
        }
        self.case_parties: list[CaseParty] = list(self.case.parties)
        self.party_cache: dict[int, Party] = parties.get_parties(
            ctx, [int(p.party_id) for p in self.case_parties]
        )
        self.violations: list[Violation] = list(self.case.violations)
        self.dirty = False
        fit_to_screen(self, 1000, 680)

        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #b00020; padding: 4px;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._basic_tab(), self.tr("基本信息"))
        self.tabs.addTab(self._parties_tab(), self.tr("当事人"))
        self.tabs.addTab(self._violations_tab(), self.tr("违法行为"))
        self.tabs.addTab(self._evidence_tab(), self.tr("证据"))
        self.tabs.addTab(self._jurisdiction_tab(), self.tr("管辖"))
        self.tabs.addTab(self._deadlines_tab(), self.tr("期限"))
        self.documents_tab = DocumentsTab(ctx)
        self.documents_tab.changed.connect(self._refresh_timeline)
        self.tabs.addTab(self.documents_tab, self.tr("文书"))
        self.referral_panel = ReferralPanel(ctx)
        self.referral_panel.screened.connect(self._screened)
        self.tabs.addTab(self.referral_panel, self.tr("移送司法"))
        self.triple_check = TripleCheckPanel(ctx)
        self.tabs.addTab(self.triple_check, self.tr("一案三查"))
        self.tabs.addTab(self._timeline_tab(), self.tr("时间线"))
        central = QWidget()
        layout = QVBoxLayout(central)
        self.stage_bar = StageBar()
        layout.addWidget(self.stage_bar)
        self.referral_banner = QLabel()
        self.referral_banner.setObjectName("referralBanner")
        self.referral_banner.setWordWrap(True)
        self.referral_banner.setStyleSheet(
            "background: #fde8e8; color: #8b0000; padding: 6px; font-weight: bold;"
        )
        layout.addWidget(self.referral_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        toolbar = self.addToolBar(self.tr("案件"))
        toolbar.setObjectName("caseToolbar")
        self.save_action = QAction(self.tr("保存"), self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        toolbar.addAction(self.save_action)
        close_action = QAction(self.tr("关闭"), self)
        close_action.setShortcut(QKeySequence.StandardKey.Close)
        close_action.triggered.connect(self.close)
        toolbar.addAction(close_action)
        install_archive(self, toolbar)  # 导出卷宗… for an archived case

        self.errors = FieldErrors(self.banner, self.tabs)
        self.errors.bind("case.title", self.title_edit)
        self.errors.bind("case.case_number", self.number_edit)
        self.errors.bind("case.received_on", self.received_edit)
        self.errors.bind("case.officers", self.officer_list)
        self.errors.bind("case", self.title_edit)
        self.errors.bind("parties", self.party_table)
        self.errors.bind("violations", self.violation_table)
        self.errors.bind("clue", self.summary_edit)

        self._load_fields()
        self._refresh_parties()
        self._refresh_violations()
        self._refresh_evidence()
        self._refresh_jurisdiction()
        self._refresh_deadlines()
        self.documents_tab.show_case(self.case)
        self._refresh_timeline()
        self._set_dirty(False)

    # --- tabs ----------------------------------------------------------------------------

    def _basic_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title_edit = QLineEdit(placeholderText=self.tr("如：某某公司直播间虚假宣传案"))
        self.number_edit = QLineEdit(
            placeholderText=self.tr("立案后填写，如 杭西市监立〔2026〕12号")
        )
        self.source_combo = QComboBox()
        for source in ClueSource:
            self.source_combo.addItem(source.label, source.value)
        self.received_edit = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.received_edit.setDisplayFormat("yyyy年M月d日")
        self.received_edit.setMaximumDate(to_qdate(self.ctx.today()))
        self.status_label = QLabel()
        self.dates_label = QLabel()
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setPlaceholderText(
            self.tr("案情摘要：线索来源、涉嫌违法行为、涉及的直播间和商品")
        )
        self.officer_list = QListWidget()
        self.officer_list.setMaximumHeight(120)
        for officer in self.officers.values():
            if not officer.active and officer.id not in self.case.officer_ids:
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
        self.title_edit.textEdited.connect(lambda _: self._set_dirty(True))
        self.number_edit.textEdited.connect(lambda _: self._set_dirty(True))
        self.source_combo.activated.connect(lambda _: self._set_dirty(True))
        self.received_edit.dateChanged.connect(lambda _: self._set_dirty(True))
        self.summary_edit.textChanged.connect(lambda: self._set_dirty(True))
        self.officer_list.itemChanged.connect(lambda _: self._set_dirty(True))
        return page

    def _parties_tab(self) -> QWidget:
        page = QWidget()
        self.party_table = _table(
            [self.tr("名称/姓名"), self.tr("本案身份"), self.tr("证照号码"), self.tr("住所地")]
        )
        self.party_table.doubleClicked.connect(lambda _: self.edit_party())
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("新建当事人…"), self.new_party, "newPartyButton"),
            (self.tr("添加已登记当事人…"), self.pick_party, "pickPartyButton"),
            (self.tr("编辑当事人…"), self.edit_party, "editPartyButton"),
            (self.tr("移出本案"), self.remove_party, "removePartyButton"),
            (self.tr("约谈当事人…"), self.summon_party, "summonButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.party_table)
        layout.addLayout(buttons)
        return page

    def _violations_tab(self) -> QWidget:
        page = QWidget()
        self.violation_table = _table(
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
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("添加违法行为…"), self.add_violation, "addViolationButton"),
            (self.tr("编辑…"), self.edit_violation, "editViolationButton"),
            (self.tr("删除"), self.remove_violation, "removeViolationButton"),
            (self.tr("处罚裁量…"), self.assess_violation, "penaltyButton"),
            (self.tr("查看法条"), self.show_violation_law, "lawButton"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            # clicked(bool) must not reach a slot's first argument (it opened row 0 for 处罚裁量)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.violation_table)
        layout.addLayout(buttons)
        return page

    def _evidence_tab(self) -> QWidget:
        page = QWidget()
        self.evidence_table = _table(
            [
                self.tr("文件名"),
                self.tr("大小"),
                self.tr("SHA-256"),
                self.tr("提取时间"),
                self.tr("提取人"),
                self.tr("校验"),
            ]
        )
        self.evidence_note = QLabel(
            self.tr("证据文件按 SHA-256 保存在证据库中；“重新校验”逐一核对文件是否被改动。")
        )
        self.evidence_note.setWordWrap(True)
        buttons = QHBoxLayout()
        self.add_evidence_button = QPushButton(self.tr("添加证据文件…"))
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.verify_button = QPushButton(self.tr("重新校验全部证据"))
        self.verify_button.clicked.connect(self.verify_evidence)
        buttons.addWidget(self.add_evidence_button)
        buttons.addWidget(self.verify_button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.evidence_note)
        layout.addWidget(self.evidence_table)
        layout.addLayout(buttons)
        return page

    def _jurisdiction_tab(self) -> QWidget:
        page = QWidget()
        self.jurisdiction_flag = QLabel()
        self.jurisdiction_flag.setObjectName("jurisdictionFlag")
        self.jurisdiction_flag.setWordWrap(True)
        self.jurisdiction_flag.setStyleSheet("color: #b00020; font-weight: bold;")
        self.jurisdiction_view = QTextBrowser()
        self.jurisdiction_view.setObjectName("jurisdictionView")
        self.jurisdiction_view.setOpenLinks(False)
        self.jurisdiction_view.anchorClicked.connect(
            lambda url: self.open_statute.emit(int(url.toString().removeprefix("article:")))
        )
        buttons = QHBoxLayout()
        self.recompute_button = QPushButton(self.tr("重新判断"))
        self.recompute_button.clicked.connect(self._refresh_jurisdiction)
        self.confirm_button = QPushButton(self.tr("确认管辖结论"))
        self.confirm_button.setObjectName("confirmJurisdictionButton")
        self.confirm_button.clicked.connect(self.confirm_jurisdiction)
        buttons.addWidget(self.recompute_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch()
        layout = QVBoxLayout(page)
        layout.addWidget(self.jurisdiction_flag)
        layout.addWidget(self.jurisdiction_view)
        layout.addLayout(buttons)
        return page

    def _refresh_jurisdiction(self) -> None:
        """Art 47 for each party of the case as it stands in the window (saved or not)."""
        case = self.collect()
        self.jurisdiction_results = jurisdiction.for_case(self.ctx, case, self.authority)
        saved = (
            jurisdiction.saved_conclusion(self.ctx, CaseId(self.case.id)) if self.case.id else None
        )
        changed = jurisdiction.changed_since_saved(saved, self.jurisdiction_results)
        self.jurisdiction_flag.setText(
            self.tr("当事人信息修改后，管辖结论已与确认时不同，请重新核对并确认。")
            if changed
            else ""
        )
        self.jurisdiction_flag.setVisible(changed)
        self.jurisdiction_view.setHtml(self._jurisdiction_html(saved))
        self.confirm_button.setEnabled(
            self.case.id is not None
            and any(r.result for r in self.jurisdiction_results)
            and not self.case.read_only
        )

    def _jurisdiction_html(self, saved: dict[str, object] | None) -> str:
        if not self.jurisdiction_results:
            return f"<p>{html.escape(self.tr('请先在“当事人”中列入当事人。'))}</p>"
        out = []
        for item in self.jurisdiction_results:
            out.append(f"<h4>{html.escape(item.party.name)}（{html.escape(item.role.label)}）</h4>")
            if item.result is None:
                out.append(f"<p style='color:#b00020'>{html.escape(item.problem)}</p>")
                continue
            r = item.result
            cite = r.basis.citation + (f"（经{r.via.citation}）" if r.via else "")
            out.append(
                f"<p><b>管辖地：{html.escape(r.region_name)}</b>　依据："
                f"<a href='article:{r.basis.article}'>{html.escape(cite)}</a></p>"
                f"<p>{html.escape(r.reasoning)}</p>"
                "<p>管辖部门："
                + "；".join(
                    f"{html.escape(d.name)}（{html.escape(d.duties)}）" for d in r.departments
                )
                + "</p>"
            )
            for alt in r.alternatives:
                out.append(
                    f"<p>另可：{html.escape(alt.region_name)}（{html.escape(alt.basis.citation)}）"
                    f"——{html.escape(alt.condition)}</p>"
                )
            if item.competence is not None:
                color = "#1b5e20" if item.competence.competent else "#b00020"
                out.append(
                    f"<p style='color:{color}'><b>{html.escape(item.competence.message)}</b></p>"
                )
                if item.competence.dispute_route:
                    out.append(f"<p>{html.escape(item.competence.dispute_route)}</p>")
        if saved:
            out.append(
                f"<p style='color:#555'>已确认的结论使用法规数据版本 "
                f"{html.escape(str(saved.get('law_data_version')))}。</p>"
            )
        return "".join(out)

    def confirm_jurisdiction(self) -> None:
        if self.case.id is None:
            return
        if self.dirty and not self.save():
            return
        self._refresh_jurisdiction()
        jurisdiction.save_conclusion(self.ctx, CaseId(self.case.id), self.jurisdiction_results)
        self._refresh_jurisdiction()
        self._refresh_timeline()

    def _deadlines_tab(self) -> QWidget:
        page = QWidget()
        self.deadline_table = _table(
            [self.tr("期限"), self.tr("到期日"), self.tr("剩余"), self.tr("依据"), self.tr("状态")]
        )
        self.deadline_table.setObjectName("deadlineTable")
        self.deadline_note = QLabel()
        self.deadline_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.deadline_table)
        layout.addWidget(self.deadline_note)
        return page

    def _screened(self, case: Case) -> None:
        version = case.version
        self.case.version = version
        self.case.procedure = case.procedure
        self._refresh_deadlines()
        self._refresh_timeline()

    def _refresh_deadlines(self) -> None:
        self.referral_banner.setText(banner_text(self.case))
        self.referral_banner.setVisible(bool(self.referral_banner.text()))
        self.referral_panel.show_case(self.case)
        self.triple_check.show_case(self.case)
        self.stage_bar.show_case(self.case)
        self.stage_bar.fill_menu(self.case, self.run_step)
        rows = deadline_rows(self.ctx, self.case) if self.case.id else []
        table = self.deadline_table
        table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            _fill_row(table, row, list(values))
            if values[4] == "已逾期":
                table.item(row, 4).setForeground(Qt.GlobalColor.red)  # type: ignore[union-attr]
        note = ""
        if self.case.status.value == "suspended":
            note = self.tr("案件中止，办案期限停止计算；恢复后继续计算（程序规定第六十四条）。")
        self.deadline_note.setText(note)

    def run_step(self, step_id: str) -> bool:
        """Run a workflow step on the saved case (saving pending edits first)."""
        if self.case.id is None:
            return False
        if self.dirty and not self.save():
            return False
        extra: dict[str, object] = {}
        if step_id == "referral_team":
            extra["officer_ids"] = [int(i) for i in self.case.officer_ids]
        defaults, locked = workflow.step_defaults(self.ctx, self.case)
        step = STEPS[step_id]
        if step.command in workflow.COMPETENCE_STEPS and step.fixed.get("kind") != "revoke":
            outside = workflow.not_competent_parties(self.ctx, self.case)
            if outside:  # the 管辖 tab says not competent: a reason is required, or transfer
                step = replace(
                    step,
                    params=(
                        *step.params,
                        ("jurisdiction_reason", self.tr("本局不具管辖权仍办理的理由"), "text"),
                    ),
                )
                locked = locked | {
                    "jurisdiction_reason": self.tr(
                        "管辖分析认为本局对%1不具有管辖权：应当移送有管辖权的机关"
                        "（办案操作 → 移送），或者写明仍由本局办理的理由。"
                    ).replace("%1", "、".join(outside))
                }
        dialog = StepDialog(self.ctx, CaseId(self.case.id), step, self, extra, defaults, locked)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_case is None:
            return False
        self.case = dialog.result_case
        self.case_parties = list(self.case.parties)
        self.violations = list(self.case.violations)
        self._load_fields()
        self._refresh_deadlines()
        self.documents_tab.show_case(self.case)
        self._refresh_timeline()
        self._set_dirty(False)
        if dialog.warnings:
            self.errors.show("；".join(dialog.warnings))
        assert self.case.id is not None
        self.saved.emit(int(self.case.id))
        return True

    def _timeline_tab(self) -> QWidget:
        page = QWidget()
        self.timeline_table = _table([self.tr("时间"), self.tr("执法人员"), self.tr("事项")])
        layout = QVBoxLayout(page)
        layout.addWidget(self.timeline_table)
        return page

    # --- loading and collecting ----------------------------------------------------------

    def _load_fields(self) -> None:
        case = self.case
        self.title_edit.setText(case.title)
        self.number_edit.setText(case.case_number)
        self.source_combo.setCurrentIndex(self.source_combo.findData(case.source.value))
        self.received_edit.setDate(to_qdate(case.received_on))
        self.summary_edit.setPlainText(case.summary)
        for i in range(self.officer_list.count()):
            item = self.officer_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in case.officer_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._show_status()

    def _show_status(self) -> None:
        case = self.case
        self.status_label.setText(case.status.label)
        dates = [
            (label, getattr(case, attr))
            for attr, label in (
                ("filed_on", "立案"),
                ("notice_served_on", "告知书送达"),
                ("decided_on", "决定"),
                ("decision_served_on", "决定书送达"),
                ("closed_on", "结案"),
            )
        ]
        shown = [f"{label} {chinese_date(d)}" for label, d in dates if d]
        self.dates_label.setText("；".join(shown) or self.tr("尚未立案"))
        number = case.case_number or self.tr("未立案")
        title = case.title or self.tr("新案件")
        self._base_title = f"{title}（{number}）" if case.id else self.tr("新建案件")
        self._set_dirty(self.dirty)

    def collect(self) -> Case:
        officer_ids = [
            OfficerId(int(self.officer_list.item(i).data(Qt.ItemDataRole.UserRole)))
            for i in range(self.officer_list.count())
            if self.officer_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        case = self.case
        return Case(
            title=self.title_edit.text().strip(),
            source=ClueSource(self.source_combo.currentData()),
            received_on=from_qdate(self.received_edit.date()),
            authority_id=case.authority_id,
            status=case.status,
            case_number=self.number_edit.text().strip(),
            summary=self.summary_edit.toPlainText().strip(),
            filed_on=case.filed_on,
            notice_served_on=case.notice_served_on,
            decided_on=case.decided_on,
            decision_served_on=case.decision_served_on,
            closed_on=case.closed_on,
            officer_ids=officer_ids,
            parties=list(self.case_parties),
            violations=list(self.violations),
            procedure=case.procedure,  # workflow facts are changed by steps, never by this form
            version=case.version,
            updated_by=case.updated_by,
            id=case.id,
        )

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        base = getattr(self, "_base_title", self.tr("案件"))
        self.setWindowTitle(("*" if dirty else "") + base)

    # --- save and close ------------------------------------------------------------------

    def save(self) -> bool:
        case = self.collect()
        try:
            if case.id is None:
                saved = cases.create_case(self.ctx, case)
            else:
                saved = cases.update_case(self.ctx, case)
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return False
        except ConflictError as exc:
            self.errors.show(exc.message)
            QMessageBox.warning(self, self.tr("保存冲突"), exc.message)
            return False
        except DomainError as exc:
            self.errors.show(exc.message)
            return False
        self.errors.clear()
        self.case = saved
        self.case_parties = list(saved.parties)
        self.violations = list(saved.violations)
        self._refresh_violations()
        self._show_status()
        self._refresh_deadlines()
        self.documents_tab.show_case(self.case)
        self._set_dirty(False)
        self._refresh_timeline()
        assert saved.id is not None
        self.saved.emit(int(saved.id))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.dirty:
            event.accept()
            return
        answer = QMessageBox.question(
            self,
            self.tr("尚未保存"),
            self.tr("案件有尚未保存的修改。关闭前保存吗？"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if (
            answer == QMessageBox.StandardButton.Save and self.save()
        ) or answer == QMessageBox.StandardButton.Discard:
            event.accept()
        else:
            event.ignore()

    # --- parties -------------------------------------------------------------------------

    def _refresh_parties(self) -> None:
        table = self.party_table
        table.setRowCount(len(self.case_parties))
        for row, cp in enumerate(self.case_parties):
            party = self.party_cache.get(int(cp.party_id))
            if party is None:
                continue
            place = regions().full_name(party.domicile.region) if party.domicile.region else ""
            _fill_row(
                table,
                row,
                [
                    party.name,
                    cp.role.label,
                    party.masked_identifier,
                    place + party.domicile.address,
                ],
            )

    def _add_case_party(self, party: Party) -> None:
        assert party.id is not None
        self.party_cache[int(party.id)] = party
        roles = sorted(party.roles)
        role = roles[0]
        if len(roles) > 1:
            labels = [r.label for r in roles]
            choice, ok = QInputDialog.getItem(
                self, self.tr("本案身份"), self.tr("该当事人在本案中的身份："), labels, 0, False
            )
            if not ok:
                return
            role = roles[labels.index(choice)]
        if any(cp.party_id == party.id and cp.role == role for cp in self.case_parties):
            self.errors.show(self.tr("该当事人已以此身份列入本案。"), "parties")
            return
        self.case_parties.append(CaseParty(PartyId(party.id), role))
        self._refresh_parties()
        self._refresh_jurisdiction()
        self._set_dirty(True)

    def new_party(self) -> None:
        dialog = PartyDialog(self.ctx, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self._add_case_party(dialog.saved)

    def pick_party(self) -> None:
        picker = PartyPickerDialog(self.ctx, None, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen_party is not None:
            self._add_case_party(picker.chosen_party)

    def edit_party(self) -> None:
        row = self.party_table.currentRow()
        if row < 0:
            return
        party_id = self.case_parties[row].party_id
        dialog = PartyDialog(self.ctx, parties.get_party(self.ctx, party_id), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.party_cache[int(party_id)] = dialog.saved
            self._refresh_parties()
            self._refresh_jurisdiction()

    def summon_party(self) -> SummonsDialog | None:
        row = self.party_table.currentRow()
        if row < 0 or self.case.id is None:
            return None
        party = self.party_cache[int(self.case_parties[row].party_id)]
        dialog = SummonsDialog(self.ctx, party, case_id=int(self.case.id), parent=self)
        dialog.show()
        return dialog

    def remove_party(self) -> None:
        row = self.party_table.currentRow()
        if row >= 0:
            del self.case_parties[row]
            self._refresh_parties()
            self._refresh_jurisdiction()
            self._set_dirty(True)

    # --- violations ----------------------------------------------------------------------

    def _case_roles(self) -> set[PartyRole]:
        return {cp.role for cp in self.case_parties}

    def _refresh_violations(self) -> None:
        table = self.violation_table
        table.setRowCount(len(self.violations))
        for row, v in enumerate(self.violations):
            p = provision(v.provision_id)
            end = "持续中" if v.continuing else chinese_date(v.act_end) if v.act_end else "当日"
            _fill_row(
                table,
                row,
                [
                    p.location,
                    p.label,
                    chinese_date(v.act_start) if v.act_start else "",
                    end,
                    v.facts,
                    (v.assessment or {}).get("summary", ""),
                ],
            )
            table.item(row, 0).setToolTip(p.citation)  # type: ignore[union-attr]

    def _violation_dialog(self, violation: Violation | None) -> Violation | None:
        names = [
            (int(cp.party_id), self.party_cache[int(cp.party_id)].name)
            for cp in self.case_parties
            if int(cp.party_id) in self.party_cache
        ]
        dialog = ViolationDialog(self._case_roles(), self.ctx.today(), violation, self, names)
        dialog.open_statute.connect(self.open_statute)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_violation
        return None

    def add_violation(self) -> None:
        result = self._violation_dialog(None)
        if result is not None:
            self.violations.append(result)
            self._refresh_violations()
            self._set_dirty(True)

    def edit_violation(self) -> None:
        row = self.violation_table.currentRow()
        if row < 0:
            return
        result = self._violation_dialog(self.violations[row])
        if result is not None:
            self.violations[row] = result
            self._refresh_violations()
            self._set_dirty(True)

    def remove_violation(self) -> None:
        row = self.violation_table.currentRow()
        if row >= 0:
            del self.violations[row]
            self._refresh_violations()
            self._set_dirty(True)

    def assess_violation(self, row: int | None = None) -> PenaltyDialog | None:
        """Open the penalty assessment for the selected violation (non-blocking in tests)."""
        row = self.violation_table.currentRow() if row is None else row
        if row < 0 or row >= len(self.violations):
            return None
        violation = self.violations[row]
        roles = provision(violation.provision_id).roles
        kinds = [
            self.party_cache[int(cp.party_id)].kind
            for cp in self.case_parties
            if cp.role in roles and int(cp.party_id) in self.party_cache
        ]
        dialog = PenaltyDialog(
            violation,
            kinds[0] if kinds else PartyKind.ORGANIZATION,
            self.case.received_on,
            self.ctx.today(),
            self,
            penalty.current_overrides(self.ctx),
            same_act_warnings(row, self.violations),
        )
        dialog.open_row = row  # type: ignore[attr-defined]
        dialog.accepted.connect(lambda d=dialog: self._assessed(d))
        dialog.open()
        return dialog

    def _assessed(self, dialog: PenaltyDialog) -> None:
        row = dialog.open_row  # type: ignore[attr-defined]
        self.violations[row].assessment = dialog.result_assessment
        self._refresh_violations()
        self._set_dirty(True)

    def show_violation_law(self) -> None:
        row = self.violation_table.currentRow()
        if row >= 0:
            self.open_statute.emit(provision(self.violations[row].provision_id).article)

    # --- evidence ------------------------------------------------------------------------

    def _refresh_evidence(self, checks: dict[str, str] | None = None) -> None:
        items: list[Evidence] = []
        if self.case.id is not None:
            items = evidence.list_evidence(self.ctx, CaseId(self.case.id))
        table = self.evidence_table
        table.setRowCount(len(items))
        for row, item in enumerate(items):
            officer = self.officers.get(int(item.captured_by)) if item.captured_by else None
            local = item.captured_at.astimezone()
            _fill_row(
                table,
                row,
                [
                    item.original_name,
                    human_size(item.size),
                    item.sha256,
                    f"{chinese_date(local.date())} {local:%H:%M}",
                    officer.name if officer else "",
                    (checks or {}).get(item.sha256, ""),
                ],
            )
        self.add_evidence_button.setEnabled(self.case.id is not None)
        self.verify_button.setEnabled(bool(items))
        if self.case.id is None:
            self.evidence_note.setText(self.tr("请先保存案件，再添加证据。"))

    def add_evidence(self, path: str | None = None) -> None:
        if self.case.id is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("选择证据文件"))
        if not path:
            return
        ctx, case_id, source = self.ctx, CaseId(self.case.id), Path(path)
        self.evidence_op = operations.run(  # hashing a long recording takes a while
            lambda _progress: evidence.add_evidence_file(ctx, case_id, source),
            lambda _added: self._evidence_added(),
            parent=self,
            label=self.tr("正在添加证据…"),
        )

    def _evidence_added(self) -> None:
        self._refresh_evidence()
        self._refresh_timeline()

    def verify_evidence(self) -> None:
        if self.case.id is None:
            return
        ctx, case_id = self.ctx, CaseId(self.case.id)
        self.check_op = operations.run(
            lambda progress: evidence.verify_evidence(ctx, case_id, progress),
            self._evidence_checked,
            parent=self,
            label=self.tr("正在校验证据文件…"),
            cancellable=True,
        )

    def _evidence_checked(self, results: list[evidence.EvidenceCheck]) -> None:
        checks = {r.evidence.sha256: ("一致" if r.ok else r.problem) for r in results}
        self._refresh_evidence(checks)
        bad = [r for r in results if not r.ok]
        if bad:
            lines = "\n".join(f"{r.evidence.original_name}：{r.problem}" for r in bad)
            self.errors.show(
                self.tr("%1 个证据文件校验不一致：").replace("%1", str(len(bad))) + lines
            )
        else:
            self.errors.clear()
            self.statusBar().showMessage(
                self.tr("%1 个证据文件校验一致。").replace("%1", str(len(results))), 8000
            )

    # --- timeline ------------------------------------------------------------------------

    def _refresh_timeline(self) -> None:
        events = cases.timeline(self.ctx, CaseId(self.case.id)) if self.case.id else []
        table = self.timeline_table
        table.setRowCount(len(events))
        for row, event in enumerate(reversed(events)):
            officer = self.officers.get(int(event.officer_id)) if event.officer_id else None
            local = event.at.astimezone()
            _fill_row(
                table,
                row,
                [
                    f"{chinese_date(local.date())} {local:%H:%M}",
                    officer.name if officer else "",
                    event.summary,
                ],
            )
            if event.before or event.after:
                table.item(row, 2).setToolTip(f"修改前：{event.before}\n修改后：{event.after}")  # type: ignore[union-attr]
