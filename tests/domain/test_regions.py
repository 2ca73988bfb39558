"""GB/T 2260 region table: look-up, hierarchy, validation of region fields."""

from __future__ import annotations

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.regions import RegionLevel, regions


def test_table_has_every_province_and_the_county_count_of_the_source() -> None:
    table = regions()
    provinces = [r for r in table if r.level is RegionLevel.PROVINCE]
    assert len(provinces) == 34
    assert sum(1 for r in table if r.level is RegionLevel.COUNTY and r.current) == 2845


def test_lookup_by_code_gives_full_name_and_chain() -> None:
    table = regions()
    assert table.full_name("330106") == "浙江省杭州市西湖区"
    assert [r.code for r in table.chain("330106")] == ["330000", "330100", "330106"]


def test_county_directly_under_province() -> None:
    assert regions().full_name("419001") == "河南省济源市"


def test_containment_for_competence() -> None:
    table = regions()
    assert table.contains("330000", "330106")
    assert table.contains("330100", "330106")
    assert table.contains("330106", "330106")
    assert not table.contains("330108", "330106")
    assert not table.contains("310000", "330106")


def test_lookup_by_name() -> None:
    hits = regions().find("西湖区")
    assert [h.code for h in hits[:2]] == ["330106", "360103"]
    assert regions().find("   ") == []


def test_recent_changes_are_reflected() -> None:
    table = regions()
    assert table.get("330103") is None  # 下城区, abolished 2021
    assert table.get("330113").name == "临平区"  # type: ignore[union-attr]
    former = table.get("330283")  # 奉化市 → 奉化区 330213
    assert former is not None and not former.current


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("33010", "6位数字"),
        ("33O106", "6位数字"),
        ("330199", "不在国家行政区划代码表"),
        ("", "不能为空"),
    ],
)
def test_invalid_region_names_field(code: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        regions().validate(code, "party.domicile.region")
    assert info.value.field == "party.domicile.region"
    assert fragment in info.value.message


def test_optional_region_may_be_empty() -> None:
    assert regions().validate(None, "party.business_place.region", required=False) is None
