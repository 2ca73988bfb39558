"""How dates and amounts are written for officers (portable: no platform strftime flags)."""

from __future__ import annotations

import datetime as dt


def chinese_date(value: dt.date) -> str:
    """2026年3月2日 — the full form documents use, without zero padding."""
    return f"{value.year}年{value.month}月{value.day}日"
