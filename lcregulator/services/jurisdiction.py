"""Jurisdiction for a case: Art 47 applied to each party, from its places and its links.

A marketer is placed through the live room they appeared in (their ``appears_for`` link); a
room operator on a platform through its ``on_platform`` link, for the platform's domicile.
The conclusion is saved on the case with the law data version, and compared with a fresh
computation every time the case is opened, so a later edit to a party that changes the answer
is flagged instead of silently changing the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lcregulator.domain.authority import Authority
from lcregulator.domain.cases import Case, CaseId
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.jurisdiction import (
    Competence,
    Jurisdiction,
    PartyPlaces,
    competence,
    data_version,
    resolve,
)
from lcregulator.domain.parties import LinkKind, Party, PartyKind, PartyRole

from .context import AppContext


@dataclass(frozen=True)
class PartyJurisdiction:
    party: Party
    role: PartyRole
    result: Jurisdiction | None
    competence: Competence | None
    problem: str = ""  # why it could not be computed (missing place, missing link …)

    def summary(self) -> dict[str, Any]:
        return {
            "party_id": int(self.party.id or 0),
            "role": self.role.value,
            "region": self.result.region if self.result else None,
            "basis": self.result.basis.as_dict() if self.result else None,
            "problem": self.problem,
        }


def places(party: Party, role: PartyRole) -> PartyPlaces:
    return PartyPlaces(
        role=role.value,
        channel=party.channel.value if party.channel else None,
        registered=party.registered,
        domicile=party.domicile.region,
        household_registration=party.household_registration.region
        if party.household_registration
        else None,
        business_place=party.business_place.region if party.business_place else None,
        natural_person=party.kind is PartyKind.NATURAL_PERSON,
    )


def _linked(ctx: AppContext, party: Party, kind: LinkKind) -> list[Party]:
    from . import parties

    ids = [int(link.target_id) for link in party.links if link.kind is kind]
    found = parties.get_parties(ctx, ids)
    return [found[i] for i in ids if i in found]


def for_party(
    ctx: AppContext, party: Party, role: PartyRole, authority: Authority | None
) -> PartyJurisdiction:
    room: Party | None = None
    subject = party
    if role is PartyRole.MARKETER:
        rooms = _linked(ctx, party, LinkKind.APPEARS_FOR)
        if not rooms:
            return PartyJurisdiction(
                party,
                role,
                None,
                None,
                "直播营销人员尚未关联其出镜的直播间运营者，无法依第四十七条第三款确定管辖。",
            )
        room = rooms[0]
        subject = room
    platform_domicile = None
    if subject.channel is not None and subject.channel.value == "platform":
        platforms = _linked(ctx, subject, LinkKind.ON_PLATFORM)
        if platforms:
            platform_domicile = platforms[0].domicile.region
    try:
        result = resolve(
            places(party, role),
            platform_domicile,
            places(room, PartyRole.ROOM_OPERATOR) if room is not None else None,
        )
    except ValidationError as exc:
        return PartyJurisdiction(party, role, None, None, exc.message)
    comp = None
    if authority is not None:
        comp = competence(result, authority.region, authority.name)
    return PartyJurisdiction(party, role, result, comp)


def for_case(ctx: AppContext, case: Case, authority: Authority | None) -> list[PartyJurisdiction]:
    from . import parties

    found = parties.get_parties(ctx, [int(cp.party_id) for cp in case.parties])
    return [
        for_party(ctx, found[int(cp.party_id)], cp.role, authority)
        for cp in case.parties
        if int(cp.party_id) in found
    ]


def snapshot(results: list[PartyJurisdiction]) -> dict[str, Any]:
    return {"law_data_version": data_version(), "parties": [r.summary() for r in results]}


def changed_since_saved(
    case_snapshot: dict[str, Any] | None, results: list[PartyJurisdiction]
) -> bool:
    """True when a saved conclusion no longer matches what the parties now give."""
    if not case_snapshot:
        return False
    return bool(case_snapshot.get("parties") != snapshot(results)["parties"])


def save_conclusion(
    ctx: AppContext, case_id: CaseId, results: list[PartyJurisdiction]
) -> dict[str, Any]:
    """Record the conclusion on the case (one transaction, with an event)."""
    officer = ctx.require_officer()
    snap = snapshot(results)
    with ctx.unit_of_work() as uow:
        uow.cases.set_jurisdiction(case_id, snap)
        regions = "、".join(sorted({p["region"] for p in snap["parties"] if p["region"]}))
        uow.events.add(
            Event(
                action="case.jurisdiction",
                summary=f"确认管辖：{regions or '无法确定'}（依《直播电商监督管理办法》第四十七条，法规数据版本 {snap['law_data_version']}）",
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after=snap,
            )
        )
        uow.commit()
    return snap


def saved_conclusion(ctx: AppContext, case_id: CaseId) -> dict[str, Any] | None:
    with ctx.unit_of_work() as uow:
        return uow.cases.jurisdiction(case_id)
