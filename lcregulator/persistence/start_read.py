"""The sign-in dialog's facts, read with the standard library before SQLAlchemy is loaded.

Every start of the window begins with the sign-in dialog: the bureau and its active officers.
Importing SQLAlchemy and mapping the tables costs more than a whole bare Qt window (issue 20),
so on a local SQLite database these few facts are read here, read-only, with :mod:`sqlite3`;
the full database (SQLAlchemy, the schema check, the upgrade when one is due) is opened on a
worker thread while the officer types the password.

Only the everyday case is answered: a database at the current schema, with our authority and at
least one active officer. Anything else returns None and the caller takes the ordinary path,
which explains a problem or runs the first-run set-up. ``tests/persistence/test_start_read.py``
keeps these queries equal to the repositories' answers.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

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
        found = conn.execute("SELECT value FROM setting WHERE key = ?", (OUR_AUTHORITY,)).fetchone()
        if found is None or not str(found[0]).isdigit():
            return None
        row = conn.execute(
            "SELECT id, name, short_name, region, address, phone FROM authority WHERE id = ?",
            (int(found[0]),),
        ).fetchone()
        if row is None:
            return None
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
            for officer_id, authority_id, name, badge, role, roles, active in conn.execute(
                "SELECT id, authority_id, name, badge_number, role, roles, active FROM officer "
                "WHERE authority_id = ? AND active ORDER BY id",
                (authority.id,),
            )
        ]
    finally:
        conn.close()
    return SignInFacts(authority, officers) if officers else None
