"""The document tree: what a 文书 says, independent of PDF or DOCX.

Each node type is translated by both renderers (``pdf.py``, ``docx_writer.py``); a test proves
both handle every node and produce the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    text: str  # 一、… (黑体)


@dataclass(frozen=True)
class Fields:
    """A form's label/value grid (审批表, 登记表)."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Signature:
    """Issuer and date at the bottom right, where the seal goes (印章)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Note:
    text: str


Node = Org | Title | DocNumber | Para | Heading | Fields | Table | Signature | Note
NODE_TYPES = (Org, Title, DocNumber, Para, Heading, Fields, Table, Signature, Note)


@dataclass(frozen=True)
class Document:
    kind: str
    title: str
    number: str  # 文号, "" for forms without one
    nodes: tuple[Node, ...] = field(default=())

    def text_lines(self) -> list[str]:
        """Every piece of text in reading order — what both renderers must print."""
        out: list[str] = []
        for node in self.nodes:
            if isinstance(node, Fields):
                for label, value in node.rows:
                    out += [label, value]
            elif isinstance(node, Table):
                out += list(node.header)
                for row in node.rows:
                    out += list(row)
            elif isinstance(node, Signature):
                out += list(node.lines)
            else:
                out.append(node.text)
        return [line for line in out if line]
