"""PDF renderer (reportlab): one ``visit_<node>`` per node type, GB/T 9704 geometry.

Chinese closing punctuation must never start a line: reportlab's CJK wrapping lets "，。；：！？）》”"
begin one, so ``ALL_CANNOT_START`` is extended in both modules that read it.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RLTable

from . import fonts, layout
from .tree import (
    DocNumber,
    Document,
    Fields,
    Heading,
    Node,
    Note,
    Org,
    Para,
    Signature,
    Table,
    Title,
)

# A closing mark kept at the end of a cell's line (it may not start the next) hangs past the
# line by up to one character: the right padding leaves room for it inside the cell.
TABLE_WIDTH = layout.TEXT_WIDTH - layout.BODY_SIZE  # the frame's usable width
NO_LINE_START = "，。、；：！？）》」』”’〕】…—％,.;:!?)]}"


def _fix_line_breaking() -> None:
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in NO_LINE_START if ch not in textsplit.ALL_CANNOT_START)
    textsplit.ALL_CANNOT_START += extra
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START  # type: ignore[attr-defined]
    # single-fragment paragraphs break in textsplit.dumbSplit, mixed ones in cjkFragSplit
    _patch_pair(textsplit, "dumbSplit", "c", "word", "widths[i]")
    _patch_pair(paragraph, "cjkFragSplit", "u", "U", "U[i].width")


def _patch_pair(module: Any, name: str, char: str, seq: str, width: str) -> None:
    """reportlab hangs one closing mark past the margin but lets a second one (“）” then “，”)
    start the next line; for such a pair, carry the character before them over as well.

    The function's source is edited at the one line that decides and recompiled in its own
    module; if a reportlab release changes that line nothing is patched, and the line-start
    test in the suite fails, so the change cannot pass unnoticed."""
    import inspect
    import textwrap

    function = getattr(module, name)
    if getattr(function, "_lcr_patched", False):
        return
    decide = f"if {char} not in ALL_CANNOT_START and i>lineStartPos+1:"
    out = []
    found = False
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):  # a frozen build without reportlab's sources
        import logging

        logging.getLogger(__name__).warning("reportlab source unavailable: %s not patched", name)
        return
    for line in textwrap.dedent(source).splitlines(keepends=True):
        if line.strip() == decide:
            pad = line[: len(line) - len(line.lstrip())]
            pair = f"{seq}[i] in ALL_CANNOT_START"
            out += [
                f"{pad}if i<len({seq}) and {char} in ALL_CANNOT_START and {pair} and i>lineStartPos+2:\n",
                f"{pad}    i -= 2\n",
                f"{pad}    extraSpace += w + {width}\n",
                f"{pad}el{line.lstrip()}",
            ]
            found = True
        else:
            out.append(line)
    if not found:
        return
    namespace: dict[str, Any] = {}
    exec(compile("".join(out), module.__file__, "exec"), module.__dict__, namespace)
    patched = namespace[name]
    patched._lcr_patched = True
    setattr(module, name, patched)


@cache
def _register() -> dict[str, str]:
    _fix_line_breaking()
    names = {}
    for role in fonts.ROLES:
        choice = fonts.choose(role)
        name = f"lcr-{role}"
        pdfmetrics.registerFont(TTFont(name, str(choice.path), subfontIndex=choice.index))
        names[role] = name
    return names


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@cache
def styles() -> dict[str, ParagraphStyle]:
    f = _register()
    body = ParagraphStyle(
        "body",
        fontName=f["fangsong"],
        fontSize=layout.BODY_SIZE,
        leading=layout.LEADING,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
    )
    return {
        "body": body,
        "body_indent": ParagraphStyle("body_indent", parent=body, firstLineIndent=layout.INDENT),
        "org": ParagraphStyle(
            "org",
            parent=body,
            fontName=f["song"],
            fontSize=layout.ORG_SIZE,
            leading=layout.LEADING * 1.2,
            alignment=TA_CENTER,
        ),
        "title": ParagraphStyle(
            "title",
            parent=body,
            fontName=f["hei"],
            fontSize=layout.TITLE_SIZE,
            leading=layout.LEADING * 1.3,
            alignment=TA_CENTER,
            spaceAfter=layout.LEADING * 0.2,
        ),
        "number": ParagraphStyle("number", parent=body, alignment=TA_RIGHT),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=f["hei"], firstLineIndent=layout.INDENT
        ),
        "sign": ParagraphStyle("sign", parent=body, alignment=TA_RIGHT),
        "note": ParagraphStyle(
            "note",
            parent=body,
            fontSize=layout.NOTE_SIZE,
            leading=layout.NOTE_SIZE * 1.5,
            alignment=TA_LEFT,
        ),
        "cell": ParagraphStyle(
            "cell",
            parent=body,
            fontSize=layout.TABLE_SIZE,
            leading=layout.TABLE_SIZE * 1.45,
            alignment=TA_LEFT,
        ),
        "cell_label": ParagraphStyle(
            "cell_label",
            parent=body,
            fontName=f["hei"],
            fontSize=layout.TABLE_SIZE,
            leading=layout.TABLE_SIZE * 1.45,
            alignment=TA_CENTER,
        ),
    }


class PdfRenderer:
    def __init__(self) -> None:
        self.s = styles()

    def visit(self, node: Node) -> list[Any]:
        return getattr(self, f"visit_{type(node).__name__.lower()}")(node)  # type: ignore[no-any-return]

    def visit_org(self, node: Org) -> list[Any]:
        return [Paragraph(_escape(node.text), self.s["org"])]

    def visit_title(self, node: Title) -> list[Any]:
        return [Paragraph(_escape(node.text), self.s["title"])]

    def visit_docnumber(self, node: DocNumber) -> list[Any]:
        return [Paragraph(_escape(node.text), self.s["number"]), Spacer(1, layout.LEADING * 0.3)]

    def visit_para(self, node: Para) -> list[Any]:
        style = self.s["body_indent" if node.indent else "body"]
        return [Paragraph(_escape(node.text), style)]

    def visit_heading(self, node: Heading) -> list[Any]:
        return [Paragraph(_escape(node.text), self.s["heading"])]

    def visit_note(self, node: Note) -> list[Any]:
        return [Spacer(1, layout.LEADING * 0.3), Paragraph(_escape(node.text), self.s["note"])]

    def visit_signature(self, node: Signature) -> list[Any]:
        out: list[Any] = [Spacer(1, layout.LEADING)]
        out += [Paragraph(_escape(line), self.s["sign"]) for line in node.lines]
        return out

    def _grid(self, data: list[list[Any]], widths: list[float]) -> RLTable:
        table = RLTable(data, colWidths=widths, repeatRows=0)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
                    ("FONTNAME", (0, 0), (-1, -1), _register()["fangsong"]),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), layout.TABLE_SIZE + 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def visit_fields(self, node: Fields) -> list[Any]:
        label_width = TABLE_WIDTH * 0.26
        data = [
            [
                Paragraph(_escape(label), self.s["cell_label"]),
                Paragraph(_escape(value).replace("\n", "<br/>"), self.s["cell"]),
            ]
            for label, value in node.rows
        ]
        return [self._grid(data, [label_width, TABLE_WIDTH - label_width])]

    def visit_table(self, node: Table) -> list[Any]:
        n = len(node.header)
        width = TABLE_WIDTH / n
        data = [[Paragraph(_escape(h), self.s["cell_label"]) for h in node.header]]
        data += [[Paragraph(_escape(c), self.s["cell"]) for c in row] for row in node.rows]
        table = self._grid(data, [width] * n)
        return [table, Spacer(1, layout.LEADING * 0.3)]


def _page_number(canvas: Any, doc: Any) -> None:
    """GB/T 9704: page number centred below the text block, "— 1 —"."""
    canvas.saveState()
    canvas.setFont(_register()["song"], 14)
    canvas.drawCentredString(
        layout.PAGE_WIDTH / 2, layout.BOTTOM - 12 * layout.MM, f"— {doc.page} —"
    )
    canvas.restoreState()


def render_pdf(document: Document) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=layout.LEFT,
        rightMargin=layout.RIGHT,
        topMargin=layout.TOP,
        bottomMargin=layout.BOTTOM,
        title=f"{document.title} {document.number}".strip(),
        author="lcregulator",
        subject=document.kind,
        invariant=1,
        # start the canvas on our embedded font, so no base-14 (unembedded) font is listed
        initialFontName=_register()["fangsong"],
        initialFontSize=layout.BODY_SIZE,
    )
    # The text starts exactly at the left margin; the right padding of one character leaves
    # room for a closing mark that hangs at a line's end, so nothing prints outside the block.
    frame = Frame(
        layout.LEFT,
        layout.BOTTOM,
        layout.TEXT_WIDTH,
        layout.TEXT_HEIGHT,
        leftPadding=0,
        rightPadding=layout.BODY_SIZE,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number)])
    renderer = PdfRenderer()
    story: list[Any] = []
    for node in document.nodes:
        story += renderer.visit(node)
    doc.build(story)
    return buffer.getvalue()
