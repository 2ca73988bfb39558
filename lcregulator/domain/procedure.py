"""The facts of a case's procedure that the workflow guards and the deadlines read.

Kept on the case as one value so that every transition is checked against the whole record:
approvals, extensions, suspensions, the notice and the party's answer to it, hearing, legal
review, collective discussion, the decision, payments and enforcement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from .authority import OfficerId
from .deadlines import CaseDates, Suspension


@dataclass(slots=True)
class Approval:
    step: str  # file, decline, extend_filing, extend_decision, decide, close
    by: OfficerId
    on: dt.date


@dataclass(slots=True)
class Payment:
    on: dt.date
    amount: Decimal


@dataclass(slots=True)
class Procedure:
    approvals: list[Approval] = field(default_factory=list)
    filing_extended: bool = False
    decision_extended: bool = False
    suspensions: list[Suspension] = field(default_factory=list)
    suspended_from: str | None = None  # the status to resume to
    hearing_right: bool = False  # the 告知书 told the party of a hearing right
    statement_received_on: dt.date | None = None  # 陈述、申辩 made (or expressly waived)
    hearing_requested_on: dt.date | None = None
    hearing_held_on: dt.date | None = None
    legal_review_required: bool = False  # 行政处罚法 Art 58
    legal_review_on: dt.date | None = None
    collective_discussion_required: bool = False  # 行政处罚法 Art 57 ¶2
    collective_discussion_on: dt.date | None = None
    decision_kind: str | None = None  # penalty | no_penalty | revoke
    fine: Decimal | None = None
    payments: list[Payment] = field(default_factory=list)
    published_on: dt.date | None = None
    reminder_served_on: dt.date | None = None  # 催告
    court_applied_on: dt.date | None = None
    # 行政复议 or 行政诉讼 brought against the decision: 加处罚款 is not counted meanwhile
    # (行政处罚法 Art 73(3)); an open one has no end yet
    review_or_litigation: list[Suspension] = field(default_factory=list)
    transferred_to: str = ""
    not_filed_reason: str = ""
    # criminal referral (国务院令第310号)
    referral_screening: dict[str, Any] | None = None  # conduct, figures, flags and the result
    referral_team: list[int] = field(default_factory=list)
    referral_report_on: dt.date | None = None
    referral_decision: str | None = None  # approved | refused
    referral_decision_on: dt.date | None = None
    referral_refusal_reason: str = ""
    referral_transferred_on: dt.date | None = None
    police_decision: str | None = None  # accepted | refused
    police_decision_on: dt.date | None = None
    reconsideration_requested_on: dt.date | None = None
    reconsideration_upheld: bool | None = None  # the police kept their refusal
    reconsideration_decided_on: dt.date | None = None
    procuratorate_on: dt.date | None = None
    referral_materials: dict[str, str] = field(default_factory=dict)

    def dates(self, events: dict[str, dt.date]) -> CaseDates:
        extra = {
            "published": self.published_on,
            "reminder_served": self.reminder_served_on,
            "court_applied": self.court_applied_on,
            "referral_reported": self.referral_report_on,
            "referral_decided": self.referral_decision_on,
            "referral_approved": self.referral_decision_on
            if self.referral_decision == "approved"
            else None,
            "referral_transferred": self.referral_transferred_on,
            "police_decided": self.police_decision_on,
            "police_refused": self.police_decision_on
            if self.police_decision == "refused"
            else None,
            "reconsideration_requested": self.reconsideration_requested_on,
            "reconsideration_upheld": self.reconsideration_decided_on
            if self.reconsideration_upheld
            else None,
            "procuratorate": self.procuratorate_on,
        }
        merged = dict(events) | {k: v for k, v in extra.items() if v is not None}
        return CaseDates(
            events=merged,
            filing_extended=self.filing_extended,
            decision_extended=self.decision_extended,
            hearing_right=self.hearing_right,
            suspensions=tuple(self.suspensions),
            review_or_litigation=tuple(self.review_or_litigation),
        )

    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), Decimal("0"))

    # --- JSON --------------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        def conv(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return str(value)
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if isinstance(value, list | tuple):
                return [conv(v) for v in value]
            return value

        data = {name: getattr(self, name) for name in self.__slots__}
        data["approvals"] = [asdict(a) for a in self.approvals]
        data["payments"] = [asdict(p) for p in self.payments]
        data["suspensions"] = [{"start": s.start, "end": s.end} for s in self.suspensions]
        data["review_or_litigation"] = [
            {"start": s.start, "end": s.end} for s in self.review_or_litigation
        ]
        return {k: conv(v) for k, v in data.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Procedure:
        if not data:
            return cls()

        def day(value: Any) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        p = cls()
        for name in cls.__slots__:
            if name in data and name not in (
                "approvals",
                "payments",
                "suspensions",
                "review_or_litigation",
            ):
                setattr(p, name, data[name])
        for name in (
            "statement_received_on",
            "hearing_requested_on",
            "hearing_held_on",
            "legal_review_on",
            "collective_discussion_on",
            "published_on",
            "reminder_served_on",
            "court_applied_on",
            "referral_report_on",
            "referral_decision_on",
            "referral_transferred_on",
            "police_decision_on",
            "reconsideration_requested_on",
            "reconsideration_decided_on",
            "procuratorate_on",
        ):
            setattr(p, name, day(data.get(name)))
        p.fine = Decimal(data["fine"]) if data.get("fine") is not None else None
        p.approvals = [
            Approval(a["step"], OfficerId(a["by"]), dt.date.fromisoformat(a["on"]))
            for a in data.get("approvals", [])
        ]
        p.payments = [
            Payment(dt.date.fromisoformat(x["on"]), Decimal(x["amount"]))
            for x in data.get("payments", [])
        ]
        p.suspensions = [
            Suspension(dt.date.fromisoformat(s["start"]), day(s.get("end")))
            for s in data.get("suspensions", [])
        ]
        p.review_or_litigation = [
            Suspension(dt.date.fromisoformat(s["start"]), day(s.get("end")))
            for s in data.get("review_or_litigation", [])
        ]
        return p
