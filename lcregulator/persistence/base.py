"""The one typed declarative base, with a constraint naming convention.

Named constraints make Alembic migrations reproducible on SQLite (batch mode must recreate
tables and needs names to drop constraints) and on PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import DateTime, MetaData
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A moment in time: ``timestamptz`` on PostgreSQL, naive UTC text on SQLite; always aware
    UTC in Python.

    PostgreSQL keeps the instant (other SQL tools show it in their own zone, never 8 h off) and
    returns it in the session's zone, which we convert back to UTC; SQLite has no zones, so the
    value is stored as naive UTC and read back as UTC. Either way the timeline's hash chain,
    computed on UTC (:func:`lcregulator.persistence.chain.utc_z`), sees the same instant.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        utc = value.astimezone(dt.UTC)
        return utc if dialect.name == "postgresql" else utc.replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite, or a column not yet migrated
            return value.replace(tzinfo=dt.UTC)  # type: ignore[no-any-return]
        return value.astimezone(dt.UTC)  # type: ignore[no-any-return]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
