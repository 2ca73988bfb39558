"""PDF renderer (reportlab canvas): draws the pages ``layout.py`` composed.

Line breaking, justification, pagination and the 禁则 rules are ours (``layout.py``); reportlab
only embeds the TrueType subsets and writes the text operators, so a frozen build behaves exactly
like a source install. Page numbers follow GB/T 9704 §7.5: 4号 half-width digits between
一字线 ("— 1 —"), 7 mm below the text block, odd pages on the right one character in, even
pages on the left one character in.
"""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from . import fonts, layout
from .layout import NO_LINE_END, NO_LINE_START, Page
from .tree import Document

__all__ = ["NO_LINE_END", "NO_LINE_START", "page_number_text", "render_pdf", "warm_up"]


def page_number_text(n: int) -> str:
    return f"— {n} —"


def warm_up() -> None:
    """Parse and register the fonts now (the first document otherwise pays for it)."""
    fonts.load()


styles = warm_up  # the name the first renderer gave it; callers written against it still work


def _draw_page(canvas: Canvas, page: Page, fs: fonts.FontSet) -> None:
    top = layout.PAGE_HEIGHT - layout.TOP
    if page.rules:
        canvas.setLineWidth(layout.RULE)
        canvas.lines(
            [(layout.LEFT + r.x0, top - r.y0, layout.LEFT + r.x1, top - r.y1) for r in page.rules]
        )
    text = canvas.beginText()
    for line in page.lines:
        _line(text, canvas, layout.LEFT + line.x, top - line.y, line)
    # the page number
    number = page_number_text(page.number)
    size = layout.PAGE_NUMBER_SIZE
    ts = layout.Typesetter(fs, "页码")
    width = ts.width(number, "song", size)
    x = layout.LEFT + layout.TEXT_WIDTH - size - width if page.number % 2 else layout.LEFT + size
    # the dashes (at about 0.3 em above the baseline) 7 mm below the text block
    y = layout.BOTTOM - layout.PAGE_NUMBER_GAP - 0.3 * size
    for line in ts.lines(number, "song", size, width + 1, align="left"):
        _line(text, canvas, x, y, line)
    canvas.drawText(text)


def _line(text: PDFTextObject, canvas: Canvas, x: float, y: float, line: layout.Line) -> None:
    """One line; each stretch that reportlab writes with one font subset is placed explicitly,
    so every reader (poppler, pdfminer) puts each character where the layout did — pdfminer,
    for one, drops the character spacing after the last character of a string."""
    text.setCharSpace(line.char_space)
    for run, face in line.runs:
        text.setFont(face.name, line.size)
        pieces = face.font.splitString(run, canvas._doc)
        at = 0
        for _, chunk in pieces:
            segment = run[at : at + len(chunk)]
            at += len(chunk)
            text.setTextOrigin(x, y)
            text.textOut(segment)
            x += sum(face.width(c) * line.size + line.char_space for c in segment)


def render_pdf(document: Document) -> bytes:
    fs = fonts.load()
    pages = layout.compose(document, fs)
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT),
        invariant=1,
        pageCompression=1,
        # start on our embedded font, so no base-14 (unembedded) font is listed
        initialFontName=fs.roles["fangsong"].name,
        initialFontSize=layout.BODY_SIZE,
    )
    canvas.setTitle(f"{document.title} {document.number}".strip())
    canvas.setAuthor("lcregulator")
    canvas.setSubject(document.kind)
    for page in pages:
        _draw_page(canvas, page, fs)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
