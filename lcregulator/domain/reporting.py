"""The bureau's reporting upward: the 案件台账, the 统计报表, and how the 卷宗 writes numbers.

Pure functions over plain facts read in bulk from the database, so the figures can be checked
against counts computed independently in the tests and the same facts feed the spreadsheet, the
statistics page, the printed report and ``lcregulator stats``.

Period rules (one per figure, the day that puts a case into a month's report):
- received: the clue's 接收日期; filed: 立案日期; not filed: the 不予立案 approval (else the
  received day); closed: 结案日期; by stage / source / provision / party role: cases received in
  the period, by their status today;
- fines decided: the fine of penalty decisions dated in the period; collected: payments made
  in the period; late fees: 加处罚款 accrued by the period's end on decisions in the period;
  confiscated: illegal gains ordered confiscated by decisions in the period (when the amount
  was recorded);
- referrals: indicated by the screening on cases received in the period; transferred and the
  police's answer by their own dates;
- 约谈: scheduled in the period, by recorded outcome (``pending`` without one);
- overdue: cases whose earliest pending deadline fell before the period's last day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .cases import CaseStatus, ClueSource
from .parties import PartyRole

# --- Chinese numbers and dates as the 文书格式范本 writes them --------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")


def chinese_numeral(n: int) -> str:
    """0 → 〇, 10 → 十, 21 → 二十一, 105 → 一百〇五, 1010 → 一千〇一十, 30000 → 三万.

    The 范本 counts (本卷共五十二页, 保管期限三十年) use 〇 for an inner zero as dates do.
    """
    if n < 0 or n >= 10**8:
        raise ValueError(n)
    if n == 0:
        return "〇"
    high, low = divmod(n, 10000)
    if high:
        head = _below_10000(high, leading=True)
        if not low:
            return head + "万"
        tail = _below_10000(low, leading=False)
        return head + "万" + ("〇" if low < 1000 else "") + tail
    return _below_10000(low, leading=True)


def _below_10000(n: int, *, leading: bool) -> str:
    digits = str(n)
    out: list[str] = []
    zero = False
    for i, ch in enumerate(digits):
        place = len(digits) - 1 - i
        if ch == "0":
            zero = True
            continue
        if zero and out:
            out.append("〇")
        zero = False
        if not (ch == "1" and place == 1 and not out and leading):
            out.append(_CN_DIGITS[int(ch)])
        out.append(_CN_UNITS[place])
    return "".join(out)


def chinese_date_upper(value: dt.date) -> str:
    """二〇二六年三月二日: year digit by digit, month and day as numbers (十二月, 二十日)."""
    year = "".join(_CN_DIGITS[int(c)] for c in str(value.year))
    return f"{year}年{chinese_numeral(value.month)}月{chinese_numeral(value.day)}日"


# --- identifiers ------------------------------------------------------------------------------


def mask_id_number(value: str | None) -> str:
    """110105********1234: the region of issue and the last four, never the birth date."""
    if not value:
        return ""
    if len(value) <= 10:
        return value[:2] + "*" * max(len(value) - 2, 0)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


# --- the facts a report reads -----------------------------------------------------------------


@dataclass(slots=True)
class PartyFact:
    name: str
    role: PartyRole
    natural_person: bool
    uscc: str | None
    id_number: str | None


@dataclass(slots=True)
class CaseFact:
    """One case as the reports read it (no aggregate, no lazy loads)."""

    id: int
    number: str
    title: str
    source: ClueSource
    status: CaseStatus
    received_on: dt.date
    filed_on: dt.date | None
    decided_on: dt.date | None
    closed_on: dt.date | None
    next_deadline_on: dt.date | None
    procedure: dict[str, Any]
    decision_served_on: dt.date | None = None
    parties: list[PartyFact] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)
    provisions: list[str] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)

    @property
    def fine(self) -> Decimal:
        raw = self.procedure.get("fine")
        if self.procedure.get("decision_kind") != "penalty" or raw in (None, ""):
            return Decimal("0")
        return Decimal(str(raw))

    def payments(self) -> list[tuple[dt.date, Decimal]]:
        return [
            (dt.date.fromisoformat(p["on"]), Decimal(str(p["amount"])))
            for p in self.procedure.get("payments") or []
        ]

    @property
    def confiscates(self) -> bool:
        if self.procedure.get("decision_kind") != "penalty":
            return False
        return any(
            ((a or {}).get("result") or {}).get("confiscate_illegal_gains")
            for a in self.assessments
        )

    @property
    def confiscated_amount(self) -> Decimal:
        """Illegal gains ordered confiscated, where the assessment recorded the amount."""
        total = Decimal("0")
        if self.procedure.get("decision_kind") != "penalty":
            return total
        for a in self.assessments:
            a = a or {}
            if not (a.get("result") or {}).get("confiscate_illegal_gains"):
                continue
            gains = ((a.get("input") or {}).get("facts") or {}).get("illegal_gains")
            if gains not in (None, ""):
                total += Decimal(str(gains))
        return total

    def approval_on(self, step: str) -> dt.date | None:
        for a in self.procedure.get("approvals") or []:
            if a.get("step") == step:
                return dt.date.fromisoformat(a["on"])
        return None

    def day(self, key: str) -> dt.date | None:
        raw = self.procedure.get(key)
        return dt.date.fromisoformat(raw) if raw else None


def penalty_kinds(case: CaseFact) -> str:
    """处罚种类 as the register writes it: 罚款、没收违法所得 / 不予行政处罚 / 撤销立案."""
    kind = case.procedure.get("decision_kind")
    if kind == "no_penalty":
        return "不予行政处罚"
    if kind == "revoke":
        return "撤销立案"
    if kind != "penalty":
        return ""
    kinds = []
    if case.fine:
        kinds.append("罚款")
    if case.confiscates:
        kinds.append("没收违法所得")
    return "、".join(kinds) or "行政处罚"


# --- the 案件台账 ---------------------------------------------------------------------------

REGISTER_HEADERS: tuple[str, ...] = (
    "立案编号",
    "案由",
    "当事人",
    "统一社会信用代码",
    "身份证号",
    "来源",
    "立案日期",
    "承办人",
    "阶段",
    "处罚种类",
    "罚没款金额",
    "结案日期",
)


def register_row(case: CaseFact) -> tuple[Any, ...]:
    """One line of the 台账 (DESIGN §9.1): parties joined with 、, ID numbers masked."""
    names = list(dict.fromkeys(p.name for p in case.parties))
    usccs = list(dict.fromkeys(p.uscc for p in case.parties if p.uscc))
    ids = list(dict.fromkeys(mask_id_number(p.id_number) for p in case.parties if p.id_number))
    amount = case.fine + case.confiscated_amount
    return (
        case.number,
        case.title,
        "、".join(names),
        "、".join(usccs),
        "、".join(ids),
        case.source.label,
        case.filed_on,
        "、".join(case.officers),
        case.status.label,
        penalty_kinds(case),
        float(amount) if amount else None,
        case.closed_on,
    )


def register_year(case: CaseFact) -> int:
    """The year a case belongs to in a per-year 台账: its filing year, else when received."""
    return (case.filed_on or case.received_on).year


# --- the 统计报表 ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummonsFact:
    id: int
    case_id: int | None
    party: str
    scheduled_on: dt.date
    outcome: str | None


# figure keys whose cases can be listed: "cases.received", "cases.by_stage.filed", …
CaseIds = dict[str, set[int]]


@dataclass
class Statistics:
    start: dt.date
    end: dt.date
    counts: CaseIds = field(default_factory=dict)  # figure key → the cases behind it
    fines_decided: Decimal = Decimal("0")
    fines_collected: Decimal = Decimal("0")
    late_fees: Decimal = Decimal("0")
    confiscated: Decimal = Decimal("0")
    summons_by_outcome: dict[str, set[int]] = field(default_factory=dict)  # summons ids

    def n(self, key: str) -> int:
        return len(self.counts.get(key, ()))

    def group(self, prefix: str) -> dict[str, int]:
        """{"filed": 3, …} for the keys ``prefix.<code>``, in the order they were added."""
        dot = prefix + "."
        return {k[len(dot) :]: len(v) for k, v in self.counts.items() if k.startswith(dot)}

    def as_json(self) -> dict[str, Any]:
        """The object ``lcregulator stats`` prints (DESIGN §9.1), plus the issue's breakdowns."""

        def money(x: Decimal) -> float | int:
            return int(x) if x == x.to_integral_value() else float(x)

        summons = {k: len(v) for k, v in self.summons_by_outcome.items()}
        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "cases": {
                "received": self.n("cases.received"),
                "filed": self.n("cases.filed"),
                "not_filed": self.n("cases.not_filed"),
                "closed": self.n("cases.closed"),
                "by_stage": self.group("cases.by_stage"),
                "by_provision": self.group("cases.by_provision"),
                "by_source": self.group("cases.by_source"),
                "by_party_role": self.group("cases.by_party_role"),
            },
            "fines": {
                "decided": money(self.fines_decided),
                "collected": money(self.fines_collected),
                "late_fees": money(self.late_fees),
            },
            "confiscated": money(self.confiscated),
            "referrals": self.n("referrals.indicated"),
            "referrals_by_outcome": self.group("referrals"),
            "summons": sum(summons.values()),
            "summons_by_outcome": summons,
            "overdue": self.n("overdue"),
        }


def _within(day: dt.date | None, start: dt.date, end: dt.date) -> bool:
    return day is not None and start <= day <= end


LateFee = Callable[[CaseFact, dt.date], Decimal]


def compute_statistics(
    cases: Iterable[CaseFact],
    summonses: Iterable[SummonsFact],
    start: dt.date,
    end: dt.date,
    late_fee: LateFee | None = None,
) -> Statistics:
    """Every figure of the report with the cases behind it (see the module's period rules)."""
    stats = Statistics(start, end)
    c = stats.counts
    for key in ("cases.received", "cases.filed", "cases.not_filed", "cases.closed"):
        c[key] = set()
    for status in CaseStatus:
        c[f"cases.by_stage.{status.value}"] = set()
    for source in ClueSource:
        c[f"cases.by_source.{source.value}"] = set()
    for role in PartyRole:
        c[f"cases.by_party_role.{role.value}"] = set()
    for key in ("indicated", "approved", "transferred", "accepted", "police_refused"):
        c[f"referrals.{key}"] = set()
    c["overdue"] = set()
    provisions: dict[str, set[int]] = {}

    for case in cases:
        cid = case.id
        if _within(case.received_on, start, end):
            c["cases.received"].add(cid)
            c[f"cases.by_stage.{case.status.value}"].add(cid)
            c[f"cases.by_source.{case.source.value}"].add(cid)
            for p in case.parties:
                c[f"cases.by_party_role.{p.role.value}"].add(cid)
            for provision_id in case.provisions:
                provisions.setdefault(provision_id, set()).add(cid)
            screening = case.procedure.get("referral_screening") or {}
            if (screening.get("result") or {}).get("referral_indicated"):
                c["referrals.indicated"].add(cid)
        if _within(case.filed_on, start, end):
            c["cases.filed"].add(cid)
        if case.status is CaseStatus.NOT_FILED and _within(
            case.approval_on("decline") or case.received_on, start, end
        ):
            c["cases.not_filed"].add(cid)
        if _within(case.closed_on, start, end):
            c["cases.closed"].add(cid)
        if case.procedure.get("referral_decision") == "approved" and _within(
            case.day("referral_decision_on"), start, end
        ):
            c["referrals.approved"].add(cid)
        if _within(case.day("referral_transferred_on"), start, end):
            c["referrals.transferred"].add(cid)
        police = case.procedure.get("police_decision")
        if police and _within(case.day("police_decision_on"), start, end):
            c["referrals.accepted" if police == "accepted" else "referrals.police_refused"].add(cid)
        if _within(case.decided_on, start, end) and case.fine:
            stats.fines_decided += case.fine
            c.setdefault("fines.decided", set()).add(cid)
            if late_fee is not None:
                fee = late_fee(case, end)
                if fee:
                    stats.late_fees += fee
                    c.setdefault("fines.late_fees", set()).add(cid)
        if _within(case.decided_on, start, end) and case.confiscates:
            stats.confiscated += case.confiscated_amount
            c.setdefault("confiscated", set()).add(cid)
        for on, amount in case.payments():
            if _within(on, start, end):
                stats.fines_collected += amount
                c.setdefault("fines.collected", set()).add(cid)
        if case.next_deadline_on is not None and case.next_deadline_on < end:
            c["overdue"].add(cid)

    for provision_id in sorted(provisions, key=_provision_order):
        c[f"cases.by_provision.{provision_id}"] = provisions[provision_id]
    for s in summonses:
        if _within(s.scheduled_on, start, end):
            stats.summons_by_outcome.setdefault(s.outcome or "pending", set()).add(s.id)
            if s.case_id is not None:
                c.setdefault(f"summons.{s.outcome or 'pending'}", set()).add(s.case_id)
    return stats


def _provision_order(provision_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in provision_id[1:3] if ch.isdigit())
    return (int(digits) if digits else 0, provision_id)


def period_bounds(kind: str, year: int, number: int = 1) -> tuple[dt.date, dt.date]:
    """The first and last day of a month (number 1–12), a quarter (1–4) or a year."""
    if kind == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "quarter":
        if not 1 <= number <= 4:
            raise ValueError(number)
        first = dt.date(year, 3 * number - 2, 1)
        last_month = 3 * number
    elif kind == "month":
        if not 1 <= number <= 12:
            raise ValueError(number)
        first = dt.date(year, number, 1)
        last_month = number
    else:
        raise ValueError(kind)
    nxt = dt.date(year + 1, 1, 1) if last_month == 12 else dt.date(year, last_month + 1, 1)
    return first, nxt - dt.timedelta(days=1)


# --- the report's sections, shared by the window, the PDF and their tests --------------------


@dataclass(frozen=True, slots=True)
class Figure:
    key: str  # the figure key: "cases.by_stage.filed" (lists its cases), "fines.decided" …
    label: str
    value: float
    amount: bool = False  # yuan rather than a count


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    figures: tuple[Figure, ...]
    chart: bool = True


REFERRAL_LABELS = {
    "indicated": "达到追诉标准",
    "approved": "批准移送",
    "transferred": "已移送",
    "accepted": "公安机关立案",
    "police_refused": "公安机关不予立案",
}
SUMMONS_LABELS = {
    "pending": "尚无结果",
    "rectified": "已整改",
    "partly": "部分整改",
    "not_rectified": "未整改",
}


def provision_label(provision_id: str) -> str:
    from .provisions import catalogue

    p = catalogue().get(provision_id)
    if p is None:
        return provision_id
    # one article, several branches (第六十条: 明码标价 / 价格欺诈): the branch's name tells them apart
    return f"{p.location}（{p.label}）" if p.branch else p.location


def sections(stats: Statistics) -> list[Section]:
    """The report as the window and the PDF lay it out, in the order officers report it."""

    def counts(
        prefix: str, labels: dict[str, str], *, keep_zero: bool = True
    ) -> tuple[Figure, ...]:
        return tuple(
            Figure(f"{prefix}.{code}", labels.get(code, code), n)
            for code, n in stats.group(prefix).items()
            if keep_zero or n
        )

    from .cases import CASE_STATUS_LABELS
    from .parties import PARTY_ROLE_LABELS

    status_labels = {s.value: label for s, label in CASE_STATUS_LABELS.items()}
    source_labels = {s.value: s.label for s in ClueSource}
    role_labels = {r.value: label for r, label in PARTY_ROLE_LABELS.items()}
    provisions = {code: provision_label(code) for code in stats.group("cases.by_provision")}
    summons = tuple(
        Figure(f"summons.{code}", SUMMONS_LABELS.get(code, code), len(ids))
        for code, ids in sorted(stats.summons_by_outcome.items())
    )
    return [
        Section(
            "案件总体情况",
            (
                Figure("cases.received", "受理线索（接收）", stats.n("cases.received")),
                Figure("cases.filed", "立案", stats.n("cases.filed")),
                Figure("cases.not_filed", "不予立案", stats.n("cases.not_filed")),
                Figure("cases.closed", "结案", stats.n("cases.closed")),
                Figure("overdue", "期限已届满未办结", stats.n("overdue")),
            ),
        ),
        Section("案件来源", counts("cases.by_source", source_labels)),
        Section(
            "办理阶段（本期受理的案件）", counts("cases.by_stage", status_labels, keep_zero=False)
        ),
        Section(
            "违反条款（《直播电商监督管理办法》第五十三条至第六十六条）",
            counts("cases.by_provision", provisions),
        ),
        Section("当事人类型", counts("cases.by_party_role", role_labels)),
        Section(
            "罚没款",
            (
                Figure("fines.decided", "决定罚款", float(stats.fines_decided), True),
                Figure("fines.collected", "已缴纳", float(stats.fines_collected), True),
                Figure("fines.late_fees", "加处罚款", float(stats.late_fees), True),
                Figure("confiscated", "没收违法所得", float(stats.confiscated), True),
            ),
        ),
        Section("涉嫌犯罪案件移送", counts("referrals", REFERRAL_LABELS)),
        Section("约谈（第五十二条）", summons),
    ]
