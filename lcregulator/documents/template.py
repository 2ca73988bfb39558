"""Document definitions as package data: Jinja2 for the fields, a line markup for the layout.

The markup is documented for template authors in ``docs/document-templates.md``. In short, a
definition (``templates/<kind>.txt``) starts with its header::

    @kind penalty_decision
    @title 行政处罚决定书
    @numbered 处罚              (the 文书代字 inserted in the 文号; omit for unnumbered forms)
    @ask hearing_place|听证地点   (facts the case does not hold, asked of the officer at issue)

then the body, one node per line: ``@org``, ``@title``, ``@number``, ``@heading``, ``@note``,
``@heading2``/``@heading3`` (levels two and three), ``@noindent`` (a paragraph without indent), ``@sign 署名|日期`` (the authority's signature and
date, room for the seal), ``@signline 执法人员签名：`` (a person signs by hand, with 年 月 日),
``@fields`` … ``@end`` (label|value rows), ``@table h1|h2`` … ``@end``; inside a block an
optional first line ``@widths 26|74`` declares relative column widths. Any other line is a
paragraph.

Data is data: the values a template prints (``{{ … }}``) never become markup. Jinja renders each
value as an opaque token; the markup is parsed into the tree with the tokens in place; only then
are the values put into the nodes' text. A party named ``甲|乙`` stays one cell, a fact that starts
with ``@title`` is a paragraph, and a line break in a value is a line break inside the same
paragraph or cell. Fields that the case lacks raise ``MissingFields`` listing them in Chinese —
nothing is printed as a blank by accident.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import OVERRIDE_DIRS, fonts  # OVERRIDE_DIRS: administrators' definitions (see the package)
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
    SignLine,
    Table,
    Title,
    printable,
)

log = logging.getLogger(__name__)


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
class AskSpec:
    """One question a kind asks at issue: ``@ask key|label[|type[|optional]]``; the type is
    text, date, datetime, amount, document or ``choice:甲,乙`` (DESIGN §9.1)."""

    key: str
    label: str
    type: str = "text"
    required: bool = True
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Definition:
    kind: str
    title: str
    number_code: str | None  # 文书代字, None when the form carries no 文号
    asks: tuple[tuple[str, str], ...]  # (name, label)
    body: str
    specs: tuple[AskSpec, ...] = ()
    addressed: bool = False  # ``@addressed``: served on one party, issued for a chosen one
    origin: str = "package"  # "package", or the override file's path
    version: str = ""  # package:<sha256[:12]> or override:<sha256[:12]> of the file's text

    @property
    def is_override(self) -> bool:
        return self.origin != "package"


class TemplateProblem(ValueError):
    """An override that cannot be used; the message names the file and the line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def definition(kind: str) -> Definition:
    """The override an administrator installed for ``kind``, when it passes
    :func:`check_override`; else the packaged definition (a broken override is logged and
    left aside, never in the way)."""
    for folder in OVERRIDE_DIRS:
        candidate = folder / f"{kind}.txt"
        if candidate.is_file():
            try:
                return check_override(kind, candidate.read_text("utf-8"), str(candidate))
            except (TemplateProblem, OSError, UnicodeDecodeError) as exc:
                if kind not in packaged_kinds():
                    raise
                log.warning("template override ignored, the packaged one is used: %s", exc)
    return _packaged(kind)


def _version(prefix: str, text: str) -> str:
    return f"{prefix}:{hashlib.sha256(text.encode('utf-8')).hexdigest()[:12]}"


@cache
def _packaged(kind: str) -> Definition:
    path = resources.files("lcregulator.documents").joinpath(f"templates/{kind}.txt")
    text = path.read_text("utf-8")
    parsed = _parse(kind, text, f"templates/{kind}.txt")
    return Definition(
        parsed.kind,
        parsed.title,
        parsed.number_code,
        parsed.asks,
        parsed.body,
        specs=parsed.specs,
        addressed=parsed.addressed,
        origin="package",
        version=_version("package", text),
    )


@cache
def packaged_kinds() -> tuple[str, ...]:
    folder = resources.files("lcregulator.documents").joinpath("templates")
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt")))


# What a template may print: the names the case context provides (services/documents.py).
CONTEXT_NAMES = frozenset(
    {
        "accounts_text", "ask", "authority", "case", "crimes_names", "date", "evidence",
        "evidence_count", "evidence_text", "execution_text", "hearing_right",
        "jurisdiction_text", "number", "officer", "officers_names", "officers_text",
        "parties", "parties_names", "party", "price_remedy_note", "proposal", "referral_team",
        "referral_text", "require", "result_text", "statement_text", "summons", "violations",
        "violations_duties", "violations_facts", "violations_penalty_basis", "violations_text",
        "bureau", "statement_received", "hearing_text", "remedy_text", "pays", "sign_space",
        "triple_check_text", "joint", "parties_identifiers", "parties_addresses",
        "parties_phones", "facts_named", "joint_copies", "confiscates",
    }
)  # fmt: skip
MARKUP_COMMANDS = frozenset(
    {
        "@org", "@title", "@number", "@heading", "@heading2", "@heading3", "@note",
        "@noindent", "@sign", "@signline", "@fields", "@table", "@end", "@widths",
    }
)  # fmt: skip


def check_override(kind: str, text: str, origin: str) -> Definition:
    """Validate an administrator's definition before it is used: header, Jinja syntax, the
    names it prints and the layout commands; the message names ``origin`` and the line."""
    lines = text.splitlines()
    body_start = 0
    seen_kind = False
    for i, line in enumerate(lines):
        if line.startswith(("@kind ", "@title ", "@numbered", "@ask ", "@addressed")):
            seen_kind = seen_kind or line.startswith("@kind ")
            if line.startswith("@ask ") and "|" not in line:
                raise TemplateProblem(f"{origin} 第{i + 1}行：@ask 应写作“@ask 名称|说明”。")
            continue
        if not line.strip() and not seen_kind:
            continue
        body_start = i + (0 if line.strip() else 1)
        break
    try:
        parsed = _parse(kind, text, origin)
    except KeyError:
        raise TemplateProblem(f"{origin} 第1行：缺少 @title（文书名称）。") from None
    except ValueError:
        raise TemplateProblem(
            f"{origin} 第1行：@kind 应为 {kind}（文件名与文书种类须一致）。"
        ) from None
    environment = _environment(str)
    try:
        tree = environment.parse(parsed.body)
    except jinja2.TemplateSyntaxError as exc:
        at = body_start + (exc.lineno or 1)
        raise TemplateProblem(f"{origin} 第{at}行：模板语法错误：{exc.message}。") from None
    asked = {name for name, _ in parsed.asks}
    # the fields of a document kind are those of the case context; a kind of the bureau's own
    # (no packaged definition) is rendered with whatever context its caller passes
    known_kind = kind in packaged_kinds()
    unknown = sorted(meta.find_undeclared_variables(tree) - CONTEXT_NAMES - asked)
    if unknown and known_kind:
        name = unknown[0]
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        at = next(
            (
                body_start + n + 1
                for n, t in enumerate(parsed.body.splitlines())
                if pattern.search(t)
            ),
            body_start + 1,
        )
        raise TemplateProblem(
            f"{origin} 第{at}行：不认识的字段“{name}”（可用：{'、'.join(sorted(CONTEXT_NAMES))}）。"
        )
    for n, body_line in enumerate(parsed.body.splitlines()):
        stripped = body_line.strip()
        if stripped.startswith("@"):
            command = stripped.split(" ", 1)[0]
            if command not in MARKUP_COMMANDS:
                raise TemplateProblem(
                    f"{origin} 第{body_start + n + 1}行：不认识的版式命令“{command}”。"
                )
    return Definition(
        parsed.kind,
        parsed.title,
        parsed.number_code,
        parsed.asks,
        parsed.body,
        specs=parsed.specs,
        addressed=parsed.addressed,
        origin=origin,
        version=_version("override", text),
    )


def _parse(kind: str, text: str, origin: str) -> Definition:
    header: dict[str, Any] = {"asks": []}
    body_lines = []
    in_header = True
    for line in text.splitlines():
        if in_header and line.startswith(("@kind ", "@title ", "@numbered", "@ask ", "@addressed")):
            key, _, value = line.partition(" ")
            if key == "@ask":
                name, label, *more = (part.strip() for part in value.split("|"))
                type_ = more[0] if more and more[0] else "text"
                choices: tuple[str, ...] = ()
                if type_.startswith("choice:"):
                    type_, choices = "choice", tuple(type_[7:].split(","))
                if type_ not in ("text", "date", "datetime", "amount", "choice", "document"):
                    raise ValueError(f"{origin}: @ask {name}: unknown type {type_!r}")
                optional = len(more) > 1 and more[1] == "optional"
                header["asks"].append((name, label))
                header.setdefault("specs", []).append(
                    AskSpec(name, label, type_, not optional, choices)
                )
            elif key == "@addressed":
                header["addressed"] = True
            else:
                header[key[1:]] = value.strip()
            continue
        if in_header and not line.strip():
            # the header ends at the first blank line after it: a body may open with @title
            in_header = "kind" not in header
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
        specs=tuple(header.get("specs", ())),
        addressed=bool(header.get("addressed")),
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


class Asked:
    """The officer's answers, read by name: ``ask.items`` is the answer called "items", never
    the dict method of that name (which printed ``<built-in method items …>`` on paper)."""

    __slots__ = ("_answers",)

    def __init__(self, answers: dict[str, Any]) -> None:
        self._answers = answers

    def __getitem__(self, name: str) -> Any:
        return self._answers[name]

    def __contains__(self, name: object) -> bool:
        return name in self._answers


# A value's placeholder between template rendering and parsing: private-use characters that the
# markup never uses, so no value can open a node, end a line or split a cell.
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile("\ue000(\\d+)\ue001")


def _environment(finalize: Callable[[Any], str]) -> jinja2.Environment:
    """Sandboxed, immutable: a template reads the case's values and can call nothing that
    reaches Python's internals (``cycler.__init__.__globals__`` …) or changes a value — an
    administrator's override is text from outside the package."""
    return ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        keep_trailing_newline=False,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize,
    )


class _Values:
    """The values a rendering printed, each replaced by a token in the template's output."""

    def __init__(self) -> None:
        self.values: list[str] = []

    def token(self, value: Any) -> str:
        self.values.append("" if value is None else printable(str(value)))
        return f"{_OPEN}{len(self.values) - 1}{_CLOSE}"

    def fill(self, text: str, depth: int = 0) -> str:
        """The text with every token replaced by its value, as plain text (a value captured
        from a ``{% set %}`` block holds tokens itself: those are filled too)."""
        if _OPEN not in text or depth > 4:
            return text

        def value(match: re.Match[str]) -> str:
            return self.fill(self.values[int(match.group(1))], depth + 1)

        return _TOKEN.sub(value, text)


def render(
    kind: str, context: dict[str, Any], number: str = "", *, glyphs: bool = True
) -> Document:
    """Fill a definition with the case context: the markup is parsed into the tree first, and the
    case's values go into the nodes as text afterwards.

    An override that fails for any reason but a missing fact (a field it misspells, a forbidden
    attribute, broken markup) is logged and the packaged definition is used instead.
    ``glyphs=False`` skips the check that every character is printable, which loads the fonts
    (seconds, the first time): for telling the officer at once what is still to answer.
    """
    d = definition(kind)
    if d.is_override:
        try:
            return _render(d, context, number, glyphs)
        except MissingFields:
            raise
        except Exception as exc:
            if kind not in packaged_kinds():
                raise
            log.warning("template override %s failed, the packaged one is used: %s", d.origin, exc)
        d = _packaged(kind)
    return _render(d, context, number, glyphs)


def _render(d: Definition, context: dict[str, Any], number: str, glyphs: bool = True) -> Document:
    kind = d.kind
    recorder = _Recorder()
    asked = dict(context.get("ask") or {})
    for spec in d.specs:
        if spec.required:
            asked[spec.key] = recorder.require(asked.get(spec.key), spec.label)  # "（缺）"
        else:
            asked[spec.key] = asked.get(spec.key) or ""
    ctx = dict(context) | {"number": number, "require": recorder.require, "ask": Asked(asked)}
    values = _Values()
    try:
        text = _environment(values.token).from_string(d.body).render(ctx)
    except jinja2.UndefinedError as exc:
        if d.is_override and kind in packaged_kinds():  # the packaged one takes over
            raise TemplateProblem(f"{d.origin}: {exc}") from None
        raise MissingFields(kind, [str(exc)]) from None
    if recorder.missing:
        raise MissingFields(kind, recorder.missing)
    document = Document(
        kind=kind,
        title=d.title,
        number=number,
        nodes=tuple(parse(text, values.fill)),
        template=d.version,
    )
    if glyphs:
        fonts.check(document.texts())  # every character printable, or a message naming it
    return document


def _widths(rest: str) -> tuple[float, ...]:
    try:
        widths = tuple(float(part) for part in rest.split("|"))
    except ValueError:
        raise ValueError(f"@widths takes numbers separated by |, not {rest!r}") from None
    if not widths or any(w <= 0 for w in widths):
        raise ValueError(f"@widths must be positive: {rest!r}")
    return widths


def parse(text: str, fill: Callable[[str], str] = lambda s: s) -> list[Node]:
    """The markup (with values still as tokens) into nodes; ``fill`` puts each node's values
    in. Lines are split and commands read on the template's own text only."""

    def clean(s: str) -> str:
        return fill(s.strip()).strip()

    nodes: list[Node] = []
    block: str | None = None
    rows: list[tuple[str, ...]] = []
    header: tuple[str, ...] = ()
    widths: tuple[float, ...] = ()
    for raw in text.splitlines():
        line = raw.strip()
        if block is not None:
            if line == "@end":
                if block == "fields":
                    pairs = tuple((r[0], r[1] if len(r) > 1 else "") for r in rows)
                    nodes.append(Fields(pairs, widths))
                else:
                    nodes.append(Table(header, tuple(rows), widths))
                block, rows, widths = None, [], ()
            elif line.startswith("@widths ") and not rows:
                widths = _widths(line.partition(" ")[2])
            elif line:
                rows.append(tuple(clean(cell) for cell in line.split("|")))
            continue
        if not line:
            continue
        command, _, rest = line.partition(" ")
        if not command.startswith("@"):
            text_value = clean(line)
            if text_value:
                nodes.append(Para(text_value))
            continue
        value = clean(rest)
        if command == "@org":
            nodes.append(Org(value))
        elif command == "@title":
            nodes.append(Title(value))
        elif command == "@number":
            if value:
                nodes.append(DocNumber(value))
        elif command in ("@heading", "@heading2", "@heading3"):
            nodes.append(Heading(value, {"@heading2": 2, "@heading3": 3}.get(command, 1)))
        elif command == "@note":
            if value:
                nodes.append(Note(value))
        elif command == "@noindent":
            if value:
                nodes.append(Para(value, indent=False))
        elif command == "@sign":
            nodes.append(Signature(tuple(clean(part) for part in rest.split("|"))))
        elif command == "@signline":
            nodes.append(SignLine(value))
        elif command == "@fields":
            block = "fields"
            if rest.strip():
                widths = _widths(rest.strip())
        elif command == "@table":
            block, header = "table", tuple(clean(cell) for cell in rest.split("|"))
        else:
            raise ValueError(f"unknown template command {command!r}")
    if block is not None:
        raise ValueError("template block not closed with @end")
    return nodes
