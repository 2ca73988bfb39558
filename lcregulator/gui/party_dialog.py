"""Register or edit a party: identity, roles, places, live accounts and links.

The party is saved on 保存 in one transaction; a wrong checksum or region is shown at its field
(and its tab is brought forward) while everything typed stays as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyId,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.services import parties
from lcregulator.services.context import AppContext

from . import region_input
from .field_errors import FieldErrors
from .forms.ui_party_dialog import Ui_PartyDialog

LINK_LABELS = {
    LinkKind.APPEARS_FOR: "出镜于（直播间运营者）",
    LinkKind.ON_PLATFORM: "所在平台（直播电商平台经营者）",
    LinkKind.REPRESENTED_BY: "所属服务机构",
}


class PartyDialog(QDialog):
    def __init__(self, ctx: AppContext, party: Party | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.party = party
        self.saved: Party | None = None
        self.ui = Ui_PartyDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setWindowTitle(self.tr("编辑当事人") if party else self.tr("新建当事人"))
        for kind in PartyKind:
            ui.kindCombo.addItem(kind.label, kind.value)
        ui.channelCombo.addItem(self.tr("（不适用）"), None)
        ui.channelCombo.addItem(self.tr("通过直播电商平台"), Channel.PLATFORM.value)
        ui.channelCombo.addItem(self.tr("自建网站、其他网络服务"), Channel.OWN_SITE.value)
        self.role_checks = {
            PartyRole.PLATFORM_OPERATOR: ui.platformCheck,
            PartyRole.ROOM_OPERATOR: ui.roomCheck,
            PartyRole.MARKETER: ui.marketerCheck,
            PartyRole.SERVICE_AGENCY: ui.agencyCheck,
            PartyRole.OTHER_PROVIDER: ui.otherProviderCheck,
        }
        for edit in (ui.domicileRegionEdit, ui.householdRegionEdit, ui.businessRegionEdit):
            region_input.install(edit)
        ui.accountsTable.setColumnCount(3)
        ui.accountsTable.setHorizontalHeaderLabels(
            [self.tr("平台"), self.tr("账号ID"), self.tr("直播间名称")]
        )
        ui.accountsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.linksTable.setColumnCount(2)
        ui.linksTable.setHorizontalHeaderLabels([self.tr("关系"), self.tr("关联当事人")])
        ui.linksTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        ui.linksTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.linksTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        ui.addAccountButton.clicked.connect(lambda: self.add_account_row())
        ui.removeAccountButton.clicked.connect(
            lambda: ui.accountsTable.removeRow(ui.accountsTable.currentRow())
        )
        ui.addLinkButton.clicked.connect(self.add_link)
        ui.removeLinkButton.clicked.connect(self.remove_link)
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.errors = FieldErrors(ui.errorLabel, ui.tabs)
        for field, widget in {
            "party.kind": ui.kindCombo,
            "party.name": ui.nameEdit,
            "party.roles": ui.platformCheck,
            "party.channel": ui.channelCombo,
            "party.uscc": ui.usccEdit,
            "party.id_number": ui.idNumberEdit,
            "party.domicile": ui.domicileRegionEdit,
            "party.household_registration": ui.householdRegionEdit,
            "party.business_place": ui.businessRegionEdit,
            "party.accounts": ui.accountsTable,
            "party.links": ui.linksTable,
        }.items():
            self.errors.bind(field, widget)
        self._links: list[PartyLink] = []
        self._link_names: dict[int, str] = {}
        if party is not None:
            self._fill(party)
            self._summons_history(party)

    # --- form <-> party ------------------------------------------------------------------

    def _fill(self, party: Party) -> None:
        ui = self.ui
        ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(party.kind.value))
        ui.nameEdit.setText(party.name)
        for role, check in self.role_checks.items():
            check.setChecked(role in party.roles)
        ui.channelCombo.setCurrentIndex(
            ui.channelCombo.findData(party.channel.value if party.channel else None)
        )
        ui.registeredCheck.setChecked(party.registered)
        ui.usccEdit.setText(party.uscc or "")
        ui.idNumberEdit.setText(party.id_number or "")
        ui.legalRepEdit.setText(party.legal_representative)
        ui.phoneEdit.setText(party.phone)
        ui.emailEdit.setText(party.email)
        region_input.set_code(ui.domicileRegionEdit, party.domicile.region)
        ui.domicileAddressEdit.setText(party.domicile.address)
        if party.household_registration:
            region_input.set_code(ui.householdRegionEdit, party.household_registration.region)
            ui.householdAddressEdit.setText(party.household_registration.address)
        if party.business_place:
            region_input.set_code(ui.businessRegionEdit, party.business_place.region)
            ui.businessAddressEdit.setText(party.business_place.address)
        for account in party.accounts:
            self.add_account_row(account)
        targets = {p.id: p for p in self._lookup([int(link.target_id) for link in party.links])}
        for link in party.links:
            target = targets.get(link.target_id)
            self._append_link(link, target.name if target else str(link.target_id))

    def _summons_history(self, party: Party) -> None:
        """All past summonses of this party and their outcomes (weighs on 情节严重 / 从重)."""
        from lcregulator.services import summons as summons_service

        if party.id is None:
            return
        history = summons_service.for_party(self.ctx, party.id)
        table = QTableWidget(len(history.items), 4)
        table.setObjectName("summonsHistory")
        table.setHorizontalHeaderLabels(
            [self.tr("约谈日期"), self.tr("事由"), self.tr("整改期限"), self.tr("结果")]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, s in enumerate(history.items):
            values = [
                s.scheduled_at.astimezone(CHINA_TZ).date().isoformat(),
                "、".join(f"第{g}项" for g in s.grounds),
                s.rectification_deadline.isoformat() if s.rectification_deadline else "",
                s.outcome.label if s.outcome else self.tr("待核查"),
            ]
            for col, value in enumerate(values):
                table.setItem(row, col, QTableWidgetItem(value))
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr("共约谈 %1 次，其中未整改或者部分整改 %2 次。")
            .replace("%1", str(history.total))
            .replace("%2", str(history.not_rectified))
        )
        layout.addWidget(note)
        layout.addWidget(table)
        self.summons_note = note
        self.ui.tabs.addTab(page, self.tr("约谈记录"))

    def _lookup(self, ids: list[int]) -> list[Party]:
        return [parties.get_party(self.ctx, PartyId(i)) for i in ids]

    def add_account_row(self, account: LiveAccount | None = None) -> None:
        table = self.ui.accountsTable
        row = table.rowCount()
        table.insertRow(row)
        values = (account.platform, account.account_id, account.room_name) if account else ("",) * 3
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0 and account is not None:
                item.setData(Qt.ItemDataRole.UserRole, account.id)
            table.setItem(row, column, item)

    def _append_link(self, link: PartyLink, target_name: str) -> None:
        table = self.ui.linksTable
        row = table.rowCount()
        table.insertRow(row)
        table.setItem(row, 0, QTableWidgetItem(LINK_LABELS[link.kind]))
        table.setItem(row, 1, QTableWidgetItem(target_name))
        self._links.append(link)

    def remove_link(self) -> None:
        row = self.ui.linksTable.currentRow()
        if row >= 0:
            self.ui.linksTable.removeRow(row)
            del self._links[row]

    def add_link(self) -> None:
        roles = self.selected_roles()
        kinds = [k for k in LinkKind if k.roles[0] in roles]
        if not kinds:
            self.errors.show(
                self.tr("只有直播营销人员、直播间运营者可以关联其他当事人，请先选择身份。"),
                "party.links",
            )
            return
        picker = PartyPickerDialog(self.ctx, kinds, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen is not None:
            kind, target = picker.chosen
            assert target.id is not None
            self._append_link(PartyLink(kind, target.id), target.name)

    def selected_roles(self) -> set[PartyRole]:
        return {role for role, check in self.role_checks.items() if check.isChecked()}

    def collect(self) -> Party:
        ui = self.ui

        def place(region_edit: QLineEdit, address_edit: QLineEdit) -> Place | None:
            code = region_input.code_of(region_edit)
            address = address_edit.text().strip()
            return Place(code, address) if code or address else None

        accounts = []
        for row in range(ui.accountsTable.rowCount()):
            cells = [ui.accountsTable.item(row, c) for c in range(3)]
            texts = [c.text().strip() if c else "" for c in cells]
            if not any(texts):
                continue
            account_id = cells[0].data(Qt.ItemDataRole.UserRole) if cells[0] else None
            accounts.append(LiveAccount(texts[0], texts[1], texts[2], id=account_id))
        channel = ui.channelCombo.currentData()
        base = self.party
        return Party(
            kind=PartyKind(ui.kindCombo.currentData()),
            name=ui.nameEdit.text().strip(),
            roles=self.selected_roles(),
            uscc=ui.usccEdit.text().strip() or None,
            id_number=ui.idNumberEdit.text().strip() or None,
            legal_representative=ui.legalRepEdit.text().strip(),
            channel=Channel(channel) if channel else None,
            domicile=place(ui.domicileRegionEdit, ui.domicileAddressEdit) or Place(),
            household_registration=place(ui.householdRegionEdit, ui.householdAddressEdit),
            business_place=place(ui.businessRegionEdit, ui.businessAddressEdit),
            registered=ui.registeredCheck.isChecked(),
            phone=ui.phoneEdit.text().strip(),
            email=ui.emailEdit.text().strip(),
            accounts=accounts,
            links=list(self._links),
            version=base.version if base else None,
            id=base.id if base else None,
        )

    def save(self) -> None:
        try:
            self.saved = parties.save_party(self.ctx, self.collect())
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        except DomainError as exc:
            self.errors.show(exc.message)
            return
        self.accept()


class PartyPickerDialog(QDialog):
    """Find a registered party by name, code or live account; optionally only some roles."""

    def __init__(
        self,
        ctx: AppContext,
        kinds: list[LinkKind] | None = None,
        parent: QWidget | None = None,
        roles: set[PartyRole] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: tuple[LinkKind, Party] | None = None
        self.chosen_party: Party | None = None
        self.roles = roles
        self.setWindowTitle(self.tr("选择当事人"))
        self.resize(520, 420)
        self.kind_combo = QComboBox()
        for kind in kinds or []:
            self.kind_combo.addItem(LINK_LABELS[kind], kind.value)
        self.kind_combo.setVisible(bool(kinds))
        self.search = QLineEdit(
            placeholderText=self.tr("输入名称、统一社会信用代码、身份证号或直播账号")
        )
        self.results = QListWidget()
        self.hint = QLabel()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("选择"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.refresh)
        self.kind_combo.currentIndexChanged.connect(lambda _: self.refresh(self.search.text()))
        self.results.itemDoubleClicked.connect(lambda _: self.choose())
        self.refresh("")

    def wanted_role(self) -> PartyRole | None:
        value = self.kind_combo.currentData()
        return LinkKind(value).roles[1] if value else None

    def refresh(self, text: str) -> None:
        self.results.clear()
        wanted = self.wanted_role()
        for party in parties.search_parties(self.ctx, text):
            if wanted is not None and wanted not in party.roles:
                continue
            if self.roles and not (party.roles & self.roles):
                continue
            roles = "、".join(r.label for r in sorted(party.roles))
            item = QListWidgetItem(f"{party.name}（{roles}）{party.masked_identifier}")
            item.setData(Qt.ItemDataRole.UserRole, party)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self.hint.setText("" if self.results.count() else self.tr("没有符合条件的当事人。"))

    def choose(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        party: Party = item.data(Qt.ItemDataRole.UserRole)
        self.chosen_party = party
        value = self.kind_combo.currentData()
        if value:
            self.chosen = (LinkKind(value), party)
        self.accept()
