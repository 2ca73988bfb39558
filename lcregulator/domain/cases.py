"""案件 and 线索: the file an officer keeps from the first clue to the archive.

A case is judged by the law in force at the time of the act (行政处罚法 Art 37), so every
violation carries its act dates; the procedural clock runs from the key dates, so they must be
in legal order (a case cannot be filed before its clue was received, decided before the 告知书
was served); and 行政处罚法 Art 42 requires at least two 执法人员 on an investigation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, NewType

from .authority import OfficerId
from .errors import ValidationError
from .formatting import chinese_date
from .parties import PartyId, PartyRole
from .procedure import Procedure

if TYPE_CHECKING:  # the assessment brings the penalty engine: not needed to list cases
    from .assessment import ViolationAssessment
from .provisions import catalogue

CaseId = NewType("CaseId", int)
ClueId = NewType("ClueId", int)


class ClueSource(StrEnum):
    COMPLAINT = "complaint"  # 投诉举报
    REPORT = "report"  # 举报
    MONITORING = "monitoring"  # 网络监测
    PLATFORM_REPORT = "platform_report"  # 平台报告 (Art 12)
    TRANSFER_IN = "transfer_in"  # 其他机关移送
    ASSIGNED = "assigned"  # 上级交办

    @property
    def label(self) -> str:
        return {
            ClueSource.COMPLAINT: "投诉",
            ClueSource.REPORT: "举报",
            ClueSource.MONITORING: "网络监测",
            ClueSource.PLATFORM_REPORT: "平台报告",
            ClueSource.TRANSFER_IN: "其他机关移送",
            ClueSource.ASSIGNED: "上级交办",
        }[self]


class CaseStatus(StrEnum):
    """The states of DESIGN §4 (普通程序) and its side states."""

    CLUE = "clue"
    VERIFYING = "verifying"
    FILED = "filed"
    NOT_FILED = "not_filed"
    INVESTIGATING = "investigating"
    CONCLUDED = "concluded"
    UNDER_REVIEW = "under_review"
    NOTIFIED = "notified"
    DECIDED = "decided"
    SERVED = "served"
    EXECUTING = "executing"
    CLOSED = "closed"
    ARCHIVED = "archived"
    SUSPENDED = "suspended"
    TRANSFERRED = "transferred"
    REFERRED = "referred"

    @property
    def label(self) -> str:
        return CASE_STATUS_LABELS[self]


CASE_STATUS_LABELS = {
    CaseStatus.CLUE: "线索登记",
    CaseStatus.VERIFYING: "核查",
    CaseStatus.FILED: "立案",
    CaseStatus.NOT_FILED: "不予立案",
    CaseStatus.INVESTIGATING: "调查取证",
    CaseStatus.CONCLUDED: "调查终结",
    CaseStatus.UNDER_REVIEW: "案件审核",
    CaseStatus.NOTIFIED: "行政处罚告知",
    CaseStatus.DECIDED: "作出决定",
    CaseStatus.SERVED: "送达",
    CaseStatus.EXECUTING: "执行",
    CaseStatus.CLOSED: "结案",
    CaseStatus.ARCHIVED: "归档",
    CaseStatus.SUSPENDED: "中止",
    CaseStatus.TRANSFERRED: "移送",
    CaseStatus.REFERRED: "移送司法机关",
}


@dataclass(slots=True)
class CaseParty:
    """A party's place in one case: the role it is charged in."""

    party_id: PartyId
    role: PartyRole
    id: int | None = None


@dataclass(slots=True)
class Violation:
    """One act: the provision violated, what happened, and when (the law is that of the act)."""

    provision_id: str  # e.g. M59(1) — see the penalty catalogue
    facts: str = ""
    act_start: dt.date | None = None
    act_end: dt.date | None = None  # None: a single-day act, or still continuing
    continuing: bool = False  # 违法行为有连续或者继续状态 (行政处罚法 Art 36 ¶2)
    assessment: ViolationAssessment | None = None  # the saved 处罚裁量, with its law-data version
    id: int | None = None
    # the party charged with this act (its facts, assessment and penalty are that party's and
    # appear on that party's 告知书 and 决定书 only); None: the case's parties jointly
    party_id: int | None = None

    def validate(self, index: int, today: dt.date) -> None:
        path = f"violations[{index}]"
        if not self.provision_id.strip():
            raise ValidationError(f"{path}.provision_id", "请选择违反的条款。")
        if self.provision_id not in catalogue():
            raise ValidationError(
                f"{path}.provision_id",
                f"条款编号“{self.provision_id}”不在《直播电商监督管理办法》条款目录中。",
            )
        if self.act_start is None:
            raise ValidationError(f"{path}.act_start", "请填写违法行为发生日期。")
        if self.act_start > today:
            raise ValidationError(f"{path}.act_start", "违法行为发生日期不能晚于今天。")
        if self.act_end is not None:
            if self.act_end < self.act_start:
                raise ValidationError(f"{path}.act_end", "违法行为终了日期不能早于发生日期。")
            if self.act_end > today:
                raise ValidationError(f"{path}.act_end", "违法行为终了日期不能晚于今天。")


@dataclass(slots=True)
class Clue:
    """案源: recorded before anyone decides whether to file (15 working days, 程序规定 Art 18)."""

    source: ClueSource
    received_on: dt.date
    summary: str
    reporter: str = ""
    reporter_contact: str = ""
    registered_by: OfficerId | None = None
    case_id: CaseId | None = None
    id: ClueId | None = None

    def validate(self, today: dt.date) -> None:
        if not self.summary.strip():
            raise ValidationError("clue.summary", "请填写线索内容。")
        if self.received_on > today:
            raise ValidationError("clue.received_on", "线索接收日期不能晚于今天。")


# Key dates of a case in the order the law requires them to happen, with their Chinese names.
KEY_DATES: tuple[tuple[str, str], ...] = (
    ("received_on", "线索接收日期"),
    ("filed_on", "立案日期"),
    ("notice_served_on", "告知书送达日期"),
    ("decided_on", "决定日期"),
    ("decision_served_on", "决定书送达日期"),
    ("closed_on", "结案日期"),
)


@dataclass(slots=True)
class Case:
    title: str
    source: ClueSource
    received_on: dt.date
    authority_id: int
    status: CaseStatus = CaseStatus.CLUE
    case_number: str = ""  # assigned on filing
    summary: str = ""
    filed_on: dt.date | None = None
    notice_served_on: dt.date | None = None
    decided_on: dt.date | None = None
    decision_served_on: dt.date | None = None
    closed_on: dt.date | None = None
    officer_ids: list[OfficerId] = field(default_factory=list)
    parties: list[CaseParty] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)
    procedure: Procedure = field(default_factory=Procedure)
    version: int | None = None  # optimistic-lock counter, set by persistence
    updated_by: OfficerId | None = None
    id: CaseId | None = None

    @property
    def read_only(self) -> bool:
        return self.status is CaseStatus.ARCHIVED

    def events(self) -> dict[str, dt.date]:
        """The dated events the deadline engine reads."""
        pairs = {
            "clue_received": self.received_on,
            "filed": self.filed_on,
            "notice_served": self.notice_served_on,
            "decided": self.decided_on,
            "decision_served": self.decision_served_on,
            "closed": self.closed_on,
        }
        return {k: v for k, v in pairs.items() if v is not None}

    def validate(self, today: dt.date) -> None:
        """Check the case as a whole; raises the first problem with its dotted field path."""
        if not self.title.strip():
            raise ValidationError("case.title", "案件名称不能为空。")
        if len(self.title) > 200:
            raise ValidationError("case.title", "案件名称过长（不超过200字）。")
        self.validate_dates(today)
        if len(set(self.officer_ids)) != len(self.officer_ids):
            raise ValidationError("case.officers", "同一执法人员不能重复列为承办人。")
        pre_filing = (CaseStatus.CLUE, CaseStatus.VERIFYING, CaseStatus.NOT_FILED)
        if self.status not in pre_filing and len(self.officer_ids) < 2:
            raise ValidationError(
                "case.officers", "立案后的案件须有两名以上执法人员承办（行政处罚法第四十二条）。"
            )
        seen: set[tuple[int, str]] = set()
        for i, cp in enumerate(self.parties):
            key = (int(cp.party_id), cp.role.value)
            if key in seen:
                raise ValidationError(f"parties[{i}]", "同一当事人以同一身份重复列入。")
            seen.add(key)
        on_case = {int(cp.party_id) for cp in self.parties}
        for i, violation in enumerate(self.violations):
            violation.validate(i, today)
            if violation.party_id is not None and violation.party_id not in on_case:
                raise ValidationError(
                    f"violations[{i}].party_id", "违法行为的当事人应为本案当事人。"
                )

    def validate_dates(self, today: dt.date) -> None:
        previous: tuple[str, str, dt.date] | None = None
        for attr, label in KEY_DATES:
            value: dt.date | None = getattr(self, attr)
            if value is None:
                continue
            if value > today:
                raise ValidationError(f"case.{attr}", f"{label}不能晚于今天。")
            if previous is not None and value < previous[2]:
                raise ValidationError(
                    f"case.{attr}",
                    f"{label}（{chinese_date(value)}）不能早于{previous[1]}"
                    f"（{chinese_date(previous[2])}）。",
                )
            previous = (attr, label, value)
