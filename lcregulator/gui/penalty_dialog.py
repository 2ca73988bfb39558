"""Penalty assessment for one violation: facts and circumstances in, the legal range out.

The range, band, hearing right and explanation update as the officer ticks circumstances (each
showing its legal source, unverified ones marked); an amount outside the legal range is refused
unless a 减轻 ground is ticked or 不予处罚 applies. The result is saved on the violation with
the law-data version it was computed under.
"""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.cases import Violation
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.formatting import amount_text
from lcregulator.domain.parties import PartyKind
from lcregulator.domain.penalty import (
    Assessment,
    Facts,
    Overrides,
    PenaltyInput,
    assess,
    circumstances,
)
from lcregulator.domain.provisions import provision

from .screen_fit import fit_to_screen, scrolling
from .violation_dialog import from_qdate, to_qdate

EMPLOYMENT = (
    (None, "未查明"),
    (True, "是（由所在单位承担责任）"),
    (False, "否（与职务无关）"),
)
AD_ROLES = (
    (None, "未填写（按广告主）"),
    ("advertiser", "广告主（广告法第五十五条第一款）"),
    ("publisher", "广告发布者（第五十五条第三款）"),
    ("endorser", "广告代言人（第六十一条）"),
)
CORRECTION = (
    ("not_ordered", "尚未责令改正"),
    ("pending", "已责令改正，期限未届满"),
    ("corrected", "已按期改正"),
    ("overdue", "逾期未改正"),
)


class PenaltyDialog(QDialog):
    result: QTextBrowser  # type: ignore[assignment]  # the assessment; shadows QDialog.result()

    def __init__(
        self,
        violation: Violation,
        party_kind: PartyKind,
        discovery: dt.date,
        today: dt.date,
        parent: QWidget | None = None,
        overrides: Overrides | None = None,
        extra_warnings: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.overrides = overrides
        self.extra_warnings = extra_warnings or []
        self.violation = violation
        self.today = today
        self.result_assessment: ViolationAssessment | None = None
        self.current: Assessment | None = None
        p = provision(violation.provision_id)
        self.setWindowTitle(self.tr("处罚裁量：%1").replace("%1", p.location))
        fit_to_screen(self, 980, 720)
        title = QLabel(f"<b>{html.escape(p.citation)}</b>　{html.escape(p.label)}")
        title.setWordWrap(True)

        self.party = QComboBox()
        for kind in PartyKind:
            self.party.addItem(kind.label, kind.value)
        self.party.setCurrentIndex(self.party.findData(party_kind.value))
        self.discovery = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        self.decision = QDateEdit(calendarPopup=True)  # type: ignore[call-overload]
        for edit, value in ((self.discovery, discovery), (self.decision, today)):
            edit.setDisplayFormat("yyyy年M月d日")
            edit.setDate(to_qdate(value))
        self.correction = QComboBox()
        for key, label in CORRECTION:
            self.correction.addItem(self.tr(label), key)
        self.refused = QCheckBox(self.tr("拒不改正"))
        self.serious = QCheckBox(self.tr("情节严重"))
        self.serious.setObjectName("seriousCheck")
        self.harm = QCheckBox(self.tr("涉及生命健康安全、金融安全且有危害后果（追诉时效五年）"))
        self.gains = QLineEdit(placeholderText=self.tr("元；没有或无法计算的留空"))
        self.ad_fee = QLineEdit(placeholderText=self.tr("元"))
        self.ad_fee_low = QCheckBox(self.tr("广告费用明显偏低"))
        self.goods = QLineEdit(placeholderText=self.tr("元"))
        self.property_value = QLineEdit(placeholderText=self.tr("拟没收的非法财物价值（元）"))
        self.property_value.setObjectName("illegalPropertyValue")
        # 办法 Art 63 (职务行为) and Art 35 (the marketer's place in an advertisement)
        self.employment = QComboBox()
        self.employment.setObjectName("employmentCombo")
        for value, label in EMPLOYMENT:  # type: ignore[assignment]
            self.employment.addItem(self.tr(label), value)
        self.ad_role = QComboBox()
        self.ad_role.setObjectName("adRoleCombo")
        for value, label in AD_ROLES:  # type: ignore[assignment]
            self.ad_role.addItem(self.tr(label), value)
        self.ad_role.setEnabled(violation.provision_id == "M62-1/advertising")
        facts = QGroupBox(self.tr("事实"))
        form = QFormLayout(facts)
        form.addRow(self.tr("当事人类型："), self.party)
        form.addRow(self.tr("发现日期："), self.discovery)
        form.addRow(self.tr("决定日期："), self.decision)
        form.addRow(self.tr("责令改正："), self.correction)
        row = QHBoxLayout()
        row.addWidget(self.refused)
        row.addWidget(self.serious)
        form.addRow("", row)
        form.addRow("", self.harm)
        form.addRow(self.tr("违法所得："), self.gains)
        form.addRow(self.tr("广告费用："), self.ad_fee)
        form.addRow("", self.ad_fee_low)
        form.addRow(self.tr("货值金额："), self.goods)
        form.addRow(self.tr("非法财物："), self.property_value)
        form.addRow(self.tr("职务行为："), self.employment)
        form.addRow(self.tr("广告中的身份："), self.ad_role)

        circ = QGroupBox(self.tr("裁量情节"))
        circ_layout = QVBoxLayout(circ)
        self.circumstance_checks: dict[str, QCheckBox] = {}
        for code, c in circumstances().items():
            flag = "" if c["verified"] else self.tr("（依据未经核实）")
            check = QCheckBox(f"{c['label']} → {c['effect']}{flag}")
            check.setObjectName(f"circ_{code}")
            check.setToolTip(str(c["source"]))
            self.circumstance_checks[code] = check
            circ_layout.addWidget(check)

        self.result = QTextBrowser()
        self.result.setObjectName("penaltyResult")
        self.proposed = QLineEdit(placeholderText=self.tr("拟罚款金额（元）"))
        self.proposed.setObjectName("proposedFine")
        self.reasons = QLineEdit(placeholderText=self.tr("选填：选择该罚款金额的理由"))
        self.reasons.setObjectName("assessmentReasons")
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存裁量结果"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        left_page = QWidget()
        left = QVBoxLayout(left_page)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(facts)
        # the circumstances scroll so that the buttons stay on a 1366×768 screen
        circ_scroll = QScrollArea()
        circ_scroll.setWidget(circ)
        circ_scroll.setWidgetResizable(True)
        circ_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        left.addWidget(circ_scroll, 1)
        right = QVBoxLayout()
        right.addWidget(self.result)
        proposed = QHBoxLayout()
        proposed.addWidget(QLabel(self.tr("拟罚款：")))
        proposed.addWidget(self.proposed)
        right.addLayout(proposed)
        reasons = QHBoxLayout()
        reasons.addWidget(QLabel(self.tr("裁量理由：")))
        reasons.addWidget(self.reasons)
        right.addLayout(reasons)
        right.addWidget(self.error)
        body = QHBoxLayout()
        body.addWidget(scrolling(left_page, "penaltyFacts"), 1)  # scrolls on small screens
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(body)
        layout.addWidget(buttons)

        for widget in (self.party, self.correction, self.employment, self.ad_role):
            widget.currentIndexChanged.connect(lambda _: self.update_result())
        for edit in (self.discovery, self.decision):
            edit.dateChanged.connect(lambda _: self.update_result())
        for check in (
            self.refused,
            self.serious,
            self.harm,
            self.ad_fee_low,
            *self.circumstance_checks.values(),
        ):
            check.toggled.connect(lambda _: self.update_result())
        for line in (self.gains, self.ad_fee, self.goods, self.property_value, self.proposed):
            line.textChanged.connect(lambda _: self.update_result())
        if violation.assessment:
            self._restore(violation.assessment)
        self.update_result()

    def _restore(self, saved: ViolationAssessment) -> None:
        """Show a saved assessment's inputs as the officer left them."""
        facts = saved.facts
        self.refused.setChecked(facts.refused_to_correct)
        self.serious.setChecked(facts.serious)
        self.harm.setChecked(facts.life_health_financial_harm)
        self.ad_fee_low.setChecked(facts.ad_fee_clearly_low)
        if facts.ordered_to_correct:
            done = facts.corrected_by_deadline
            state = "pending" if done is None else "corrected" if done else "overdue"
            self.correction.setCurrentIndex(self.correction.findData(state))
        for code in saved.circumstances:
            if code in self.circumstance_checks:
                self.circumstance_checks[code].setChecked(True)
        for edit, value in (
            (self.proposed, saved.proposed_fine),
            (self.gains, facts.illegal_gains),
            (self.ad_fee, facts.ad_fee),
            (self.goods, facts.goods_value),
            (self.property_value, facts.illegal_property_value),
        ):
            if value is not None:
                edit.setText(str(value))
        self.reasons.setText(saved.reasons)
        for combo, data in (
            (self.employment, facts.in_course_of_employment),
            (self.ad_role, facts.advertising_role),
        ):
            index = combo.findData(data)
            if data is not None and index >= 0:
                combo.setCurrentIndex(index)
        if saved.party_type:
            index = self.party.findData(saved.party_type)
            if index >= 0:
                self.party.setCurrentIndex(index)
        for edit, day in (
            (self.discovery, saved.discovery_date),
            (self.decision, saved.decision_date),
        ):
            if day is not None:
                edit.setDate(to_qdate(day))

    @staticmethod
    def _money(edit: QLineEdit, label: str) -> Decimal | None:
        text = edit.text().strip().replace(",", "")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValidationError(label, f"{label}应为金额数字。") from None

    def penalty_input(self) -> PenaltyInput:
        correction = self.correction.currentData()
        facts = Facts(
            ordered_to_correct=correction != "not_ordered",
            corrected_by_deadline={"corrected": True, "overdue": False}.get(correction),
            refused_to_correct=self.refused.isChecked(),
            serious=self.serious.isChecked(),
            illegal_gains=self._money(self.gains, "违法所得"),
            ad_fee=self._money(self.ad_fee, "广告费用"),
            goods_value=self._money(self.goods, "货值金额"),
            ad_fee_clearly_low=self.ad_fee_low.isChecked(),
            life_health_financial_harm=self.harm.isChecked(),
            illegal_property_value=self._money(self.property_value, "非法财物价值"),
            in_course_of_employment=self.employment.currentData(),
            advertising_role=self.ad_role.currentData() if self.ad_role.isEnabled() else None,
        )
        assert self.violation.act_start is not None
        return PenaltyInput(
            provision=self.violation.provision_id,
            party_type=str(self.party.currentData()),
            act_date=self.violation.act_start,
            act_end=self.violation.act_end,
            discovery_date=from_qdate(self.discovery.date()),
            decision_date=from_qdate(self.decision.date()),
            facts=facts,
            circumstances=tuple(
                c for c, box in self.circumstance_checks.items() if box.isChecked()
            ),
            proposed_fine=self._money(self.proposed, "拟罚款"),
        )

    def update_result(self) -> Assessment | None:
        self.error.clear()
        try:
            result = assess(self.penalty_input(), self.overrides)
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.current = None
            return None
        self.current = result
        self.result.setHtml(self._html(result))
        return result

    def fine_text(self, a: Assessment) -> str:
        if not a.applicable:
            return self.tr("不适用")
        if a.fine is None:
            return self.tr("依现有事实不能罚款") if a.band != "不予处罚" else self.tr("不予处罚")
        kind = self.tr("应当") if a.fine[2] else self.tr("可以")
        return f"{kind}罚款 {amount_text(a.fine[0])} 至 {amount_text(a.fine[1])}"

    def _html(self, a: Assessment) -> str:
        lines = [f"<p><b>罚款：{html.escape(self.fine_text(a))}</b></p>"]
        if a.fine_basis:
            lines.append(f"<p>幅度依据：{html.escape(a.fine_basis)}</p>")
        if a.band:
            band = a.band
            if a.band_range:
                band += f"，建议 {amount_text(a.band_range[0])} 至 {amount_text(a.band_range[1])}"
            source = (
                f"依{self.overrides.name}"
                if self.overrides and self.overrides.bands
                else "裁量幅度依据未经核实"
            )
            lines.append(f"<p>裁量：{html.escape(band)}（{html.escape(source)}）</p>")
        lines.append(f"<p>适用：{html.escape('、'.join(c.text for c in a.applied))}</p>")
        if a.order_text:
            lines.append(f"<p>{html.escape(a.order_text)}</p>")
        if a.other_measures:
            lines.append(f"<p>其他：{html.escape('；'.join(a.other_measures))}</p>")
        seized = [
            f"{label}{amount_text(v)}"
            for key, label in (
                ("illegal_gains", "违法所得"),
                ("illegal_property", "非法财物"),
                ("ad_fee", "广告费用"),
            )
            if (v := a.confiscation.get(key)) is not None
        ]
        if seized:
            lines.append(f"<p>没收：{html.escape('；'.join(seized))}</p>")
        if a.liable == "employer":
            lines.append("<p><b>责任主体：直播营销人员所在单位（办法第六十三条，职务行为）</b></p>")
        if a.advertising_role:
            role = dict((k, v) for k, v in AD_ROLES if k)[a.advertising_role]
            lines.append(f"<p>广告中的身份：{html.escape(role)}</p>")
        lines.append(
            f"<p>听证权利：{'有' if a.hearing_right else '无'}；法制审核：{'需要' if a.legal_review_required else '不需要'}；"
            f"追诉时效：{'已过' if a.time_barred else '未过'}</p>"
        )
        for note in a.verified_notes:
            lines.append(
                f"<p style='color:#b00020'>未经核实：{html.escape(note)}（verified: false）</p>"
            )
        for w in (*self.extra_warnings, *a.warnings):
            lines.append(f"<p style='color:#8a5a00'>⚠ {html.escape(w)}</p>")
        if a.explanation:
            lines.append(f"<hr><p>{html.escape(a.explanation)}</p>")
        return "".join(lines)

    def save(self) -> None:
        result = self.update_result()
        if result is None:
            return
        inp = self.penalty_input()
        summary = self.fine_text(result)
        if inp.proposed_fine is not None:
            summary = f"拟罚款{amount_text(inp.proposed_fine)}"
        self.result_assessment = ViolationAssessment.of(inp, result, summary, self.reasons.text())
        self.accept()
