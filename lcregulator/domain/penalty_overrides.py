"""A province's override file: its own hearing thresholds and discretion bands.

行政处罚法 Art 34 makes the published provincial 裁量基准 the rule officers apply, and 听证办法
Art 5(2) lets a province set its own hearing amounts for fines (item 3) and for confiscation
(item 4), and a province may say whether a 个体工商户 is fined and heard as a natural person; the national defaults shipped with the
application give way to a file like this, loaded by an administrator::

    {"name": "浙江省市场监督管理行政处罚裁量基准（2024）",
     "hearing_thresholds": {"natural_person": 10000, "organization": 100000},
     "confiscation_thresholds": {"natural_person": 10000, "organization": 100000},
     "individual_business_as": "natural_person",
     "bands": {"从轻": [0.0, 0.3], "一般": [0.3, 0.7], "从重": [0.7, 1.0]}}
"""

from __future__ import annotations

from decimal import Decimal

from .errors import ValidationError
from .lawdata import LawDataError, check_keys, loads
from .penalty import Overrides

BANDS = ("从轻", "一般", "从重")


def parse_overrides(text: str, name: str) -> Overrides:
    try:
        data = loads(text, name)
        check_keys(
            data,
            name,
            ["name"],
            ["hearing_thresholds", "confiscation_thresholds", "individual_business_as", "bands"],
        )
    except LawDataError as exc:
        raise ValidationError("overrides", f"裁量基准文件有误：{exc}") from None
    thresholds = _amounts(data, "hearing_thresholds")
    seizures = _amounts(data, "confiscation_thresholds")
    individual = data.get("individual_business_as")
    if individual not in (None, "natural_person", "organization"):
        raise ValidationError(
            "individual_business_as", "个体工商户应按 natural_person 或 organization 计算。"
        )
    bands = None
    if "bands" in data:
        raw = data["bands"]
        if not isinstance(raw, dict) or set(raw) != set(BANDS):
            raise ValidationError("bands", "裁量幅度须包含从轻、一般、从重三档。")
        bands = {}
        for key in BANDS:
            pair = raw[key]
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(v, int | float) for v in pair)
                or not 0 <= pair[0] <= pair[1] <= 1
            ):
                raise ValidationError(f"bands.{key}", f"“{key}”应为 [起点, 终点]，取值 0 至 1。")
            bands[key] = (float(pair[0]), float(pair[1]))
    if not isinstance(data["name"], str) or not data["name"].strip():
        raise ValidationError("name", "请写明裁量基准的名称和文号。")
    return Overrides(
        name=data["name"].strip(),
        hearing_thresholds=thresholds,
        bands=bands,
        confiscation_thresholds=seizures,
        individual_business_as=individual,
    )


def _amounts(data: dict[str, object], key: str) -> dict[str, Decimal] | None:
    """听证办法 Art 5(2): a province's own amounts for items (3) (fines) and (4) (confiscation)."""
    if key not in data:
        return None
    raw = data[key]
    if not isinstance(raw, dict) or set(raw) - {"natural_person", "organization"}:
        raise ValidationError(key, "听证标准只能设 natural_person 和 organization。")
    out = {}
    for who, value in raw.items():
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value < 1e12:
            raise ValidationError(f"{key}.{who}", "听证标准金额应为正数。")
        out[who] = Decimal(str(value))
    return out
