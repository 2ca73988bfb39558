"""平台报送身份信息 (Art 9): import a platform's report, look people up, share under Art 48.

The import runs in a worker thread (a platform's file may hold a million rows): a first pass
checks every row and lists the rejected ones with their row number, column and reason; nothing
is stored until the officer presses 导入. A file whose headers are the platform's own opens the
column-mapping dialog, whose answer is remembered for that platform.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.domain.platform_reports import COLUMN_LABELS, DEFAULT_HEADERS, period_label
from lcregulator.services import platform_reports as reports
from lcregulator.services.context import AppContext

from . import region_input


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


def recent_periods(today: dt.date) -> list[str]:
    """The period due now first, then the four before it."""
    periods = []
    year, month = today.year, (1 if today.month < 7 else 7)
    for _ in range(5):
        periods.append(f"{year}-{month:02d}")
        year, month = (year, 1) if month == 7 else (year - 1, 7)
    return periods


class ImportWorker(QThread):
    """Runs one check or import off the UI thread; results come back as signals."""

    progressed = Signal(float)
    done = Signal(object)
    failed = Signal(str, str)  # field, message

    def __init__(self, ctx: AppContext, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.ctx = ctx
        self.kwargs = kwargs
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def run(self) -> None:
        try:
            result = reports.import_report(
                self.ctx,
                progress=self.progressed.emit,
                cancelled=lambda: self._cancel,
                **self.kwargs,
            )
        except ValidationError as exc:
            self.failed.emit(exc.field, exc.message)
        except DomainError as exc:
            self.failed.emit("", exc.message)
        except Exception:  # never a traceback to the officer; the log keeps it
            import logging

            logging.getLogger(__name__).exception("report import failed")
            self.failed.emit("", "导入时发生意外错误，详情已写入日志。")
        else:
            self.done.emit(result)


class ColumnMappingDialog(QDialog):
    """Which of the platform's headers holds which Art 9 field; remembered per platform."""

    def __init__(
        self, headers: list[str], known: dict[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("设置表头对应关系"))
        self.setObjectName("columnMappingDialog")
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        lookup = dict(DEFAULT_HEADERS) | known
        for header in headers:
            if not header:
                continue
            combo = QComboBox()
            combo.setObjectName(f"map:{header}")
            combo.addItem(self.tr("（不导入）"), "")
            for key, label in reports.column_choices():
                combo.addItem(label, key)
            wanted = lookup.get(header, "")
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
            form.addRow(header, combo)
            self.combos[header] = combo
        note = QLabel(
            self.tr(
                "左侧是报送文件第1行的表头，请为每一列选择对应的报送项目。"
                "类型、名称或姓名、统一社会信用代码、身份证件号码、地址、联系方式、直播账号必须有对应列。"
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, str]:
        return {h: c.currentData() for h, c in self.combos.items() if c.currentData()}


class ImportDialog(QDialog):
    """Choose file, platform and period; check; see every rejected row; then import."""

    imported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, shared: bool = False):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("reportImportDialog")
        self.setWindowTitle(
            self.tr("导入外省共享的身份信息（办法第四十八条）")
            if shared
            else self.tr("导入平台报送的身份信息（办法第九条）")
        )
        self.resize(980, 620)
        self.worker: ImportWorker | None = None
        self.result: reports.ImportResult | None = None  # type: ignore[assignment]
        self.mapping: dict[str, str] = {}
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("reportFile")
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        self.platform = QComboBox()
        self.platform.setObjectName("reportPlatform")
        self.platform.setEditable(True)
        for p in reports.list_platforms(ctx):
            self.platform.addItem(p.name)
        self.platform.setCurrentText("")
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        for period in recent_periods(ctx.today()):
            self.period.addItem(period_label(period), period)
        self.source = QLineEdit()
        self.source.setObjectName("reportSource")
        self.source.setPlaceholderText(self.tr("如：北京市市场监督管理局"))
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.file_edit)
        row.addWidget(browse)
        form.addRow(self.tr("报送文件（xlsx 或 CSV）"), row)
        form.addRow(self.tr("报送平台"), self.platform)
        form.addRow(self.tr("报送期次"), self.period)
        if shared:
            form.addRow(self.tr("共享来源机关"), self.source)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 1000)
        self.check_button = QPushButton(self.tr("检查"))
        self.check_button.setObjectName("checkReport")
        self.check_button.clicked.connect(self.check)
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.setObjectName("cancelReport")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self._cancel)
        self.import_button = QPushButton(self.tr("导入"))
        self.import_button.setObjectName("importReport")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.mapping_button = QPushButton(self.tr("表头对应…"))
        self.mapping_button.setObjectName("mapColumns")
        self.mapping_button.clicked.connect(self.edit_mapping)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.check_button, self.mapping_button, self.cancel_button):
            buttons.addWidget(b)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(close)
        self.summary = QLabel(
            self.tr("选择文件、平台和期次后按“检查”。检查不保存任何数据；有问题的行会逐行列出。")
        )
        self.summary.setObjectName("reportSummary")
        self.summary.setWordWrap(True)
        self.problems = _table(
            [self.tr("行号"), self.tr("列（表头）"), self.tr("问题")], "reportProblems"
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        self.shared = shared

    # --- the steps ------------------------------------------------------------------------

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择报送文件"), "", self.tr("报送文件 (*.xlsx *.csv)")
        )
        if path:
            self.file_edit.setText(path)

    def _kwargs(self, *, dry_run: bool) -> dict[str, Any]:
        return {
            "path": Path(self.file_edit.text().strip()),
            "platform": self.platform.currentText().strip(),
            "period": self.period.currentData(),
            "accept_valid": not dry_run,
            "dry_run": dry_run,
            "mapping": self.mapping or None,
            "source_authority": self.source.text().strip() if self.shared else "",
        }

    def check(self) -> None:
        if not self.file_edit.text().strip():
            self._show_error(self.tr("请选择报送文件。"))
            return
        self._start(self._kwargs(dry_run=True))

    def do_import(self) -> None:
        assert self.result is not None
        if self.result.rejected:
            answer = QMessageBox.question(
                self,
                self.tr("导入有效行"),
                self.tr("有 %1 行未通过检查，将不导入。是否导入其余 %2 行有效数据？")
                .replace("%1", str(self.result.rejected_rows))
                .replace("%2", str(self.result.imported)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._start(self._kwargs(dry_run=False))

    def edit_mapping(self) -> bool:
        path = Path(self.file_edit.text().strip())
        try:
            headers = reports.read_headers(path)
        except DomainError as exc:
            self._show_error(exc.message)
            return False
        platform = reports.get_platform(self.ctx, self.platform.currentText().strip())
        known = (platform.header_mapping if platform else {}) | self.mapping
        dialog = ColumnMappingDialog(headers, known, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.mapping = dialog.mapping()
        return True

    def _start(self, kwargs: dict[str, Any]) -> None:
        self.worker = ImportWorker(self.ctx, kwargs)
        self.worker.progressed.connect(lambda f: self.progress.setValue(int(f * 1000)))
        self.worker.done.connect(lambda result: self._finished(result, kwargs["dry_run"]))
        self.worker.failed.connect(self._failed)
        self.progress.setValue(0)
        for b in (self.check_button, self.import_button, self.mapping_button):
            b.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.setText(self.tr("正在读取和检查……"))
        self.worker.start()

    def _cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def _idle(self) -> None:
        self.cancel_button.setEnabled(False)
        self.check_button.setEnabled(True)
        self.mapping_button.setEnabled(True)
        if self.worker is not None:
            self.worker.wait()
            self.worker = None

    def _finished(self, result: reports.ImportResult, dry_run: bool) -> None:
        self._idle()
        self.progress.setValue(1000)
        self.result = result
        _fill(
            self.problems,
            [[str(p.row), p.field, p.message] for p in result.rejected[:100_000]],
        )
        if dry_run:
            text = self.tr("共 %1 行：有效 %2 行，未通过检查 %3 行。")
            self.import_button.setEnabled(result.imported > 0)
            self.import_button.setText(
                self.tr("导入有效的 %1 行").replace("%1", str(result.imported))
                if result.rejected
                else self.tr("导入")
            )
            if result.rejected:
                text += self.tr("未通过检查的行列在下方；可以退回平台更正，或者只导入有效行。")
            else:
                text += self.tr("全部通过检查，可以导入。")
        else:
            text = self.tr(
                "已导入 %2 行（共 %1 行，未导入 %3 行）。报送文件已按 SHA-256 登记，不能重复导入。"
            )
            self.import_button.setEnabled(False)
            self.imported.emit(result)
        self.summary.setText(
            text.replace("%1", str(result.rows))
            .replace("%2", str(result.imported))
            .replace("%3", str(result.rejected_rows))
        )

    def _failed(self, field: str, message: str) -> None:
        self._idle()
        self.progress.setValue(0)
        if field == "header":
            self.summary.setText(message)
            if self.edit_mapping():
                self.check()
            return
        self._show_error(message)

    def _show_error(self, message: str) -> None:
        self.summary.setText(message)
        QMessageBox.warning(self, self.tr("不能导入"), message)

    def reject(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().reject()


class ProfileDialog(QDialog):
    """One record opened: full identifier, addresses over time, agencies, other platforms."""

    def __init__(self, profile: reports.Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportProfileDialog")
        r = profile.record
        self.setWindowTitle(self.tr("报送身份信息：%1").replace("%1", r.name))
        form = QFormLayout()
        form.addRow(self.tr("类型"), QLabel(r.type.label))
        form.addRow(self.tr("名称或姓名"), QLabel(r.name))
        ident = QLabel(r.identifier)
        ident.setObjectName("profileIdentifier")
        form.addRow(self.tr("证件号码"), ident)
        form.addRow(self.tr("联系方式"), QLabel(r.contact))
        form.addRow(self.tr("直播账号"), QLabel("；".join(r.accounts)))
        form.addRow(self.tr("所属服务机构"), QLabel("、".join(profile.agencies) or "—"))
        form.addRow(self.tr("报送平台"), QLabel("、".join(profile.platforms)))
        addresses = _table(
            [self.tr("期次"), self.tr("平台"), self.tr("报送地址")], "profileAddresses"
        )
        _fill(addresses, [[period_label(p), pl, a] for p, pl, a in profile.addresses])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("报送地址变化（实际经营地址或经常居住地址）")))
        layout.addWidget(addresses)
        layout.addWidget(buttons)
        self.resize(720, 440)


class LookupPage(QWidget):
    """查询: who is behind an account, name, ID number or USCC (every look-up is recorded)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[reports.FoundRecord] = []
        self.query = QLineEdit()
        self.query.setObjectName("reportQuery")
        self.query.setPlaceholderText(
            self.tr("直播账号、名称（姓名）、身份证件号码或者统一社会信用代码")
        )
        self.query.returnPressed.connect(self.search)
        find = QPushButton(self.tr("查询"))
        find.setObjectName("findReports")
        find.clicked.connect(self.search)
        self.only_current = QCheckBox(self.tr("只看最新一期"))
        self.only_current.toggled.connect(lambda _: self._show())
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(find)
        top.addWidget(self.only_current)
        self.table = _table(
            [
                self.tr("类型"),
                self.tr("名称或姓名"),
                self.tr("证件号码"),
                self.tr("地址"),
                self.tr("直播账号"),
                self.tr("所属服务机构"),
                self.tr("平台"),
                self.tr("期次"),
                self.tr("状态"),
            ],
            "reportResults",
        )
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.note = QLabel(
            self.tr(
                "列表中身份证件号码已隐去出生日期；打开记录可查看完整号码。每次查询和打开都记入时间线。"
            )
        )
        self.note.setWordWrap(True)
        open_button = QPushButton(self.tr("查看详情"))
        open_button.setObjectName("openRecord")
        open_button.clicked.connect(self.open_selected)
        party_button = QPushButton(self.tr("建立或补充当事人"))
        party_button.setObjectName("partyFromRecord")
        party_button.clicked.connect(self.make_party)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(open_button)
        buttons.addWidget(party_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def search(self) -> None:
        try:
            self.records = reports.find(self.ctx, self.query.text())
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("查询"), exc.message)
            return
        self._show()

    def _shown(self) -> list[reports.FoundRecord]:
        if self.only_current.isChecked():
            return [r for r in self.records if r.current]
        return self.records

    def _show(self) -> None:
        rows = []
        for r in self._shown():
            status = self.tr("最新") if r.current else self.tr("已被后续报送替代")
            if r.source == "province":
                status += self.tr("（%1共享）").replace("%1", r.source_authority)
            rows.append(
                [
                    r.type.label,
                    r.name,
                    r.identifier,
                    r.address,
                    "；".join(r.accounts),
                    r.agency,
                    r.platform,
                    period_label(r.period),
                    status,
                ]
            )
        _fill(self.table, rows)
        if not rows:
            self.note.setText(self.tr("没有找到报送记录。"))

    def selected(self) -> reports.FoundRecord | None:
        row = self.table.currentRow()
        shown = self._shown()
        if row < 0 or row >= len(shown):
            QMessageBox.information(self, self.tr("报送身份信息"), self.tr("请先选择一条记录。"))
            return None
        return shown[row]

    def open_selected(self) -> ProfileDialog | None:
        record = self.selected()
        if record is None:
            return None
        dialog = ProfileDialog(reports.open_record(self.ctx, record.id), self)
        dialog.exec()
        return dialog

    def make_party(self) -> None:
        record = self.selected()
        if record is None:
            return
        try:
            party = reports.party_from_record(self.ctx, record.id)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("建立当事人"), exc.message)
            return
        roles = "、".join(r.label for r in sorted(party.roles))
        place = party.business_place or party.domicile
        QMessageBox.information(
            self,
            self.tr("建立当事人"),
            self.tr("已保存当事人“%1”（%2），地址：%3。案件“管辖”页将按报送的实际经营地计算。")
            .replace("%1", party.name)
            .replace("%2", roles)
            .replace("%3", place.address),
        )


class ReportsPage(QWidget):
    """报送记录: every imported file, newest period first; import, and Art 48 sharing."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = _table(
            [
                self.tr("平台"),
                self.tr("期次"),
                self.tr("文件"),
                self.tr("来源"),
                self.tr("行数"),
                self.tr("导入"),
                self.tr("拒收"),
                self.tr("导入时间"),
                self.tr("状态"),
            ],
            "reportList",
        )
        import_button = QPushButton(self.tr("导入平台报送…"))
        import_button.setObjectName("openImport")
        import_button.clicked.connect(lambda: self.open_import(shared=False))
        shared_button = QPushButton(self.tr("导入外省共享…"))
        shared_button.setObjectName("openSharedImport")
        shared_button.clicked.connect(lambda: self.open_import(shared=True))
        share_button = QPushButton(self.tr("按省共享（第四十八条）…"))
        share_button.setObjectName("shareByProvince")
        share_button.clicked.connect(lambda: self.share())
        buttons = QHBoxLayout()
        buttons.addWidget(import_button)
        buttons.addWidget(shared_button)
        buttons.addWidget(share_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.refresh()

    def refresh(self) -> None:
        rows = []
        for r in reports.list_reports(self.ctx):
            source = (
                self.tr("平台报送")
                if r.source == "platform"
                else self.tr("%1共享").replace("%1", r.source_authority)
            )
            rows.append(
                [
                    r.platform,
                    period_label(r.period),
                    r.file_name,
                    source,
                    str(r.rows),
                    str(r.imported),
                    str(r.rejected),
                    r.imported_at.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M"),
                    self.tr("最新") if r.current else self.tr("已被替代（保留）"),
                ]
            )
        _fill(self.table, rows)

    def open_import(self, shared: bool) -> ImportDialog:
        dialog = ImportDialog(self.ctx, self, shared=shared)
        dialog.imported.connect(lambda _: self.refresh())
        dialog.show()
        return dialog

    def share(self, folder: str | None = None) -> list[reports.SharedFile]:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("选择共享文件的保存位置"))
        if not folder:
            return []
        try:
            files = reports.share_by_province(self.ctx, Path(folder))
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("按省共享"), exc.message)
            return []
        lines = [
            self.tr("%1：%2 行，函 %3")
            .replace("%1", f.province_name)
            .replace("%2", str(f.rows))
            .replace("%3", f.number)
            for f in files
        ]
        QMessageBox.information(
            self,
            self.tr("按省共享"),
            (self.tr("已生成：\n") + "\n".join(lines)) if files else self.tr("没有外省的记录。"),
        )
        return files


class PlatformsPage(QWidget):
    """报送平台: the bureau's list (platforms domiciled here that must report)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = _table(
            [self.tr("平台"), self.tr("住所地"), self.tr("列入报送名单"), self.tr("自定义表头")],
            "platformList",
        )
        self.name = QLineEdit()
        self.name.setObjectName("platformName")
        self.region = QLineEdit()
        self.region.setObjectName("platformRegion")
        self.region.setPlaceholderText(self.tr("行政区划：名称或代码"))
        region_input.install(self.region)
        self.listed = QCheckBox(self.tr("列入本局报送名单"))
        self.listed.setChecked(True)
        save = QPushButton(self.tr("保存平台"))
        save.setObjectName("savePlatform")
        save.clicked.connect(self.save)
        form = QHBoxLayout()
        form.addWidget(QLabel(self.tr("平台名称")))
        form.addWidget(self.name)
        form.addWidget(QLabel(self.tr("住所地")))
        form.addWidget(self.region, 1)
        form.addWidget(self.listed)
        form.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        self.refresh()

    def refresh(self) -> None:
        from lcregulator.domain.regions import regions

        rows = []
        for p in reports.list_platforms(self.ctx):
            mapping = "；".join(f"{h}→{COLUMN_LABELS[k]}" for h, k in p.header_mapping.items())
            rows.append(
                [
                    p.name,
                    regions().full_name(p.domicile_region) if p.domicile_region else "—",
                    self.tr("是") if p.listed else self.tr("否"),
                    mapping or "—",
                ]
            )
        _fill(self.table, rows)

    def save(self) -> None:
        existing = reports.get_platform(self.ctx, self.name.text().strip())
        platform = existing or reports.Platform(self.name.text().strip())
        platform.domicile_region = region_input.code_of(self.region)
        platform.listed = self.listed.isChecked()
        try:
            reports.save_platform(self.ctx, platform)
        except DomainError as exc:
            QMessageBox.warning(self, self.tr("报送平台"), exc.message)
            return
        self.refresh()


class ReportsWindow(QDialog):
    """The whole feature in one window, opened from 工具 → 平台报送身份信息."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsWindow")
        self.setWindowTitle(self.tr("平台报送身份信息（办法第九条、第四十八条）"))
        self.lookup = LookupPage(ctx)
        self.reports = ReportsPage(ctx)
        self.platforms = PlatformsPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.lookup, self.tr("查询"))
        self.tabs.addTab(self.reports, self.tr("报送记录"))
        self.tabs.addTab(self.platforms, self.tr("报送平台"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.resize(1200, 680)
