"""Sign-in, lockout, passwords and roles, through the services every window and command uses."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from sqlalchemy import text

from lcregulator.domain.authority import Authority, Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseId, ClueSource
from lcregulator.domain.errors import DomainError, PermissionDenied, ValidationError
from lcregulator.services import auth, cases, setup, workflow
from lcregulator.services.context import AppContext, FixedClock
from tests.fixtures import FIXED_NOW, as_officer, officer_with_roles
from tests.persistence.test_atomic_saves import dump

PASSWORD = "Xihu-2026-pass"


def _events(ctx: AppContext, action: str) -> list[str]:
    with ctx.database.engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT summary FROM event WHERE action = :a ORDER BY id"), {"a": action}
            ).scalars()
        )


def test_first_officer_is_the_administrator_and_signs_in_with_the_password(
    app_ctx: AppContext,
) -> None:
    first = setup.first_run(
        app_ctx,
        Authority(name="某县市场监督管理局", short_name="某市监", region="330127"),
        Officer(name="张三", role=OfficerRole.HANDLER, badge_number="33012700001"),
        password=PASSWORD,
    )
    assert first.id is not None
    assert first.roles == {OfficerRole.HANDLER, OfficerRole.ADMIN}
    app_ctx.officer = None
    signed = auth.sign_in(app_ctx, first.id, PASSWORD)
    assert signed.officer.name == "张三" and not signed.must_change_password
    assert app_ctx.officer is not None and app_ctx.officer.id == first.id
    with app_ctx.database.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM officer_credential")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_wrong_password_is_refused_and_counted(app_configured: AppContext) -> None:
    li = officer_with_roles(
        app_configured, "小李", OfficerRole.HANDLER, badge="33010600109", password=PASSWORD
    )
    assert li.id is not None
    app_configured.officer = None
    with pytest.raises(auth.SignInRefused, match="再错4次") as info:
        auth.sign_in(app_configured, li.id, "wrong-password")
    assert info.value.reason == "wrong_password"
    assert app_configured.officer is None
    # a right password clears the count
    auth.sign_in(app_configured, li.id, PASSWORD)
    app_configured.officer = None
    with pytest.raises(auth.SignInRefused, match="再错4次"):
        auth.sign_in(app_configured, li.id, "wrong-password")


def test_five_wrong_tries_lock_the_account_for_fifteen_minutes(app_configured: AppContext) -> None:
    li = officer_with_roles(
        app_configured, "小李", OfficerRole.HANDLER, badge="33010600109", password=PASSWORD
    )
    assert li.id is not None
    for _ in range(4):
        with pytest.raises(auth.SignInRefused) as info:
            auth.check_password(app_configured, li.id, "nope-nope")
        assert info.value.reason == "wrong_password"
    with pytest.raises(auth.SignInRefused, match="锁定15分钟") as info:
        auth.check_password(app_configured, li.id, "nope-nope")
    assert info.value.reason == "locked"
    [locked] = _events(app_configured, "officer.locked")
    assert "小李连续5次密码错误" in locked
    # even the right password is refused while locked
    with pytest.raises(auth.SignInRefused, match="已锁定") as info:
        auth.check_password(app_configured, li.id, PASSWORD)
    assert info.value.reason == "locked"
    app_configured.clock = FixedClock(FIXED_NOW + dt.timedelta(minutes=14))
    with pytest.raises(auth.SignInRefused, match="已锁定"):
        auth.check_password(app_configured, li.id, PASSWORD)
    app_configured.clock = FixedClock(FIXED_NOW + dt.timedelta(minutes=15, seconds=1))
    assert auth.check_password(app_configured, li.id, PASSWORD).officer.name == "小李"


class _ChangesWhileChecking:
    """The real checker, but ``meanwhile`` runs while the first hash is being compared (what
    another workstation could do during argon2's ~0.2 s, when no lock is held)."""

    def __init__(self, meanwhile: Callable[[], None]) -> None:
        self.real = auth.CHECKER
        self.meanwhile: Callable[[], None] | None = meanwhile

    def hash(self, secret: str) -> str:
        return self.real.hash(secret)

    def verify(self, stored: str, secret: str) -> bool:
        if self.meanwhile is not None:
            act, self.meanwhile = self.meanwhile, None
            act()
        return self.real.verify(stored, secret)

    def needs_rehash(self, stored: str) -> bool:
        return self.real.needs_rehash(stored)


def test_a_password_reset_during_the_check_is_checked_again(
    app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    li = officer_with_roles(
        app_configured, "小李", OfficerRole.HANDLER, badge="33010600109", password=PASSWORD
    )
    assert li.id is not None
    li_id = li.id

    def reset() -> None:
        current = app_configured.officer
        as_officer(app_configured, "张三")
        auth.set_password(app_configured, li_id, "Reset-0002", must_change=False)
        app_configured.officer = current

    monkeypatch.setattr(auth, "CHECKER", _ChangesWhileChecking(reset))
    app_configured.officer = None
    # the old password matched the hash it was compared with, but that hash is gone
    with pytest.raises(auth.SignInRefused, match="再错4次"):
        auth.check_password(app_configured, li_id, PASSWORD)
    assert auth.check_password(app_configured, li_id, "Reset-0002").officer.name == "小李"


def test_a_lock_set_during_the_check_refuses_the_right_password(
    app_configured: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    li = officer_with_roles(
        app_configured, "小李", OfficerRole.HANDLER, badge="33010600109", password=PASSWORD
    )
    assert li.id is not None
    li_id = li.id

    def five_wrong_elsewhere() -> None:
        monkeypatch.setattr(auth, "CHECKER", checker.real)
        for _ in range(5):
            with pytest.raises(auth.SignInRefused):
                auth.check_password(app_configured, li_id, "nope-nope")
        monkeypatch.setattr(auth, "CHECKER", checker)

    checker = _ChangesWhileChecking(five_wrong_elsewhere)
    monkeypatch.setattr(auth, "CHECKER", checker)
    with pytest.raises(auth.SignInRefused, match="已锁定") as info:
        auth.check_password(app_configured, li_id, PASSWORD)
    assert info.value.reason == "locked"


def test_reset_password_must_be_changed_at_next_sign_in(app_configured: AppContext) -> None:
    li = officer_with_roles(
        app_configured, "小李", OfficerRole.HANDLER, badge="33010600109", password=PASSWORD
    )
    assert li.id is not None
    as_officer(app_configured, "张三")  # the administrator
    auth.set_password(app_configured, li.id, "Reset-0001")
    signed = auth.sign_in(app_configured, li.id, "Reset-0001")
    assert signed.must_change_password
    with pytest.raises(ValidationError) as bad:
        auth.change_own_password(app_configured, "Reset-0001", "short")
    assert bad.value.field == "new_password"
    auth.change_own_password(app_configured, "Reset-0001", "Mine-2026-new")
    assert not auth.sign_in(app_configured, li.id, "Mine-2026-new").must_change_password
    assert _events(app_configured, "officer.password_reset") == [
        "管理员张三为小李重置密码（下次登录须修改）"
    ]


def test_only_an_administrator_resets_passwords_and_registers_officers(
    app_configured: AppContext,
) -> None:
    wang = as_officer(app_configured, "王五")  # 负责人
    assert wang.id is not None
    before = dump(app_configured.database)
    with pytest.raises(PermissionDenied, match="须由管理员办理"):
        auth.set_password(app_configured, OfficerId(1), "Taken-over-1")
    with pytest.raises(PermissionDenied, match="须由管理员办理"):
        setup.save_officer(
            app_configured,
            Officer(
                name="新人", role=OfficerRole.HANDLER, badge_number="33010600999", authority_id=1
            ),  # type: ignore[arg-type]
        )
    with pytest.raises(PermissionDenied, match="须由管理员办理"):
        auth.set_idle_lock_minutes(app_configured, 0)
    assert dump(app_configured.database) == before


def test_nobody_grants_themselves_a_role(app_configured: AppContext) -> None:
    zhang = as_officer(app_configured, "张三")  # 承办人 and 管理员
    before = dump(app_configured.database)
    with pytest.raises(PermissionDenied, match="不能给自己增加角色（负责人）"):
        setup.save_officer(
            app_configured,
            dataclasses.replace(zhang, extra_roles=zhang.extra_roles | {OfficerRole.HEAD}),
        )
    assert dump(app_configured.database) == before
    # another administrator may grant it
    officer_with_roles(app_configured, "管理员二", OfficerRole.ADMIN)
    granted = setup.save_officer(
        app_configured,
        dataclasses.replace(zhang, extra_roles=zhang.extra_roles | {OfficerRole.HEAD}),
    )
    assert OfficerRole.HEAD in granted.roles


def test_the_last_administrator_cannot_be_removed(app_configured: AppContext) -> None:
    zhang = as_officer(app_configured, "张三")
    before = dump(app_configured.database)
    with pytest.raises(DomainError, match="最后一名管理员"):
        setup.save_officer(app_configured, dataclasses.replace(zhang, extra_roles=frozenset()))
    with pytest.raises(DomainError, match="最后一名管理员"):
        setup.save_officer(app_configured, dataclasses.replace(zhang, active=False))
    assert dump(app_configured.database) == before
    officer_with_roles(app_configured, "管理员二", OfficerRole.ADMIN, sign_in=False)
    removed = setup.save_officer(
        app_configured, dataclasses.replace(zhang, extra_roles=frozenset())
    )
    assert removed.roles == {OfficerRole.HANDLER}


def _case(ctx: AppContext) -> CaseId:
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    handlers = [o.id for o in setup.list_officers(ctx, authority.id) if o.role.value == "handler"]
    as_officer(ctx, "张三")
    created = cases.create_case(
        ctx,
        Case(
            title="某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 2),
            authority_id=authority.id,
            officer_ids=handlers,  # type: ignore[arg-type]
        ),
    )
    assert created.id is not None
    return created.id


@pytest.mark.parametrize(
    ("command", "role"),
    [(c, "负责人") for c in workflow.APPROVALS] + [(c, "法制审核人员") for c in workflow.REVIEWS],
)
def test_every_approval_is_refused_in_the_service_without_the_role(
    app_configured: AppContext, command: str, role: str
) -> None:
    """Whatever the case's state, the role is checked first and nothing is written."""
    case_id = _case(app_configured)
    # 张三 is the case's 承办人 and the 管理员, but neither 负责人 nor 法制审核人员
    before = dump(app_configured.database)
    with pytest.raises(PermissionDenied) as info:
        workflow.apply(app_configured, case_id, command, dt.date(2026, 11, 10))
    what = {**workflow.APPROVALS, **workflow.REVIEWS}[command]
    assert info.value.message.startswith(f"{what}须由")
    assert role.replace("人员", "") in info.value.message
    assert "张三" in info.value.message and "未作任何修改" in info.value.message
    assert dump(app_configured.database) == before


def test_a_reviewer_cannot_approve_and_a_head_cannot_review(app_configured: AppContext) -> None:
    case_id = _case(app_configured)
    officer_with_roles(app_configured, "赵六", OfficerRole.REVIEWER)
    with pytest.raises(PermissionDenied, match="立案须由负责人办理"):
        workflow.apply(app_configured, case_id, "file", dt.date(2026, 11, 10), case_number="x")
    as_officer(app_configured, "王五")
    with pytest.raises(PermissionDenied, match="法制审核须由审核人办理"):
        workflow.apply(app_configured, case_id, "record_legal_review", dt.date(2026, 11, 10))


def test_handler_steps_are_for_the_officers_of_the_case(app_configured: AppContext) -> None:
    case_id = _case(app_configured)
    officer_with_roles(app_configured, "孙七", OfficerRole.HANDLER, badge="33010600777")
    before = dump(app_configured.database)
    with pytest.raises(PermissionDenied, match="孙七不是“某案”的承办人"):
        workflow.apply(app_configured, case_id, "start_verification", dt.date(2026, 11, 10))
    case = cases.get_case(app_configured, case_id)
    case.summary = "改动"
    with pytest.raises(PermissionDenied, match="修改案件须由本案的承办人办理"):
        cases.update_case(app_configured, case)
    assert dump(app_configured.database) == before
    as_officer(app_configured, "李四")
    workflow.apply(app_configured, case_id, "start_verification", dt.date(2026, 11, 10))


def test_idle_lock_minutes_is_a_bureau_setting(app_configured: AppContext) -> None:
    assert auth.idle_lock_minutes(app_configured) == 15
    as_officer(app_configured, "张三")
    auth.set_idle_lock_minutes(app_configured, 5)
    assert auth.idle_lock_minutes(app_configured) == 5
    with pytest.raises(ValidationError):
        auth.set_idle_lock_minutes(app_configured, -1)
