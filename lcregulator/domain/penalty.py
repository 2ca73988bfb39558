"""Penalty assessment for Arts 53–66 of the Measures (DESIGN §6, REFERENCE §0–§4).

For one provision and one party, given the act, discovery and decision dates and the facts:
- the law in force at the time of the act, unless a later text is lighter at decision time
  (从旧兼从轻, 行政处罚法 Art 37); the Measures' own clauses only for acts from 2026-02-01;
- limitation: no penalty for an act not discovered within two years of its end (five where
  life, health or financial safety was harmed) (行政处罚法 Art 36);
- the order to correct, and whether a fine is possible under these facts — the triggers exactly
  as written: 逾期不改正 / 拒不改正或者情节严重 / always / 可以;
- the range, from illegal gains, ad fee or goods value, with the statutory fallback when the
  base cannot be computed; mandatory or discretionary; confiscation (Art 28) and other measures;
- the discretion band from the circumstances (不予 / 从轻 / 一般 / 从重, with 减轻 allowed below
  the minimum where a mitigating ground of Arts 30–32 applies), the hearing right (听证办法 Art 5)
  and whether 法制审核 is required (Art 58).
Law values live in ``data/law/penalties.json`` with their citations; the SAMR discretion bands
are unverified and flagged wherever they are used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache
from typing import Any

from .deadlines import add_months
from .errors import ValidationError
from .formatting import amount_text, chinese_date
from .lawdata import check_keys, load_json, parse_date
from .provisions import catalogue as provision_catalogue
from .statute import to_chinese_number

DATA_FILE = "data/law/penalties.json"
NO_BASE = "没有计算罚款的基数"
MEASURES_IN_FORCE = dt.date(2026, 2, 1)
PARTY_TYPES = ("natural_person", "individual_business", "organization")
MEASURE_LABELS = {
    "suspend_business": "责令停业整顿",
    "suspend_business_or_revoke_licence": "情节严重的，责令停业整顿或者吊销营业执照",
    "revoke_licence_may": "可以吊销营业执照",
    "suspend_ad_business_or_revoke_licence_may": "可以由有关部门暂停广告发布业务、吊销营业执照",
    "warning_may": "可以单处或者并处警告",
    "eliminate_effect": "消除影响",
}
ORDER_LABELS = {
    "order_correct": "责令改正",
    "order_correct_deadline": "责令限期改正",
    "order_stop": "责令停止违法行为",
    "order_stop_ad": "责令停止发布广告",
}
FACT_KEYS = (
    "ordered_to_correct",
    "corrected_by_deadline",
    "refused_to_correct",
    "serious",
    "illegal_gains",
    "ad_fee",
    "goods_value",
    "sales_amount",
    "ad_fee_clearly_low",
    "life_health_financial_harm",
    "major_public_interest",
    "complex_case",
    "illegal_property_value",
    "in_course_of_employment",
    "advertising_role",
    "hearing_held",
)
MONEY_FACTS = ("illegal_gains", "ad_fee", "goods_value", "sales_amount", "illegal_property_value")
ADVERTISING_ROLES = ("advertiser", "publisher", "endorser")
ROLE_LABELS = {"advertiser": "广告主", "publisher": "广告发布者", "endorser": "广告代言人"}


@dataclass(frozen=True, slots=True)
class Cite:
    instrument: str
    version: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "version": self.version,
            "article": self.article,
            "paragraph": self.paragraph,
            "item": self.item,
        }

    @property
    def text_with_version(self) -> str:
        """《反不正当竞争法》（2025-06-27 修订）第二十五条 — where two texts of a law matter."""
        return self.text.replace("》", f"》（{self.version}）", 1)

    @property
    def text(self) -> str:
        out = f"《{self.instrument}》第{to_chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{to_chinese_number(self.paragraph)}款"
        if self.item:
            out += f"第{to_chinese_number(self.item)}项"
        return out


@dataclass(frozen=True)
class Facts:
    ordered_to_correct: bool = False
    corrected_by_deadline: bool | None = None
    refused_to_correct: bool = False
    serious: bool = False
    illegal_gains: Decimal | None = None
    ad_fee: Decimal | None = None
    goods_value: Decimal | None = None
    sales_amount: Decimal | None = None
    ad_fee_clearly_low: bool = False
    life_health_financial_harm: bool = False
    major_public_interest: bool = False
    complex_case: bool = False
    illegal_property_value: Decimal | None = (
        None  # 非法财物 to be confiscated (听证办法 Art 5(1)(4))
    )
    in_course_of_employment: bool | None = None  # 办法 Art 63: a marketer's 职务行为
    advertising_role: str | None = None  # 广告法 Arts 55, 61: advertiser / publisher / endorser
    hearing_held: bool = False  # 行政处罚法 Art 58(1)(2): the case went through a hearing


@dataclass(frozen=True)
class PenaltyInput:
    provision: str
    party_type: str
    act_date: dt.date
    discovery_date: dt.date
    decision_date: dt.date
    facts: Facts = field(default_factory=Facts)
    circumstances: tuple[str, ...] = ()
    proposed_fine: Decimal | None = None
    act_end: dt.date | None = None  # a continuing act's last day
    party_role: str | None = None  # the code word of DESIGN §3 (marketer, room_operator, …)
    bureau_review_list: tuple[str, ...] = ()  # the bureau's own 法制审核 list (程序规定 Art 50)


@dataclass(frozen=True)
class Overrides:
    """A province's own hearing thresholds and discretion bands, loaded by an administrator."""

    name: str = ""
    hearing_thresholds: dict[str, Decimal] | None = None
    bands: dict[str, tuple[float, float]] | None = None
    confiscation_thresholds: dict[str, Decimal] | None = None  # 听证办法 Art 5(2), item (4)
    individual_business_as: str | None = None  # natural_person | organization


@dataclass(frozen=True)
class Assessment:
    provision: str
    applicable: bool
    applied: tuple[Cite, ...]
    order_correction: bool
    order_text: str
    fine: tuple[Decimal, Decimal, bool] | None  # (min, max, mandatory)
    fine_basis: str  # how the range was computed
    confiscate_illegal_gains: bool
    other_measures: tuple[str, ...]
    band: str
    band_range: tuple[Decimal, Decimal] | None
    mitigation_allows_reduction: bool
    hearing_right: bool
    legal_review_required: bool
    time_barred: bool
    warnings: tuple[str, ...]
    explanation: str
    verified: bool
    direct_basis: str = ""  # for acts before the Measures: the statute that applies directly
    higher_law: tuple[str, ...] = ()
    law_data_version: str = ""
    liable: str = "party"  # "employer" when 办法 Art 63 shifts liability to the unit
    confiscation: dict[str, Decimal | None] = field(
        default_factory=lambda: {"illegal_gains": None, "illegal_property": None, "ad_fee": None}
    )
    advertising_role: str | None = None
    legal_review_reasons: tuple[str, ...] = ()
    verified_notes: tuple[str, ...] = ()  # the unverified rules this result relied on

    def as_dict(self) -> dict[str, Any]:
        fine = None
        if self.fine is not None:
            fine = {"min": _num(self.fine[0]), "max": _num(self.fine[1]), "mandatory": self.fine[2]}
        band_range = [_num(v) for v in self.band_range] if self.band_range else None
        return {
            "provision": self.provision,
            "applicable": self.applicable,
            "applied": [c.as_dict() for c in self.applied],
            "order_correction": self.order_correction,
            "order": self.order_text,
            "fine": fine,
            "fine_basis": self.fine_basis,
            "confiscate_illegal_gains": self.confiscate_illegal_gains,
            "confiscation": {
                k: (None if v is None else _num(v)) for k, v in self.confiscation.items()
            },
            "liable": self.liable,
            "advertising_role": self.advertising_role,
            "other_measures": list(self.other_measures),
            "discretion": {
                "band": self.band,
                "range": band_range,
                "reduction_allowed": self.mitigation_allows_reduction,
                "verified": False,
            },
            "hearing_right": self.hearing_right,
            "legal_review_required": self.legal_review_required,
            "legal_review_reasons": list(self.legal_review_reasons),
            "unverified": list(self.verified_notes),
            "time_barred": self.time_barred,
            "warnings": list(self.warnings),
            "explanation": self.explanation,
            "verified": self.verified,
            "direct_basis": self.direct_basis,
            "higher_law": list(self.higher_law),
            "law_data_version": self.law_data_version,
        }


def _num(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


@cache
def data() -> dict[str, Any]:
    raw = load_json(DATA_FILE)
    check_keys(
        raw,
        DATA_FILE,
        [
            "version",
            "note",
            "instruments",
            "rules",
            "hearing",
            "discretion",
            "circumstances",
            "individual_business",
            "legal_review",
        ],
    )
    for key, inst in raw["instruments"].items():
        where = f"{DATA_FILE}: instruments.{key}"
        check_keys(inst, where, ["instrument", "version", "effective_from"])
        parse_date(inst["effective_from"], where)
    for key, rule in raw["rules"].items():
        where = f"{DATA_FILE}: rules.{key}"
        check_keys(
            rule,
            where,
            ["measures_article", "preempt", "versions"],
            ["measures_paragraph", "higher_law", "employment", "role"],
        )
        for i, version in enumerate(rule["versions"]):
            vw = f"{where}.versions[{i}]"
            check_keys(version, vw, ["from", "applied", "order", "tiers"], ["until", "ambiguity"])
            parse_date(version["from"], vw)
            if version.get("until"):
                parse_date(version["until"], vw)
            for j, tier in enumerate(version["tiers"]):
                check_keys(
                    tier,
                    f"{vw}.tiers[{j}]",
                    ["when", "fine", "mandatory"],
                    [
                        "measures",
                        "confiscate",
                        "party",
                        "no_base_only",
                        "applied_extra",
                        "confiscate_ad_fee",
                    ],
                )
                if tier["when"] not in (
                    "always",
                    "refused_or_serious",
                    "overdue_uncorrected",
                    "serious",
                ):
                    raise ValueError(f"{vw}.tiers[{j}]: unknown trigger {tier['when']}")
    for key, c in raw["circumstances"].items():
        check_keys(
            c,
            f"{DATA_FILE}: circumstances.{key}",
            ["label", "effect", "must", "source", "verified"],
        )
    return dict(raw)


def rule_key(provision: str, advertising_role: str | None = None) -> str:
    for key in ("M53", "M54", "M59"):
        if provision.startswith(key + "("):
            return key
    if provision == "M62-1/advertising" and advertising_role in ("publisher", "endorser"):
        return f"{provision}@{advertising_role}"
    return provision


def fine_party(inp: PenaltyInput, overrides: Overrides | None = None) -> str:
    """The party the fine tier and the hearing threshold are judged for: a 个体工商户 is a
    natural person (民法典 Art 54; unverified, a province may say otherwise); under 办法 Art 63
    the employing unit answers for its marketer."""
    if employer_liable(inp):
        return "organization"
    if inp.party_type == "individual_business":
        setting = (overrides.individual_business_as if overrides else None) or data()[
            "individual_business"
        ]["as"]
        return str(setting)
    return inp.party_type


def employer_liable(inp: PenaltyInput) -> bool:
    rule = data()["rules"].get(rule_key(inp.provision, inp.facts.advertising_role), {})
    return bool(rule.get("employment")) and inp.facts.in_course_of_employment is True


def circumstances() -> dict[str, dict[str, Any]]:
    return dict(data()["circumstances"])


def _cite(ref: list[Any], provision: str | None = None) -> Cite:
    inst = data()["instruments"][ref[0]]
    article = ref[1]
    paragraph = ref[2] if len(ref) > 2 else None
    item = ref[3] if len(ref) > 3 else None
    if ref[0] == "M117" and provision is not None:  # the Measures' own clause: cite the item
        p = provision_catalogue()[provision]
        paragraph, item = p.paragraph, p.item
    return Cite(inst["instrument"], inst["version"], article, paragraph, item)


def _version_at(rule: dict[str, Any], day: dt.date) -> dict[str, Any] | None:
    for version in rule["versions"]:
        start = dt.date.fromisoformat(version["from"])
        until = dt.date.fromisoformat(version["until"]) if version.get("until") else None
        if start <= day and (until is None or day <= until):
            return dict(version)
    return None


def _tier_applies(tier: dict[str, Any], inp: PenaltyInput) -> bool:
    f = inp.facts
    if tier.get("party") and inp.party_type not in tier["party"]:
        return False
    if tier.get("no_base_only") and (f.illegal_gains or Decimal(0)) > 0:
        return False
    when = tier["when"]
    if when == "always":
        return True
    if when == "refused_or_serious":
        return f.refused_to_correct or f.serious
    if when == "overdue_uncorrected":
        return f.ordered_to_correct and f.corrected_by_deadline is False
    return f.serious  # "serious"


def _tier(version: dict[str, Any], inp: PenaltyInput) -> dict[str, Any] | None:
    """The heaviest tier these facts reach: a serious tier before the base one."""
    applicable = [t for t in version["tiers"] if _tier_applies(t, inp)]
    if not applicable:
        return None
    serious = [t for t in applicable if t["when"] == "serious"]
    specific = [t for t in applicable if t.get("party") or t.get("no_base_only")]
    both = [t for t in serious if t in specific]
    # a party-specific rule (价格违法行为行政处罚规定 Art 11(1)) displaces the general tiers,
    # whether or not the case is serious; seriousness then picks its serious variant
    chosen: dict[str, Any] = (both or specific or serious or applicable)[0]
    return chosen


def _range(tier: dict[str, Any], inp: PenaltyInput) -> tuple[Decimal, Decimal, str, list[str]]:
    spec = tier["fine"]
    warnings: list[str] = []
    if "base" not in spec:
        lo, hi = Decimal(spec["min"]), Decimal(spec["max"])
        return lo, hi, "法定罚款幅度", warnings
    base_name = spec["base"]
    base = getattr(inp.facts, base_name)
    label = {"illegal_gains": "违法所得", "ad_fee": "广告费用", "goods_value": "货值金额"}[
        base_name
    ]
    low_fee = base_name == "ad_fee" and inp.facts.ad_fee_clearly_low
    if base is None or base <= 0 or low_fee:
        if low_fee:
            why = f"{label}明显偏低"
        elif base_name == "illegal_gains":
            why = "没有违法所得"
        else:
            why = f"{label}无法计算"
        fb = spec.get("fallback")
        if fb is None:  # 广告法 Art 61: the fine is a multiple of the gains, nothing else
            warnings.append(f"{why}，{label}的倍数罚款无法计算，依现有事实不能罚款。")
            return Decimal(0), Decimal(0), NO_BASE, warnings
        warnings.append(f"{why}，适用法定的固定罚款幅度。")
        return Decimal(fb["min"]), Decimal(fb["max"]), f"{why}时的法定幅度", warnings
    lo, hi = base * Decimal(spec["min_x"]), base * Decimal(spec["max_x"])
    min_x = spec["min_x"]
    times = f"{min_x}倍以上{spec['max_x']}倍以下" if min_x else f"{spec['max_x']}倍以下"
    return lo, hi, f"{label}{amount_text(base)}的{times}", warnings


def _lighter(a: tuple[Decimal, Decimal] | None, b: tuple[Decimal, Decimal] | None) -> bool:
    """Is range ``b`` lighter than ``a``? Lower maximum first, then lower minimum; no fine is
    lightest of all."""
    if b is None:
        return a is not None
    if a is None:
        return False
    return (b[1], b[0]) < (a[1], a[0])


UNVERIFIED_FLAG = "（依据未经核实）"


def _band(inp: PenaltyInput, overrides: Overrides | None) -> tuple[str, list[str], bool, bool]:
    """(band, notes, reduction allowed, mandatory no-penalty)."""
    table = circumstances()
    unknown = [c for c in inp.circumstances if c not in table]
    if unknown:
        raise ValidationError("circumstances", f"未知的情节：{'、'.join(unknown)}。")
    chosen = [table[c] | {"code": c} for c in inp.circumstances]
    notes = []
    for c in chosen:
        src = c["source"]
        basis = _cite(src).text if len(src) > 1 else data()["instruments"]["DISC"]["instrument"]
        flag = "" if c["verified"] else UNVERIFIED_FLAG
        notes.append(f"{c['label']}（{basis}{flag}）")
    must_not = any(c["effect"] == "不予" and c["must"] for c in chosen)
    may_not = any(c["effect"] == "不予" and not c["must"] for c in chosen)
    mitigating = [c for c in chosen if c["effect"] in ("从轻", "从轻或减轻")]
    aggravating = [c for c in chosen if c["effect"] == "从重"]
    reduction = any(c["effect"] == "从轻或减轻" for c in chosen)
    if must_not:
        return "不予处罚", notes, reduction, True
    if may_not and not aggravating:
        return "可以不予处罚", notes, reduction, False
    if mitigating and aggravating:
        return "一般", notes, reduction, False
    if mitigating:
        return "从轻", notes, reduction, False
    if aggravating:
        return "从重", notes, reduction, False
    return "一般", notes, reduction, False


def _band_range(
    band: str, lo: Decimal, hi: Decimal, overrides: Overrides | None
) -> tuple[Decimal, Decimal] | None:
    bands = (overrides.bands if overrides and overrides.bands else None) or data()["discretion"][
        "bands"
    ]
    key = band if band in bands else "一般"
    if band in ("不予处罚",):
        return None
    a, b = bands[key]
    span = hi - lo
    return (
        (lo + span * Decimal(str(a))).quantize(Decimal("1")),
        (lo + span * Decimal(str(b))).quantize(Decimal("1")),
    )


def validate(inp: PenaltyInput) -> None:
    if inp.provision not in provision_catalogue():
        raise ValidationError(
            "provision", f"未知的条款编号：{inp.provision}（用 lcregulator law provisions 查看）。"
        )
    if inp.party_type not in PARTY_TYPES:
        raise ValidationError("party_type", f"当事人类型应为：{'、'.join(PARTY_TYPES)}。")
    if inp.discovery_date < inp.act_date:
        raise ValidationError("discovery_date", "发现日期不能早于违法行为发生日期。")
    if inp.decision_date < inp.discovery_date:
        raise ValidationError("decision_date", "决定日期不能早于发现日期。")
    if inp.act_end is not None and inp.act_end < inp.act_date:
        raise ValidationError("act_end", "违法行为终了日期不能早于发生日期。")
    if inp.facts.advertising_role is not None:
        if inp.facts.advertising_role not in ADVERTISING_ROLES:
            raise ValidationError(
                "facts.advertising_role", f"广告活动中的身份应为：{'、'.join(ADVERTISING_ROLES)}。"
            )
        if inp.provision != "M62-1/advertising":
            raise ValidationError(
                "facts.advertising_role",
                "advertising_role 只适用于 M62-1/advertising（发布虚假广告）。",
            )
    for name in MONEY_FACTS:
        value = getattr(inp.facts, name)
        if value is not None and (value < 0 or value != value.quantize(Decimal("0.01"))):
            raise ValidationError(f"facts.{name}", "金额应为非负数，最多两位小数。")
    if inp.proposed_fine is not None and (
        inp.proposed_fine < 0 or inp.proposed_fine != inp.proposed_fine.quantize(Decimal("0.01"))
    ):
        raise ValidationError("proposed_fine", "拟罚款金额应为非负数，最多两位小数。")


def assess(inp: PenaltyInput, overrides: Overrides | None = None) -> Assessment:
    validate(inp)
    d = data()
    provision = provision_catalogue()[inp.provision]
    warnings: list[str] = []
    unverified: list[str] = []
    original_party = inp.party_type
    liable = "employer" if employer_liable(inp) else "party"
    role = inp.facts.advertising_role
    if inp.provision == "M62-1/advertising":
        role = role or "advertiser"
    who = fine_party(inp, overrides)
    if original_party == "individual_business" and liable == "party":
        ib = d["individual_business"]
        source = overrides.name if overrides and overrides.individual_business_as else ""
        if source:
            warnings.append(f"个体工商户按{_PARTY_LABEL[who]}计算罚款档次和听证标准（{source}）。")
        else:
            warnings.append(ib["note"])
            unverified.append("个体工商户按自然人计算（民法典第五十四条）")
    inp = replace(inp, party_type=who)
    last_day = inp.act_end or inp.act_date
    limit_years = 5 if inp.facts.life_health_financial_harm else 2
    try:
        limit = add_months(last_day, 12 * limit_years)
    except ValueError:  # past 9999-12-31: the period has not run out
        limit = dt.date.max
    time_barred = inp.discovery_date > limit
    base = dict(
        provision=inp.provision,
        order_correction=False,
        order_text="",
        fine=None,
        fine_basis="",
        confiscate_illegal_gains=False,
        other_measures=(),
        band="",
        band_range=None,
        mitigation_allows_reduction=False,
        hearing_right=False,
        legal_review_required=False,
        time_barred=time_barred,
        law_data_version=str(d["version"]),
        liable=liable,
        advertising_role=role,
    )
    measures_cite = Cite(
        provision.instrument,
        provision.version,
        provision.article,
        provision.paragraph,
        provision.item,
    )
    if provision.competence == "cyberspace":
        return Assessment(
            **base,  # type: ignore[arg-type]
            applicable=False,
            applied=(measures_cite,),
            warnings=(
                "本条违法行为属于网信部门职责，市场监督管理部门应当移送网信部门（办法第六十五条）。",
            ),
            explanation="",
            verified=True,
        )
    key = rule_key(inp.provision, role)
    rule = d["rules"][key]
    warnings.extend(_role_warnings(inp, rule, role, liable, original_party))
    higher = tuple(rule.get("higher_law", []))
    if rule["preempt"]:
        scope = (
            "法律、行政法规、部门规章"
            if rule["preempt"] == "law_regulation_or_rule"
            else "法律、行政法规"
        )
        warnings.append(f"本条规定“{scope}有规定的，依照其规定”：请先核对是否有上位法规定。")
    if inp.act_end:
        warnings.append(
            "违法行为有连续或者继续状态，按行为终了之日确定适用的法律并计算追诉时效（行政处罚法第三十六条第二款）；新旧法跨越时按终了时的法律适用，此做法未经核实，请法制审核。"
        )
    if time_barred:
        warnings.append(
            f"违法行为终了于{chinese_date(last_day)}，至{chinese_date(limit)}未被发现，已过{limit_years}年追诉时效，不再给予行政处罚（行政处罚法第三十六条）。"
        )
        return Assessment(
            **base,  # type: ignore[arg-type]
            applicable=True,
            applied=(measures_cite,),
            warnings=tuple(warnings),
            explanation="",
            verified=not unverified,
            higher_law=higher,
            verified_notes=tuple(unverified),
        )
    version = _version_at(rule, last_day)
    direct = ""
    if last_day < MEASURES_IN_FORCE:
        reason = f"违法行为发生于{chinese_date(last_day)}，《直播电商监督管理办法》自2026年2月1日起施行，{provision.location}不适用于此前的行为（行政处罚法第三十七条）。"
        own = all(ref[0] == "M117" for ref in (version or rule["versions"][0])["applied"])
        if version is not None and not own:
            direct_version = _apply_lighter(rule, version, inp, warnings)
            cites = "、".join(_cite(r).text_with_version for r in direct_version["applied"])
            tier = _tier(direct_version, inp)
            rng = ""
            if tier is not None:
                lo, hi, how, _ = _range(tier, inp)
                if how != NO_BASE:
                    rng = f"，{how}：{amount_text(lo)}至{amount_text(hi)}"
            direct = f"可以直接依照{cites}处罚{rng}。"
        return Assessment(
            **base,  # type: ignore[arg-type]
            applicable=False,
            applied=(measures_cite,),
            warnings=(reason, *warnings, *([direct] if direct else [])),
            explanation="",
            verified=not unverified,
            direct_basis=direct,
            higher_law=higher,
            verified_notes=tuple(unverified),
        )
    assert version is not None
    version = _apply_lighter(rule, version, inp, warnings)
    if version.get("ambiguity"):
        warnings.append(version["ambiguity"])
    applied = [measures_cite] + [
        _cite(r, inp.provision) for r in version["applied"] if r[0] != "M117"
    ]
    tier = _tier(version, inp)
    band, notes, reduction, must_not = _band(inp, overrides)
    no_penalty = must_not or band == "可以不予处罚"
    order = ORDER_LABELS[version["order"]]
    fine: tuple[Decimal, Decimal, bool] | None = None
    fine_basis = ""
    band_range = None
    measures: list[str] = []
    gains = inp.facts.illegal_gains
    # 行政处罚法 Art 28(2): only gains that exist are confiscated
    confiscate = bool(gains is not None and gains > 0)
    confiscate_ad_fee = False
    if tier is None:
        need = {
            "overdue_uncorrected": "责令限期改正后逾期不改正的",
            "refused_or_serious": "拒不改正或者情节严重的",
            "serious": "情节严重的",
        }
        triggers = "或".join(sorted({need.get(t["when"], "") for t in version["tiers"]} - {""}))
        warnings.append(f"依现有事实不能罚款：{triggers}方可处以罚款；目前应当{order}。")
    else:
        lo, hi, fine_basis, more = _range(tier, inp)
        warnings.extend(more)
        if fine_basis != NO_BASE:
            fine = (lo, hi, bool(tier["mandatory"]))
        else:
            fine_basis = ""
        for extra in tier.get("applied_extra", []):
            applied.append(_cite(extra))
        if tier.get("confiscate") == "may" and confiscate:
            pass  # 行政处罚法 Art 28(2) makes it 应当 once there are gains
        confiscate_ad_fee = bool(tier.get("confiscate_ad_fee"))
        measures += [MEASURE_LABELS[m] for m in tier.get("measures", [])]
        if fine is not None:
            band_range = _band_range(band, lo, hi, overrides)
            if not tier["mandatory"]:
                measures.append("罚款为“可以”处罚，可以不予罚款")
    ad_fee = inp.facts.ad_fee
    confiscation: dict[str, Decimal | None] = {
        "illegal_gains": gains if confiscate and not no_penalty else None,
        "illegal_property": (
            inp.facts.illegal_property_value
            if inp.facts.illegal_property_value and not no_penalty
            else None
        ),
        "ad_fee": ad_fee
        if confiscate_ad_fee and ad_fee and ad_fee > 0 and not no_penalty
        else None,
    }
    if confiscate_ad_fee and not (ad_fee and ad_fee > 0):
        warnings.append(
            "广告发布者应当没收广告费用（广告法第五十五条第三款），请查明广告费用数额。"
        )
    if must_not:
        fine_note = "依法不予行政处罚"
        warnings.append("存在应当不予处罚的情节：" + "；".join(notes))
        band_range = None
    elif band == "可以不予处罚":
        fine_note = ""
        warnings.append(
            "存在可以不予处罚的情节；决定不予处罚的，不告知听证权利，也不因拟作出的处罚进行法制审核（听证办法第五条、行政处罚法第五十八条）。"
        )
    else:
        fine_note = ""
    if notes and not must_not:
        warnings.append("裁量情节：" + "；".join(notes))
    if band and band != "不予处罚" and fine is not None:
        warnings.append(
            f"裁量幅度按{d['discretion']['source']}的三档划分（未经核实）计算，请以本省公布的裁量基准为准。"
            if not (overrides and overrides.bands)
            else f"裁量幅度按{overrides.name}的裁量基准计算。"
        )
    # proposed fine against the legal range
    if inp.proposed_fine is not None:
        if fine is None and inp.proposed_fine > 0:
            raise ValidationError("proposed_fine", "依现有事实不能处以罚款。")
        if fine is not None:
            if inp.proposed_fine > fine[1]:
                raise ValidationError(
                    "proposed_fine",
                    f"拟罚款{amount_text(inp.proposed_fine)}超出法定上限{amount_text(fine[1])}。",
                )
            if inp.proposed_fine < fine[0]:
                if not reduction:
                    raise ValidationError(
                        "proposed_fine",
                        f"拟罚款{amount_text(inp.proposed_fine)}低于法定下限{amount_text(fine[0])}；只有具备法定减轻情节时才可以减轻处罚。",
                    )
                warnings.append("拟罚款低于法定下限，属于减轻处罚，须写明减轻的法定理由。")
    if no_penalty:
        hearing_right, hearing_notes = False, list[str]()
    else:
        hearing_right, hearing_notes = _hearing(inp, fine, measures, confiscation, overrides)
    warnings.extend(hearing_notes)
    review_reasons = [] if no_penalty else _legal_review(inp)
    if hearing_right and not inp.facts.hearing_held and not no_penalty:
        warnings.append(
            "当事人要求听证并经过听证程序的，听证后、作出决定前应当进行法制审核（行政处罚法第五十八条第一款第二项；程序规定第五十条）。"
        )
    discretion_band = "不予处罚" if must_not else band
    explanation = _explain(
        inp,
        provision,
        applied,
        order,
        fine,
        fine_basis,
        confiscation,
        measures,
        discretion_band,
        band_range,
        notes,
        fine_note,
        liable,
        role,
    )
    circ_verified = all(
        c.get("verified", True) for c in (circumstances()[k] for k in inp.circumstances)
    )
    result: dict[str, Any] = base | {
        "fine": None if must_not else fine,
        "applicable": True,
        "applied": tuple(applied),
        "order_correction": True,
        "order_text": order,
        "fine_basis": fine_basis,
        "confiscate_illegal_gains": confiscation["illegal_gains"] is not None,
        "confiscation": confiscation,
        "other_measures": tuple(measures),
        "band": discretion_band,
        "band_range": band_range,
        "mitigation_allows_reduction": reduction,
        "hearing_right": hearing_right,
        "legal_review_required": bool(review_reasons),
        "legal_review_reasons": tuple(review_reasons),
        "warnings": tuple(warnings),
        "explanation": explanation,
        "verified": circ_verified and not unverified,
        "higher_law": higher,
        "verified_notes": tuple(unverified),
    }
    return Assessment(**result)


_PARTY_LABEL = {
    "natural_person": "自然人",
    "organization": "单位",
    "individual_business": "个体工商户",
}
EMPLOYMENT_PROVISIONS = ("M61", "M62-1/promotion", "M62-1/advertising", "M62-2")


def _role_warnings(
    inp: PenaltyInput, rule: dict[str, Any], role: str | None, liable: str, original: str
) -> list[str]:
    """办法 Art 63 (职务行为) and Art 35 (the marketer's place in an advertisement)."""
    out = []
    if rule.get("employment"):
        if liable == "employer":
            out.append(
                "直播营销人员的行为属于职务行为，由其所在单位承担相应的行政责任，罚款按单位计算；有证据证明其行为与职务行为无关的除外（办法第六十三条）。"
            )
        elif original == "natural_person" and inp.facts.in_course_of_employment is None:
            out.append(
                "当事人为自然人：请查明其是否为履行职务的直播营销人员——属于职务行为的，由其所在单位承担行政责任（办法第六十三条），请填写 in_course_of_employment。"
            )
    if inp.provision == "M62-1/advertising":
        if inp.facts.advertising_role is None and (
            inp.party_role == "marketer"
            or (inp.party_role is None and original == "natural_person")
        ):
            out.append(
                "直播营销人员在广告中可能是广告代言人或者广告发布者，而非广告主（办法第三十五条）：未填写 advertising_role，按广告主（广告法第五十五条第一款）计算，请核实其身份。"
            )
        if role == "publisher":
            out.append(
                "按广告发布者处罚须认定其明知或者应知广告虚假（广告法第五十五条第三款），请记录认定的证据。"
            )
        if role == "endorser":
            out.append(
                "按广告代言人处罚（广告法第六十一条）：没收违法所得，并处违法所得一倍以上二倍以下的罚款。"
            )
    return out


def _legal_review(inp: PenaltyInput) -> list[str]:
    """行政处罚法 Art 58(1) items and the bureau's own list (程序规定 Art 50)."""
    spec = data()["legal_review"]
    out = [
        f"{item['label']}（行政处罚法第五十八条第一款第{to_chinese_number(item['item'])}项）"
        for key, item in spec["items"].items()
        if getattr(inp.facts, key)
    ]
    for entry in inp.bureau_review_list:
        p = inp.provision
        if entry == "all" or p == entry or (p.startswith(entry) and p[len(entry)] in "/(-"):
            out.append(f"本机关规定的法制审核事项（{entry}）")
            break
    return out


def _apply_lighter(
    rule: dict[str, Any], version: dict[str, Any], inp: PenaltyInput, warnings: list[str]
) -> dict[str, Any]:
    """从旧兼从轻: the law at the act unless the one in force at decision time is lighter."""
    later = _version_at(rule, inp.decision_date)
    if later is None or later is version or later["from"] == version["from"]:
        return version
    old_tier, new_tier = _tier(version, inp), _tier(later, inp)
    old = _range(old_tier, inp)[:2] if old_tier else None
    new = _range(new_tier, inp)[:2] if new_tier else None
    old_cite = "、".join(_cite(r).text_with_version for r in version["applied"])
    new_cite = "、".join(_cite(r).text_with_version for r in later["applied"])
    if _lighter(old, new):
        warnings.append(
            f"违法行为时适用{old_cite}，决定时{new_cite}处罚较轻，依行政处罚法第三十七条从轻适用新法。"
        )
        return later
    warnings.append(
        f"决定时的{new_cite}不轻于行为时的{old_cite}，依行政处罚法第三十七条适用行为时的规定。"
    )
    return version


def _hearing(
    inp: PenaltyInput,
    fine: tuple[Decimal, Decimal, bool] | None,
    measures: list[str],
    confiscation: dict[str, Decimal | None],
    overrides: Overrides | None,
) -> tuple[bool, list[str]]:
    """听证办法 Art 5(1): items (1)–(2) heavy measures, (3) the fine, (4) the total value
    confiscated (违法所得 and 非法财物), both at 自然人 ≥ 10,000 / 组织 ≥ 100,000 ("以上"
    includes the amount, Art 31); a province may set its own item (3) and (4) amounts (Art 5(2)).
    ``inp.party_type`` is already the party the thresholds are judged for."""
    h = data()["hearing"]
    who = "natural_person" if inp.party_type == "natural_person" else "organization"
    fines = {k: Decimal(v) for k, v in h["thresholds"].items()}
    seizures = {k: Decimal(v) for k, v in h["confiscation_thresholds"].items()}
    if overrides and overrides.hearing_thresholds:
        fines |= overrides.hearing_thresholds
    if overrides and overrides.confiscation_thresholds:
        seizures |= overrides.confiscation_thresholds
    notes = []
    amount = inp.proposed_fine if inp.proposed_fine is not None else (fine[1] if fine else None)
    heavy = any("停业" in m or "吊销" in m for m in measures)
    by_fine = amount is not None and amount >= fines[who]
    seized = sum((v for v in confiscation.values() if v is not None), Decimal(0))
    by_seizure = seized >= seizures[who] and seized > 0
    if by_seizure and not by_fine:
        notes.append(
            f"拟没收违法所得和非法财物价值总额{amount_text(seized)}，达到{amount_text(seizures[who])}，当事人有要求听证的权利（听证办法第五条第一款第四项）。"
        )
    return by_fine or heavy or by_seizure, notes


def _explain(
    inp: PenaltyInput,
    provision: Any,
    applied: list[Cite],
    order: str,
    fine: tuple[Decimal, Decimal, bool] | None,
    fine_basis: str,
    confiscation: dict[str, Decimal | None],
    measures: list[str],
    band: str,
    band_range: tuple[Decimal, Decimal] | None,
    notes: list[str],
    fine_note: str,
    liable: str = "party",
    role: str | None = None,
) -> str:
    """The reasoning paragraph of a 行政处罚决定书, built from the structured result."""
    duties = "、".join(d.label for d in provision.duties)
    violated = f"《{provision.instrument}》{duties}" if duties else provision.citation
    basis = "、".join(c.text for c in applied)
    # the paragraph is printed on a 决定书: verification flags stay in the warnings (screen only)
    notes = [n.replace(UNVERIFIED_FLAG, "") for n in notes]
    who = f"（{ROLE_LABELS[role]}）" if role else ""
    parts = [
        f"当事人{who}的上述行为违反了{violated}的规定，构成{provision.label}的违法行为。",
        f"依据{basis}的规定，应当{order}。",
    ]
    if fine_note:
        parts.append(f"鉴于当事人{('；'.join(notes))}，{fine_note}。")
        return "".join(parts)
    if fine is not None:
        kind = "应当" if fine[2] else "可以"
        span = (
            f"{amount_text(fine[1])}以下"
            if fine[0] == 0
            else f"{amount_text(fine[0])}以上{amount_text(fine[1])}以下"
        )
        how = "" if fine_basis == "法定罚款幅度" else f"（{fine_basis}）"
        parts.append(f"{kind}处{span}的罚款{how}。")
    if notes:
        parts.append(f"当事人具有{('；'.join(notes))}的情节，")
        parts.append(
            f"依法予以{band}处罚。" if band in ("从轻", "从重") else "综合考虑，予以一般处罚。"
        )
    if inp.proposed_fine is not None and fine is not None:
        parts.append(f"决定罚款{amount_text(inp.proposed_fine)}。")
    elif band_range is not None:
        parts.append(f"建议罚款幅度为{amount_text(band_range[0])}至{amount_text(band_range[1])}。")
    if liable == "employer":
        parts.insert(
            1,
            "该行为属于直播营销人员的职务行为，依照《直播电商监督管理办法》第六十三条，由其所在单位承担行政责任。",
        )
    if (gains := confiscation.get("illegal_gains")) is not None:
        parts.append(f"对违法所得{amount_text(gains)}依法予以没收（行政处罚法第二十八条第二款）。")
    if (things := confiscation.get("illegal_property")) is not None:
        parts.append(f"没收非法财物（价值{amount_text(things)}）。")
    if (fee := confiscation.get("ad_fee")) is not None:
        parts.append(f"没收广告费用{amount_text(fee)}。")
    return "".join(parts)


def same_act_warnings(index: int, violations: list[Any]) -> list[str]:
    """行政处罚法 Art 29: one act is fined once, under the provision with the higher fine.

    Two violations of a case with the same act dates and the same facts are taken to be the same
    act charged twice; the officer is told, not overruled (the comparison of maxima is theirs).
    """
    this = violations[index]
    out = []
    for j, other in enumerate(violations):
        if j == index:
            continue
        same_dates = (other.act_start, other.act_end) == (this.act_start, this.act_end)
        same_facts = other.facts.strip() == this.facts.strip() and this.facts.strip()
        if same_dates and same_facts:
            out.append(
                f"第{j + 1}项违法行为（{other.provision_id}）与本项事实、日期相同，可能是同一违法行为："
                "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚，不得给予两次以上罚款（行政处罚法第二十九条）。"
            )
    return out
