"""Nothing lost, nothing stuck: writers in separate processes, at once and killed mid-write."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from lcregulator.persistence.database import Database
from lcregulator.persistence.integrity import referenced_files
from lcregulator.persistence.rows import IssuedDocumentRow
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import integrity, setup
from tests.fixtures import FIXED_NOW
from tests.writers import open_ctx, prepare, run_writers

ROOT = Path(__file__).resolve().parents[2]


def _sequence(numbers: list[str]) -> list[int]:
    return sorted(int(re.search(r"〕(\d+)号", n).group(1)) for n in numbers)  # type: ignore[union-attr]


def test_eight_processes_issuing_at_once_all_succeed_without_gaps(
    db_url: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    url, case_id = prepare(home, db_url)
    result = run_writers(home, url, case_id, writers=8, count=2)
    assert result["failures"] == []
    assert result["attempts"] == 16
    assert _sequence(result["numbers"]) == list(range(1, 17))


def _committed_rows(url: str) -> tuple[set[str], set[str]]:
    database = Database(url)
    try:
        with UnitOfWork(database, None, FIXED_NOW, read_only=True) as uow:
            evidence, _ = referenced_files(uow.session)
            numbers = set(uow.session.scalars(select(IssuedDocumentRow.number)))
    finally:
        database.dispose()
    return evidence, numbers


def crash_runs(home: Path, url: str, case_id: int, kills: int, seed: int) -> dict[str, int]:
    """Fork a writer, kill -9 it at a random moment, again and again; then check."""
    rng = random.Random(seed)
    announced_evidence: set[str] = set()
    announced_numbers: set[str] = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    zygote = subprocess.Popen(
        [sys.executable, "-m", "tests.writers", "zygote", str(home), url, str(case_id)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    try:
        assert zygote.stdout.readline().strip() == "ready"
        for _ in range(kills):
            zygote.stdin.write("fork\n")
            zygote.stdin.flush()
            pid_text, _, announce_name = zygote.stdout.readline().strip().partition(" ")
            announce = Path(announce_name)
            while not announce.exists() or not announce.read_text(encoding="utf-8"):
                time.sleep(0.01)  # until the writer is open
            time.sleep(rng.uniform(0.0, 0.8))
            os.kill(int(pid_text), signal.SIGKILL)
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=60)
    time.sleep(0.1)  # the last writer's exit
    for announce in home.glob("announce-*.log"):
        for line in announce.read_text(encoding="utf-8").splitlines():
            what, _, value = line.partition(" ")
            if what == "evidence":
                announced_evidence.add(value)
            elif what == "document":
                announced_numbers.add(value)
    return _check(home, url, announced_evidence, announced_numbers)


def _check(home: Path, url: str, evidence: set[str], numbers: set[str]) -> dict[str, int]:
    ctx = open_ctx(home, url)
    try:
        assert integrity.quick_check(ctx) == []
        stored_evidence, stored_numbers = _committed_rows(url)
        assert evidence <= stored_evidence  # every commit announced is there
        assert numbers <= stored_numbers
        seq = _sequence([n for n in stored_numbers if n])
        assert seq == list(range(1, len(seq) + 1))  # no gap, no duplicate
        for sha in stored_evidence:  # every row's file is in the store
            assert ctx.evidence_store.exists(sha)
        orphans = integrity.find_orphans(ctx)
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        ctx.officer = setup.list_officers(ctx, authority.id)[0]
        later = FIXED_NOW.replace(year=2100)
        repaired = integrity.repair_orphans(ctx, now=later)
        assert len(repaired) == len(orphans)
        assert integrity.find_orphans(ctx) == []
        for sha in stored_evidence:  # the repair took no file a row names
            assert ctx.evidence_store.exists(sha)
        return {
            "evidence": len(stored_evidence),
            "documents": len(seq),
            "orphans": sum(not o.temporary for o in orphans),
            "temporaries": sum(o.temporary for o in orphans),
        }
    finally:
        ctx.database.dispose()


def test_writer_killed_at_random_points_loses_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    url, case_id = prepare(home)
    kills = int(os.environ.get("LCREGULATOR_CRASH_KILLS", "50"))
    figures = crash_runs(home, url, case_id, kills=kills, seed=15)
    assert figures["evidence"] + figures["documents"] > 0
    print(f"crash test: {kills} kills, {figures}")
