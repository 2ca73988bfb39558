"""Summonses (约谈) stored and read back as domain objects."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from lcregulator.domain.errors import NotFoundError
from lcregulator.domain.summons import Outcome, Summons

from .rows import SummonsRow


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def _from_row(r: SummonsRow) -> Summons:
    return Summons(
        party_id=r.party_id,
        grounds=_ints(r.grounds),
        ground_details=r.ground_details,
        invited_person=r.invited_person,
        scheduled_at=r.scheduled_at,
        place=r.place,
        officer_ids=_ints(r.officer_ids),
        joint_with_cyberspace=r.joint_with_cyberspace,
        case_id=r.case_id,
        record=r.record,
        commitments=r.commitments,
        rectification_required=r.rectification_required,
        rectification_deadline=r.rectification_deadline,
        outcome=Outcome(r.outcome) if r.outcome else None,
        outcome_on=r.outcome_on,
        outcome_note=r.outcome_note,
        escalated_case_id=r.escalated_case_id,
        id=r.id,
    )


class SummonsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def save(self, s: Summons, authority_id: int) -> Summons:
        row = self.session.get(SummonsRow, s.id) if s.id else SummonsRow(authority_id=authority_id)
        if row is None:
            raise NotFoundError(f"约谈（编号 {s.id}）不存在。")
        row.case_id = s.case_id
        row.party_id = s.party_id
        row.grounds = ",".join(str(g) for g in sorted(s.grounds))
        row.ground_details = s.ground_details.strip()
        row.invited_person = s.invited_person.strip()
        row.scheduled_at = s.scheduled_at
        row.place = s.place.strip()
        row.officer_ids = ",".join(str(i) for i in s.officer_ids)
        row.joint_with_cyberspace = s.joint_with_cyberspace
        row.record = s.record.strip()
        row.commitments = s.commitments.strip()
        row.rectification_required = s.rectification_required.strip()
        row.rectification_deadline = s.rectification_deadline
        row.outcome = s.outcome.value if s.outcome else None
        row.outcome_on = s.outcome_on
        row.outcome_note = s.outcome_note.strip()
        row.escalated_case_id = s.escalated_case_id
        if row.id is None:
            self.session.add(row)
        self.session.flush()
        return _from_row(row)

    def get(self, summons_id: int) -> Summons:
        row = self.session.get(SummonsRow, summons_id)
        if row is None:
            raise NotFoundError(f"约谈（编号 {summons_id}）不存在。")
        return _from_row(row)

    def for_party(self, party_id: int) -> list[Summons]:
        rows = self.session.scalars(
            select(SummonsRow)
            .where(SummonsRow.party_id == party_id)
            .order_by(SummonsRow.scheduled_at)
        )
        return [_from_row(r) for r in rows]

    def for_case(self, case_id: int) -> list[Summons]:
        rows = self.session.scalars(
            select(SummonsRow)
            .where(SummonsRow.case_id == case_id)
            .order_by(SummonsRow.scheduled_at)
        )
        return [_from_row(r) for r in rows]

    def rectification_due(self, until: dt.date) -> list[Summons]:
        rows = self.session.scalars(
            select(SummonsRow)
            .where(
                SummonsRow.outcome.is_(None),
                SummonsRow.rectification_deadline.is_not(None),
                SummonsRow.rectification_deadline <= until,
            )
            .order_by(SummonsRow.rectification_deadline)
        )
        return [_from_row(r) for r in rows]
