"""Configuring the installation: our authority, its officers, and who is working now."""

from __future__ import annotations

import dataclasses

from lcregulator.domain.authority import (
    Authority,
    AuthorityId,
    Officer,
    OfficerId,
    OfficerRole,
    require_role,
)
from lcregulator.domain.errors import DomainError, NotFoundError, PermissionDenied
from lcregulator.domain.events import Event

from .context import AppContext

OUR_AUTHORITY = "authority_id"


def our_authority(ctx: AppContext) -> Authority | None:
    """The authority this installation works for, or None before the first-run set-up."""
    with ctx.unit_of_work() as uow:
        value = uow.settings.get(OUR_AUTHORITY)
        if value is None:
            return None
        try:
            return uow.authorities.get(int(value))
        except NotFoundError:
            return None


def save_our_authority(ctx: AppContext, authority: Authority) -> Authority:
    require_role(ctx.officer, "修改本机关信息", OfficerRole.ADMIN)
    authority.validate()
    with ctx.unit_of_work() as uow:
        is_new = authority.id is None
        saved = uow.authorities.save(authority)
        uow.settings.set(OUR_AUTHORITY, str(saved.id))
        uow.events.add(
            Event(
                action="authority.saved",
                summary=f"{'设置' if is_new else '修改'}本机关信息：{saved.name}（{saved.short_name}）",
                officer_id=ctx.officer.id if ctx.officer else None,
                at=uow.now,
                after={"name": saved.name, "short_name": saved.short_name, "region": saved.region},
            )
        )
        uow.commit()
    return saved


def list_officers(ctx: AppContext, authority_id: AuthorityId) -> list[Officer]:
    with ctx.unit_of_work() as uow:
        return uow.officers.list(authority_id)


def save_officer(ctx: AppContext, officer: Officer, password: str | None = None) -> Officer:
    """An administrator registers or changes an officer (and may give a first password, which
    the officer must change at their first sign-in).

    Nobody grants themselves a role, and the last active administrator keeps theirs: a bureau
    without an administrator could never add an officer again.
    """
    from . import auth

    admin = require_role(ctx.officer, "登记或修改执法人员", OfficerRole.ADMIN)
    officer.validate()
    if officer.authority_id is None:
        raise DomainError("执法人员须属于一个执法机关。")
    with ctx.unit_of_work() as uow:
        before = uow.officers.get(officer.id) if officer.id is not None else None
        if before is not None and before.id == admin.id:
            gained = officer.roles - before.roles
            if gained:
                raise PermissionDenied(
                    f"不能给自己增加角色（{'、'.join(r.label for r in gained)}），须由另一名管理员办理，未作任何修改。",
                    tuple(r.value for r in gained),
                )
        if (
            before is not None
            and before.active
            and before.has_role(OfficerRole.ADMIN)
            and not (officer.active and officer.has_role(OfficerRole.ADMIN))
        ):
            others = [
                o for o in uow.officers.active_admins(officer.authority_id) if o.id != officer.id
            ]
            if not others:
                raise DomainError(
                    f"{before.name}是最后一名管理员，不能取消其管理员角色或停用其账号；请先指定另一名管理员。"
                )
        if password is not None:
            auth.validate_new_password(password, officer)
        saved = uow.officers.save(dataclasses.replace(officer))
        assert saved.id is not None
        if password is not None:
            uow.credentials.set_password_hash(
                saved.id, auth.CHECKER.hash(password), must_change=True, now=uow.now
            )
        snapshot = {
            "name": saved.name,
            "roles": sorted(r.value for r in saved.roles),
            "badge": saved.badge_number,
            "active": saved.active,
        }
        previous = (
            {
                "name": before.name,
                "roles": sorted(r.value for r in before.roles),
                "badge": before.badge_number,
                "active": before.active,
            }
            if before
            else {}
        )
        uow.events.add(
            Event(
                action="officer.saved",
                summary=f"{'修改' if before else '登记'}执法人员：{saved.name}（{saved.roles_label}，执法证号 {saved.badge_number or '无'}）",
                officer_id=admin.id,
                at=uow.now,
                before=previous,
                after=snapshot,
            )
        )
        uow.commit()
    officer.id = saved.id
    if ctx.officer is not None and ctx.officer.id == saved.id:
        ctx.officer = saved
    return saved


def sign_in(ctx: AppContext, officer_id: OfficerId) -> Officer:
    """Record who is at the keyboard; every event from now on names this officer."""
    with ctx.unit_of_work() as uow:
        officer = uow.officers.get(officer_id)
        if not officer.active:
            raise DomainError(f"{officer.name}的账号已停用。")
        ctx.officer = officer
        uow.events.add(
            Event(
                action="officer.signed_in",
                summary=f"{officer.name}开始使用本系统",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()
    return officer


def first_run(
    ctx: AppContext, authority: Authority, officer: Officer, password: str | None = None
) -> Officer:
    """Create our authority and its first officer in one transaction, and sign them in.

    The first officer is the installation's administrator (whatever else they are) and sets
    the administrator's password here; without one (tests, the demo) they set it at the next
    start before anyone can sign in.
    """
    from . import auth

    authority.validate()
    officer.validate()
    officer.extra_roles = officer.extra_roles | {OfficerRole.ADMIN} - {officer.role}
    if password is not None:
        auth.validate_new_password(password, officer)
    with ctx.unit_of_work() as uow:
        if uow.settings.get(OUR_AUTHORITY) is not None:
            raise DomainError("本机关信息已经设置过，请在“设置”中修改。")
        saved_authority = uow.authorities.save(authority)
        uow.settings.set(OUR_AUTHORITY, str(saved_authority.id))
        officer.authority_id = saved_authority.id
        saved = uow.officers.save(officer)
        assert saved.id is not None
        if password is not None:
            uow.credentials.set_password_hash(
                saved.id, auth.CHECKER.hash(password), must_change=False, now=uow.now
            )
        uow.events.add(
            Event(
                action="installation.configured",
                summary=f"首次设置：{saved_authority.name}，执法人员 {saved.name}",
                officer_id=saved.id,
                at=uow.now,
                after={"authority": saved_authority.name, "officer": saved.name},
            )
        )
        uow.commit()
    ctx.officer = saved
    return saved


def all_officers(ctx: AppContext, authority_id: AuthorityId) -> list[Officer]:
    """Active and inactive: names on old events and cases must still resolve."""
    with ctx.unit_of_work() as uow:
        return uow.officers.list(authority_id, active_only=False)
