"""Read-only checks on the database itself and on the file stores beside it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .database import Database
from .rows import CaseArchiveRow, EvidenceRow, IssuedDocumentRow


def referenced_files(session: Session) -> tuple[set[str], set[tuple[str, str]]]:
    """The evidence hashes and the (hash, suffix) document files that rows name."""
    evidence = set(session.scalars(select(EvidenceRow.sha256)))
    documents: set[tuple[str, str]] = set()
    for pdf, docx in session.execute(
        select(IssuedDocumentRow.pdf_sha256, IssuedDocumentRow.docx_sha256)
    ):
        documents.add((pdf, ".pdf"))
        documents.add((docx, ".docx"))
    # the 卷宗 bound at 归档, kept in the same store (issue 21)
    documents.update((sha, ".pdf") for sha in session.scalars(select(CaseArchiveRow.pdf_sha256)))
    return evidence, documents


def quick_check(database: Database) -> list[str]:
    """SQLite's ``PRAGMA quick_check`` (pages, records, indexes; minutes only on huge files);
    the empty list means sound. PostgreSQL keeps its own pages: nothing to check here."""
    if not database.is_sqlite:
        return []
    with database.read_connection() as conn:
        rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
    return [] if rows == ["ok"] else rows
