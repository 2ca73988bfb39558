"""`lcregulator law …`: the law engines on standard input and output (DESIGN §9).

One JSON object in, one out. Bad input exits with status 2 and
``{"error": {"field": "<dotted path>", "message": "<中文>"}}``; nothing else is printed. With
``--jsonl`` each input line is one object and each output line one result or error, in order;
the exit status is 2 if any line was bad. The law data are read once per process, so a batch
costs one start-up, not one per line.

Input is checked here, at the edge, before an engine sees it: amounts are finite JSON numbers
from 0 to 10^12 yuan with at most two decimals, flags JSON booleans, counts non-negative
integers, dates ``YYYY-MM-DD`` from 1900 to 9999, and nesting is shallow. No input makes the
process print a traceback: an engine failure still ends in one JSON object (status 5).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import IO, Any

from lcregulator.domain.deadlines import (
    DECISION_KINDS,
    EVENTS,
    CaseDates,
    Period,
    Suspension,
    catalogue,
    compute_with_warnings,
)
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.jurisdiction import PartyPlaces, resolve
from lcregulator.domain.penalty import (
    ADVERTISING_ROLES,
    FACT_KEYS,
    MONEY_FACTS,
    Facts,
    Overrides,
    PenaltyInput,
    assess,
)
from lcregulator.domain.provisions import catalogue as provision_catalogue
from lcregulator.domain.referral import FIGURES, FLAGS, INFO_KINDS, ReferralInput, screen
from lcregulator.domain.workdays import WorkCalendar

MAX_AMOUNT = Decimal(10) ** 12  # DESIGN §9: amounts up to 10^12 yuan
MAX_COUNT = 10**12
MAX_DEPTH = 8  # the deepest valid input is three levels; anything much deeper is hostile
MAX_LIST = 1000  # suspensions, circumstances, …: more is not a case file
MAX_TEXT = 200  # a code word or a date; longer strings are refused
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_DAY, LAST_DAY = dt.date(1900, 1, 1), dt.date(9999, 12, 31)
PARTY_KEYS = {
    "role",
    "channel",
    "registered",
    "domicile",
    "business_place",
    "household_registration",
    "kind",
}
ROLES = ("platform", "room_operator", "marketer", "service_agency")

# --- reading and checking input -------------------------------------------------------------


def _reject_constant(name: str) -> Any:
    raise ValueError(f"不接受 {name}")


def parse(text: str | bytes) -> dict[str, Any]:
    """One JSON object; numbers with a fraction become Decimal (never a float infinity)."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError("", "输入不是 UTF-8 编码的文本。") from None
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "", f"输入不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）。"
        ) from None
    except RecursionError:
        raise ValidationError("", "输入嵌套过深。") from None
    except ValueError as exc:  # NaN/Infinity, or an integer with thousands of digits
        raise ValidationError("", f"输入含有无法接受的数值：{str(exc)[:60]}。") from None
    if not isinstance(data, dict):
        raise ValidationError("", "输入应为一个 JSON 对象。")
    return data


def _check_depth(value: Any, path: str, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ValidationError(path, "输入嵌套过深。")
    if isinstance(value, dict):
        for key, item in value.items():
            _check_depth(item, f"{path}.{key}" if path else str(key), depth + 1)
    elif isinstance(value, list):
        if len(value) > MAX_LIST:
            raise ValidationError(path, f"{path} 最多{MAX_LIST}项。")
        for i, item in enumerate(value):
            _check_depth(item, f"{path}[{i}]", depth + 1)
    elif isinstance(value, str) and len(value) > MAX_TEXT:
        raise ValidationError(path, f"{path} 过长（最多{MAX_TEXT}个字符）。")


def read_input(stream: Any = None) -> dict[str, Any]:
    stream = stream or sys.stdin
    raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    return parse(raw)


def _unknown(data: dict[str, Any], allowed: Iterable[str], prefix: str = "") -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ValidationError(f"{prefix}{unknown[0]}", f"不认识的字段：{'、'.join(unknown)}。")


def _text(value: Any, field: str, what: str = "字符串") -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValidationError(field, f"{field} 应为{what}。")
    return value


def _flag(value: Any, field: str, nullable: bool = True) -> bool | None:
    """Yes/no facts are JSON booleans: "no", 0 or "false" are refused, not guessed."""
    if value is None and nullable:
        return None
    if not isinstance(value, bool):
        raise ValidationError(field, f"{field} 应为 true 或 false（JSON 布尔值）。")
    return value


def _count(value: Any, field: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValidationError(field, f"{field} 应为非负整数。")
    if isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise ValidationError(field, f"{field} 应为非负整数。")
        value = int(value)
    if value < 0 or value > MAX_COUNT:
        raise ValidationError(field, f"{field} 应为 0 至 {MAX_COUNT} 的整数。")
    return int(value)


def _money(value: Any, field: str) -> Decimal | None:
    """A finite amount in yuan, 0 to 10^12, at most two decimals (分)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        raise ValidationError(field, f"{field} 应为金额数字（元）。")
    try:
        amount = Decimal(str(value).strip()) if not isinstance(value, Decimal) else value
    except (InvalidOperation, ValueError):
        raise ValidationError(field, f"{field} 应为金额数字（元）。") from None
    if not amount.is_finite():
        raise ValidationError(field, f"{field} 应为有限的金额数字，不能是 NaN 或无穷大。")
    if amount < 0:
        raise ValidationError(field, f"{field} 不能为负数。")
    if amount > MAX_AMOUNT:
        raise ValidationError(field, f"{field} 超过上限（10^12元）。")
    if amount != amount.quantize(Decimal("0.01")):
        raise ValidationError(field, f"{field} 最多两位小数（分）。")
    return amount + 0  # drops a negative zero


def _date(value: Any, field: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not DATE_RE.match(value):
        raise ValidationError(field, f"{field} 应为日期字符串 YYYY-MM-DD。")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, f"日期格式错误：“{value}”，应为 YYYY-MM-DD。") from None
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValidationError(field, f"{field} 应在1900年至9999年之间。")
    return day


def _list(value: Any, field: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValidationError(field, f"{field} 应为数组。")
    return value


def _object(value: Any, field: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationError(field, f"{field} 应为 JSON 对象。")
    return value


def _periods(raw: Any, field: str, today: dt.date | None, warnings: list[str]) -> list[Period]:
    out = []
    for i, item in enumerate(_list(raw, field)):
        where = f"{field}[{i}]"
        if not isinstance(item, dict) or "start" not in item:
            raise ValidationError(where, f"{where} 须有 start（和 end）。")
        _unknown(item, ("start", "end"), f"{where}.")
        start = _date(item["start"], f"{where}.start")
        if start is None:
            raise ValidationError(f"{where}.start", "缺少开始日期。")
        end = _date(item.get("end"), f"{where}.end")
        if end is None and today is None and field == "suspensions":
            warnings.append(f"第{i + 1}个中止期间尚未结束，未计入决定期限；恢复后请重新计算。")
        out.append(Suspension(start, end))
    return out


# --- the commands ---------------------------------------------------------------------------


def party_places(data: Any, path: str) -> PartyPlaces:
    data = _object(data, path)
    _unknown(data, PARTY_KEYS, f"{path}.")
    if "role" not in data:
        raise ValidationError(f"{path}.role", "缺少当事人身份 role。")
    kind = _text(data.get("kind"), f"{path}.kind")
    if kind not in (None, "natural_person", "individual_business", "organization"):
        raise ValidationError(f"{path}.kind", f"未知的当事人类型“{kind}”。")
    role = _text(data.get("role"), f"{path}.role")
    return PartyPlaces(
        role=role,  # type: ignore[arg-type]
        channel=_text(data.get("channel"), f"{path}.channel"),
        registered=bool(_flag(data.get("registered"), f"{path}.registered")),
        domicile=_text(data.get("domicile"), f"{path}.domicile", "6位行政区划代码字符串"),
        household_registration=_text(
            data.get("household_registration"),
            f"{path}.household_registration",
            "6位行政区划代码字符串",
        ),
        business_place=_text(
            data.get("business_place"), f"{path}.business_place", "6位行政区划代码字符串"
        ),
        natural_person=kind == "natural_person" or (kind is None and role == "marketer"),
    )


def jurisdiction(data: dict[str, Any]) -> dict[str, Any]:
    _unknown(data, ("party", "platform", "room_operator"))
    if "party" not in data:
        raise ValidationError("party", "缺少 party。")
    party = party_places(data["party"], "party")
    platform = data.get("platform")
    if platform is not None and not isinstance(platform, dict):
        raise ValidationError("platform", "platform 应为 JSON 对象或 null。")
    _unknown(platform or {}, ("domicile",), "platform.")
    platform_domicile = _text(
        (platform or {}).get("domicile"), "platform.domicile", "6位行政区划代码字符串"
    )
    room = data.get("room_operator")
    room_places = party_places(room, "room_operator") if room is not None else None
    return resolve(party, platform_domicile, room_places).as_dict()


DEADLINE_FLAGS = ("filing_extended", "decision_extended", "hearing_right")


def deadlines(data: dict[str, Any]) -> dict[str, Any]:
    events = [key for key, _ in EVENTS]
    _unknown(
        data,
        [
            *events,
            *DEADLINE_FLAGS,
            "suspensions",
            "review_or_litigation",
            "decision_kinds",
            "today",
        ],
    )
    flags = {f: _flag(data.get(f), f) for f in DEADLINE_FLAGS}
    dated = {k: d for k in events if (d := _date(data.get(k), k)) is not None}
    today = _date(data.get("today"), "today")
    warnings: list[str] = []
    suspensions = _periods(data.get("suspensions"), "suspensions", today, warnings)
    reviews = _periods(data.get("review_or_litigation"), "review_or_litigation", today, warnings)
    kinds = _list(data.get("decision_kinds"), "decision_kinds")
    for i, kind in enumerate(kinds):
        if kind not in DECISION_KINDS:
            raise ValidationError(
                f"decision_kinds[{i}]", f"处罚种类应为：{'、'.join(DECISION_KINDS)}。"
            )
    dates = CaseDates(
        events=dated,
        filing_extended=bool(flags["filing_extended"]),
        decision_extended=bool(flags["decision_extended"]),
        hearing_right=flags["hearing_right"] is not False,
        suspensions=tuple(suspensions),
        review_or_litigation=tuple(reviews),
        decision_kinds=tuple(kinds) if "decision_kinds" in data else None,
    )
    cal = WorkCalendar()
    result, notes = compute_with_warnings(dates, cal, today)
    return {
        "deadlines": [d.as_dict() for d in result],
        "warnings": warnings + notes + cal.warnings(),
        "law_data_version": catalogue()[1],
    }


PENALTY_KEYS = (
    "provision",
    "party_type",
    "party_role",
    "act_date",
    "act_end",
    "discovery_date",
    "decision_date",
    "facts",
    "circumstances",
    "proposed_fine",
    "bureau_review_list",
)


def penalty(data: dict[str, Any]) -> dict[str, Any]:
    _unknown(data, PENALTY_KEYS)
    for key in ("provision", "party_type", "act_date", "discovery_date", "decision_date"):
        if data.get(key) is None:
            raise ValidationError(key, f"缺少 {key}。")
    facts_raw = _object(data.get("facts"), "facts")
    _unknown(facts_raw, FACT_KEYS, "facts.")
    values: dict[str, Any] = {}
    for key in FACT_KEYS:
        if key not in facts_raw:
            continue
        raw, field = facts_raw[key], f"facts.{key}"
        if key in MONEY_FACTS:
            values[key] = _money(raw, field)
        elif key == "advertising_role":
            role = _text(raw, field)
            if role is not None and role not in ADVERTISING_ROLES:
                raise ValidationError(
                    field, f"广告活动中的身份应为：{'、'.join(ADVERTISING_ROLES)}。"
                )
            values[key] = role
        elif key in ("corrected_by_deadline", "in_course_of_employment"):
            values[key] = _flag(raw, field)
        else:
            values[key] = bool(_flag(raw, field))
    circumstances = _list(data.get("circumstances"), "circumstances")
    if not all(isinstance(c, str) for c in circumstances):
        raise ValidationError("circumstances", "circumstances 应为情节代码的数组。")
    review_list = _list(data.get("bureau_review_list"), "bureau_review_list")
    if not all(isinstance(c, str) and c.strip() for c in review_list):
        raise ValidationError(
            "bureau_review_list", "bureau_review_list 应为条款编号（如 M62、M61）或 all 的数组。"
        )
    party_role = _text(data.get("party_role"), "party_role")
    if party_role is not None and party_role not in ROLES:
        raise ValidationError("party_role", f"当事人身份应为：{'、'.join(ROLES)}。")
    act = _date(data["act_date"], "act_date")
    discovery = _date(data["discovery_date"], "discovery_date")
    decision = _date(data["decision_date"], "decision_date")
    assert act and discovery and decision
    inp = PenaltyInput(
        provision=_text(data["provision"], "provision", "条款编号字符串"),  # type: ignore[arg-type]
        party_type=_text(data["party_type"], "party_type"),  # type: ignore[arg-type]
        act_date=act,
        act_end=_date(data.get("act_end"), "act_end"),
        discovery_date=discovery,
        decision_date=decision,
        facts=Facts(**values),
        circumstances=tuple(circumstances),
        proposed_fine=_money(data.get("proposed_fine"), "proposed_fine"),
        party_role=party_role,
        bureau_review_list=tuple(c.strip() for c in review_list),
    )
    return assess(inp, load_overrides()).as_dict()


def load_overrides() -> Overrides | None:
    """A provincial override file named by LCREGULATOR_PENALTY_OVERRIDES, if any (read once)."""
    path = os.environ.get("LCREGULATOR_PENALTY_OVERRIDES")
    return _overrides_from(path) if path else None


@cache
def _overrides_from(path: str) -> Overrides:
    from lcregulator.domain.penalty_overrides import parse_overrides

    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError("overrides", f"无法读取裁量基准文件：{exc}") from None
    return parse_overrides(text, path)


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


def referral(data: dict[str, Any]) -> dict[str, Any]:
    _unknown(data, ("conduct", "party_type", "figures", "flags"))
    for key in ("conduct", "party_type"):
        if not isinstance(data.get(key), str):
            raise ValidationError(key, f"缺少 {key}（字符串）。")
    figures_raw = _object(data.get("figures"), "figures")
    flags_raw = _object(data.get("flags"), "flags")
    _unknown(figures_raw, FIGURES, "figures.")
    _unknown(flags_raw, FLAGS, "flags.")
    figures: dict[str, Any] = {}
    for key, value in figures_raw.items():
        field = f"figures.{key}"
        if key == "personal_information_items":
            figures[key] = _count(value, field)
        elif key == "personal_information_items_by_kind":
            by_kind = _object(value, field)
            _unknown(by_kind, INFO_KINDS, f"{field}.")
            figures[key] = {k: _count(v, f"{field}.{k}") or 0 for k, v in by_kind.items()}
        else:
            figures[key] = _money(value, field)
    flags: dict[str, Any] = {}
    for key, value in flags_raw.items():
        field = f"flags.{key}"
        if key == "prior_false_ad_penalties_2y":
            flags[key] = _count(value, field)
        elif key == "personal_information_kind":
            flags[key] = _text(value, field)
        else:
            flags[key] = _flag(value, field)
    inp = ReferralInput(data["conduct"], data["party_type"], figures, flags)
    return screen(inp).as_dict()


COMMANDS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "jurisdiction": jurisdiction,
    "deadlines": deadlines,
    "penalty": penalty,
    "referral": referral,
    "provisions": provisions,
}
NO_INPUT = ("provisions",)


# --- running ----------------------------------------------------------------------------------


def evaluate(command: str, data: dict[str, Any]) -> dict[str, Any]:
    """One input object → its result, or raise ValidationError; arithmetic that runs off the
    calendar (a date near 9999 plus months) is bad input, not a crash."""
    if not isinstance(data, dict):
        raise ValidationError("", "输入应为一个 JSON 对象。")
    _check_depth(data, "", 0)
    try:
        return COMMANDS[command](data)
    except (OverflowError, RecursionError, ValueError):  # ValueError: dt.date past year 9999
        raise ValidationError(_latest_date_field(data), "日期超出可以计算的范围。") from None


def _latest_date_field(data: dict[str, Any]) -> str:
    dated = [(v, k) for k, v in data.items() if isinstance(v, str) and DATE_RE.match(v)]
    return max(dated)[1] if dated else ""


def _one(command: str, text: str | bytes) -> tuple[int, dict[str, Any]]:
    try:
        data = {} if command in NO_INPUT else parse(text)
        return 0, evaluate(command, data)
    except ValidationError as exc:
        return 2, exc.as_dict()
    except Exception as exc:  # never a traceback on the user's screen (DESIGN §10)
        return 5, {
            "error": {
                "field": "",
                "message": f"程序内部错误（{type(exc).__name__}），请将输入交给系统管理员。",
            }
        }


def run(command: str, jsonl: bool = False, stdin: IO[Any] | None = None) -> int:
    stream = stdin or sys.stdin
    out = sys.stdout
    if not jsonl:
        raw = b"" if command in NO_INPUT else _read_all(stream)
        status, result = _one(command, raw)
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        return status
    worst = 0
    source = stream.buffer if hasattr(stream, "buffer") else stream
    for line in source:
        status, result = _one(command, line.rstrip(b"\r\n" if isinstance(line, bytes) else "\r\n"))
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        worst = max(worst, status)
    out.flush()
    return worst


def _read_all(stream: Any) -> bytes | str:
    try:
        return stream.buffer.read() if hasattr(stream, "buffer") else stream.read()
    except UnicodeDecodeError:
        return b"\xff"  # reported as "not UTF-8" by parse()
