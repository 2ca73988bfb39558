"""GB/T 9704-2012 page geometry and our own typesetting of a document tree into pages.

Geometry (GB/T 9704 §5.2, as the SAMR 文书格式范本 uses it): A4; the text block (版心) is
156 × 225 mm, 37 mm from the top and 28 mm from the left; body 3号 (16 pt) on 22 lines of 28
characters. 28 characters of 16 pt are 158 mm, so — as §5.2.2 allows — the character spacing is
narrowed by ``CHAR_SPACE`` (≈ −0.21 pt) so that a full line of 28 fills the 156 mm exactly.

Line breaking (禁则) is decided here, not by reportlab: no line starts with closing punctuation
(``NO_LINE_START``) and none ends with opening punctuation (``NO_LINE_END``); a run of digits or
Latin letters (an amount such as 150,000, a date's year, a code) is never split unless it is
longer than the line (a hash, a URL), and then it breaks after ``/``, ``.``, ``-`` where it can.
When a break would violate 禁则 the last characters move to the next line together and the
shortened line is justified — nothing hangs past the margin.

Pages are composed from items (a line of text, one line-high slice of a table row, a blank
line); an item marked ``glue`` keeps the next item on its page: headings stay with their text,
paragraphs keep two lines at each end (Word's widow control does the same), the signature block
keeps the last body lines with it (GB/T 9704 §7.3.5: never a page with only the signature), and a
table row longer than a page splits line by line with the header row repeated. The result is
positioned lines and rules in points from the top-left of the text block; ``pdf.py`` draws them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .fonts import Face, FontSet, MissingGlyph
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

MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4
TOP, LEFT = 37 * MM, 28 * MM
TEXT_WIDTH, TEXT_HEIGHT = 156 * MM, 225 * MM
RIGHT = PAGE_WIDTH - LEFT - TEXT_WIDTH  # 26 mm
BOTTOM = PAGE_HEIGHT - TOP - TEXT_HEIGHT  # 35 mm
BODY_SIZE = 16  # 3号
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
CHAR_SPACE = (TEXT_WIDTH - CHARS_PER_LINE * BODY_SIZE) / (CHARS_PER_LINE - 1)  # ≈ -0.21 pt
PITCH = BODY_SIZE + CHAR_SPACE  # one character's advance on the grid
LEADING = TEXT_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt
INDENT = 2 * PITCH  # two characters
TITLE_SIZE = 22  # 2号
ORG_SIZE = 22
NOTE_SIZE = BODY_SIZE  # 附注 in 3号 like the body
TABLE_SIZE = 14  # 4号 inside forms
CELL_LEADING = TABLE_SIZE * 1.5
CELL_PAD_X, CELL_PAD_Y = 4.0, 4.0
RULE = 0.75
PAGE_NUMBER_SIZE = 14  # 4号
PAGE_NUMBER_GAP = 7 * MM  # the dashes 7 mm below the text block
SIGN_ROWS = 4  # an opinion cell: at least three lines for the opinion over the sign line
SEAL = 42 * MM  # the seal's diameter: the signature block leaves room for it
DATE_RIGHT_INDENT = 4 * PITCH  # 成文日期右空四字
LABEL_WIDTH = 0.26  # a form's label column
SERIAL_WIDTH = 0.09  # a table's 序号 column

NO_LINE_START = "，。、；：！？）》」』”’〕】〉〗…—％‰·,.;:!?)]}%"
NO_LINE_END = "（《“‘〔【「『〈〖([{"
_UNIT = re.compile(
    r"——|……|[0-9A-Za-z][0-9A-Za-z.,:/%‰_\-+#&=?~@]*[0-9A-Za-z%‰/]|[0-9A-Za-z]| +|.", re.S
)
_SOFT_BREAK = "/.-_?&=,"
EPS = 0.01


@dataclass
class Line:
    """One printed line in one size: runs of text, each in the face that has its glyphs."""

    x: float  # from the text block's left edge
    y: float  # baseline, from the top of the item (or, once placed, of the text block)
    size: float
    char_space: float
    runs: list[tuple[str, Face]]

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.runs)


@dataclass
class Rule:
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    number: int
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


@dataclass
class _Grid:
    """A table laid out: column positions and every cell's lines (baselines from the line top)."""

    xs: list[float]  # column edges, len = columns + 1
    cells: list[list[list[Line]]]  # row, column, lines
    header: bool  # row 0 is a header repeated on continuation pages
    centred: list[list[bool]]
    top_rows: frozenset[int] = frozenset()  # rows set from the top (an opinion over its sign line)


@dataclass
class _Item:
    height: float
    lines: list[Line] = field(default_factory=list)
    glue: bool = False  # no page break between this item and the next
    space: bool = False  # blank: dropped at the top of a page
    grid: _Grid | None = None
    row: int = -1
    slice: int = -1
    slices: int = 0


def baseline(leading: float, size: float) -> float:
    """The baseline that centres a glyph of ``size`` in a line of ``leading``."""
    return (leading + 0.72 * size) / 2


class Typesetter:
    """Breaks text into lines with our 禁则 rules, measuring with the fonts in use."""

    def __init__(self, fonts: FontSet, where: str = "") -> None:
        self.fonts = fonts
        self.where = where

    def _faces(self, text: str, role: str) -> list[Face]:
        out = []
        for ch in text:
            face = self.fonts.pick(role, ch)
            if face is None:
                raise MissingGlyph(ch, self.where or "正文")
            out.append(face)
        return out

    def lines(
        self,
        text: str,
        role: str,
        size: float,
        width: float,
        *,
        align: str = "justify",
        indent: float = 0.0,
        char_space: float = 0.0,
        leading: float = LEADING,
        right_indent: float = 0.0,
    ) -> list[Line]:
        """``text`` set in ``width`` points; a line break in it starts a new line (without the
        first-line indent). Baselines are for a line box of ``leading``."""
        out: list[Line] = []
        base = baseline(leading, size)
        for n, segment in enumerate(printable(text).split("\n")):
            first = indent if n == 0 else 0.0
            for chars, last, x0 in self._break(segment, role, size, width, first, char_space):
                faces = self._faces(chars, role)
                widths = [f.width(c) * size for c, f in zip(chars, faces, strict=True)]
                natural = sum(widths) + max(len(chars) - 1, 0) * char_space
                avail = width - x0 - right_indent
                cs = char_space
                x = x0
                if align == "justify" and not last and len(chars) > 1:
                    spread = (avail - sum(widths)) / (len(chars) - 1)
                    cs = spread if spread <= size else char_space
                elif align == "center":
                    x = x0 + (avail - natural) / 2
                elif align == "right":
                    x = x0 + avail - natural
                runs: list[tuple[str, Face]] = []
                for c, f in zip(chars, faces, strict=True):
                    if runs and runs[-1][1] is f:
                        runs[-1] = (runs[-1][0] + c, f)
                    else:
                        runs.append((c, f))
                out.append(Line(x, base, size, cs, runs))
        return out

    def width(self, text: str, role: str, size: float, char_space: float = 0.0) -> float:
        text = printable(text)
        faces = self._faces(text, role)
        w = sum(f.width(c) * size for c, f in zip(text, faces, strict=True))
        return w + max(len(text) - 1, 0) * char_space

    def _break(
        self, text: str, role: str, size: float, width: float, indent: float, cs: float
    ) -> list[tuple[str, bool, float]]:
        """(characters, is the segment's last line, x) for each line of one segment."""
        units = _UNIT.findall(text)
        if not units:
            return [("", True, indent)]
        faces = self.fonts

        def measure(unit: str) -> float:
            total = 0.0
            for ch in unit:
                face = faces.pick(role, ch)
                if face is None:
                    raise MissingGlyph(ch, self.where or "正文")
                total += face.width(ch) * size + cs
            return total  # each character with its spacing

        widths = [measure(u) for u in units]
        out: list[tuple[str, bool, float]] = []
        start = 0
        first = True
        while start < len(units):
            x0 = indent if first else 0.0
            avail = width - x0 + cs  # the last character's spacing falls outside
            total = 0.0
            k = start
            while k < len(units):
                w = widths[k]
                if total + w > avail + EPS:
                    if k == start:  # one unit longer than the line: split it
                        head, tail = self._split(units[k], measure, avail)
                        units[k : k + 1] = [head, tail]
                        widths[k : k + 1] = [measure(head), measure(tail)]
                        total += widths[k]
                        k += 1
                    break
                total += w
                k += 1
            if k < len(units):
                back = k
                while back - start > 1 and (
                    units[back][0] in NO_LINE_START or units[back - 1][-1] in NO_LINE_END
                ):
                    back -= 1
                if not (units[back][0] in NO_LINE_START or units[back - 1][-1] in NO_LINE_END):
                    k = back
            chars = "".join(units[start:k]).rstrip(" ")
            chars_start = chars if first else chars.lstrip(" ")
            out.append((chars_start, k >= len(units), x0))
            start = k
            while start < len(units) and units[start].isspace():
                start += 1
            first = False
        if out:
            out[-1] = (out[-1][0], True, out[-1][2])
        return out

    @staticmethod
    def _split(unit: str, measure: Any, avail: float) -> tuple[str, str]:
        """The longest head of an over-long unit that fits, ending after a soft break (/ . -)
        when there is one in its second half."""
        n = 1
        while n < len(unit) and measure(unit[: n + 1]) <= avail + EPS:
            n += 1
        for j in range(n, n // 2, -1):
            if unit[j - 1] in _SOFT_BREAK and j < len(unit):
                return unit[:j], unit[j:]
        return unit[:n], unit[n:]


class Composer:
    """Turns a document tree into pages of positioned lines and rules."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.items: list[_Item] = []

    # -- items -----------------------------------------------------------------------------
    def _text(
        self,
        text: str,
        role: str,
        size: float,
        *,
        where: str,
        align: str = "justify",
        indent: float = 0.0,
        char_space: float = CHAR_SPACE,
        leading: float = LEADING,
        glue: bool = False,
        right_indent: float = 0.0,
    ) -> list[_Item]:
        ts = Typesetter(self.fonts, where)
        lines = ts.lines(
            text,
            role,
            size,
            TEXT_WIDTH,
            align=align,
            indent=indent,
            char_space=char_space,
            leading=leading,
            right_indent=right_indent,
        )
        items = [_Item(leading, [line], glue=glue) for line in lines]
        if len(items) >= 2:  # widow and orphan control: two lines at each end of a paragraph
            items[0].glue = True
            items[-2].glue = True
        return items

    def _blank(self, glue: bool = False, height: float = LEADING) -> _Item:
        return _Item(height, glue=glue, space=True)

    def _keep_with_previous(self) -> None:
        """Glue the last printed item (and any blank after it) to what comes next."""
        for item in reversed(self.items):
            item.glue = True
            if not item.space:
                break

    def add(self, node: Node, following: Node | None) -> None:
        if isinstance(node, Org):
            self.items += self._text(
                node.text,
                "title",
                ORG_SIZE,
                where="机关名称",
                align="center",
                char_space=0,
                glue=True,
            )
        elif isinstance(node, Title):
            self.items += self._text(
                node.text,
                "title",
                TITLE_SIZE,
                where="标题",
                align="center",
                char_space=0,
                glue=True,
            )
            if not isinstance(following, DocNumber):
                self.items.append(self._blank(glue=True))
        elif isinstance(node, DocNumber):
            self.items += self._text(node.text, "fangsong", BODY_SIZE, where="文号", align="right")
            self.items[-1].glue = True
            self.items.append(self._blank(glue=True))
        elif isinstance(node, Heading):
            self.items += self._text(
                node.text, node.role, BODY_SIZE, where="正文", indent=INDENT, glue=True
            )
        elif isinstance(node, Para):
            role = "hei" if node.bold else "fangsong"
            indent = INDENT if node.indent else 0.0
            self.items += self._text(node.text, role, BODY_SIZE, where="正文", indent=indent)
        elif isinstance(node, Note):
            self.items.append(self._blank())
            self.items += self._text(node.text, "fangsong", NOTE_SIZE, where="附注", indent=INDENT)
        elif isinstance(node, Signature):
            self._signature(node)
        elif isinstance(node, SignLine):
            self._sign_line(node)
        elif isinstance(node, Fields):
            widths = node.widths or (LABEL_WIDTH, 1 - LABEL_WIDTH)
            rows: list[tuple[str, ...]] = [(label, value) for label, value in node.rows]
            self._grid(rows, widths, header=False, labels=True)
        elif isinstance(node, Table):
            widths = node.widths or default_widths(node.header)
            self._grid([node.header, *node.rows], widths, header=True, labels=False)
        else:  # pragma: no cover - every node type is handled above
            raise TypeError(type(node))

    def _signature(self, node: Signature) -> None:
        """署名 centred over the 成文日期, the date right-indented four characters; two blank lines
        above leave room for a 42 mm seal pressing on both (its top within a line of the body),
        and the block stays on the page of the body's last lines."""
        self._keep_with_previous()
        self.items += [self._blank(glue=True), self._blank(glue=True)]
        lines = [line for line in node.lines if line.strip()]
        if not lines:
            return
        ts = Typesetter(self.fonts, "署名")
        *names, date = lines
        date_w = ts.width(date, "fangsong", BODY_SIZE, CHAR_SPACE)
        date_x = max(TEXT_WIDTH - DATE_RIGHT_INDENT - date_w, 0.0)
        centre = date_x + date_w / 2
        base = baseline(LEADING, BODY_SIZE)
        for name in names:
            for line in ts.lines(name, "fangsong", BODY_SIZE, TEXT_WIDTH, char_space=CHAR_SPACE):
                w = ts.width(line.text, "fangsong", BODY_SIZE, CHAR_SPACE)
                line.x = min(max(centre - w / 2, 0.0), TEXT_WIDTH - w)
                line.char_space = CHAR_SPACE
                self.items.append(_Item(LEADING, [line], glue=True))
        date_line = ts.lines(date, "fangsong", BODY_SIZE, TEXT_WIDTH, char_space=CHAR_SPACE)
        for line in date_line:
            line.x, line.y, line.char_space = date_x, base, CHAR_SPACE
            self.items.append(_Item(LEADING, [line], glue=True))
        self.items[-1].glue = False

    def _sign_line(self, node: SignLine) -> None:
        """``执法人员签名：`` left-aligned, blank space to sign, and 年 月 日 at the date's place."""
        self._keep_with_previous()
        self.items.append(self._blank(glue=True))
        ts = Typesetter(self.fonts, "签名栏")
        date_w = ts.width(SIGN_DATE, "fangsong", BODY_SIZE, CHAR_SPACE)
        date_x = TEXT_WIDTH - 2 * PITCH - date_w
        label_lines = ts.lines(
            node.label,
            "fangsong",
            BODY_SIZE,
            date_x - 4 * PITCH,
            align="left",
            char_space=CHAR_SPACE,
        )
        date = ts.lines(SIGN_DATE, "fangsong", BODY_SIZE, TEXT_WIDTH, char_space=CHAR_SPACE)[0]
        date.x = date_x
        for line in label_lines[:-1]:
            self.items.append(_Item(LEADING, [line], glue=True))
        self.items.append(_Item(LEADING, [label_lines[-1], date], glue=False))

    def _grid(
        self,
        rows: list[tuple[str, ...]],
        widths: tuple[float, ...],
        *,
        header: bool,
        labels: bool,
    ) -> None:
        total = sum(widths)
        xs = [0.0]
        for w in widths:
            xs.append(xs[-1] + TEXT_WIDTH * w / total)
        xs[-1] = TEXT_WIDTH
        names = rows[0] if header else ()
        cells: list[list[list[Line]]] = []
        centred: list[list[bool]] = []
        signed_rows: set[int] = set()
        for r, row in enumerate(rows):
            out_row: list[list[Line]] = []
            out_centred: list[bool] = []
            for c in range(len(widths)):
                text = row[c] if c < len(row) else ""
                is_label = (header and r == 0) or (labels and c == 0)
                where = (
                    names[c]
                    if header and r > 0 and c < len(names)
                    else (row[0] if labels else text)
                )
                ts = Typesetter(self.fonts, where or "表格")
                inner = xs[c + 1] - xs[c] - 2 * CELL_PAD_X
                body, signed = split_signed(text) if not is_label else (text, False)
                lines = (
                    ts.lines(
                        body,
                        "hei" if is_label else "fangsong",
                        TABLE_SIZE,
                        inner,
                        align="center" if is_label else "left",
                        leading=CELL_LEADING,
                    )
                    if body
                    else []
                )
                if signed:  # room for the opinion, the sign line at the bottom of the cell
                    signed_rows.add(r)
                    sign = ts.lines(
                        SIGN_LINE, "fangsong", TABLE_SIZE, inner, align="left", leading=CELL_LEADING
                    )
                    blanks = opinion_blanks(len(lines))
                    pad = [Line(0.0, sign[0].y, TABLE_SIZE, 0.0, []) for _ in range(blanks)]
                    lines = [*lines, *pad, *sign]
                for line in lines:
                    line.x += xs[c] + CELL_PAD_X
                out_row.append(lines if text else [])
                out_centred.append(is_label)
            cells.append(out_row)
            centred.append(out_centred)
        grid = _Grid(xs, cells, header, centred, frozenset(signed_rows))
        if self.items:
            self.items.append(self._blank(height=LEADING / 2))
        for r, row_cells in enumerate(cells):
            empty_value = labels and not any(row_cells[1:])
            n = max([len(c) for c in row_cells] + [2 if empty_value else 1])
            row_items = []
            for s in range(n):
                h = CELL_LEADING + (CELL_PAD_Y if s == 0 else 0) + (CELL_PAD_Y if s == n - 1 else 0)
                row_items.append(_Item(h, grid=grid, row=r, slice=s, slices=n))
            if n <= 4 or (header and r == 0) or r in signed_rows:  # an opinion stays whole
                for item in row_items[:-1]:
                    item.glue = True
            else:  # a long row splits anywhere but keeps two lines at each end
                row_items[0].glue = row_items[-2].glue = True
            if header and r == 0:
                row_items[-1].glue = True
            self.items += row_items
        self.items.append(self._blank(height=LEADING / 2))

    # -- pages -----------------------------------------------------------------------------
    def compose(self, document: Document) -> list[Page]:
        nodes = document.nodes
        for i, node in enumerate(nodes):
            self.add(node, nodes[i + 1] if i + 1 < len(nodes) else None)
        return [self._place(n + 1, items) for n, items in enumerate(self._paginate())]

    def _paginate(self) -> list[list[_Item]]:
        items = self.items
        pages: list[list[_Item]] = []
        start = 0
        while start < len(items):
            while start < len(items) and items[start].space and not items[start].glue:
                start += 1  # no blank line at the top of a page
            if start >= len(items):
                break
            page = self._header_for(items[start])
            y = sum(i.height for i in page)
            k = start
            while k < len(items) and (k == start or y + items[k].height <= TEXT_HEIGHT + EPS):
                y += items[k].height
                k += 1
            if k < len(items):  # break before k, or earlier where no glue forbids it
                j = k
                while j > start + 1 and items[j - 1].glue:
                    j -= 1
                if not items[j - 1].glue:
                    k = j
            pages.append(page + items[start:k])
            start = k
        return pages or [[]]

    @staticmethod
    def _header_for(item: _Item) -> list[_Item]:
        """The header row's items again when a page opens inside a table's body."""
        grid = item.grid
        if grid is None or not grid.header or item.row <= 0:
            return []
        n = max([len(c) for c in grid.cells[0]] + [1])
        return [
            _Item(
                CELL_LEADING + (CELL_PAD_Y if s == 0 else 0) + (CELL_PAD_Y if s == n - 1 else 0),
                grid=grid,
                row=0,
                slice=s,
                slices=n,
            )
            for s in range(n)
        ]

    def _place(self, number: int, items: list[_Item]) -> Page:
        page = Page(number)
        y = 0.0
        k = 0
        while k < len(items):
            item = items[k]
            if item.grid is None:
                for line in item.lines:
                    page.lines.append(_moved(line, y))
                y += item.height
                k += 1
                continue
            # a fragment: this row's consecutive slices on this page
            tops = []
            j = k
            while (
                j < len(items)
                and items[j].grid is item.grid
                and items[j].row == item.row
                and (j == k or items[j].slice == items[j - 1].slice + 1)
            ):
                tops.append(y)
                y += items[j].height
                j += 1
            self._fragment(page, item.grid, item.row, items[k:j], tops, y)
            k = j
        return page

    def _fragment(
        self,
        page: Page,
        grid: _Grid,
        row: int,
        slices: list[_Item],
        tops: list[float],
        bottom: float,
    ) -> None:
        top = tops[0]
        page.rules.append(Rule(0, top, TEXT_WIDTH, top))
        page.rules.append(Rule(0, bottom, TEXT_WIDTH, bottom))
        for x in grid.xs:
            page.rules.append(Rule(x, top, x, bottom))
        n = slices[0].slices
        whole = slices[0].slice == 0 and slices[-1].slice == n - 1
        for _c, lines in enumerate(grid.cells[row]):
            if whole:  # short rows centre their text vertically, long ones start at the top
                centre = n <= 4 and row not in grid.top_rows
                offset = (n - len(lines)) * CELL_LEADING / 2 if centre else 0.0
                for i, line in enumerate(lines):
                    page.lines.append(_moved(line, top + CELL_PAD_Y + offset + i * CELL_LEADING))
                continue
            for item, slice_top in zip(slices, tops, strict=True):
                i = item.slice
                if i < len(lines):
                    pad = CELL_PAD_Y if i == 0 else 0.0
                    page.lines.append(_moved(lines[i], slice_top + pad))


def opinion_blanks(opinion_lines: int) -> int:
    """Blank lines between an opinion and its sign line: the cell is at least SIGN_ROWS lines
    high, with one blank line under a long opinion."""
    return max(1, SIGN_ROWS - 1 - opinion_lines)


def _moved(line: Line, dy: float) -> Line:
    return Line(line.x, line.y + dy, line.size, line.char_space, line.runs)


def default_widths(header: tuple[str, ...]) -> tuple[float, ...]:
    """序号 narrow, the other columns sharing the rest."""
    serial = [h.strip() == "序号" for h in header]
    others = len(header) - sum(serial)
    share = (1 - SERIAL_WIDTH * sum(serial)) / others if others else 1 / len(header)
    return tuple(SERIAL_WIDTH if s else share for s in serial)


def compose(document: Document, fonts: FontSet) -> list[Page]:
    return Composer(fonts).compose(document)
