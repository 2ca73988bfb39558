"""Reading and writing report files: UTF-8 CSV and xlsx, streamed in constant memory per row.

xlsx is read with python-calamine (about 14× faster than openpyxl's read-only mode on a
100,000-row sheet) and written with openpyxl's write-only workbook. Cells come back as text the
way an officer sees them: a phone number stored as a number is ``13800000000``, not ``1.38e10``.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import re
import zipfile
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from lcregulator.domain.errors import ValidationError

Progress = Callable[[float], None]


@dataclass
class Sheet:
    name: str
    rows: Iterator[list[str]]  # the header row first
    total: int | None  # rows in the sheet when known (xlsx), for progress


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise ValidationError(
        "file", f"不支持的文件类型“{suffix}”：请提供 xlsx 或者 UTF-8 编码的 CSV 文件。"
    )


def open_sheets(path: Path) -> Iterator[Sheet]:
    """Every sheet of the file (a CSV is one sheet), each row as a list of strings."""
    if not path.is_file():
        raise ValidationError("file", f"找不到文件：{path}")
    if kind_of(path) == "csv":
        yield Sheet(path.name, _csv_rows(path), None)
        return
    if _sheet_xml_size(path) > CALAMINE_LIMIT:
        yield from _stream_xlsx(path)
        return
    try:
        from python_calamine import CalamineWorkbook

        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types for damaged files
        raise ValidationError("file", f"无法读取 xlsx 文件（文件可能已损坏）：{exc}") from None
    try:
        for name in workbook.sheet_names:
            sheet = workbook.get_sheet_by_name(name)
            yield Sheet(name, (list(map(_cell, r)) for r in sheet.iter_rows()), sheet.height)
    finally:
        workbook.close()


def _csv_rows(path: Path) -> Iterator[list[str]]:
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        try:
            yield from csv.reader(text)
        except UnicodeDecodeError:
            raise ValidationError(
                "file", "CSV 文件不是 UTF-8 编码：请在表格软件中另存为“CSV UTF-8”后再导入。"
            ) from None
        except csv.Error as exc:
            raise ValidationError("file", f"CSV 文件格式错误：{exc}") from None


def private_file(path: Path) -> None:
    """Identity data: readable by the officer's account only (0600)."""
    with contextlib.suppress(OSError):  # filesystems without modes (FAT, SMB)
        os.chmod(path, 0o600)


def write_xlsx(path: Path, header: list[str], rows: Iterator[list[str]]) -> int:
    """Write one sheet in openpyxl's write-only mode (constant memory); returns the row count."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("报送信息")
    sheet.append(header)
    n = 0
    for row in rows:
        sheet.append(row)
        n += 1
    tmp = path.with_name("." + path.name + ".incoming")
    workbook.save(tmp)
    private_file(tmp)
    os.replace(tmp, path)
    return n


# python-calamine reads a whole sheet into memory (~900 MB for a million rows of ten columns):
# above this many bytes of uncompressed sheet XML the streaming reader below takes over.
CALAMINE_LIMIT = 200_000_000
_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
# r, s, t in the order Excel, WPS and openpyxl write them; anything else takes _CELL.
_FAST_CELL = re.compile(
    r'<c r="([A-Z]+)[0-9]+"(?: s="[0-9]+")?(?: t="(\w+)")?(?: s="[0-9]+")?(?:/>|>(.*?)</c>)', re.S
)
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_REF = re.compile(r'\br="([A-Z]+)')
_TYPE = re.compile(r'\bt="(\w+)"')
_VALUE = re.compile(r"<v>(.*?)</v>", re.S)
_TEXT = re.compile(r"<t(?:\s[^>]*)?>(.*?)</t>", re.S)
_SHEET = re.compile(r"<sheet\b[^>]*?\bname=\"([^\"]*)\"[^>]*?\br:id=\"([^\"]*)\"", re.S)
_SHEET_ALT = re.compile(r"<sheet\b[^>]*?\br:id=\"([^\"]*)\"[^>]*?\bname=\"([^\"]*)\"", re.S)
_REL = re.compile(r"<Relationship\b[^>]*?/>", re.S)


def _sheet_xml_size(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as archive:
            return max(
                (
                    i.file_size
                    for i in archive.infolist()
                    if i.filename.startswith("xl/worksheets/")
                ),
                default=0,
            )
    except (zipfile.BadZipFile, OSError):
        return 0  # calamine then names the damage


def _text(raw: str) -> str:
    """XML text as written: numeric character references (some writers escape every CJK
    character) and the five predefined entities."""
    if "&" not in raw:
        return raw
    if "&#" in raw:
        raw = _charrefs(raw)
    if "&" in raw:
        raw = (
            raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", '"')
            .replace("&apos;", "'")
            .replace("&amp;", "&")
        )
    return raw


def _charrefs(raw: str) -> str:
    # split/join beats re.sub with a callback threefold here (30 references a row is usual)
    parts = raw.split("&#")
    out = [parts[0]]
    try:
        for part in parts[1:]:
            end = part.index(";")
            number = part[:end]
            out.append(chr(int(number[1:], 16) if number[0] in "xX" else int(number)))
            out.append(part[end + 1 :])
    except (ValueError, IndexError, OverflowError):
        return raw  # not a reference after all; leave the text as written
    return "".join(out)


def _chunks(handle: IO[bytes], separator: str) -> Iterator[str]:
    """The decompressed XML cut after each ``separator``, in pieces of a few megabytes."""
    reader = io.TextIOWrapper(handle, encoding="utf-8")
    rest = ""
    while True:
        block = reader.read(1 << 22)
        if not block:
            break
        rest += block
        cut = rest.rfind(separator)
        if cut < 0:
            continue
        cut += len(separator)
        yield rest[:cut]
        rest = rest[cut:]
    if rest:
        yield rest


class _SharedStrings:
    """The workbook's shared strings, joined into a few large strings (a Python object per
    string would cost ~60 bytes each; a big workbook has millions)."""

    STEP = 65536

    def __init__(self) -> None:
        self.blocks: list[tuple[str, array[int]]] = []
        self._parts: list[str] = []

    def add(self, value: str) -> None:
        self._parts.append(value)
        if len(self._parts) == self.STEP:
            self._seal()

    def _seal(self) -> None:
        if not self._parts:
            return
        offsets = array("L", [0])
        total = 0
        for part in self._parts:
            total += len(part)
            offsets.append(total)
        self.blocks.append(("".join(self._parts), offsets))
        self._parts = []

    def finish(self) -> _SharedStrings:
        self._seal()
        return self

    def __getitem__(self, index: int) -> str:
        text, offsets = self.blocks[index // self.STEP]
        i = index % self.STEP
        return text[offsets[i] : offsets[i + 1]]


def _read_shared(archive: zipfile.ZipFile) -> _SharedStrings:
    strings = _SharedStrings()
    try:
        handle = archive.open("xl/sharedStrings.xml")
    except KeyError:
        return strings.finish()
    with handle:
        for chunk in _chunks(handle, "</si>"):
            for item in (
                chunk.split("</si>")[:-1] if chunk.endswith("</si>") else chunk.split("</si>")
            ):
                if "<si" in item:
                    strings.add(_text("".join(_TEXT.findall(item.split("<si", 1)[1]))))
    return strings.finish()


def _column(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def _rows(archive: zipfile.ZipFile, member: str, strings: _SharedStrings) -> Iterator[list[str]]:
    with archive.open(member) as handle:
        for chunk in _chunks(handle, "</row>"):
            for piece in chunk.split("</row>"):
                start = piece.find("<row")
                if start < 0:
                    continue
                cells = _FAST_CELL.findall(piece, start)
                if len(cells) != piece.count("<c ", start) + piece.count("<c>", start):
                    cells = [_generic_cell(a, i) for a, i in _CELL.findall(piece, start)]
                row: list[str] = []
                for letters, t, inner in cells:
                    if letters:
                        col = _column(letters)
                        if col > len(row):
                            row.extend([""] * (col - len(row)))
                    row.append(_value(t, inner, strings))
                yield row


def _generic_cell(attrs: str, inner: str) -> tuple[str, str, str]:
    ref = _REF.search(attrs)
    kind = _TYPE.search(attrs)
    return (ref.group(1) if ref else "", kind.group(1) if kind else "", inner)


def _value(t: str, inner: str, strings: _SharedStrings) -> str:
    if t == "inlineStr":
        if inner.startswith("<is><t>") and inner.endswith("</t></is>"):
            return _text(inner[7:-9])
        return _text("".join(_TEXT.findall(inner)))
    if inner.startswith("<v>") and inner.endswith("</v>"):
        raw = inner[3:-4]
    else:
        value = _VALUE.search(inner) if inner else None
        raw = value.group(1) if value else ""
    if not raw:
        return ""
    if t == "s":
        return strings[int(raw)]
    if t in ("", "n"):
        return _cell(float(raw)) if ("." in raw or "E" in raw) else raw
    if t == "b":
        return _cell(raw == "1")
    return _text(raw)


def _stream_xlsx(path: Path) -> Iterator[Sheet]:
    """A streaming reader for very large sheets: the sheet XML is decompressed a few megabytes
    at a time and cut into rows, so memory stays flat whatever the number of rows."""
    try:
        archive = zipfile.ZipFile(path)
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ValidationError("file", f"无法读取 xlsx 文件（文件可能已损坏）：{exc}") from None
    targets: dict[str, str] = {}
    for rel in _REL.findall(rels):
        rid = re.search(r'\bId="([^"]*)"', rel)
        target = re.search(r'\bTarget="([^"]*)"', rel)
        if rid and target:
            path_text = target.group(1).lstrip("/")
            targets[rid.group(1)] = path_text if path_text.startswith("xl/") else "xl/" + path_text
    sheets = [(n, r) for n, r in _SHEET.findall(workbook)] or [
        (n, r) for r, n in _SHEET_ALT.findall(workbook)
    ]
    with archive:
        strings = _read_shared(archive)
        for name, rid in sheets:
            member = targets.get(rid)
            if member is None:
                continue
            yield Sheet(_text(name), _rows(archive, member, strings), None)
