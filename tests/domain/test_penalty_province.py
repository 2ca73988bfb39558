"""A province's own amounts (听证办法 Art 5(2)) and its reading of 个体工商户 (issue 13, 1 and 8)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.penalty import Facts, PenaltyInput, assess
from lcregulator.domain.penalty_overrides import parse_overrides

PROVINCE = parse_overrides(
    '{"name": "某省听证标准", "confiscation_thresholds": {"natural_person": 20000},'
    ' "individual_business_as": "organization"}',
    "province.json",
)


def price_marking(party: str, gains: str) -> PenaltyInput:
    return PenaltyInput(
        provision="M60/price-marking",
        party_type=party,
        act_date=dt.date(2026, 3, 1),
        discovery_date=dt.date(2026, 3, 10),
        decision_date=dt.date(2026, 6, 1),
        facts=Facts(illegal_gains=Decimal(gains)),
        proposed_fine=Decimal(0),
    )


def test_a_province_raises_the_confiscation_amount_for_a_natural_person() -> None:
    assert assess(price_marking("natural_person", "10000")).hearing_right
    assert not assess(price_marking("natural_person", "10000"), PROVINCE).hearing_right
    assert assess(price_marking("natural_person", "20000"), PROVINCE).hearing_right


def test_a_province_that_treats_individual_businesses_as_units() -> None:
    national = assess(price_marking("individual_business", "10000"))
    assert national.hearing_right and not national.verified  # 民法典 Art 54, unverified
    provincial = assess(price_marking("individual_business", "10000"), PROVINCE)
    assert not provincial.hearing_right  # 100,000 for a unit
    assert any("某省听证标准" in w for w in provincial.warnings)


def test_a_bad_province_file_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        parse_overrides('{"name": "x", "confiscation_thresholds": {"organization": 0}}', "f")
    assert info.value.field == "confiscation_thresholds.organization"
    with pytest.raises(ValidationError) as info:
        parse_overrides('{"name": "x", "individual_business_as": "person"}', "f")
    assert info.value.field == "individual_business_as"
