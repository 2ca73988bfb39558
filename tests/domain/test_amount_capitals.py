"""Amounts in capitals as the accounting standard writes them, with its worked examples.

《会计基础工作规范》(财会字〔1996〕19号) Art 52(3): an amount ending at 元 or 角 takes 整 after
it; one with 分 takes none. 《支付结算办法》附件一: 零 for zeros inside the figure (one for a
run), 零 after 元 when the 角 is zero and the 分 is not; the 人民币 prefix.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from lcregulator.domain.formatting import amount_text, rmb_upper


@pytest.mark.parametrize(
    ("figure", "capitals"),
    [
        # the issue's own example
        ("185000", "人民币壹拾捌万伍仟元整"),
        # worked examples printed with the standard's rule (元 / 角 → 整; 分 → none)
        ("532.00", "人民币伍佰叁拾贰元整"),
        ("101.50", "人民币壹佰零壹元伍角整"),
        ("425.03", "人民币肆佰贰拾伍元零叁分"),
        ("289546.52", "人民币贰拾捌万玖仟伍佰肆拾陆元伍角贰分"),
        ("1004.56", "人民币壹仟零肆元伍角陆分"),
        ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
        ("0.50", "人民币伍角整"),
        ("0.05", "人民币伍分"),
        ("86400", "人民币捌万陆仟肆佰元整"),
        ("100000", "人民币壹拾万元整"),
        ("1000000", "人民币壹佰万元整"),
        ("2000000.5", "人民币贰佰万元伍角整"),
        ("10", "人民币壹拾元整"),
        ("0", "人民币零元整"),
    ],
)
def test_capitals_follow_the_accounting_standard(figure: str, capitals: str) -> None:
    assert rmb_upper(Decimal(figure)) == capitals


def test_a_document_amount_carries_figures_and_capitals() -> None:
    assert amount_text(Decimal("185000")) == "185,000元（人民币壹拾捌万伍仟元整）"
    assert amount_text(Decimal("1234.5")) == "1,234.50元（人民币壹仟贰佰叁拾肆元伍角整）"
    assert amount_text(Decimal("1234.56")) == "1,234.56元（人民币壹仟贰佰叁拾肆元伍角陆分）"
