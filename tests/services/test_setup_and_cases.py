"""Use cases: set-up, sign-in, and the officer recorded on every event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from lcregulator.domain.authority import Authority, Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseStatus, ClueSource
from lcregulator.domain.errors import DomainError, ReadOnlyError, ValidationError
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import cases, setup
from lcregulator.services.context import AppContext


def test_first_run_sets_our_authority_and_signs_in(app_ctx: AppContext) -> None:
    assert setup.our_authority(app_ctx) is None
    officer = setup.first_run(
        app_ctx,
        Authority(name="某县市场监督管理局", short_name="某市监", region="330127"),
        Officer(name="张三", role=OfficerRole.HANDLER, badge_number="33012700001"),
    )
    authority = setup.our_authority(app_ctx)
    assert authority is not None and authority.short_name == "某市监"
    assert app_ctx.officer == officer
    with pytest.raises(DomainError, match="已经设置过"):
        setup.first_run(
            app_ctx,
            Authority(name="另一局", short_name="另市监", region="330106"),
            Officer(name="李四", role=OfficerRole.ADMIN),
        )


def test_first_run_with_bad_region_writes_nothing(app_ctx: AppContext) -> None:
    with pytest.raises(ValidationError) as info:
        setup.first_run(
            app_ctx,
            Authority(name="某局", short_name="某市监", region="339999"),
            Officer(name="张三", role=OfficerRole.HANDLER, badge_number="33012700001"),
        )
    assert info.value.field == "authority.region"
    assert setup.our_authority(app_ctx) is None


def test_handler_needs_badge_number(app_configured: AppContext) -> None:
    with pytest.raises(ValidationError) as info:
        setup.save_officer(
            app_configured,
            Officer(name="赵六", role=OfficerRole.HANDLER, authority_id=1),  # type: ignore[arg-type]
        )
    assert info.value.field == "officer.badge_number"


def test_sign_in_is_recorded_and_names_the_officer_on_later_events(
    app_configured: AppContext,
) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    li = next(o for o in setup.list_officers(app_configured, authority.id) if o.name == "李四")
    assert li.id is not None
    setup.sign_in(app_configured, li.id)
    case = cases.create_case(
        app_configured,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
        ),
    )
    assert case.id is not None
    [event] = cases.timeline(app_configured, case.id)
    assert event.officer_id == li.id
    with UnitOfWork(app_configured.database, None, app_configured.clock.now()) as uow:
        stored = uow.cases.get(case.id)
    assert stored.updated_by == li.id


def test_nothing_is_written_without_a_signed_in_officer(app_configured: AppContext) -> None:
    app_configured.officer = None
    with pytest.raises(DomainError, match="请先选择"):
        cases.create_case(
            app_configured,
            Case(
                title="某案",
                source=ClueSource.COMPLAINT,
                received_on=dt.date(2026, 3, 2),
                authority_id=1,
            ),
        )


def test_filed_case_needs_two_badge_holders_of_our_authority(app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    clerk = setup.save_officer(
        app_configured,
        Officer(name="文员", role=OfficerRole.ADMIN, authority_id=authority.id),
    )
    assert clerk.id is not None and app_configured.officer is not None
    case = Case(
        title="某案",
        source=ClueSource.COMPLAINT,
        received_on=dt.date(2026, 3, 2),
        authority_id=authority.id,
        status=CaseStatus.FILED,
        filed_on=dt.date(2026, 3, 5),
        officer_ids=[OfficerId(app_configured.officer.id or 0), clerk.id],
    )
    with pytest.raises(ValidationError, match="没有执法证号"):
        cases.create_case(app_configured, case)


def test_archived_case_is_read_only(app_configured: AppContext) -> None:
    authority = setup.our_authority(app_configured)
    assert authority is not None and authority.id is not None
    officers = [o.id for o in setup.list_officers(app_configured, authority.id) if o.badge_number]
    case = cases.create_case(
        app_configured,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
            status=CaseStatus.ARCHIVED,
            filed_on=dt.date(2026, 3, 5),
            officer_ids=[OfficerId(i) for i in officers[:2] if i],
        ),
        taken_over=True,
    )
    with pytest.raises(ReadOnlyError, match="已归档"):
        cases.update_case(app_configured, dataclasses.replace(case, title="改"))
