"""Private data stays private: 身份证号 masked outside the party record, private file modes,
evidence only from regular files."""

from __future__ import annotations

import datetime as dt
import logging
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from stdnum.cn import ric

from lcregulator.domain.cases import Case, ClueSource
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.identifiers import mask_ric, mask_rics_in
from lcregulator.domain.parties import Party, PartyKind, PartyRole, Place
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, evidence, parties, setup
from lcregulator.services.bootstrap import configure_logging
from lcregulator.services.context import AppContext

ID = "11010519850615" + "002"
ID = ID + ric.calc_check_digit(ID + "0")
MASKED = "110105********" + ID[-4:]


def test_masking_keeps_the_region_and_the_last_four() -> None:
    assert mask_ric(ID) == MASKED
    assert mask_rics_in(f"当事人身份证号{ID}。") == f"当事人身份证号{MASKED}。"
    assert mask_rics_in("91330106MA27XW1Y14") == "91330106MA27XW1Y14"  # a USCC stays whole


def _marketer(ctx: AppContext) -> Party:
    return parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            "王小红",
            {PartyRole.MARKETER},
            id_number=ID,
            domicile=Place("330106", "文三路1号"),
        ),
    )


def test_timeline_snapshots_lists_and_search_results_mask_the_id_number(
    app_configured: AppContext,
) -> None:
    party = _marketer(app_configured)
    assert party.id_number == ID  # the party record keeps it whole
    with app_configured.database.engine.connect() as conn:
        snapshots = conn.execute(text("SELECT before, after FROM event")).all()
    dumped = repr(snapshots)
    assert ID not in dumped and MASKED in dumped
    [found] = parties.search_parties(app_configured, "王小红")
    assert found.masked_identifier == MASKED
    # a changed number is still seen as a change, masked on both sides
    party.id_number = "110105199001010" + "01"
    party.id_number += ric.calc_check_digit(party.id_number + "0")
    parties.save_party(app_configured, party)
    with app_configured.database.engine.connect() as conn:
        last = conn.execute(
            text("SELECT before, after FROM event WHERE action = 'party.saved' ORDER BY id DESC")
        ).first()
    assert last is not None and MASKED in str(last[0]) and party.id_number not in str(last[1])


def test_logs_never_hold_a_whole_id_number(tmp_path: Path) -> None:
    paths = Paths(tmp_path / "home")
    paths.ensure()
    configure_logging(paths)
    logging.getLogger("lcregulator.test").warning("查询当事人 %s 失败", ID)
    for handler in logging.getLogger("lcregulator").handlers:
        handler.flush()
    log = (paths.logs / "lcregulator.log").read_text("utf-8")
    assert MASKED in log and ID not in log


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_data_folder_is_0700_and_files_0600(app_configured: AppContext, tmp_path: Path) -> None:
    paths = app_configured.paths
    configure_logging(paths)
    logging.getLogger("lcregulator").info("start")
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    created = cases.create_case(
        app_configured,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
            officer_ids=[app_configured.officer.id],  # type: ignore[union-attr,list-item]
        ),
    )
    replay = tmp_path / "replay.mp4"
    replay.write_bytes(b"x" * 100)
    replay.chmod(0o644)
    added = evidence.add_evidence_file(app_configured, created.id, replay)  # type: ignore[arg-type]
    for folder in (paths.home, paths.evidence, paths.backups, paths.logs):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    stored = evidence.stored_path(app_configured, added.sha256)
    for file in (stored, paths.logs / "lcregulator.log"):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
    # a database file left readable by an older version is closed up at the next start
    database = paths.home / "lcregulator.sqlite3"
    database.write_bytes(b"")
    database.chmod(0o644)
    paths.ensure()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="symbolic links and FIFOs")
def test_evidence_refuses_symbolic_links_and_special_files(
    app_configured: AppContext, tmp_path: Path
) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    created = cases.create_case(
        app_configured,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
        ),
    )
    real = tmp_path / "real.mp4"
    real.write_bytes(b"x" * 100)
    link = tmp_path / "link.mp4"
    link.symlink_to(real)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for source, words in (
        (link, "符号链接"),
        (fifo, "设备文件、管道"),
        (Path("/dev/null"), "设备文件"),
    ):
        with pytest.raises(ValidationError, match=words) as info:
            evidence.add_evidence_file(app_configured, created.id, source)  # type: ignore[arg-type]
        assert info.value.field == "evidence.file"
    assert evidence.list_evidence(app_configured, created.id) == []  # type: ignore[arg-type]
    assert not any(p.is_file() for p in app_configured.paths.evidence.rglob("*"))
