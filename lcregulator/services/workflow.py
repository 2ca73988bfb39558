"""Workflow use cases: run a guarded step on a case, compute its deadlines, list what is due.

Every step is one transaction: the case (with its version check), its next pending deadline
for the warning page, and an event naming the officer and quoting the step's warnings.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from lcregulator.domain import workflow_steps as steps
from lcregulator.domain.authority import Officer, OfficerRole, require_role
from lcregulator.domain.cases import Case, CaseId, CaseStatus
from lcregulator.domain.deadlines import Deadline, compute, next_pending
from lcregulator.domain.errors import PermissionDenied, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.workdays import WorkCalendar
from lcregulator.domain.workflow import Change, Context, run
from lcregulator.persistence.rows import CaseRow
from lcregulator.persistence.unit_of_work import UnitOfWork

from .context import AppContext
from .setup import OUR_AUTHORITY

if TYPE_CHECKING:  # the engines are imported where used: the due page needs neither at start
    from lcregulator.domain.referral import ReferralInput, ReferralResult

REFERRAL_CLOCKS = {
    "referral_decision",
    "referral_transfer",
    "referral_reconsideration",
    "procuratorate_supervision",
}
SCHEDULE_KEY = "workdays."  # + year: {"holidays": [...], "workdays": [...]}

# Who may take each step, checked here before anything is read for writing, whichever screen
# or command asked: the 负责人 approves (程序规定 Arts 18, 57, 67; 行政处罚法 Art 57), the 法制审核
# 人员 records the 法制审核 (行政处罚法 Art 58), and every other step is for the 承办人 of the
# case. Both come from the step declarations (``domain.workflow_steps``), as the engine's do.
APPROVALS = steps.approvals()
REVIEWS = steps.reviews()


def calendar(ctx: AppContext) -> WorkCalendar:
    """chinese-calendar plus any schedule an administrator loaded for later years."""
    cal = WorkCalendar()
    with ctx.unit_of_work() as uow:
        schedules = uow.settings.with_prefix(SCHEDULE_KEY)  # one query: this runs at start
        for year in range(2027, 2040):
            raw = schedules.get(f"{SCHEDULE_KEY}{year}")
            if raw:
                data = json.loads(raw)
                cal.load_year(
                    year,
                    [dt.date.fromisoformat(d) for d in data["holidays"]],
                    [dt.date.fromisoformat(d) for d in data["workdays"]],
                )
    return cal


def load_year_schedule(
    ctx: AppContext, year: int, holidays: list[dt.date], workdays: list[dt.date]
) -> None:
    """Store the State Council's published schedule for a year chinese-calendar lacks."""
    for field, days in (("holidays", holidays), ("workdays", workdays)):
        for day in days:
            if day.year != year:
                raise ValidationError(field, f"{day.isoformat()} 不在{year}年。")
    officer = require_role(ctx.officer, "载入节假日安排", OfficerRole.ADMIN)
    with ctx.unit_of_work() as uow:
        uow.settings.set(
            f"{SCHEDULE_KEY}{year}",
            json.dumps(
                {
                    "holidays": sorted(d.isoformat() for d in holidays),
                    "workdays": sorted(d.isoformat() for d in workdays),
                }
            ),
        )
        uow.events.add(
            Event(
                action="calendar.loaded",
                summary=f"载入{year}年节假日安排：放假{len(holidays)}天，调休上班{len(workdays)}天",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()


def case_deadlines(ctx: AppContext, case: Case, cal: WorkCalendar | None = None) -> list[Deadline]:
    cal = cal or calendar(ctx)
    return compute(case.procedure.dates(case.events()), cal, ctx.today())


def stamp(uow: UnitOfWork, case: Case, cal: WorkCalendar, today: dt.date) -> None:
    """Store the case's next pending deadline for the warning page and the overdue filter."""
    assert case.id is not None
    dates = case.procedure.dates(case.events())
    deadlines = compute(dates, cal, today)
    if case.status is CaseStatus.REFERRED:  # only the referral clocks still run
        deadlines = [d for d in deadlines if d.id in REFERRAL_CLOCKS]
    nxt = next_pending(deadlines, case.status is CaseStatus.SUSPENDED)
    if case.status in (
        CaseStatus.CLOSED,
        CaseStatus.ARCHIVED,
        CaseStatus.NOT_FILED,
        CaseStatus.TRANSFERRED,
    ):
        nxt = None
    uow.cases.set_next_deadline(case.id, nxt.due if nxt else None, nxt.id if nxt else None)


def authorize_step(officer: Officer | None, case: Case, command: str) -> Officer:
    """Refuse (``PermissionDenied``, nothing written) unless ``officer`` may take ``command``."""
    if command in APPROVALS:
        what = APPROVALS[command]
        who = require_role(officer, what, OfficerRole.HEAD)
        return who
    if command in REVIEWS:
        return require_role(officer, REVIEWS[command], OfficerRole.REVIEWER)
    return require_case_handler(officer, case, "办理本案")


def require_case_handler(officer: Officer | None, case: Case, what: str) -> Officer:
    """One of the case's investigating officers (any 承办人 while none is assigned yet)."""
    if officer is not None and officer.id is not None and officer.id in case.officer_ids:
        return officer
    who = require_role(officer, what, OfficerRole.HANDLER)
    if case.officer_ids:
        raise PermissionDenied(
            f"{what}须由本案的承办人办理，{who.name}不是“{case.title}”的承办人，未作任何修改。",
            (OfficerRole.HANDLER.value,),
        )
    return who


def apply(
    ctx: AppContext, case_id: CaseId, command: str, on: dt.date, **kwargs: Any
) -> tuple[Case, Change]:
    """Run one workflow step as the signed-in officer, on date ``on``.

    Filing or deciding a case the 管辖 analysis says this bureau is not competent for needs
    ``jurisdiction_reason`` (recorded in the event); otherwise it is refused."""
    if command == "archive":  # 归档 binds and keeps the 卷宗 in the same transaction
        from .archive import archive_case

        retention = str(kwargs.get("retention") or "").strip() or None
        archived, archive_change, _ = (
            archive_case(ctx, case_id, retention) if retention else archive_case(ctx, case_id)
        )
        return archived, archive_change
    officer = ctx.require_officer()
    cal = calendar(ctx)
    reason = str(kwargs.pop("jurisdiction_reason", "") or "").strip()
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
    declared = steps.step_for(command, kwargs)
    competence = declared is not None and declared.competence
    not_competent = not_competent_parties(ctx, case) if competence else []
    if not_competent:
        if not reason:
            raise ValidationError(
                "jurisdiction_reason",
                "管辖分析认为本局对"
                + "、".join(not_competent)
                + "不具有管辖权：应当移送有管辖权的机关，或者写明本局仍然办理的理由。",
            )
    else:
        reason = ""
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        authorize_step(officer, case, command)
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
        officers = {
            int(o.id): o for o in uow.officers.list(authority_id, active_only=False) if o.id
        }
        new, change = run(command, case, Context(officer, on, ctx.today(), officers, cal), **kwargs)
        saved = uow.cases.update(new)
        stamp(uow, saved, cal, ctx.today())
        summary = change.summary + (
            "；注意：" + "；".join(change.warnings) if change.warnings else ""
        )
        if reason:
            summary += f"；管辖说明：{reason}"
        uow.events.add(
            Event(
                action=f"workflow.{command}",
                summary=summary,
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                before={"status": change.before.value},
                after={"status": change.after.value, "on": on.isoformat()},
            )
        )
        uow.commit()
    return saved, change


def not_competent_parties(ctx: AppContext, case: Case) -> list[str]:
    """Names of the parties the 管辖 analysis (办法 Art 47) puts outside this bureau."""
    from . import jurisdiction, setup

    authority = setup.our_authority(ctx)
    if authority is None or not case.parties:
        return []
    return [
        item.party.name
        for item in jurisdiction.for_case(ctx, case, authority)
        if item.competence is not None and not item.competence.competent
    ]


@dataclass(frozen=True)
class DueItem:
    case_id: CaseId
    case_number: str
    title: str
    status: CaseStatus
    deadline_id: str
    label: str
    due: dt.date
    working_days_left: int  # negative when overdue
    basis: str


def due_soon(ctx: AppContext, within_working_days: int) -> list[DueItem]:
    """Cases whose next deadline is overdue or due within the given working days."""
    from lcregulator.domain.deadlines import catalogue

    cal = calendar(ctx)
    today = ctx.today()
    until = cal.add_workdays(today, within_working_days)
    rules = {r.id: r for r in catalogue()[0]}
    with ctx.unit_of_work() as uow:
        rows = uow.cases.due_within(until)
    items = []
    for case_id, number, title, status, due, deadline_id in rows:
        rule = rules.get(deadline_id)
        items.append(
            DueItem(
                case_id=CaseId(case_id),
                case_number=number,
                title=title,
                status=CaseStatus(status),
                deadline_id=deadline_id,
                label=rule.label if rule else deadline_id,
                due=due,
                working_days_left=cal.workdays_between(today, due),
                basis=rule.basis.text if rule else "",
            )
        )
    return items


def screen_referral(
    ctx: AppContext, case_id: CaseId, inp: ReferralInput
) -> tuple[Case, ReferralResult]:
    """Check the case's figures against the prosecution thresholds and keep the result on it."""
    from lcregulator.domain.referral import screen

    officer = ctx.require_officer()
    result = screen(inp)
    with ctx.unit_of_work() as uow:
        case = uow.cases.get(case_id)
        case.procedure.referral_screening = {
            "conduct": inp.conduct,
            "party_type": inp.party_type,
            "figures": {k: str(v) for k, v in inp.figures.items() if v is not None},
            "flags": dict(inp.flags),
            "result": result.as_dict(),
        }
        saved = uow.cases.update(case)
        crimes = "、".join(c.name for c in result.crimes) or "未达到追诉标准"
        uow.events.add(
            Event(
                action="referral.screened",
                summary=f"核对追诉标准：{crimes}",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={"indicated": result.referral_indicated},
            )
        )
        uow.commit()
    return saved, result


def next_case_number(ctx: AppContext, authority_id: int, year: int) -> str:
    """The 立案编号 after the highest this authority gave this year: 杭西市监立〔2026〕16号.

    A suggestion for the filing form (the officer may change it); the database's unique
    constraint still refuses a number already taken."""
    with ctx.unit_of_work() as uow:
        authority = uow.authorities.get(authority_id)
        prefix = f"{authority.short_name}立〔{year}〕"
        numbers = uow.session.scalars(
            select(CaseRow.case_number).where(
                CaseRow.authority_id == authority_id, CaseRow.case_number.like(prefix + "%")
            )
        ).all()
    pattern = re.compile(re.escape(prefix) + r"(\d+)号$")
    taken = [int(m.group(1)) for n in numbers if n and (m := pattern.search(n))]
    return f"{prefix}{max(taken, default=0) + 1}号"


def step_form(ctx: AppContext, case: Case, step_id: str) -> steps.StepForm:
    """The form of a step as ``case`` needs it (the case window builds its dialog from it).

    The declaration gives the inputs and their defaults; this adds what only the database
    knows: the next 立案编号, the documents issued on the case, and the parties the 管辖
    analysis puts outside this bureau (a step that decides the case then needs a reason)."""
    declared = steps.step(step_id)
    names = {i.name for i in declared.inputs}
    number = ""
    if "case_number" in names and not case.case_number:
        number = next_case_number(ctx, case.authority_id, ctx.today().year)
    issued: tuple[tuple[str, str], ...] = ()
    if case.id is not None and any(i.kind is steps.InputKind.DOCUMENT for i in declared.inputs):
        from .documents import issued as issued_documents

        issued = tuple(
            (d.kind, f"{d.title}（{d.number}）" if d.number else d.title)
            for d in issued_documents(ctx, case.id)
            if not d.voided  # a voided 文书 is never served
        )
    outside = tuple(not_competent_parties(ctx, case)) if declared.competence else ()
    return steps.form(declared, case, steps.CaseFacts(number, issued), outside)
