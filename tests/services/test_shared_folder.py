"""The shared-folder file store: two workstations (two data folders) on one database and one
network folder; the second opens and verifies what the first stored; two writers of the same
file at once; verify, backup and restore cover the share; ``db upgrade`` moves a workstation's
earlier local files onto it, checked by SHA-256. Run on SQLite and (``-m postgres``) PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from lcregulator.domain.cases import CaseId
from lcregulator.persistence.database import Database
from lcregulator.persistence.file_store import TEMP_PREFIX, SharedFolderStore
from lcregulator.persistence.paths import Paths
from lcregulator.services import documents, evidence, orphans
from lcregulator.services.context import AppContext, SystemClock

ROOT = Path(__file__).resolve().parents[2]


def lcregulator(
    url: str, home: Path, share: Path | None, *args: str, **env: str
) -> tuple[int, dict]:  # type: ignore[type-arg]
    command = shutil.which("lcregulator", path=str(Path(sys.executable).parent))
    argv = [command] if command else [sys.executable, "-m", "lcregulator"]
    extra = {"LCREGULATOR_FILE_STORE": "shared", "LCREGULATOR_FILE_STORE_FOLDER": str(share)}
    done = subprocess.run(
        [*argv, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={
            **os.environ,
            "LCREGULATOR_HOME": str(home),
            "LCREGULATOR_DATABASE_URL": url,
            "LCREGULATOR_PASSWORD": "",
            **(extra if share is not None else {}),
            **env,
        },
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    share = tmp_path / "share"  # the bureau's SMB/NFS folder, mounted on every workstation
    share.mkdir()
    monkeypatch.setenv("LCREGULATOR_FILE_STORE", "shared")
    monkeypatch.setenv("LCREGULATOR_FILE_STORE_FOLDER", str(share))
    return share


def workstation(url: str, home: Path) -> AppContext:
    paths = Paths(home)
    paths.ensure()
    return AppContext(database=Database(url), paths=paths, clock=SystemClock())


def issued_files(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT pdf_sha256, docx_sha256 FROM issued_document")).all()
    finally:
        engine.dispose()
    return [(pdf, docx) for pdf, docx in rows]


@pytest.mark.timeout(900)
def test_two_workstations_one_database_one_shared_folder(
    db_url: str, shared: Path, tmp_path: Path
) -> None:
    pc1, pc2 = tmp_path / "pc1", tmp_path / "pc2"
    code, demo = lcregulator(db_url, pc1, shared, "demo", "--out", str(tmp_path / "o"), "--keep")
    assert code == 0, demo
    # everything went to the share; nothing stayed on the first workstation
    assert files_under(pc1 / "evidence") == [] and files_under(pc1 / "documents") == []
    on_share = files_under(shared)
    assert len([p for p in on_share if p.suffix == ".pdf"]) >= 24
    assert all(sha256(p) == p.name[:64] for p in on_share)
    assert not [p for p in on_share if p.name.startswith(TEMP_PREFIX)]

    code, verified = lcregulator(db_url, pc2, shared, "verify")  # the second workstation
    assert code == 0 and verified["ok"], verified
    assert verified["documents"] >= 24 and verified["evidence"] >= 1

    second = workstation(db_url, pc2)
    try:
        assert isinstance(second.document_store, SharedFolderStore)
        for pdf, docx in issued_files(db_url):
            assert sha256(documents.store_path(second, pdf, ".pdf")) == pdf
            assert sha256(documents.store_path(second, docx, ".docx")) == docx
        with second.database.engine.connect() as conn:
            case_ids = [CaseId(i) for (i,) in conn.execute(text('SELECT id FROM "case"'))]
        checks = [c for case_id in case_ids for c in evidence.verify_evidence(second, case_id)]
        assert checks and all(c.ok for c in checks)
        assert orphans.find_orphans(second) == []
    finally:
        second.database.dispose()
    assert files_under(pc2 / "evidence") == [] and files_under(pc2 / "documents") == []

    # a file changed on the share: every workstation's verify says which
    victim = next(p for p in on_share if p.suffix == ".pdf")
    original = victim.read_bytes()
    victim.write_bytes(original + b"tampered")
    code, verified = lcregulator(db_url, pc2, shared, "verify")
    assert code == 1 and any(p["kind"] == "document" for p in verified["problems"]), verified
    victim.write_bytes(original)

    # a file on the share no row names is an orphan, reported under shared/
    stray = shared / "documents" / "ab" / ("ab" + "0" * 62 + ".pdf")
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"stray")
    code, verified = lcregulator(db_url, pc2, shared, "verify")
    assert code == 1
    assert [p["id"] for p in verified["problems"] if p["kind"] == "orphan"] == [
        f"shared/documents/ab/{stray.name}"
    ]
    stray.unlink()

    # backup from the second workstation carries the share's files; restore puts back a lost one
    if db_url.startswith("postgresql") and shutil.which("pg_dump") is None:
        return
    out = tmp_path / "bureau.lcbackup"
    code, made = lcregulator(db_url, pc2, shared, "backup", "--out", str(out))
    assert code == 0, made
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        members = [n for n in zf.namelist() if n.startswith(("documents/", "evidence/"))]
    assert manifest["file_store"] == "shared"
    assert len(members) == len(on_share)
    lost = next(p for p in on_share if p.suffix == ".docx")
    lost.unlink()
    code, verified = lcregulator(db_url, pc2, shared, "verify")
    assert code == 1
    code, restored = lcregulator(db_url, pc2, shared, "restore", str(out), "--force")
    assert code == 0, restored
    assert lost.is_file() and sha256(lost) == lost.name[:64]
    code, verified = lcregulator(db_url, pc1, shared, "verify")
    assert code == 0 and verified["ok"], verified


def test_two_workstations_writing_the_same_file_at_once(shared: Path, tmp_path: Path) -> None:
    data = os.urandom(3 << 20)  # several chunks
    stores = [
        SharedFolderStore(shared, "evidence", tmp_path / f"pc{i}" / "evidence") for i in range(8)
    ]
    start = threading.Barrier(len(stores))
    results: list[tuple[str, int]] = []
    errors: list[BaseException] = []

    def write(store: SharedFolderStore) -> None:
        try:
            start.wait()
            results.append(store.put(data))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    digest = hashlib.sha256(data).hexdigest()
    assert results == [(digest, len(data))] * len(stores)
    stored = files_under(shared)
    assert [p.name for p in stored] == [digest]
    assert stored[0].read_bytes() == data


def test_an_unreachable_share_is_said_in_chinese(shared: Path, tmp_path: Path) -> None:
    from lcregulator.persistence.health import DatabaseProblem

    store = SharedFolderStore(tmp_path / "not-mounted", "evidence", tmp_path / "pc1" / "evidence")
    with pytest.raises(DatabaseProblem) as caught:
        store.put(b"evidence")
    assert "无法访问本单位的共享文件夹" in caught.value.message


@pytest.mark.timeout(900)
def test_db_upgrade_moves_local_files_onto_the_share_checked_by_sha256(
    db_url: str, shared: Path, tmp_path: Path
) -> None:
    pc1 = tmp_path / "pc1"
    code, demo = lcregulator(
        db_url,
        pc1,
        None,
        "demo",
        "--out",
        str(tmp_path / "o"),
        "--keep",
        LCREGULATOR_FILE_STORE="local",
    )
    assert code == 0, demo
    local = files_under(pc1 / "evidence") + files_under(pc1 / "documents")
    assert len(local) >= 25 and files_under(shared) == []
    code, status = lcregulator(db_url, pc1, shared, "db", "upgrade")
    assert code == 0, status
    moved = status["files_moved_to_shared_folder"]
    assert moved["documents"] >= 48 and moved["evidence"] >= 1, moved
    assert files_under(pc1 / "evidence") == [] and files_under(pc1 / "documents") == []
    assert sorted(p.name for p in files_under(shared)) == sorted(p.name for p in local)
    code, verified = lcregulator(db_url, tmp_path / "pc2", shared, "verify")
    assert code == 0 and verified["ok"], verified
    assert (
        "files_moved_to_shared_folder" not in lcregulator(db_url, pc1, shared, "db", "upgrade")[1]
    )
