"""Case bundles (DESIGN §9.1 ``case export`` / ``case import``; docs/case-bundle.md).

A bundle is one zip: ``case.json`` (checked against the JSON Schema shipped beside this module)
and the files it names by SHA-256 — evidence, issued PDFs and DOCX, and for an archived case its
kept 卷宗. It travels with a transfer (移送) to another bureau and into archives, so it holds
the parties' full identifiers: it is written 0600, and every export is recorded on the timeline.

An import checks everything before it writes anything (the zip's names and sizes, the schema,
every reference, every file against its SHA-256), then stores the files (each before the commit
that names it, as every writer does) and writes the case in ONE unit of work; if that fails,
the files it added are taken back, so a refused or failed import leaves the database and the
file stores as they were. Imported documents keep their 文号 as the sending bureau's record and
take no place in this bureau's 文号 sequences. Officers are matched by name to this bureau's
accounts; a name without one is kept as text, never made into an account.

Who may: export — a 承办人 of the case or a 负责人 (the bundle carries full ID numbers);
import — a 承办人 or a 负责人 (the case arrives as a new matter of this bureau).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from lcregulator import __version__
from lcregulator.domain.authority import Officer, OfficerRole
from lcregulator.domain.cases import (
    Case,
    CaseId,
    CaseParty,
    CaseStatus,
    Clue,
    ClueSource,
    Violation,
)
from lcregulator.domain.errors import DomainError, PermissionDenied, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.evidence import MAX_EVIDENCE_BYTES, Evidence
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyId,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.domain.procedure import Procedure
from lcregulator.domain.summons import Outcome, Summons
from lcregulator.persistence import case_bundle as rows
from lcregulator.persistence.rows import CaseArchiveRow, IssuedDocumentRow
from lcregulator.persistence.unit_of_work import UnitOfWork

from .context import AppContext
from .setup import OUR_AUTHORITY

FORMAT = "lcregulator-case-bundle"
SCHEMA_VERSION = 1
CASE_JSON = "case.json"
SCHEMA_FILE = "case_bundle.schema.json"
MAX_CASE_JSON = 64 * 1024**2  # a case with thousands of events is a few MB
MAX_MEMBERS = 50_000
MAX_TOTAL = 256 * 1024**3  # the sum of the declared sizes of every member
EXPORT_ROLES = frozenset({"handler", "head"})
IMPORT_ROLES = frozenset({"handler", "head"})
_CHUNK = 1 << 20

Progress = Callable[[int, int], None]


def _no_progress(_done: int, _total: int) -> None:
    return None


@dataclass(frozen=True)
class Exported:
    file: Path
    sha256: str
    case: str  # how commands address it: 立案编号, or id:N
    case_id: int
    files: int


@dataclass(frozen=True)
class Imported:
    case_id: int
    number: str | None
    case: str
    title: str
    source: str  # the sending bureau


def address(number: str | None, case_id: int) -> str:
    return number or f"id:{case_id}"


@cache
def schema() -> dict[str, Any]:
    """The shipped JSON Schema of ``case.json`` (package data, in the wheel and the installer)."""
    text = resources.files("lcregulator.services").joinpath(SCHEMA_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# --- export ---------------------------------------------------------------------------------


def _may_export(officer: Officer, case: Case) -> None:
    if officer.has_role(OfficerRole.HEAD) or (
        officer.id is not None and officer.id in case.officer_ids
    ):
        return
    raise PermissionDenied(
        f"导出案件包须由本案承办人或者负责人办理（案件包含当事人完整的身份证件号码），"
        f"{officer.name}不是“{case.title}”的承办人，未导出。",
        tuple(sorted(EXPORT_ROLES)),
    )


def _copy_checked(source: IO[bytes], target: IO[bytes], sha256: str) -> int:
    digest = hashlib.sha256()
    size = 0
    while block := source.read(_CHUNK):
        digest.update(block)
        target.write(block)
        size += len(block)
    if digest.hexdigest() != sha256:
        raise ValueError("sha256")
    return size


def _sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def _workstation_account() -> str:
    """``user@host`` of the process: who wrote a bundle when no officer signed in."""
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        user = str(os.getuid()) if hasattr(os, "getuid") else "unknown"
    return f"{user}@{socket.gethostname()}"


def export_case(
    ctx: AppContext, case_id: CaseId, out: Path, progress: Progress = _no_progress
) -> Exported:
    """Write the case's bundle to ``out`` (0600, atomically), then record the export.

    Signed in, the officer must be the case's 承办人 or a 负责人. Without a signed-in officer
    it is the workstation's file-level operation that DESIGN §9.1 gives ``case export``
    (like ``backup``, which copies the whole database): the timeline records the operating
    system account and host that wrote the bundle instead of an officer.
    """
    officer = ctx.officer
    exporter = officer.name if officer is not None else _workstation_account()
    out = Path(out).expanduser().absolute()
    if out.suffix.lower() != ".zip":
        raise ValidationError("out", "案件包文件名应以 .zip 结尾。")
    if not out.parent.is_dir():
        raise ValidationError("out", f"文件夹不存在：{out.parent}")
    now = ctx.clock.now()
    with UnitOfWork(ctx.database, officer.id if officer else None, now, read_only=True) as uow:
        case = uow.cases.get(case_id)
        if officer is not None:
            _may_export(officer, case)
    # one consistent snapshot, read without taking the write lock
    with rows.snapshot(ctx.database) as session:
        data = rows.read_case(session, int(case_id))
        authority = rows.authority_of(session, case.authority_id)
    content = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "export": {
            "at": rows.iso_time(now),
            "by": exporter,
            "program": f"lcregulator {__version__}",
            "authority": authority,
        },
        **data.content,
    }
    stores = {"evidence": ctx.evidence_store, "documents": ctx.document_store}
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    tmp = Path(tmp_name)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w+b") as fh:
            with zipfile.ZipFile(fh, "w", allowZip64=True) as zf:
                zf.writestr(
                    CASE_JSON,
                    json.dumps(content, ensure_ascii=False, indent=1),
                    compress_type=zipfile.ZIP_DEFLATED,
                )
                for done, f in enumerate(data.files, start=1):
                    progress(done, len(data.files))
                    _export_file(zf, stores[f.store], f)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("out", f"无法写入案件包：{out}（{exc.strerror or exc}）") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sha256 = _sha256_of(out)
    try:
        with ctx.unit_of_work() as uow:
            uow.events.add(
                Event(
                    action="case.exported",
                    summary=("" if officer is not None else f"本机账户{exporter}（未登录）")
                    + f"导出案件包{out.name}（含当事人完整身份证件号码），"
                    f"共{len(data.files)}个文件，SHA-256 {sha256}",
                    officer_id=officer.id if officer is not None else None,
                    at=uow.now,
                    case_id=int(case_id),
                    after={"file": str(out), "sha256": sha256, "files": len(data.files)},
                )
            )
            uow.commit()
    except BaseException:
        out.unlink(missing_ok=True)  # an export not on the timeline does not stay on disk
        raise
    number = content["case"]["number"]
    return Exported(out, sha256, address(number, int(case_id)), int(case_id), len(data.files))


def _export_file(zf: zipfile.ZipFile, store: Any, f: rows.BundleFile) -> None:
    what = {"evidence": "证据文件", "documents": "文书文件"}[f.store]
    try:
        source = store.open(f.sha256, f.suffix)
    except OSError:
        raise DomainError(
            f"{what}{f.sha256}{f.suffix}缺失，无法导出案件包；请先运行数据校验并恢复文件。"
        ) from None
    with source, zf.open(f.member, "w", force_zip64=True) as target:
        try:
            _copy_checked(source, target, f.sha256)
        except ValueError:
            raise DomainError(
                f"{what}{f.sha256}{f.suffix}与登记时的SHA-256不符，可能已被改动，"
                "无法导出案件包；请运行数据校验。"
            ) from None


# --- checking a bundle ----------------------------------------------------------------------


def _bad(field: str, message: str) -> ValidationError:
    return ValidationError(field, message)


def _unsafe_name(name: str) -> bool:
    parts = name.split("/")
    return (
        not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or "\x00" in name
        or any(p in ("", ".", "..") for p in parts)
    )


_SCHEMA_WORDS = {
    "type": "类型不对",
    "enum": "不是允许的值",
    "const": "不是允许的值",
    "pattern": "格式不对",
    "format": "格式不对",
    "maxLength": "过长",
    "minLength": "不能为空或过短",
    "maximum": "超出允许的范围",
    "minimum": "超出允许的范围",
    "minItems": "不能为空",
    "uniqueItems": "含有重复的项",
    "anyOf": "不符合允许的任何一种写法",
}


def _schema_error(error: Any) -> ValidationError:
    path = ".".join(str(p) for p in error.absolute_path)
    field = "bundle" + (f".{path}" if path else "")
    if error.validator == "required":
        found = re.search(r"'([^']+)' is a required property", error.message)
        name = found.group(1) if found else ""
        field += f".{name}" if name else ""
        return _bad(field, f"案件包的 case.json 缺少必需的项 {field}。")
    if error.validator == "additionalProperties":
        quoted = re.findall(r"'([^']+)'", error.message)
        extra = quoted[0] if quoted else ""
        return _bad(
            field + (f".{extra}" if extra else ""),
            f"案件包的 case.json 含有本程序不认识的项 {field}.{extra}。",
        )
    word = _SCHEMA_WORDS.get(str(error.validator), "不符合案件包格式")
    return _bad(field, f"案件包的 case.json 中 {field} {word}。")


@dataclass
class CheckedBundle:
    """A bundle that passed every check, with what the import needs from it."""

    file: Path
    sha256: str
    content: dict[str, Any]
    members: dict[str, tuple[str, str, str]]  # member → (store, sha256, suffix)


def _zip_members(zf: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _bad("bundle", f"案件包含有{len(infos)}个文件，超过上限{MAX_MEMBERS}个，不予导入。")
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe_name(name):
            raise _bad(
                f"bundle.files.{name}",
                f"案件包中的文件名“{name}”含有绝对路径或“..”等，可能企图写到别处，不予导入。",
            )
        if name in members:
            raise _bad(f"bundle.files.{name}", f"案件包中的文件“{name}”出现了两次，不予导入。")
        mode = (info.external_attr >> 16) & 0o170000
        if stat.S_ISLNK(mode) or info.is_dir() or (mode and not stat.S_ISREG(mode)):
            raise _bad(
                f"bundle.files.{name}",
                f"案件包中的“{name}”是符号链接或文件夹，不是普通文件，不予导入。",
            )
        if info.flag_bits & 0x1:
            raise _bad(f"bundle.files.{name}", f"案件包中的文件“{name}”已加密，无法校验。")
        if info.file_size > MAX_EVIDENCE_BYTES:
            raise _bad(f"bundle.files.{name}", f"案件包中的文件“{name}”超过4 GB，不予导入。")
        total += info.file_size
        if total > MAX_TOTAL:
            raise _bad("bundle", "案件包中的文件合计过大，不予导入。")
        members[name] = info
    return members


def _check_ends_whole(file: Path) -> None:
    """A bundle ends with the zip's end-of-central-directory record (this program writes no
    archive comment). A cut-off file does not — and zipfile alone could take the last DOCX
    inside it (itself a zip) for the whole archive."""
    with file.open("rb") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        fh.seek(max(0, size - 22))
        tail = fh.read(22)
    if len(tail) < 22 or not tail.startswith(b"PK\x05\x06"):
        raise zipfile.BadZipFile("no end-of-archive record at the end of the file")


def _read_case_json(zf: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo]) -> dict[str, Any]:
    info = members.get(CASE_JSON)
    if info is None:
        raise _bad(
            "bundle",
            "案件包中没有 case.json：文件可能在传输中被截断，或者不是本系统导出的案件包。",
        )
    if info.file_size > MAX_CASE_JSON:
        raise _bad("bundle.case.json", "案件包中的 case.json 过大，不予导入。")
    with zf.open(info) as fh:
        raw = fh.read(MAX_CASE_JSON + 1)
    if len(raw) > MAX_CASE_JSON:
        raise _bad("bundle.case.json", "案件包中的 case.json 过大，不予导入。")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _bad("bundle.case.json", "案件包中的 case.json 不是有效的UTF-8 JSON。") from None
    if not isinstance(data, dict):
        raise _bad("bundle.case.json", "案件包中的 case.json 应为一个JSON对象。")
    _refuse_nul(data)
    return data


def _refuse_nul(data: Any) -> None:
    """A NUL character is valid JSON but no database keeps it in text (PostgreSQL refuses it
    mid-transaction): refused here, naming where it is."""
    stack: list[tuple[str, Any]] = [("bundle", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if "\x00" in value:
                raise _bad(path, f"案件包中 {path} 含有空字符（NUL），不予导入。")
        elif isinstance(value, dict):
            for key, item in value.items():
                if "\x00" in key:
                    raise _bad(path, f"案件包中 {path} 的键含有空字符（NUL），不予导入。")
                stack.append((f"{path}.{key}", item))
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}", item) for i, item in enumerate(value))


def _check_version(data: dict[str, Any]) -> None:
    if data.get("format") != FORMAT:
        raise _bad(
            "bundle.format", "这不是本系统导出的案件包（format 不是 lcregulator-case-bundle）。"
        )
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
            message = (
                f"案件包的格式版本为{version}，比本程序支持的版本（{SCHEMA_VERSION}）新，"
                "请先升级本程序再导入。"
            )
        else:
            message = f"案件包的格式版本（{version!r}）不受支持，本程序读取版本{SCHEMA_VERSION}。"
        raise _bad("bundle.schema_version", message)


def _check_schema(data: dict[str, Any]) -> None:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import best_match

    validator = Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    error = best_match(validator.iter_errors(data))
    if error is not None:
        raise _schema_error(error)


def _unique(items: list[dict[str, Any]], key: str, field: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item[key] in seen:
            raise _bad(f"{field}.{i}.{key}", f"案件包中的 {field}.{i}.{key}“{item[key]}”重复。")
        seen.add(item[key])
    return seen


def _ref(value: str | None, known: set[str], field: str) -> None:
    if value is not None and value not in known:
        raise _bad(field, f"案件包中的 {field}“{value}”不指向包内的任何一项。")


def _check_references(data: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    """Every key unique, every reference resolving, every file named once by its hash;
    returns the files the bundle must hold: member → (store, sha256, suffix)."""
    parties = _unique(data["parties"], "key", "bundle.parties")
    documents = _unique(data["documents"], "key", "bundle.documents")
    summonses = _unique(data["summonses"], "key", "bundle.summonses")
    for i, p in enumerate(data["parties"]):
        for j, a in enumerate(p["accounts"]):
            _ref(
                a["platform_operator"],
                parties,
                f"bundle.parties.{i}.accounts.{j}.platform_operator",
            )
        for j, link in enumerate(p["links"]):
            _ref(link["target"], parties, f"bundle.parties.{i}.links.{j}.target")
    pairs: set[tuple[str, str]] = set()
    for i, cp in enumerate(data["case_parties"]):
        _ref(cp["party"], parties, f"bundle.case_parties.{i}.party")
        if (cp["party"], cp["role"]) in pairs:
            raise _bad(f"bundle.case_parties.{i}", "案件包中同一当事人以同一身份列了两次。")
        pairs.add((cp["party"], cp["role"]))
    for i, v in enumerate(data["violations"]):
        _ref(v["party"], parties, f"bundle.violations.{i}.party")
    for i, s in enumerate(data["summonses"]):
        _ref(s["party"], parties, f"bundle.summonses.{i}.party")
    for i, e in enumerate(data["timeline"]):
        _ref(e["party"], parties, f"bundle.timeline.{i}.party")
    files: dict[str, tuple[str, str, str]] = {}
    hashes: set[str] = set()
    for i, e in enumerate(data["evidence"]):
        field = f"bundle.evidence.{i}"
        if e["file"] != f"evidence/{e['sha256']}":
            raise _bad(f"{field}.file", f"案件包中 {field}.file 与其SHA-256不一致。")
        if e["sha256"] in hashes:
            raise _bad(f"{field}.sha256", f"案件包中 {field} 与另一份证据是同一文件。")
        hashes.add(e["sha256"])
        files[e["file"]] = ("evidence", e["sha256"], "")
    for i, d in enumerate(data["documents"]):
        field = f"bundle.documents.{i}"
        _ref(d["replaces"], documents, f"{field}.replaces")
        _ref(d["summons"], summonses, f"{field}.summons")
        for part, suffix in (("pdf", ".pdf"), ("docx", ".docx")):
            ref = d[part]
            if ref["file"] != f"documents/{ref['sha256']}{suffix}":
                raise _bad(
                    f"{field}.{part}.file", f"案件包中 {field}.{part}.file 与其SHA-256不一致。"
                )
            files[ref["file"]] = ("documents", ref["sha256"], suffix)
    archived = data["case"]["status"] == CaseStatus.ARCHIVED.value
    archive = data["archive"]
    if archived and archive is None:
        raise _bad("bundle.archive", "案件包中的案件已归档，却没有卷宗（archive）。")
    if archive is not None:
        if not archived:
            raise _bad("bundle.archive", "案件包中有卷宗（archive），案件却不是已归档状态。")
        ref = archive["pdf"]
        if ref["file"] != f"archive/{ref['sha256']}.pdf":
            raise _bad(
                "bundle.archive.pdf.file", "案件包中 bundle.archive.pdf.file 与其SHA-256不一致。"
            )
        files[ref["file"]] = ("documents", ref["sha256"], ".pdf")
    return files


def _field_of(member: str, data: dict[str, Any]) -> str:
    """The case.json entry that names ``member`` (for messages about its file)."""
    for i, e in enumerate(data["evidence"]):
        if e["file"] == member:
            return f"bundle.evidence.{i}.sha256"
    for i, d in enumerate(data["documents"]):
        for part in ("pdf", "docx"):
            if d[part]["file"] == member:
                return f"bundle.documents.{i}.{part}.sha256"
    return "bundle.archive.pdf.sha256"


def _hash_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    digest = hashlib.sha256()
    with zf.open(info) as fh:
        while block := fh.read(_CHUNK):
            digest.update(block)
    return digest.hexdigest()


def check_bundle(file: Path, progress: Progress = _no_progress) -> CheckedBundle:
    """Every check of an import, reading the bundle only: nothing is written anywhere."""
    file = Path(file).expanduser()
    if not file.is_file():
        raise _bad("file", f"找不到案件包文件：{file}")
    try:
        sha256 = _sha256_of(file)
        _check_ends_whole(file)
        with zipfile.ZipFile(file) as zf:
            members = _zip_members(zf)
            data = _read_case_json(zf, members)
            _check_version(data)
            _check_schema(data)
            _check_moments(data)
            files = _check_references(data)
            for name in members:
                if name != CASE_JSON and name not in files:
                    raise _bad(
                        f"bundle.files.{name}",
                        f"案件包中的文件“{name}”在 case.json 中没有登记，不予导入。",
                    )
            for i, e in enumerate(data["evidence"]):
                info = members.get(e["file"])
                if info is not None and info.file_size != e["size"]:
                    raise _bad(
                        f"bundle.evidence.{i}.size",
                        f"证据“{e['original_name']}”的大小与 case.json 登记的不符，案件包可能已损坏。",
                    )
            total = sum(members[m].file_size for m in files if m in members)
            done = 0
            for member, (_store, expected, _suffix) in files.items():
                info = members.get(member)
                field = _field_of(member, data)
                if info is None:
                    raise _bad(field, f"案件包中缺少文件“{member}”（{field}），不予导入。")
                if _hash_member(zf, info) != expected:
                    raise _bad(
                        field,
                        f"案件包中的文件“{member}”与 case.json 登记的SHA-256不符（{field}），"
                        "可能在传输中损坏或被改动，不予导入。",
                    )
                done += info.file_size
                progress(done, total)
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, OSError) as exc:
        raise _bad(
            "bundle",
            f"案件包不是完整的zip文件，可能在传输中被截断或损坏（{exc}），不予导入。",
        ) from None
    except NotImplementedError as exc:  # a compression method zipfile cannot read
        raise _bad("bundle", f"案件包使用了不支持的压缩方式（{exc}），不予导入。") from None
    return CheckedBundle(file, sha256, data, files)


# --- import ---------------------------------------------------------------------------------


def _date(value: str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(field, f"案件包中 {field} 不是有效的日期：{value}") from None


def _day(value: str, field: str) -> dt.date:
    day = _date(value, field)
    assert day is not None
    return day


def _time(value: str | None, field: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise _bad(field, f"案件包中 {field} 不是有效的时间：{value}") from None
    if moment.tzinfo is None:
        raise _bad(field, f"案件包中 {field} 缺少时区：{value}")
    return moment


def _moment(value: str, field: str) -> dt.datetime:
    moment = _time(value, field)
    assert moment is not None
    return moment


def _check_moments(data: dict[str, Any]) -> None:
    """Times the schema's pattern lets through but the calendar does not (month 13 …)."""
    _time(data["export"]["at"], "bundle.export.at")
    for group, keys in (
        ("evidence", ("captured_at",)),
        ("documents", ("issued_at", "voided_at")),
        ("summonses", ("scheduled_at",)),
        ("timeline", ("at",)),
    ):
        for i, item in enumerate(data[group]):
            for key in keys:
                _time(item[key], f"bundle.{group}.{i}.{key}")
    if data["archive"] is not None:
        _time(data["archive"]["archived_at"], "bundle.archive.archived_at")


def _assessments(data: dict[str, Any]) -> list[Any]:
    """Each violation's saved 处罚裁量 as the program reads it (stored as sent, see
    :func:`rows.set_assessments`); one it cannot read is refused here, before any write."""
    from lcregulator.domain.assessment import ViolationAssessment

    out: list[Any] = []
    for i, v in enumerate(data["violations"]):
        try:
            out.append(ViolationAssessment.from_json(v["assessment"]) if v["assessment"] else None)
        except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
            raise _bad(
                f"bundle.violations.{i}.assessment",
                f"案件包中第{i + 1}项违法行为的处罚裁量（assessment）无法读取。",
            ) from None
    return out


def _place(data: dict[str, Any] | None) -> Place | None:
    return Place(region=data["region"], address=data["address"]) if data is not None else None


def _parties(data: dict[str, Any]) -> list[Party]:
    """The bundle's parties as domain objects, validated (identifier checksums …) without
    their links, which name parties not yet stored."""
    out = []
    for i, p in enumerate(data["parties"]):
        party = Party(
            kind=PartyKind(p["kind"]),
            name=p["name"],
            roles={PartyRole(r) for r in p["roles"]},
            uscc=p["uscc"],
            id_number=p["id_number"],
            legal_representative=p["legal_representative"],
            channel=Channel(p["channel"]) if p["channel"] else None,
            domicile=_place(p["domicile"]) or Place(),
            household_registration=_place(p["household_registration"]),
            business_place=_place(p["business_place"]),
            registered=p["registered"],
            phone=p["phone"],
            email=p["email"],
            accounts=[
                LiveAccount(
                    platform=a["platform"], account_id=a["account_id"], room_name=a["room_name"]
                )
                for a in p["accounts"]
            ],
        )
        try:
            party.validate()
        except ValidationError as exc:
            tail = exc.field.split(".", 1)[1] if "." in exc.field else exc.field
            raise _bad(
                f"bundle.parties.{i}.{tail}", f"案件包中的当事人“{p['name']}”：{exc.message}"
            ) from None
        out.append(party)
    return out


class _Names:
    """Officers by name: this bureau's account when exactly one bears the name, else the
    name is kept as text under ``group``/``key`` for the timeline and later exports."""

    def __init__(self, by_name: dict[str, int]) -> None:
        self.by_name = by_name
        self.kept: dict[str, Any] = {
            "officers": [],
            "events": {},
            "evidence": {},
            "documents": {},
            "clues": {},
            "summonses": {},
            "archive": None,
        }
        self.unmatched: set[str] = set()

    def match(self, name: str | None) -> int | None:
        if name is None:
            return None
        found = self.by_name.get(name)
        if found is None:
            self.unmatched.add(name)
        return found

    def keep(self, group: str, key: int, name: str | None, attr: str | None = None) -> None:
        if name is None or name in self.by_name:
            return
        if attr is None:
            self.kept[group][str(key)] = name
        else:
            self.kept[group].setdefault(str(key), {})[attr] = name


def import_bundle(
    ctx: AppContext, file: Path, *, as_new: bool = False, progress: Progress = _no_progress
) -> Imported:
    """Check the bundle, then import it whole, or change nothing."""
    officer = ctx.require_officer()
    if not officer.has_role(OfficerRole.HANDLER, OfficerRole.HEAD):
        raise PermissionDenied(
            f"导入案件包须由承办人或者负责人办理，{officer.name}（{officer.roles_label}）没有这一角色。",
            tuple(sorted(IMPORT_ROLES)),
        )
    checked = check_bundle(file, progress)
    data = checked.content
    parties = _parties(data)
    c = data["case"]
    try:
        Procedure.from_json(c["procedure"])
    except (TypeError, ValueError, KeyError, AttributeError, ArithmeticError):
        raise _bad("bundle.case.procedure", "案件包中的程序记录（procedure）无法读取。") from None
    assessments = _assessments(data)
    number = None if as_new else (c["number"] or None)
    if number is not None:  # said before any file is stored (and again in the transaction)
        with UnitOfWork(ctx.database, officer.id, ctx.clock.now(), read_only=True) as uow:
            _refuse_taken(uow, number)
    from .workflow import calendar

    cal = calendar(ctx)
    today = ctx.today()
    added: list[tuple[Any, str, str, str]] = []
    stores = {"evidence": ctx.evidence_store, "documents": ctx.document_store}
    try:
        with zipfile.ZipFile(checked.file) as zf:
            for member, (store_name, sha256, suffix) in checked.members.items():
                store = stores[store_name]
                existed = store.exists(sha256, suffix)
                with zf.open(member) as src:
                    stored, _size = store.put(cast(BinaryIO, src), suffix)
                if not existed:
                    added.append((store, store_name, sha256, suffix))
                if stored != sha256:  # the bundle changed under us since it was checked
                    raise _bad(
                        _field_of(member, data),
                        f"案件包中的文件“{member}”在导入时发生了变化，未导入。",
                    )
        result = _write(ctx, checked, parties, assessments, number, as_new, officer, cal, today)
    except BaseException:
        _take_back(ctx, added)
        raise
    return result


def _refuse_taken(uow: UnitOfWork, number: str) -> None:
    authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
    title = rows.number_taken(uow.session, authority_id, number)
    if title is not None:
        raise _bad(
            "case.number",
            f"本局已有立案编号为“{number}”的案件（“{title}”），未导入。"
            "如确需作为另一件案件导入，请使用 --as-new（导入为未编号的新案件）。",
        )


def _take_back(ctx: AppContext, added: list[tuple[Any, str, str, str]]) -> None:
    """Remove the files this import stored, unless a row (another writer's) names them."""
    if not added:
        return
    try:
        with ctx.unit_of_work() as uow:
            keep = {
                (name, sha, suffix)
                for _store, name, sha, suffix in added
                if rows.file_referenced(uow.session, name, sha, suffix)
            }
        for store, name, sha, suffix in added:
            if (name, sha, suffix) not in keep:
                store.remove(sha, suffix)
    except Exception:  # verify reports what is left over; the import's own error matters more
        return


def _write(
    ctx: AppContext,
    checked: CheckedBundle,
    parties: list[Party],
    assessments: list[Any],
    number: str | None,
    as_new: bool,
    officer: Officer,
    cal: Any,
    today: dt.date,
) -> Imported:
    from .workflow import stamp

    data = checked.content
    c = data["case"]
    with ctx.unit_of_work() as uow:
        if number is not None:
            _refuse_taken(uow, number)
        session = uow.session
        authority_id = int(uow.settings.get(OUR_AUTHORITY) or 0)
        names = _Names(rows.officer_ids_by_name(session, authority_id))
        party_ids: dict[str, PartyId] = {}
        for p, party in zip(data["parties"], parties, strict=True):
            saved = uow.parties.save(party)
            assert saved.id is not None
            party_ids[p["key"]] = saved.id
        for p in data["parties"]:  # now every party exists: links and platform operators
            if not p["links"] and not any(a["platform_operator"] for a in p["accounts"]):
                continue
            party = uow.parties.get(party_ids[p["key"]])
            party.links = [
                PartyLink(kind=LinkKind(link["kind"]), target_id=party_ids[link["target"]])
                for link in p["links"]
            ]
            for account, a in zip(party.accounts, p["accounts"], strict=True):
                op = a["platform_operator"]
                account.platform_operator_id = party_ids[op] if op else None
            uow.parties.save(party)
        handlers = []
        for name in c["officers"]:
            found = names.match(name)
            if found is None:
                names.kept["officers"].append(name)
            elif found not in handlers:
                handlers.append(found)
        if not handlers and officer.id is not None:
            handlers = [officer.id]  # someone here must be able to act on the case
        case = Case(
            title=c["title"],
            source=ClueSource(c["source"]),
            received_on=_day(c["received_on"], "bundle.case.received_on"),
            authority_id=authority_id,
            status=CaseStatus(c["status"]),
            case_number=number or "",
            summary=c["summary"],
            filed_on=_date(c["filed_on"], "bundle.case.filed_on"),
            notice_served_on=_date(c["notice_served_on"], "bundle.case.notice_served_on"),
            decided_on=_date(c["decided_on"], "bundle.case.decided_on"),
            decision_served_on=_date(c["decision_served_on"], "bundle.case.decision_served_on"),
            closed_on=_date(c["closed_on"], "bundle.case.closed_on"),
            officer_ids=handlers,  # type: ignore[arg-type]
            parties=[
                CaseParty(party_id=party_ids[cp["party"]], role=PartyRole(cp["role"]))
                for cp in data["case_parties"]
            ],
            violations=[
                Violation(
                    provision_id=v["provision_id"],
                    facts=v["facts"],
                    act_start=_date(v["act_start"], f"bundle.violations.{i}.act_start"),
                    act_end=_date(v["act_end"], f"bundle.violations.{i}.act_end"),
                    continuing=v["continuing"],
                    assessment=assessments[i],
                    party_id=party_ids[v["party"]] if v["party"] else None,
                )
                for i, v in enumerate(data["violations"])
            ],
            procedure=Procedure.from_json(c["procedure"]),
        )
        saved_case = uow.cases.add(case)
        assert saved_case.id is not None
        case_id = int(saved_case.id)
        rows.set_case_json(session, case_id, c["jurisdiction"], c["procedure"])
        rows.set_assessments(session, case_id, [v["assessment"] for v in data["violations"]])
        for i, clue in enumerate(data["clues"]):
            saved_clue = uow.clues.save(
                Clue(
                    source=ClueSource(clue["source"]),
                    received_on=_day(clue["received_on"], f"bundle.clues.{i}.received_on"),
                    summary=clue["summary"],
                    reporter=clue["reporter"],
                    reporter_contact=clue["reporter_contact"],
                    registered_by=names.match(clue["registered_by"]),  # type: ignore[arg-type]
                    case_id=saved_case.id,
                )
            )
            names.keep("clues", int(saved_clue.id or 0), clue["registered_by"])
        for i, e in enumerate(data["evidence"]):
            item = uow.evidence.add(
                case_id,
                Evidence(
                    sha256=e["sha256"],
                    original_name=e["original_name"],
                    size=e["size"],
                    media_type=e["media_type"],
                    captured_at=_moment(e["captured_at"], f"bundle.evidence.{i}.captured_at"),
                    captured_by=names.match(e["captured_by"]),  # type: ignore[arg-type]
                    description=e["description"],
                    source_url=e["source_url"],
                ),
            )
            names.keep("evidence", int(item.id or 0), e["captured_by"])
        summons_ids: dict[str, int] = {}
        for i, s in enumerate(data["summonses"]):
            matched = [m for m in (names.match(n) for n in s["officers"]) if m is not None]
            saved_summons = uow.summonses.save(
                Summons(
                    party_id=party_ids[s["party"]],
                    grounds=list(s["grounds"]),
                    ground_details=s["ground_details"],
                    invited_person=s["invited_person"],
                    scheduled_at=_moment(s["scheduled_at"], f"bundle.summonses.{i}.scheduled_at"),
                    place=s["place"],
                    officer_ids=matched,
                    joint_with_cyberspace=s["joint_with_cyberspace"],
                    case_id=case_id,
                    record=s["record"],
                    commitments=s["commitments"],
                    rectification_required=s["rectification_required"],
                    rectification_deadline=_date(
                        s["rectification_deadline"], f"bundle.summonses.{i}.rectification_deadline"
                    ),
                    outcome=Outcome(s["outcome"]) if s["outcome"] else None,
                    outcome_on=_date(s["outcome_on"], f"bundle.summonses.{i}.outcome_on"),
                    outcome_note=s["outcome_note"],
                ),
                authority_id,
            )
            assert saved_summons.id is not None
            summons_ids[s["key"]] = saved_summons.id
            text = [n for n in s["officers"] if n not in names.by_name]
            if text:
                names.kept["summonses"][str(saved_summons.id)] = text
        document_ids: dict[str, int] = {}
        for i, d in enumerate(data["documents"]):
            field = f"bundle.documents.{i}"
            record = uow.documents.add(
                IssuedDocumentRow(
                    case_id=case_id,
                    summons_id=summons_ids[d["summons"]] if d["summons"] else None,
                    authority_id=authority_id,
                    kind=d["kind"],
                    title=d["title"],
                    number=d["number"],  # the sending bureau's 文号, kept as its record
                    year=d["year"],
                    seq=None,  # so it takes no place in this bureau's 文号 sequences
                    issued_on=_day(d["issued_on"], f"{field}.issued_on"),
                    issued_at=_moment(d["issued_at"], f"{field}.issued_at"),
                    issued_by=names.match(d["issued_by"]),
                    pdf_sha256=d["pdf"]["sha256"],
                    docx_sha256=d["docx"]["sha256"],
                    served_on=_date(d["served_on"], f"{field}.served_on"),
                    service_method=d["service_method"],
                    voided_at=_time(d["voided_at"], f"{field}.voided_at"),
                    voided_by=names.match(d["voided_by"]),
                    void_reason=d["void_reason"],
                )
            )
            document_ids[d["key"]] = record.id
            names.keep("documents", record.id, d["issued_by"], "issued_by")
            names.keep("documents", record.id, d["voided_by"], "voided_by")
        for d in data["documents"]:
            if d["replaces"]:
                rows.set_replaces(session, document_ids[d["key"]], document_ids[d["replaces"]])
        archive = data["archive"]
        if archive is not None:
            rows.add_archive(
                session,
                CaseArchiveRow(
                    case_id=case_id,
                    volume_number=archive["volume_number"],
                    retention=archive["retention"],
                    pages=archive["pages"],
                    pdf_sha256=archive["pdf"]["sha256"],
                    archived_on=_day(archive["archived_on"], "bundle.archive.archived_on"),
                    archived_at=_moment(archive["archived_at"], "bundle.archive.archived_at"),
                    archived_by=names.match(archive["archived_by"]),
                ),
            )
            if archive["archived_by"] not in names.by_name:
                names.kept["archive"] = archive["archived_by"]
        for i, e in enumerate(data["timeline"]):
            event = uow.events.add(
                Event(
                    action=e["action"],
                    summary=e["summary"],
                    officer_id=names.match(e["officer"]),  # type: ignore[arg-type]
                    at=_moment(e["at"], f"bundle.timeline.{i}.at"),
                    case_id=case_id,
                    before=e["before"],
                    after=e["after"],
                ),
                party_id=party_ids[e["party"]] if e["party"] else None,
            )
            names.keep("events", int(event.id or 0), e["officer"])
        stamp(uow, uow.cases.get(case_id), cal, today)
        sender = data["export"]["authority"]
        origin = address(c["number"], c["id"])
        source = {
            "authority": sender,
            "case": origin,
            "exported_at": data["export"]["at"],
            "exported_by": data["export"]["by"],
        }
        rows.record_import(
            session, case_id, checked.sha256, source, names.kept, uow.now, officer.id
        )
        kept_as_text = sorted(names.unmatched)
        uow.events.add(
            Event(
                action="case.imported",
                summary=f"导入案件包：来自{sender['name']}（原案件{origin}），"
                f"案件包SHA-256 {checked.sha256}"
                + ("；作为新案件导入，未编号" if as_new else "")
                + (
                    f"；本局没有账号的人员以姓名记录：{'、'.join(kept_as_text)}"
                    if kept_as_text
                    else ""
                ),
                officer_id=officer.id,
                at=uow.now,
                case_id=case_id,
                after={
                    "bundle_sha256": checked.sha256,
                    "file": checked.file.name,
                    "source": source,
                    "as_new": as_new,
                    "names_kept_as_text": kept_as_text,
                },
            )
        )
        uow.commit()
    return Imported(case_id, number, address(number, case_id), c["title"], sender["name"])


def imported_names(ctx: AppContext, case_id: CaseId) -> dict[int, str]:
    """For the timeline: the officers of imported events that have no account here, by event id."""
    with ctx.unit_of_work() as uow:
        found = rows.import_source(uow.session, int(case_id))
    if not found:
        return {}
    return {int(k): str(v) for k, v in (found["names"].get("events") or {}).items()}


def iter_members(file: Path) -> Iterator[str]:
    """The names inside a bundle (for tests and the curious)."""
    with zipfile.ZipFile(file) as zf:
        yield from zf.namelist()


__all__ = [
    "EXPORT_ROLES",
    "IMPORT_ROLES",
    "CheckedBundle",
    "Exported",
    "Imported",
    "check_bundle",
    "export_case",
    "import_bundle",
    "imported_names",
    "schema",
]
