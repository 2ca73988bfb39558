"""当事人: the parties of the case and the role each plays in it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import Case, CaseParty
from lcregulator.domain.parties import Party, PartyId, PartyRole
from lcregulator.domain.regions import regions
from lcregulator.services import parties
from lcregulator.services.context import AppContext

from ..field_errors import FieldErrors
from ..party_dialog import PartyDialog, PartyPickerDialog
from ..summons_dialog import SummonsDialog
from .common import CaseTab, button_row, fill_row, table


class PartiesTab(CaseTab):
    """The case's parties as edited in the window; ``parties_changed`` re-runs 管辖."""

    parties_changed = Signal()

    def __init__(self, ctx: AppContext, errors: FieldErrors, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.errors = errors
        self.case_id: int | None = None
        self.case_parties: list[CaseParty] = []
        self.party_cache: dict[int, Party] = {}
        self.party_table = table(
            [self.tr("名称/姓名"), self.tr("本案身份"), self.tr("证照号码"), self.tr("住所地")]
        )
        self.party_table.doubleClicked.connect(lambda _: self.edit_party())
        buttons = button_row(
            (
                (self.tr("新建当事人…"), self.new_party, "newPartyButton"),
                (self.tr("添加已登记当事人…"), self.pick_party, "pickPartyButton"),
                (self.tr("编辑当事人…"), self.edit_party, "editPartyButton"),
                (self.tr("移出本案"), self.remove_party, "removePartyButton"),
                (self.tr("约谈当事人…"), self.summon_party, "summonButton"),
            )
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.party_table)
        layout.addLayout(buttons)

    def load(self, case: Case) -> None:
        self.case_id = int(case.id) if case.id is not None else None
        self.case_parties = list(case.parties)
        missing = [int(cp.party_id) for cp in self.case_parties]
        missing = [i for i in missing if i not in self.party_cache]
        if missing:
            self.party_cache.update(parties.get_parties(self.ctx, missing))
        self._refresh()

    def save(self, draft: Case) -> None:
        draft.parties = list(self.case_parties)

    def roles(self) -> set[PartyRole]:
        return {cp.role for cp in self.case_parties}

    def named(self) -> list[tuple[CaseParty, Party]]:
        """The case's parties with their records (those whose record is known)."""
        return [
            (cp, self.party_cache[int(cp.party_id)])
            for cp in self.case_parties
            if int(cp.party_id) in self.party_cache
        ]

    def _refresh(self) -> None:
        self.party_table.setRowCount(len(self.case_parties))
        for row, cp in enumerate(self.case_parties):
            party = self.party_cache.get(int(cp.party_id))
            if party is None:
                continue
            place = regions().full_name(party.domicile.region) if party.domicile.region else ""
            values = [party.name, cp.role.label, party.masked_identifier]
            fill_row(self.party_table, row, [*values, place + party.domicile.address])

    def _edited(self) -> None:
        self._refresh()
        self.parties_changed.emit()
        self.edited.emit()

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
        self._edited()

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
            self._refresh()
            self.parties_changed.emit()

    def summon_party(self) -> SummonsDialog | None:
        row = self.party_table.currentRow()
        if row < 0 or self.case_id is None:
            return None
        party = self.party_cache[int(self.case_parties[row].party_id)]
        dialog = SummonsDialog(self.ctx, party, case_id=self.case_id, parent=self)
        dialog.show()
        return dialog

    def remove_party(self) -> None:
        row = self.party_table.currentRow()
        if row >= 0:
            del self.case_parties[row]
            self._edited()
