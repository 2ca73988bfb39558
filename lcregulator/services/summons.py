"""约谈 use cases: record a summons, its outcome, and escalate one that was not rectified."""

from __future__ import annotations

import datetime as dt

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.domain.errors import DomainError
from lcregulator.domain.events import Event
from lcregulator.domain.summons import Outcome, Summons, SummonsHistory

from .context import AppContext
from .setup import OUR_AUTHORITY


def save(ctx: AppContext, summons: Summons) -> Summons:
    officer = ctx.require_officer()
    summons.validate(ctx.today())
    with ctx.unit_of_work() as uow:
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
        party = uow.parties.get(summons.party_id)
        is_new = summons.id is None
        saved = uow.summonses.save(summons, authority_id)
        uow.events.add(
            Event(
                action="summons.saved",
                summary=f"{'登记' if is_new else '修改'}约谈：{party.name}（{summons.departments}）",
                officer_id=officer.id,
                at=uow.now,
                case_id=summons.case_id,
                after={"summons_id": saved.id, "grounds": summons.grounds},
            ),
            party_id=summons.party_id,
        )
        uow.commit()
    return saved


def record_outcome(
    ctx: AppContext, summons_id: int, outcome: Outcome, on: dt.date, note: str = ""
) -> Summons:
    with ctx.unit_of_work() as uow:
        summons = uow.summonses.get(summons_id)
    summons.outcome, summons.outcome_on, summons.outcome_note = outcome, on, note
    return save(ctx, summons)


def escalate(ctx: AppContext, summons_id: int) -> Case:
    """A summons not (fully) rectified opens a clue and a case pre-filled from it, in one step."""
    from . import cases

    with ctx.unit_of_work() as uow:
        summons = uow.summonses.get(summons_id)
        party = uow.parties.get(summons.party_id)
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
    if summons.outcome not in (Outcome.NOT_RECTIFIED, Outcome.PARTLY):
        raise DomainError("只有未整改或者部分整改的约谈才转为案件线索。")
    if summons.escalated_case_id:
        raise DomainError("该约谈已经转为案件线索。")
    role = sorted(party.roles)[0]
    from lcregulator.domain.cases import CaseParty, Clue
    from lcregulator.domain.parties import PartyId

    deadline = summons.rectification_deadline.isoformat() if summons.rectification_deadline else "—"
    summary = (
        f"约谈后未按要求整改：{summons.grounds_text}。约谈要求：{summons.rectification_required}"
        f"（期限 {deadline}）。核查情况：{summons.outcome_note or summons.outcome.label}。"
    )
    case = cases.create_case(
        ctx,
        Case(
            title=f"{party.name}约谈后未整改线索",
            source=ClueSource.MONITORING,
            received_on=summons.outcome_on or ctx.today(),
            authority_id=authority_id,
            summary=summary,
            officer_ids=[],
            parties=[CaseParty(PartyId(summons.party_id), role)],
        ),
        clue=Clue(
            source=ClueSource.MONITORING,
            received_on=summons.outcome_on or ctx.today(),
            summary=summary,
        ),
    )
    summons.escalated_case_id = case.id
    save(ctx, summons)
    return case


def for_party(ctx: AppContext, party_id: int) -> SummonsHistory:
    with ctx.unit_of_work() as uow:
        items = uow.summonses.for_party(party_id)
    bad = sum(1 for s in items if s.outcome in (Outcome.NOT_RECTIFIED, Outcome.PARTLY))
    return SummonsHistory(len(items), bad, tuple(items))


def rectification_due(ctx: AppContext, until: dt.date) -> list[Summons]:
    with ctx.unit_of_work() as uow:
        return uow.summonses.rectification_due(until)
