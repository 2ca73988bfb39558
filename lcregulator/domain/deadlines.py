"""Procedural deadlines of a case, each with its basis, day type and rounding.

Calendar rules (DESIGN §5), each cited in ``data/law/deadlines.json``:
- the start day is not counted (民法典 Art 201);
- "二日、三日、五日、七日" in the 行政处罚法 are working days (Art 85); 15 and 90 days are
  calendar days;
- a period in months ends on the corresponding day of the last month, or on that month's last
  day when it has no such day (民法典 Art 202);
- a calendar or month period whose last day is not a working day ends on the next working day
  (程序规定 Art 80); a working-day period always ends on a working day;
- suspension periods (中止, 听证, 检测检验鉴定 …) are not counted in the decision period
  (程序规定 Art 64): a suspension from A to B adds B − A + 1 days.
"Today" is never read here: callers pass it in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import Any

from .errors import ValidationError
from .formatting import chinese_date
from .lawdata import check_keys, load_json, parse_date
from .statute import to_chinese_number
from .workdays import WorkCalendar

DATA_FILE = "data/law/deadlines.json"

# Events of a case, in the order the law requires them (the first ones of DESIGN §9 and more).
EVENTS: tuple[tuple[str, str], ...] = (
    ("clue_received", "线索接收"),
    ("filed", "立案"),
    ("notice_served", "告知书送达"),
    ("decided", "作出决定"),
    ("decision_served", "决定书送达"),
    ("published", "信息公示"),
    ("paid", "缴清罚款"),
    ("reminder_served", "催告送达"),
    ("court_applied", "申请强制执行"),
    ("executed", "执行完毕"),
    ("closed", "结案"),
    # Art 22 / Art 15 of the Measures: what a platform must do after a notice or a change.
    ("platform_notified", "通知平台当事人无法联系"),
    ("platform_reminded", "平台已提醒"),
    ("operator_reported_change", "直播间运营者报送信息变更"),
    ("platform_updated", "平台已核验更新"),
    # criminal referral (国务院令第310号)
    ("referral_reported", "移送调查报告提交"),
    ("referral_decided", "负责人决定是否移送"),
    ("referral_approved", "批准移送"),
    ("referral_transferred", "移送公安机关"),
    ("police_decided", "公安机关作出立案决定"),
    ("police_refused", "公安机关不予立案"),
    ("reconsideration_requested", "提请复议"),
    ("reconsideration_upheld", "复议维持不予立案"),
    ("procuratorate", "建议检察院立案监督"),
)
ORDERED = ("clue_received", "filed", "notice_served", "decided", "decision_served")


class Unit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"
    MONTHS = "months"


class Rounding(StrEnum):
    """How a period's last day is settled — stated, never implicit."""

    ON_WORKING_DAY = "counted_in_working_days"  # always lands on a working day
    NEXT_WORKING_DAY_IF_HOLIDAY = "next_working_day_if_holiday"  # 程序规定 Art 80
    NONE = "none"  # 310号's "三日": calendar days, never extended (a holiday end is warned)


@dataclass(frozen=True, slots=True)
class Citation:
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
    def text(self) -> str:
        out = f"《{self.instrument}》第{to_chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{to_chinese_number(self.paragraph)}款"
        if self.item:
            out += f"第{to_chinese_number(self.item)}项"
        return out


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    label: str
    start_event: str
    count: int
    unit: Unit
    basis: Citation
    also: tuple[Citation, ...]
    owner: str  # authority | party
    pending_until: str | None
    extension_flag: str | None
    extension_count: int
    suspensions: bool
    only_if: str | None
    verified: bool
    rounding: str | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    id: str
    label: str
    due: dt.date
    unit: Unit
    count: int
    basis: Citation
    also: tuple[Citation, ...]
    owner: str
    pending: bool  # the event that ends it has not happened yet
    rounding: Rounding
    extended: bool = False
    suspended_days: int = 0
    verified: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "due": self.due.isoformat(),
            "basis": self.basis.as_dict(),
            "also": [c.as_dict() for c in self.also],
            "unit": self.unit.value,
            "count": self.count,
            "rounding": self.rounding.value,
            "owner": self.owner,
            "pending": self.pending,
            "extended": self.extended,
            "suspended_days": self.suspended_days,
            "verified": self.verified,
        }


@dataclass(frozen=True, slots=True)
class Suspension:
    start: dt.date
    end: dt.date | None  # None: still suspended

    def days(self, until: dt.date | None = None) -> int:
        """Both ends count (B − A + 1); an open suspension counts up to ``until``."""
        end = self.end or until
        if end is None:
            return 0
        return (end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class CaseDates:
    """The dated events of a case that start or end periods (all optional)."""

    events: dict[str, dt.date]
    filing_extended: bool = False
    decision_extended: bool = False
    hearing_right: bool = True
    suspensions: tuple[Suspension, ...] = ()

    def validate(self) -> None:
        previous: tuple[str, dt.date] | None = None
        labels = dict(EVENTS)
        for key in ORDERED:
            value = self.events.get(key)
            if value is None:
                continue
            if previous is not None and value < previous[1]:
                raise ValidationError(
                    key,
                    f"{labels[key]}日期（{chinese_date(value)}）不能早于{labels[previous[0]]}日期（{chinese_date(previous[1])}）。",
                )
            previous = (key, value)
        for i, s in enumerate(self.suspensions):
            if s.end is not None and s.end < s.start:
                raise ValidationError(f"suspensions[{i}].end", "中止结束日期不能早于开始日期。")
            filed = self.events.get("filed")
            if filed is not None and s.start < filed:
                raise ValidationError(f"suspensions[{i}].start", "中止不能早于立案日期。")
        ordered = sorted(self.suspensions, key=lambda s: s.start)
        for a, b in itertools.pairwise(ordered):
            if a.end is None or b.start <= a.end:
                raise ValidationError("suspensions", "中止期间不能重叠。")


@cache
def catalogue() -> tuple[tuple[Rule, ...], str]:
    data = load_json(DATA_FILE)
    check_keys(data, DATA_FILE, ["version", "sources", "deadlines", "calendar_rules"])
    sources = data["sources"]
    for key, src in sources.items():
        check_keys(src, f"{DATA_FILE}: sources.{key}", ["instrument", "version", "effective_from"])
        parse_date(src["effective_from"], f"{DATA_FILE}: sources.{key}.effective_from")

    def cite(ref: dict[str, Any], where: str) -> Citation:
        check_keys(ref, where, ["source", "article"], ["paragraph", "item"])
        if ref["source"] not in sources:
            raise ValueError(f"{where}: unknown source {ref['source']}")
        src = sources[ref["source"]]
        return Citation(
            src["instrument"], src["version"], ref["article"], ref.get("paragraph"), ref.get("item")
        )

    known_events = {e for e, _ in EVENTS}
    rules = []
    for i, rec in enumerate(data["deadlines"]):
        where = f"{DATA_FILE}: deadlines[{i}]"
        check_keys(
            rec,
            where,
            ["id", "label", "from", "count", "unit", "basis", "pending_until", "verified", "owner"],
            ["extended_by", "suspensions", "also", "only_if", "rounding"],
        )
        if rec["from"] not in known_events:
            raise ValueError(f"{where}: unknown event {rec['from']}")
        ext = rec.get("extended_by") or {}
        rules.append(
            Rule(
                id=rec["id"],
                label=rec["label"],
                start_event=rec["from"],
                count=int(rec["count"]),
                unit=Unit(rec["unit"]),
                basis=cite(rec["basis"], f"{where}.basis"),
                also=tuple(cite(a, f"{where}.also") for a in rec.get("also", [])),
                owner=rec["owner"],
                pending_until=rec["pending_until"],
                extension_flag=ext.get("flag"),
                extension_count=int(ext.get("count", 0)),
                suspensions=bool(rec.get("suspensions", False)),
                only_if=rec.get("only_if"),
                verified=bool(rec["verified"]),
                rounding=rec.get("rounding"),
            )
        )
    return tuple(rules), str(data["version"])


def add_months(start: dt.date, months: int) -> dt.date:
    """民法典 Art 202: the corresponding day of the last month, or its last day if none."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last))


def period_end(
    start: dt.date, count: int, unit: Unit, cal: WorkCalendar
) -> tuple[dt.date, Rounding]:
    if unit is Unit.WORKING_DAYS:
        return cal.add_workdays(start, count), Rounding.ON_WORKING_DAY
    raw = start + dt.timedelta(days=count) if unit is Unit.DAYS else add_months(start, count)
    return cal.next_workday(raw), Rounding.NEXT_WORKING_DAY_IF_HOLIDAY


def compute(dates: CaseDates, cal: WorkCalendar, today: dt.date | None = None) -> list[Deadline]:
    """Every deadline the given events start, in due order; ``today`` closes open suspensions."""
    dates.validate()
    rules, _ = catalogue()
    out = []
    for rule in rules:
        start = dates.events.get(rule.start_event)
        if start is None:
            continue
        if rule.only_if == "hearing_right" and not dates.hearing_right:
            continue
        count = rule.count
        extended = bool(rule.extension_flag and getattr(dates, rule.extension_flag, False))
        if extended:
            count += rule.extension_count
        suspended = 0
        if rule.suspensions:
            suspended = sum(s.days(today) for s in dates.suspensions if s.start >= start)
        if suspended and rule.unit is Unit.DAYS:
            count += suspended
        if rule.rounding == "none":
            due, rounding = start + dt.timedelta(days=count), Rounding.NONE
        else:
            due, rounding = period_end(start, count, rule.unit, cal)
        pending = rule.pending_until is not None and rule.pending_until not in dates.events
        out.append(
            Deadline(
                id=rule.id,
                label=rule.label,
                due=due,
                unit=rule.unit,
                count=count,
                basis=rule.basis,
                also=rule.also,
                owner=rule.owner,
                pending=pending,
                rounding=rounding,
                extended=extended,
                suspended_days=suspended,
                verified=rule.verified,
            )
        )
    out.sort(key=lambda d: (d.due, d.id))
    return out


def next_pending(deadlines: list[Deadline], suspended: bool = False) -> Deadline | None:
    """The bureau's earliest deadline not yet met; none while the case is suspended."""
    if suspended:
        return None
    pending = [d for d in deadlines if d.pending and d.owner == "authority"]
    return min(pending, key=lambda d: d.due) if pending else None
