"""A save that fails — bad input found late, a database refusal, a crash — changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from lcregulator.domain.cases import Case, CaseParty, Clue, ClueSource
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.parties import PartyRole
from lcregulator.persistence.base import Base
from lcregulator.persistence.database import Database
from lcregulator.persistence.repositories import EventRepository
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext
from tests.persistence.test_repositories import make_parties


def dump(database: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order: the database 'exactly as it was'."""
    out = {}
    with database.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            key = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
            rows = conn.execute(text(f'SELECT * FROM "{table.name}" ORDER BY {key}')).all()
            out[table.name] = [tuple(r) for r in rows]
    return out


def authority_id(ctx: AppContext) -> int:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    return authority.id


def test_case_with_invalid_clue_found_after_the_case_was_written(configured: AppContext) -> None:
    _, room, _ = make_parties(configured)
    assert room.id is not None
    before = dump(configured.database)
    case = Case(
        title="某直播间案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=authority_id(configured),
        parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],
    )
    bad_clue = Clue(source=ClueSource.COMPLAINT, received_on=dt.date(2026, 3, 2), summary="")
    with pytest.raises(ValidationError) as info:
        cases.create_case(configured, case, clue=bad_clue)
    assert info.value.field == "clue.summary"
    assert dump(configured.database) == before


def test_party_in_a_role_it_does_not_hold(configured: AppContext) -> None:
    _, room, _ = make_parties(configured)
    assert room.id is not None
    before = dump(configured.database)
    case = Case(
        title="某直播间案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=authority_id(configured),
        parties=[CaseParty(room.id, PartyRole.MARKETER)],
    )
    with pytest.raises(ValidationError, match="未登记为直播营销人员"):
        cases.create_case(configured, case)
    assert dump(configured.database) == before


def test_duplicate_case_number_is_a_chinese_message_not_a_crash(configured: AppContext) -> None:
    first = cases.create_case(
        configured,
        Case(
            title="甲案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority_id(configured),
            case_number="杭西市监立〔2026〕1号",
        ),
    )
    before = dump(configured.database)
    with pytest.raises(ValidationError) as info:
        cases.create_case(
            configured,
            Case(
                title="乙案",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 3, 2),
                authority_id=authority_id(configured),
                case_number="杭西市监立〔2026〕1号",
            ),
        )
    assert info.value.field == "case.case_number"
    assert "甲案" in info.value.message
    assert dump(configured.database) == before
    assert first.id is not None


def test_crash_while_recording_the_event_rolls_back_the_update(
    configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    created = cases.create_case(
        configured,
        Case(
            title="某直播间案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority_id(configured),
        ),
    )
    before = dump(configured.database)

    def boom(self: EventRepository, *args: object, **kwargs: object) -> None:
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(EventRepository, "add", boom)
    created.title = "改过的名称"
    with pytest.raises(RuntimeError):
        cases.update_case(configured, created)
    assert dump(configured.database) == before
