"""The printable 统计报表: each section as a table of figures and a bar chart (reportlab graphics).

The same sections (:func:`lcregulator.domain.reporting.sections`) feed the statistics page, so
what is printed is what the officer saw. Fonts come from :mod:`.fonts` like every document's.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from lcregulator.domain.reporting import Section, chinese_date_upper

from . import fonts

BAR_COLOURS = (colors.HexColor("#3B6EA5"), colors.HexColor("#C0504D"))


@cache
def font(role: str) -> str:
    """Register the role's font (as :mod:`.fonts` chooses it) once, under this module's name.

    These sheets are laid out by reportlab's platypus (tables, charts), not by the documents'
    own typesetter; their texts are short labels written so that no line starts with a
    closing mark.
    """
    choice = fonts.choose(role)
    name = f"lcr-report-{role}"
    pdfmetrics.registerFont(TTFont(name, str(choice.path), subfontIndex=choice.index))
    return name


def money(value: float) -> str:
    return f"{value:,.2f}".removesuffix(".00")


def _short(label: str, limit: int = 11) -> str:
    """Chart labels stay inside the page; the table above gives each in full."""
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _step(top: float) -> int:
    """A round step (1, 2, 5, 10, 20, 50 …) giving about five grid lines."""
    step = 1
    while top / step > 6:
        for factor in (2, 2.5, 2):
            step = int(step * factor)
            if top / step <= 6:
                break
    return step


def _chart(section: Section, width: float) -> Drawing | None:
    figures = list(section.figures)
    if not figures or not any(f.value for f in figures):
        return None
    bar = 14
    height = bar * len(figures) + 30
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = 130
    chart.y = 15
    chart.width = width - 190
    chart.height = bar * len(figures)
    # reportlab draws the first category at the bottom: reverse to read top-down like the table
    chart.data = [[f.value for f in reversed(figures)]]
    chart.categoryAxis.categoryNames = [_short(f.label) for f in reversed(figures)]
    chart.categoryAxis.labels.fontName = font("song")
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font("song")
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    amount = figures[0].amount
    if amount:
        chart.valueAxis.labelTextFormat = lambda v: money(float(v))
    else:
        chart.valueAxis.valueStep = _step(max(f.value for f in figures))
        chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = BAR_COLOURS[1] if amount else BAR_COLOURS[0]
    chart.bars.strokeColor = None
    chart.barLabels.fontName = font("song")
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barLabelFormat = (lambda v: money(float(v))) if amount else "%d"
    d.add(chart)
    return d


def render_report(
    authority: str,
    start: dt.date,
    end: dt.date,
    report: Sequence[Section],
    printed_on: dt.date,
) -> bytes:
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=f"{authority}直播电商案件统计报表",
        author="lcregulator",
        invariant=1,
        initialFontName=font("song"),
    )
    title = ParagraphStyle("t", fontName=font("hei"), fontSize=18, leading=26, alignment=1)
    sub = ParagraphStyle("s", fontName=font("song"), fontSize=10.5, leading=16, alignment=1)
    head = ParagraphStyle("h", fontName=font("hei"), fontSize=12, leading=18, spaceBefore=8)
    cell = ParagraphStyle("c", fontName=font("song"), fontSize=9.5, leading=13)
    story: list[Any] = [
        Paragraph("直播电商案件统计报表", title),
        Paragraph(
            f"{authority}　统计期间：{chinese_date_upper(start)}至{chinese_date_upper(end)}", sub
        ),
        Spacer(1, 6 * mm),
    ]
    width = A4[0] - 40 * mm
    for i, section in enumerate(report, start=1):
        rows = [[Paragraph("项目", cell), Paragraph("数值", cell)]]
        for f in section.figures:
            value = money(f.value) + "元" if f.amount else f"{int(f.value)}"
            rows.append([Paragraph(f.label, cell), Paragraph(value, cell)])
        if len(rows) == 1:
            rows.append([Paragraph("（本期无）", cell), Paragraph("—", cell)])
        table = Table(rows, colWidths=[width * 0.7, width * 0.3], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#999999")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5F0")),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ]
            )
        )
        block: list[Any] = [Paragraph(f"{i}. {section.title}", head), table]
        chart = _chart(section, width) if section.chart else None
        if chart is not None:
            block += [Spacer(1, 2 * mm), chart]
        story.append(KeepTogether(block))
    story += [
        Spacer(1, 8 * mm),
        Paragraph(f"制表日期：{chinese_date_upper(printed_on)}", cell),
    ]
    doc.build(story)
    return buffer.getvalue()
