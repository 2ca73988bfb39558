"""Configuring the installation: our authority, its officers, and who is working now."""

from __future__ import annotations

from lcregulator.domain.authority import Authority, AuthorityId, Officer, OfficerId
from lcregulator.domain.errors import DomainError, NotFoundError
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


def save_officer(ctx: AppContext, officer: Officer) -> Officer:
    officer.validate()
    if officer.authority_id is None:
        raise DomainError("执法人员须属于一个执法机关。")
    with ctx.unit_of_work() as uow:
        saved = uow.officers.save(officer)
        uow.events.add(
            Event(
                action="officer.saved",
                summary=f"登记执法人员：{saved.name}（{saved.role.label}，执法证号 {saved.badge_number or '无'}）",
                officer_id=ctx.officer.id if ctx.officer else None,
                at=uow.now,
                after={"name": saved.name, "role": saved.role.value, "badge": saved.badge_number},
            )
        )
        uow.commit()
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


def first_run(ctx: AppContext, authority: Authority, officer: Officer) -> Officer:
    """Create our authority and its first officer in one transaction, and sign them in."""
    authority.validate()
    officer.validate()
    with ctx.unit_of_work() as uow:
        if uow.settings.get(OUR_AUTHORITY) is not None:
            raise DomainError("本机关信息已经设置过，请在“设置”中修改。")
        saved_authority = uow.authorities.save(authority)
        uow.settings.set(OUR_AUTHORITY, str(saved_authority.id))
        officer.authority_id = saved_authority.id
        saved = uow.officers.save(officer)
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
