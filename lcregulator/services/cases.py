"""Case use cases: register, open, edit — each a transaction that leaves an event."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lcregulator.domain.authority import OfficerId
from lcregulator.domain.case_list import CaseQuery, CaseSummary
from lcregulator.domain.cases import Case, CaseId, CaseStatus, Clue, ClueId, ClueSource
from lcregulator.domain.errors import ReadOnlyError, ValidationError
from lcregulator.domain.events import Event, diff
from lcregulator.persistence.unit_of_work import UnitOfWork

from .context import AppContext
from .setup import OUR_AUTHORITY


def _snapshot(case: Case) -> dict[str, Any]:
    """The facts an event compares, as JSON-friendly values."""

    def iso(value: dt.date | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "title": case.title,
        "case_number": case.case_number,
        "status": case.status.value,
        "summary": case.summary,
        "received_on": iso(case.received_on),
        "filed_on": iso(case.filed_on),
        "notice_served_on": iso(case.notice_served_on),
        "decided_on": iso(case.decided_on),
        "decision_served_on": iso(case.decision_served_on),
        "closed_on": iso(case.closed_on),
        "officers": [int(o) for o in case.officer_ids],
        "parties": sorted([int(p.party_id), p.role.value] for p in case.parties),
        "violations": [
            [
                v.provision_id,
                v.facts,
                iso(v.act_start),
                iso(v.act_end),
                v.assessment.summary if v.assessment else None,
            ]
            for v in case.violations
        ],
    }


def _check_references(uow: UnitOfWork, case: Case) -> None:
    """Officers must be ours and hold an 执法证; parties must hold the role they are charged in."""
    for i, officer_id in enumerate(case.officer_ids):
        officer = uow.officers.get(officer_id)
        if officer.authority_id != case.authority_id:
            raise ValidationError(f"case.officers[{i}]", f"{officer.name}不是本机关的执法人员。")
        if not officer.can_enforce:
            raise ValidationError(
                f"case.officers[{i}]", f"{officer.name}没有执法证号，不能承办案件。"
            )
    parties = uow.parties.get_many([int(p.party_id) for p in case.parties])
    for i, case_party in enumerate(case.parties):
        party = parties.get(int(case_party.party_id))
        if party is None:
            raise ValidationError(f"parties[{i}]", "当事人不存在，可能已被删除。")
        if case_party.role not in party.roles:
            raise ValidationError(
                f"parties[{i}].role", f"“{party.name}”未登记为{case_party.role.label}。"
            )


def _stamp(ctx: AppContext, uow: UnitOfWork, case: Case) -> None:
    from .workflow import calendar, stamp

    stamp(uow, case, calendar(ctx), ctx.today())


def register_clue(ctx: AppContext, clue: Clue) -> Clue:
    officer = ctx.require_officer()
    clue.registered_by = officer.id
    clue.validate(ctx.today())
    with ctx.unit_of_work() as uow:
        saved = uow.clues.save(clue)
        uow.events.add(
            Event(
                action="clue.registered",
                summary=f"登记线索（{clue.source.label}）：{clue.summary[:40]}",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()
    return saved


def create_case(
    ctx: AppContext, case: Case, clue: Clue | None = None, *, taken_over: bool = False
) -> Case:
    """Open a case file, from a registered clue or directly (the clue is then recorded too).

    A new case starts at 线索登记 or 核查 and moves only by the declared workflow steps; one
    at a later stage is a file taken over as it stands (``taken_over``: the demo cases, a
    case moved from paper), which the caller must say."""
    officer = ctx.require_officer()
    case.validate(ctx.today())
    with ctx.unit_of_work() as uow:
        ours = uow.settings.get(OUR_AUTHORITY)
        if ours is None or int(ours) != case.authority_id:
            raise ValidationError("case.authority", "只能在本机关登记案件，请先完成机关设置。")
        _check_references(uow, case)
        if case.status not in (CaseStatus.CLUE, CaseStatus.VERIFYING) and not taken_over:
            raise ValidationError(
                "case.status",
                f"新登记的案件从“线索登记”开始，不能直接处于“{case.status.label}”阶段；"
                "办案阶段只能通过“办案操作”中的步骤改变，未作任何修改。",
            )
        saved = uow.cases.add(case)
        _stamp(ctx, uow, saved)
        if clue is not None:
            clue.case_id = saved.id
            clue.registered_by = clue.registered_by or officer.id
            clue.validate(ctx.today())
            uow.clues.save(clue)
        uow.events.add(
            Event(
                action="case.created",
                summary=f"登记案件：{saved.title}",
                officer_id=officer.id,
                at=uow.now,
                case_id=saved.id,
                after=_snapshot(saved),
            )
        )
        uow.commit()
    return saved


def new_case_from_clue(ctx: AppContext, clue: Clue, title: str) -> Case:
    authority_id = _our_authority_id(ctx)
    return Case(
        title=title,
        source=clue.source,
        received_on=clue.received_on,
        authority_id=authority_id,
        summary=clue.summary,
    )


@dataclass(frozen=True)
class ClueEntry:
    """One line of the 线索登记: the clue, and where it went (no case yet: 待核查)."""

    clue: Clue
    case_status: CaseStatus | None
    case_number: str

    @property
    def state(self) -> str:
        return self.case_status.label if self.case_status else "待核查"


def clue_register(ctx: AppContext) -> list[ClueEntry]:
    with ctx.unit_of_work() as uow:
        return [ClueEntry(*row) for row in uow.clues.register()]


def open_clue_case(
    ctx: AppContext, clue_id: ClueId, title: str, officer_ids: list[OfficerId]
) -> Case:
    """Open the case file of a registered clue for 核查, in one transaction.

    The case then goes 核查 → 立案 or 不予立案 through its workflow (程序规定 Arts 18–20); the
    clue keeps pointing at it, so the register shows where every clue went."""
    if not title.strip():
        raise ValidationError("case.title", "请填写案件名称。")
    with ctx.unit_of_work() as uow:
        clue = uow.clues.get(clue_id)
    if clue.case_id is not None:
        raise ValidationError("clue", "该线索已在核查或已处理。")
    case = new_case_from_clue(ctx, clue, title.strip())
    case.officer_ids = list(officer_ids)
    return create_case(ctx, case, clue)


def _our_authority_id(ctx: AppContext) -> int:
    with ctx.unit_of_work() as uow:
        value = uow.settings.get(OUR_AUTHORITY)
    if value is None:
        raise ValidationError("case.authority", "尚未设置本机关信息。")
    return int(value)


def get_case(ctx: AppContext, case_id: CaseId) -> Case:
    with ctx.unit_of_work() as uow:
        return uow.cases.get(case_id)


def update_case(ctx: AppContext, case: Case) -> Case:
    """Save an edited case; refused when archived, invalid, or changed by someone else first."""
    officer = ctx.require_officer()
    if case.id is None:
        raise ValidationError("case", "案件尚未登记。")
    case.validate(ctx.today())
    with ctx.unit_of_work() as uow:
        stored = uow.cases.get(case.id)
        from .workflow import require_case_handler

        require_case_handler(officer, stored, "修改案件")
        if stored.read_only:
            raise ReadOnlyError("案件已归档，不能修改。")
        for name, label in WORKFLOW_FIELDS:
            # a stale copy is refused as a conflict below; only a current one is checked here
            if case.version == stored.version and getattr(case, name) != getattr(stored, name):
                raise ValidationError(
                    f"case.{name}",
                    f"{label}只能通过“办案操作”中的步骤改变（依法定程序并留下记录），未作任何修改。",
                )
        _check_references(uow, case)
        before, after = diff(_snapshot(stored), _snapshot(case))
        saved = uow.cases.update(case)
        _stamp(ctx, uow, saved)
        if before or after:
            uow.events.add(
                Event(
                    action="case.updated",
                    summary="修改案件：" + "、".join(_FIELD_LABELS.get(k, k) for k in after),
                    officer_id=officer.id,
                    at=uow.now,
                    case_id=saved.id,
                    before=before,
                    after=after,
                )
            )
        uow.commit()
    return saved


# What only a workflow step may change: a save of the case form must leave these as they are.
WORKFLOW_FIELDS = (
    ("status", "办案阶段"),
    ("filed_on", "立案日期"),
    ("notice_served_on", "告知书送达日期"),
    ("decided_on", "决定日期"),
    ("decision_served_on", "决定书送达日期"),
    ("closed_on", "结案日期"),
)

_FIELD_LABELS = {
    "title": "案件名称",
    "case_number": "案件编号",
    "status": "状态",
    "summary": "案情摘要",
    "received_on": "线索接收日期",
    "filed_on": "立案日期",
    "notice_served_on": "告知书送达日期",
    "decided_on": "决定日期",
    "decision_served_on": "决定书送达日期",
    "closed_on": "结案日期",
    "officers": "承办人员",
    "parties": "当事人",
    "violations": "违法行为",
}


def list_cases(
    ctx: AppContext, query: CaseQuery | None = None, limit: int = 500, offset: int = 0
) -> list[CaseSummary]:
    with ctx.unit_of_work() as uow:
        return uow.cases.list_summaries(query, limit=limit, offset=offset)


def count_cases(ctx: AppContext, query: CaseQuery | None = None) -> int:
    """Read only: on PostgreSQL the read session carries the statement timeout, so the
    register's count (run after the first page is shown) never runs unbounded; on SQLite it
    neither waits for nor holds the write lock."""
    with ctx.unit_of_work(read_only=True) as uow:
        return uow.cases.count(query)


def timeline(ctx: AppContext, case_id: CaseId) -> list[Event]:
    with ctx.unit_of_work() as uow:
        return uow.events.for_case(case_id)


__all__ = [
    "CaseStatus",
    "ClueSource",
    "create_case",
    "get_case",
    "list_cases",
    "new_case_from_clue",
    "register_clue",
    "timeline",
    "update_case",
]


OPEN_STATUSES = frozenset(
    s for s in CaseStatus if s not in (CaseStatus.CLOSED, CaseStatus.ARCHIVED, CaseStatus.NOT_FILED)
)


def my_open_cases(ctx: AppContext, limit: int = 50) -> list[CaseSummary]:
    """The signed-in officer's open cases, the nearest deadline first (我的待办)."""
    from lcregulator.domain.case_list import SortKey

    officer = ctx.officer
    if officer is None or officer.id is None:
        return []
    query = CaseQuery(
        statuses=OPEN_STATUSES, officer_id=int(officer.id), sort=SortKey.DEADLINE, descending=False
    )
    with ctx.unit_of_work() as uow:
        found = uow.cases.list_summaries(query, limit=limit)
    # cases without a pending deadline go last, whatever the database does with NULLs
    return sorted(
        found, key=lambda s: (s.next_deadline_on is None, s.next_deadline_on or dt.date.min)
    )


def recent_cases(ctx: AppContext, limit: int = 8) -> list[CaseSummary]:
    """The cases the signed-in officer worked on most recently (by the timeline)."""
    from sqlalchemy import func, select

    from lcregulator.persistence.rows import EventRow

    officer = ctx.officer
    if officer is None or officer.id is None:
        return []
    with ctx.unit_of_work() as uow:
        ids = [
            int(case_id)  # type: ignore[arg-type]
            for case_id, _last in uow.session.execute(
                select(EventRow.case_id, func.max(EventRow.at).label("last"))
                .where(EventRow.officer_id == int(officer.id), EventRow.case_id.is_not(None))
                .group_by(EventRow.case_id)
                .order_by(func.max(EventRow.at).desc())
                .limit(limit)
            )
        ]
        by_id = {
            int(s.id): s for s in uow.cases.list_summaries(CaseQuery(), limit=limit, only_ids=ids)
        }
    return [by_id[i] for i in ids if i in by_id]
