"""Row ↔ domain object translation, kept apart from the queries that use it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from lcregulator.domain.authority import (
    Authority,
    AuthorityId,
    Officer,
    OfficerId,
    OfficerRole,
    parse_roles,
)
from lcregulator.domain.cases import (
    Case,
    CaseId,
    CaseParty,
    CaseStatus,
    Clue,
    ClueId,
    ClueSource,
    Violation,
)
from lcregulator.domain.events import Event
from lcregulator.domain.evidence import Evidence
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyId,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.domain.procedure import Procedure

if TYPE_CHECKING:
    from lcregulator.domain.assessment import ViolationAssessment

from .rows import (
    AuthorityRow,
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    ClueRow,
    EventRow,
    EvidenceRow,
    LiveAccountRow,
    OfficerRow,
    PartyLinkRow,
    PartyRoleRow,
    PartyRow,
    ViolationRow,
)


class _HasId(Protocol):
    id: Any


ItemT = TypeVar("ItemT", bound=_HasId)
RowT = TypeVar("RowT", bound=_HasId)


def _sync(
    rows: list[RowT],
    items: list[ItemT],
    factory: Callable[[], RowT],
    update: Callable[[ItemT, RowT], None],
) -> None:
    """Make a child collection match ``items``: rows with a known id are updated in place
    (so the session never sees two objects for one primary key), new items get new rows, and
    rows no longer listed are removed (delete-orphan)."""
    by_id = {r.id: r for r in rows}
    result: list[RowT] = []
    for item in items:
        row = by_id.get(item.id) if item.id is not None else None
        if row is None:
            row = factory()
        update(item, row)
        result.append(row)
    rows[:] = result


def authority_from_row(row: AuthorityRow) -> Authority:
    return Authority(
        name=row.name,
        short_name=row.short_name,
        region=row.region,
        address=row.address,
        phone=row.phone,
        id=AuthorityId(row.id),
    )


def authority_to_row(authority: Authority, row: AuthorityRow) -> None:
    row.name = authority.name.strip()
    row.short_name = authority.short_name.strip()
    row.region = authority.region
    row.address = authority.address.strip()
    row.phone = authority.phone.strip()


def officer_from_row(row: OfficerRow) -> Officer:
    return Officer(
        name=row.name,
        role=OfficerRole(row.role),
        badge_number=row.badge_number,
        authority_id=AuthorityId(row.authority_id),
        active=row.active,
        id=OfficerId(row.id),
        extra_roles=parse_roles(row.roles or "") - {OfficerRole(row.role)},
    )


def officer_to_row(officer: Officer, row: OfficerRow) -> None:
    row.name = officer.name.strip()
    row.role = officer.role.value
    row.roles = ",".join(r.value for r in OfficerRole if r in officer.roles)
    row.badge_number = officer.badge_number.strip()
    row.active = officer.active
    if officer.authority_id is not None:
        row.authority_id = officer.authority_id


def _place(region: str | None, address: str | None) -> Place | None:
    if region is None and address is None:
        return None
    return Place(region=region, address=address or "")


def party_from_row(row: PartyRow) -> Party:
    return Party(
        kind=PartyKind(row.kind),
        name=row.name,
        roles={PartyRole(r.role) for r in row.roles},
        uscc=row.uscc,
        id_number=row.id_number,
        legal_representative=row.legal_representative,
        channel=Channel(row.channel) if row.channel else None,
        domicile=Place(region=row.domicile_region, address=row.domicile_address),
        household_registration=_place(row.household_region, row.household_address),
        business_place=_place(row.business_region, row.business_address),
        registered=row.registered,
        phone=row.phone,
        email=row.email,
        accounts=[
            LiveAccount(
                platform=a.platform,
                account_id=a.account_id,
                room_name=a.room_name,
                platform_operator_id=PartyId(a.platform_operator_id)
                if a.platform_operator_id
                else None,
                id=a.id,
            )
            for a in row.accounts
        ],
        links=[
            PartyLink(kind=LinkKind(link.kind), target_id=PartyId(link.target_id), id=link.id)
            for link in row.links
        ],
        version=row.version,
        id=PartyId(row.id),
    )


def party_to_row(party: Party, row: PartyRow) -> None:
    row.kind = party.kind.value
    row.name = party.name.strip()
    row.uscc = party.uscc or None
    row.id_number = party.id_number or None
    row.legal_representative = party.legal_representative.strip()
    row.channel = party.channel.value if party.channel else None
    row.domicile_region = party.domicile.region
    row.domicile_address = party.domicile.address.strip()
    hh, bp = party.household_registration, party.business_place
    row.household_region = hh.region if hh else None
    row.household_address = hh.address if hh else None
    row.business_region = bp.region if bp else None
    row.business_address = bp.address if bp else None
    row.registered = party.registered
    row.phone = party.phone.strip()
    row.email = party.email.strip()
    wanted_roles = {r.value for r in party.roles}
    row.roles[:] = [r for r in row.roles if r.role in wanted_roles]
    for role in sorted(wanted_roles - {r.role for r in row.roles}):
        row.roles.append(PartyRoleRow(role=role))
    _sync(row.accounts, party.accounts, LiveAccountRow, _account_to_row)
    _sync(row.links, party.links, PartyLinkRow, _link_to_row)


def _account_to_row(account: LiveAccount, row: LiveAccountRow) -> None:
    row.platform = account.platform.strip()
    row.account_id = account.account_id.strip()
    row.room_name = account.room_name.strip()
    row.platform_operator_id = account.platform_operator_id


def _link_to_row(link: PartyLink, row: PartyLinkRow) -> None:
    row.kind = link.kind.value
    row.target_id = link.target_id


def clue_from_row(row: ClueRow) -> Clue:
    return Clue(
        source=ClueSource(row.source),
        received_on=row.received_on,
        summary=row.summary,
        reporter=row.reporter,
        reporter_contact=row.reporter_contact,
        registered_by=OfficerId(row.registered_by) if row.registered_by else None,
        case_id=CaseId(row.case_id) if row.case_id else None,
        id=ClueId(row.id),
    )


def clue_to_row(clue: Clue, row: ClueRow) -> None:
    row.source = clue.source.value
    row.received_on = clue.received_on
    row.summary = clue.summary.strip()
    row.reporter = clue.reporter.strip()
    row.reporter_contact = clue.reporter_contact.strip()
    row.registered_by = clue.registered_by
    row.case_id = clue.case_id


CASE_SCALARS = (
    "title",
    "summary",
    "received_on",
    "filed_on",
    "notice_served_on",
    "decided_on",
    "decision_served_on",
    "closed_on",
)


def case_from_row(row: CaseRow) -> Case:
    return Case(
        title=row.title,
        source=ClueSource(row.source),
        received_on=row.received_on,
        authority_id=row.authority_id,
        status=CaseStatus(row.status),
        case_number=row.case_number or "",
        summary=row.summary,
        filed_on=row.filed_on,
        notice_served_on=row.notice_served_on,
        decided_on=row.decided_on,
        decision_served_on=row.decision_served_on,
        closed_on=row.closed_on,
        officer_ids=[OfficerId(o.officer_id) for o in row.officers],
        parties=[
            CaseParty(party_id=PartyId(p.party_id), role=PartyRole(p.role), id=p.id)
            for p in row.parties
        ],
        violations=[
            Violation(
                provision_id=v.provision_id,
                facts=v.facts,
                act_start=v.act_start,
                act_end=v.act_end,
                continuing=v.continuing,
                assessment=_assessment(v.assessment),
                id=v.id,
                party_id=v.party_id,
            )
            for v in row.violations
        ],
        procedure=Procedure.from_json(row.procedure),
        version=row.version,
        updated_by=OfficerId(row.updated_by) if row.updated_by else None,
        id=CaseId(row.id),
    )


def _assessment(stored: dict[str, Any] | None) -> ViolationAssessment | None:
    """The typed 处罚裁量 from its JSON (imported here: listing cases never loads one)."""
    if not stored:
        return None
    from lcregulator.domain.assessment import ViolationAssessment

    return ViolationAssessment.from_json(stored)


def case_to_row(case: Case, row: CaseRow) -> None:
    for attr in CASE_SCALARS:
        value = getattr(case, attr)
        setattr(row, attr, value.strip() if isinstance(value, str) else value)
    row.authority_id = case.authority_id
    row.source = case.source.value
    row.status = case.status.value
    row.case_number = case.case_number.strip() or None
    row.procedure = case.procedure.to_json()
    existing = {o.officer_id: o for o in row.officers}
    row.officers[:] = [
        existing.get(oid) or CaseOfficerRow(officer_id=oid) for oid in case.officer_ids
    ]
    for position, officer_row in enumerate(row.officers):
        officer_row.position = position
    _sync(row.parties, case.parties, CasePartyRow, _case_party_to_row)
    _sync(row.violations, case.violations, ViolationRow, _violation_to_row)


def _case_party_to_row(case_party: CaseParty, row: CasePartyRow) -> None:
    row.party_id = case_party.party_id
    row.role = case_party.role.value


def _violation_to_row(violation: Violation, row: ViolationRow) -> None:
    row.provision_id = violation.provision_id.strip()
    row.facts = violation.facts.strip()
    row.act_start = violation.act_start
    row.act_end = violation.act_end
    row.continuing = violation.continuing
    row.assessment = violation.assessment.to_json() if violation.assessment else None
    row.party_id = violation.party_id


def evidence_from_row(row: EvidenceRow) -> Evidence:
    return Evidence(
        sha256=row.sha256,
        original_name=row.original_name,
        size=row.size,
        media_type=row.media_type,
        captured_at=row.captured_at,
        captured_by=OfficerId(row.captured_by) if row.captured_by else None,
        description=row.description,
        source_url=row.source_url,
        id=row.id,
    )


def event_from_row(row: EventRow) -> Event:
    return Event(
        action=row.action,
        summary=row.summary,
        officer_id=OfficerId(row.officer_id) if row.officer_id else None,
        at=row.at,
        case_id=row.case_id,
        before=dict(row.before or {}),
        after=dict(row.after or {}),
        id=row.id,
    )
