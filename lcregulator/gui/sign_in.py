"""Who is at the keyboard: chosen at start from the officers of this authority."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from lcregulator.domain.authority import Authority, Officer

from .forms.ui_officer_sign_in import Ui_OfficerSignInDialog


class OfficerSignInDialog(QDialog):
    def __init__(
        self, authority: Authority, officers: list[Officer], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_OfficerSignInDialog()
        self.ui.setupUi(self)
        self.ui.authorityLabel.setText(self.tr("执法机关：%1").replace("%1", authority.name))
        for officer in officers:
            badge = officer.badge_number or self.tr("无执法证号")
            self.ui.officerCombo.addItem(
                f"{officer.name}（{officer.role.label}，{badge}）", officer.id
            )
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)

    def selected_officer_id(self) -> int | None:
        value = self.ui.officerCombo.currentData()
        return int(value) if value is not None else None
