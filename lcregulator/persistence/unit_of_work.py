"""One unit of work per use case: one transaction, committed whole or not at all.

A save that fails half-way (a bad party among five, a conflict, a crash) rolls back everything
the use case wrote, so the database is exactly as it was before the officer pressed 保存.
"""

from __future__ import annotations

import datetime as dt
from types import TracebackType

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lcregulator.domain.errors import ConflictError

from .credentials_repo import CredentialRepository
from .database import Database
from .documents_repo import DocumentRepository
from .repositories import (
    AuthorityRepository,
    CaseRepository,
    ClueRepository,
    EventRepository,
    EvidenceRepository,
    OfficerRepository,
    PartyRepository,
    SettingRepository,
)
from .summons_repo import SummonsRepository


class UnitOfWork:
    """``with UnitOfWork(db, officer_id, now) as uow: …; uow.commit()``.

    Leaving the block without :meth:`commit` (or by an exception) rolls back.
    """

    session: Session

    def __init__(self, database: Database, officer_id: int | None, now: dt.datetime) -> None:
        self.database = database
        self.officer_id = officer_id
        self.now = now
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        self.session = self.database.session_factory()
        self.session.begin()
        self.settings = SettingRepository(self.session)
        self.authorities = AuthorityRepository(self.session)
        self.officers = OfficerRepository(self.session)
        self.credentials = CredentialRepository(self.session)
        self.parties = PartyRepository(self.session, self.officer_id, self.now)
        self.clues = ClueRepository(self.session)
        self.cases = CaseRepository(self.session, self.officer_id, self.now)
        self.evidence = EvidenceRepository(self.session)
        self.events = EventRepository(self.session)
        self.documents = DocumentRepository(self.session)
        self.summonses = SummonsRepository(self.session)
        return self

    def commit(self) -> None:
        try:
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise ConflictError(
                "记录已被其他用户同时修改，您的修改没有保存。请重新打开后再编辑。"
            ) from exc
        self._committed = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, StaleDataError):
            raise ConflictError(
                "记录已被其他用户同时修改，您的修改没有保存。请重新打开后再编辑。"
            ) from exc
