"""Bounded waits on a shared PostgreSQL server (DESIGN §8), in a module of their own so that the
sign-in dialog's early read (``start_read``) applies them without importing SQLAlchemy."""

from __future__ import annotations

import os

#: Bounded waits on a shared PostgreSQL server (DESIGN §8): nothing an officer does may hang.
#: Each can be overridden with an environment variable of the same name in upper case,
#: prefixed ``LCREGULATOR_PG_`` (milliseconds; seconds for the connect timeout).
PG_CONNECT_TIMEOUT_S = 5
#: A 文号 sequence row or a case row held by another workstation: give up after this long.
PG_LOCK_TIMEOUT_MS = 5_000
#: Reads (register, lists, search) that run longer than this are cancelled.
PG_STATEMENT_TIMEOUT_MS = 60_000
#: A transaction left open (a crashed or suspended workstation) is ended by the server.
PG_IDLE_IN_TRANSACTION_TIMEOUT_MS = 120_000
#: TCP keep-alives: a dead server or a pulled cable is noticed within about a minute.
PG_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def setting(name: str, default: int) -> int:
    """``LCREGULATOR_PG_<name>`` from the environment, else ``default``."""
    value = os.environ.get(f"LCREGULATOR_PG_{name}", "").strip()
    return int(value) if value.isdigit() else default
