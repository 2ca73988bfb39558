"""移送司法: the case's figures against the prosecution thresholds, the referral materials of
310号 Art 6, and a banner on the case when a threshold is met ("不得以行政处罚代替移送")."""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.errors import DomainError
from lcregulator.domain.parties import PartyKind
from lcregulator.domain.referral import ReferralInput, data
from lcregulator.domain.statute import to_chinese_number
from lcregulator.domain.workflow import MATERIALS
from lcregulator.services import documents, evidence, workflow
from lcregulator.services.context import AppContext

FIGURE_LABELS = {
    "sales_amount": "销售金额（元）",
    "unsold_goods_value": "尚未销售的货值金额（元）",
    "illegal_gains": "违法所得（元）",
    "illegal_business_amount": "非法经营数额（元）",
    "personal_information_items": "公民个人信息（条）",
}
DOCUMENT_FOR_MATERIAL = {
    "letter": "criminal_referral_letter",
    "report": "criminal_referral_report",
    "items": "seized_items_list",
}


def banner_text(case: Case) -> str:
    result = ((case.procedure.referral_screening or {}).get("result")) or {}
    if not result.get("referral_indicated"):
        return ""
    lines = []
    for crime in result.get("crimes", []):
        basis = crime["basis"]
        flag = "" if crime.get("verified", True) else "（标准未经核实）"
        lines.append(
            f"涉嫌{crime['name']}：{'、'.join(crime['met'])}"
            f"（《{basis['instrument']}》第{to_chinese_number(basis['article'])}条）{flag}"
        )
    return (
        "；".join(lines)
        + "。不得以行政处罚代替移送（《行政执法机关移送涉嫌犯罪案件的规定》第十一条）。"
    )


class ReferralPanel(QWidget):
    screened = Signal(object)  # the saved case

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.case: Case | None = None
        self.conduct = QComboBox()
        self.conduct.setObjectName("conductCombo")
        for key, crime in data()["crimes"].items():
            self.conduct.addItem(f"{crime['name']}（刑法第{crime['article']}条）", key)
        self.party = QComboBox()
        for kind in PartyKind:
            self.party.addItem(kind.label, kind.value)
        self.figures: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("涉嫌行为："), self.conduct)
        form.addRow(self.tr("当事人类型："), self.party)
        for key, label in FIGURE_LABELS.items():
            edit = QLineEdit()
            edit.setObjectName(f"figure_{key}")
            self.figures[key] = edit
            form.addRow(self.tr(label) + "：", edit)
        self.food_drug = QCheckBox(self.tr("利用广告对食品、药品作虚假宣传"))
        self.prior_same = QCheckBox(self.tr("二年内因同类行为受过刑事或者行政处罚"))
        self.serious_food = QCheckBox(
            self.tr("经检验认定足以造成严重食物中毒事故或者严重食源性疾病")
        )
        self.prior_ads = QSpinBox()
        self.prior_ads.setRange(0, 20)
        self.info_kind = QComboBox()
        for key, label in (
            ("other", "其他信息"),
            ("important", "住宿、通信记录、健康、交易等"),
            ("sensitive", "行踪轨迹、通信内容、征信、财产"),
        ):
            self.info_kind.addItem(self.tr(label), key)
        form.addRow("", self.food_drug)
        form.addRow("", self.prior_same)
        form.addRow("", self.serious_food)
        form.addRow(self.tr("二年内虚假广告受罚次数："), self.prior_ads)
        form.addRow(self.tr("个人信息类别："), self.info_kind)
        self.check_button = QPushButton(self.tr("核对追诉标准"))
        self.check_button.setObjectName("screenButton")
        self.check_button.clicked.connect(self.screen)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.result = QTextBrowser()
        self.result.setObjectName("referralResult")
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.check_button)
        left.addWidget(self.error)
        left.addStretch()
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.result, 1)

    def inputs(self) -> ReferralInput:
        figures: dict[str, Decimal] = {}
        for key, edit in self.figures.items():
            text = edit.text().strip().replace(",", "")
            if text:
                try:
                    figures[key] = Decimal(text)
                except InvalidOperation:
                    raise DomainError(f"{FIGURE_LABELS[key]}应为数字。") from None
        flags: dict[str, Any] = {
            "food_or_drug_advertising": self.food_drug.isChecked(),
            "prior_penalty_same_conduct_2y": self.prior_same.isChecked(),
            "serious_food_risk": self.serious_food.isChecked(),
            "prior_false_ad_penalties_2y": self.prior_ads.value(),
            "personal_information_kind": self.info_kind.currentData(),
        }
        return ReferralInput(self.conduct.currentData(), self.party.currentData(), figures, flags)

    def show_case(self, case: Case) -> None:
        self.case = case
        s = case.procedure.referral_screening or {}
        if s:
            self.conduct.setCurrentIndex(self.conduct.findData(s.get("conduct")))
            self.party.setCurrentIndex(self.party.findData(s.get("party_type")))
            for key, value in (s.get("figures") or {}).items():
                if key in self.figures:
                    self.figures[key].setText(str(value))
            flags = s.get("flags") or {}
            self.food_drug.setChecked(bool(flags.get("food_or_drug_advertising")))
            self.prior_same.setChecked(bool(flags.get("prior_penalty_same_conduct_2y")))
            self.serious_food.setChecked(bool(flags.get("serious_food_risk")))
            self.prior_ads.setValue(int(flags.get("prior_false_ad_penalties_2y") or 0))
        self.check_button.setEnabled(case.id is not None and not case.read_only)
        self.result.setHtml(self._html(case))

    def _html(self, case: Case) -> str:
        s = case.procedure.referral_screening or {}
        result = s.get("result") or {}
        out = []
        if result:
            if result.get("referral_indicated"):
                out.append(f"<p style='color:#b00020'><b>{html.escape(banner_text(case))}</b></p>")
            else:
                out.append("<p>未达到已录入行为的立案追诉标准。</p>")
            for w in result.get("warnings", []):
                out.append(f"<p style='color:#8a5a00'>⚠ {html.escape(w)}</p>")
        p = case.procedure
        out.append("<h4>移送材料（《行政执法机关移送涉嫌犯罪案件的规定》第六条）</h4><ul>")
        issued = {d.kind for d in documents.issued(self.ctx, CaseId(case.id))} if case.id else set()
        files = len(evidence.list_evidence(self.ctx, CaseId(case.id))) if case.id else 0
        for key, label in MATERIALS:
            if key in DOCUMENT_FOR_MATERIAL:
                done = DOCUMENT_FOR_MATERIAL[key] in issued
            else:
                done = files > 0
            out.append(f"<li>{'☑' if done else '☐'} {html.escape(label)}</li>")
        out.append("</ul>")
        status = []
        if p.referral_team:
            status.append("已组成专案组")
        if p.referral_report_on:
            status.append(f"报告 {p.referral_report_on.isoformat()}")
        if p.referral_decision:
            status.append(
                "负责人批准移送"
                if p.referral_decision == "approved"
                else f"不批准：{p.referral_refusal_reason}"
            )
        if p.referral_transferred_on:
            status.append(f"已移送 {p.referral_transferred_on.isoformat()}")
        if p.police_decision:
            status.append(
                "公安机关已立案" if p.police_decision == "accepted" else "公安机关不予立案"
            )
        if status:
            out.append(f"<p>{html.escape('；'.join(status))}。期限见“期限”页。</p>")
        return "".join(out)

    def screen(self) -> None:  # type: ignore[override]
        if self.case is None or self.case.id is None:
            return
        try:
            saved, _ = workflow.screen_referral(self.ctx, CaseId(self.case.id), self.inputs())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        self.show_case(saved)
        self.screened.emit(saved)
