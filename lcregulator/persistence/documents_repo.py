"""文号 allocation and the record of issued documents.

A number is taken with one atomic upsert (``… ON CONFLICT DO UPDATE SET last = last + 1
RETURNING last``) inside the transaction that records the issued document: two officers issuing
at the same moment on PostgreSQL queue on the sequence row, and a transaction that fails gives
its number back, so there are no gaps and no duplicates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from .rows import DocumentSequenceRow, IssuedDocumentRow


@dataclass(frozen=True)
class IssuedDocument:
    id: int
    case_id: int | None
    kind: str
    title: str
    number: str
    issued_on: dt.date
    issued_by: int | None
    pdf_sha256: str
    docx_sha256: str
    replaces_id: int | None
    served_on: dt.date | None
    service_method: str | None
    voided_at: dt.datetime | None = None
    void_reason: str | None = None

    @property
    def voided(self) -> bool:
        return self.voided_at is not None


def _from_row(r: IssuedDocumentRow) -> IssuedDocument:
    return IssuedDocument(
        r.id,
        r.case_id,
        r.kind,
        r.title,
        r.number,
        r.issued_on,
        r.issued_by,
        r.pdf_sha256,
        r.docx_sha256,
        r.replaces_id,
        r.served_on,
        r.service_method,
        r.voided_at,
        r.void_reason,
    )


class DocumentRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def next_number(self, authority_id: int, kind: str, year: int) -> int:
        table = DocumentSequenceRow.__table__
        dialect = self.session.get_bind().dialect.name
        # Imported here: the PostgreSQL dialect package costs ~0.1 s to import, at every start.
        if dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
        stmt = (
            insert(table)  # type: ignore[arg-type]
            .values(authority_id=authority_id, kind=kind, year=year, last=1)
            .on_conflict_do_update(
                index_elements=["authority_id", "kind", "year"],
                set_={"last": table.c.last + 1},
            )
            .returning(table.c.last)
        )
        return int(self.session.execute(stmt).scalar_one())

    def add(self, row: IssuedDocumentRow) -> IssuedDocument:
        self.session.add(row)
        self.session.flush()
        return _from_row(row)

    def for_case(self, case_id: int) -> list[IssuedDocument]:
        rows = self.session.scalars(
            select(IssuedDocumentRow)
            .where(IssuedDocumentRow.case_id == case_id)
            .order_by(IssuedDocumentRow.issued_at, IssuedDocumentRow.id)
        )
        return [_from_row(r) for r in rows]

    def numbers(self, authority_id: int, kind: str, year: int) -> list[int]:
        return list(
            self.session.scalars(
                select(IssuedDocumentRow.seq)
                .where(
                    IssuedDocumentRow.authority_id == authority_id,
                    IssuedDocumentRow.kind == kind,
                    IssuedDocumentRow.year == year,
                    IssuedDocumentRow.seq.is_not(None),
                )
                .order_by(IssuedDocumentRow.seq)
            )
        )

    def void(self, document_id: int, at: dt.datetime, by: int | None, reason: str) -> None:
        row = self.session.get(IssuedDocumentRow, document_id)
        if row is not None:
            row.voided_at, row.voided_by, row.void_reason = at, by, reason
            self.session.flush()

    def record_service(self, document_id: int, on: dt.date, method: str) -> None:
        row = self.session.get(IssuedDocumentRow, document_id)
        if row is not None:
            row.served_on, row.service_method = on, method
            self.session.flush()
