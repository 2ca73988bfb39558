"""The case register as the window and the commands ask for it: a query and its lines.

Plain values (no database): the services take a ``CaseQuery`` and answer with ``CaseSummary``
lines; persistence turns the query into SQL. Keeping them here lets the GUI list and filter
cases without importing the persistence layer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from .cases import CaseId, CaseStatus


class SortKey(StrEnum):
    RECEIVED = "received_on"
    FILED = "filed_on"
    NUMBER = "case_number"
    TITLE = "title"
    STATUS = "status"
    DEADLINE = "next_deadline_on"


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    statuses: frozenset[CaseStatus] = field(default_factory=frozenset)
    date_from: dt.date | None = None  # on 立案日期, or 线索接收日期 for unfiled cases
    date_to: dt.date | None = None
    officer_id: int | None = None
    overdue_on: dt.date | None = None  # only cases whose next deadline is before this day
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the case register, read without loading the whole case."""

    id: CaseId
    case_number: str
    title: str
    status: CaseStatus
    received_on: dt.date
    filed_on: dt.date | None
    parties: str
    officers: str
    next_deadline_on: dt.date | None = None
    next_deadline_id: str = ""
