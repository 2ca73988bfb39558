"""Who may sign in: passwords checked behind one interface, lockout, and password changes.

The record must show who did what; that is only worth something if nobody can act under
another officer's name. Passwords are stored as argon2id hashes (never the password, never in
a log); five wrong tries — in the window or on the command line, counted in the shared
database — lock the account for 15 minutes, and the lock is written on the timeline.

The credential check is one small protocol (:class:`CredentialChecker`) so that a Ukey or a
bureau directory can replace the password later without touching the callers.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from lcregulator.domain.authority import Officer, OfficerId, OfficerRole, require_role
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.events import Event
from lcregulator.domain.formatting import CHINA_TZ

from .context import AppContext

if TYPE_CHECKING:
    from lcregulator.persistence.credentials_repo import Credential
    from lcregulator.persistence.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
IDLE_LOCK_KEY = "security.idle_lock_minutes"
DEFAULT_IDLE_LOCK_MINUTES = 15


class CredentialChecker(Protocol):
    """Turns a secret into something storable and checks a secret against it."""

    def hash(self, secret: str) -> str: ...

    def verify(self, stored: str, secret: str) -> bool: ...

    def needs_rehash(self, stored: str) -> bool: ...


class Argon2Passwords:
    """argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile), salted per hash."""

    def __init__(self) -> None:
        self._hasher = PasswordHasher()

    def hash(self, secret: str) -> str:
        return self._hasher.hash(secret)

    def verify(self, stored: str, secret: str) -> bool:
        try:
            return self._hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        try:
            return self._hasher.check_needs_rehash(stored)
        except InvalidHashError:
            return True


CHECKER: CredentialChecker = Argon2Passwords()


class SignInRefused(DomainError):
    """Sign-in did not succeed; ``reason`` is ``unknown``, ``inactive``, ``no_password``,
    ``wrong_password``, ``locked`` or ``changing`` (reset again and again while being
    checked). Nothing but the lockout counters was written."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class SignedIn:
    officer: Officer
    must_change_password: bool


def _beijing(moment: dt.datetime) -> str:
    return moment.astimezone(CHINA_TZ).strftime("%H:%M")


def validate_new_password(password: str, officer: Officer, field: str = "password") -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(field, f"密码至少{MIN_PASSWORD_LENGTH}个字符。")
    if password.strip() != password:
        raise ValidationError(field, "密码首尾不能是空格。")
    if password == officer.name or (password.isdigit() and len(set(password)) == 1):
        raise ValidationError(field, "密码太简单，请换一个。")


def find_officer(ctx: AppContext, name: str) -> Officer:
    """The officer the command line's ``--officer NAME`` means (or ``id:N``)."""
    name = name.strip()
    with ctx.unit_of_work() as uow:
        if name.startswith("id:") and name[3:].isdigit():
            found = [o for o in [_get(uow, int(name[3:]))] if o is not None]
        else:
            found = list(uow.officers.by_name(name))
    if not found:
        raise SignInRefused(f"没有名为“{name}”的执法人员。", "unknown")
    active = [o for o in found if o.active]
    if len(active) > 1:
        raise SignInRefused(
            f"有{len(active)}名执法人员都叫“{name}”，请用 id:编号 指明（{'、'.join(f'id:{o.id}' for o in active)}）。",
            "unknown",
        )
    return active[0] if active else found[0]


def _get(uow: UnitOfWork, officer_id: int) -> Officer | None:
    try:
        return uow.officers.get(officer_id)
    except DomainError:
        return None


def check_password(ctx: AppContext, officer_id: OfficerId, password: str) -> SignedIn:
    """Check ``password``, counting a wrong one towards the lockout; does not sign in.

    Each wrong try is committed on its own, so a refused sign-in still counts. The hash is
    compared outside any transaction: argon2 takes a deliberate ~0.2 s, during which no lock
    is held (argon2 releases the GIL too, so the window can be built meanwhile). The outcome
    is then written against the credential as it is by then: a password reset meanwhile is
    checked again, a lock set meanwhile refuses.
    """
    now = ctx.clock.now()
    with ctx.unit_of_work(read_only=True) as uow:
        officer = uow.officers.get(officer_id)
        credential = uow.credentials.get(officer_id)
    for _ in range(3):
        _refuse_before_checking(officer, credential, now)
        assert credential is not None and credential.password_hash is not None
        stored = credential.password_hash
        matches = CHECKER.verify(stored, password)
        with ctx.unit_of_work() as uow:
            officer = uow.officers.get(officer_id)
            # locked until the outcome is written: a lock another workstation sets meanwhile
            # is seen here, not overwritten by clearing the failures
            credential = uow.credentials.get(officer_id, for_update=True)
            if credential is None or credential.password_hash != stored:
                continue  # changed while it was being checked: check the new one
            _refuse_before_checking(officer, credential, now)
            if matches:
                uow.credentials.clear_failures(officer_id)
                if CHECKER.needs_rehash(stored):
                    uow.credentials.set_password_hash(
                        officer_id,
                        CHECKER.hash(password),
                        must_change=credential.must_change,
                        now=now,
                    )
                uow.commit()
                return SignedIn(officer, credential.must_change)
            failures = uow.credentials.count_failure(officer_id)
            if failures >= MAX_FAILURES:
                until = now + LOCKOUT
                uow.credentials.lock(officer_id, until)
                uow.events.add(
                    Event(
                        action="officer.locked",
                        summary=f"{officer.name}连续{MAX_FAILURES}次密码错误，账号锁定至{_beijing(until)}",
                        officer_id=officer.id,
                        at=uow.now,
                        after={"locked_until": until.isoformat()},
                    )
                )
                uow.commit()
                log.warning("officer %s locked after %d wrong passwords", officer.id, failures)
                raise SignInRefused(
                    f"密码错误。{officer.name}的账号已连续{MAX_FAILURES}次密码错误，锁定15分钟（至{_beijing(until)}）。",
                    "locked",
                )
            uow.commit()
        left = MAX_FAILURES - failures
        raise SignInRefused(f"密码错误（再错{left}次将锁定15分钟）。", "wrong_password")
    raise SignInRefused(f"{officer.name}的密码正在被修改，请稍后再试。", "changing")


def _refuse_before_checking(
    officer: Officer, credential: Credential | None, now: dt.datetime
) -> None:
    """An inactive officer, a locked account or no password is refused before any hash."""
    if not officer.active:
        raise SignInRefused(f"{officer.name}的账号已停用。", "inactive")
    if credential and credential.locked_until and credential.locked_until > now:
        raise SignInRefused(
            f"{officer.name}的账号因连续{MAX_FAILURES}次密码错误已锁定，请于{_beijing(credential.locked_until)}后再试。",
            "locked",
        )
    if credential is None or credential.password_hash is None:
        raise SignInRefused(
            f"{officer.name}尚未设置密码，请管理员在“设置 → 执法人员”中设置初始密码。",
            "no_password",
        )


def sign_in(ctx: AppContext, officer_id: OfficerId, password: str) -> SignedIn:
    """Check the password and make the officer the one at the keyboard (recorded)."""
    from . import setup

    result = check_password(ctx, officer_id, password)
    setup.sign_in(ctx, officer_id)
    return result


def unlock(ctx: AppContext, password: str) -> None:
    """The idle-locked window asks the signed-in officer's password again."""
    officer = ctx.require_officer()
    assert officer.id is not None
    check_password(ctx, officer.id, password)


def needs_initial_admin_password(ctx: AppContext) -> bool:
    """True right after the upgrade that introduced passwords: no administrator has one."""
    with ctx.unit_of_work() as uow:
        return uow.credentials.admins_with_password() == 0


def set_initial_admin_password(ctx: AppContext, officer_id: OfficerId, password: str) -> Officer:
    """The first start after the upgrade: an administrator without a password chooses one.

    Refused as soon as any administrator has a password — from then on only an administrator
    sets others' passwords.
    """
    with ctx.unit_of_work() as uow:
        if uow.credentials.admins_with_password():
            raise DomainError("管理员密码已经设置过，请用密码登录。")
        officer = uow.officers.get(officer_id)
        if not officer.active or not officer.has_role(OfficerRole.ADMIN):
            raise DomainError(f"{officer.name}不是管理员，不能设置首个管理员密码。")
        validate_new_password(password, officer)
        uow.credentials.set_password_hash(
            officer_id, CHECKER.hash(password), must_change=False, now=uow.now
        )
        uow.events.add(
            Event(
                action="officer.password_set",
                summary=f"{officer.name}设置管理员密码",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()
    return officer


def change_own_password(ctx: AppContext, old: str, new: str) -> None:
    """The signed-in officer changes their password (and so clears "must change")."""
    officer = ctx.require_officer()
    assert officer.id is not None
    check_password(ctx, officer.id, old)
    validate_new_password(new, officer, "new_password")
    if new == old:
        raise ValidationError("new_password", "新密码不能与原密码相同。")
    with ctx.unit_of_work() as uow:
        uow.credentials.set_password_hash(
            officer.id, CHECKER.hash(new), must_change=False, now=uow.now
        )
        uow.events.add(
            Event(
                action="officer.password_changed",
                summary=f"{officer.name}修改了自己的密码",
                officer_id=officer.id,
                at=uow.now,
            )
        )
        uow.commit()


def set_password(
    ctx: AppContext, officer_id: OfficerId, password: str, *, must_change: bool = True
) -> None:
    """An administrator sets or resets another officer's password; by default the officer
    must choose their own at the next sign-in. Also unlocks a locked account."""
    admin = require_role(ctx.officer, "设置或重置执法人员密码", OfficerRole.ADMIN)
    with ctx.unit_of_work() as uow:
        officer = uow.officers.get(officer_id)
        validate_new_password(password, officer)
        uow.credentials.set_password_hash(
            officer_id, CHECKER.hash(password), must_change=must_change, now=uow.now
        )
        uow.events.add(
            Event(
                action="officer.password_reset",
                summary=f"管理员{admin.name}为{officer.name}{'重置' if must_change else '设置'}密码"
                + ("（下次登录须修改）" if must_change else ""),
                officer_id=admin.id,
                at=uow.now,
                after={"officer": officer.name, "must_change": must_change},
            )
        )
        uow.commit()


def must_change_password(ctx: AppContext, officer_id: OfficerId) -> bool:
    with ctx.unit_of_work() as uow:
        credential = uow.credentials.get(officer_id)
    return bool(credential and credential.must_change)


def has_password(ctx: AppContext, officer_id: OfficerId) -> bool:
    with ctx.unit_of_work() as uow:
        credential = uow.credentials.get(officer_id)
    return bool(credential and credential.password_hash)


def idle_lock_minutes(ctx: AppContext) -> int:
    """After how many idle minutes the window locks (a bureau setting; 0 never locks)."""
    with ctx.unit_of_work() as uow:
        raw = uow.settings.get(IDLE_LOCK_KEY)
    try:
        return max(0, int(raw)) if raw is not None else DEFAULT_IDLE_LOCK_MINUTES
    except ValueError:
        return DEFAULT_IDLE_LOCK_MINUTES


def set_idle_lock_minutes(ctx: AppContext, minutes: int) -> None:
    admin = require_role(ctx.officer, "修改空闲锁屏时间", OfficerRole.ADMIN)
    if not 0 <= minutes <= 240:
        raise ValidationError("idle_lock_minutes", "空闲锁屏时间应在0至240分钟之间（0为不锁屏）。")
    with ctx.unit_of_work() as uow:
        before = uow.settings.get(IDLE_LOCK_KEY)
        uow.settings.set(IDLE_LOCK_KEY, str(minutes))
        uow.events.add(
            Event(
                action="settings.idle_lock",
                summary=f"空闲锁屏时间设为{minutes}分钟" if minutes else "关闭空闲锁屏",
                officer_id=admin.id,
                at=uow.now,
                before={"minutes": before},
                after={"minutes": minutes},
            )
        )
        uow.commit()
