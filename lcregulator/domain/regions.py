"""行政区划代码 (GB/T 2260): look-up by code and by name, and validation of region fields.

Jurisdiction under Art 47 turns on *places* (a party's 住所地 or 实际经营地), so every region
field is checked against the shipped table (see ``data/README.md`` for its origin and date).
Codes that older tables still carry are accepted but marked ``former`` so the officer is warned.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from .errors import ValidationError


class RegionLevel(StrEnum):
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    level: RegionLevel
    parent: str | None
    type: str
    current: bool


class RegionTable:
    """The whole table in memory (about 3,200 rows), indexed by code and by name."""

    def __init__(self, regions: list[Region]) -> None:
        self._by_code: dict[str, Region] = {}
        for region in regions:
            if region.code in self._by_code:
                raise ValueError(f"regions.csv: duplicate code {region.code}")
            self._by_code[region.code] = region
        for region in regions:
            if region.parent and region.parent not in self._by_code:
                raise ValueError(f"regions.csv: {region.code} has unknown parent {region.parent}")

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[Region]:
        return iter(self._by_code.values())

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def chain(self, code: str) -> list[Region]:
        """The region and its ancestors, province first."""
        out: list[Region] = []
        region = self._by_code.get(code)
        while region is not None:
            out.append(region)
            region = self._by_code.get(region.parent) if region.parent else None
        return list(reversed(out))

    def full_name(self, code: str) -> str:
        """浙江省杭州市西湖区 — the name as it is written on a document."""
        return "".join(r.name for r in self.chain(code))

    def contains(self, ancestor: str, code: str) -> bool:
        """Whether ``code`` lies in the territory of ``ancestor`` (itself included)."""
        return any(r.code == ancestor for r in self.chain(code))

    def children(self, code: str | None) -> list[Region]:
        return sorted((r for r in self._by_code.values() if r.parent == code), key=lambda r: r.code)

    def find(self, text: str, limit: int = 20) -> list[Region]:
        """Regions whose name or full name contains ``text``; current before former."""
        text = text.strip()
        if not text:
            return []
        hits = [
            r
            for r in self._by_code.values()
            if text in r.name or text in self.full_name(r.code) or r.code.startswith(text)
        ]
        hits.sort(key=lambda r: (not r.current, r.name != text, r.code))
        return hits[:limit]

    def validate(self, code: str | None, field: str, *, required: bool = True) -> Region | None:
        """Return the region for ``code`` or raise a Chinese message naming ``field``."""
        value = (code or "").strip()
        if not value:
            if required:
                raise ValidationError(field, "行政区划代码不能为空。")
            return None
        if len(value) != 6 or not value.isdigit():
            raise ValidationError(field, f"行政区划代码应为6位数字，现为“{value}”。")
        region = self._by_code.get(value)
        if region is None:
            raise ValidationError(
                field, f"行政区划代码 {value} 不在国家行政区划代码表（GB/T 2260）中。"
            )
        return region


@cache
def regions() -> RegionTable:
    """The shipped table, loaded once."""
    text = resources.files("lcregulator.domain").joinpath("data/regions.csv").read_text("utf-8")
    rows: list[Region] = []
    reader = csv.DictReader(io.StringIO(text))
    expected = ["code", "name", "level", "parent", "type", "status"]
    if reader.fieldnames != expected:
        raise ValueError(f"regions.csv: columns {reader.fieldnames} != {expected}")
    for line_no, row in enumerate(reader, start=2):
        if row["status"] not in ("current", "former"):
            raise ValueError(f"regions.csv line {line_no}: bad status {row['status']!r}")
        rows.append(
            Region(
                code=row["code"],
                name=row["name"],
                level=RegionLevel(row["level"]),
                parent=row["parent"] or None,
                type=row["type"],
                current=row["status"] == "current",
            )
        )
    return RegionTable(rows)
