"""DOCX renderer (python-docx): the same tree, node by node, the same geometry.

Word applies a Chinese font only when ``w:eastAsia`` is set on the run's ``rFonts``; without it
the text falls back to the Latin font, so every run sets it.
"""

from __future__ import annotations

import io

from docx import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

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

WORD_FONTS = {"fangsong": "仿宋", "song": "宋体", "hei": "黑体", "kai": "楷体"}


def _font_name(role: str) -> str:
    """The Windows font name Word will look for; the PDF embeds the substitute when absent."""
    return WORD_FONTS[role]


class DocxRenderer:
    def __init__(self) -> None:
        self.doc = DocxDocument()
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.left_margin = Mm(37), Mm(28)
        section.right_margin = Mm(210 - 28 - 156)
        section.bottom_margin = Mm(297 - 37 - 225)
        # python-docx's default document holds one empty paragraph; start clean.
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        fonts.choose("fangsong")  # fail early, as the PDF would, when no font is found

    def _para(
        self,
        text: str,
        *,
        role: str = "fangsong",
        size: float = layout.BODY_SIZE,
        align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY,
        indent: bool = False,
        target: DocxParagraph | None = None,
        leading: float = layout.LEADING,
    ) -> DocxParagraph:
        p = target if target is not None else self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = align
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(leading)
        fmt.space_before = fmt.space_after = Pt(0)
        if indent:
            fmt.first_line_indent = Pt(layout.INDENT)
        run = p.add_run(text)
        run.font.size = Pt(size)
        name = _font_name(role)
        run.font.name = name
        rpr = run._element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(rfonts)
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            rfonts.set(qn(attr), name)
        return p

    def visit(self, node: Node) -> None:
        getattr(self, f"visit_{type(node).__name__.lower()}")(node)

    def visit_org(self, node: Org) -> None:
        self._para(
            node.text,
            role="song",
            size=layout.ORG_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            leading=layout.LEADING * 1.2,
        )

    def visit_title(self, node: Title) -> None:
        self._para(
            node.text,
            role="hei",
            size=layout.TITLE_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER,
            leading=layout.LEADING * 1.3,
        )

    def visit_docnumber(self, node: DocNumber) -> None:
        self._para(node.text, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def visit_para(self, node: Para) -> None:
        self._para(node.text, indent=node.indent)

    def visit_heading(self, node: Heading) -> None:
        self._para(node.text, role="hei", indent=True)

    def visit_note(self, node: Note) -> None:
        self._para(
            node.text,
            size=layout.NOTE_SIZE,
            align=WD_ALIGN_PARAGRAPH.LEFT,
            leading=layout.NOTE_SIZE * 1.5,
        )

    def visit_signature(self, node: Signature) -> None:
        self._para("", leading=layout.LEADING)
        for line in node.lines:
            self._para(line, align=WD_ALIGN_PARAGRAPH.RIGHT)

    def _cell(self, cell: object, text: str, label: bool) -> None:
        paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
        self._para(
            text,
            role="hei" if label else "fangsong",
            size=layout.TABLE_SIZE,
            align=WD_ALIGN_PARAGRAPH.CENTER if label else WD_ALIGN_PARAGRAPH.LEFT,
            target=paragraph,
            leading=layout.TABLE_SIZE * 1.45,
        )

    def visit_fields(self, node: Fields) -> None:
        table = self.doc.add_table(rows=len(node.rows), cols=2)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for i, (label, value) in enumerate(node.rows):
            self._cell(table.cell(i, 0), label, True)
            self._cell(table.cell(i, 1), value, False)
            table.cell(i, 0).width = Mm(156 * 0.26)
            table.cell(i, 1).width = Mm(156 * 0.74)

    def visit_table(self, node: Table) -> None:
        table = self.doc.add_table(rows=1 + len(node.rows), cols=len(node.header))
        table.style = "Table Grid"
        for j, h in enumerate(node.header):
            self._cell(table.cell(0, j), h, True)
        for i, row in enumerate(node.rows, start=1):
            for j, value in enumerate(row):
                self._cell(table.cell(i, j), value, False)


def render_docx(document: Document) -> bytes:
    renderer = DocxRenderer()
    core = renderer.doc.core_properties
    core.title = f"{document.title} {document.number}".strip()
    core.author = "lcregulator"
    for node in document.nodes:
        renderer.visit(node)
    buffer = io.BytesIO()
    renderer.doc.save(buffer)
    return buffer.getvalue()
