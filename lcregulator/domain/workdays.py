"""Working days in China: statutory holidays and the 调休 weekends that are worked.

``chinese-calendar`` knows each year once the State Council has published its schedule (it
raises for later years). For such a year the calendar falls back to plain weekdays and says so
in a warning, and an administrator can load the published schedule for that year as data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import chinese_calendar


@dataclass
class WorkCalendar:
    """Which days are working days; ``extra_*`` hold schedules loaded by an administrator."""

    extra_holidays: set[dt.date] = field(default_factory=set)
    extra_workdays: set[dt.date] = field(default_factory=set)
    loaded_years: set[int] = field(default_factory=set)
    unknown_years: set[int] = field(default_factory=set)  # filled as fallback is used

    def load_year(
        self, year: int, holidays: Iterable[dt.date], workdays: Iterable[dt.date]
    ) -> None:
        """Take a published schedule for a year chinese-calendar does not know yet."""
        self.loaded_years.add(year)
        self.extra_holidays |= {d for d in holidays if d.year == year}
        self.extra_workdays |= {d for d in workdays if d.year == year}

    def is_workday(self, day: dt.date) -> bool:
        if day.year in self.loaded_years:
            if day in self.extra_workdays:
                return True
            if day in self.extra_holidays:
                return False
            return day.weekday() < 5
        known = _published_workday(day)
        if known is None:
            self.unknown_years.add(day.year)
            return day.weekday() < 5
        return known

    def warnings(self) -> list[str]:
        return [
            f"{year}年的法定节假日和调休安排尚未载入，该年按周一至周五为工作日计算，"
            "请管理员载入国务院办公厅公布的放假安排后重新核对。"
            for year in sorted(self.unknown_years)
        ]

    def next_workday(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the next one."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after ``start`` (the start day itself is not counted)."""
        day = start
        counted = 0
        while counted < n:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                counted += 1
        return day

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (negative if end < start)."""
        if end < start:
            return -self.workdays_between(end, start)
        return sum(
            1
            for i in range(1, (end - start).days + 1)
            if self.is_workday(start + dt.timedelta(days=i))
        )


@lru_cache(maxsize=65536)
def _published_workday(day: dt.date) -> bool | None:
    """chinese-calendar's answer, remembered: it scans its whole table on every call, which made
    a batch of deadline computations spend most of its time there. None: year not published."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return None
