"""The window's start in two halves: the sign-in dialog at once, the database behind it.

An officer's start is: the program opens, the sign-in dialog asks who is working and their
password, then the register shows. Everything before the dialog is time the officer waits;
the seconds spent choosing a name and typing a password are not. So on the everyday start the
dialog is built from :func:`sign_in_facts` — the bureau and its officers, read with the
standard library (with psycopg alone from a server) — and :class:`Opening` opens the real
database (SQLAlchemy, the schema check) on a worker thread meanwhile.
Signing in waits for it, which is normally long done.

Importing this module must not import SQLAlchemy (``tests/test_start_up_imports.py``).
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from lcregulator.persistence.health import DatabaseProblem as DatabaseProblem
from lcregulator.persistence.paths import Paths, database_url
from lcregulator.persistence.start_read import (
    SignInFacts,
    read_server_facts,
    read_sign_in_facts,
)

if TYPE_CHECKING:
    from .context import AppContext

log = logging.getLogger("lcregulator.start")

__all__ = [
    "DatabaseProblem",
    "Opening",
    "Paths",
    "SignInFacts",
    "last_officer",
    "prepare_register",
    "remember_officer",
    "sign_in_facts",
]


def sign_in_facts(paths: Paths) -> SignInFacts | None:
    """The bureau and its active officers when the database (a local SQLite file, or the
    bureau's PostgreSQL server answering within 3 s) is at the current schema and set up; None
    otherwise (a problem, a first run, an upgrade due: the ordinary start handles those, with
    its explanations)."""
    url = database_url(paths)
    try:
        if url.startswith("sqlite:///"):
            return read_sign_in_facts(Path(url.removeprefix("sqlite:///")), paths)
        if url.startswith("postgresql+psycopg://"):
            return read_server_facts(url)
    except Exception as exc:  # whatever it is, the ordinary start meets it and explains it
        log.info("early start not taken: %s", exc)
    return None


def prepare_register(ctx: AppContext) -> None:
    """Read once what signing in and the register's first paint read (reads only), so that
    their SQL is compiled and their pages are in the cache before the officer presses 登录."""
    from lcregulator.domain.case_list import CaseQuery

    from . import auth, cases, setup

    authority = setup.our_authority(ctx)
    if authority is None or authority.id is None:
        return
    officers = setup.all_officers(ctx, authority.id)
    if officers and officers[0].id is not None:
        auth.has_password(ctx, officers[0].id)
    auth.idle_lock_minutes(ctx)
    cases.count_cases(ctx)
    cases.list_cases(ctx, CaseQuery(), limit=200)


LAST_OFFICER = "last_officer_id"


def last_officer(paths: Paths) -> int | None:
    """The officer who signed in last on this workstation (preselected at the next start)."""
    try:
        value = json.loads(paths.workstation_settings.read_text(encoding="utf-8"))[LAST_OFFICER]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def remember_officer(paths: Paths, officer_id: int) -> None:
    """Remember who signed in, for the next start; a folder that cannot be written only means
    the dialog preselects nobody next time."""
    target = paths.workstation_settings
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(target.name + ".tmp")
        scratch.write_text(json.dumps({LAST_OFFICER: int(officer_id)}), encoding="utf-8")
        os.replace(scratch, target)
    except OSError as exc:
        log.info("last officer not remembered: %s", exc)


class Opening:
    """:func:`~lcregulator.services.bootstrap.open_context` on a worker thread.

    ``then`` runs on the same thread once the database is open (the window's module warm-up);
    its failure is logged, never raised. :meth:`result` waits and returns the context, or
    raises what opening raised (a :class:`DatabaseProblem` the window explains).
    """

    def __init__(self, paths: Paths, then: Callable[[], None] | None = None) -> None:
        self.paths = paths
        self.then = then
        self._done = threading.Event()
        self._ctx: AppContext | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="open-database", daemon=True)

    def start(self) -> None:
        if not self.started:
            self._thread.start()

    @property
    def started(self) -> bool:
        return self._thread.ident is not None

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def _run(self) -> None:
        try:
            from .bootstrap import open_context

            self._ctx = open_context(paths=self.paths)
        except BaseException as exc:  # handed to the UI thread by result()
            self._error = exc
            self._done.set()
            return
        try:
            prepare_register(self._ctx)
            if self.then is not None:
                self.then()
        except Exception:
            log.exception("warm-up after opening the database failed")
        finally:
            self._done.set()

    def result(self, timeout: float | None = None) -> AppContext:
        """The opened context (waiting up to ``timeout`` seconds; None waits for as long as it
        takes); raises what opening raised. Starts the opening if nothing has yet (an
        officer quicker than the dialog's first paint)."""
        self.start()
        if not self._done.wait(timeout):
            raise TimeoutError("the database is still being opened")
        if self._error is not None:
            raise self._error
        assert self._ctx is not None
        return self._ctx
