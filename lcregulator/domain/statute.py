"""The text of the Measures, split into chapters, articles, paragraphs (款) and items (项).

Citations in the application point at "第四十七条第三款" or "第五十九条第（一）项"; the statute
viewer, the provision picker and documents all quote from this one parsed copy of the released
text (``data/law/``, simplified characters converted from the authoritative traditional copy).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_DIGITS |= {"七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100}


def chinese_number(text: str) -> int:
    """十 → 10, 二十三 → 23, 一百零五 → 105 (the forms used for article numbers)."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + current


def to_chinese_number(n: int) -> str:
    """The inverse for 1–199: 47 → 四十七, 10 → 十, 105 → 一百零五."""
    digits = "〇一二三四五六七八九"
    if not 0 < n < 200:
        raise ValueError(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = "一百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else digits[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    if ones:
        out += digits[ones]
    return out


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 款, from 1
    text: str
    items: tuple[str, ...] = ()  # 项, "(一)…" lines, in order


@dataclass(frozen=True, slots=True)
class Article:
    number: int
    chapter: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def label(self) -> str:
        return f"第{to_chinese_number(self.number)}条"

    @property
    def text(self) -> str:
        lines = []
        for p in self.paragraphs:
            lines.append(p.text)
            lines.extend(p.items)
        return "\n".join(lines)


@dataclass
class Statute:
    title: str
    preamble: str
    articles: dict[int, Article] = field(default_factory=dict)
    chapters: list[tuple[str, list[int]]] = field(default_factory=list)

    def article(self, number: int) -> Article:
        try:
            return self.articles[number]
        except KeyError:
            raise KeyError(f"{self.title}没有第{number}条") from None

    def paragraph(self, article: int, paragraph: int) -> Paragraph:
        return self.article(article).paragraphs[paragraph - 1]

    def item(self, article: int, item: int, paragraph: int = 1) -> str:
        return self.paragraph(article, paragraph).items[item - 1]

    def search(self, text: str) -> list[Article]:
        """Articles whose text contains ``text`` (or whose label is it: "第四十七条", "47")."""
        text = text.strip()
        if not text:
            return []
        if text.isdigit() and int(text) in self.articles:
            return [self.articles[int(text)]]
        return [a for a in self.articles.values() if text in a.text or text == a.label]


_CHAPTER = re.compile(r"^第([〇一二三四五六七八九十]+)章\s*(.*)$")
_ARTICLE = re.compile(r"^第([〇一二三四五六七八九十百零]+)条\s*(.*)$")
_ITEM = re.compile(r"^[(（]([一二三四五六七八九十]+)[)）]")


def parse(text: str, title: str) -> Statute:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    statute = Statute(title=title, preamble="")
    chapter = ""
    number = 0
    paragraphs: list[tuple[str, list[str]]] = []

    def flush() -> None:
        if number:
            statute.articles[number] = Article(
                number,
                chapter,
                tuple(Paragraph(i + 1, t, tuple(items)) for i, (t, items) in enumerate(paragraphs)),
            )
            statute.chapters[-1][1].append(number)

    for line in lines:
        if m := _CHAPTER.match(line):
            flush()
            number, paragraphs = 0, []
            chapter = f"第{m.group(1)}章 {m.group(2).replace(' ', '')}"
            statute.chapters.append((chapter, []))
        elif m := _ARTICLE.match(line):
            flush()
            number = chinese_number(m.group(1))
            if number in statute.articles:
                raise ValueError(f"{title}: article {number} appears twice")
            paragraphs = [(m.group(2), [])]
        elif number and _ITEM.match(line):
            paragraphs[-1][1].append(line)
        elif number and line.startswith("来源"):
            continue
        elif number:
            paragraphs.append((line, []))
        elif not chapter and line.startswith(("(", "（")):
            statute.preamble = line
    flush()
    expected = list(range(1, len(statute.articles) + 1))
    if sorted(statute.articles) != expected:
        raise ValueError(f"{title}: articles are not numbered 1..n")
    return statute


MEASURES_TITLE = "直播电商监督管理办法"


@cache
def measures() -> Statute:
    """《直播电商监督管理办法》 (Order No. 117), simplified characters."""
    path = "data/law/measures-order117.zh-Hans.txt"
    text = resources.files("lcregulator.domain").joinpath(path).read_text("utf-8")
    return parse(text, MEASURES_TITLE)
