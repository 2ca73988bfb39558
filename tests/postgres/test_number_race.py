"""Two officers saving the same 立案编号 at the same moment on a shared server: one wins, the
other gets the field message (never a raw IntegrityError with SQL)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.persistence.database import Database
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import cases
from tests.fixtures import configure, make_context
from tests.persistence.test_conflicts import new_case, second_workstation

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_database(pg_url: str) -> Iterator[Database]:
    db = Database(pg_url)
    db.upgrade()
    yield db
    db.dispose()


def test_same_case_number_saved_at_once_gives_the_field_message(
    pg_database: Database, tmp_path: Path
) -> None:
    first = configure(make_context(pg_database, tmp_path))
    other = second_workstation(first, tmp_path, "李四")
    mine_case, their_case = new_case(first), new_case(first)
    assert mine_case.id is not None and their_case.id is not None
    number = "杭西市监立〔2026〕99号"
    outcome: dict[str, BaseException | None] = {}

    def save_mine() -> None:
        try:
            cases.update_case(first, dataclasses.replace(mine_case, case_number=number))
            outcome["mine"] = None
        except BaseException as exc:
            outcome["mine"] = exc

    assert other.officer is not None
    with UnitOfWork(other.database, other.officer.id, other.clock.now()) as uow:
        theirs = uow.cases.get(their_case.id)
        uow.cases.update(dataclasses.replace(theirs, case_number=number))  # flushed, not committed
        writer = threading.Thread(target=save_mine)
        writer.start()
        writer.join(0.5)  # mine passed the "is it taken?" look-up and waits on the index
        uow.commit()
    writer.join()
    refused = outcome["mine"]
    assert isinstance(refused, ValidationError), refused
    assert refused.field == "case.case_number"
    assert number in refused.message and "没有保存" in refused.message
    assert cases.get_case(first, mine_case.id).case_number == ""
    assert cases.get_case(first, their_case.id).case_number == number
    other.database.dispose()
