"""文号: one sequence per authority, kind and year; no gaps, no duplicates, even concurrently."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest

from lcregulator.documents.template import MissingFields
from lcregulator.domain.cases import Case, CaseId, ClueSource
from lcregulator.persistence.database import Database
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import cases, documents, setup
from lcregulator.services.context import AppContext


def a_case(ctx: AppContext) -> CaseId:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    created = cases.create_case(
        ctx,
        Case(
            title="某直播间案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
            summary="消费者投诉直播间虚假宣传。",
        ),
    )
    assert created.id is not None
    return created.id


ASK = {"opinion": "建议立案"}


def test_numbers_run_per_kind_and_year_without_padding(configured: AppContext) -> None:
    case_id = a_case(configured)
    ask = {"time": "2026年3月12日9时", "place": "本局301室", "materials": "营业执照"}
    first = documents.issue(configured, case_id, "inquiry_notice", ask, dt.date(2026, 3, 10))
    second = documents.issue(configured, case_id, "inquiry_notice", ask, dt.date(2026, 3, 11))
    next_year = documents.issue(configured, case_id, "inquiry_notice", ask, dt.date(2027, 1, 4))
    assert first.record.number == "杭西市监询〔2026〕1号"
    assert second.record.number == "杭西市监询〔2026〕2号"
    assert next_year.record.number == "杭西市监询〔2027〕1号"
    unnumbered = documents.issue(
        configured, case_id, "case_source_registration", ASK, dt.date(2026, 3, 2)
    )
    assert unnumbered.record.number == ""
    history = documents.issued(configured, case_id)
    assert [d.kind for d in history][:2] == ["inquiry_notice", "inquiry_notice"]
    assert all(len(d.pdf_sha256) == 64 for d in history)


def test_missing_facts_are_asked_for_and_take_no_number(configured: AppContext) -> None:
    case_id = a_case(configured)
    with pytest.raises(MissingFields) as info:
        documents.issue(
            configured, case_id, "inquiry_notice", {"time": "明天"}, dt.date(2026, 3, 10)
        )
    assert info.value.labels == ["询问地点", "需携带的材料"]
    assert "出具文书前请补充：询问地点、需携带的材料" in info.value.message
    with pytest.raises(MissingFields) as info:
        documents.issue(configured, case_id, "penalty_notice", {}, dt.date(2026, 3, 10))
    assert "违法事实" in info.value.labels
    ok = documents.issue(
        configured,
        case_id,
        "inquiry_notice",
        {"time": "明天", "place": "本局", "materials": "营业执照"},
        dt.date(2026, 3, 10),
    )
    assert ok.record.number == "杭西市监询〔2026〕1号"  # the refusals consumed nothing


def test_concurrent_issuing_gives_every_number_once(configured: AppContext, tmp_path: Path) -> None:
    case_id = a_case(configured)
    authority = setup.our_authority(configured)
    assert authority is not None and authority.id is not None
    per_worker, workers = 15, 2
    errors: list[BaseException] = []

    def worker() -> None:
        db = Database(configured.database.url)
        try:
            for _ in range(per_worker):
                for attempt in range(20):
                    try:
                        with UnitOfWork(db, None, configured.clock.now()) as uow:
                            seq = uow.documents.next_number(authority.id, "penalty_decision", 2026)  # type: ignore[arg-type]
                            from lcregulator.persistence.rows import IssuedDocumentRow

                            uow.documents.add(
                                IssuedDocumentRow(
                                    case_id=case_id,
                                    authority_id=authority.id,
                                    kind="penalty_decision",
                                    title="行政处罚决定书",
                                    number=f"杭西市监处罚〔2026〕{seq}号",
                                    year=2026,
                                    seq=seq,
                                    issued_on=dt.date(2026, 5, 20),
                                    issued_at=configured.clock.now(),
                                    pdf_sha256="0" * 64,
                                    docx_sha256="0" * 64,
                                )
                            )
                            uow.commit()
                        break
                    except Exception as exc:  # SQLite: busy while the other writer commits
                        if "locked" not in str(exc) or attempt == 19:
                            raise
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.dispose()

    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    with UnitOfWork(configured.database, None, configured.clock.now()) as uow:
        numbers = uow.documents.numbers(authority.id, "penalty_decision", 2026)
    assert numbers == list(range(1, per_worker * workers + 1))
