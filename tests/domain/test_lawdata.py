"""Law data is loaded strictly: a typo must never pass silently."""

from __future__ import annotations

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.lawdata import LawDataError, check_keys, loads, parse_date
from lcregulator.domain.penalty import data as penalty_data
from lcregulator.domain.penalty_overrides import parse_overrides


def test_duplicate_keys_name_the_file() -> None:
    with pytest.raises(LawDataError, match=r"penalties\.json: duplicate key 'min'"):
        loads('{"min": 1, "min": 2}', "penalties.json")


def test_unknown_and_missing_keys_and_bad_dates() -> None:
    with pytest.raises(LawDataError, match=r"unknown keys \['maxx'\]"):
        check_keys({"min": 1, "maxx": 2}, "x.json: rules.M59", ["min"])
    with pytest.raises(LawDataError, match=r"missing \['max'\]"):
        check_keys({"min": 1}, "x.json", ["min", "max"])
    with pytest.raises(LawDataError, match="bad date '2026-02-30'"):
        parse_date("2026-02-30", "x.json: from")


def test_shipped_penalty_data_loads_and_every_citation_resolves() -> None:
    d = penalty_data()
    for key, rule in d["rules"].items():
        for version in rule["versions"]:
            for ref in version["applied"]:
                assert ref[0] in d["instruments"], key


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('{"name": "x", "bands": {"从轻": [0, 0.3]}}', "bands"),
        (
            '{"name": "x", "hearing_thresholds": {"natural_person": -1}}',
            "hearing_thresholds.natural_person",
        ),
        ('{"name": "x", "typo": 1}', "overrides"),
        ('{"name": ""}', "name"),
    ],
)
def test_bad_override_files_are_refused_naming_the_field(text: str, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_overrides(text, "province.json")
    assert info.value.field == field


def test_same_act_charged_twice_is_warned() -> None:
    import datetime as dt

    from lcregulator.domain.cases import Violation
    from lcregulator.domain.penalty import same_act_warnings

    a = Violation("M62-1/promotion", "宣称普通食品治疗糖尿病", act_start=dt.date(2026, 3, 1))
    b = Violation("M62-1/advertising", "宣称普通食品治疗糖尿病", act_start=dt.date(2026, 3, 1))
    c = Violation("M57", "未公示营业执照", act_start=dt.date(2026, 3, 1))
    [warning] = same_act_warnings(0, [a, b, c])
    assert "第二十九条" in warning and "M62-1/advertising" in warning
    assert same_act_warnings(2, [a, b, c]) == []
