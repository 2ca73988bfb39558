"""Checks of the two national identifiers a party carries.

A 统一社会信用代码 (GB 32100-2015) identifies an organisation or an individual business; a
公民身份号码 (GB 11643-1999) identifies a natural person. Both end in a check character, and a
wrong one on a served document is a defect a court will notice, so they are checked with
python-stdnum on the way in and the officer is told, in Chinese, which field is wrong and how.
"""

from __future__ import annotations

import re

from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric, uscc

from .errors import ValidationError


def normalize_uscc(value: str, field: str = "uscc") -> str:
    """Return the 18-character 统一社会信用代码 in upper case, or raise naming ``field``."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError(field, "统一社会信用代码不能为空。")
    try:
        return str(uscc.validate(raw))
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            field, f"统一社会信用代码应为18位，现为{len(uscc.compact(raw))}位：{raw}"
        ) from None
    except stdnum_errors.InvalidChecksum:
        expected = uscc.calc_check_digit(uscc.compact(raw)[:17])
        raise ValidationError(
            field, f"统一社会信用代码校验位错误：{raw}（按前17位计算，校验位应为 {expected}）。"
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            field, f"统一社会信用代码格式错误：{raw}（只能含数字和除 I、O、Z、S、V 外的大写字母）。"
        ) from None


def normalize_ric(value: str, field: str = "id_number") -> str:
    """Return the 18-character 公民身份号码 (check character ``X`` upper case), or raise."""
    raw = (value or "").strip()
    if not raw:
        raise ValidationError(field, "公民身份号码不能为空。")
    try:
        return str(ric.validate(raw))
    except stdnum_errors.InvalidLength:
        raise ValidationError(
            field, f"公民身份号码应为18位，现为{len(ric.compact(raw))}位：{raw}"
        ) from None
    except stdnum_errors.InvalidChecksum:
        compact = ric.compact(raw)
        expected = ric.calc_check_digit(compact[:17] + "0")
        raise ValidationError(
            field, f"公民身份号码校验位错误：{raw}（按前17位计算，末位应为 {expected}）。"
        ) from None
    except stdnum_errors.InvalidComponent:
        compact = ric.compact(raw)
        try:
            ric.get_birth_date(compact)
        except stdnum_errors.ValidationError:
            raise ValidationError(field, f"公民身份号码中的出生日期无效：{raw}") from None
        raise ValidationError(
            field,
            f"公民身份号码前6位（{compact[:6]}）在出生年份{compact[6:10]}年不是有效的行政区划代码：{raw}",
        ) from None
    except stdnum_errors.ValidationError:
        raise ValidationError(field, f"公民身份号码格式错误：{raw}") from None


_RIC_PATTERN = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")


def mask_ric(value: str | None) -> str:
    """``110105********1234``: the region and the last four shown, the birth date hidden.

    How a 公民身份号码 appears outside the party record (lists, search results, the timeline's
    snapshots, the 台账, statistics, logs).
    """
    if not value:
        return ""
    text = value.strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def mask_rics_in(text: str) -> str:
    """Mask every 18-character 公民身份号码 found in free text (log lines, summaries)."""
    return _RIC_PATTERN.sub(lambda m: m.group(1) + "*" * 8 + m.group(3)[-4:], text)
