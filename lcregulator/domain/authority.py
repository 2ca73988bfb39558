"""The bureau this installation works for, and its officers.

The 机关代字 is the short name that opens every 文号 (``杭西市监〔2026〕12号``); the 执法证号 is
what makes an officer an 执法人员 at all — 行政处罚法 Art 42 requires at least two officers holding
执法证件 for an investigation, so an officer without one cannot be one of a case's two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

from .errors import PermissionDenied, ValidationError
from .regions import regions

AuthorityId = NewType("AuthorityId", int)
OfficerId = NewType("OfficerId", int)


class OfficerRole(StrEnum):
    HANDLER = "handler"  # 承办人
    REVIEWER = "reviewer"  # 审核人 (法制审核)
    HEAD = "head"  # 负责人
    ADMIN = "admin"  # 管理员

    @property
    def label(self) -> str:
        return OFFICER_ROLE_LABELS[self]


OFFICER_ROLE_LABELS = {
    OfficerRole.HANDLER: "承办人",
    OfficerRole.REVIEWER: "审核人",
    OfficerRole.HEAD: "负责人",
    OfficerRole.ADMIN: "管理员",
}


@dataclass(slots=True)
class Authority:
    name: str  # 杭州市西湖区市场监督管理局
    short_name: str  # 机关代字 for the 文号, e.g. 杭西市监
    region: str  # 6-digit code of the territory it governs
    address: str = ""
    phone: str = ""
    id: AuthorityId | None = None

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("authority.name", "执法机关名称不能为空。")
        if not self.short_name.strip():
            raise ValidationError("authority.short_name", "机关代字不能为空（用于文书文号）。")
        if any(c in self.short_name for c in "〔〕[]()（）"):
            raise ValidationError(
                "authority.short_name", "机关代字不应含括号，文号中的〔年份〕由系统生成。"
            )
        regions().validate(self.region, "authority.region")


@dataclass(slots=True)
class Officer:
    name: str
    role: OfficerRole
    badge_number: str = ""  # 执法证号
    authority_id: AuthorityId | None = None
    active: bool = True
    id: OfficerId | None = None
    # A person may hold several roles (an 承办人 who is also the 管理员); ``role`` is the one
    # shown beside the name, ``extra_roles`` the others.
    extra_roles: frozenset[OfficerRole] = field(default_factory=frozenset)

    @property
    def roles(self) -> frozenset[OfficerRole]:
        return frozenset({self.role, *self.extra_roles})

    def has_role(self, *roles: OfficerRole) -> bool:
        """Holds at least one of ``roles``."""
        return bool(self.roles.intersection(roles))

    @property
    def roles_label(self) -> str:
        """承办人、管理员 — the primary role first, then the others in a fixed order."""
        ordered = [self.role, *(r for r in OfficerRole if r in self.extra_roles and r != self.role)]
        return "、".join(r.label for r in ordered)

    @property
    def can_enforce(self) -> bool:
        """Holds an 执法证 and so may be one of a case's two investigating officers."""
        return bool(self.badge_number.strip())

    def validate(self) -> None:
        if not self.name.strip():
            raise ValidationError("officer.name", "执法人员姓名不能为空。")
        badge = self.badge_number.strip()
        if badge and (len(badge) < 4 or len(badge) > 32):
            raise ValidationError("officer.badge_number", f"执法证号“{badge}”长度不对。")
        if self.role is OfficerRole.HANDLER and not badge:
            raise ValidationError(
                "officer.badge_number", f"{self.role.label}须填写执法证号（行政处罚法第四十二条）。"
            )


def require_role(officer: Officer | None, what: str, *roles: OfficerRole) -> Officer:
    """Refuse ``what`` unless the officer holds one of ``roles``; the message names the role.

    Checked in the services before anything is written, whatever screen or command asked, so
    that a button hidden in the window is never the only thing standing in the way.
    """
    needed = "或".join(r.label for r in roles)
    if officer is None or officer.id is None:
        raise PermissionDenied(f"{what}须由{needed}办理，请先登录。", roles)
    if not officer.has_role(*roles):
        raise PermissionDenied(
            f"{what}须由{needed}办理，{officer.name}（{officer.roles_label}）没有这一角色，未作任何修改。",
            roles,
        )
    return officer


def parse_roles(text: str) -> frozenset[OfficerRole]:
    """``"handler,admin"`` → the roles, ignoring blanks (how the officer row stores them)."""
    return frozenset(OfficerRole(part) for part in text.split(",") if part.strip())
