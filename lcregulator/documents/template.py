"""Document definitions as package data: Jinja2 for the fields, a line markup for the layout.

A definition (``templates/<kind>.txt``) starts with its header::

    @kind penalty_decision
    @title 行政处罚决定书
    @numbered 处罚              (the 文书代字 inserted in the 文号; omit for unnumbered forms)
    @ask hearing_place|听证地点   (facts the case does not hold, asked of the officer at issue)

then the body, one node per line: ``@org``, ``@title``, ``@number``, ``@heading``, ``@note``,
``@noindent`` (a paragraph without indent), ``@sign a|b`` (signature lines), ``@fields`` …
``@end`` (label|value rows), ``@table h1|h2`` … ``@end``; any other line is a paragraph.
Fields that the case lacks raise ``MissingFields`` listing them in Chinese — nothing is printed
as a blank by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2

from . import OVERRIDE_DIRS  # administrators' adjusted definitions (see the package)
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


class MissingFields(Exception):
    """The case lacks what this document must say; the officer is asked for it."""

    def __init__(self, kind: str, labels: list[str]) -> None:
        super().__init__(f"{kind}: missing {labels}")
        self.kind = kind
        self.labels = labels

    @property
    def message(self) -> str:
        return "出具文书前请补充：" + "、".join(self.labels) + "。"


@dataclass(frozen=True)
class Definition:
    kind: str
    title: str
    number_code: str | None  # 文书代字, None when the form carries no 文号
    asks: tuple[tuple[str, str], ...]  # (name, label)
    body: str


def definition(kind: str) -> Definition:
    for folder in OVERRIDE_DIRS:
        candidate = folder / f"{kind}.txt"
        if candidate.is_file():
            return _parse(kind, candidate.read_text("utf-8"), str(candidate))
    return _packaged(kind)


@cache
def _packaged(kind: str) -> Definition:
    path = resources.files("lcregulator.documents").joinpath(f"templates/{kind}.txt")
    return _parse(kind, path.read_text("utf-8"), f"templates/{kind}.txt")


def _parse(kind: str, text: str, origin: str) -> Definition:
    header: dict[str, Any] = {"asks": []}
    body_lines = []
    in_header = True
    for line in text.splitlines():
        if in_header and line.startswith(("@kind ", "@title ", "@numbered", "@ask ")):
            key, _, value = line.partition(" ")
            if key == "@ask":
                name, _, label = value.partition("|")
                header["asks"].append((name.strip(), label.strip()))
            else:
                header[key[1:]] = value.strip()
            continue
        if in_header and not line.strip():
            continue
        in_header = False
        body_lines.append(line)
    if header.get("kind") != kind:
        raise ValueError(f"{origin}: @kind is {header.get('kind')!r}")
    return Definition(
        kind=kind,
        title=header["title"],
        number_code=header.get("numbered") or None,
        asks=tuple(header["asks"]),
        body="\n".join(body_lines),
    )


class _Recorder:
    """Collects the labels of required values that are empty."""

    def __init__(self) -> None:
        self.missing: list[str] = []

    def require(self, value: Any, label: str) -> Any:
        if value is None or (isinstance(value, str) and not value.strip()):
            if label not in self.missing:
                self.missing.append(label)
            return "（缺）"
        return value


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(kind: str, context: dict[str, Any], number: str = "") -> Document:
    """Fill a definition with the case context and parse it into a document tree."""
    d = definition(kind)
    recorder = _Recorder()
    asked = dict(context.get("ask") or {})
    for name, label in d.asks:
        asked[name] = recorder.require(asked.get(name), label)  # "（缺）" while missing
    ctx = dict(context) | {"number": number, "require": recorder.require, "ask": asked}
    try:
        text = _environment().from_string(d.body).render(ctx)
    except jinja2.UndefinedError as exc:
        raise MissingFields(kind, [str(exc)]) from None
    if recorder.missing:
        raise MissingFields(kind, recorder.missing)
    return Document(kind=kind, title=d.title, number=number, nodes=tuple(parse(text)))


def parse(text: str) -> list[Node]:
    nodes: list[Node] = []
    block: str | None = None
    rows: list[tuple[str, ...]] = []
    header: tuple[str, ...] = ()
    for raw in text.splitlines():
        line = raw.strip()
        if block is not None:
            if line == "@end":
                if block == "fields":
                    nodes.append(Fields(tuple((r[0], r[1] if len(r) > 1 else "") for r in rows)))
                else:
                    nodes.append(Table(header, tuple(rows)))
                block, rows = None, []
            elif line:
                rows.append(tuple(cell.strip() for cell in line.split("|")))
            continue
        if not line:
            continue
        command, _, rest = line.partition(" ")
        rest = rest.strip()
        if command == "@org":
            nodes.append(Org(rest))
        elif command == "@title":
            nodes.append(Title(rest))
        elif command == "@number":
            if rest:
                nodes.append(DocNumber(rest))
        elif command == "@heading":
            nodes.append(Heading(rest))
        elif command == "@note":
            nodes.append(Note(rest))
        elif command == "@noindent":
            nodes.append(Para(rest, indent=False))
        elif command == "@sign":
            nodes.append(Signature(tuple(part.strip() for part in rest.split("|"))))
        elif command == "@fields":
            block = "fields"
        elif command == "@table":
            block, header = "table", tuple(cell.strip() for cell in rest.split("|"))
        else:
            nodes.append(Para(line))
    if block is not None:
        raise ValueError("template block not closed with @end")
    return nodes
