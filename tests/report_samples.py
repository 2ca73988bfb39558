"""Generated Art 9 report files: valid rows with real check characters, and named bad rows."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from stdnum.cn import ric, uscc

HEADER = [
    "类型",
    "名称或姓名",
    "统一社会信用代码",
    "身份证件号码",
    "地址",
    "联系方式",
    "直播账号",
    "所属服务机构",
    "专业资质",
    "职业职务",
]
# (region code valid in stdnum's table for 1990 births, address prefix)
PLACES = [
    ("330106", "浙江省杭州市西湖区文三路"),
    ("110105", "北京市朝阳区建国路"),
    ("440305", "广东省深圳市南山区科技园"),
    ("310104", "上海市徐汇区漕溪北路"),
    ("320106", "江苏省南京市鼓楼区中山路"),
]


def make_ric(region: str, n: int) -> str:
    """Unique for every n below 5,000,000: birth day from n // 1000, sequence from n % 1000."""
    born = dt.date(1986, 1, 1) + dt.timedelta(days=n // 1000)
    body = f"{region}{born:%Y%m%d}{n % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def make_uscc(region: str, n: int) -> str:
    body = "91" + region + f"{n % 10**9:09d}"
    return body + uscc.calc_check_digit(body)


def row(n: int, place: int | None = None) -> list[str]:
    """Row ``n``: alternately a registered room, an unregistered room and a marketer."""
    region, address = PLACES[(n if place is None else place) % len(PLACES)]
    kind = n % 3
    if kind == 0:
        return [
            "直播间运营者（已登记）",
            f"某电子商务有限公司{n}",
            make_uscc(region, n),
            "",
            f"{address}{n}号",
            f"0571-{n % 10**8:08d}",
            f"room{n};shop{n}",
            "",
            "",
            "",
        ]
    if kind == 1:
        return [
            "直播间运营者（未登记）",
            f"个人店主{n}",
            "",
            make_ric(region, n),
            f"{address}{n}号",
            f"138{n % 10**8:08d}",
            f"solo{n}",
            "",
            "",
            "",
        ]
    return [
        "直播营销人员",
        f"主播{n}",
        "",
        make_ric(region, n),
        f"{address}{n}号",
        f"139{n % 10**8:08d}",
        f"room{n - 2}",
        "杭州某文化传媒有限公司",
        "",
        "主播",
    ]


def rows(count: int, start: int = 0) -> Iterator[list[str]]:
    for n in range(start, start + count):
        yield row(n)


def write_csv(
    path: Path, body: list[list[str]] | Iterator[list[str]], header: list[str] = HEADER
) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(body)
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[str]]], header: list[str] = HEADER) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for name, body in sheets.items():
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for r in body:
            sheet.append(r)
    workbook.save(path)
    return path


def _with_check(body: str) -> str:
    return body + ric.calc_check_digit(body + "0")


# Every kind of bad row, with the field (header as written) the report must name.
BAD_ROWS: list[tuple[str, list[str], str, str]] = []


def _bad(label: str, values: dict[int, str], field: str, words: str) -> None:
    base = row(len(BAD_ROWS) * 3 + 1002)  # a registered room operator
    for i, v in values.items():
        base[i] = v
    BAD_ROWS.append((label, base, field, words))


_bad("unknown type", {0: "主播"}, "类型", "类型应为")
_bad("empty type", {0: ""}, "类型", "类型不能为空")
_bad("missing name", {1: ""}, "名称或姓名", "须填写名称或姓名")
_bad("bad uscc checksum", {2: "91330106MA27XW1Y15"}, "统一社会信用代码", "校验位错误")
_bad("short uscc", {2: "9133010612"}, "统一社会信用代码", "应为18位")
_bad("missing uscc", {2: ""}, "统一社会信用代码", "须填写统一社会信用代码")
_bad("missing address", {4: ""}, "地址", "须填写地址")
_bad("address without province", {4: "文三路1号"}, "地址", "无法从地址识别")
_bad("missing contact", {5: ""}, "联系方式", "须填写联系方式")
_bad("missing accounts", {6: ""}, "直播账号", "须填写直播账号")
_bad(
    "unregistered with bad ID",
    {0: "直播间运营者（未登记）", 2: "", 3: "330106199001011249"},
    "身份证件号码",
    "校验位错误",
)
_bad(
    "unregistered with USCC",
    {0: "直播间运营者（未登记）", 3: "330106199001011248"},
    "统一社会信用代码",
    "不应填写统一社会信用代码",
)
_bad(
    "marketer without ID",
    {0: "直播营销人员", 2: "", 3: ""},
    "身份证件号码",
    "须填写身份证件号码",
)
_bad(
    "marketer with impossible birth date",
    {0: "直播营销人员", 2: "", 3: _with_check("33010619901340123")},
    "身份证件号码",
    "出生日期",
)
