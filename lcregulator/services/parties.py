"""Party use cases: register and edit parties with their accounts and links."""

from __future__ import annotations

from typing import Any

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.events import Event, diff
from lcregulator.domain.identifiers import mask_ric
from lcregulator.domain.parties import Party, PartyId

from .context import AppContext


def _snapshot(party: Party) -> dict[str, Any]:
    return {
        "kind": party.kind.value,
        "name": party.name,
        "roles": sorted(r.value for r in party.roles),
        "uscc": party.uscc,
        "id_number": party.id_number,
        "channel": party.channel.value if party.channel else None,
        "domicile": [party.domicile.region, party.domicile.address],
        "business_place": [party.business_place.region, party.business_place.address]
        if party.business_place
        else None,
        "registered": party.registered,
        "accounts": [[a.platform, a.account_id, a.room_name] for a in party.accounts],
        "links": sorted([link.kind.value, int(link.target_id)] for link in party.links),
    }


def save_party(ctx: AppContext, party: Party) -> Party:
    """Validate (checksums, regions, roles, links) and save in one transaction."""
    officer = ctx.require_officer()
    party.validate()
    with ctx.unit_of_work() as uow:
        targets = uow.parties.get_many([int(link.target_id) for link in party.links])
        for i, link in enumerate(party.links):
            target = targets.get(int(link.target_id))
            if target is None:
                raise ValidationError(f"party.links[{i}]", "关联的当事人不存在。")
            party.check_link_target(i, target)
        before: dict[str, Any] = {}
        if party.id is not None:
            before = _snapshot(uow.parties.get(party.id))
        saved = uow.parties.save(party)
        old, new = diff(before, _snapshot(saved))
        # the timeline shows that the 身份证号 changed, not the number itself
        for snapshot in (old, new):
            if snapshot.get("id_number"):
                snapshot["id_number"] = mask_ric(snapshot["id_number"])
        uow.events.add(
            Event(
                action="party.saved",
                summary=f"{'修改' if before else '登记'}当事人：{saved.name}",
                officer_id=officer.id,
                at=uow.now,
                before=old,
                after=new,
            ),
            party_id=saved.id,
        )
        uow.commit()
    return saved


def get_party(ctx: AppContext, party_id: PartyId) -> Party:
    with ctx.unit_of_work() as uow:
        return uow.parties.get(party_id)


def search_parties(ctx: AppContext, text: str) -> list[Party]:
    with ctx.unit_of_work() as uow:
        return uow.parties.search(text)


def get_parties(ctx: AppContext, party_ids: list[int]) -> dict[int, Party]:
    with ctx.unit_of_work() as uow:
        return uow.parties.get_many(party_ids)
