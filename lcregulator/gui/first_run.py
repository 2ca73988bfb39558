"""First start: a wizard for the authority this installation works for and its first officer.

Nothing can be recorded before we know whose 文号 to use and who is working. Each page checks
its own fields before going on; nothing is written until 完成, and then in one transaction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.regions import regions
from lcregulator.services import auth, bureau, demo, setup
from lcregulator.services.context import AppContext

from . import region_input
from .screen_fit import fit_to_screen


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    return label


def tell_demo_passwords(parent: QWidget, officers: list[demo.DemoOfficer]) -> None:
    """The demo officers' initial passwords exist nowhere else: shown once, selectable, so
    that a trainer can sign in as them (each must choose their own at the first sign-in)."""
    if not officers:
        return
    lines = [
        parent.tr("%1（执法证号 %2）初始密码：%3")
        .replace("%1", o.name)
        .replace("%2", o.badge_number)
        .replace("%3", o.password)
        for o in officers
    ]
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(parent.tr("演示执法人员"))
    box.setText(
        parent.tr("演示案件需要两名持执法证的办案人员，已新建：")
        + "\n\n"
        + "\n".join(lines)
        + "\n\n"
        + parent.tr("请记下初始密码（此后不再显示）；首次登录时须修改。")
    )
    box.setTextInteractionFlags(
        box.textInteractionFlags() | Qt.TextInteractionFlag.TextSelectableByMouse
    )
    box.exec()


class FirstRunWizard(QWizard):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_officer: Officer | None = None
        self.setWindowTitle(self.tr("首次使用：设置执法机关"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        fit_to_screen(self, 620, 460)

        intro = QWizardPage()
        intro.setTitle(self.tr("欢迎使用直播电商监管执法办案系统"))
        text = QLabel(
            self.tr(
                "本系统依据《直播电商监督管理办法》办理直播电商案件。开始前，请填写本机关信息"
                "和第一位执法人员（您本人）。这些信息保存在数据库中，可以在“工具 → 设置”中修改。"
            )
        )
        text.setWordWrap(True)
        QVBoxLayout(intro).addWidget(text)

        self.authority_page = QWizardPage()
        self.authority_page.setTitle(self.tr("本机关"))
        self.authority_page.setSubTitle(
            self.tr("机关代字用于文书文号，如“杭西市监”将生成“杭西市监〔2026〕1号”。")
        )
        self.name = QLineEdit(placeholderText=self.tr("如：杭州市西湖区市场监督管理局"))
        self.short_name = QLineEdit(placeholderText=self.tr("如：杭西市监"))
        self.region = QLineEdit(placeholderText=self.tr("输入区划代码或名称，如 330106 或 西湖区"))
        region_input.install(self.region)
        self.region_hint = QLabel()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.authority_error = _error_label()
        form = QFormLayout(self.authority_page)
        form.addRow(self.tr("机关名称："), self.name)
        form.addRow(self.tr("机关代字："), self.short_name)
        form.addRow(self.tr("行政区划："), self.region)
        form.addRow("", self.region_hint)
        form.addRow(self.tr("地址："), self.address)
        form.addRow(self.tr("电话："), self.phone)
        form.addRow(self.authority_error)
        self.region.textChanged.connect(self._show_region)

        self.officer_page = QWizardPage()
        self.officer_page.setTitle(self.tr("第一位执法人员（您本人）"))
        self.officer_page.setSubTitle(self.tr("承办人须填写执法证号（行政处罚法第四十二条）。"))
        self.officer_name = QLineEdit()
        self.badge = QLineEdit()
        self.role = QComboBox()
        for role in OfficerRole:
            self.role.addItem(role.label, role.value)
        self.officer_error = _error_label()
        officer_form = QFormLayout(self.officer_page)
        officer_form.addRow(self.tr("姓名："), self.officer_name)
        officer_form.addRow(self.tr("执法证号："), self.badge)
        officer_form.addRow(self.tr("角色："), self.role)
        # the first officer is the installation's administrator and sets its password here
        self.password = QLineEdit()
        self.password.setObjectName("firstPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setObjectName("firstPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        officer_form.addRow(self.tr("登录密码："), self.password)
        officer_form.addRow(self.tr("再输一次："), self.password_again)
        admin_note = QLabel(
            self.tr("您将同时是本系统的管理员（登记执法人员、设置密码和本机关设置）。")
        )
        admin_note.setWordWrap(True)
        officer_form.addRow(admin_note)
        officer_form.addRow(self.officer_error)

        self.demo_page = QWizardPage()
        self.demo_page.setTitle(self.tr("演示案件"))
        self.demo_check = QCheckBox(
            self.tr("载入演示案件（覆盖各类当事人和各个办案阶段，名称均标有“演示”）")
        )
        self.finish_error = _error_label()
        demo_layout = QVBoxLayout(self.demo_page)
        demo_layout.addWidget(self.demo_check)
        # what a 决定书 must name (行政处罚法 Art 59(4)(5)); may be left for 设置 → 文书设置,
        # but no 决定书 can be issued until it is filled in
        documents_note = QLabel(
            self.tr(
                "行政处罚决定书须载明的信息（可稍后在“设置 → 文书设置”中填写；未填写前不能出具决定书）。"
                "复议机关留空时取本级人民政府。"
            )
        )
        documents_note.setWordWrap(True)
        demo_layout.addWidget(documents_note)
        documents_form = QFormLayout()
        self.document_edits: dict[str, QLineEdit] = {}
        for key, label in bureau.LABELS.items():
            edit = QLineEdit()
            edit.setObjectName(f"doc_{key}")
            self.document_edits[key] = edit
            documents_form.addRow(self.tr(label) + "：", edit)
        demo_layout.addLayout(documents_form)
        demo_layout.addWidget(self.finish_error)

        for page in (intro, self.authority_page, self.officer_page, self.demo_page):
            self.addPage(page)

    def _show_region(self, _text: str) -> None:
        code = region_input.code_of(self.region)
        region = regions().get(code or "")
        self.region_hint.setText(regions().full_name(region.code) if region else "")

    def authority(self) -> Authority:
        return Authority(
            name=self.name.text().strip(),
            short_name=self.short_name.text().strip(),
            region=region_input.code_of(self.region) or "",
            address=self.address.text().strip(),
            phone=self.phone.text().strip(),
        )

    def officer(self) -> Officer:
        return Officer(
            name=self.officer_name.text().strip(),
            role=OfficerRole(self.role.currentData()),
            badge_number=self.badge.text().strip(),
        )

    def _fields(self) -> dict[str, QWidget]:
        return {
            "authority.name": self.name,
            "authority.short_name": self.short_name,
            "authority.region": self.region,
            "officer.name": self.officer_name,
            "officer.badge_number": self.badge,
            "password": self.password,
        }

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        try:
            if page is self.authority_page:
                self.authority_error.clear()
                self.authority().validate()
            elif page is self.officer_page:
                self.officer_error.clear()
                officer = self.officer()
                officer.validate()
                auth.validate_new_password(self.password.text(), officer)
                if self.password.text() != self.password_again.text():
                    raise ValidationError("password", self.tr("两次输入的密码不一致。"))
            elif page is self.demo_page:
                return self._finish()
        except ValidationError as exc:
            label = self.authority_error if page is self.authority_page else self.officer_error
            label.setText(exc.message)
            widget = self._fields().get(exc.field)
            if widget is not None:
                widget.setFocus()
            return False
        return True

    def _finish(self) -> bool:
        try:
            self.saved_officer = setup.first_run(
                self.ctx, self.authority(), self.officer(), password=self.password.text()
            )
            values = {k: e.text().strip() for k, e in self.document_edits.items()}
            if not values["review_body"]:
                values["review_body"] = bureau.default_review_body(self.authority())
            bureau.save_initial(self.ctx, bureau.DocumentSettings(**values))
            loaded = demo.load_demo(self.ctx) if self.demo_check.isChecked() else None
        except DomainError as exc:
            self.finish_error.setText(exc.message)
            return False
        if loaded is not None:
            tell_demo_passwords(self, loaded.officers)
        return True
