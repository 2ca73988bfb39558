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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

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
