"""The 卷宗 (行政处罚案卷) as one PDF: 封面, 卷内文件目录, the issued documents, 证据清单, 备考表.

The issued documents are merged unchanged from the PDFs kept when they were issued (pypdf), so
each keeps its own "— n —" page numbers; every page of the volume is then stamped ``第N页`` at
the top right, 1…N, as archivists number a volume through. The 目录 needs the first page of
each document, which depends on how many pages the 目录 itself takes: the front matter is laid
out again until its length stops changing (once, in practice).

Dates and counts on the 封面, 目录 and 备考表 are written as the 文书格式范本 writes them
(二〇二六年三月二日, 本卷共五十二页).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from lcregulator.domain.reporting import chinese_date_upper, chinese_numeral

from .report_pdf import font


@dataclass(frozen=True)
class Cover:
    authority: str
    title: str  # 案由
    parties: str
    filed_on: dt.date | None
    closed_on: dt.date | None
    retention: str  # 保管期限: 永久 / 30年 / 10年
    volume_number: str  # 卷号
    case_number: str
    officers: str


@dataclass(frozen=True)
class Part:
    """One entry of the volume: an issued document (its PDF) or a sheet made here."""

    title: str
    number: str  # 文号 ("" for an unnumbered document)
    on: dt.date | None
    pdf: bytes


@dataclass(frozen=True)
class EvidenceItem:
    name: str
    sha256: str
    size: int
    captured_on: dt.date
    description: str


@dataclass(frozen=True)
class Bound:
    pdf: bytes
    pages: int
    first_pages: tuple[int, ...]  # of each part, after the front matter, in order


def _styles() -> dict[str, ParagraphStyle]:
    song, hei = font("song"), font("hei")
    return {
        "org": ParagraphStyle("org", fontName=song, fontSize=16, leading=24, alignment=1),
        "big": ParagraphStyle("big", fontName=hei, fontSize=30, leading=44, alignment=1),
        "title": ParagraphStyle("title", fontName=hei, fontSize=18, leading=28, alignment=1),
        "label": ParagraphStyle("label", fontName=hei, fontSize=14, leading=22),
        "value": ParagraphStyle("value", fontName=song, fontSize=14, leading=22),
        "cell": ParagraphStyle("cell", fontName=song, fontSize=10, leading=14),
        "head": ParagraphStyle("head", fontName=hei, fontSize=10, leading=14, alignment=1),
        "body": ParagraphStyle("body", fontName=song, fontSize=12, leading=22),
    }


def _doc(buffer: io.BytesIO, title: str) -> SimpleDocTemplate:
    return SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=25 * mm,
        bottomMargin=20 * mm,
        title=title,
        author="lcregulator",
        invariant=1,
        initialFontName=font("song"),
    )


def _date(value: dt.date | None) -> str:
    return chinese_date_upper(value) if value else "—"


def _grid(rows: list[list[Any]], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def front_matter(
    cover: Cover, entries: Sequence[tuple[str, str, dt.date | None, int]], total_pages: int
) -> bytes:
    """封面 and 卷内文件目录: entries are (题名, 文号, 日期, 首页页号)."""
    s = _styles()
    buffer = io.BytesIO()
    story: list[Any] = [
        Spacer(1, 10 * mm),
        Paragraph(cover.authority, s["org"]),
        Spacer(1, 18 * mm),
        Paragraph("行政处罚案卷", s["big"]),
        Spacer(1, 22 * mm),
    ]
    width = A4[0] - 45 * mm
    rows = [
        ("案　　由", cover.title),
        ("案件编号", cover.case_number or "—"),
        ("当 事 人", cover.parties),
        ("承 办 人", cover.officers),
        ("立案日期", _date(cover.filed_on)),
        ("结案日期", _date(cover.closed_on)),
        ("保管期限", cover.retention),
        ("卷　　号", cover.volume_number),
        ("本卷页数", f"共{chinese_numeral(total_pages)}页"),
    ]
    info = Table(
        [[Paragraph(k, s["label"]), Paragraph(v, s["value"])] for k, v in rows],
        colWidths=[32 * mm, width - 32 * mm],
    )
    info.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("TOPPADDING", (0, 0), (-1, -1), 9),
            ]
        )
    )
    story += [info, PageBreak(), Paragraph("卷内文件目录", s["title"]), Spacer(1, 6 * mm)]
    head = ["序号", "文号", "题名", "日期", "页号"]
    table_rows: list[list[Any]] = [[Paragraph(h, s["head"]) for h in head]]
    for i, (title, number, on, first) in enumerate(entries, start=1):
        table_rows.append(
            [
                Paragraph(str(i), s["cell"]),
                Paragraph(number or "—", s["cell"]),
                Paragraph(title, s["cell"]),
                Paragraph(_date(on), s["cell"]),
                Paragraph(str(first), s["cell"]),
            ]
        )
    widths = [12 * mm, 50 * mm, width - 12 * mm - 50 * mm - 45 * mm - 13 * mm, 45 * mm, 13 * mm]
    story.append(_grid(table_rows, widths))
    _doc(buffer, f"{cover.title} 卷宗").build(story)
    return buffer.getvalue()


def evidence_sheet(items: Sequence[EvidenceItem]) -> bytes:
    s = _styles()
    buffer = io.BytesIO()
    width = A4[0] - 45 * mm
    rows: list[list[Any]] = [
        [Paragraph(h, s["head"]) for h in ("序号", "证据名称及说明", "提取日期", "SHA-256")]
    ]
    for i, e in enumerate(items, start=1):
        name = e.name + (f"（{e.description}）" if e.description else "")
        sha = e.sha256[:32] + "<br/>" + e.sha256[32:]
        rows.append(
            [
                Paragraph(str(i), s["cell"]),
                Paragraph(_escape(name) + f"<br/>{e.size:,}字节", s["cell"]),
                Paragraph(_date(e.captured_on), s["cell"]),
                Paragraph(sha, ParagraphStyle("sha", parent=s["cell"], fontSize=8)),
            ]
        )
    if len(rows) == 1:
        rows.append([Paragraph("—", s["cell"]), Paragraph("本案无电子证据文件", s["cell"]), "", ""])
    story: list[Any] = [
        Paragraph("证据清单", s["title"]),
        Spacer(1, 6 * mm),
        _grid(rows, [12 * mm, width - 12 * mm - 42 * mm - 62 * mm, 42 * mm, 62 * mm]),
    ]
    _doc(buffer, "证据清单").build(story)
    return buffer.getvalue()


def remarks_sheet(
    documents: int, total_pages: int, filer: str, filed_on: dt.date, note: str = ""
) -> bytes:
    """卷内备考表: what the volume holds, who bound it and when."""
    s = _styles()
    buffer = io.BytesIO()
    width = A4[0] - 45 * mm
    text = (
        f"本卷共有文件材料{chinese_numeral(documents)}件，共{chinese_numeral(total_pages)}页，"
        "含封面、卷内文件目录、证据清单及本表。"
        + (note or "")
        + "卷内电子证据文件按其SHA-256值另行保存，可据证据清单核对。"
    )
    rows = [
        [Paragraph("本卷情况说明", s["label"])],
        [Paragraph(text, s["body"])],
        [Spacer(1, 60 * mm)],
        [Paragraph(f"立卷人：{_escape(filer)}", s["body"])],
        [Paragraph("检查人：", s["body"])],
        [Paragraph(f"立卷时间：{chinese_date_upper(filed_on)}", s["body"])],
    ]
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, colors.black)]))
    story: list[Any] = [Paragraph("卷内备考表", s["title"]), Spacer(1, 6 * mm), table]
    _doc(buffer, "卷内备考表").build(story)
    return buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _stamp(writer: PdfWriter) -> None:
    """``第N页`` at the top right of every page, 1…N, over whatever the page already shows."""
    for n, page in enumerate(writer.pages, start=1):
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        overlay = io.BytesIO()
        c = pdfcanvas.Canvas(overlay, pagesize=(w, h), invariant=1)
        c.setFont(font("song"), 12)
        c.drawRightString(w - 15 * mm, h - 12 * mm, f"第{n}页")
        c.showPage()
        c.save()
        page.merge_page(PdfReader(io.BytesIO(overlay.getvalue())).pages[0])


def bind(
    cover: Cover,
    parts: Sequence[Part],
    evidence: Sequence[EvidenceItem],
    filer: str,
    filed_on: dt.date,
) -> Bound:
    """The whole volume, numbered through; returns the bytes, page count and first pages."""
    evidence_pdf = evidence_sheet(evidence)
    counts = [page_count(p.pdf) for p in parts] + [page_count(evidence_pdf)]
    remarks_pages = 1
    front_pages = 2
    for _ in range(5):  # settle the front matter's length (it shifts every first page)
        firsts = []
        page = front_pages + 1
        for n in counts:
            firsts.append(page)
            page += n
        firsts.append(page)  # the 备考表
        total = page + remarks_pages - 1
        entries = [(p.title, p.number, p.on, f) for p, f in zip(parts, firsts, strict=False)]
        entries.append(("证据清单", "", filed_on, firsts[len(parts)]))
        entries.append(("卷内备考表", "", filed_on, firsts[-1]))
        front = front_matter(cover, entries, total)
        remarks = remarks_sheet(len(parts), total, filer, filed_on)
        measured = page_count(front), page_count(remarks)
        if measured == (front_pages, remarks_pages):
            break
        front_pages, remarks_pages = measured
    writer = PdfWriter()
    for chunk in [front, *(p.pdf for p in parts), evidence_pdf, remarks]:
        writer.append(PdfReader(io.BytesIO(chunk)))
    _stamp(writer)
    writer.add_metadata({"/Title": f"{cover.title} 卷宗", "/Producer": "lcregulator"})
    out = io.BytesIO()
    writer.write(out)
    return Bound(out.getvalue(), len(writer.pages), tuple(firsts[: len(parts)]))
