"""Bulk reads for the 台账 and the 统计报表: a fixed handful of queries whatever the case count.

Loading 10,000 aggregates through the case repository would cost a query per case; here every
table is read once for the chosen cases (in chunks, so PostgreSQL and SQLite parameter limits
hold) and the plain facts are handed to the pure reporting functions of the domain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lcregulator.domain.cases import CaseStatus, ClueSource
from lcregulator.domain.parties import PartyKind, PartyRole
from lcregulator.domain.reporting import CaseFact, PartyFact, SummonsFact

from . import case_search
from .case_search import CaseQuery
from .rows import (
    CaseArchiveRow,
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    OfficerRow,
    PartyRow,
    SummonsRow,
    ViolationRow,
)

CHUNK = 900


def _chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def case_facts(
    session: Session, query: CaseQuery | None = None, ids: Sequence[int] | None = None
) -> list[CaseFact]:
    """The cases the query selects (in its order), or exactly ``ids``, as reporting facts."""
    stmt = select(
        CaseRow.id,
        CaseRow.case_number,
        CaseRow.title,
        CaseRow.source,
        CaseRow.status,
        CaseRow.received_on,
        CaseRow.filed_on,
        CaseRow.decided_on,
        CaseRow.closed_on,
        CaseRow.next_deadline_on,
        CaseRow.procedure,
        CaseRow.decision_served_on,
    )
    if ids is not None:
        rows: list[Any] = []
        for chunk in _chunks(list(ids)):
            rows += session.execute(stmt.where(CaseRow.id.in_(chunk))).all()
        rows.sort(key=lambda r: r[0])
    else:
        query = query or CaseQuery()
        stmt = case_search.ordered(case_search.filtered(session, query, stmt), query)
        rows = list(session.execute(stmt).all())
    facts = {
        r[0]: CaseFact(
            id=r[0],
            number=r[1] or "",
            title=r[2],
            source=ClueSource(r[3]),
            status=CaseStatus(r[4]),
            received_on=r[5],
            filed_on=r[6],
            decided_on=r[7],
            closed_on=r[8],
            next_deadline_on=r[9],
            procedure=r[10] or {},
            decision_served_on=r[11],
        )
        for r in rows
    }
    all_ids = list(facts)
    for chunk in _chunks(all_ids):
        for case_id, name, kind, uscc, id_number, role in session.execute(
            select(
                CasePartyRow.case_id,
                PartyRow.name,
                PartyRow.kind,
                PartyRow.uscc,
                PartyRow.id_number,
                CasePartyRow.role,
            )
            .join(PartyRow, CasePartyRow.party_id == PartyRow.id)
            .where(CasePartyRow.case_id.in_(chunk))
            .order_by(CasePartyRow.id)
        ):
            facts[case_id].parties.append(
                PartyFact(
                    name,
                    PartyRole(role),
                    kind == PartyKind.NATURAL_PERSON.value,
                    uscc,
                    id_number,
                )
            )
        for case_id, name in session.execute(
            select(CaseOfficerRow.case_id, OfficerRow.name)
            .join(OfficerRow, CaseOfficerRow.officer_id == OfficerRow.id)
            .where(CaseOfficerRow.case_id.in_(chunk))
            .order_by(CaseOfficerRow.case_id, CaseOfficerRow.position)
        ):
            facts[case_id].officers.append(name)
        for case_id, provision_id, assessment in session.execute(
            select(ViolationRow.case_id, ViolationRow.provision_id, ViolationRow.assessment)
            .where(ViolationRow.case_id.in_(chunk))
            .order_by(ViolationRow.id)
        ):
            fact = facts[case_id]
            if provision_id not in fact.provisions:
                fact.provisions.append(provision_id)
            fact.assessments.append(assessment or {})
    return list(facts.values())


def summons_facts(session: Session, authority_id: int | None = None) -> list[SummonsFact]:
    stmt = select(
        SummonsRow.id,
        SummonsRow.case_id,
        PartyRow.name,
        SummonsRow.scheduled_at,
        SummonsRow.outcome,
    ).join(PartyRow, SummonsRow.party_id == PartyRow.id)
    if authority_id is not None:
        stmt = stmt.where(SummonsRow.authority_id == authority_id)
    china = dt.timezone(dt.timedelta(hours=8))
    return [
        SummonsFact(sid, case_id, name, at.astimezone(china).date(), outcome)
        for sid, case_id, name, at, outcome in session.execute(stmt.order_by(SummonsRow.id))
    ]


def archive_of(session: Session, case_id: int) -> CaseArchiveRow | None:
    return session.scalar(select(CaseArchiveRow).where(CaseArchiveRow.case_id == case_id))


def all_archives(session: Session) -> list[CaseArchiveRow]:
    return list(session.scalars(select(CaseArchiveRow).order_by(CaseArchiveRow.id)))
