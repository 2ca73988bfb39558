"""Workflow steps through the service: one transaction, an event, the next deadline stamped."""

from __future__ import annotations

import datetime as dt

import pytest

from lcregulator.domain.cases import Case, CaseId, CaseStatus, ClueSource
from lcregulator.domain.errors import ConflictError, PermissionDenied, ValidationError
from lcregulator.services import cases, setup, workflow
from lcregulator.services.context import AppContext
from tests.persistence.test_atomic_saves import dump


def new_case(ctx: AppContext) -> CaseId:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officers = [o.id for o in setup.list_officers(ctx, authority.id) if o.role.value == "handler"]
    created = cases.create_case(
        ctx,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
            officer_ids=officers,  # type: ignore[arg-type]
        ),
    )
    assert created.id is not None
    return created.id


def head(ctx: AppContext) -> None:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    wang = next(o for o in setup.list_officers(ctx, authority.id) if o.name == "王五")
    setup.sign_in(ctx, wang.id)  # type: ignore[arg-type]


def test_new_clue_gets_its_filing_deadline_stamped(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    [item] = workflow.due_soon(app_configured, 30)
    assert item.case_id == case_id
    assert item.deadline_id == "filing_decision"
    assert item.due == dt.date(2026, 11, 23)  # 11-2 + 15 working days
    assert item.working_days_left == 1


def test_refused_step_leaves_the_database_as_it_was(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    before = dump(app_configured.database)
    with pytest.raises(PermissionDenied, match="立案须由负责人办理"):
        workflow.apply(app_configured, case_id, "file", dt.date(2026, 11, 10), case_number="x")
    assert dump(app_configured.database) == before


def test_step_records_event_and_moves_the_deadline(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    head(app_configured)
    case, change = workflow.apply(
        app_configured, case_id, "file", dt.date(2026, 11, 10), case_number="杭西市监立〔2026〕9号"
    )
    assert case.status is CaseStatus.FILED and change.after is CaseStatus.FILED
    [event] = [e for e in cases.timeline(app_configured, case_id) if e.action == "workflow.file"]
    assert "王五批准立案" in event.summary
    assert event.officer_id == app_configured.officer.id  # type: ignore[union-attr]
    [item] = workflow.due_soon(app_configured, 100)
    assert (item.deadline_id, item.due) == ("decision", dt.date(2027, 2, 8))  # 11-10 + 90 → 2-8


def test_stale_window_cannot_overwrite_a_step(app_configured: AppContext) -> None:
    case_id = new_case(app_configured)
    stale = cases.get_case(app_configured, case_id)
    workflow.apply(app_configured, case_id, "start_verification", dt.date(2026, 11, 3))
    stale.title = "旧窗口里的修改"
    with pytest.raises(ConflictError):
        cases.update_case(app_configured, stale)


def test_an_administrator_loads_next_years_schedule(app_configured: AppContext) -> None:
    cal = workflow.calendar(app_configured)
    assert cal.is_workday(dt.date(2027, 1, 1))  # unknown year: a plain Friday
    assert cal.warnings()
    workflow.load_year_schedule(app_configured, 2027, [dt.date(2027, 1, 1)], [dt.date(2027, 1, 2)])
    cal = workflow.calendar(app_configured)
    assert not cal.is_workday(dt.date(2027, 1, 1))
    assert cal.is_workday(dt.date(2027, 1, 2))  # a Saturday worked
    assert not cal.warnings()
    with pytest.raises(ValidationError):
        workflow.load_year_schedule(app_configured, 2027, [dt.date(2028, 1, 1)], [])


def test_only_an_administrator_loads_provincial_overrides(
    app_configured: AppContext, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    import json

    from lcregulator.services import penalty

    path = tmp_path / "province.json"
    path.write_text(
        json.dumps({"name": "某省裁量基准", "hearing_thresholds": {"organization": 50000}}), "utf-8"
    )
    zhang = app_configured.officer
    head(app_configured)
    with pytest.raises(PermissionDenied, match="须由管理员办理"):
        penalty.load_overrides_file(app_configured, path)  # 王五 is the 负责人, not 管理员
    assert penalty.current_overrides(app_configured) is None
    app_configured.officer = zhang  # the first officer is the installation's administrator
    loaded = penalty.load_overrides_file(app_configured, path)
    assert loaded.name == "某省裁量基准"
    current = penalty.current_overrides(app_configured)
    assert current is not None and current.hearing_thresholds == {"organization": 50000}
