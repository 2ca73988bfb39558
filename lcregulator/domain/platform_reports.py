"""Art 9 identity reports: the rows a platform sends every January and July, checked one by one.

A platform's report is how a provincial officer learns who is behind a live account, where a
room operator actually works (Art 47 ¶2 jurisdiction follows it) and which agency a marketer
belongs to. Large platforms send hundreds of thousands of rows, so validation is a plain function
per row that returns the problems it found (field, Chinese reason) — the caller streams the file,
numbers the rows as a spreadsheet does (header = row 1) and decides, with the officer, whether to
import anything. What each row type must carry is Art 9 items (1)–(3) verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from .errors import ValidationError
from .regions import RegionTable, regions


class RowType(StrEnum):
    """The three kinds of person Art 9 items (1), (2) and (3) describe."""

    ROOM_REGISTERED = "room_operator_registered"
    ROOM_UNREGISTERED = "room_operator_unregistered"
    MARKETER = "marketer"

    @property
    def label(self) -> str:
        return ROW_TYPE_LABELS[self]


ROW_TYPE_LABELS = {
    RowType.ROOM_REGISTERED: "直播间运营者（已登记）",
    RowType.ROOM_UNREGISTERED: "直播间运营者（未登记）",
    RowType.MARKETER: "直播营销人员",
}
_TYPE_BY_TEXT = {label: t for t, label in ROW_TYPE_LABELS.items()}
# Platforms write brackets both ways; accept the half-width form of the same words.
_TYPE_BY_TEXT.update(
    {label.replace("（", "(").replace("）", ")"): t for label, t in _TYPE_BY_TEXT.items()}
)

# The logical columns of a report, in the order of the default layout of DESIGN §9.1.
COLUMNS: tuple[str, ...] = (
    "type",
    "name",
    "uscc",
    "id_number",
    "address",
    "contact",
    "accounts",
    "agency",
    "qualifications",
    "position",
    "region",
)
DEFAULT_HEADERS: dict[str, str] = {
    "类型": "type",
    "名称或姓名": "name",
    "统一社会信用代码": "uscc",
    "身份证件号码": "id_number",
    "地址": "address",
    "联系方式": "contact",
    "直播账号": "accounts",
    "所属服务机构": "agency",
    "专业资质": "qualifications",
    "职业职务": "position",
    # Not in §9.1's list: an optional column for a platform that also gives the region code.
    "行政区划代码": "region",
}
COLUMN_LABELS: dict[str, str] = {v: k for k, v in DEFAULT_HEADERS.items()}
# Columns a file must have (after mapping); the others may be absent.
REQUIRED_COLUMNS: tuple[str, ...] = (
    "type",
    "name",
    "uscc",
    "id_number",
    "address",
    "contact",
    "accounts",
)
# What each row type must fill in (Art 9 items 1–3).
REQUIRED_FIELDS: dict[RowType, tuple[str, ...]] = {
    RowType.ROOM_REGISTERED: ("name", "uscc", "address", "contact", "accounts"),
    RowType.ROOM_UNREGISTERED: ("name", "id_number", "address", "contact", "accounts"),
    RowType.MARKETER: ("name", "id_number", "address", "contact"),
}
MAX_LENGTHS = {
    "name": 200,
    "address": 300,
    "contact": 100,
    "agency": 200,
    "qualifications": 300,
    "position": 100,
}
MAX_ACCOUNT_LENGTH = 100

_PERIOD = re.compile(r"^(\d{4})-(01|07)$")


def parse_period(text: str, field_name: str = "period") -> str:
    """``2026-01`` or ``2026-07``: the two months Art 9 names; anything else is refused."""
    value = (text or "").strip()
    match = _PERIOD.match(value)
    if not match or not 2000 <= int(match.group(1)) <= 2100:
        raise ValidationError(
            field_name,
            f"报送期次应为“YYYY-01”或“YYYY-07”（办法第九条：每年一月和七月报送），现为“{value}”。",
        )
    return value


def period_label(period: str) -> str:
    return f"{period[:4]}年{int(period[5:])}月"


def period_due(period: str) -> dt.date:
    """The last day a report for ``period`` may arrive: the end of January or of July."""
    year, month = int(period[:4]), int(period[5:])
    return dt.date(year, 1, 31) if month == 1 else dt.date(year, 7, 31)


def last_due_period(today: dt.date) -> str:
    """The latest period whose reporting month has ended on ``today``."""
    if today.month >= 8:
        return f"{today.year}-07"
    if today.month >= 2:
        return f"{today.year}-01"
    return f"{today.year - 1}-07"


def mask_id(value: str | None) -> str:
    """110105********1234: region and last four kept, birth date hidden (lists and exports)."""
    if not value:
        return ""
    if len(value) <= 10:
        return value[:2] + "*" * (len(value) - 2)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def split_accounts(text: str) -> list[str]:
    """Several accounts in one cell, separated by ``;`` (full-width and 、 accepted too)."""
    parts = re.split(r"[;；、\n]", text or "")
    seen: dict[str, None] = {}
    for part in parts:
        account = part.strip()
        if account:
            seen.setdefault(account, None)
    return list(seen)


class AddressMatcher:
    """Derives the region code from an address written the usual way (浙江省杭州市西湖区…).

    Walks the table from the provinces down, taking the longest name (or the name without its
    suffix: 浙江 for 浙江省, 杭州 for 杭州市) that starts the rest of the address. Returns the
    deepest level found; a province alone is enough to route a row under Art 48.
    """

    _SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")

    def __init__(self, table: RegionTable) -> None:
        self._table = table
        children: dict[str | None, list[tuple[str, str]]] = {}
        for region in table:
            if not region.current:
                continue
            names = {region.name}
            for suffix in self._SUFFIXES:
                if region.name.endswith(suffix) and len(region.name) - len(suffix) >= 2:
                    names.add(region.name[: -len(suffix)])
            children.setdefault(region.parent, []).extend((name, region.code) for name in names)
        # parent → first character → [(name, code)], longest name first; then the same for
        # grandchildren, used when an address skips a level (北京市朝阳区, 广东深圳南山区).
        self._next: dict[str | None, dict[str, list[tuple[str, str]]]] = {}
        self._skip: dict[str | None, dict[str, list[tuple[str, str]]]] = {}
        for parent, named in children.items():
            self._next[parent] = self._index(named)
            grand = [item for _, code in named for item in children.get(code, [])]
            self._skip[parent] = self._index(grand)

    @staticmethod
    def _index(names: list[tuple[str, str]]) -> dict[str, list[tuple[str, str]]]:
        index: dict[str, list[tuple[str, str]]] = {}
        for name, code in sorted(set(names), key=lambda item: (-len(item[0]), item[1])):
            index.setdefault(name[0], []).append((name, code))
        return index

    def region_of(self, address: str) -> str | None:
        return self._walk("".join((address or "").split()))

    def _walk(self, text: str) -> str | None:
        parent: str | None = None
        found: str | None = None
        position = 0
        while position < len(text):
            first = text[position]
            step = None
            for index in (self._next.get(parent), self._skip.get(parent)):
                for name, code in (index or {}).get(first, ()):
                    if text.startswith(name, position):
                        step = (name, code)
                        break
                if step:
                    break
            if step is None:
                break
            position += len(step[0])
            found = parent = step[1]
        return found


@cache
def address_matcher() -> AddressMatcher:
    return AddressMatcher(regions())


def province_of(code: str | None) -> str | None:
    """The 6-digit code of the province a region lies in (330106 → 330000)."""
    if not code or len(code) != 6:
        return None
    return code[:2] + "0000"


@dataclass(slots=True)
class ReportRecord:
    """One valid row, normalised, ready to store."""

    row: int
    type: RowType
    name: str
    identifier: str  # USCC for a registered operator, else the ID number
    address: str
    region: str | None
    contact: str
    accounts: list[str]
    agency: str = ""
    qualifications: str = ""
    position: str = ""


@dataclass(slots=True)
class RowProblem:
    row: int
    field: str  # the header as written in the file
    message: str


@dataclass(slots=True)
class ColumnPlan:
    """Which column of the file holds which logical field, and the header as written."""

    index: dict[str, int]
    headers: dict[str, str]
    unknown: list[str] = field(default_factory=list)


def plan_columns(headers: list[str], mapping: dict[str, str] | None = None) -> ColumnPlan:
    """Match the header row against the default layout and the platform's remembered mapping.

    ``mapping`` maps a header as the platform writes it to a logical column. Raises a
    ValidationError naming the missing columns — the GUI then offers the mapping dialog.
    """
    lookup = dict(DEFAULT_HEADERS)
    lookup.update(mapping or {})
    index: dict[str, int] = {}
    written: dict[str, str] = {}
    unknown: list[str] = []
    for i, raw in enumerate(headers):
        header = (raw or "").strip()
        if not header:
            continue
        key = lookup.get(header)
        if key is None or key not in COLUMNS:
            unknown.append(header)
            continue
        if key in index:
            raise ValidationError(
                "header",
                f"表头中“{written[key]}”和“{header}”都对应{COLUMN_LABELS[key]}，请只保留一列。",
            )
        index[key] = i
        written[key] = header
    missing = [COLUMN_LABELS[k] for k in REQUIRED_COLUMNS if k not in index]
    if missing:
        raise ValidationError(
            "header",
            "报送文件第1行缺少以下列："
            + "、".join(missing)
            + "。请核对表头，或者为该平台设置表头对应关系。",
        )
    return ColumnPlan(index, written, unknown)


class RowValidator:
    """Checks rows one at a time; keeps the (type, identifier) seen to name duplicate rows."""

    def __init__(
        self, plan: ColumnPlan, seen: dict[int, tuple[str, int]] | None = None, sheet: str = ""
    ) -> None:
        self.plan = plan
        self.matcher = address_matcher()
        self.table = regions()
        # shared by the sheets of one file, so a person repeated on another sheet is caught too
        self._seen: dict[int, tuple[str, int]] = {} if seen is None else seen
        self._sheet = sheet

    def _header(self, key: str) -> str:
        return self.plan.headers.get(key, COLUMN_LABELS[key])

    def check(self, row_no: int, cells: list[str]) -> tuple[ReportRecord | None, list[RowProblem]]:
        plan = self.plan
        values = {
            key: (cells[i].strip() if i < len(cells) and cells[i] is not None else "")
            for key, i in plan.index.items()
        }
        problems: list[RowProblem] = []

        def bad(key: str, message: str) -> None:
            problems.append(RowProblem(row_no, self._header(key), message))

        type_text = values.get("type", "")
        row_type = _TYPE_BY_TEXT.get(type_text)
        if row_type is None:
            bad(
                "type",
                f"类型应为{'、'.join(ROW_TYPE_LABELS.values())}之一，现为“{type_text}”。"
                if type_text
                else "类型不能为空。",
            )
            return None, problems
        for key in REQUIRED_FIELDS[row_type]:
            if not values.get(key):
                bad(key, f"{row_type.label}须填写{COLUMN_LABELS[key]}（办法第九条）。")
        for key, limit in MAX_LENGTHS.items():
            if len(values.get(key, "")) > limit:
                bad(key, f"{COLUMN_LABELS[key]}超过{limit}个字符。")
        identifier = ""
        if row_type is RowType.ROOM_REGISTERED:
            if values.get("uscc"):
                identifier = self._uscc(values["uscc"], bad)
        else:
            if values.get("uscc"):
                bad(
                    "uscc",
                    f"{row_type.label}不应填写统一社会信用代码"
                    + (
                        "（已登记的直播间运营者请选择“直播间运营者（已登记）”）。"
                        if row_type is RowType.ROOM_UNREGISTERED
                        else "。"
                    ),
                )
            if values.get("id_number"):
                identifier = self._ric(values["id_number"], bad)
        accounts = split_accounts(values.get("accounts", ""))
        for account in accounts:
            if len(account) > MAX_ACCOUNT_LENGTH:
                bad("accounts", f"直播账号“{account[:20]}…”超过{MAX_ACCOUNT_LENGTH}个字符。")
        if values.get("accounts") and not accounts and "accounts" in REQUIRED_FIELDS[row_type]:
            bad("accounts", "直播账号不能为空。")
        region: str | None = None
        given = values.get("region", "")
        if given:
            found = self.table.get(given) if len(given) == 6 and given.isdigit() else None
            if found is None:
                bad("region", f"行政区划代码“{given}”不在国家行政区划代码表（GB/T 2260）中。")
            else:
                region = given
        elif values.get("address"):
            region = self.matcher.region_of(values["address"])
            if region is None:
                bad(
                    "address",
                    "无法从地址识别所在省级行政区划，请写明省（自治区、直辖市）或者填写行政区划代码列。",
                )
        if identifier and not problems:
            seen_key = hash((row_type.value, identifier))  # 64-bit: 1M rows in ~100 MB
            first = self._seen.get(seen_key)
            if first is not None:
                where = f"工作表“{first[0]}”" if first[0] != self._sheet else ""
                bad(
                    "uscc" if row_type is RowType.ROOM_REGISTERED else "id_number",
                    f"与{where}第{first[1]}行重复（同一类型、同一证件号码）。",
                )
            else:
                self._seen[seen_key] = (self._sheet, row_no)
        if problems:
            return None, problems
        return (
            ReportRecord(
                row=row_no,
                type=row_type,
                name=values["name"],
                identifier=identifier,
                address=values["address"],
                region=region,
                contact=values["contact"],
                accounts=accounts,
                agency=values.get("agency", ""),
                qualifications=values.get("qualifications", ""),
                position=values.get("position", ""),
            ),
            [],
        )

    @staticmethod
    def _uscc(raw: str, bad: Callable[[str, str], None]) -> str:
        # Fast path for the common clean 18-character code: stdnum's own check digit only
        # (its full validate() normalises Unicode first and costs ~100 µs a row).
        value = raw.upper()
        if len(value) == 18 and _USCC_SHAPE.match(value):
            if uscc.calc_check_digit(value) == value[-1]:
                return value
            bad("uscc", "统一社会信用代码校验位错误。")
            return ""
        try:
            return str(uscc.validate(raw))
        except stdnum_errors.InvalidLength:
            bad("uscc", f"统一社会信用代码应为18位，现为{len(uscc.compact(raw))}位。")
        except stdnum_errors.InvalidChecksum:
            bad("uscc", "统一社会信用代码校验位错误。")
        except stdnum_errors.ValidationError:
            bad("uscc", "统一社会信用代码含有不允许的字符。")
        return ""

    @staticmethod
    def _ric(raw: str, bad: Callable[[str, str], None]) -> str:
        value = raw.upper()
        if len(value) == 18 and _RIC_SHAPE.match(value):
            if ric.calc_check_digit(value) != value[-1]:
                bad("id_number", "身份证件号码校验位错误。")
                return ""
            problem = _ric_components(value[:6], value[6:14])
            if problem:
                bad("id_number", problem)
                return ""
            return value
        try:
            return str(ric.validate(raw))
        except stdnum_errors.InvalidLength:
            bad("id_number", f"身份证件号码应为18位，现为{len(ric.compact(raw))}位。")
        except stdnum_errors.InvalidChecksum:
            bad("id_number", "身份证件号码校验位错误。")
        except stdnum_errors.InvalidComponent:
            bad("id_number", "身份证件号码中的出生日期或者地区码无效。")
        except stdnum_errors.ValidationError:
            bad("id_number", "身份证件号码格式错误。")
        return ""


_USCC_SHAPE = re.compile(r"^[0-9]{8}[0-9A-HJ-NP-RTUWXY]{10}$")
_RIC_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


@cache
def _ric_components(place: str, birth: str) -> str:
    """stdnum's birth-date and birth-place checks, cached by (place code, birth date).

    ``ric.validate`` looks the place up in its numdb table on every call (~300 µs); a report
    of a million rows repeats a few thousand (place, date) pairs, so the answer is cached.
    """
    sample = place + birth + "0000"
    try:
        ric.get_birth_date(sample)
    except stdnum_errors.ValidationError:
        return "身份证件号码中的出生日期无效。"
    try:
        ric.get_birth_place(sample)
    except stdnum_errors.ValidationError:
        return f"身份证件号码前6位（{place}）在出生年份不是有效的行政区划代码。"
    return ""
