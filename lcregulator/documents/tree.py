"""The document tree: what a 文书 says, independent of PDF or DOCX.

Each node type is translated by both renderers (``pdf.py`` through ``layout.py``, and
``docx_writer.py``); a test proves both handle every node and produce the same text. Text in a
node is plain text: a line break in it is a line break inside the same paragraph or cell, and no
character in it means anything to a renderer.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field


def printable(text: str) -> str:
    """Text as it is printed: Windows line ends become line breaks, a tab a space, and invisible
    control and format characters (which no font draws and XML may not hold) are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(
        ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )


# The last line of an approval form's opinion cell (承办人员意见, 负责人审批意见 …): the person
# signs and dates by hand at the bottom of the cell, the opinion written above it.
SIGN_LINE = "签名：　　　　　　　　　　日期："


def split_signed(text: str) -> tuple[str, bool]:
    """(the opinion, True) for a cell that ends with :data:`SIGN_LINE`; else (text, False)."""
    if text.endswith(SIGN_LINE):
        return text[: -len(SIGN_LINE)].rstrip(), True
    return text, False


@dataclass(frozen=True)
class Org:
    """The issuing authority's name above the title (发文机关标志)."""

    text: str


@dataclass(frozen=True)
class Title:
    text: str


@dataclass(frozen=True)
class DocNumber:
    text: str


@dataclass(frozen=True)
class Para:
    text: str
    indent: bool = True  # first line indented two characters
    bold: bool = False


@dataclass(frozen=True)
class Heading:
    """GB/T 9704 §7.3.3: level 1 "一、" 黑体, level 2 "（一）" 楷体, level 3 "1." 仿宋 (and "（1）"),
    all 3号, indented two characters."""

    text: str
    level: int = 1

    @property
    def role(self) -> str:
        return {1: "hei", 2: "kai"}.get(self.level, "fangsong")


@dataclass(frozen=True)
class Fields:
    """A form's label/value grid (审批表, 登记表); ``widths`` are relative column widths."""

    rows: tuple[tuple[str, str], ...]
    widths: tuple[float, ...] = ()  # () = 26 : 74


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # () = 序号 narrow, the others equal


@dataclass(frozen=True)
class Signature:
    """The authority's 署名 (one or more lines) over the 成文日期 (the last line), where the seal
    goes (印章)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class SignLine:
    """A person signs here by hand: the label, blank space to sign, and 年 月 日."""

    label: str


@dataclass(frozen=True)
class Note:
    text: str


Node = Org | Title | DocNumber | Para | Heading | Fields | Table | Signature | SignLine | Note
NODE_TYPES = (Org, Title, DocNumber, Para, Heading, Fields, Table, Signature, SignLine, Note)
SIGN_DATE = "年　　月　　日"


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    number: str  # 文号, "" for forms without one
    nodes: tuple[Node, ...] = field(default=())
    template: str = ""  # which definition produced it: package:<sha> or override:<sha>

    def text_lines(self) -> list[str]:
        """Every piece of text in reading order — what both renderers must print."""
        return [text for _, _, text in self.texts() if text]

    def texts(self) -> Iterator[tuple[str, str, str]]:
        """(where, font role, text) for every piece of text: where names the field or part of
        the document, for the message when a character cannot be printed."""
        for node in self.nodes:
            if isinstance(node, Fields):
                for label, value in node.rows:
                    yield label, "hei", label
                    yield label, "fangsong", value
            elif isinstance(node, Table):
                for h in node.header:
                    yield h, "hei", h
                for row in node.rows:
                    for h, cell in zip(node.header, row, strict=False):
                        yield h, "fangsong", cell
            elif isinstance(node, Signature):
                for line in node.lines:
                    yield "署名", "fangsong", line
            elif isinstance(node, SignLine):
                yield "签名栏", "fangsong", node.label
                yield "签名栏", "fangsong", SIGN_DATE
            elif isinstance(node, Org):
                yield "机关名称", "title", node.text
            elif isinstance(node, Title):
                yield "标题", "title", node.text
            elif isinstance(node, DocNumber):
                yield "文号", "fangsong", node.text
            elif isinstance(node, Heading):
                yield "正文", node.role, node.text
            elif isinstance(node, Note):
                yield "附注", "fangsong", node.text
            else:
                yield "正文", "fangsong", node.text
