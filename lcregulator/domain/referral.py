"""Criminal referral (行刑衔接): do a case's figures meet a prosecution threshold?

"不得以行政处罚代替移送" (国务院令第310号 Art 11): when the conduct and figures meet the
threshold of a crime, the bureau must refer the case to the public security organ. Thresholds
are data (``data/law/referral.json``) with their sources, each rule in plain words; an
unverified one (刑法 Art 225's catch-all) is flagged wherever it is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from .errors import ValidationError
from .lawdata import check_keys, load_json
from .statute import to_chinese_number

DATA_FILE = "data/law/referral.json"
FIGURES = (
    "sales_amount",
    "unsold_goods_value",
    "illegal_gains",
    "illegal_business_amount",
    "personal_information_items",
    "personal_information_items_by_kind",  # {"sensitive": n, "important": n, "other": n}
    "direct_loss",  # 法释〔2025〕5号 Art 10(2): the patentee's direct loss
)
FLAGS = (
    "food_or_drug_advertising",
    "prior_false_ad_penalties_2y",
    "prior_penalty_same_conduct_2y",
    "serious_food_risk",
    "personal_information_kind",
    "obtained_in_duties_or_services",  # 法释〔2017〕10号 Art 5(1)(8)
    "two_or_more_marks",  # 法释〔2025〕5号 Art 3(1)(2)
    "two_or_more_patents",  # 法释〔2025〕5号 Art 10(3)
    "emergency_pretext",  # 立案追诉标准（二） Art 67(2), unverified
    "serious_harm",  # 立案追诉标准（二） Art 67(5), unverified
)
INFO_KINDS = ("sensitive", "important", "other")


@cache
def data() -> dict[str, Any]:
    raw = load_json(DATA_FILE)
    check_keys(raw, DATA_FILE, ["version", "sources", "crimes"])
    for key, crime in raw["crimes"].items():
        check_keys(
            crime,
            f"{DATA_FILE}: crimes.{key}",
            ["article", "name", "basis", "verified", "rules"],
            ["article_of", "note", "fallback_to"],
        )
        if crime["basis"][0] not in raw["sources"]:
            raise ValueError(f"{DATA_FILE}: crimes.{key}: unknown source {crime['basis'][0]}")
        for i, rule in enumerate(crime["rules"]):
            where = f"{DATA_FILE}: crimes.{key}.rules[{i}]"
            check_keys(rule, where, ["when", "label", "basis"], ["verified"])
            if rule["basis"][0] not in raw["sources"]:
                raise ValueError(f"{where}: unknown source {rule['basis'][0]}")
    return dict(raw)


def conducts() -> list[str]:
    return list(data()["crimes"])


@dataclass(frozen=True)
class ReferralInput:
    conduct: str
    party_type: str
    figures: dict[
        str, Any
    ]  # amounts in yuan; by_kind is a dict of counts = field(default_factory=dict)
    flags: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CrimeMet:
    article: int
    article_of: int | None
    name: str
    met: tuple[str, ...]
    basis: dict[str, Any]
    verified: bool
    met_basis: tuple[dict[str, Any], ...] = ()

    @property
    def article_label(self) -> str:
        out = f"《中华人民共和国刑法》第{to_chinese_number(self.article)}条"
        return out + ("之" + to_chinese_number(self.article_of) if self.article_of else "")

    def as_dict(self) -> dict[str, Any]:
        article: int | str = (
            self.article if not self.article_of else f"{self.article}-{self.article_of}"
        )
        return {
            "article": article,
            "name": self.name,
            "met": list(self.met),
            "basis": self.basis,
            "met_basis": list(self.met_basis),
            "verified": self.verified,
        }


@dataclass(frozen=True)
class ReferralResult:
    referral_indicated: bool
    crimes: tuple[CrimeMet, ...]
    warnings: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "referral_indicated": self.referral_indicated,
            "crimes": [c.as_dict() for c in self.crimes],
            "warnings": list(self.warnings),
            "law_data_version": data()["version"],
        }


_CMP = re.compile(r"^(.+?)\s*(>=|<|==|>)\s*(\S+)$")


def _value(expr: str, inp: ReferralInput) -> Decimal:
    """a * 3 + b — the only arithmetic the thresholds need."""
    total = Decimal(0)
    for term in expr.split("+"):
        parts = [p.strip() for p in term.split("*")]
        value = Decimal(1)
        for part in parts:
            if part.replace(".", "").isdigit():
                value *= Decimal(part)
            else:
                value *= Decimal(inp.figures.get(part) or inp.flags.get(part) or 0)
        total += value
    return total


def _clause(clause: str, inp: ReferralInput) -> bool:
    clause = clause.strip()
    if clause == "always":
        return True
    if clause.startswith("flag:"):
        return bool(inp.flags.get(clause[5:]))
    if clause.startswith("party:"):
        return inp.party_type in clause[6:].split(",")
    m = _CMP.match(clause)
    if not m:
        raise ValueError(f"referral rule not understood: {clause}")
    left, op, right = m.groups()
    if op == "==":
        return str(inp.flags.get(left.strip(), "other")) == right
    lhs, rhs = _value(left, inp), Decimal(right)
    return {">=": lhs >= rhs, "<": lhs < rhs, ">": lhs > rhs}[op]


def _basis(ref: list[Any]) -> dict[str, Any]:
    src = data()["sources"][ref[0]]
    out = {"instrument": src["instrument"], "version": src["version"], "article": ref[1]}
    if len(ref) > 2:
        out["paragraph"] = ref[2]
    if len(ref) > 3:
        out["item"] = ref[3]
    return out


def _with_kinds(inp: ReferralInput) -> ReferralInput:
    """Counts of personal information by kind (法释〔2017〕10号 Art 5(1)(3)–(5)) as the figures
    the rules read: ``pi_sensitive``, ``pi_important``, ``pi_other``. A single count takes its
    kind from ``flags.personal_information_kind`` (other when not given)."""
    kinds = {k: Decimal(0) for k in INFO_KINDS}
    for kind, n in (inp.figures.get("personal_information_items_by_kind") or {}).items():
        kinds[kind] += Decimal(n or 0)
    single = inp.figures.get("personal_information_items")
    if single:
        kinds[str(inp.flags.get("personal_information_kind") or "other")] += Decimal(single)
    figures = {k: v for k, v in inp.figures.items() if k != "personal_information_items_by_kind"}
    figures |= {f"pi_{k}": v for k, v in kinds.items()}
    return ReferralInput(inp.conduct, inp.party_type, figures, inp.flags)


def validate(inp: ReferralInput) -> None:
    if inp.conduct not in data()["crimes"]:
        raise ValidationError(
            "conduct", f"未知的行为类型“{inp.conduct}”，应为：{'、'.join(conducts())}。"
        )
    if inp.party_type not in ("natural_person", "individual_business", "organization"):
        raise ValidationError(
            "party_type", "当事人类型应为 natural_person、individual_business 或 organization。"
        )
    for key, value in inp.figures.items():
        if key not in FIGURES:
            raise ValidationError(f"figures.{key}", f"不认识的数额字段：{key}。")
        if key == "personal_information_items_by_kind":
            if not isinstance(value, dict) or set(value) - set(INFO_KINDS):
                raise ValidationError(
                    f"figures.{key}", f"按类别的条数只能有：{'、'.join(INFO_KINDS)}。"
                )
            if any(v is not None and v < 0 for v in value.values()):
                raise ValidationError(f"figures.{key}", "条数不能为负数。")
        elif value is not None and value < 0:
            raise ValidationError(f"figures.{key}", "数额不能为负数。")
    for key in inp.flags:
        if key not in FLAGS:
            raise ValidationError(f"flags.{key}", f"不认识的情节字段：{key}。")
    kind = inp.flags.get("personal_information_kind")
    if kind is not None and kind not in INFO_KINDS:
        raise ValidationError(
            "flags.personal_information_kind", f"个人信息类别应为：{'、'.join(INFO_KINDS)}。"
        )


def screen(inp: ReferralInput) -> ReferralResult:
    """The crimes whose thresholds these figures meet, with the threshold met and its source."""
    validate(inp)
    inp = _with_kinds(inp)
    crimes = data()["crimes"]
    warnings: list[str] = []
    found: list[CrimeMet] = []

    def check(key: str) -> CrimeMet | None:
        crime = crimes[key]
        rules = [
            r for r in crime["rules"] if all(_clause(c, inp) for c in r["when"].split(" and "))
        ]
        if not rules:
            return None
        return CrimeMet(
            crime["article"],
            crime.get("article_of"),
            crime["name"],
            tuple(r["label"] for r in rules),
            _basis(crime["basis"]),
            bool(crime["verified"]) and all(r.get("verified", True) for r in rules),
            tuple(_basis(r["basis"]) | {"verified": r.get("verified", True)} for r in rules),
        )

    crime = crimes[inp.conduct]
    hit = check(inp.conduct)
    if hit:
        found.append(hit)
    elif crime.get("fallback_to"):
        fallback = check(crime["fallback_to"])
        if fallback:
            found.append(fallback)
            warnings.append(crime["note"])
    if crime.get("note") and crime["note"] not in warnings:
        warnings.append(crime["note"])
    for c in found:
        if not c.verified:
            warnings.append(
                f"{c.name}的立案追诉标准未经核实（verified: false），请以现行标准为准。"
            )
    if found:
        warnings.append(
            "涉嫌犯罪的，应当依照《行政执法机关移送涉嫌犯罪案件的规定》移送公安机关，不得以行政处罚代替移送（第十一条）。"
        )
    return ReferralResult(bool(found), tuple(found), tuple(warnings))
