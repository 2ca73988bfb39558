"""The sign-in dialog's facts, read with the standard library before SQLAlchemy is loaded.

Every start of the window begins with the sign-in dialog: the bureau and its active officers.
Importing SQLAlchemy and mapping the tables costs more than a whole bare Qt window (issue 20),
so these few facts are read here, read-only: with :mod:`sqlite3` from a local database, with
psycopg alone from the bureau's server; the full database (SQLAlchemy, the schema check, the upgrade when one is due) is opened on a
worker thread while the officer types the password.

Only the everyday case is answered: a database at the current schema, with our authority and at
least one active officer. Anything else returns None and the caller takes the ordinary path,
which explains a problem or runs the first-run set-up. ``tests/persistence/test_start_read.py``
keeps these queries equal to the repositories' answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lcregulator.domain.authority import (
    Authority,
    AuthorityId,
    Officer,
    OfficerId,
    OfficerRole,
    parse_roles,
)

from . import health
from .paths import Paths

OUR_AUTHORITY = "authority_id"  # the setting's key (services.setup.OUR_AUTHORITY)


@dataclass(frozen=True)
class SignInFacts:
    """Who may sign in: the bureau and its active officers, in the repositories' order."""

    authority: Authority
    officers: list[Officer]


def read_sign_in_facts(database: Path, paths: Paths | None = None) -> SignInFacts | None:
    """The facts from the SQLite file ``database``, or None when the everyday path does not
    apply (missing, empty, behind or ahead of this program, not set up, no active officer).

    Raises :class:`health.DatabaseProblem` for a file that must not be touched (the caller may
    leave the explanation to the ordinary path); writes nothing.
    """
    revision = health.check_sqlite(database, paths)
    if revision is None or revision != health.known_revisions()[1]:
        return None
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return _facts(lambda sql, args: conn.execute(sql.replace("%s", "?"), args).fetchall())
    finally:
        conn.close()


def read_server_facts(url: str, timeout_s: int = 3) -> SignInFacts | None:
    """The same facts from the bureau's PostgreSQL server (``postgresql+psycopg://…``), read
    with psycopg alone in one short read-only transaction; None when the server does not answer
    within ``timeout_s`` or the schema is not this program's current one (the ordinary start
    then explains, with its ways out)."""
    import psycopg

    from .pg_settings import PG_CONNECT_TIMEOUT_S, PG_KEEPALIVES, setting

    conninfo = "postgresql://" + url.split("://", 1)[1]
    if "options=" in conninfo:  # the bureau's own server options: leave them to the full open
        return None
    timeout_s = min(timeout_s, setting("CONNECT_TIMEOUT_S", PG_CONNECT_TIMEOUT_S))
    keepalives: dict[str, Any] = dict(PG_KEEPALIVES)  # a stalled network is noticed
    with psycopg.connect(
        conninfo,
        connect_timeout=timeout_s,
        application_name="lcregulator/sign-in",
        options=f"-c statement_timeout={timeout_s * 1000} -c default_transaction_read_only=on",
        **keepalives,
    ) as conn:
        found = conn.execute("SELECT to_regclass('alembic_version')").fetchone()
        if found is None or found[0] is None:
            return None
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if len(rows) != 1 or rows[0][0] != health.known_revisions()[1]:
            return None
        return _facts(lambda sql, args: conn.execute(sql, args).fetchall())


def _facts(query: Callable[[str, tuple[object, ...]], list[Any]]) -> SignInFacts | None:
    found = query("SELECT value FROM setting WHERE key = %s", (OUR_AUTHORITY,))
    if not found or not str(found[0][0]).isdigit():
        return None
    rows = query(
        "SELECT id, name, short_name, region, address, phone FROM authority WHERE id = %s",
        (int(found[0][0]),),
    )
    if not rows:
        return None
    row = rows[0]
    authority = Authority(
        name=row[1],
        short_name=row[2],
        region=row[3],
        address=row[4] or "",
        phone=row[5] or "",
        id=AuthorityId(row[0]),
    )
    officers = [
        Officer(
            name=name,
            role=OfficerRole(role),
            badge_number=badge or "",
            authority_id=AuthorityId(authority_id),
            active=bool(active),
            id=OfficerId(officer_id),
            extra_roles=parse_roles(roles or "") - {OfficerRole(role)},
        )
        for officer_id, authority_id, name, badge, role, roles, active in query(
            "SELECT id, authority_id, name, badge_number, role, roles, active FROM officer "
            "WHERE authority_id = %s AND active ORDER BY id",
            (authority.id,),
        )
    ]
    return SignInFacts(authority, officers) if officers else None
