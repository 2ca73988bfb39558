"""Jurisdiction under Art 47 of the Measures: which place's authorities handle a party's acts.

Art 47 decides by the party's *role* and *places*, never by where the harm happened:
- ¶1: a platform operator, a room operator selling through its own site or other network
  services, and a marketer service agency → its 住所地 (an Art 24 provider is treated like a
  platform, 参照);
- ¶2: a room operator on a platform → its 实际经营地; when that cannot be determined, a
  registered operator's 住所地, an unregistered one's platform's 住所地;
- ¶3: a marketer → whoever has jurisdiction over the operator of the live room they appeared in.
A natural person's 住所 is the 经常居所 where it differs from the 户籍 (民法典 Art 25). The
platform's domicile authority may also act when it finds the lead first (程序规定 Art 10) —
returned as an alternative, never silently chosen. Both the market-supervision and the 网信
department at the place act "依据职责" (Art 65 divides the duties).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .errors import ValidationError
from .lawdata import check_keys, load_json, parse_date
from .regions import Region, regions

DATA_FILE = "data/law/jurisdiction.json"
ROLES = ("platform_operator", "room_operator", "marketer", "service_agency", "other_provider")


@dataclass(frozen=True, slots=True)
class Basis:
    instrument: str
    version: str
    article: int
    paragraph: int | None
    effective_from: dt.date
    verified: bool
    rule: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "version": self.version,
            "article": self.article,
            "paragraph": self.paragraph,
            "verified": self.verified,
        }

    @property
    def citation(self) -> str:
        from .statute import to_chinese_number

        out = f"《{self.instrument}》第{to_chinese_number(self.article)}条"
        if self.paragraph:
            out += f"第{to_chinese_number(self.paragraph)}款"
        return out


@cache
def rules() -> dict[str, Basis]:
    data = load_json(DATA_FILE)
    check_keys(data, DATA_FILE, ["version", "rules"])
    out = {}
    for key, rec in data["rules"].items():
        where = f"{DATA_FILE}: rules.{key}"
        check_keys(
            rec,
            where,
            ["instrument", "version", "article", "paragraph", "effective_from", "verified", "rule"],
        )
        out[key] = Basis(
            instrument=rec["instrument"],
            version=rec["version"],
            article=rec["article"],
            paragraph=rec["paragraph"],
            effective_from=parse_date(rec["effective_from"], where),
            verified=bool(rec["verified"]),
            rule=rec["rule"],
        )
    return out


def data_version() -> str:
    return str(load_json(DATA_FILE)["version"])


@dataclass(frozen=True, slots=True)
class PartyPlaces:
    """What Art 47 looks at: the role, and for a room operator the channel and registration."""

    role: str
    channel: str | None = None  # platform | own_site (room operators)
    registered: bool = False
    domicile: str | None = None  # 住所地 (for a natural person, the 经常居所 if known)
    household_registration: str | None = None  # 户籍地, natural persons
    business_place: str | None = None  # 实际经营地, None when it cannot be determined
    natural_person: bool = False


@dataclass(frozen=True, slots=True)
class Department:
    kind: str  # market_supervision | cyberspace_office
    name: str
    duties: str

    def as_dict(self) -> dict[str, str]:
        return {"department": self.kind, "name": self.name, "duties": self.duties}


@dataclass(frozen=True, slots=True)
class Alternative:
    region: str
    region_name: str
    basis: Basis
    condition: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "region_name": self.region_name,
            "basis": self.basis.as_dict(),
            "condition": self.condition,
        }


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    region: str
    region_name: str
    basis: Basis
    via: Basis | None  # for a marketer: the paragraph that placed their live room
    departments: tuple[Department, ...]
    reasoning: str
    alternatives: tuple[Alternative, ...] = ()
    by_analogy: bool = False  # Art 24 provider, 参照 a platform
    notes: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "region_name": self.region_name,
            "basis": self.basis.as_dict(),
            "via": self.via.as_dict() if self.via else None,
            "by_analogy": self.by_analogy,
            "departments": [d.as_dict() for d in self.departments],
            "reasoning": self.reasoning,
            "alternatives": [a.as_dict() for a in self.alternatives],
            "law_data_version": data_version(),
        }


def authority_name(code: str, suffix: str = "市场监督管理局") -> str:
    """杭州市西湖区市场监督管理局 / 北京市朝阳区… / 余姚市… — the usual name at a place."""
    chain = regions().chain(code)
    if not chain:
        return code + suffix
    last = chain[-1]
    if len(chain) == 1:
        return last.name + suffix
    province = chain[0]
    if province.type == "直辖市":
        return province.name + last.name + suffix
    if last.type == "市辖区" and len(chain) == 3:
        return chain[1].name + last.name + suffix
    return last.name + suffix


def _region(code: str | None, field_name: str, required: bool) -> Region | None:
    return regions().validate(code, field_name, required=required)


def _departments(code: str) -> tuple[Department, ...]:
    place = authority_name(code, "")
    return (
        Department(
            "market_supervision",
            authority_name(code),
            "依据职责管辖属于市场监督管理部门职责的违法行为",
        ),
        Department(
            "cyberspace_office",
            f"{place}网信部门",
            "依据职责管辖办法第六十五条所列属于网信部门职责的违法行为",
        ),
    )


def _domicile(p: PartyPlaces, path: str) -> tuple[str | None, str]:
    """The party's 住所地 and a sentence on how it was found (民法典 Art 25 for persons)."""
    _region(p.domicile, f"{path}.domicile", required=False)
    _region(p.household_registration, f"{path}.household_registration", required=False)
    if p.natural_person and p.household_registration and p.domicile:
        if p.household_registration != p.domicile:
            return p.domicile, (
                f"当事人经常居所（{regions().full_name(p.domicile)}）与户籍地不一致，"
                "依《中华人民共和国民法典》第二十五条，以经常居所为住所。"
            )
        return p.domicile, ""
    if p.natural_person and not p.domicile and p.household_registration:
        return p.household_registration, (
            "当事人经常居所不明，依《中华人民共和国民法典》第二十五条，以户籍登记的居所为住所。"
        )
    return p.domicile, ""


def _check_role(p: PartyPlaces, path: str) -> None:
    if p.role not in ROLES:
        raise ValidationError(
            f"{path}.role",
            f"未知的当事人身份“{p.role}”，应为：{'、'.join(ROLES)}。",
        )
    if p.role == "room_operator" and p.channel not in ("platform", "own_site"):
        raise ValidationError(
            f"{path}.channel",
            "直播间运营者须注明经营渠道：platform（直播电商平台）或 own_site（自建网站、其他网络服务）。",
        )


def _place_of_operator(
    p: PartyPlaces, platform_domicile: str | None, path: str
) -> tuple[str, Basis, list[str], bool]:
    """Paragraphs 1 and 2 for a non-marketer: (region, basis, reasoning sentences, analogy)."""
    r = rules()
    domicile, note = _domicile(p, path)
    notes = [note] if note else []
    if p.role in ("platform_operator", "service_agency", "other_provider") or (
        p.role == "room_operator" and p.channel == "own_site"
    ):
        if not domicile:
            raise ValidationError(
                f"{path}.domicile",
                "依办法第四十七条第一款须以住所地确定管辖，请填写住所地行政区划代码。",
            )
        who = {
            "platform_operator": "直播电商平台经营者",
            "service_agency": "直播营销人员服务机构",
            "other_provider": "其他网络服务提供者（依办法第二十四条参照直播电商平台经营者）",
            "room_operator": "通过自建网站、其他网络服务从事直播电商活动的直播间运营者",
        }[p.role]
        notes.append(
            f"当事人为{who}，由其住所地（{regions().full_name(domicile)}）县级以上部门管辖。"
        )
        return domicile, r["M47-1"], notes, p.role == "other_provider"
    # room operator on a platform: paragraph 2
    business = _region(p.business_place, f"{path}.business_place", required=False)
    if business is not None:
        notes.append(
            f"当事人为通过直播电商平台从事直播电商活动的直播间运营者，由其实际经营地（{regions().full_name(business.code)}）县级以上部门管辖。"
        )
        return business.code, r["M47-2"], notes, False
    if p.registered:
        if not domicile:
            raise ValidationError(
                f"{path}.domicile",
                "实际经营地无法确定、已办理经营主体登记的，依办法第四十七条第二款由住所地管辖，请填写住所地。",
            )
        notes.append(
            f"当事人为平台内直播间运营者，实际经营地无法确定，已办理经营主体登记，由其住所地（{regions().full_name(domicile)}）县级以上部门管辖。"
        )
        return domicile, r["M47-2"], notes, False
    if not platform_domicile:
        raise ValidationError(
            "platform.domicile",
            "实际经营地无法确定且未办理经营主体登记的直播间运营者，依办法第四十七条第二款由直播电商平台经营者住所地管辖，请填写平台住所地。",
        )
    _region(platform_domicile, "platform.domicile", required=True)
    notes.append(
        f"当事人为平台内直播间运营者，实际经营地无法确定，且未办理经营主体登记，由直播电商平台经营者住所地（{regions().full_name(platform_domicile)}）县级以上部门管辖。"
    )
    return platform_domicile, r["M47-2"], notes, False


def resolve(
    party: PartyPlaces,
    platform_domicile: str | None = None,
    room_operator: PartyPlaces | None = None,
) -> Jurisdiction:
    """Apply Art 47 to one party; raises ValidationError naming the missing or bad field."""
    _check_role(party, "party")
    if platform_domicile:
        _region(platform_domicile, "platform.domicile", required=True)
    r = rules()
    via: Basis | None = None
    by_analogy = False
    in_platform = False
    if party.role == "marketer":
        if room_operator is None:
            raise ValidationError(
                "room_operator",
                "直播营销人员依办法第四十七条第三款随其所在直播间的运营者确定管辖，请提供直播间运营者的信息。",
            )
        _check_role(room_operator, "room_operator")
        if room_operator.role != "room_operator":
            raise ValidationError(
                "room_operator.role", "room_operator 须为直播间运营者（role 为 room_operator）。"
            )
        region, via, notes, _ = _place_of_operator(
            room_operator, platform_domicile, "room_operator"
        )
        lead = "当事人为直播营销人员，依办法第四十七条第三款，由其所在直播间运营者的管辖部门管辖。"
        notes = [f"{lead}所在直播间的运营者：{notes[-1]}", *notes[:-1]]
        basis = r["M47-3"]
        in_platform = room_operator.channel == "platform"
    else:
        region, basis, notes, by_analogy = _place_of_operator(party, platform_domicile, "party")
        in_platform = party.role == "room_operator" and party.channel == "platform"
    alternatives: list[Alternative] = []
    if in_platform and platform_domicile and platform_domicile != region:
        alternatives.append(
            Alternative(
                platform_domicile,
                regions().full_name(platform_domicile),
                r["PROC10"],
                "直播电商平台经营者住所地县级以上市场监督管理部门先行发现违法线索或者收到投诉、举报的，也可以管辖（仅市场监督管理部门）。",
            )
        )
    notes.append("市场监督管理部门和网信部门依据职责分别管辖（办法第六十五条）。")
    if by_analogy:
        notes.append(
            "办法第二十四条：其他网络服务提供者参照直播电商平台经营者履行义务、承担责任，管辖参照第四十七条第一款。"
        )
    return Jurisdiction(
        region=region,
        region_name=regions().full_name(region),
        basis=basis,
        via=via,
        departments=_departments(region),
        reasoning="".join(notes),
        alternatives=tuple(alternatives),
        by_analogy=by_analogy,
    )


@dataclass(frozen=True, slots=True)
class Competence:
    competent: bool
    message: str
    transfer_to: str | None = None  # authority name when we must transfer
    transfer_region: str | None = None
    dispute_route: str = ""


def competence(result: Jurisdiction, authority_region: str, authority_name_: str) -> Competence:
    """Whether this installation's authority may handle the case, and what to do if not."""
    table = regions()
    if table.contains(authority_region, result.region):
        return Competence(
            True,
            f"本机关（{authority_name_}）辖区包含{result.region_name}，依{result.basis.citation}有管辖权。",
        )
    for alt in result.alternatives:
        if table.contains(authority_region, alt.region):
            return Competence(
                True,
                f"本机关辖区包含直播电商平台经营者住所地（{alt.region_name}），依{alt.basis.citation}，"
                f"先行发现违法线索或者收到投诉、举报的，也可以管辖；{result.region_name}的部门同样有管辖权。",
                dispute_route=rules()["PROC13-16"].rule,
            )
    target = authority_name(result.region)
    return Competence(
        False,
        f"本机关（{authority_name_}）辖区不包含{result.region_name}，依{result.basis.citation}应由{target}管辖，"
        "应当制作案件移送函移送有管辖权的部门。",
        transfer_to=target,
        transfer_region=result.region,
    )
