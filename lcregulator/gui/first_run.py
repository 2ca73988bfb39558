"""First start: the authority this installation works for and its first officer.

Nothing can be recorded before we know whose 文号 to use and who is working, so the application
asks for exactly that and nothing more; the settings window edits the rest later.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.regions import regions
from lcregulator.services import setup
from lcregulator.services.context import AppContext


class FirstRunDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_officer: Officer | None = None
        self.setWindowTitle(self.tr("首次使用：设置执法机关"))
        self.resize(560, 480)

        intro = QLabel(
            self.tr(
                "请填写本机关信息和第一位执法人员。机关代字用于文书文号，"
                "如“杭西市监”将生成“杭西市监〔2026〕1号”。"
            )
        )
        intro.setWordWrap(True)

        self.name = QLineEdit(placeholderText=self.tr("如：杭州市西湖区市场监督管理局"))
        self.short_name = QLineEdit(placeholderText=self.tr("如：杭西市监"))
        self.region = QLineEdit(placeholderText=self.tr("6位行政区划代码，如 330106"))
        self.region_hint = QLabel()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        authority_box = QGroupBox(self.tr("执法机关"))
        form = QFormLayout(authority_box)
        form.addRow(self.tr("机关名称："), self.name)
        form.addRow(self.tr("机关代字："), self.short_name)
        form.addRow(self.tr("行政区划代码："), self.region)
        form.addRow("", self.region_hint)
        form.addRow(self.tr("地址："), self.address)
        form.addRow(self.tr("电话："), self.phone)

        self.officer_name = QLineEdit()
        self.badge = QLineEdit()
        self.role = QComboBox()
        for role in OfficerRole:
            self.role.addItem(role.label, role.value)
        officer_box = QGroupBox(self.tr("第一位执法人员（您本人）"))
        officer_form = QFormLayout(officer_box)
        officer_form.addRow(self.tr("姓名："), self.officer_name)
        officer_form.addRow(self.tr("执法证号："), self.badge)
        officer_form.addRow(self.tr("角色："), self.role)

        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(authority_box)
        layout.addWidget(officer_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.region.textChanged.connect(self._show_region)
        self._fields = {
            "authority.name": self.name,
            "authority.short_name": self.short_name,
            "authority.region": self.region,
            "officer.name": self.officer_name,
            "officer.badge_number": self.badge,
        }

    def _show_region(self, text: str) -> None:
        region = regions().get(text.strip())
        self.region_hint.setText(regions().full_name(region.code) if region else "")

    def save(self) -> None:
        """Validate both parts before writing either; on error keep the form as typed."""
        authority = Authority(
            name=self.name.text(),
            short_name=self.short_name.text(),
            region=self.region.text().strip(),
            address=self.address.text(),
            phone=self.phone.text(),
        )
        officer = Officer(
            name=self.officer_name.text(),
            role=OfficerRole(self.role.currentData()),
            badge_number=self.badge.text(),
        )
        try:
            self.saved_officer = setup.first_run(self.ctx, authority, officer)
        except ValidationError as exc:
            self._show_error(exc.message, exc.field)
            return
        except DomainError as exc:
            self._show_error(exc.message, None)
            return
        self.accept()

    def _show_error(self, message: str, field: str | None) -> None:
        self.error.setText(message)
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setFocus()
            widget.selectAll()
