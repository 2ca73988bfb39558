"""时间线: what happened to the case, newest first, with who did it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from lcregulator.domain.authority import Officer
from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.formatting import CHINA_TZ, chinese_date
from lcregulator.services import case_bundle, cases
from lcregulator.services.context import AppContext

from .common import CaseTab, fill_row, table


class TimelineTab(CaseTab):
    def __init__(
        self, ctx: AppContext, officers: dict[int, Officer], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.officers = officers
        self.case_id: CaseId | None = None
        self.timeline_table = table([self.tr("时间"), self.tr("执法人员"), self.tr("事项")])
        QVBoxLayout(self).addWidget(self.timeline_table)

    def load(self, case: Case) -> None:
        self.case_id = CaseId(case.id) if case.id is not None else None
        self.refresh()

    def refresh(self) -> None:
        """Re-read the events (they are written by steps, documents and evidence, not here)."""
        events = cases.timeline(self.ctx, self.case_id) if self.case_id else []
        # an imported case's officers without an account here, kept by name
        kept = case_bundle.imported_names(self.ctx, self.case_id) if self.case_id else {}
        target = self.timeline_table
        target.setRowCount(len(events))
        for row, event in enumerate(reversed(events)):
            officer = self.officers.get(int(event.officer_id)) if event.officer_id else None
            local = event.at.astimezone(CHINA_TZ)
            when = f"{chinese_date(local.date())} {local:%H:%M}"
            name = officer.name if officer else kept.get(event.id or 0, "")
            fill_row(target, row, [when, name, event.summary])
            if event.before or event.after:
                tip = f"修改前：{event.before}\n修改后：{event.after}"
                target.item(row, 2).setToolTip(tip)  # type: ignore[union-attr]
