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
from decimal import Decimal
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
# (earlier, later): the order the procedure puts events in, beyond the main line above. A later
# event dated before an earlier one is refused, naming the later one (issue 13, point 13).
ORDER_PAIRS: tuple[tuple[str, str], ...] = (
    *itertools.pairwise(ORDERED),
    ("decided", "published"),
    ("decision_served", "paid"),
    ("decision_served", "reminder_served"),
    ("reminder_served", "court_applied"),
    ("decided", "executed"),
    ("filed", "closed"),
    ("executed", "closed"),
    ("platform_notified", "platform_reminded"),
    ("operator_reported_change", "platform_updated"),
    ("referral_reported", "referral_decided"),
    ("referral_reported", "referral_approved"),
    ("referral_approved", "referral_transferred"),
    ("referral_decided", "referral_transferred"),
    ("referral_transferred", "police_decided"),
    ("referral_transferred", "police_refused"),
    ("police_refused", "reconsideration_requested"),
    ("reconsideration_requested", "reconsideration_upheld"),
    ("reconsideration_upheld", "procuratorate"),
)
# 行政处罚法 Art 9 kinds, as code words; a warning alone is not published (公示规定 Art 2).
DECISION_KINDS = (
    "warning",
    "public_criticism",
    "fine",
    "confiscation",
    "licence",
    "business_restriction",
    "other",
)
LATE_FEE_DAYS_TO_CAP = 34  # 3 % a day reaches the fine on the 34th day (行政处罚法 Art 72)


def _closure(pairs: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Every (earlier, later) the pairs imply, so that a missing middle event still orders the
    ends (a 催告 served before the decision was decided is refused even without its service)."""
    after: dict[str, set[str]] = {}
    for a, b in pairs:
        after.setdefault(a, set()).add(b)
    changed = True
    while changed:
        changed = False
        for later in after.values():
            extra = set().union(*(after.get(b, set()) for b in later)) - later
            if extra:
                later |= extra
                changed = True
    rank = {e: i for i, (e, _) in enumerate(EVENTS)}
    out = [(a, b) for a, later in after.items() for b in later]
    return sorted(out, key=lambda p: (rank[p[1]], rank[p[0]]))


ORDER_CLOSURE = _closure(ORDER_PAIRS)


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
    after_periods: tuple[str, ...] = ()  # starts when these periods have all run out
    first_day_after: bool = False  # ``due`` is the first day something may be done


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
        return max(0, (end - self.start).days + 1)  # "today" before the start: none yet


Period = Suspension  # a dated span: a 复议 or 诉讼 from start to end


@dataclass(frozen=True, slots=True)
class CaseDates:
    """The dated events of a case that start or end periods (all optional)."""

    events: dict[str, dt.date]
    filing_extended: bool = False
    decision_extended: bool = False
    hearing_right: bool = True
    suspensions: tuple[Suspension, ...] = ()
    review_or_litigation: tuple[Period, ...] = ()  # 行政处罚法 Art 73(3): 加处罚款 paused
    decision_kinds: tuple[str, ...] | None = None  # None: not said

    def validate(self) -> None:
        labels = dict(EVENTS)
        for earlier, later in ORDER_CLOSURE:
            first, then = self.events.get(earlier), self.events.get(later)
            if first is not None and then is not None and then < first:
                raise ValidationError(
                    later,
                    f"{labels[later]}日期（{chinese_date(then)}）不能早于{labels[earlier]}日期（{chinese_date(first)}）。",
                )
        served = self.events.get("decision_served")
        for i, r in enumerate(self.review_or_litigation):
            if r.end is not None and r.end < r.start:
                raise ValidationError(
                    f"review_or_litigation[{i}].end", "复议或诉讼的结束日期不能早于开始日期。"
                )
            if served is not None and r.start < served:
                raise ValidationError(
                    f"review_or_litigation[{i}].start", "复议或诉讼不能早于决定书送达日期。"
                )
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
            [
                "extended_by",
                "suspensions",
                "also",
                "only_if",
                "rounding",
                "after_periods",
                "first_day_after",
                "note",
            ],
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
                after_periods=tuple(rec.get("after_periods", [])),
                first_day_after=bool(rec.get("first_day_after", False)),
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
    return compute_with_warnings(dates, cal, today)[0]


def _only_if(rule: Rule, dates: CaseDates) -> bool:
    kinds = dates.decision_kinds
    if rule.only_if == "hearing_right":
        return dates.hearing_right
    if rule.only_if == "publicity":  # 公示规定 Art 2: a warning alone is not published
        return kinds is None or any(k != "warning" for k in kinds)
    if rule.only_if == "payment":  # nothing to pay without a fine or a confiscation
        return kinds is None or bool({"fine", "confiscation"} & set(kinds))
    return True


def compute_with_warnings(
    dates: CaseDates, cal: WorkCalendar, today: dt.date | None = None
) -> tuple[list[Deadline], list[str]]:
    dates.validate()
    rules, _ = catalogue()
    out: list[Deadline] = []
    warnings: list[str] = []
    # periods first, then what waits for them (court enforcement after 复议 and 诉讼 periods)
    for rule in sorted(rules, key=lambda r: bool(r.after_periods)):
        start = dates.events.get(rule.start_event)
        if start is None or not _only_if(rule, dates):
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
            if not cal.is_workday(due):
                warnings.append(
                    f"{rule.label}的最后一日（{chinese_date(due)}）是节假日；"
                    f"{rule.basis.text}的“日”是否按工作日计算、是否顺延未经核实（verified: false），此处按日历日计算，不顺延。"
                )
        else:
            due, rounding = period_end(start, count, rule.unit, cal)
        if rule.after_periods:
            waited = _after_periods(rule, due, start, count, out, dates, cal, warnings)
            if waited is None:
                continue
            due = waited
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
    fee = _late_fee_full(out, dates)
    if fee is not None:
        out.append(fee)
    out.sort(key=lambda d: (d.due, d.id))
    if dates.review_or_litigation and "court_enforcement" in {d.id for d in out}:
        warnings.append(
            "当事人已申请行政复议或者提起行政诉讼的，不适用行政强制法第五十三条的申请期限，请依复议决定或者裁判执行。"
        )
    return out, warnings


def _after_periods(
    rule: Rule,
    due: dt.date,
    start: dt.date,
    count: int,
    done: list[Deadline],
    dates: CaseDates,
    cal: WorkCalendar,
    warnings: list[str],
) -> dt.date | None:
    """行政强制法 Art 53: court enforcement only once the 复议 and 诉讼 periods have run out
    unused; the first day is the day after both that and the 催告 period (程序规定 Art 76);
    the last is three months after those periods end."""
    ends = [d.due for d in done if d.id in rule.after_periods]
    if len(ends) < len(rule.after_periods):
        if rule.first_day_after:
            warnings.append(
                "未提供决定书送达日期，无法确定行政复议、行政诉讼期限何时届满；申请人民法院强制执行须待两项期限届满（行政强制法第五十三条）。"
            )
            return due + dt.timedelta(days=1)
        return None
    periods_end = max(ends)
    if rule.first_day_after:
        return max(due, periods_end) + dt.timedelta(days=1)
    end, _ = period_end(periods_end, count, rule.unit, cal)
    return end


def late_fee(
    fine: Decimal,
    payments: list[tuple[dt.date, Decimal]],
    payment_due: dt.date,
    on: dt.date,
    pauses: tuple[Period, ...] = (),
) -> Decimal:
    """加处罚款 accrued by ``on``: 3 % a day of the fine still unpaid that day, from the day after
    the payment period, not counting days of a pending 复议 or 诉讼 (行政处罚法 Art 73(3)),
    never more than the fine (Art 72). A payment made on a day counts from the next day."""
    total = Decimal(0)
    day = payment_due + dt.timedelta(days=1)
    ordered = sorted(payments)
    while day <= on and total < fine:
        if not any(p.start <= day and (p.end is None or day <= p.end) for p in pauses):
            paid = sum((amount for when, amount in ordered if when < day), Decimal(0))
            unpaid = fine - paid
            if unpaid <= 0:
                break
            total += unpaid * Decimal("0.03")
        day += dt.timedelta(days=1)
    return min(total, fine)


def _late_fee_full(out: list[Deadline], dates: CaseDates) -> Deadline | None:
    """The day 加处罚款 on an unpaid fine reaches the fine, later by the days a 复议 or 诉讼
    was pending (they are not counted)."""
    payment = next((d for d in out if d.id == "payment"), None)
    if payment is None or "paid" in dates.events:
        return None
    day, counted, paused = payment.due, 0, 0
    while counted < LATE_FEE_DAYS_TO_CAP:
        day += dt.timedelta(days=1)
        if any(
            p.start <= day and (p.end is None or day <= p.end) for p in dates.review_or_litigation
        ):
            paused += 1
            if paused > 366 * 20:  # an open-ended review: the cap is not in sight
                return None
            continue
        counted += 1
    basis = Citation(payment.basis.instrument, payment.basis.version, 72, 1, 1)
    also = (Citation(payment.basis.instrument, payment.basis.version, 73, 3),)
    return Deadline(
        id="late_fee_full",
        label="加处罚款累计达到罚款数额（此后不再增加）",
        due=day,
        unit=Unit.DAYS,
        count=LATE_FEE_DAYS_TO_CAP,
        basis=basis,
        also=also,
        owner="party",
        pending=True,
        rounding=Rounding.NONE,
        suspended_days=paused,
    )


def next_pending(deadlines: list[Deadline], suspended: bool = False) -> Deadline | None:
    """The bureau's earliest deadline not yet met; none while the case is suspended."""
    if suspended:
        return None
    pending = [d for d in deadlines if d.pending and d.owner == "authority"]
    return min(pending, key=lambda d: d.due) if pending else None
