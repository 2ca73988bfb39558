"""One unit of work per use case: one transaction, committed whole or not at all.

A save that fails half-way (a bad party among five, a conflict, a crash) rolls back everything
the use case wrote, so the database is exactly as it was before the officer pressed 保存.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from types import TracebackType

from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lcregulator.domain.errors import ConflictError

from .credentials_repo import CredentialRepository
from .database import Database, is_busy, server_problem
from .documents_repo import DocumentRepository
from .health import DatabaseProblem, Problem, write_failure
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

KEPT = "刚才的操作没有保存；您填写的内容仍保留在窗口中，连接恢复后再保存即可。"


def kept(problem: DatabaseProblem) -> DatabaseProblem:
    """A server that could not be reached while saving: say that nothing was saved and that
    what the officer typed is still there (the form stays open)."""
    if problem.problem is not Problem.UNREACHABLE or "保留" in problem.message:
        return problem
    return DatabaseProblem(problem.problem, problem.message + KEPT, problem.location)


class UnitOfWork:
    """``with UnitOfWork(db, officer_id, now) as uow: …; uow.commit()``.

    Leaving the block without :meth:`commit` (or by an exception) rolls back.
    """

    session: Session

    #: Further attempts at BEGIN after SQLite's busy timeout ran out, with jittered backoff:
    #: a queue of eight writers each rendering a document can outlast one timeout.
    BEGIN_RETRIES = 6

    def __init__(
        self,
        database: Database,
        officer_id: int | None,
        now: dt.datetime,
        *,
        read_only: bool = False,
    ) -> None:
        self.database = database
        self.officer_id = officer_id
        self.now = now
        self.read_only = read_only
        self._committed = False

    def _begin(self) -> Session:
        """Open the transaction; on SQLite this takes the write lock now (BEGIN IMMEDIATE), so
        a busy database is met here, before anything was read or written, where a retry is
        always safe."""
        # A unit of work opened inside another on the same thread (a look-up in the middle of a
        # save) reads beside the outer one: waiting for the outer's lock would wait forever.
        nested = self.database.open_units() > 0
        factory = (
            self.database.read_session_factory
            if self.read_only or nested
            else self.database.session_factory
        )
        for attempt in range(self.BEGIN_RETRIES + 1):
            session = factory()
            try:
                session.begin()
                session.connection()  # BEGIN runs here
                return session
            except OperationalError as exc:
                session.close()
                problem = write_failure(exc, self.database.location) or server_problem(
                    exc, self.database
                )
                if problem is not None:
                    raise (problem if self.read_only else kept(problem)) from exc
                if not is_busy(exc) or attempt == self.BEGIN_RETRIES:
                    raise
                time.sleep(min(2.0, 0.05 * 2**attempt) * (0.5 + random.random()))
        raise AssertionError("unreachable")

    def __enter__(self) -> UnitOfWork:
        self.session = self._begin()
        self.database.enter_unit()
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
        except DBAPIError as exc:
            self.session.rollback()
            problem = write_failure(exc, self.database.location) or server_problem(
                exc, self.database
            )
            if problem is None:
                raise
            raise kept(problem) from exc
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
            self.database.leave_unit()
        if isinstance(exc, DBAPIError):
            problem = write_failure(exc, self.database.location) or server_problem(
                exc, self.database
            )
            if problem is not None:  # a read-only folder, a full disk: said, not a traceback
                raise (problem if self.read_only else kept(problem)) from exc
        if isinstance(exc, StaleDataError):
            raise ConflictError(
                "记录已被其他用户同时修改，您的修改没有保存。请重新打开后再编辑。"
            ) from exc
