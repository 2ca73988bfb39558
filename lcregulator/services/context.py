"""What every use case needs: the database, the file folders, the officer, and the clock.

"Today" is injected (never read inside the rules), so tests and the deadline engine can fix it.

Importing this module must stay cheap: the sign-in dialog imports it before SQLAlchemy is
loaded (issue 20), so the database, file-store and unit-of-work modules are imported where
they are used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from lcregulator.domain.authority import Officer
from lcregulator.domain.errors import DomainError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.persistence.paths import Paths

if TYPE_CHECKING:
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.file_store import DatabaseFileStore, LocalFolderStore
    from lcregulator.persistence.unit_of_work import UnitOfWork


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)


@dataclass
class FixedClock:
    """A clock for tests and for replaying a scenario."""

    instant: dt.datetime

    def now(self) -> dt.datetime:
        return self.instant


@dataclass
class AppContext:
    database: Database
    paths: Paths
    clock: Clock = field(default_factory=SystemClock)
    officer: Officer | None = None  # who is at the keyboard; set at start

    def today(self) -> dt.date:
        """Today in Beijing time, whatever the workstation's zone (deadlines are Chinese dates)."""
        return self.clock.now().astimezone(CHINA_TZ).date()

    @property
    def evidence_store(self) -> LocalFolderStore | DatabaseFileStore:
        """Evidence files: this workstation's folder, or the bureau's database (DESIGN §8)."""
        from lcregulator.persistence.file_store import open_store

        return open_store(self.database, "evidence", self.paths.evidence)

    @property
    def document_store(self) -> LocalFolderStore | DatabaseFileStore:
        from lcregulator.persistence.file_store import open_store

        return open_store(self.database, "documents", self.paths.documents)

    def unit_of_work(self, *, read_only: bool = False) -> UnitOfWork:
        """A transaction; ``read_only`` ones begin DEFERRED on SQLite (they never wait for,
        nor hold, the write lock)."""
        from lcregulator.persistence.unit_of_work import UnitOfWork

        officer_id = self.officer.id if self.officer else None
        self.database.officer_name = self.officer.name if self.officer else None
        return UnitOfWork(self.database, officer_id, self.clock.now(), read_only=read_only)

    def require_officer(self) -> Officer:
        if self.officer is None or self.officer.id is None:
            raise DomainError("请先选择当前使用系统的执法人员。")
        return self.officer
