"""Two workstations (two data folders) on one PostgreSQL database: the second opens and
verifies every evidence file and issued document the first stored (the database file store)."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lcregulator.domain.cases import CaseId
from lcregulator.persistence.database import Database
from lcregulator.persistence.file_store import DatabaseFileStore
from lcregulator.persistence.paths import Paths
from lcregulator.services import documents, evidence, orphans
from lcregulator.services.context import AppContext, SystemClock
from tests.fixtures import POSTGRES_ADMIN_URL, drop_database
from tests.postgres.test_cli_server import lcregulator

pytestmark = pytest.mark.postgres


def workstation(url: str, home: Path) -> AppContext:
    paths = Paths(home)
    paths.ensure()
    return AppContext(database=Database(url), paths=paths, clock=SystemClock())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_second_workstation_opens_and_verifies_what_the_first_stored(
    pg_url: str, tmp_path: Path
) -> None:
    code, demo = lcregulator(
        pg_url, tmp_path / "pc1", "demo", "--out", str(tmp_path / "o"), "--keep"
    )
    assert code == 0, demo
    code, verified = lcregulator(pg_url, tmp_path / "pc5", "verify")  # another workstation
    assert code == 0 and verified["ok"], verified
    assert verified["documents"] >= 24 and verified["evidence"] >= 1
    second = workstation(pg_url, tmp_path / "pc2")
    try:
        assert isinstance(second.document_store, DatabaseFileStore)  # the PostgreSQL default
        assert not any(p.is_file() for p in (tmp_path / "pc2").rglob("*"))
        with second.database.engine.connect() as conn:
            case_ids = [CaseId(i) for (i,) in conn.execute(text('SELECT id FROM "case"'))]
            issued = conn.execute(text("SELECT pdf_sha256, docx_sha256 FROM issued_document")).all()
        started = time.monotonic()
        opened = checked = 0
        for pdf, docx in issued:  # every issued document, with or without a case
            for digest, suffix in ((pdf, ".pdf"), (docx, ".docx")):
                path = documents.store_path(second, digest, suffix)
                assert path.is_file() and sha256(path) == digest
                opened += 1
        for case_id in case_ids:
            for check in evidence.verify_evidence(second, case_id):
                assert check.ok, check.problem
                checked += 1
        elapsed = time.monotonic() - started
        print(
            f"\nsecond workstation fetched and checked {opened} documents, {checked} evidence "
            f"files in {elapsed:.2f} s"
        )
        assert opened >= 48 and checked >= 1
        assert orphans.find_orphans(second) == []
    finally:
        second.database.dispose()

    engine = create_engine(pg_url)  # a chunk damaged on the server: a third workstation says so
    with engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE stored_chunk SET data = 'tampered'::bytea WHERE sha256 IN "
                "(SELECT sha256 FROM stored_file WHERE store = 'evidence')"
            )
        )
        case_id = conn.execute(text("SELECT case_id FROM evidence LIMIT 1")).scalar_one()
    engine.dispose()
    third = workstation(pg_url, tmp_path / "pc3")
    try:
        results = evidence.verify_evidence(third, CaseId(case_id))
        assert results and not any(r.ok for r in results)
        assert all("缺失" in r.problem or "改动" in r.problem for r in results)
    finally:
        third.database.dispose()
    code, verified = lcregulator(pg_url, tmp_path / "pc6", "verify")
    assert code == 1 and not verified["ok"], verified
    assert any(p["kind"] == "evidence" for p in verified["problems"]), verified


def test_db_upgrade_moves_a_workstations_earlier_local_files_into_the_database(
    pg_url: str, tmp_path: Path
) -> None:
    first = tmp_path / "pc1"
    code, demo = lcregulator(
        pg_url,
        first,
        "demo",
        "--out",
        str(tmp_path / "o"),
        "--keep",
        LCREGULATOR_FILE_STORE="local",
    )
    assert code == 0, demo
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM stored_file")).scalar_one() == 0
    code, status = lcregulator(pg_url, first, "db", "upgrade")
    assert code == 0, status
    moved = status["files_moved_to_database"]
    assert moved["documents"] >= 48 and moved["evidence"] >= 1, moved
    with engine.connect() as conn:
        issued = conn.execute(text("SELECT pdf_sha256, docx_sha256 FROM issued_document")).all()
    engine.dispose()
    second = workstation(pg_url, tmp_path / "pc2")
    try:
        for pdf, docx in issued:
            assert sha256(documents.store_path(second, pdf, ".pdf")) == pdf
            assert sha256(documents.store_path(second, docx, ".docx")) == docx
    finally:
        second.database.dispose()
    assert lcregulator(pg_url, first, "db", "upgrade")[1].get("files_moved_to_database") is None


def test_backup_and_restore_carry_the_database_file_store(pg_url: str, tmp_path: Path) -> None:
    if shutil.which("pg_dump") is None and not os.environ.get("LCREGULATOR_PG_DUMP"):
        pytest.skip("pg_dump is not installed")
    code, demo = lcregulator(
        pg_url, tmp_path / "pc1", "demo", "--out", str(tmp_path / "o"), "--keep"
    )
    assert code == 0, demo
    out = tmp_path / "bureau.lcbackup"
    code, made = lcregulator(pg_url, tmp_path / "pc2", "backup", "--out", str(out))  # no cache
    assert code == 0, made
    name = f"lcr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    target = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        code, restored = lcregulator(target, tmp_path / "pc3", "restore", str(out))
        assert code == 0 and restored["cases"] == made["cases"], restored
        engine = create_engine(target)
        with engine.connect() as conn:
            issued = conn.execute(text("SELECT pdf_sha256, docx_sha256 FROM issued_document")).all()
        engine.dispose()
        fresh = workstation(target, tmp_path / "pc4")
        try:
            assert len(issued) >= 24
            for pdf, docx in issued:
                assert sha256(documents.store_path(fresh, pdf, ".pdf")) == pdf
                assert sha256(documents.store_path(fresh, docx, ".docx")) == docx
        finally:
            fresh.database.dispose()
    finally:
        drop_database(admin, name)
        admin.dispose()
