"""The 案件台账 as an .xlsx officers file with their monthly and annual reports.

Written with openpyxl in write-only mode (rows stream to the file; 10,000 cases take about a
second): Chinese headers, dates as Excel dates and amounts as numbers so the receiving office can
sort and sum them, a frozen header row, column widths fitted to the longest entry, and 身份证号
masked — the register travels outside the party record. One sheet per year on request.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lcregulator.domain.case_list import CaseQuery
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.reporting import (
    REGISTER_HEADERS,
    CaseFact,
    register_row,
    register_year,
)
from lcregulator.persistence import reporting

from .context import AppContext

if TYPE_CHECKING:  # openpyxl is imported when a 台账 is written: the register tab opens faster
    from openpyxl import Workbook

DATE_FORMAT = "yyyy-mm-dd"
AMOUNT_FORMAT = "#,##0.00"
DATE_COLUMNS = {REGISTER_HEADERS.index("立案日期"), REGISTER_HEADERS.index("结案日期")}
AMOUNT_COLUMNS = {REGISTER_HEADERS.index("罚没款金额")}
MAX_WIDTH = 60


@dataclass(frozen=True)
class RegisterExport:
    file: Path
    rows: int
    sheets: tuple[str, ...]


def register_facts(ctx: AppContext, query: CaseQuery | None = None) -> list[CaseFact]:
    with ctx.unit_of_work() as uow:
        return reporting.case_facts(uow.session, query)


def register_rows(ctx: AppContext, query: CaseQuery | None = None) -> list[tuple[Any, ...]]:
    """The 台账's lines for a filter, in the register's order (what the spreadsheet holds)."""
    return [register_row(f) for f in register_facts(ctx, query)]


def _width(value: Any) -> float:
    """Display width in Excel character units: a CJK character (three UTF-8 bytes) takes two."""
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    text = f"{value:,.2f}" if isinstance(value, float) else str(value)
    return (len(text) + len(text.encode("utf-8"))) / 2


def _sheet(wb: Workbook, title: str, rows: Sequence[tuple[Any, ...]]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    ws = wb.create_sheet(title)
    widths = [
        max(map(_width, column), default=0) for column in zip(REGISTER_HEADERS, *rows, strict=True)
    ]
    # write-only sheets take their layout before the first row
    letters = [chr(ord("A") + i) for i in range(len(REGISTER_HEADERS))]
    for letter, w in zip(letters, widths, strict=True):
        ws.column_dimensions[letter].width = min(w + 2, MAX_WIDTH)
    ws.freeze_panes = "A2"
    thin = Side(style="thin", color="999999")
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    header = []
    for h in REGISTER_HEADERS:
        cell = WriteOnlyCell(ws, value=h)
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(bottom=thin)
        header.append(cell)
    ws.append(header)
    for row in rows:
        out: list[Any] = list(row)
        for i in DATE_COLUMNS:
            if out[i] is not None:
                cell = WriteOnlyCell(ws, value=out[i])
                cell.number_format = DATE_FORMAT
                out[i] = cell
        for i in AMOUNT_COLUMNS:
            if out[i] is not None:
                cell = WriteOnlyCell(ws, value=out[i])
                cell.number_format = AMOUNT_FORMAT
                out[i] = cell
        ws.append(out)
    ws.auto_filter.ref = f"A1:{letters[-1]}{len(rows) + 1}"


def export_register(
    ctx: AppContext,
    target: Path,
    query: CaseQuery | None = None,
    *,
    per_year: bool = False,
) -> RegisterExport:
    """Write the 台账 for the filter to ``target`` (atomically: a half-written file never stays)."""
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("out", "台账文件名应以 .xlsx 结尾。")
    if not target.parent.is_dir():
        raise ValidationError("out", f"文件夹不存在：{target.parent}")
    from openpyxl import Workbook

    facts = register_facts(ctx, query)
    wb = Workbook(write_only=True)
    sheets: list[str] = []
    if per_year:
        years: dict[int, list[tuple[Any, ...]]] = {}
        for f in facts:
            years.setdefault(register_year(f), []).append(register_row(f))
        for year in sorted(years) or [ctx.today().year]:
            title = f"{year}年"
            _sheet(wb, title, years.get(year, []))
            sheets.append(title)
    else:
        _sheet(wb, "案件台账", [register_row(f) for f in facts])
        sheets.append("案件台账")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".register-", suffix=".xlsx")
    os.close(fd)
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ValidationError("out", f"无法写入台账文件：{target}（{exc.strerror}）") from None
    return RegisterExport(target, len(facts), tuple(sheets))
