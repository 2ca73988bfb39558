"""The window an officer lives in: the case register with search and filters.

Commands come from the action registry (``actions.py``); each case opens in its own window,
and a case saved there refreshes the register.

Only what the first paint needs is imported here: the case window, dialogs, printing and the
document services (reportlab, python-docx, Jinja2) are imported where they are first used, so
the register opens almost as fast as a bare window (see ``gui/app.py`` for the warm-up that
loads them in the background once the window is shown).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lcregulator import __version__
from lcregulator.domain.authority import Authority
from lcregulator.domain.case_list import CaseQuery
from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.errors import DomainError
from lcregulator.services import auth, cases, setup
from lcregulator.services.context import AppContext

from . import actions, date_fields
from .case_table import CaseTableModel
from .lazy_tabs import LazyTabs
from .screen_fit import fit_to_screen
from .sign_in import ChangePasswordDialog, IdleLock, choose_officer
from .start_page import StartPage

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from .case_window import CaseWindow
    from .clue_register import ClueRegisterPage
    from .due_page import DueSoonPage
    from .guide import GuideDialog
    from .reports_window import ReportsWindow
    from .statute_viewer import StatuteViewer
    from .summons_dialog import SummonsDialog

NO_DATE = QDate(2000, 1, 1)  # shown as 不限
SEARCH_DEBOUNCE_MS = 100  # between Latin keystrokes in the search box


class MainWindow(QMainWindow):
    actions: dict[str, QAction]  # type: ignore[assignment]  # by id; shadows QWidget.actions()

    def __init__(
        self, ctx: AppContext, authority: Authority, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        date_fields.install()  # Tab leaves a date field instead of editing its month
        self.ctx = ctx
        self.authority = authority
        self.case_windows: dict[int, CaseWindow] = {}  # saved cases, by id
        self.open_windows: list[CaseWindow] = []  # every case window, new ones too
        self.statute_viewer: StatuteViewer | None = None
        # the desktop appends the application's display name (直播电商监管执法办案系统)
        self.setWindowTitle(authority.name)
        fit_to_screen(self, 1200, 760)

        toolbar = self.addToolBar(self.tr("常用"))
        toolbar.setObjectName("mainToolbar")
        self.actions = actions.build(
            self,
            {
                "case.new": self.new_case,
                "case.clue": self.register_clue,
                "case.open": self.open_selected,
                "case.refresh": self.refresh,
                "case.batch_print": self.batch_print,
                "case.summons": self.new_summons,
                "case.register_export": self.export_register,
                "app.quit": self.close,
                "view.search": lambda: self.search.setFocus(),
                "view.statute": lambda: self.show_statute(1),
                "tools.settings": self.show_settings,
                "tools.reports": self.show_reports,
                "tools.demo": self.load_demo,
                "tools.overrides": self.load_overrides,
                "tools.backup": self.show_backup,
                "help.guide": self.show_guide,
                "help.about": self.show_about,
                "file.switch_officer": self.switch_officer,
                "file.change_password": self.change_password,
                "file.lock": self.lock_now,
                "file.import_bundle": self.import_bundle,
                "tools.integrity": self.show_integrity,
                "tools.templates": self.show_templates,
            },
            toolbar,
        )

        self.search = QLineEdit(
            placeholderText=self.tr(
                "查找：案件编号、当事人名称、统一社会信用代码/身份证号、直播账号或直播间名称"
            )
        )
        self.search.setObjectName("searchEdit")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部阶段"), None)
        for status in CaseStatus:
            self.status_filter.addItem(status.label, status.value)
        self.officer_filter = QComboBox()
        self.officer_filter.addItem(self.tr("全部承办人"), None)
        assert authority.id is not None
        for officer in setup.all_officers(ctx, authority.id):
            self.officer_filter.addItem(officer.name, officer.id)
        self.date_from = self._date_edit()
        self.date_to = self._date_edit()
        self.overdue_filter = QCheckBox(self.tr("仅逾期"))
        self.overdue_filter.setObjectName("overdueFilter")
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.officer_filter)
        filters.addWidget(QLabel(self.tr("日期从")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("至")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.overdue_filter)
        filters.addWidget(self.count_label)

        self.model = CaseTableModel(ctx, self)
        self.model.counted.connect(self._show_count)
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(0)  # fit the rows on screen, not all 200 (−0.3 s)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self.open_index)

        self.empty = QLabel()
        self.empty.setObjectName("emptyLabel")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.table)
        register = self.register_page = QWidget()
        layout = QVBoxLayout(register)
        layout.addLayout(filters)
        layout.addWidget(self.stack)
        self.pages = QTabWidget()
        self.pages.setObjectName("mainPages")
        self.lazy_tabs = LazyTabs(self.pages)  # built when first shown, after the first paint
        self.start_page = StartPage(ctx)
        self.start_page.open_case.connect(self.open_case)
        self.pages.addTab(self.start_page, self.tr("首页"))
        self.lazy_tabs.add("due", self.tr("期限预警"), self._build_due_page)
        self.lazy_tabs.add("clues", self.tr("线索登记"), self._build_clue_page)
        self.pages.addTab(register, self.tr("案件登记簿"))
        has_cases = bool(cases.count_cases(ctx))
        self.pages.setCurrentWidget(self.start_page if has_cases else register)
        # red when the start-up check finds the timeline's hash chain broken
        self.chain_banner = QLabel()
        self.chain_banner.setObjectName("chainBanner")
        self.chain_banner.setWordWrap(True)
        self.chain_banner.setStyleSheet(
            "background: #b00020; color: white; font-weight: bold; padding: 6px;"
        )
        self.chain_banner.hide()
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.addWidget(self.chain_banner)
        central_layout.addWidget(self.pages)
        self.setCentralWidget(central)
        self.idle_lock: IdleLock | None = None

        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self._searched_text = ""
        self.search.textChanged.connect(self._search_text_changed)
        for combo in (self.status_filter, self.officer_filter):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self.apply_filters())
        self.overdue_filter.toggled.connect(lambda _: self.apply_filters())

        self.officer_label = QLabel()
        self.officer_label.setObjectName("officerLabel")
        self._show_officer()
        database = self.tr("共享数据库") if not ctx.database.is_sqlite else self.tr("本机数据库")
        self.statusBar().addWidget(self.officer_label)
        self.statusBar().addPermanentWidget(QLabel(database))
        self.model.reload()
        self._show_state()
        from .reporting_actions import install as install_reporting

        install_reporting(self)  # the 统计报表 tab

    def _build_due_page(self) -> DueSoonPage:
        from .due_page import DueSoonPage

        page = DueSoonPage(self.ctx)
        page.open_case.connect(self.open_case_deadlines)
        page.open_summons.connect(self.open_summons)
        return page

    def _build_clue_page(self) -> ClueRegisterPage:
        from .clue_register import ClueRegisterPage

        page = ClueRegisterPage(self.ctx)
        page.open_case.connect(self._open_clue_case)
        return page

    @property
    def due_page(self) -> DueSoonPage:
        """期限预警, built now if the officer has not opened it yet."""
        return self.lazy_tabs.page("due")  # type: ignore[return-value]

    @property
    def clue_page(self) -> ClueRegisterPage:
        """线索登记, built now if the officer has not opened it yet."""
        return self.lazy_tabs.page("clues")  # type: ignore[return-value]

    @property
    def stats_page(self) -> QWidget:
        """统计报表, built now if the officer has not opened it yet."""
        return self.lazy_tabs.page("stats")

    def _show_officer(self) -> None:
        officer = self.ctx.officer
        who = f"{officer.name}（{officer.roles_label}）" if officer else self.tr("未选择执法人员")
        self.officer_label.setText(self.tr("当前执法人员：%1").replace("%1", who))

    # --- who is at the keyboard ------------------------------------------------------------

    def start_security(self, interval_ms: int | None = None) -> IdleLock:
        """The idle lock (the bureau's minutes; ``interval_ms`` in tests) and, in the
        background, the start-up check of the timeline's hash chain."""
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.idle_lock = IdleLock(
            self.ctx, auth.idle_lock_minutes(self.ctx), self.switch_officer, interval_ms, self
        )
        self.idle_lock.unlocked.connect(self._after_sign_in)
        return self.idle_lock

    def watch_connection(self) -> QLabel:
        """The outage banner above the pages (a shared server only; after the first paint):
        a lost connection is said there and retried; when it is back the register reloads."""
        banner = getattr(self, "outage_banner", None)
        if banner is None:
            from .outage import OutageBanner

            banner = self.outage_banner = OutageBanner(self.ctx, self)
            central = self.centralWidget()
            layout = central.layout() if central is not None else None
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(0, banner)
            banner.restored.connect(self.model.reload)
        return banner

    def start_chain_check(self) -> object:
        from .integrity_dialog import check_chain_in_background

        self._chain_job = check_chain_in_background(self.ctx, self.chain_banner)
        return self._chain_job

    def switch_officer(self) -> bool:
        """文件 → 切换执法人员: someone else signs in without restarting. The case windows
        close first (their unsaved edits are asked about); cancelling keeps the officer."""
        for window in list(self.open_windows):
            if window.isVisible() and not window.close():
                return False
        current = self.ctx.officer
        chosen = choose_officer(self.ctx, self, current.id if current else None)
        if chosen is None:
            self.ctx.officer = current
            return False
        self._after_sign_in()
        return True

    def officer_signed_in(self) -> None:
        """The window was built ahead of the sign-in (start-up): show who signed in and their
        own cases now, and read the register again once the window is on screen (on a shared
        server a colleague may have added a case while the officer typed the password)."""
        from .app import after_first_paint

        self._show_officer()
        self.start_page.refresh()
        after_first_paint(self, self._reload_register)

    def _reload_register(self) -> None:
        self.model.reload()
        self._show_state()

    def _after_sign_in(self) -> None:
        self._show_officer()
        self.refresh()

    def change_password(self) -> bool:
        dialog = ChangePasswordDialog(self.ctx, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.statusBar().showMessage(self.tr("密码已修改。"), 6000)
        return True

    def lock_now(self) -> None:
        if self.idle_lock is None:
            self.start_security()
        assert self.idle_lock is not None
        self.idle_lock.lock()

    def show_integrity(self) -> QDialog:
        from .integrity_dialog import IntegrityDialog

        dialog = IntegrityDialog(self.ctx, self)
        dialog.show()
        return dialog

    def show_templates(self) -> QDialog:
        from .templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.ctx, self)
        dialog.show()
        return dialog

    def _date_edit(self) -> QDateEdit:
        edit: QDateEdit = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(NO_DATE)
        return edit

    # --- register ------------------------------------------------------------------------

    def current_query(self) -> CaseQuery:
        status = self.status_filter.currentData()

        def day(edit: QDateEdit) -> dt.date | None:
            if edit.date() == NO_DATE:
                return None
            chosen = edit.date()
            return dt.date(chosen.year(), chosen.month(), chosen.day())

        return CaseQuery(
            text=self.search.text().strip(),
            statuses=frozenset({CaseStatus(status)}) if status else frozenset(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            officer_id=self.officer_filter.currentData(),
            overdue_on=self.ctx.today() if self.overdue_filter.isChecked() else None,
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def _search_text_changed(self, text: str) -> None:
        """Latin letters and digits arrive a keystroke at a time: wait for a pause in the
        typing. A word committed by the input method (Chinese), a paste, or an emptied box is
        complete as it comes: search at once."""
        before, self._searched_text = self._searched_text, text
        if text.startswith(before):  # typed on
            added = text[len(before) :]
            keystroke = len(added) == 1 and added.isascii()
        else:  # one Backspace, or a replaced or emptied box
            keystroke = bool(text) and before.startswith(text) and len(before) == len(text) + 1
        self._search_timer.start(SEARCH_DEBOUNCE_MS if keystroke else 0)

    def apply_filters(self) -> None:
        self.model.set_query(self.current_query())
        self._show_state()

    def refresh(self) -> None:
        self.model.reload()
        self._show_state()
        for key in ("due", "clues"):  # pages not built yet read fresh when they are built
            page = self.lazy_tabs.built(key) if hasattr(self, "lazy_tabs") else None
            if page is not None and hasattr(page, "refresh"):
                page.refresh()
        if hasattr(self, "start_page"):
            self.start_page.refresh()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("共 %1 件").replace("%1", str(total)))

    def _show_state(self) -> None:
        if self.model.total is None:
            self.count_label.setText(self.tr("计数中…"))
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
            return
        filtered = self.current_query() != CaseQuery(
            sort=self.model.query.sort, descending=self.model.query.descending
        )
        self.empty.setText(
            self.tr("没有符合条件的案件。")
            if filtered
            else self.tr("尚无案件。点击“新建案件”登记第一件案件，或在“工具”菜单中载入演示案件。")
        )
        self.stack.setCurrentWidget(self.empty)

    # --- cases ---------------------------------------------------------------------------

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_index(index)

    def open_index(self, index: QModelIndex) -> None:
        self.open_case(self.model.summary(index.row()).id)

    def open_case(self, case_id: int) -> CaseWindow:
        from .case_window import CaseWindow

        window = self.case_windows.get(case_id)
        if window is None:
            window = CaseWindow(self.ctx, self.authority, cases.get_case(self.ctx, CaseId(case_id)))
            self._track(window)
            self.case_windows[case_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def register_clue(self) -> None:
        self.pages.setCurrentWidget(self.clue_page)
        self.clue_page.register()

    def _open_clue_case(self, case_id: int) -> None:
        self.refresh()
        self.open_case(case_id)

    def open_case_deadlines(self, case_id: int) -> CaseWindow:
        window = self.open_case(case_id)
        window.tabs.setCurrentWidget(window.deadlines_tab)
        return window

    def new_case(self) -> CaseWindow:
        from .case_window import CaseWindow

        window = CaseWindow(self.ctx, self.authority, None)
        self._track(window)
        window.show()
        return window

    def _track(self, window: CaseWindow) -> None:
        self.open_windows.append(window)
        window.saved.connect(lambda case_id, w=window: self._on_saved(case_id, w))
        window.open_statute.connect(self.show_statute)
        window.destroyed.connect(lambda _=None, w=window: self._forget(w))
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _on_saved(self, case_id: int, window: CaseWindow) -> None:
        self.case_windows[case_id] = window
        self.refresh()

    def _forget(self, window: CaseWindow) -> None:
        if window in self.open_windows:
            self.open_windows.remove(window)
        for key, value in list(self.case_windows.items()):
            if value is window:
                del self.case_windows[key]

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the case windows first; one with unsaved edits may refuse (its officer said
        Cancel), and then the application stays open."""
        for window in list(self.open_windows):
            if window.isVisible() and not window.close():
                event.ignore()
                return
        if self.statute_viewer is not None:
            self.statute_viewer.close()
        if self.idle_lock is not None:
            self.idle_lock.stop()
        event.accept()

    # --- tools ---------------------------------------------------------------------------

    def show_statute(self, article: int) -> StatuteViewer:
        from .statute_viewer import StatuteViewer

        if self.statute_viewer is None:
            self.statute_viewer = StatuteViewer(self)
        self.statute_viewer.show()
        self.statute_viewer.raise_()
        self.statute_viewer.show_article(article)
        return self.statute_viewer

    def export_register(self) -> None:
        from .reporting_actions import export_register

        export_register(self)

    def show_reports(self) -> ReportsWindow:
        """平台报送身份信息 (Art 9 / Art 48), non-modal beside the register."""
        from .reports_window import ReportsWindow

        window = ReportsWindow(self.ctx, self)
        window.show()
        return window

    def show_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()
        refreshed = setup.our_authority(self.ctx)
        if refreshed is not None:
            self.authority = refreshed
            self.setWindowTitle(
                self.tr("直播电商监管执法办案系统 — %1").replace("%1", refreshed.name)
            )

    def new_summons(self, party: object = None) -> SummonsDialog | None:
        """A summons standing alone, as a supervision matter about one party."""
        from .party_dialog import PartyPickerDialog
        from .summons_dialog import SummonsDialog

        if party is None:
            picker = PartyPickerDialog(self.ctx, None, self)
            if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen_party is None:
                return None
            party = picker.chosen_party
        dialog = SummonsDialog(self.ctx, party, parent=self)  # type: ignore[arg-type]
        dialog.escalated.connect(self._escalated)
        dialog.show()
        return dialog

    def open_summons(self, summons_id: int) -> SummonsDialog:
        from lcregulator.services import parties as party_service

        from .summons_dialog import SummonsDialog

        with self.ctx.unit_of_work() as uow:
            summons = uow.summonses.get(summons_id)
        party = party_service.get_party(self.ctx, summons.party_id)  # type: ignore[arg-type]
        dialog = SummonsDialog(self.ctx, party, summons, parent=self)
        dialog.escalated.connect(self._escalated)
        dialog.show()
        return dialog

    def _escalated(self, case_id: int) -> None:
        self.refresh()
        window = self.open_case(case_id)
        window.tabs.setCurrentIndex(0)

    def selected_case_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.model.summary(r).id) for r in rows]

    def batch_print(self, kind: str | None = None, printer: QPrinter | None = None) -> int:
        """Print one kind of document for every selected case (e.g. all 送达回证); returns how
        many documents go to the printer."""
        from PySide6.QtPrintSupport import QPrintDialog

        from lcregulator.documents.template import definition
        from lcregulator.services import documents

        from .documents_tab import a4_printer, batch_print

        case_ids = self.selected_case_ids()
        if not case_ids:
            self.statusBar().showMessage(self.tr("请先在案件登记簿中选择案件。"), 6000)
            return 0
        if kind is None:
            held = documents.issued_kinds(self.ctx, case_ids)
            if not held:
                self.statusBar().showMessage(self.tr("所选案件尚未出具文书。"), 6000)
                return 0
            titles = [
                self.tr("%1（%2 件案件）").replace("%1", definition(k).title).replace("%2", str(n))
                for k, n in held
            ]
            title, ok = QInputDialog.getItem(
                self, self.tr("批量打印"), self.tr("打印哪一种文书："), titles, 0, False
            )
            if not ok:
                return 0
            kind = held[titles.index(title)][0]
        records = documents.latest_of_kind(self.ctx, case_ids, kind)
        if not records:
            self.statusBar().showMessage(self.tr("所选案件尚未出具这种文书。"), 6000)
            return 0
        if printer is None:
            printer = a4_printer()
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return 0

        def printed(pages: int) -> None:
            self.statusBar().showMessage(
                self.tr("已打印 %1 份文书，共 %2 页。")
                .replace("%1", str(len(records)))
                .replace("%2", str(pages)),
                8000,
            )

        # off the UI thread (an operation): the pages count arrives in the status bar
        self.print_op = batch_print(self.ctx, records, printer, self, printed)
        return len(records)

    def load_overrides(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("选择本省裁量基准文件"), "", self.tr("裁量基准 (*.json)")
            )
        if not path:
            return
        from lcregulator.services import penalty

        try:
            loaded = penalty.load_overrides_file(self.ctx, Path(path))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("无法载入"), exc.message)
            return
        self.statusBar().showMessage(self.tr("已载入：%1").replace("%1", loaded.name), 8000)

    def load_demo(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("载入演示案件"),
            self.tr("将在当前数据库中加入一组演示当事人和案件（名称均标有“演示”）。继续吗？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        from lcregulator.services import demo

        created = demo.load_demo_cases(self.ctx)
        self.refresh()
        self.statusBar().showMessage(
            self.tr("已载入 %1 件演示案件。").replace("%1", str(len(created))), 8000
        )

    def import_bundle(self) -> object:
        from .bundle_actions import import_bundle

        return import_bundle(self)

    def show_backup(self) -> None:
        from .backup_dialog import BackupDialog

        dialog = BackupDialog(self.ctx, self)
        dialog.restored.connect(self.close)
        dialog.exec()

    def show_guide(self) -> GuideDialog:
        from .guide import GuideDialog

        dialog = GuideDialog(self)
        dialog.open()
        return dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于"),
            self.tr(
                "直播电商监管执法办案系统 lcregulator %1\n依据《直播电商监督管理办法》"
            ).replace("%1", __version__),
        )
