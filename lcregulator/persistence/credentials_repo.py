"""Officers' credentials: the stored hash and the lockout counters, one row per officer."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from .rows import CredentialRow, OfficerRow


@dataclass(slots=True)
class Credential:
    officer_id: int
    password_hash: str | None
    must_change: bool
    failed_attempts: int
    locked_until: dt.datetime | None
    changed_at: dt.datetime | None


def _from_row(row: CredentialRow) -> Credential:
    return Credential(
        officer_id=row.officer_id,
        password_hash=row.password_hash,
        must_change=row.must_change,
        failed_attempts=row.failed_attempts,
        locked_until=row.locked_until,
        changed_at=row.changed_at,
    )


class CredentialRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _row(self, officer_id: int) -> CredentialRow:
        row = self.session.get(CredentialRow, officer_id)
        if row is None:
            row = CredentialRow(
                officer_id=officer_id,
                password_hash=None,
                must_change=False,
                failed_attempts=0,
                locked_until=None,
                changed_at=None,
            )
            self.session.add(row)
            self.session.flush()
        return row

    def get(self, officer_id: int, *, for_update: bool = False) -> Credential | None:
        """``for_update``: lock the row until the unit of work ends (PostgreSQL; SQLite's
        units of work that write hold the database's lock already)."""
        row = self.session.get(CredentialRow, officer_id, with_for_update=for_update)
        return _from_row(row) if row else None

    def set_password_hash(
        self, officer_id: int, password_hash: str, *, must_change: bool, now: dt.datetime
    ) -> None:
        row = self._row(officer_id)
        row.password_hash = password_hash
        row.must_change = must_change
        row.failed_attempts = 0
        row.locked_until = None
        row.changed_at = now
        self.session.flush()

    def count_failure(self, officer_id: int) -> int:
        """One more wrong try, counted in the database so two windows cannot each get five."""
        self._row(officer_id)
        self.session.execute(
            update(CredentialRow)
            .where(CredentialRow.officer_id == officer_id)
            .values(failed_attempts=CredentialRow.failed_attempts + 1)
        )
        self.session.flush()
        return int(
            self.session.scalar(
                select(CredentialRow.failed_attempts).where(CredentialRow.officer_id == officer_id)
            )
            or 0
        )

    def lock(self, officer_id: int, until: dt.datetime) -> None:
        row = self._row(officer_id)
        row.locked_until = until
        row.failed_attempts = 0
        self.session.flush()

    def clear_failures(self, officer_id: int) -> None:
        row = self.session.get(CredentialRow, officer_id)
        if row is not None and (row.failed_attempts or row.locked_until is not None):
            row.failed_attempts = 0
            row.locked_until = None
            self.session.flush()

    def admins_with_password(self) -> int:
        """How many active administrators can sign in (none right after an upgrade)."""
        return int(
            self.session.scalar(
                select(func.count())
                .select_from(CredentialRow)
                .join(OfficerRow, OfficerRow.id == CredentialRow.officer_id)
                .where(
                    OfficerRow.active.is_(True),
                    OfficerRow.roles.contains("admin"),
                    CredentialRow.password_hash.is_not(None),
                )
            )
            or 0
        )
