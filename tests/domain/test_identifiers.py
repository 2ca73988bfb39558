"""统一社会信用代码 and 公民身份号码 checks: the Chinese message names the field and the fix."""

from __future__ import annotations

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.identifiers import normalize_ric, normalize_uscc
from tests.samples import RIC_MARKETER, RIC_X, USCC_ROOM


def test_valid_uscc_is_normalised_to_upper_case() -> None:
    assert normalize_uscc(" " + USCC_ROOM.lower() + " ") == USCC_ROOM


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (USCC_ROOM[:-1] + "5", "校验位错误"),
        (USCC_ROOM[:-1] + "5", "校验位应为 4"),
        (USCC_ROOM[:-2], "应为18位，现为16位"),
        ("", "不能为空"),
        ("91330106MA27XW1YI4", "格式错误"),  # I is not in the character set
    ],
)
def test_invalid_uscc_names_field_and_problem(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_uscc(value, "party.uscc")
    assert info.value.field == "party.uscc"
    assert fragment in info.value.message


def test_valid_ric_including_x() -> None:
    assert normalize_ric(RIC_MARKETER) == RIC_MARKETER
    assert normalize_ric(RIC_X.lower()) == RIC_X


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("330106199001011249", "校验位错误"),
        ("330106199001011249", "末位应为 8"),
        ("33010619900101124", "应为18位，现为17位"),
        ("330106199013011245", "出生日期无效"),  # month 13
        ("330110198506150024", "在出生年份1985年不是有效的行政区划代码"),  # 余杭区 dates from 2001
    ],
)
def test_invalid_ric_names_field_and_problem(value: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_ric(value, "party.id_number")
    assert info.value.field == "party.id_number"
    assert fragment in info.value.message
