"""A case's stage moves only through the workflow: saving the case form cannot set it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lcregulator.domain.cases import CaseStatus
from lcregulator.domain.errors import ValidationError
from lcregulator.services import cases
from lcregulator.services.context import AppContext
from tests.persistence.test_atomic_saves import dump
from tests.services.test_workflow_service import new_case


def test_update_case_refuses_a_status_or_stage_date_change(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    case = cases.get_case(app_configured, case_id)
    before = dump(app_configured.database)
    case.status = CaseStatus.DECIDED
    with pytest.raises(ValidationError, match="办案阶段只能通过“办案操作”") as info:
        cases.update_case(app_configured, case)
    assert info.value.field == "case.status"
    case = cases.get_case(app_configured, case_id)
    case.closed_on = dt.date(2026, 11, 20)
    with pytest.raises(ValidationError, match="结案日期"):
        cases.update_case(app_configured, case)
    assert dump(app_configured.database) == before
    case = cases.get_case(app_configured, case_id)
    case.title = "改名后的案件"
    assert cases.update_case(app_configured, case).title == "改名后的案件"


def test_a_new_case_cannot_start_at_a_later_stage(app_configured: AppContext) -> None:
    case = cases.get_case(app_configured, new_case(app_configured))
    before = dump(app_configured.database)
    later = dataclasses.replace(case, id=None, version=None, status=CaseStatus.DECIDED)
    with pytest.raises(ValidationError, match="新登记的案件从“线索登记”开始") as info:
        cases.create_case(app_configured, later)
    assert info.value.field == "case.status"
    assert dump(app_configured.database) == before
    # a file taken over as it stands (the demo cases) says so
    kept = cases.create_case(app_configured, later, taken_over=True)
    assert kept.status is CaseStatus.DECIDED
