"""约谈 under Art 52 of the Measures: not a penalty, but a record that matters later.

A summons names one or more of the five grounds of Art 52, the party and the responsible person
invited, when and where, the officers (market supervision alone or jointly with the 网信
office), what was said and committed, the rectification required and its deadline, and the
outcome. A party that does not rectify is the next case, and its history weighs on 情节严重
and 从重 — so the outcome is recorded and "not rectified" escalates in one step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .errors import ValidationError
from .statute import measures

ARTICLE = 52


def grounds() -> dict[int, str]:
    """The items of Art 52, numbered as the Measures number them."""
    items = measures().article(ARTICLE).paragraphs[0].items
    return {i + 1: text.split(")", 1)[-1].rstrip(";；。") for i, text in enumerate(items)}


class Outcome(StrEnum):
    RECTIFIED = "rectified"
    PARTLY = "partly"
    NOT_RECTIFIED = "not_rectified"

    @property
    def label(self) -> str:
        return {"rectified": "已整改", "partly": "部分整改", "not_rectified": "未整改"}[self.value]


@dataclass(slots=True)
class Summons:
    party_id: int
    grounds: list[int]
    ground_details: str
    invited_person: str  # the responsible person invited (负责人 / 法定代表人 …)
    scheduled_at: dt.datetime
    place: str
    officer_ids: list[int]
    joint_with_cyberspace: bool = False
    case_id: int | None = None  # None: a supervision matter standing alone
    record: str = ""  # 约谈记录: what was said
    commitments: str = ""
    rectification_required: str = ""
    rectification_deadline: dt.date | None = None
    outcome: Outcome | None = None
    outcome_on: dt.date | None = None
    outcome_note: str = ""
    escalated_case_id: int | None = None
    id: int | None = None

    def validate(self, today: dt.date) -> None:
        known = grounds()
        if not self.grounds:
            raise ValidationError("summons.grounds", "请选择约谈事由（办法第五十二条所列情形）。")
        bad = [g for g in self.grounds if g not in known]
        if bad:
            raise ValidationError("summons.grounds", f"办法第五十二条没有第{bad[0]}项。")
        if 5 in self.grounds and not self.ground_details.strip():
            raise ValidationError("summons.ground_details", "“其他需要约谈的情形”须写明具体情形。")
        if not self.invited_person.strip():
            raise ValidationError("summons.invited_person", "请填写被约谈的负责人。")
        if not self.place.strip():
            raise ValidationError("summons.place", "请填写约谈地点。")
        if len(self.officer_ids) < 2:
            raise ValidationError("summons.officers", "约谈应当由两名以上执法人员进行。")
        if self.rectification_deadline and self.rectification_deadline < self.scheduled_at.date():
            raise ValidationError("summons.rectification_deadline", "整改期限不能早于约谈日期。")
        if self.outcome is not None:
            if not self.record.strip():
                raise ValidationError("summons.record", "记录整改结果前，请先填写约谈记录。")
            if self.outcome_on is None or self.outcome_on > today:
                raise ValidationError(
                    "summons.outcome_on", "整改结果的核查日期不能为空或晚于今天。"
                )
            if self.outcome_on < self.scheduled_at.date():
                raise ValidationError("summons.outcome_on", "核查日期不能早于约谈日期。")

    @property
    def grounds_text(self) -> str:
        known = grounds()
        return "；".join(f"办法第五十二条第{_cn(g)}项：{known[g]}" for g in sorted(self.grounds))

    @property
    def departments(self) -> str:
        return "市场监督管理部门会同网信部门" if self.joint_with_cyberspace else "市场监督管理部门"


def _cn(n: int) -> str:
    from .statute import to_chinese_number

    return to_chinese_number(n)


@dataclass(frozen=True)
class SummonsHistory:
    """A party's past summonses, as the penalty assessment and the officer see them."""

    total: int
    not_rectified: int
    items: tuple[Summons, ...] = field(default=())

    @property
    def weighs_on_discretion(self) -> bool:
        return self.not_rectified > 0
