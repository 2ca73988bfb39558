"""First start and sign-in, driven through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from lcregulator.domain.authority import OfficerRole
from lcregulator.gui.first_run import FirstRunWizard
from lcregulator.gui.sign_in import OfficerSignInDialog
from lcregulator.services import auth, cases, setup
from lcregulator.services.context import AppContext
from tests.gui.modal import when_modal
from tests.gui.typing import type_text


def next_page(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def fill_authority(qtbot: QtBot, wizard: FirstRunWizard, region: str) -> None:
    type_text(qtbot, wizard.name, "杭州市西湖区市场监督管理局")
    type_text(qtbot, wizard.short_name, "杭西市监")
    type_text(qtbot, wizard.region, region)


def test_bad_region_stops_on_the_page_and_keeps_the_form(qtbot: QtBot, app_ctx: AppContext) -> None:
    wizard = FirstRunWizard(app_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    fill_authority(qtbot, wizard, "339999")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.authority_page
    assert "339999 不在国家行政区划代码表" in wizard.authority_error.text()
    assert wizard.name.text() == "杭州市西湖区市场监督管理局"
    assert setup.our_authority(app_ctx) is None


def test_wizard_saves_signs_in_and_loads_demo(qtbot: QtBot, app_ctx: AppContext) -> None:
    wizard = FirstRunWizard(app_ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard)
    fill_authority(qtbot, wizard, "西湖区")
    assert wizard.region_hint.text() == ""  # 西湖区 is ambiguous (杭州, 南昌)
    wizard.region.clear()
    type_text(qtbot, wizard.region, "330106")
    assert wizard.region_hint.text() == "浙江省杭州市西湖区"
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.officer_page
    type_text(qtbot, wizard.officer_name, "张三")
    next_page(qtbot, wizard)  # a 承办人 without 执法证号 is refused
    assert "执法证号" in wizard.officer_error.text()
    type_text(qtbot, wizard.badge, "33010600101")
    next_page(qtbot, wizard)  # the administrator's password is set here
    assert "密码至少8个字符" in wizard.officer_error.text()
    type_text(qtbot, wizard.password, "Xihu-2026-pass")
    type_text(qtbot, wizard.password_again, "Xihu-2026-typo")
    next_page(qtbot, wizard)
    assert "两次输入的密码不一致" in wizard.officer_error.text()
    wizard.password_again.clear()
    type_text(qtbot, wizard.password_again, "Xihu-2026-pass")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.demo_page
    wizard.demo_check.setChecked(True)
    type_text(qtbot, wizard.document_edits["court"], "杭州市西湖区人民法院")
    type_text(qtbot, wizard.document_edits["payment_code"], "凭非税收入缴款码缴纳")
    told: list[str] = []

    def note(box: QWidget) -> None:  # the demo officer's initial password, shown once
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        box.accept()

    when_modal(note, QMessageBox)
    with qtbot.waitSignal(wizard.accepted):
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
    [line] = [x for x in told[0].splitlines() if "）初始密码：" in x]
    name, rest = line.split("（执法证号 ")
    badge, password = rest.split("）初始密码：")
    assert name == "演示执法员乙" and badge == "33010600902"  # 张三 holds the first 执法证
    authority = setup.our_authority(app_ctx)
    assert authority is not None and authority.short_name == "杭西市监"
    assert app_ctx.officer is not None and app_ctx.officer.name == "张三"
    assert app_ctx.officer.has_role(OfficerRole.ADMIN)
    assert auth.check_password(app_ctx, app_ctx.officer.id, "Xihu-2026-pass")  # type: ignore[arg-type]
    assert cases.count_cases(app_ctx) == 16
    assert authority is not None and authority.id is not None
    demo_officer = next(o for o in setup.list_officers(app_ctx, authority.id) if o.name == name)
    signed = auth.check_password(app_ctx, demo_officer.id, password)  # type: ignore[arg-type]
    assert signed.must_change_password  # an initial password: chosen anew at the first sign-in
    from lcregulator.services import bureau

    saved = bureau.load(app_ctx)  # the 复议机关 from the region: 行政复议法 Art 24
    assert (saved.review_body, saved.court) == ("杭州市西湖区人民政府", "杭州市西湖区人民法院")
    assert saved.missing_for_decision() == []


def test_sign_in_lists_our_officers(qtbot: QtBot, app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    officers = setup.list_officers(app_configured, authority.id)
    dialog = OfficerSignInDialog(authority, officers)
    qtbot.addWidget(dialog)
    combo = dialog.ui.officerCombo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "张三（承办人，33010600101）",
        "李四（承办人，33010600102）",
        "王五（负责人，33010600001）",
    ]
    assert "杭州市西湖区市场监督管理局" in dialog.ui.authorityLabel.text()
    combo.setCurrentIndex(1)
    assert dialog.selected_officer_id() == officers[1].id
