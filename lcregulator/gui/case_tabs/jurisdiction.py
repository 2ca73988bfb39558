"""管辖: Art 47 worked out for each party of the case, and the officer's confirmation of it."""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from lcregulator.domain.authority import Authority
from lcregulator.domain.cases import Case, CaseId
from lcregulator.services import jurisdiction
from lcregulator.services.context import AppContext

from .common import CaseTab


class JurisdictionTab(CaseTab):
    """Shows the conclusion for the case *as it stands in the window* (saved or not).

    The window loads that case whenever the parties change or 重新判断 asks for it
    (``recompute``); 确认管辖结论 asks the window (``confirm``) to save pending edits first,
    since a conclusion is recorded about the saved parties, and then to call ``record``.
    """

    open_statute = Signal(int)
    recompute = Signal()
    confirm = Signal()

    def __init__(
        self,
        ctx: AppContext,
        authority: Authority,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.authority = authority
        self.case: Case | None = None
        self.results: list[jurisdiction.PartyJurisdiction] = []
        self.jurisdiction_flag = QLabel()
        self.jurisdiction_flag.setObjectName("jurisdictionFlag")
        self.jurisdiction_flag.setWordWrap(True)
        self.jurisdiction_flag.setStyleSheet("color: #b00020; font-weight: bold;")
        self.jurisdiction_view = QTextBrowser()
        self.jurisdiction_view.setObjectName("jurisdictionView")
        self.jurisdiction_view.setOpenLinks(False)
        self.jurisdiction_view.anchorClicked.connect(
            lambda url: self.open_statute.emit(int(url.toString().removeprefix("article:")))
        )
        buttons = QHBoxLayout()
        self.recompute_button = QPushButton(self.tr("重新判断"))
        self.recompute_button.clicked.connect(lambda _checked=False: self.recompute.emit())
        self.confirm_button = QPushButton(self.tr("确认管辖结论"))
        self.confirm_button.setObjectName("confirmJurisdictionButton")
        self.confirm_button.clicked.connect(lambda _checked=False: self.confirm.emit())
        buttons.addWidget(self.recompute_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.jurisdiction_flag)
        layout.addWidget(self.jurisdiction_view)
        layout.addLayout(buttons)

    def load(self, case: Case) -> None:
        """Art 47 for each party of ``case``, the case as it stands in the window."""
        self.case = case
        self.results = jurisdiction.for_case(self.ctx, case, self.authority)
        saved = jurisdiction.saved_conclusion(self.ctx, CaseId(case.id)) if case.id else None
        changed = jurisdiction.changed_since_saved(saved, self.results)
        self.jurisdiction_flag.setText(
            self.tr("当事人信息修改后，管辖结论已与确认时不同，请重新核对并确认。")
            if changed
            else ""
        )
        self.jurisdiction_flag.setVisible(changed)
        self.jurisdiction_view.setHtml(self._html(saved))
        self.confirm_button.setEnabled(
            case.id is not None and any(r.result for r in self.results) and not case.read_only
        )

    def _html(self, saved: dict[str, object] | None) -> str:
        if not self.results:
            return f"<p>{html.escape(self.tr('请先在“当事人”中列入当事人。'))}</p>"
        out = []
        for item in self.results:
            out.append(f"<h4>{html.escape(item.party.name)}（{html.escape(item.role.label)}）</h4>")
            if item.result is None:
                out.append(f"<p style='color:#b00020'>{html.escape(item.problem)}</p>")
                continue
            r = item.result
            cite = r.basis.citation + (f"（经{r.via.citation}）" if r.via else "")
            out.append(
                f"<p><b>管辖地：{html.escape(r.region_name)}</b>　依据："
                f"<a href='article:{r.basis.article}'>{html.escape(cite)}</a></p>"
                f"<p>{html.escape(r.reasoning)}</p>"
                "<p>管辖部门："
                + "；".join(
                    f"{html.escape(d.name)}（{html.escape(d.duties)}）" for d in r.departments
                )
                + "</p>"
            )
            for alt in r.alternatives:
                out.append(
                    f"<p>另可：{html.escape(alt.region_name)}（{html.escape(alt.basis.citation)}）"
                    f"——{html.escape(alt.condition)}</p>"
                )
            if item.competence is not None:
                color = "#1b5e20" if item.competence.competent else "#b00020"
                out.append(
                    f"<p style='color:{color}'><b>{html.escape(item.competence.message)}</b></p>"
                )
                if item.competence.dispute_route:
                    out.append(f"<p>{html.escape(item.competence.dispute_route)}</p>")
        if saved:
            out.append(
                f"<p style='color:#555'>已确认的结论使用法规数据版本 "
                f"{html.escape(str(saved.get('law_data_version')))}。</p>"
            )
        return "".join(out)

    def record(self, case: Case) -> None:
        """Record the conclusion for the saved ``case`` (the window saved pending edits)."""
        assert case.id is not None
        self.load(case)
        jurisdiction.save_conclusion(self.ctx, CaseId(case.id), self.results)
        self.load(case)
        self.changed.emit()
