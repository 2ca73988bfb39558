"""Competence of this installation's authority for a resolved jurisdiction."""

from __future__ import annotations

from lcregulator.domain.jurisdiction import (
    PartyPlaces,
    authority_name,
    competence,
    resolve,
    rules,
)


def room_on_platform(business: str | None) -> PartyPlaces:
    return PartyPlaces("room_operator", "platform", True, "330106", None, business)


def test_county_city_and_province_are_competent_for_a_place_in_their_territory() -> None:
    result = resolve(room_on_platform("330110"), "330108")
    assert competence(result, "330110", "余杭区局").competent
    assert competence(result, "330100", "杭州市局").competent
    assert competence(result, "330000", "浙江省局").competent


def test_other_county_must_transfer_and_is_told_to_whom() -> None:
    result = resolve(room_on_platform("440305"), None)
    c = competence(result, "330106", "杭州市西湖区市场监督管理局")
    assert not c.competent
    assert c.transfer_to == "深圳市南山区市场监督管理局"
    assert c.transfer_region == "440305"
    assert "案件移送函" in c.message
    assert c.dispute_route == ""  # nothing to negotiate: we are simply not competent


def test_platform_domicile_authority_may_act_as_alternative_with_dispute_route() -> None:
    result = resolve(room_on_platform("440305"), "330108")
    c = competence(result, "330108", "杭州市滨江区市场监督管理局")
    assert c.competent
    assert "先行发现违法线索" in c.message
    assert "第十条" in c.message
    assert "协商" in c.dispute_route


def test_authority_names() -> None:
    assert authority_name("330106") == "杭州市西湖区市场监督管理局"
    assert authority_name("110105") == "北京市朝阳区市场监督管理局"
    assert authority_name("330281") == "余姚市市场监督管理局"
    assert authority_name("330127") == "淳安县市场监督管理局"
    assert authority_name("330000") == "浙江省市场监督管理局"


def test_every_rule_is_cited_and_dated() -> None:
    for key, basis in rules().items():
        assert basis.instrument and basis.article and basis.effective_from, key
        assert basis.verified, key  # all taken from texts REFERENCE marks ✔T
