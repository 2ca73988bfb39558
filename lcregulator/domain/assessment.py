"""The 处罚裁量 as saved on a violation: the officer's inputs, the engine's result, the choice.

It is one typed value from the penalty dialog to the database and on to the documents, so a
document reads the facts the officer gave (违法所得, 广告费用, 货值金额, circumstances), the fine
they chose and their reasons — not a dictionary shaped by whichever screen saved it. It is
stored as JSON (``to_json``); ``from_json`` also reads what earlier versions stored, where only
some of the facts were kept and the rest take their defaults.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from .penalty import Assessment, Facts, PenaltyInput

_MONEY_FACTS = frozenset(
    f.name for f in dataclasses.fields(Facts) if "Decimal" in str(f.type)
)  # 违法所得, 广告费用, 货值金额 …: kept as text in JSON, never as floats


def _decimal(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ViolationAssessment:
    """One violation's saved assessment (DESIGN §3 ``Assessment``: range, band, choice, reasons).

    ``result`` is the engine's result as it was computed then, in its JSON form (the law data
    may change later; the decision keeps what was assessed), with typed accessors below.
    """

    party_type: str = ""
    discovery_date: dt.date | None = None
    decision_date: dt.date | None = None
    facts: Facts = field(default_factory=Facts)
    circumstances: tuple[str, ...] = ()
    proposed_fine: Decimal | None = None  # the fine the officer chose (罚款金额)
    reasons: str = ""  # the officer's reasons for the choice (裁量说明)
    result: Mapping[str, Any] = field(default_factory=dict)
    summary: str = ""  # one line for the violations table: 拟罚款50,000元…
    law_data_version: str = ""

    @classmethod
    def of(
        cls, inp: PenaltyInput, result: Assessment, summary: str, reasons: str = ""
    ) -> ViolationAssessment:
        """What the penalty dialog saves: its input and the engine's result for it."""
        return cls(
            party_type=inp.party_type,
            discovery_date=inp.discovery_date,
            decision_date=inp.decision_date,
            facts=inp.facts,
            circumstances=tuple(inp.circumstances),
            proposed_fine=inp.proposed_fine,
            reasons=reasons.strip(),
            result=result.as_dict(),
            summary=summary,
            law_data_version=result.law_data_version,
        )

    # --- what the result says ------------------------------------------------------------

    @property
    def hearing_right(self) -> bool:
        return bool(self.result.get("hearing_right"))

    @property
    def legal_review_required(self) -> bool:
        return bool(self.result.get("legal_review_required"))

    @property
    def illegal_gains(self) -> Decimal | None:
        return self.facts.illegal_gains

    @property
    def order(self) -> str:
        """The 责令改正 the provision orders, as printed ("" if none)."""
        return str(self.result.get("order") or "")

    @property
    def fine_range(self) -> tuple[Decimal, Decimal, bool] | None:
        """(minimum, maximum, mandatory) of the legal fine, or None when no fine applies."""
        fine = self.result.get("fine")
        if not fine:
            return None
        return Decimal(str(fine["min"])), Decimal(str(fine["max"])), bool(fine.get("mandatory"))

    @property
    def confiscates_gains(self) -> bool:
        return bool(self.result.get("confiscate_illegal_gains"))

    @property
    def other_measures(self) -> tuple[str, ...]:
        return tuple(self.result.get("other_measures") or ())

    @property
    def band(self) -> str:
        return str((self.result.get("discretion") or {}).get("band", ""))

    @property
    def applied(self) -> tuple[Mapping[str, Any], ...]:
        """The provisions the penalty rests on, as the engine cited them."""
        return tuple(self.result.get("applied") or ())

    # --- stored form -------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        facts = {
            name: (str(value) if name in _MONEY_FACTS and value is not None else value)
            for name, value in dataclasses.asdict(self.facts).items()
        }
        return {
            "input": {
                "party_type": self.party_type,
                "discovery_date": self.discovery_date.isoformat() if self.discovery_date else None,
                "decision_date": self.decision_date.isoformat() if self.decision_date else None,
                "facts": facts,
                "circumstances": list(self.circumstances),
                "proposed_fine": str(self.proposed_fine)
                if self.proposed_fine is not None
                else None,
                "reasons": self.reasons,
            },
            "result": dict(self.result),
            "summary": self.summary,
            "law_data_version": self.law_data_version,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ViolationAssessment:
        """Read a stored assessment, including the partial ones earlier versions kept."""
        inp = data.get("input") or {}
        stored = inp.get("facts") or {}
        known = {f.name for f in dataclasses.fields(Facts)}
        kept: dict[str, Any] = {
            name: (_decimal(value) if name in _MONEY_FACTS else value)
            for name, value in stored.items()
            if name in known
        }
        facts = Facts(**kept)
        result = dict(data.get("result") or {})
        return cls(
            party_type=str(inp.get("party_type") or ""),
            discovery_date=_date(inp.get("discovery_date")),
            decision_date=_date(inp.get("decision_date")),
            facts=facts,
            circumstances=tuple(inp.get("circumstances") or ()),
            proposed_fine=_decimal(inp.get("proposed_fine")),
            reasons=str(inp.get("reasons") or ""),
            result=result,
            summary=str(data.get("summary") or ""),
            law_data_version=str(
                data.get("law_data_version") or result.get("law_data_version") or ""
            ),
        )
