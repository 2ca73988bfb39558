"""Case bundles (DESIGN §9.1 ``case export`` / ``case import``): the sample case exported by one
bureau and imported by another reads back the same; a damaged bundle changes nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.errors import (
    DomainError,
    PermissionDenied,
    ReadOnlyError,
    ValidationError,
)
from lcregulator.domain.parties import PartyKind, PartyRole
from lcregulator.persistence import case_bundle as bundle_rows
from lcregulator.persistence.paths import Paths
from lcregulator.services import (
    archive,
    case_bundle,
    cases,
    documents,
    evidence,
    orphans,
    parties,
    sample_case,
    setup,
    verification,
)
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock

CASE = CaseId(1)
CLOCK = FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC))


def _context(home: Path) -> AppContext:
    return open_context(
        paths=Paths(home), url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}", clock=CLOCK
    )


@pytest.fixture(scope="module")
def sample_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample bureau with its case run to 结案 (some twenty documents); copied per test."""
    home = tmp_path_factory.mktemp("sample")
    ctx = _context(home)
    out = home / "out"
    out.mkdir()
    sample_case._run(ctx, out)
    ctx.database.dispose()
    return home


def _officer(ctx: AppContext, name: str) -> Officer:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    return next(o for o in setup.list_officers(ctx, authority.id) if o.name == name)


@pytest.fixture
def sender(sample_home: Path, tmp_path: Path) -> Iterator[AppContext]:
    home = tmp_path / "sender"
    shutil.copytree(sample_home, home)
    ctx = _context(home)
    ctx.officer = _officer(ctx, "张三")  # a 承办人 of the case
    yield ctx
    ctx.database.dispose()


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[AppContext]:
    """Another bureau: 张三 and 王五 have accounts here, the sample's 李四 and 赵六 do not."""
    home = tmp_path / "receiver"
    ctx = _context(home)
    zhang = setup.first_run(
        ctx,
        Authority("杭州市上城区市场监督管理局", "杭上市监", "330102", "解放路1号", "0571-1"),
        Officer("张三", OfficerRole.HANDLER, "33010200101"),
    )
    ctx.officer = zhang
    setup.save_officer(ctx, Officer("王五", OfficerRole.HEAD, "33010200001", zhang.authority_id))
    ctx.officer = _officer(ctx, "张三")
    yield ctx
    ctx.database.dispose()


def case_json(file: Path) -> dict[str, Any]:
    with zipfile.ZipFile(file) as zf:
        data: dict[str, Any] = json.loads(zf.read("case.json"))
    return data


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """case.json apart from ids, the export header and the import event."""
    out = json.loads(json.dumps(data))
    out.pop("export")
    out["case"].pop("id")
    out["timeline"] = [e for e in out["timeline"] if e["action"] != "case.imported"]
    return out


def snapshot(ctx: AppContext) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Row counts of every table an import writes, and every file in both stores."""
    with ctx.unit_of_work() as uow:
        counts = bundle_rows.table_counts(uow.session)
    files = sorted(
        (store.root.name, item.key)
        for store in (ctx.evidence_store, ctx.document_store)
        for item in list(store.list()) + list(store.temporaries())
    )
    return counts, files


def test_export_writes_a_private_self_contained_bundle(sender: AppContext, tmp_path: Path) -> None:
    out = tmp_path / "案件包.zip"
    result = case_bundle.export_case(sender, CASE, out)
    assert result.file == out and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert result.case == cases.get_case(sender, CASE).case_number
    data = case_json(out)
    Draft202012Validator(case_bundle.schema()).validate(data)
    assert data["schema_version"] == 1 and data["format"] == "lcregulator-case-bundle"
    assert data["export"]["authority"]["name"] == "杭州市西湖区市场监督管理局"
    # the parties' full identifiers travel (the receiving bureau needs them)
    case = cases.get_case(sender, CASE)
    stored = parties.get_parties(sender, [int(p.party_id) for p in case.parties])
    identifiers = {p["name"]: (p["uscc"], p["id_number"]) for p in data["parties"]}
    for party in stored.values():
        assert identifiers[party.name] == (party.uscc, party.id_number)
    # every issued document and evidence file is inside, under its SHA-256
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        for d in data["documents"]:
            for part in ("pdf", "docx"):
                assert hashlib.sha256(zf.read(d[part]["file"])).hexdigest() == d[part]["sha256"]
        for e in data["evidence"]:
            assert hashlib.sha256(zf.read(e["file"])).hexdigest() == e["sha256"]
    issued = documents.issued(sender, CASE)
    assert len(data["documents"]) == len(issued) >= 15
    assert [d["number"] for d in data["documents"]] == [d.number for d in issued]
    assert names == {"case.json"} | {
        f for d in data["documents"] for f in (d["pdf"]["file"], d["docx"]["file"])
    } | {e["file"] for e in data["evidence"]}
    # the timeline without the local hash chain; the export itself is recorded afterwards
    assert data["timeline"] and all(
        set(e) == {"at", "action", "summary", "officer", "party", "before", "after"}
        for e in data["timeline"]
    )
    last = cases.timeline(sender, CASE)[-1]
    assert last.action == "case.exported" and result.sha256 in last.summary
    assert "完整身份证件号码" in last.summary


def test_round_trip_into_another_bureau(
    sender: AppContext, receiver: AppContext, tmp_path: Path
) -> None:
    # a voided document travels with its reason
    first = documents.issued(sender, CASE)[0]
    documents.void(sender, CASE, first.id, "文书编号错误")
    one = tmp_path / "one.zip"
    case_bundle.export_case(sender, CASE, one)
    number = cases.get_case(sender, CASE).case_number
    imported = case_bundle.import_bundle(receiver, one)
    assert imported.number == number and imported.case == number
    assert imported.source == "杭州市西湖区市场监督管理局"
    two = tmp_path / "two.zip"
    case_bundle.export_case(receiver, CaseId(imported.case_id), two)
    assert comparable(case_json(two)) == comparable(case_json(one))
    data = case_json(two)
    assert data["documents"][0]["void_reason"] == "文书编号错误"
    assert data["documents"][0]["voided_at"] is not None
    # the import event: who, when, from which bundle, which bureau
    event = next(
        e for e in cases.timeline(receiver, CaseId(imported.case_id)) if e.action == "case.imported"
    )
    assert event.officer_id == receiver.officer.id  # type: ignore[union-attr]
    assert event.after["bundle_sha256"] == hashlib.sha256(one.read_bytes()).hexdigest()
    assert event.after["source"]["authority"]["name"] == "杭州市西湖区市场监督管理局"
    # officers without an account here are kept as names, no account made
    assert "赵六" in event.after["names_kept_as_text"]
    assert all(o.name != "赵六" for o in setup.all_officers(receiver, 1))  # type: ignore[arg-type]
    names = case_bundle.imported_names(receiver, CaseId(imported.case_id))
    assert "李四" in names.values() or "赵六" in names.values()
    # the sending bureau's 文号 are kept, and take no place in this bureau's sequences
    kept = documents.issued(receiver, CaseId(imported.case_id))
    assert [d.number for d in kept] == [d["number"] for d in data["documents"]]
    with receiver.unit_of_work() as uow:
        from sqlalchemy import func, select

        from lcregulator.persistence.rows import DocumentSequenceRow, IssuedDocumentRow

        assert uow.session.scalar(select(func.count()).select_from(DocumentSequenceRow)) == 0
        assert (
            uow.session.scalar(select(func.count()).where(IssuedDocumentRow.seq.is_not(None))) == 0
        )
    # files, chain and stores all verify on the receiving side
    report = verification.verify(receiver)
    assert report.ok, report.problems
    # the same 立案编号 again is refused; --as-new gives an unnumbered copy
    before = snapshot(receiver)
    with pytest.raises(ValidationError) as refused:
        case_bundle.import_bundle(receiver, one)
    assert refused.value.field == "case.number" and number in refused.value.message
    assert snapshot(receiver) == before
    again = case_bundle.import_bundle(receiver, one, as_new=True)
    assert again.number is None and again.case == f"id:{again.case_id}"
    assert cases.get_case(receiver, CaseId(again.case_id)).case_number == ""


def test_an_archived_case_travels_with_its_volume_and_stays_read_only(
    sender: AppContext, receiver: AppContext, tmp_path: Path
) -> None:
    _, _, volume = archive.archive_case(sender, CASE, "永久")
    out = tmp_path / "archived.zip"
    case_bundle.export_case(sender, CASE, out)
    data = case_json(out)
    assert data["case"]["status"] == "archived"
    assert data["archive"]["pdf"]["sha256"] == volume.sha256
    assert data["archive"]["volume_number"] == volume.volume_number
    with zipfile.ZipFile(out) as zf:
        assert hashlib.sha256(zf.read(f"archive/{volume.sha256}.pdf")).hexdigest() == volume.sha256
    imported = case_bundle.import_bundle(receiver, out)
    case_id = CaseId(imported.case_id)
    case = cases.get_case(receiver, case_id)
    assert case.status is CaseStatus.ARCHIVED and case.read_only
    kept = archive.kept_volume(receiver, case_id)
    assert kept is not None and kept.sha256 == volume.sha256 and kept.pages == volume.pages
    copy = archive.export_volume(receiver, case_id, tmp_path / "卷宗.pdf")
    assert hashlib.sha256(copy.path.read_bytes()).hexdigest() == volume.sha256
    assert verification.verify(receiver).ok
    source = tmp_path / "new.txt"
    source.write_text("新证据", "utf-8")
    with pytest.raises(ReadOnlyError):
        evidence.add_evidence_file(receiver, case_id, source)
    assert orphans.find_orphans(receiver) == []  # refused before the file was stored


def _rewrite(src: Path, dst: Path, change: Callable[[dict[str, bytes]], dict[str, bytes]]) -> None:
    with zipfile.ZipFile(src) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    members = change(members)
    with zipfile.ZipFile(dst, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)


def _edit_json(
    edit: Callable[[dict[str, Any]], None],
) -> Callable[[dict[str, bytes]], dict[str, bytes]]:
    def change(members: dict[str, bytes]) -> dict[str, bytes]:
        data = json.loads(members["case.json"])
        edit(data)
        members["case.json"] = json.dumps(data, ensure_ascii=False).encode()
        return members

    return change


def _first_document(members: dict[str, bytes]) -> str:
    data = json.loads(members["case.json"])
    return str(data["documents"][0]["pdf"]["file"])


def _flip_byte(members: dict[str, bytes]) -> dict[str, bytes]:
    name = _first_document(members)
    body = bytearray(members[name])
    body[len(body) // 2] ^= 0xFF
    members[name] = bytes(body)
    return members


def _drop_file(members: dict[str, bytes]) -> dict[str, bytes]:
    del members[_first_document(members)]
    return members


def _traversal(members: dict[str, bytes]) -> dict[str, bytes]:
    members["../../etc/evil"] = b"x"
    return members


def _unlisted(members: dict[str, bytes]) -> dict[str, bytes]:
    members["evidence/extra"] = b"x"
    return members


def _remove_title(data: dict[str, Any]) -> None:
    del data["case"]["title"]


def _version(data: dict[str, Any]) -> None:
    data["schema_version"] = 2


def _bad_uscc(data: dict[str, Any]) -> None:
    party = next(p for p in data["parties"] if p["uscc"])
    party["uscc"] = party["uscc"][:-1] + ("0" if party["uscc"][-1] != "0" else "1")


def _dangling(data: dict[str, Any]) -> None:
    data["case_parties"][0]["party"] = "P99"


def _bad_date(data: dict[str, Any]) -> None:
    data["case"]["received_on"] = "2026-13-45"


def _nul(data: dict[str, Any]) -> None:
    data["case"]["summary"] = "当事人\x00名称"


def _deep(members: dict[str, bytes]) -> dict[str, bytes]:
    members["case.json"] = b"[" * 200_000 + b"]" * 200_000
    return members


DAMAGE: dict[str, tuple[Callable[[dict[str, bytes]], dict[str, bytes]], str]] = {
    "bad checksum": (_flip_byte, "bundle.documents.0.pdf.sha256"),
    "missing file": (_drop_file, "bundle.documents.0.pdf.sha256"),
    "traversal name": (_traversal, "bundle.files.../../etc/evil"),
    "unlisted file": (_unlisted, "bundle.files.evidence/extra"),
    "schema violation": (_edit_json(_remove_title), "bundle.case.title"),
    "wrong schema_version": (_edit_json(_version), "bundle.schema_version"),
    "bad identifier": (_edit_json(_bad_uscc), "bundle.parties."),
    "dangling reference": (_edit_json(_dangling), "bundle.case_parties.0.party"),
    "impossible date": (_edit_json(_bad_date), "bundle.case.received_on"),
    "NUL character": (_edit_json(_nul), "bundle.case.summary"),
    "nesting too deep": (_deep, "bundle.case.json"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_a_damaged_bundle_changes_nothing(
    damage: str, sender: AppContext, receiver: AppContext, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    case_bundle.export_case(sender, CASE, good)
    bad = tmp_path / "bad.zip"
    change, field = DAMAGE[damage]
    _rewrite(good, bad, change)
    before = snapshot(receiver)
    with pytest.raises(ValidationError) as refused:
        case_bundle.import_bundle(receiver, bad)
    assert refused.value.field.startswith(field), refused.value
    assert any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message)
    assert snapshot(receiver) == before


def test_a_truncated_or_linked_bundle_is_refused(
    sender: AppContext, receiver: AppContext, tmp_path: Path
) -> None:
    good = tmp_path / "good.zip"
    case_bundle.export_case(sender, CASE, good)
    before = snapshot(receiver)
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(ValidationError) as refused:
        case_bundle.import_bundle(receiver, truncated)
    assert refused.value.field == "bundle" and "截断" in refused.value.message
    linked = tmp_path / "linked.zip"
    shutil.copy(good, linked)
    with zipfile.ZipFile(linked, "a") as zf:
        info = zipfile.ZipInfo("evidence/link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(ValidationError) as refused:
        case_bundle.import_bundle(receiver, linked)
    assert (
        refused.value.field == "bundle.files.evidence/link" and "符号链接" in refused.value.message
    )
    assert snapshot(receiver) == before


def test_a_failing_transaction_takes_back_the_files_it_stored(
    sender: AppContext, receiver: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "one.zip"
    case_bundle.export_case(sender, CASE, out)
    before = snapshot(receiver)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(bundle_rows, "record_import", fail)
    with pytest.raises(RuntimeError):
        case_bundle.import_bundle(receiver, out)
    assert snapshot(receiver) == before
    assert orphans.find_orphans(receiver) == []


def test_who_may_export_and_import(
    sender: AppContext, receiver: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "one.zip"
    sender.officer = _officer(sender, "赵六")  # 法制审核 only
    with pytest.raises(PermissionDenied):
        case_bundle.export_case(sender, CASE, out)
    assert not out.exists()
    sender.officer = _officer(sender, "张三")  # the administrator registers another handler
    outsider = setup.save_officer(
        sender,
        Officer("孙七", OfficerRole.HANDLER, "33010600109", sender.officer.authority_id),
    )
    sender.officer = outsider  # a 承办人, but not of this case
    with pytest.raises(PermissionDenied, match="不是"):
        case_bundle.export_case(sender, CASE, out)
    sender.officer = _officer(sender, "王五")  # 负责人
    case_bundle.export_case(sender, CASE, out)
    reviewer = setup.save_officer(
        receiver,
        Officer("钱八", OfficerRole.REVIEWER, "33010200201", receiver.officer.authority_id),  # type: ignore[union-attr]
    )
    receiver.officer = reviewer
    before = snapshot(receiver)
    with pytest.raises(PermissionDenied):
        case_bundle.import_bundle(receiver, out)
    assert snapshot(receiver) == before
    with pytest.raises(ValidationError) as refused:
        case_bundle.export_case(sender, CASE, tmp_path / "one.txt")
    assert refused.value.field == "out"


def test_the_schema_names_the_domain_code_words() -> None:
    from lcregulator.domain.cases import ClueSource
    from lcregulator.domain.parties import Channel, LinkKind

    s = case_bundle.schema()
    case = s["properties"]["case"]["properties"]
    assert set(case["status"]["enum"]) == {c.value for c in CaseStatus}
    assert set(case["source"]["enum"]) == {c.value for c in ClueSource}
    party = s["$defs"]["party"]["properties"]
    assert set(party["kind"]["enum"]) == {k.value for k in PartyKind}
    assert set(party["roles"]["items"]["enum"]) == {r.value for r in PartyRole}
    assert set(party["channel"]["enum"]) == {None} | {c.value for c in Channel}
    link = party["links"]["items"]["properties"]["kind"]
    assert set(link["enum"]) == {k.value for k in LinkKind}
    Draft202012Validator.check_schema(s)


def test_a_missing_store_file_stops_the_export(sender: AppContext, tmp_path: Path) -> None:
    doc = documents.issued(sender, CASE)[0]
    documents.store_path(sender, doc.pdf_sha256, ".pdf").unlink()
    out = tmp_path / "one.zip"
    with pytest.raises(DomainError, match="缺失"):
        case_bundle.export_case(sender, CASE, out)
    assert not out.exists() and not list(tmp_path.glob(".one.zip*"))


def test_damage_inside_an_otherwise_valid_zip_is_found_before_writing(
    sender: AppContext, tmp_path: Path
) -> None:
    out = tmp_path / "one.zip"
    case_bundle.export_case(sender, CASE, out)
    checked = case_bundle.check_bundle(out)
    assert checked.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert set(checked.members) | {"case.json"} == set(case_bundle.iter_members(out))
    assert io.BytesIO(out.read_bytes()).getbuffer().nbytes == out.stat().st_size


def test_round_trip_and_refusal_on_each_backend(
    ctx: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The two-party case (a natural person among them) on SQLite and PostgreSQL: export,
    import as new, export again; a damaged bundle changes nothing there either."""
    from tests.documents.test_paper import ANSWERS, populate

    t = populate(ctx, tmp_path)
    source = tmp_path / "录屏.txt"
    source.write_bytes("直播录屏摘录".encode())
    evidence.add_evidence_file(ctx, t.case_id, source, description="直播录屏")
    first = documents.issue(ctx, t.case_id, "penalty_notice", ANSWERS, party_id=t.room)
    documents.void(ctx, t.case_id, first.record.id, "当事人名称有误")
    documents.issue(
        ctx, t.case_id, "penalty_notice", ANSWERS, party_id=t.room, replaces=first.record.id
    )
    one = tmp_path / "one.zip"
    case_bundle.export_case(ctx, t.case_id, one)
    data = case_json(one)
    marketer = next(p for p in data["parties"] if p["kind"] == "natural_person")
    assert marketer["id_number"] == "11010519491231002X"  # in full: the receiver needs it
    assert marketer["links"] == [{"kind": "appears_for", "target": "P1"}]
    assert data["documents"][1]["replaces"] == data["documents"][0]["key"]
    assert data["documents"][0]["void_reason"] == "当事人名称有误"
    imported = case_bundle.import_bundle(ctx, one, as_new=True)
    two = tmp_path / "two.zip"
    case_bundle.export_case(ctx, CaseId(imported.case_id), two)
    expected = comparable(data)
    expected["case"]["number"] = None  # imported as new: no 立案编号
    assert comparable(case_json(two)) == expected
    bad = tmp_path / "bad.zip"
    _rewrite(one, bad, _flip_byte)
    before = snapshot(ctx)
    with pytest.raises(ValidationError) as refused:
        case_bundle.import_bundle(ctx, bad, as_new=True)
    assert refused.value.field == "bundle.documents.0.pdf.sha256"
    assert snapshot(ctx) == before
    # a transaction that fails takes back the files it stored (on the server's store too)
    (tmp_path / "fresh").mkdir()
    fresh = tmp_path / "fresh" / "one.zip"
    _rewrite(one, fresh, _new_evidence)
    before = snapshot(ctx)

    def fail(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("connection lost")

    monkeypatch.setattr(bundle_rows, "record_import", fail)
    with pytest.raises(RuntimeError):
        case_bundle.import_bundle(ctx, fresh, as_new=True)
    assert snapshot(ctx) == before
    assert verification.verify(ctx).ok


def _new_evidence(members: dict[str, bytes]) -> dict[str, bytes]:
    """The bundle with one more evidence file this database has never stored."""
    body = "另一段直播录屏".encode()
    sha = hashlib.sha256(body).hexdigest()
    data = json.loads(members["case.json"])
    data["evidence"].append(
        dict(data["evidence"][0], file=f"evidence/{sha}", sha256=sha, size=len(body))
    )
    members["case.json"] = json.dumps(data, ensure_ascii=False).encode()
    members[f"evidence/{sha}"] = body
    return members
