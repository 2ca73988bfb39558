"""The list of every case the command line prints (DESIGN §9.1 ``case list``)."""

from __future__ import annotations

from typing import Any

from lcregulator.domain.cases import CaseStatus
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.persistence.case_index import case_index

from .context import AppContext


def all_cases(ctx: AppContext, status: str | None = None) -> list[dict[str, Any]]:
    """``[{"id", "number", "title", "status", "parties", "documents", "updated"}]``, by id;
    ``updated`` in Beijing time with its offset (+08:00)."""
    if status is not None and status not in {s.value for s in CaseStatus}:
        raise ValidationError(
            "status",
            f"不认识的案件状态“{status}”，应为：{'、'.join(s.value for s in CaseStatus)}。",
        )
    with ctx.unit_of_work() as uow:
        return [
            {
                "id": row.id,
                "number": row.number,
                "title": row.title,
                "status": row.status,
                "parties": row.parties,
                "documents": row.documents,
                "updated": row.updated.astimezone(CHINA_TZ).isoformat(timespec="seconds"),
            }
            for row in case_index(uow.session, status)
        ]
