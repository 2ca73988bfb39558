"""Orphans: reported, and repaired only when old enough, under a lock, into quarantine."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from lcregulator.domain.errors import DomainError
from lcregulator.services import orphans
from lcregulator.services.context import AppContext


def _age(path: Path, minutes: int) -> None:
    when = dt.datetime.now().timestamp() - minutes * 60
    os.utime(path, (when, when))


def test_orphans_and_temporaries_are_reported_and_old_ones_quarantined(
    app_configured: AppContext,
) -> None:
    ctx = app_configured
    old_sha, _ = ctx.evidence_store.put(b"left by a writer killed before its commit")
    new_sha, _ = ctx.document_store.put(b"just stored, its row not yet committed", ".pdf")
    temp = ctx.paths.evidence / ".incoming-abc123"
    temp.write_bytes(b"half written")
    _age(ctx.evidence_store.path(old_sha), 30)
    _age(temp, 30)

    found = {o.path: o for o in orphans.find_orphans(ctx)}
    assert set(found) == {
        f"evidence/{old_sha[:2]}/{old_sha}",
        f"documents/{new_sha[:2]}/{new_sha}.pdf",
        "evidence/.incoming-abc123",
    }
    assert found["evidence/.incoming-abc123"].temporary
    assert "没有任何记录引用" in found[f"evidence/{old_sha[:2]}/{old_sha}"].message

    done = orphans.repair_orphans(ctx)
    assert {o.path for o in done} == {
        f"evidence/{old_sha[:2]}/{old_sha}",
        "evidence/.incoming-abc123",
    }
    quarantined = ctx.paths.quarantine / "evidence" / old_sha[:2] / old_sha
    assert quarantined.read_bytes() == b"left by a writer killed before its commit"  # kept
    assert not temp.exists()
    assert [o.path for o in orphans.find_orphans(ctx)] == [
        f"documents/{new_sha[:2]}/{new_sha}.pdf"  # younger than 10 minutes: left alone
    ]


def test_files_that_rows_name_are_not_orphans(app_configured: AppContext, tmp_path: Path) -> None:
    from lcregulator.services import evidence
    from tests.persistence.test_conflicts import new_case

    case = new_case(app_configured)
    assert case.id is not None
    source = tmp_path / "screenshot.png"
    source.write_bytes(b"\x89PNG evidence")
    evidence.add_evidence_file(app_configured, case.id, source)
    assert orphans.find_orphans(app_configured) == []


def test_a_second_repair_waits_for_the_first(app_configured: AppContext) -> None:
    lock = app_configured.paths.home / orphans.LOCK_NAME
    lock.write_text("4242")
    with pytest.raises(DomainError, match="另一处正在进行完整性修复"):
        orphans.repair_orphans(app_configured)
    _age(lock, 120)  # a repair that died long ago no longer holds it
    orphans.repair_orphans(app_configured)
    assert not lock.exists()


def test_orphans_in_the_shape_verify_reports(app_configured: AppContext) -> None:
    sha, _ = app_configured.evidence_store.put(b"orphan")
    assert orphans.verify_problems(app_configured) == [
        ("orphan", f"evidence/{sha[:2]}/{sha}", orphans.find_orphans(app_configured)[0].message)
    ]
