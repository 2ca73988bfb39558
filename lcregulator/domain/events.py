"""Events: the case's timeline — who did what, when, and what it changed.

Every write to a case leaves an event naming the officer at the keyboard, so that the file can
show a court who filed, who approved and who changed a fact, with the value before and after.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from .authority import OfficerId


@dataclass(slots=True)
class Event:
    action: str  # machine code: case.created, case.updated, party.added …
    summary: str  # Chinese sentence for the timeline
    officer_id: OfficerId | None
    at: dt.datetime
    case_id: int | None = None
    before: dict[str, Any] = field(default_factory=dict)
    after: dict[str, Any] = field(default_factory=dict)
    id: int | None = None


def diff(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Keep only the keys whose values changed, so events say exactly what moved."""
    keys = sorted(set(before) | set(after))
    changed = [k for k in keys if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in changed}, {k: after.get(k) for k in changed}
