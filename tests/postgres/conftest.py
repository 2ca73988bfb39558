"""A fresh PostgreSQL database per test (``LCREGULATOR_TEST_POSTGRES_URL``), short timeouts."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.fixtures import POSTGRES_ADMIN_URL, drop_database

LOCK_TIMEOUT_MS = 1500


@pytest.fixture
def pg_url(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if not POSTGRES_ADMIN_URL:
        pytest.skip("LCREGULATOR_TEST_POSTGRES_URL is not set")
    monkeypatch.setenv("LCREGULATOR_PG_LOCK_TIMEOUT_MS", str(LOCK_TIMEOUT_MS))
    name = f"lcr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        drop_database(admin, name)
        admin.dispose()
