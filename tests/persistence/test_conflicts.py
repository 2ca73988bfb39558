"""Two officers editing one case: the second save is refused, naming who saved first."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from pathlib import Path

import pytest

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.domain.errors import ConflictError
from lcregulator.persistence.database import Database
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.fixtures import make_context


def second_workstation(first: AppContext, tmp_path: Path, officer_name: str) -> AppContext:
    """Another engine (its own connections) on the same database, another officer."""
    other = make_context(Database(first.database.url), tmp_path / "ws2")
    authority = setup.our_authority(other)
    assert authority is not None and authority.id is not None
    officer = next(o for o in setup.list_officers(other, authority.id) if o.name == officer_name)
    assert officer.id is not None
    setup.sign_in(other, officer.id)
    return other


def new_case(ctx: AppContext) -> Case:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    return cases.create_case(
        ctx,
        Case(
            title="某直播间案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
        ),
    )


def test_stale_edit_is_refused_and_names_who_changed_it(
    configured: AppContext, tmp_path: Path
) -> None:
    other = second_workstation(configured, tmp_path, "李四")
    created = new_case(configured)
    assert created.id is not None
    mine = cases.get_case(configured, created.id)
    theirs = cases.get_case(other, created.id)

    theirs.title = "李四改的名称"
    cases.update_case(other, theirs)

    mine.title = "张三改的名称"
    with pytest.raises(ConflictError) as info:
        cases.update_case(configured, mine)
    assert "李四" in info.value.message
    assert "2026年11月20日 " in info.value.message
    assert "没有保存" in info.value.message
    assert cases.get_case(configured, created.id).title == "李四改的名称"
    other.database.dispose()


def test_concurrent_transactions_second_writer_gets_conflict(
    configured: AppContext, tmp_path: Path
) -> None:
    """A saves while B is mid-transaction on the same case: one wins, the other is refused
    naming the winner, never "busy". On SQLite A waits for B's write lock (BEGIN IMMEDIATE)
    and then finds B's newer version; on PostgreSQL A commits first and B's UPDATE matches no
    row. Either order is right; a bare "database is locked" is not."""
    other = second_workstation(configured, tmp_path, "李四")
    created = new_case(configured)
    assert created.id is not None
    mine = cases.get_case(configured, created.id)
    outcome: dict[str, BaseException | None] = {}

    def save_mine() -> None:
        mine.title = "张三保存"
        try:
            cases.update_case(configured, mine)
            outcome["mine"] = None
        except BaseException as exc:
            outcome["mine"] = exc

    with UnitOfWork(other.database, other.officer.id, other.clock.now()) as uow_b:  # type: ignore[union-attr]
        theirs = uow_b.cases.get(created.id)
        writer = threading.Thread(target=save_mine)
        writer.start()
        writer.join(0.5)  # let A reach the database while B's transaction is open
        theirs.title = "李四保存"
        try:
            uow_b.cases.update(theirs)
            uow_b.commit()
            outcome["theirs"] = None
        except ConflictError as exc:
            outcome["theirs"] = exc
    writer.join()
    refused = [e for e in outcome.values() if e is not None]
    assert len(refused) == 1, outcome
    assert isinstance(refused[0], ConflictError), refused
    final = cases.get_case(configured, created.id).title
    winner = "李四" if final == "李四保存" else "张三"
    assert final in ("李四保存", "张三保存")
    assert winner in refused[0].message
    assert "没有保存" in refused[0].message
    other.database.dispose()


def test_party_conflict(configured: AppContext, tmp_path: Path) -> None:
    from tests.persistence.test_repositories import make_parties

    other = second_workstation(configured, tmp_path, "王五")
    _, room, _ = make_parties(configured)
    assert room.id is not None
    theirs = parties.get_party(other, room.id)
    parties.save_party(other, dataclasses.replace(theirs, phone="0571-1"))
    room.phone = "0571-2"
    with pytest.raises(ConflictError, match="王五"):
        parties.save_party(configured, room)
    assert parties.get_party(configured, room.id).phone == "0571-1"
    other.database.dispose()
