"""How dates and amounts are written for officers (portable: no platform strftime flags)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def chinese_date(value: dt.date) -> str:
    """2026年3月2日 — the full form documents use, without zero padding."""
    return f"{value.year}年{value.month}月{value.day}日"


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ["", "拾", "佰", "仟"]
_GROUPS = ["", "万", "亿", "万亿"]


def _integer_upper(n: int) -> str:
    """Digits by position; one 零 for any run of zeros between non-zero digits."""
    digits = str(n)
    out: list[str] = []
    zeros = False
    length = len(digits)
    for i, ch in enumerate(digits):
        place = length - 1 - i
        unit, group = _UNITS[place % 4], _GROUPS[place // 4]
        if ch == "0":
            zeros = True
            if place % 4 == 0 and place and out and not out[-1].endswith(tuple(_GROUPS[1:])):
                out.append(group)  # close a group whose last digits are zero (壹拾万)
                zeros = False
        else:
            if zeros and out:
                out.append("零")
            zeros = False
            out.append(_DIGITS[int(ch)] + unit + (group if place % 4 == 0 else ""))
    return "".join(out)


def rmb_upper(amount: Decimal) -> str:
    """人民币叁万元整 — amounts on decisions are written in figures and in capitals.

    《会计基础工作规范》(财会字〔1996〕19号) Art 52(3): an amount that ends at 元 or at 角 takes
    整 after it (壹佰零壹元伍角整); one with 分 takes none (肆佰贰拾伍元零叁分). A zero 角
    before a 分 is written 零; a run of zeros inside the figure is one 零 (《支付结算办法》
    附件一)."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    if amount < 0:
        raise ValueError("negative amount")
    yuan = int(amount)
    cents = int((amount - yuan) * 100)
    jiao, fen = divmod(cents, 10)
    if not yuan and not cents:
        return "人民币零元整"
    out = _integer_upper(yuan) + "元" if yuan else ""
    if not cents:
        return f"人民币{out}整"
    if jiao:
        out += _DIGITS[jiao] + "角"
    elif yuan:
        out += "零"
    if fen:
        out += _DIGITS[fen] + "分"
    else:
        out += "整"  # ends at 角
    return f"人民币{out}"


def amount_text(amount: Decimal) -> str:
    """30000 → 30,000元（人民币叁万元整）."""
    amount = Decimal(amount).quantize(Decimal("0.01"))
    figures = f"{amount:,.2f}".removesuffix(".00")
    return f"{figures}元（{rmb_upper(amount)}）"


# China Standard Time: documents and "today" follow Beijing time whatever the workstation's
# own zone (China has no daylight saving, so a fixed offset is exact and needs no tz database).
CHINA_TZ = dt.timezone(dt.timedelta(hours=8), "CST")
