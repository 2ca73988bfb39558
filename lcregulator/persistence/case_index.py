"""Every case in one pass, with its party and document counts (``lcregulator case list``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .rows import CasePartyRow, CaseRow, IssuedDocumentRow


@dataclass(frozen=True, slots=True)
class CaseIndexRow:
    id: int
    number: str | None
    title: str
    status: str
    parties: int
    documents: int
    updated: dt.datetime


def case_index(session: Session, status: str | None = None) -> Iterator[CaseIndexRow]:
    """Grouped counts as scalar sub-queries: one query whatever the number of cases."""
    parties = (
        select(func.count(func.distinct(CasePartyRow.party_id)))
        .where(CasePartyRow.case_id == CaseRow.id)
        .scalar_subquery()
    )
    documents = (
        select(func.count(IssuedDocumentRow.id))
        .where(IssuedDocumentRow.case_id == CaseRow.id)
        .scalar_subquery()
    )
    query = select(
        CaseRow.id,
        CaseRow.case_number,
        CaseRow.title,
        CaseRow.status,
        parties,
        documents,
        CaseRow.updated_at,
    ).order_by(CaseRow.id)
    if status is not None:
        query = query.where(CaseRow.status == status)
    for row in session.execute(query).yield_per(1000):
        updated = row[6]
        yield CaseIndexRow(
            id=row[0],
            number=row[1] or None,
            title=row[2],
            status=row[3],
            parties=int(row[4] or 0),
            documents=int(row[5] or 0),
            updated=updated.replace(tzinfo=dt.UTC) if updated.tzinfo is None else updated,
        )
