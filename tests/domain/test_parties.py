"""Party validation: roles of Art 2, identifiers by kind, places, links."""

from __future__ import annotations

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyId,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from tests.samples import RIC_MARKETER, USCC_ROOM


def room_operator(**changes: object) -> Party:
    party = Party(
        kind=PartyKind.ORGANIZATION,
        name="杭州某电子商务有限公司",
        roles={PartyRole.ROOM_OPERATOR},
        uscc=USCC_ROOM,
        channel=Channel.PLATFORM,
        domicile=Place("330106", "文三路1号"),
        registered=True,
    )
    for key, value in changes.items():
        setattr(party, key, value)
    return party


def marketer(**changes: object) -> Party:
    party = Party(
        kind=PartyKind.NATURAL_PERSON,
        name="主播甲",
        roles={PartyRole.MARKETER},
        id_number=RIC_MARKETER,
        domicile=Place("330106", ""),
    )
    for key, value in changes.items():
        setattr(party, key, value)
    return party


def expect(party: Party, field: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        party.validate()
    assert info.value.field == field
    assert fragment in info.value.message


def test_valid_parties_pass() -> None:
    room_operator().validate()
    marketer().validate()


def test_uscc_checksum_is_checked_on_the_party() -> None:
    expect(room_operator(uscc=USCC_ROOM[:-1] + "5"), "party.uscc", "校验位错误")


def test_id_number_checksum_is_checked_on_the_party() -> None:
    expect(marketer(id_number=RIC_MARKETER[:-1] + "9"), "party.id_number", "校验位错误")


def test_marketer_must_be_a_natural_person() -> None:
    expect(
        marketer(kind=PartyKind.ORGANIZATION, id_number=None), "party.kind", "直播营销人员是自然人"
    )


def test_registered_business_needs_uscc() -> None:
    expect(room_operator(uscc=None), "party.uscc", "须填写统一社会信用代码")


def test_room_operator_needs_channel_and_only_it_has_one() -> None:
    expect(room_operator(channel=None), "party.channel", "经营渠道")
    expect(marketer(channel=Channel.OWN_SITE), "party.channel", "只有直播间运营者")


def test_domicile_region_is_validated() -> None:
    expect(room_operator(domicile=Place("339999", "")), "party.domicile.region", "不在国家")
    expect(room_operator(domicile=Place(None, "某地")), "party.domicile.region", "不能为空")


def test_business_place_is_optional_but_checked() -> None:
    room_operator(business_place=Place(None, "")).validate()
    expect(
        room_operator(business_place=Place("12345", "")),
        "party.business_place.region",
        "6位数字",
    )


def test_accounts_need_platform_and_id() -> None:
    expect(
        marketer(accounts=[LiveAccount(platform="", account_id="abc")]),
        "party.accounts[0].platform",
        "平台",
    )


def test_link_requires_source_role_and_target_role() -> None:
    link = PartyLink(kind=LinkKind.APPEARS_FOR, target_id=PartyId(7))
    expect(room_operator(links=[link]), "party.links[0]", "只有直播营销人员")
    m = marketer(links=[link])
    m.validate()
    with pytest.raises(ValidationError, match="不是直播间运营者"):
        m.check_link_target(0, marketer(name="另一主播"))
    m.check_link_target(0, room_operator())
