"""Evidence intake keeps the file under its SHA-256 and detects any later change."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from lcregulator.domain.cases import Case, CaseId, ClueSource
from lcregulator.domain.errors import ValidationError
from lcregulator.services import cases, evidence, setup
from lcregulator.services.context import AppContext


@pytest.fixture
def case_id(app_configured: AppContext) -> CaseId:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    case = cases.create_case(
        app_configured,
        Case(
            title="某案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
        ),
    )
    assert case.id is not None
    return case.id


def test_add_verify_and_detect_tampering(
    app_configured: AppContext, case_id: CaseId, tmp_path: Path
) -> None:
    source = tmp_path / "直播回放截图.png"
    content = b"\x89PNG fake replay frame" * 1000
    source.write_bytes(content)
    item = evidence.add_evidence_file(
        app_configured, case_id, source, source_url="https://live.example.cn/r/1"
    )
    assert item.sha256 == hashlib.sha256(content).hexdigest()
    assert item.size == len(content)
    assert item.media_type == "image/png"
    stored = evidence.stored_path(app_configured, item.sha256)
    assert stored.read_bytes() == content
    assert [c.ok for c in evidence.verify_evidence(app_configured, case_id)] == [True]

    stored.write_bytes(content + b"x")
    [check] = evidence.verify_evidence(app_configured, case_id)
    assert not check.ok and "已被改动" in check.problem
    stored.unlink()
    [check] = evidence.verify_evidence(app_configured, case_id)
    assert not check.ok and check.problem == "证据文件缺失"

    [event] = [e for e in cases.timeline(app_configured, case_id) if e.action == "evidence.added"]
    assert item.sha256 in event.summary


def test_same_file_twice_is_refused(
    app_configured: AppContext, case_id: CaseId, tmp_path: Path
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("聊天记录", "utf-8")
    evidence.add_evidence_file(app_configured, case_id, source)
    with pytest.raises(ValidationError, match="已作为本案证据登记"):
        evidence.add_evidence_file(app_configured, case_id, source)


def test_missing_file(app_configured: AppContext, case_id: CaseId, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        evidence.add_evidence_file(app_configured, case_id, tmp_path / "nope.mp4")
    assert info.value.field == "evidence.file"
