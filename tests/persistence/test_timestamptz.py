"""Times are instants: ``timestamptz`` on PostgreSQL, UTC in Python, Beijing time on screen.

The migration ``s16_timestamptz`` converts columns that held naive UTC; the timeline's hash chain
is computed on UTC, so it verifies the same before and after (on both backends)."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.persistence.database import Database, alembic_config
from lcregulator.persistence.repositories import conflict_message
from lcregulator.services import cases, setup, verification
from tests.fixtures import FIXED_NOW, configure, make_context

#: the revision just before the conversion (whatever main adds before it)
BEFORE = str(
    ScriptDirectory.from_config(alembic_config("sqlite://"))
    .get_revision("s16_timestamptz")
    .down_revision
)


def test_the_chain_verifies_before_and_after_the_timestamptz_migration(
    db_url: str, tmp_path: Path
) -> None:
    db = Database(db_url)
    db.upgrade(revision=BEFORE)
    ctx = configure(make_context(db, tmp_path))
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    case = cases.create_case(
        ctx,
        Case(
            title="某直播间虚假宣传案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
        ),
    )
    assert case.id is not None
    events, problems = verification.check_chain(ctx)
    assert events > 0 and problems == []
    before = [e.at for e in cases.timeline(ctx, case.id)]
    assert before and all(at == FIXED_NOW for at in before)

    db.upgrade()
    assert db.is_at_head()
    events_after, problems_after = verification.check_chain(ctx)
    assert (events_after, problems_after) == (events, [])
    after = cases.timeline(ctx, case.id)
    assert [e.at for e in after] == before
    assert all(e.at.utcoffset() == dt.timedelta(0) for e in after)

    if not db.is_sqlite:
        with db.engine.connect() as conn:
            naive = conn.execute(
                text(
                    "SELECT table_name || '.' || column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() "
                    "AND data_type = 'timestamp without time zone'"
                )
            ).all()
            assert naive == []
            # another SQL tool in Beijing reads the stored instant as 10:30, not 02:30
            shown = conn.execute(
                text("SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'HH24:MI') FROM event")
            ).scalars()
            assert set(shown) == {"10:30"}
        # and back: the downgrade keeps the instants too
        db.downgrade(BEFORE)
        assert [e.at for e in cases.timeline(ctx, case.id)] == before
        assert verification.check_chain(ctx)[1] == []
    db.dispose()


def test_the_conflict_message_says_beijing_time_whatever_the_pc_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        text_ = conflict_message(
            "案件“某案”", "张三", dt.datetime(2026, 11, 28, 6, 3, tzinfo=dt.UTC)
        )
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "张三 于 2026年11月28日 14:03 修改" in text_
