"""What every use case needs: the database, the file folders, the officer, and the clock.

"Today" is injected (never read inside the rules), so tests and the deadline engine can fix it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from lcregulator.domain.authority import Officer
from lcregulator.domain.errors import DomainError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.persistence.database import Database
from lcregulator.persistence.file_store import LocalFolderStore
from lcregulator.persistence.paths import Paths
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
    def evidence_store(self) -> LocalFolderStore:
        return LocalFolderStore(self.paths.evidence)

    @property
    def document_store(self) -> LocalFolderStore:
        return LocalFolderStore(self.paths.documents)

    def unit_of_work(self) -> UnitOfWork:
        officer_id = self.officer.id if self.officer else None
        return UnitOfWork(self.database, officer_id, self.clock.now())

    def require_officer(self) -> Officer:
        if self.officer is None or self.officer.id is None:
            raise DomainError("请先选择当前使用系统的执法人员。")
        return self.officer
