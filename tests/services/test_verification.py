"""The record proves it was not altered: append-only events, the hash chain, file hashes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from lcregulator.cli import main
from lcregulator.cli.framework import open_context
from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.cases import Case, ClueSource
from lcregulator.persistence.chain import drop_triggers
from lcregulator.services import cases, documents, evidence, setup
from lcregulator.services import verification as integrity
from lcregulator.services.context import AppContext


def _events(ctx: AppContext) -> list[tuple[int, str]]:
    with ctx.database.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT id, summary FROM event ORDER BY id"))]  # type: ignore[misc]


def test_the_trigger_refuses_update_and_delete_on_events(configured: AppContext) -> None:
    """On SQLite and on PostgreSQL (the ``configured`` fixture runs on both)."""
    [(first, summary), *_] = _events(configured)
    for statement in (
        "UPDATE event SET summary = 'rewritten' WHERE id = :id",
        "DELETE FROM event WHERE id = :id",
    ):
        with (
            pytest.raises(DBAPIError, match="append-only"),
            configured.database.engine.begin() as conn,
        ):
            conn.execute(text(statement), {"id": first})
    assert _events(configured)[0] == (first, summary)
    assert integrity.verify(configured).ok


def test_the_chain_is_whole_after_ordinary_work(configured: AppContext) -> None:
    report = integrity.verify(configured)
    assert report.ok, report.problems
    assert report.events == len(_events(configured)) >= 3


@pytest.fixture
def bureau(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppContext:
    """A data folder the command line finds: a case with evidence and an issued document."""
    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    ctx = open_context(create=True)
    first = setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    li = setup.save_officer(
        ctx, Officer("李四", OfficerRole.HANDLER, "33010600102", first.authority_id)
    )
    ctx.officer = first
    case = cases.create_case(
        ctx,
        Case(
            title="某直播间虚假宣传案",
            summary="消费者投诉直播间宣称普通食品可以治疗疾病。",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=first.authority_id,  # type: ignore[arg-type]
            officer_ids=[first.id, li.id],  # type: ignore[list-item]
        ),
    )
    assert case.id is not None
    replay = tmp_path / "replay.mp4"
    replay.write_bytes(b"replay" * 1000)
    evidence.add_evidence_file(ctx, case.id, replay)
    documents.issue(ctx, case.id, "case_source_registration", {"opinion": "建议立案。"})
    return ctx


def _verify(capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    code = main(["verify"])
    return code, json.loads(capsys.readouterr().out)


def test_verify_is_clean_then_finds_every_kind_of_tampering(
    bureau: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    code, report = _verify(capsys)
    assert code == 0 and report["ok"] is True and report["problems"] == []
    assert report["evidence"] == 1 and report["documents"] == 1
    ids = [i for i, _ in _events(bureau)]
    assert len(ids) >= 5
    with bureau.database.engine.begin() as conn:
        drop_triggers(conn)
        conn.execute(
            text("UPDATE event SET summary = '改写过的记录' WHERE id = :id"), {"id": ids[1]}
        )
        conn.execute(text("DELETE FROM event WHERE id = :id"), {"id": ids[3]})
        conn.execute(
            text(
                "INSERT INTO event (case_id, officer_id, at, action, summary, before, after) "
                "VALUES (1, 1, '2026-11-20 02:30:00.000000', 'case.updated', '伪造的记录', '{}', '{}')"
            )
        )
    [stored] = list((bureau.paths.evidence).glob("*/*"))
    stored.write_bytes(b"doctored replay")
    [pdf] = list((bureau.paths.home / "documents").glob("*/*.pdf"))
    pdf.write_bytes(pdf.read_bytes().replace(b"%%EOF", b"%%EOF\n% edited"))

    code, report = _verify(capsys)
    assert code == 1 and report["ok"] is False
    problems = report["problems"]
    assert isinstance(problems, list)
    by_kind: dict[str, list[dict[str, object]]] = {}
    for p in problems:
        by_kind.setdefault(p["kind"], []).append(p)
    events = {p["id"]: p["message"] for p in by_kind["event"]}
    assert "触发器缺失" in str(events[None])
    assert "内容已被改动" in str(events[ids[1]])  # the edited event
    assert "缺少 1 条事件" in str(events[ids[4]])  # the one after the deleted event
    inserted = max(int(i) for i in events if i is not None)
    assert inserted > ids[-1] and "不在哈希链上" in str(events[inserted])
    [changed_evidence] = by_kind["evidence"]
    assert "文件已被改动" in str(changed_evidence["message"])
    [changed_pdf] = by_kind["document"]
    assert "PDF" in str(changed_pdf["message"]) and "文件已被改动" in str(changed_pdf["message"])


def test_deleting_the_last_event_is_found(
    bureau: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    last = _events(bureau)[-1][0]
    with bureau.database.engine.begin() as conn:
        drop_triggers(conn)
        conn.execute(text("DELETE FROM event WHERE id = :id"), {"id": last})
    code, report = _verify(capsys)
    assert code == 1
    messages = [str(p["message"]) for p in report["problems"]]  # type: ignore[attr-defined]
    assert any("最后的事件被删除" in m for m in messages)


def test_first_bad_event_names_the_edited_one(bureau: AppContext) -> None:
    ids = [i for i, _ in _events(bureau)]
    assert integrity.first_bad_event(bureau) is None
    with bureau.database.engine.begin() as conn:
        drop_triggers(conn)
        from lcregulator.persistence.chain import create_triggers

        conn.execute(text("UPDATE event SET after = '{\"x\": 1}' WHERE id = :id"), {"id": ids[2]})
        create_triggers(conn)
    bad = integrity.first_bad_event(bureau)
    assert bad is not None and bad.id == ids[2]
