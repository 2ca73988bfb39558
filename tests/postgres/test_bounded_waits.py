"""Bounded waits on a shared PostgreSQL server: a stalled workstation holding the 文号 sequence
makes another issuer fail within the lock timeout, with a Chinese message naming who holds it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from lcregulator.persistence.database import Database, application_name
from lcregulator.persistence.health import DatabaseProblem, Problem
from lcregulator.services import setup
from tests.fixtures import configure, make_context
from tests.postgres.conftest import LOCK_TIMEOUT_MS

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[Database]:
    db = Database(pg_url)
    db.upgrade()
    yield db
    db.dispose()


def test_connections_carry_timeouts_and_the_officers_application_name(
    pg_database: Database, tmp_path: Path
) -> None:
    ctx = configure(make_context(pg_database, tmp_path))
    with ctx.unit_of_work() as uow:
        row = uow.session.execute(
            text(
                "SELECT current_setting('lock_timeout'), "
                "current_setting('idle_in_transaction_session_timeout'), "
                "current_setting('application_name')"
            )
        ).one()
    assert row[0] == f"{LOCK_TIMEOUT_MS}ms"
    assert row[1] != "0"
    assert row[2] == application_name("张三")
    assert row[2].startswith("lcregulator/%E5%BC%A0%E4%B8%89@")  # 张三, kept as ASCII
    with pg_database.read_session_factory() as session, session.begin():
        timeout = session.execute(text("SELECT current_setting('statement_timeout')")).scalar()
    assert timeout not in (None, "0")
    assert pg_database.engine.dialect.name == "postgresql"


def test_a_stalled_holder_of_the_number_sequence_makes_another_issuer_fail_in_chinese(
    pg_database: Database, tmp_path: Path, pg_url: str
) -> None:
    ctx = configure(make_context(pg_database, tmp_path))
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    with ctx.unit_of_work() as uow:
        assert uow.documents.next_number(authority.id, "立案审批表", 2026) == 1
        uow.commit()

    stalled = create_engine(
        pg_url,
        connect_args={"application_name": "lcregulator/%E7%8E%8B%E4%BA%94@PC-07"},  # 王五
    ).connect()
    try:
        stalled.execute(
            text(
                "UPDATE document_sequence SET last = last + 1 "
                "WHERE authority_id = :a AND kind = '立案审批表'"
            ),
            {"a": authority.id},
        )  # the transaction stays open, as on a workstation that froze mid-issue
        started = time.monotonic()
        with pytest.raises(DatabaseProblem) as caught, ctx.unit_of_work() as uow:
            uow.documents.next_number(authority.id, "立案审批表", 2026)
        waited = time.monotonic() - started
        print(f"\nlock wait ran out after {waited:.2f} s (lock_timeout {LOCK_TIMEOUT_MS} ms)")
        assert caught.value.problem is Problem.BUSY
        assert "文号正被 王五（PC-07） 的工作站占用，请稍后再试" in caught.value.message
        assert waited < 30  # bounded (without the timeout it waits as long as the holder)
    finally:
        stalled.rollback()
        stalled.close()
        stalled.engine.dispose()
    with ctx.unit_of_work() as uow:  # the holder gone, the next number is the next one
        assert uow.documents.next_number(authority.id, "立案审批表", 2026) == 2


def test_a_connection_lost_mid_write_is_said_in_chinese_and_nothing_is_saved(
    pg_database: Database, tmp_path: Path, pg_url: str
) -> None:
    ctx = configure(make_context(pg_database, tmp_path))
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with pytest.raises(DatabaseProblem) as caught, ctx.unit_of_work() as uow:
        assert uow.documents.next_number(authority.id, "立案审批表", 2026) == 1
        pid = uow.session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with admin.connect() as conn:  # the server (or the network) drops this workstation
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        uow.documents.next_number(authority.id, "立案审批表", 2026)
    admin.dispose()
    assert caught.value.problem is Problem.UNREACHABLE
    assert "连接中断" in caught.value.message and "没有保存" in caught.value.message
    with ctx.unit_of_work() as uow:  # the pool recovers; the lost transaction took nothing
        assert uow.documents.next_number(authority.id, "立案审批表", 2026) == 1
