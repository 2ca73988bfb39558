"""当事人: who a case is against, and how the live-commerce roles of Art 2 link together.

Art 47 decides jurisdiction by a party's role and places: a marketer (Art 2(5)) follows the live
room they appeared in, a room operator on a platform follows its own domicile, and so on. So a
party records its roles, its 住所地 and 实际经营地 as region code plus address, its live
accounts, and the links between parties (marketer → room operator, room → platform, marketer →
agency) that the jurisdiction engine walks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NewType

from .errors import ValidationError
from .identifiers import mask_ric, normalize_ric, normalize_uscc
from .regions import regions

PartyId = NewType("PartyId", int)


class PartyKind(StrEnum):
    NATURAL_PERSON = "natural_person"  # 自然人
    INDIVIDUAL_BUSINESS = "individual_business"  # 个体工商户
    ORGANIZATION = "organization"  # 法人或者其他组织

    @property
    def label(self) -> str:
        return {
            PartyKind.NATURAL_PERSON: "自然人",
            PartyKind.INDIVIDUAL_BUSINESS: "个体工商户",
            PartyKind.ORGANIZATION: "法人或者其他组织",
        }[self]


class PartyRole(StrEnum):
    """The roles of Art 2 (and Art 24) of the Measures."""

    PLATFORM_OPERATOR = "platform_operator"  # 直播电商平台经营者, Art 2(3)
    ROOM_OPERATOR = "room_operator"  # 直播间运营者, Art 2(4)
    MARKETER = "marketer"  # 直播营销人员, Art 2(5)
    SERVICE_AGENCY = "service_agency"  # 直播营销人员服务机构, Art 2(6)
    OTHER_PROVIDER = "other_provider"  # 其他网络服务提供者, Art 24

    @property
    def label(self) -> str:
        return PARTY_ROLE_LABELS[self]


PARTY_ROLE_LABELS = {
    PartyRole.PLATFORM_OPERATOR: "直播电商平台经营者",
    PartyRole.ROOM_OPERATOR: "直播间运营者",
    PartyRole.MARKETER: "直播营销人员",
    PartyRole.SERVICE_AGENCY: "直播营销人员服务机构",
    PartyRole.OTHER_PROVIDER: "其他网络服务提供者",
}


class Channel(StrEnum):
    """Where a room operator sells: on a platform, or on its own site (Art 47 ¶2 vs ¶3)."""

    PLATFORM = "platform"
    OWN_SITE = "own_site"  # 自建网站、其他网络服务


class LinkKind(StrEnum):
    APPEARS_FOR = "appears_for"  # marketer → room operator
    ON_PLATFORM = "on_platform"  # room operator → platform operator
    REPRESENTED_BY = "represented_by"  # marketer → service agency

    @property
    def roles(self) -> tuple[PartyRole, PartyRole]:
        """(role of the source, role of the target) the link requires."""
        return {
            LinkKind.APPEARS_FOR: (PartyRole.MARKETER, PartyRole.ROOM_OPERATOR),
            LinkKind.ON_PLATFORM: (PartyRole.ROOM_OPERATOR, PartyRole.PLATFORM_OPERATOR),
            LinkKind.REPRESENTED_BY: (PartyRole.MARKETER, PartyRole.SERVICE_AGENCY),
        }[self]


@dataclass(slots=True)
class Place:
    """A region code (6-digit GB/T 2260) and the address text below it."""

    region: str | None = None
    address: str = ""

    def validate(self, field_name: str, *, required: bool) -> None:
        regions().validate(self.region, f"{field_name}.region", required=required)


@dataclass(slots=True)
class LiveAccount:
    platform: str  # 抖音, 快手, 淘宝直播 …
    account_id: str
    room_name: str = ""
    platform_operator_id: PartyId | None = None  # the operator of that platform, if a party
    id: int | None = None


@dataclass(slots=True)
class PartyLink:
    kind: LinkKind
    target_id: PartyId
    id: int | None = None


@dataclass(slots=True)
class Party:
    kind: PartyKind
    name: str
    roles: set[PartyRole] = field(default_factory=set)
    uscc: str | None = None  # 统一社会信用代码
    id_number: str | None = None  # 公民身份号码 (natural persons; the operator of a 个体户)
    legal_representative: str = ""  # 法定代表人 / 负责人 / 经营者
    channel: Channel | None = None  # only for room operators
    domicile: Place = field(default_factory=Place)  # 住所地 (经常居所 for a natural person)
    household_registration: Place | None = None  # 户籍地, where it differs (民法典 Art 25)
    business_place: Place | None = None  # 实际经营地; may be unknown
    registered: bool = False  # 已办理经营主体登记
    phone: str = ""
    email: str = ""
    accounts: list[LiveAccount] = field(default_factory=list)
    links: list[PartyLink] = field(default_factory=list)
    version: int | None = None
    id: PartyId | None = None

    def validate(self) -> None:
        """Check the party as a whole; raises the first problem with its field."""
        if not self.name.strip():
            raise ValidationError("party.name", "当事人名称（姓名）不能为空。")
        if not self.roles:
            raise ValidationError(
                "party.roles", "请至少选择一个当事人身份（平台、直播间运营者等）。"
            )
        if PartyRole.MARKETER in self.roles and self.kind is not PartyKind.NATURAL_PERSON:
            raise ValidationError(
                "party.kind", "直播营销人员是自然人（办法第二条第五项），当事人类型应为自然人。"
            )
        if self.kind is PartyKind.NATURAL_PERSON:
            if self.uscc:
                raise ValidationError(
                    "party.uscc", "自然人没有统一社会信用代码，请填写公民身份号码。"
                )
            if self.id_number:
                self.id_number = normalize_ric(self.id_number, "party.id_number")
        else:
            if self.uscc:
                self.uscc = normalize_uscc(self.uscc, "party.uscc")
            elif self.registered:
                raise ValidationError(
                    "party.uscc", "已办理经营主体登记的当事人须填写统一社会信用代码。"
                )
            if self.id_number:
                self.id_number = normalize_ric(self.id_number, "party.id_number")
        if PartyRole.ROOM_OPERATOR in self.roles and self.channel is None:
            raise ValidationError(
                "party.channel",
                "直播间运营者须注明经营渠道：直播电商平台或自建网站、其他网络服务。",
            )
        if PartyRole.ROOM_OPERATOR not in self.roles and self.channel is not None:
            raise ValidationError("party.channel", "只有直播间运营者才有经营渠道。")
        self.domicile.validate("party.domicile", required=True)
        if self.household_registration is not None:
            self.household_registration.validate("party.household_registration", required=False)
        if self.business_place is not None:
            self.business_place.validate("party.business_place", required=False)
        for i, account in enumerate(self.accounts):
            if not account.platform.strip():
                raise ValidationError(f"party.accounts[{i}].platform", "直播账号须注明所在平台。")
            if not account.account_id.strip():
                raise ValidationError(f"party.accounts[{i}].account_id", "直播账号不能为空。")
        for i, link in enumerate(self.links):
            if link.kind.roles[0] not in self.roles:
                raise ValidationError(
                    f"party.links[{i}]",
                    f"只有{link.kind.roles[0].label}才能关联{link.kind.roles[1].label}。",
                )
            if self.id is not None and link.target_id == self.id:
                raise ValidationError(f"party.links[{i}]", "当事人不能关联自己。")

    def check_link_target(self, index: int, target: Party) -> None:
        """A link must point at a party holding the role the link names."""
        wanted = self.links[index].kind.roles[1]
        if wanted not in target.roles:
            raise ValidationError(
                f"party.links[{index}]", f"“{target.name}”不是{wanted.label}，不能这样关联。"
            )

    @property
    def identifier(self) -> str:
        return self.uscc or self.id_number or ""

    @property
    def masked_identifier(self) -> str:
        """The identifier as lists and search results show it (身份证号 masked)."""
        return self.uscc or mask_ric(self.id_number)
