"""Settings: this bureau's details and its officers (add, edit, take off duty).

Officers are never deleted — their names stand on past events and documents — only marked as
no longer on duty.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from lcregulator.documents.fonts import report as font_report
from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.services import auth, bureau, setup
from lcregulator.services.context import AppContext

from . import region_input
from .field_errors import FieldErrors
from .forms.ui_settings_dialog import Ui_SettingsDialog
from .sign_in import admin_reset_password


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存本机关信息"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        ui.buttonBox.accepted.connect(self.save_authority)
        ui.buttonBox.rejected.connect(self.reject)
        region_input.install(ui.regionEdit)
        for role in OfficerRole:
            ui.roleCombo.addItem(role.label, role.value)
        # a person may hold several roles: the combo is the one shown, these the others
        other_roles = QWidget()
        roles_row = QHBoxLayout(other_roles)
        roles_row.setContentsMargins(0, 0, 0, 0)
        self.role_checks: dict[OfficerRole, QCheckBox] = {}
        for role in OfficerRole:
            check = QCheckBox(role.label)
            check.setObjectName(f"role_{role.value}")
            self.role_checks[role] = check
            roles_row.addWidget(check)
        roles_row.addStretch(1)
        ui.officerForm.addRow(self.tr("兼任角色："), other_roles)
        self.new_password = QLineEdit()
        self.new_password.setObjectName("officerPasswordEdit")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_password.setPlaceholderText(self.tr("新登记时填写初始密码（本人首次登录须修改）"))
        ui.officerForm.addRow(self.tr("初始密码："), self.new_password)
        self.reset_button = QPushButton(self.tr("重置所选人员密码…"))
        self.reset_button.setObjectName("resetPasswordButton")
        self.reset_button.clicked.connect(self.reset_password)
        ui.officerButtons.addWidget(self.reset_button)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(0, 240)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setSpecialValueText(self.tr("不锁定"))
        self.idle_minutes.setValue(auth.idle_lock_minutes(ctx))
        self.idle_minutes.setToolTip(
            self.tr("无人操作多久后锁定窗口、须重新输入密码（管理员设置）")
        )
        ui.authorityForm.addRow(self.tr("空闲锁屏："), self.idle_minutes)
        table = ui.officerTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("执法证号"), self.tr("角色"), self.tr("状态")]
        )
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.currentCellChanged.connect(lambda row, *_: self._show_officer(row))
        ui.newOfficerButton.clicked.connect(self.new_officer)
        ui.saveOfficerButton.clicked.connect(self.save_officer)
        self.errors = FieldErrors(ui.errorLabel, ui.tabs)
        for field, widget in {
            "authority.name": ui.nameEdit,
            "authority.short_name": ui.shortNameEdit,
            "authority.region": ui.regionEdit,
            "officer.name": ui.officerNameEdit,
            "officer.badge_number": ui.badgeEdit,
        }.items():
            self.errors.bind(field, widget)
        fonts_page = QLabel("\n".join(plain_font_line(line) for line in font_report()))
        fonts_page.setObjectName("fontReport")
        fonts_page.setWordWrap(True)
        fonts_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        fonts_page.setToolTip(
            self.tr("可用环境变量 LCREGULATOR_FONT_FANGSONG 等指定字体文件（路径[,序号]）。")
        )
        ui.tabs.addTab(fonts_page, self.tr("文书字体"))
        self.authority = setup.our_authority(ctx)
        ui.tabs.addTab(self._document_page(), self.tr("文书设置"))
        self.officers: list[Officer] = []
        self.editing: Officer | None = None
        if self.authority is not None:
            ui.nameEdit.setText(self.authority.name)
            ui.shortNameEdit.setText(self.authority.short_name)
            region_input.set_code(ui.regionEdit, self.authority.region)
            ui.addressEdit.setText(self.authority.address)
            ui.phoneEdit.setText(self.authority.phone)
        self._load_officers()
        self.new_officer()

    def _document_page(self) -> QWidget:
        """What a 决定书 must name (复议机关, court, payment route): a decision cannot be issued
        while any is missing."""
        page = QWidget()
        form = QFormLayout(page)
        note = QLabel(
            self.tr(
                "行政处罚决定书须载明复议机关、诉讼法院和罚没款缴纳方式（行政处罚法第五十九条）。"
                "复议机关留空时按行政复议法第二十四条取本级人民政府："
            )
            + (bureau.default_review_body(self.authority) or self.tr("（请先设置辖区）"))
        )
        note.setWordWrap(True)
        form.addRow(note)
        saved = bureau.load(self.ctx)
        self.document_edits: dict[str, QLineEdit] = {}
        for key, label in bureau.LABELS.items():
            edit = QLineEdit(getattr(saved, key))
            edit.setObjectName(f"doc_{key}")
            if key == "review_body":
                edit.setPlaceholderText(bureau.default_review_body(self.authority))
            self.document_edits[key] = edit
            form.addRow(self.tr(label) + "：", edit)
        button = QPushButton(self.tr("保存文书设置"))
        button.setObjectName("saveDocumentSettings")
        button.clicked.connect(self.save_document_settings)
        form.addRow(button)
        return page

    def save_document_settings(self) -> None:
        values = {k: e.text().strip() for k, e in self.document_edits.items()}
        try:
            bureau.save(self.ctx, bureau.DocumentSettings(**values))
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.errors.clear()
        self.setWindowTitle(self.tr("设置 — 文书设置已保存"))

    def _load_officers(self) -> None:
        if self.authority is None or self.authority.id is None:
            return
        self.officers = setup.all_officers(self.ctx, self.authority.id)
        table = self.ui.officerTable
        table.setRowCount(len(self.officers))
        for row, officer in enumerate(self.officers):
            values = [
                officer.name,
                officer.badge_number,
                officer.roles_label,
                self.tr("在岗") if officer.active else self.tr("停用"),
            ]
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))

    def _show_officer(self, row: int) -> None:
        if not 0 <= row < len(self.officers):
            return
        officer = self.officers[row]
        self.editing = officer
        ui = self.ui
        ui.officerNameEdit.setText(officer.name)
        ui.badgeEdit.setText(officer.badge_number)
        ui.roleCombo.setCurrentIndex(ui.roleCombo.findData(officer.role.value))
        ui.activeCheck.setChecked(officer.active)
        for role, check in self.role_checks.items():
            check.setChecked(role in officer.extra_roles)
        self.new_password.clear()

    def new_officer(self) -> None:
        self.editing = None
        ui = self.ui
        ui.officerTable.clearSelection()
        ui.officerNameEdit.clear()
        ui.badgeEdit.clear()
        ui.roleCombo.setCurrentIndex(0)
        ui.activeCheck.setChecked(True)
        for check in self.role_checks.values():
            check.setChecked(False)
        self.new_password.clear()

    def save_officer(self) -> None:
        if self.authority is None:
            return
        ui = self.ui
        officer = Officer(
            name=ui.officerNameEdit.text().strip(),
            role=OfficerRole(ui.roleCombo.currentData()),
            badge_number=ui.badgeEdit.text().strip(),
            authority_id=self.authority.id,
            active=ui.activeCheck.isChecked(),
            id=self.editing.id if self.editing else None,
        )
        officer.extra_roles = frozenset(
            r for r, check in self.role_checks.items() if check.isChecked() and r != officer.role
        )
        if (
            self.ctx.officer is not None
            and officer.id == self.ctx.officer.id
            and not officer.active
        ):
            self.errors.show(self.tr("不能停用当前正在使用系统的执法人员。"))
            return
        try:
            saved = setup.save_officer(self.ctx, officer, password=self.new_password.text() or None)
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.errors.clear()
        self.new_password.clear()
        self._load_officers()
        self.editing = saved

    def reset_password(self) -> bool:
        if self.editing is None:
            self.errors.show(self.tr("请先在列表中选择执法人员。"))
            return False
        if admin_reset_password(self.ctx, self, self.editing):
            self.errors.show(
                self.tr("已重置%1的密码，其下次登录时须修改。").replace("%1", self.editing.name)
            )
            return True
        return False

    def save_authority(self) -> None:
        ui = self.ui
        authority = Authority(
            name=ui.nameEdit.text().strip(),
            short_name=ui.shortNameEdit.text().strip(),
            region=region_input.code_of(ui.regionEdit) or "",
            address=ui.addressEdit.text().strip(),
            phone=ui.phoneEdit.text().strip(),
            id=self.authority.id if self.authority else None,
        )
        try:
            self.authority = setup.save_our_authority(self.ctx, authority)
            if self.idle_minutes.value() != auth.idle_lock_minutes(self.ctx):
                auth.set_idle_lock_minutes(self.ctx, self.idle_minutes.value())
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.errors.clear()
        self.setWindowTitle(self.tr("设置 — 本机关信息已保存"))


_FONT_FILE = re.compile(r"（[^（）]*\.(?:ttf|ttc|otf)）|\.(?:ttf|ttc|otf)\b", re.IGNORECASE)


def plain_font_line(line: str) -> str:
    """A font line as an officer reads it: the typeface's name, not its file's."""
    return _FONT_FILE.sub(lambda m: " " if m.group().startswith("（") else "", line).strip()
