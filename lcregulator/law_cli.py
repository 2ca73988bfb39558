"""`lcregulator law …`: the law engines on standard input and output (DESIGN §9).

One JSON object in, one out. Bad input exits with status 2 and
``{"error": {"field": "<dotted path>", "message": "<中文>"}}``; nothing else is printed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from lcregulator.domain.deadlines import EVENTS, CaseDates, Suspension, catalogue, compute
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.jurisdiction import PartyPlaces, resolve
from lcregulator.domain.penalty import FACT_KEYS, Facts, Overrides, PenaltyInput, assess
from lcregulator.domain.provisions import catalogue as provision_catalogue
from lcregulator.domain.referral import ReferralInput, screen
from lcregulator.domain.workdays import WorkCalendar

PARTY_KEYS = {
    "role",
    "channel",
    "registered",
    "domicile",
    "business_place",
    "household_registration",
    "kind",
}


def read_input(stream: Any = None) -> dict[str, Any]:
    text = (stream or sys.stdin).read()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "", f"输入不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）。"
        ) from None
    if not isinstance(data, dict):
        raise ValidationError("", "输入应为一个 JSON 对象。")
    return data


def _expect(value: Any, types: tuple[type, ...], field: str, what: str) -> Any:
    if value is not None and not isinstance(value, types):
        raise ValidationError(field, f"{field} 应为{what}。")
    return value


def party_places(data: Any, path: str) -> PartyPlaces:
    if not isinstance(data, dict):
        raise ValidationError(path, f"{path} 应为 JSON 对象。")
    unknown = set(data) - PARTY_KEYS
    if unknown:
        raise ValidationError(
            f"{path}.{sorted(unknown)[0]}", f"不认识的字段：{'、'.join(sorted(unknown))}。"
        )
    if "role" not in data:
        raise ValidationError(f"{path}.role", "缺少当事人身份 role。")
    kind = _expect(data.get("kind"), (str,), f"{path}.kind", "字符串")
    if kind not in (None, "natural_person", "individual_business", "organization"):
        raise ValidationError(f"{path}.kind", f"未知的当事人类型“{kind}”。")
    role = _expect(data.get("role"), (str,), f"{path}.role", "字符串")
    return PartyPlaces(
        role=role,
        channel=_expect(data.get("channel"), (str,), f"{path}.channel", "字符串"),
        registered=bool(
            _expect(data.get("registered"), (bool,), f"{path}.registered", "true 或 false")
        ),
        domicile=_expect(data.get("domicile"), (str,), f"{path}.domicile", "6位行政区划代码字符串"),
        household_registration=_expect(
            data.get("household_registration"),
            (str,),
            f"{path}.household_registration",
            "6位行政区划代码字符串",
        ),
        business_place=_expect(
            data.get("business_place"), (str,), f"{path}.business_place", "6位行政区划代码字符串"
        ),
        natural_person=kind == "natural_person" or (kind is None and role == "marketer"),
    )


def jurisdiction(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - {"party", "platform", "room_operator"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"不认识的字段：{'、'.join(sorted(unknown))}。")
    if "party" not in data:
        raise ValidationError("party", "缺少 party。")
    party = party_places(data["party"], "party")
    platform = data.get("platform")
    if platform is not None and not isinstance(platform, dict):
        raise ValidationError("platform", "platform 应为 JSON 对象或 null。")
    platform_domicile = (platform or {}).get("domicile")
    _expect(platform_domicile, (str,), "platform.domicile", "6位行政区划代码字符串")
    room = data.get("room_operator")
    room_places = party_places(room, "room_operator") if room is not None else None
    return resolve(party, platform_domicile, room_places).as_dict()


COMMANDS = {"jurisdiction": jurisdiction}


def run(command: str) -> int:
    try:
        # `provisions` takes no input; the others read one JSON object
        result = provisions() if command == "provisions" else COMMANDS[command](read_input())
    except ValidationError as exc:
        sys.stdout.write(json.dumps(exc.as_dict(), ensure_ascii=False) + "\n")
        return 2
    sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    return 0


def _date(value: Any, field: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(field, f"{field} 应为日期字符串 YYYY-MM-DD。")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"日期格式错误：“{value}”，应为 YYYY-MM-DD。") from None


DEADLINE_FLAGS = {"filing_extended", "decision_extended", "hearing_right"}


def deadlines(data: dict[str, Any]) -> dict[str, Any]:
    events = {key for key, _ in EVENTS}
    unknown = set(data) - events - DEADLINE_FLAGS - {"suspensions", "today"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"不认识的字段：{'、'.join(sorted(unknown))}。")
    for flag in DEADLINE_FLAGS:
        _expect(data.get(flag), (bool,), flag, "true 或 false")
    dated = {k: d for k in events if (d := _date(data.get(k), k)) is not None}
    raw = data.get("suspensions") or []
    if not isinstance(raw, list):
        raise ValidationError("suspensions", "suspensions 应为数组。")
    today = _date(data.get("today"), "today")
    suspensions = []
    warnings = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or "start" not in item:
            raise ValidationError(f"suspensions[{i}]", "每个中止期间须有 start（和 end）。")
        start = _date(item["start"], f"suspensions[{i}].start")
        end = _date(item.get("end"), f"suspensions[{i}].end")
        assert start is not None
        if end is None and today is None:
            warnings.append(f"第{i + 1}个中止期间尚未结束，未计入决定期限；恢复后请重新计算。")
        suspensions.append(Suspension(start, end))
    dates = CaseDates(
        events=dated,
        filing_extended=bool(data.get("filing_extended", False)),
        decision_extended=bool(data.get("decision_extended", False)),
        hearing_right=bool(data.get("hearing_right", True)),
        suspensions=tuple(suspensions),
    )
    cal = WorkCalendar()
    result = compute(dates, cal, today)
    return {
        "deadlines": [d.as_dict() for d in result],
        "warnings": warnings + cal.warnings(),
        "law_data_version": catalogue()[1],
    }


COMMANDS["deadlines"] = deadlines


def _money(value: Any, field: str) -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValidationError(field, f"{field} 应为金额数字。")
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise ValidationError(field, f"{field} 应为金额数字。") from None


def penalty(data: dict[str, Any]) -> dict[str, Any]:
    allowed = {
        "provision",
        "party_type",
        "act_date",
        "act_end",
        "discovery_date",
        "decision_date",
        "facts",
        "circumstances",
        "proposed_fine",
    }
    unknown = set(data) - allowed
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"不认识的字段：{'、'.join(sorted(unknown))}。")
    for key in ("provision", "party_type", "act_date", "discovery_date", "decision_date"):
        if data.get(key) is None:
            raise ValidationError(key, f"缺少 {key}。")
    facts_raw = data.get("facts") or {}
    if not isinstance(facts_raw, dict):
        raise ValidationError("facts", "facts 应为 JSON 对象。")
    unknown = set(facts_raw) - set(FACT_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        raise ValidationError(f"facts.{key}", f"不认识的事实字段：{'、'.join(sorted(unknown))}。")
    money = {"illegal_gains", "ad_fee", "goods_value", "sales_amount"}
    values: dict[str, Any] = {}
    for key in FACT_KEYS:
        if key not in facts_raw:
            continue
        raw = facts_raw[key]
        if key in money:
            values[key] = _money(raw, f"facts.{key}")
        elif key == "corrected_by_deadline":
            values[key] = _expect(raw, (bool,), f"facts.{key}", "true、false 或 null")
        else:
            values[key] = bool(_expect(raw, (bool,), f"facts.{key}", "true 或 false"))
    circumstances = data.get("circumstances") or []
    if not isinstance(circumstances, list) or not all(isinstance(c, str) for c in circumstances):
        raise ValidationError("circumstances", "circumstances 应为情节代码的数组。")
    act = _date(data["act_date"], "act_date")
    discovery = _date(data["discovery_date"], "discovery_date")
    decision = _date(data["decision_date"], "decision_date")
    assert act and discovery and decision
    inp = PenaltyInput(
        provision=_expect(data["provision"], (str,), "provision", "条款编号字符串"),
        party_type=_expect(data["party_type"], (str,), "party_type", "字符串"),
        act_date=act,
        act_end=_date(data.get("act_end"), "act_end"),
        discovery_date=discovery,
        decision_date=decision,
        facts=Facts(**values),
        circumstances=tuple(circumstances),
        proposed_fine=_money(data.get("proposed_fine"), "proposed_fine"),
    )
    return assess(inp, load_overrides()).as_dict()


def load_overrides() -> Overrides | None:
    """A provincial override file named by LCREGULATOR_PENALTY_OVERRIDES, if any."""
    import os

    path = os.environ.get("LCREGULATOR_PENALTY_OVERRIDES")
    if not path:
        return None
    from lcregulator.domain.penalty_overrides import parse_overrides

    with open(path, encoding="utf-8") as fh:
        return parse_overrides(fh.read(), path)


def provisions(_data: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "provisions": [
            {
                "id": p.id,
                "label": p.label,
                "citation": p.citation,
                "instrument": p.instrument,
                "version": p.version,
                "article": p.article,
                "paragraph": p.paragraph,
                "item": p.item,
                "branch": p.branch,
                "duties": [d.label for d in p.duties],
                "roles": sorted(r.value for r in p.roles),
                "competence": p.competence,
            }
            for p in provision_catalogue().values()
        ]
    }


COMMANDS["penalty"] = penalty


def referral(data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - {"conduct", "party_type", "figures", "flags"}
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"不认识的字段：{'、'.join(sorted(unknown))}。")
    for key in ("conduct", "party_type"):
        if not isinstance(data.get(key), str):
            raise ValidationError(key, f"缺少 {key}。")
    figures_raw = data.get("figures") or {}
    flags = data.get("flags") or {}
    if not isinstance(figures_raw, dict):
        raise ValidationError("figures", "figures 应为 JSON 对象。")
    if not isinstance(flags, dict):
        raise ValidationError("flags", "flags 应为 JSON 对象。")
    figures = {k: _money(v, f"figures.{k}") for k, v in figures_raw.items()}
    count = flags.get("prior_false_ad_penalties_2y")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        raise ValidationError("flags.prior_false_ad_penalties_2y", "应为非负整数（次数）。")
    inp = ReferralInput(data["conduct"], data["party_type"], figures, dict(flags))
    return screen(inp).as_dict()


COMMANDS["referral"] = referral
