"""DOCX renderer (python-docx): the same tree, node by node, the same geometry.

What makes Word, WPS and LibreOffice lay it out like the PDF:

- the section's ``w:docGrid`` is 22 lines × 28 characters (``linesAndChars``, line pitch and
  character pitch of the text block), paragraphs use exact line spacing on that pitch;
- Word applies a Chinese font only when ``w:eastAsia`` is set on the run's ``rFonts``, so every
  run sets it; a character the role's font lacks gets a run in the fallback font the PDF used;
- tables carry ``w:tblGrid``, a fixed layout and the PDF's column widths on the full 156 mm, the
  header row repeats (``w:tblHeader``) and rows may split across pages;
- page numbers are PAGE fields in odd and even footers ("— 1 —", right one character in on odd
  pages, left one character in on even pages), as GB/T 9704 §7.5 asks;
- the signature block and the body's last lines are kept together (``keepNext``), headings stay
  with their text, widow control keeps two lines at each end of a paragraph;
- python-docx's template thumbnail (a picture of an unrelated page) is not shipped.
"""

from __future__ import annotations

import io
from functools import cache
from typing import Any

from docx import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from . import fonts, layout
from .layout import Typesetter
from .tree import (
    SIGN_DATE,
    SIGN_LINE,
    DocNumber,
    Document,
    Fields,
    Heading,
    Node,
    Note,
    Org,
    Para,
    Signature,
    SignLine,
    Table,
    Title,
    printable,
    split_signed,
)

ALIGN = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _twips(points: float) -> int:
    return round(points * 20)


# Child order the schema requires (Word refuses some files whose properties are out of order).
_ORDER = {
    "rPr": [
        "w:rStyle",
        "w:rFonts",
        "w:b",
        "w:bCs",
        "w:i",
        "w:iCs",
        "w:caps",
        "w:smallCaps",
        "w:strike",
        "w:dstrike",
        "w:outline",
        "w:shadow",
        "w:emboss",
        "w:imprint",
        "w:noProof",
        "w:snapToGrid",
        "w:vanish",
        "w:webHidden",
        "w:color",
        "w:spacing",
        "w:w",
        "w:kern",
        "w:position",
        "w:sz",
        "w:szCs",
        "w:highlight",
        "w:u",
        "w:effect",
        "w:bdr",
        "w:shd",
        "w:fitText",
        "w:vertAlign",
        "w:rtl",
        "w:cs",
        "w:em",
        "w:lang",
        "w:eastAsianLayout",
        "w:specVanish",
        "w:oMath",
    ],
    "pPr": [
        "w:pStyle",
        "w:keepNext",
        "w:keepLines",
        "w:pageBreakBefore",
        "w:framePr",
        "w:widowControl",
        "w:numPr",
        "w:suppressLineNumbers",
        "w:pBdr",
        "w:shd",
        "w:tabs",
        "w:suppressAutoHyphens",
        "w:kinsoku",
        "w:wordWrap",
        "w:overflowPunct",
        "w:topLinePunct",
        "w:autoSpaceDE",
        "w:autoSpaceDN",
        "w:bidi",
        "w:adjustRightInd",
        "w:snapToGrid",
        "w:spacing",
        "w:ind",
        "w:contextualSpacing",
        "w:mirrorIndents",
        "w:suppressOverlap",
        "w:jc",
        "w:textDirection",
        "w:textAlignment",
        "w:textboxTightWrap",
        "w:outlineLvl",
        "w:divId",
        "w:cnfStyle",
        "w:rPr",
        "w:sectPr",
        "w:pPrChange",
    ],
    "tblPr": [
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
    ],
    "tcPr": [
        "w:cnfStyle",
        "w:tcW",
        "w:gridSpan",
        "w:hMerge",
        "w:vMerge",
        "w:tcBorders",
        "w:shd",
        "w:noWrap",
        "w:tcMar",
        "w:textDirection",
        "w:tcFitText",
        "w:vAlign",
        "w:hideMark",
    ],
    "tblCellMar": ["w:top", "w:start", "w:left", "w:bottom", "w:end", "w:right"],
}


def _set(element: object, tag: str, **attrs: str) -> object:
    """Get or create child ``tag`` of ``element`` (in schema order) and set its attributes."""
    child = element.find(qn(tag))  # type: ignore[attr-defined]
    if child is None:
        child = OxmlElement(tag)
        parent = element.tag.rpartition("}")[2]  # type: ignore[attr-defined]
        order = _ORDER.get(parent)
        if order and tag in order:
            later = [qn(t) for t in order[order.index(tag) + 1 :]]
            successor = next((c for c in element if c.tag in later), None)  # type: ignore[attr-defined]
            if successor is not None:
                successor.addprevious(child)
            else:
                element.append(child)  # type: ignore[attr-defined]
        else:
            element.append(child)  # type: ignore[attr-defined]
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


# The parts python-docx's default template carries that these documents do not use: dropping
# them (and the unused built-in styles, 780 KB of XML) makes a document several times faster to
# open, build and compress.
# Character spacing of 3号 runs in twentieths of a point: -0.25 pt, the nearest step that
# keeps 28 characters (28 × 15.75 pt ≤ 156 mm) on a line; justification spreads the rest.
CHAR_SPACING = -5
UNUSED_PARTS = ("stylesWithEffects", "webSettings", "customXml", "numbering", "thumbnail")
KEEP_STYLES = {
    "Normal",
    "DefaultParagraphFont",
    "TableNormal",
    "TableGrid",
    "NoList",
    "Header",
    "Footer",
}


class DocxRenderer:
    def __init__(self) -> None:
        self.fonts = fonts.load()  # fail early, as the PDF would, when no font is found
        self.doc = DocxDocument(io.BytesIO(_base()))

    @classmethod
    def base(cls) -> bytes:
        """The empty document every render starts from: page, grid, fonts, footers."""
        self = cls.__new__(cls)
        self.fonts = fonts.load()
        self.doc = DocxDocument()
        _trim(self.doc)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.left_margin = Mm(37), Mm(28)
        section.right_margin = Mm(210 - 28 - 156)
        section.bottom_margin = Mm(297 - 37 - 225)
        section.header_distance = Mm(15)
        section.footer_distance = Mm(24)
        sect = section._sectPr
        grid = sect.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            sect.append(grid)
        grid.set(qn("w:type"), "linesAndChars")
        grid.set(qn("w:linePitch"), str(_twips(layout.LEADING)))
        # character pitch = the default font size (3号) + charSpace/4096 pt
        grid.set(qn("w:charSpace"), str(round(layout.CHAR_SPACE * 4096)))
        self._defaults()
        # python-docx's default document holds one empty paragraph; start clean.
        body = self.doc.element.body
        for p in list(body.iterchildren(qn("w:p"))):
            body.remove(p)
        self._footers()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()

    def _defaults(self) -> None:
        """Normal: 3号 仿宋, Chinese language, widow control — the grid's character size."""
        normal = self.doc.styles["Normal"]
        normal.font.size = Pt(layout.BODY_SIZE)
        rpr = normal.element.get_or_add_rPr()
        name = self.fonts.roles["fangsong"].word_name
        _set(rpr, "w:rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)
        _set(rpr, "w:lang", val="en-US", eastAsia="zh-CN")
        ppr = normal.element.get_or_add_pPr()
        _set(ppr, "w:widowControl", val="1")
        # The grid declares 22 × 28, but a 3号 character (16 pt) is wider than the grid's pitch
        # (15.79 pt): LibreOffice then gives each character two cells. Text is not snapped to
        # the character grid; instead every 3号 run is condensed by CHAR_SPACING, which puts 28
        # characters on a justified line in Word, WPS and LibreOffice alike.
        _set(ppr, "w:snapToGrid", val="0")
        # no extra space between Chinese and Latin/digits: the PDF sets none either
        _set(ppr, "w:autoSpaceDE", val="0")
        _set(ppr, "w:autoSpaceDN", val="0")

    def _footers(self) -> None:
        """PAGE fields between 一字线: odd pages right, even pages left, one character in."""
        self.doc.settings.odd_and_even_pages_header_footer = True
        section = self.doc.sections[0]
        indent = Pt(layout.PAGE_NUMBER_SIZE)
        for footer, align in ((section.footer, "right"), (section.even_page_footer, "left")):
            footer.is_linked_to_previous = False
            p = footer.paragraphs[0]
            fmt = p.paragraph_format
            fmt.alignment = ALIGN[align]
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(layout.PAGE_NUMBER_SIZE * 1.2)
            if align == "right":
                fmt.right_indent = indent
            else:
                fmt.left_indent = indent
            self._runs(p, "— ", "song", layout.PAGE_NUMBER_SIZE)
            self._field(p, "PAGE")
            self._runs(p, " —", "song", layout.PAGE_NUMBER_SIZE)

    def _field(self, p: DocxParagraph, instruction: str) -> None:
        for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
            run = self._runs(p, "", "song", layout.PAGE_NUMBER_SIZE)[0]
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {text} "
                run._element.append(instr)
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._element.append(char)
        self._runs(p, "1", "song", layout.PAGE_NUMBER_SIZE)
        end = self._runs(p, "", "song", layout.PAGE_NUMBER_SIZE)[0]
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), "end")
        end._element.append(char)

    def _runs(self, p: DocxParagraph, text: str, role: str, size: float) -> list:  # type: ignore[type-arg]
        """Runs for ``text``: one per stretch in the same font, with line breaks kept."""
        out = []
        pieces: list[tuple[str, str]] = []
        for ch in printable(text):
            face = self.fonts.pick(role, ch) if ch != "\n" else None
            name = face.word_name if face is not None and face is not self.fonts.roles[role] else ""
            name = name or self.fonts.roles[role].word_name
            if ch == "\n":
                pieces.append(("\n", ""))
            elif pieces and pieces[-1][1] == name and pieces[-1][0] != "\n":
                pieces[-1] = (pieces[-1][0] + ch, name)
            else:
                pieces.append((ch, name))
        if not pieces:
            pieces = [("", self.fonts.roles[role].word_name)]
        for piece, name in pieces:
            run = p.add_run()
            if piece == "\n":
                run.add_break()
                continue
            if piece:
                run.text = piece
            run.font.size = Pt(size)
            rpr = run._element.get_or_add_rPr()
            _set(rpr, "w:rFonts", ascii=name, hAnsi=name, eastAsia=name, cs=name)
            if size == layout.BODY_SIZE:
                _set(rpr, "w:spacing", val=str(CHAR_SPACING))
            out.append(run)
        return out

    def _para(
        self,
        text: str,
        *,
        role: str = "fangsong",
        size: float = layout.BODY_SIZE,
        align: str = "justify",
        indent: bool = False,
        target: DocxParagraph | None = None,
        leading: float = layout.LEADING,
        keep: bool = False,
        right_indent: float = 0.0,
        left_indent: float = 0.0,
    ) -> DocxParagraph:
        p = target if target is not None else self.doc.add_paragraph()
        fmt = p.paragraph_format
        fmt.alignment = ALIGN[align]
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(leading)
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = True
        if keep:
            fmt.keep_with_next = True
        if indent:
            fmt.first_line_indent = Pt(layout.INDENT)
            _set(p._p.get_or_add_pPr(), "w:ind", firstLineChars="200")
        if right_indent:
            fmt.right_indent = Pt(right_indent)
        if left_indent:
            fmt.left_indent = Pt(left_indent)
        self._runs(p, text, role, size)
        return p

    def _keep_previous(self) -> None:
        body = self.doc.element.body
        last = None
        for child in body.iterchildren():
            if child.tag in (qn("w:p"), qn("w:tbl")):
                last = child
        if last is None:
            return
        if last.tag == qn("w:p"):
            DocxParagraph(last, self.doc._body).paragraph_format.keep_with_next = True
        else:  # the last row's paragraphs keep with what follows
            rows = last.findall(qn("w:tr"))
            for p in rows[-1].iter(qn("w:p")):
                DocxParagraph(p, self.doc._body).paragraph_format.keep_with_next = True

    def visit(self, node: Node) -> None:
        getattr(self, f"visit_{type(node).__name__.lower()}")(node)

    def visit_org(self, node: Org) -> None:
        self._para(node.text, role="title", size=layout.ORG_SIZE, align="center", keep=True)

    def visit_title(self, node: Title) -> None:
        self._para(node.text, role="title", size=layout.TITLE_SIZE, align="center", keep=True)
        self._title_gap = True

    def visit_docnumber(self, node: DocNumber) -> None:
        self._title_gap = False
        self._para(node.text, align="right", keep=True)
        self._para("", keep=True)

    def _after_title(self) -> None:
        if getattr(self, "_title_gap", False):
            self._para("", keep=True)
            self._title_gap = False

    def visit_para(self, node: Para) -> None:
        self._para(node.text, indent=node.indent, role="hei" if node.bold else "fangsong")

    def visit_heading(self, node: Heading) -> None:
        self._para(node.text, role=node.role, indent=True, keep=True)

    def visit_note(self, node: Note) -> None:
        self._para("")
        self._para(node.text, size=layout.NOTE_SIZE, indent=True)

    def visit_signature(self, node: Signature) -> None:
        self._keep_previous()
        self._para("", keep=True)
        self._para("", keep=True)
        lines = [line for line in node.lines if line.strip()]
        if not lines:
            return
        *names, date = lines
        ts = Typesetter(self.fonts, "署名")
        date_w = ts.width(date, "fangsong", layout.BODY_SIZE, layout.CHAR_SPACE)
        for name in names:
            name_w = ts.width(name, "fangsong", layout.BODY_SIZE, layout.CHAR_SPACE)
            right = max(layout.DATE_RIGHT_INDENT + (date_w - name_w) / 2, 0.0)
            self._para(name, align="right", keep=True, right_indent=right)
        self._para(date, align="right", right_indent=layout.DATE_RIGHT_INDENT)

    def visit_signline(self, node: SignLine) -> None:
        self._keep_previous()
        self._para("", keep=True)
        p = self._para(node.label, align="left")
        p.paragraph_format.tab_stops.add_tab_stop(
            Pt(layout.TEXT_WIDTH - 2 * layout.PITCH), WD_TAB_ALIGNMENT.RIGHT
        )
        p.add_run().add_tab()
        self._runs(p, SIGN_DATE, "fangsong", layout.BODY_SIZE)

    def _table(
        self, rows: list[tuple[str, ...]], widths: tuple[float, ...], header: bool, labels: bool
    ) -> None:
        """A fixed-layout table on the full text width with the PDF's column widths."""
        total = sum(widths)
        cols = [round(_twips(layout.TEXT_WIDTH) * w / total) for w in widths]
        cols[-1] = _twips(layout.TEXT_WIDTH) - sum(cols[:-1])
        table = self.doc.add_table(rows=len(rows), cols=len(widths))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        tbl = table._tbl
        tblpr = tbl.tblPr
        _set(tblpr, "w:tblW", w=str(_twips(layout.TEXT_WIDTH)), type="dxa")
        _set(tblpr, "w:tblLayout", type="fixed")
        _set(tblpr, "w:tblInd", w="0", type="dxa")
        margins = _set(tblpr, "w:tblCellMar")
        for side, value in (
            ("top", layout.CELL_PAD_Y),
            ("bottom", layout.CELL_PAD_Y),
            ("left", layout.CELL_PAD_X),
            ("right", layout.CELL_PAD_X),
        ):
            _set(margins, f"w:{side}", w=str(_twips(value)), type="dxa")
        grid = tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), cols, strict=True):
            col.set(qn("w:w"), str(width))
        for r, row in enumerate(rows):
            tr = table.rows[r]
            if header and r == 0:
                _set(tr._tr.get_or_add_trPr(), "w:tblHeader", val="1")
            empty_value = labels and not any(row[1:])
            if empty_value:
                tr.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
                tr.height = Twips(_twips(2 * layout.CELL_LEADING + 2 * layout.CELL_PAD_Y))
            for c, width in enumerate(cols):
                cell = tr.cells[c]
                cell.width = Twips(width)
                text = row[c] if c < len(row) else ""
                is_label = (header and r == 0) or (labels and c == 0)
                body, signed = split_signed(text) if not is_label else (text, False)
                if signed:
                    self._opinion_cell(cell, body, width)
                    continue
                _set(cell._tc.get_or_add_tcPr(), "w:vAlign", val="center")
                self._para(
                    text,
                    role="hei" if is_label else "fangsong",
                    size=layout.TABLE_SIZE,
                    align="center" if is_label else "left",
                    target=cell.paragraphs[0],
                    leading=layout.CELL_LEADING,
                )

    def _opinion_cell(self, cell: Any, opinion: str, width: int) -> None:
        """An approval form's opinion cell as the PDF has it: the opinion at the top, blank
        lines, and 签名 … 日期 on the cell's last line."""
        _set(cell._tc.get_or_add_tcPr(), "w:vAlign", val="top")
        inner = width / 20 - 2 * layout.CELL_PAD_X
        ts = Typesetter(self.fonts, "表格")
        count = (
            len(ts.lines(opinion, "fangsong", layout.TABLE_SIZE, inner, align="left"))
            if opinion
            else 0
        )
        paragraphs = ([opinion] if opinion else []) + [""] * layout.opinion_blanks(count)
        paragraphs.append(SIGN_LINE)
        for i, text in enumerate(paragraphs):
            self._para(
                text,
                role="fangsong",
                size=layout.TABLE_SIZE,
                align="left",
                target=cell.paragraphs[0] if i == 0 else cell.add_paragraph(),
                leading=layout.CELL_LEADING,
            )

    def visit_fields(self, node: Fields) -> None:
        widths = node.widths or (layout.LABEL_WIDTH, 1 - layout.LABEL_WIDTH)
        self._table(list(node.rows), widths, header=False, labels=True)

    def visit_table(self, node: Table) -> None:
        widths = node.widths or layout.default_widths(node.header)
        self._table([node.header, *node.rows], widths, header=True, labels=False)


def _trim(doc: object) -> None:
    """Unlink the template parts these documents do not use (python-docx's thumbnail is a
    picture of an unrelated page) and drop the unused built-in styles; a part no relationship
    reaches is not written."""
    package = doc.part.package  # type: ignore[attr-defined]
    for rels in (package.rels, doc.part.rels):  # type: ignore[attr-defined]
        for rid, rel in list(rels.items()):
            if any(name in rel.reltype for name in UNUSED_PARTS):
                del rels[rid]
    styles = doc.styles.element  # type: ignore[attr-defined]
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEEP_STYLES:
            styles.remove(style)


@cache
def _base() -> bytes:
    return DocxRenderer.base()


def render_docx(document: Document) -> bytes:
    renderer = DocxRenderer()
    core = renderer.doc.core_properties
    core.title = f"{document.title} {document.number}".strip()
    core.author = "lcregulator"
    for node in document.nodes:
        if not isinstance(node, (Title, DocNumber)):
            renderer._after_title()
        renderer.visit(node)
    renderer._after_title()
    buffer = io.BytesIO()
    renderer.doc.save(buffer)
    return buffer.getvalue()
