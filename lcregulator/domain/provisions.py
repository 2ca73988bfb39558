"""The citable provisions of the Measures' chapter on liability (Arts 53–66).

A violation is recorded against one of these ids (``M59(1)``, ``M62-1/advertising`` …, the
format of DESIGN §9). Each carries the article/paragraph/item it is, the duty articles it
enforces and the roles that can commit it, so the picker can show only what fits the party,
and the statute viewer can open the right article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from .lawdata import LawDataError, check_keys, load_json, parse_date
from .parties import PartyRole
from .statute import measures, to_chinese_number

DATA_FILE = "data/law/provisions-order117.json"
_ID = re.compile(r"^M(\d+)(?:-(\d+))?(?:\((\d+)\))?(?:/([a-z-]+))?$")
_DUTY = re.compile(r"^(\d+)(?:-(\d+))?(?:\((\d+)\))?$")


@dataclass(frozen=True, slots=True)
class Duty:
    article: int
    paragraph: int | None = None
    item: int | None = None

    @property
    def label(self) -> str:
        out = f"第{to_chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{to_chinese_number(self.paragraph)}款"
        if self.item:
            out += f"第{to_chinese_number(self.item)}项"
        return out


@dataclass(frozen=True, slots=True)
class Provision:
    id: str
    article: int
    paragraph: int | None
    item: int | None
    branch: str | None
    label: str
    duties: tuple[Duty, ...]
    roles: frozenset[PartyRole]
    competence: str  # market_supervision | cyberspace
    instrument: str
    version: str
    effective_from: dt.date

    @property
    def citation(self) -> str:
        """《直播电商监督管理办法》第五十九条第（一）项."""
        return f"《{self.instrument}》{self.location}"

    @property
    def location(self) -> str:
        out = f"第{to_chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{to_chinese_number(self.paragraph)}款"
        if self.item:
            out += f"第{to_chinese_number(self.item)}项"
        return out

    @property
    def text(self) -> str:
        """The words of the provision itself (the paragraph, plus the item when there is one)."""
        article = measures().article(self.article)
        paragraph = article.paragraphs[(self.paragraph or 1) - 1]
        if self.item:
            return paragraph.text + "\n" + paragraph.items[self.item - 1]
        return paragraph.text if self.paragraph else article.text


def _duty(text: str, where: str) -> Duty:
    m = _DUTY.match(text)
    if not m:
        raise LawDataError(f"{where}: bad duty reference {text!r}")
    art, para, item = m.groups()
    return Duty(int(art), int(para) if para else None, int(item) if item else None)


@cache
def catalogue() -> dict[str, Provision]:
    data = load_json(DATA_FILE)
    check_keys(data, DATA_FILE, ["instrument", "version", "effective_from", "source", "provisions"])
    effective = parse_date(data["effective_from"], f"{DATA_FILE}: effective_from")
    statute = measures()
    out: dict[str, Provision] = {}
    for i, rec in enumerate(data["provisions"]):
        where = f"{DATA_FILE}: provisions[{i}]"
        check_keys(
            rec,
            where,
            ["id", "article", "label", "duties", "roles"],
            ["paragraph", "item", "branch", "competence"],
        )
        m = _ID.match(rec["id"])
        if not m or int(m.group(1)) != rec["article"]:
            raise LawDataError(f"{where}: id {rec['id']!r} does not match article")
        if rec["id"] in out:
            raise LawDataError(f"{where}: duplicate id {rec['id']}")
        article = statute.article(rec["article"])
        paragraph = rec.get("paragraph")
        item = rec.get("item")
        para_obj = article.paragraphs[(paragraph or 1) - 1]
        if item and item > len(para_obj.items):
            raise LawDataError(f"{where}: {article.label} has no item {item}")
        try:
            roles = frozenset(PartyRole(r) for r in rec["roles"])
        except ValueError as exc:
            raise LawDataError(f"{where}: {exc}") from None
        out[rec["id"]] = Provision(
            id=rec["id"],
            article=rec["article"],
            paragraph=paragraph,
            item=item,
            branch=rec.get("branch"),
            label=rec["label"],
            duties=tuple(_duty(d, where) for d in rec["duties"]),
            roles=roles,
            competence=rec.get("competence", "market_supervision"),
            instrument=data["instrument"],
            version=data["version"],
            effective_from=effective,
        )
    return out


def provision(provision_id: str) -> Provision:
    try:
        return catalogue()[provision_id]
    except KeyError:
        raise KeyError(f"未知的条款编号：{provision_id}") from None


def for_roles(roles: set[PartyRole]) -> list[Provision]:
    """Provisions any of these roles can violate, in the order of the Measures."""
    return [p for p in catalogue().values() if not roles or p.roles & roles]


_DIGITS = re.compile(r"\d+")


def matches(p: Provision, query: str) -> bool:
    """Whether the picker should show ``p`` for what the officer typed.

    Officers type an article as ``58``, ``第58条`` or ``五十八``; the catalogue writes it in
    Chinese numerals (第五十八条). Bare digits mean the article number itself; digits inside
    other words are read as Chinese numerals before the text is searched."""
    text = "".join(query.split())
    if not text:
        return True
    if text.isdigit():
        return p.article == int(text)
    chinese = _DIGITS.sub(
        lambda m: to_chinese_number(int(m.group())) if 0 < int(m.group()) < 200 else m.group(),
        text,
    )
    return any(chinese in field for field in (p.location, p.label, p.text, p.id))
