"""One case, in tabs: 基本信息, 当事人, 违法行为, 证据, 管辖, 期限, 文书, 移送司法, 一案三查, 时间线.

Each tab is its own widget with ``load(case)`` / ``save(draft)`` (``case_tabs``); this window
holds the case, saves it, and runs the workflow steps of 办案操作. Edits stay in the window
until 保存; closing with unsaved edits asks first; a refused save (bad input, someone else's
newer save) says why and keeps every field as typed.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.authority import Authority, Officer
from lcregulator.domain.cases import Case, CaseId, ClueSource
from lcregulator.domain.errors import ConflictError, DomainError, ValidationError
from lcregulator.services import cases, setup, workflow
from lcregulator.services.context import AppContext

from . import date_fields
from .archive_actions import install as install_archive
from .bundle_actions import install as install_bundle
from .case_tabs.basic import BasicTab
from .case_tabs.common import CaseTab
from .case_tabs.deadlines import DeadlinesTab
from .case_tabs.evidence import EvidenceTab
from .case_tabs.jurisdiction import JurisdictionTab
from .case_tabs.parties import PartiesTab
from .case_tabs.timeline import TimelineTab
from .case_tabs.violations import ViolationsTab
from .documents_tab import DocumentsTab
from .field_errors import FieldErrors
from .referral_panel import ReferralPanel, banner_text
from .screen_fit import fit_to_screen
from .triple_check_panel import TripleCheckPanel
from .workflow_panel import StageBar, StepDialog


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
        officers: dict[int, Officer] = {
            int(o.id): o for o in setup.all_officers(ctx, authority.id) if o.id is not None
        }
        self.dirty = False
        fit_to_screen(self, 1000, 680)

        self.banner = QLabel()
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("color: #b00020; padding: 4px;")
        self.tabs = QTabWidget()
        self.errors = FieldErrors(self.banner, self.tabs)
        self.basic_tab = BasicTab(officers, self.case, ctx.today())
        self.parties_tab = PartiesTab(ctx, self.errors)
        self.violations_tab = ViolationsTab(ctx, self.parties_tab)
        self.evidence_tab = EvidenceTab(ctx, officers, self.errors)
        self.jurisdiction_tab = JurisdictionTab(ctx, authority)
        self.deadlines_tab = DeadlinesTab(ctx)
        self.documents_tab = DocumentsTab(ctx)
        self.referral_panel = ReferralPanel(ctx)
        self.triple_check = TripleCheckPanel(ctx)
        self.timeline_tab = TimelineTab(ctx, officers)
        self.pages: list[CaseTab] = [
            self.basic_tab,
            self.parties_tab,
            self.violations_tab,
            self.evidence_tab,
            self.jurisdiction_tab,
            self.deadlines_tab,
            self.timeline_tab,
        ]
        tab: QWidget
        for tab, title in (
            (self.basic_tab, self.tr("基本信息")),
            (self.parties_tab, self.tr("当事人")),
            (self.violations_tab, self.tr("违法行为")),
            (self.evidence_tab, self.tr("证据")),
            (self.jurisdiction_tab, self.tr("管辖")),
            (self.deadlines_tab, self.tr("期限")),
            (self.documents_tab, self.tr("文书")),
            (self.referral_panel, self.tr("移送司法")),
            (self.triple_check, self.tr("一案三查")),
            (self.timeline_tab, self.tr("时间线")),
        ):
            self.tabs.addTab(tab, title)
        for page in self.pages:
            page.edited.connect(lambda: self._set_dirty(True))
            page.changed.connect(self.timeline_tab.refresh)
        # 管辖 follows the parties as edited, before they are saved
        self.parties_tab.parties_changed.connect(self._recompute_jurisdiction)
        self.jurisdiction_tab.recompute.connect(self._recompute_jurisdiction)
        self.jurisdiction_tab.confirm.connect(self.confirm_jurisdiction)
        self.violations_tab.open_statute.connect(self.open_statute)
        self.jurisdiction_tab.open_statute.connect(self.open_statute)
        self.evidence_tab.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.documents_tab.changed.connect(self.timeline_tab.refresh)
        self.referral_panel.screened.connect(self._screened)

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
        self._toolbar()
        self._bind_errors()
        self._load(self.case)

    def _toolbar(self) -> None:
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
        install_bundle(self, toolbar)  # 导出案件包… (移送, archives)

    def _bind_errors(self) -> None:
        """The fields a service's ``ValidationError`` may name, so the error shows at them."""
        basic = self.basic_tab
        self.errors.bind("case.title", basic.title_edit)
        self.errors.bind("case.case_number", basic.number_edit)
        self.errors.bind("case.received_on", basic.received_edit)
        self.errors.bind("case.officers", basic.officer_list)
        self.errors.bind("case", basic.title_edit)
        self.errors.bind("parties", self.parties_tab.party_table)
        self.errors.bind("violations", self.violations_tab.violation_table)
        self.errors.bind("clue", basic.summary_edit)

    # --- loading and collecting ----------------------------------------------------------

    def _load(self, case: Case) -> None:
        """Show ``case`` (saved, or as a step left it) in every tab; nothing is unsaved then."""
        self.case = case
        # the parties and violations first: 管辖 reads the case as the window holds it
        for page in self.pages:
            page.load(case)
        self._show_workflow()
        self.documents_tab.show_case(case)
        number = case.case_number or self.tr("未立案")
        title = case.title or self.tr("新案件")
        self._base_title = f"{title}（{number}）" if case.id else self.tr("新建案件")
        self._set_dirty(False)

    def _show_workflow(self) -> None:
        self.referral_banner.setText(banner_text(self.case))
        self.referral_banner.setVisible(bool(self.referral_banner.text()))
        self.referral_panel.show_case(self.case)
        self.triple_check.show_case(self.case)
        self.stage_bar.show_case(self.case)
        self.stage_bar.fill_menu(self.case, self.run_step)

    def collect(self) -> Case:
        """The case as it stands in the window: the saved case with every tab's edits.

        Workflow facts (status, dates, procedure) are changed by steps, never by the tabs."""
        draft = replace(self.case, parties=list(self.case.parties))
        draft.violations = list(self.case.violations)
        draft.officer_ids = list(self.case.officer_ids)
        for page in self.pages:
            page.save(draft)
        return draft

    def _recompute_jurisdiction(self) -> None:
        self.jurisdiction_tab.load(self.collect())

    def confirm_jurisdiction(self) -> None:
        """确认管辖结论: about the saved parties, so pending edits are saved first."""
        if self.case.id is None or (self.dirty and not self.save()):
            return
        self.jurisdiction_tab.record(self.case)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        base = getattr(self, "_base_title", self.tr("案件"))
        self.setWindowTitle(("*" if dirty else "") + base)

    # --- save, steps and close -----------------------------------------------------------

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
        self._load(saved)
        assert saved.id is not None
        self.saved.emit(int(saved.id))
        return True

    def _screened(self, case: Case) -> None:
        """The 移送司法 screening was saved: it moved the version and the procedure only."""
        self.case.version = case.version
        self.case.procedure = case.procedure
        self._show_workflow()
        self.deadlines_tab.load(self.case)
        self.timeline_tab.refresh()

    def run_step(self, step_id: str) -> bool:
        """Run a workflow step on the saved case (saving pending edits first)."""
        if self.case.id is None:
            return False
        if self.dirty and not self.save():
            return False
        form = workflow.step_form(self.ctx, self.case, step_id)
        dialog = StepDialog(self.ctx, CaseId(self.case.id), form, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_case is None:
            return False
        self._load(dialog.result_case)
        if dialog.warnings:
            self.errors.show("；".join(dialog.warnings))
        assert self.case.id is not None
        self.saved.emit(int(self.case.id))
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
