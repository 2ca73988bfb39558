"""案件台账 and 统计报表 read back: the spreadsheet against the register, the figures against
counts made independently from the generated data's own record of every case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pdfplumber
import pytest

from lcregulator.domain.cases import CaseStatus
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.reporting import (
    chinese_date_upper,
    chinese_numeral,
    mask_id_number,
    period_bounds,
)
from lcregulator.persistence.case_search import CaseQuery
from lcregulator.services import cases as case_service
from lcregulator.services import register, statistics
from lcregulator.services.context import AppContext
from tests.reporting_data import Truth, fill

START, END = dt.date(2025, 1, 1), dt.date(2025, 12, 31)


@pytest.fixture
def data(app_ctx: AppContext) -> Truth:
    return fill(app_ctx, 400)


def test_chinese_numbers_and_dates_as_the_model_forms_write_them() -> None:
    assert chinese_date_upper(dt.date(2026, 3, 2)) == "二〇二六年三月二日"
    assert chinese_date_upper(dt.date(2030, 12, 20)) == "二〇三〇年十二月二十日"
    assert chinese_date_upper(dt.date(2026, 10, 31)) == "二〇二六年十月三十一日"
    cases = {0: "〇", 7: "七", 10: "十", 15: "十五", 20: "二十", 30: "三十", 52: "五十二"}
    cases |= {100: "一百", 105: "一百〇五", 110: "一百一十", 1010: "一千〇一十"}
    cases |= {10000: "一万", 10086: "一万〇八十六", 23000: "二万三千"}
    for n, text in cases.items():
        assert chinese_numeral(n) == text, n


def test_id_numbers_keep_region_and_last_four_only() -> None:
    assert mask_id_number("110105198001011234") == "110105********1234"
    assert mask_id_number(None) == ""


def test_periods() -> None:
    assert period_bounds("month", 2026, 2) == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert period_bounds("quarter", 2026, 4) == (dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert period_bounds("year", 2025) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def test_register_xlsx_equals_the_register_and_hides_id_numbers(
    app_ctx: AppContext, data: Truth, tmp_path: Path
) -> None:
    query = CaseQuery(date_from=START, date_to=END)
    out = tmp_path / "台账.xlsx"
    result = register.export_register(app_ctx, out, query)
    shown = case_service.list_cases(app_ctx, query, limit=10_000)
    assert result.rows == len(shown) > 50

    wb = openpyxl.load_workbook(out)
    ws = wb["案件台账"]
    assert ws.freeze_panes == "A2"
    header = [c.value for c in ws[1]]
    assert header == [
        "立案编号", "案由", "当事人", "统一社会信用代码", "身份证号", "来源",
        "立案日期", "承办人", "阶段", "处罚种类", "罚没款金额", "结案日期",
    ]  # fmt: skip
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    # same cases, same order as the register window shows for the filter
    assert [r[1] for r in rows] == [s.title for s in shown]
    assert [r[0] or "" for r in rows] == [s.case_number for s in shown]
    truth = {c.title: c for c in data.cases}
    full_ids = {n for c in data.cases for n in c.id_numbers}
    masked_seen = 0
    for r in rows:
        t = truth[r[1]]
        assert r[2] == "、".join(t.party_names)
        assert (r[3] or "") == "、".join(dict.fromkeys(t.usccs))
        expected_ids = "、".join(dict.fromkeys(mask_id_number(n) for n in t.id_numbers))
        assert (r[4] or "") == expected_ids
        masked_seen += bool(r[4])
        assert r[7] == "、".join(t.officers)
        if t.filed_on:
            assert isinstance(r[6], dt.datetime) and r[6].date() == t.filed_on
        else:
            assert r[6] is None
        if t.closed_on:
            assert r[11].date() == t.closed_on
        amount = t.fine + t.confiscated
        if amount:
            assert isinstance(r[10], int | float) and Decimal(str(r[10])) == amount
        else:
            assert r[10] is None
        for cell in r:
            assert not any(n in str(cell) for n in full_ids)
    assert masked_seen > 5
    # widths fitted: the 案由 column is wider than the default and the header cell is bold
    assert ws.column_dimensions["B"].width > 10
    assert ws["A1"].font.bold


def test_register_one_sheet_per_year_and_status_filter(
    app_ctx: AppContext, data: Truth, tmp_path: Path
) -> None:
    out = tmp_path / "years.xlsx"
    query = CaseQuery(statuses=frozenset({CaseStatus.CLOSED}))
    result = register.export_register(app_ctx, out, query, per_year=True)
    closed = [c for c in data.cases if c.status == "closed"]
    assert result.rows == len(closed)
    wb = openpyxl.load_workbook(out)
    years = sorted({(c.filed_on or c.received_on).year for c in closed})
    assert wb.sheetnames == [f"{y}年" for y in years]
    for y in years:
        titles = {r[1] for r in wb[f"{y}年"].iter_rows(min_row=2, values_only=True)}
        assert titles == {c.title for c in closed if (c.filed_on or c.received_on).year == y}


def test_register_refuses_a_bad_target(app_ctx: AppContext, data: Truth, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        register.export_register(app_ctx, tmp_path / "x.csv")
    assert err.value.field == "out"
    with pytest.raises(ValidationError):
        register.export_register(app_ctx, tmp_path / "missing" / "x.xlsx")


def _within(d: dt.date | None) -> bool:
    return d is not None and START <= d <= END


def test_statistics_equal_independent_counts(app_ctx: AppContext, data: Truth) -> None:
    stats = statistics.statistics(app_ctx, START, END).as_json()
    received = [c for c in data.cases if _within(c.received_on)]
    cases = stats["cases"]
    assert cases["received"] == len(received)
    assert cases["filed"] == sum(_within(c.filed_on) for c in data.cases)
    assert cases["closed"] == sum(_within(c.closed_on) for c in data.cases)
    assert cases["not_filed"] == sum(_within(c.declined_on) for c in data.cases)
    for status in {c.status for c in received}:
        assert cases["by_stage"][status] == sum(c.status == status for c in received)
    assert sum(cases["by_stage"].values()) == len(received)
    for source in {c.source for c in received}:
        assert cases["by_source"][source] == sum(c.source == source for c in received)
    provisions = {p for c in received for p in c.provisions}
    assert set(cases["by_provision"]) == provisions
    for p in provisions:
        assert cases["by_provision"][p] == sum(p in c.provisions for c in received)
    for role in ("platform_operator", "room_operator", "marketer", "service_agency"):
        assert cases["by_party_role"][role] == sum(role in c.party_roles for c in received)

    decided = [c for c in data.cases if _within(c.decided_on)]
    assert Decimal(str(stats["fines"]["decided"])) == sum(c.fine for c in decided)
    collected = sum(a for c in data.cases for d, a in c.payments if _within(d))
    assert Decimal(str(stats["fines"]["collected"])) == collected
    assert Decimal(str(stats["confiscated"])) == sum(c.confiscated for c in decided)

    assert stats["referrals"] == sum(c.indicated for c in received)
    by = stats["referrals_by_outcome"]
    assert by["transferred"] == sum(_within(c.transferred_on) for c in data.cases)
    assert by["accepted"] == sum(
        c.police == "accepted" and _within(c.police_on) for c in data.cases
    )
    summons = [s for s in data.summons if _within(s[2])]
    assert stats["summons"] == len(summons)
    for outcome in ("rectified", "partly", "not_rectified"):
        assert stats["summons_by_outcome"].get(outcome, 0) == sum(s[3] == outcome for s in summons)
    assert stats["summons_by_outcome"].get("pending", 0) == sum(s[3] is None for s in summons)
    assert stats["overdue"] == sum(
        c.next_deadline_on is not None and c.next_deadline_on < END for c in data.cases
    )
    assert stats["period"] == {"from": "2025-01-01", "to": "2025-12-31"}


def test_every_figure_lists_its_cases(app_ctx: AppContext, data: Truth) -> None:
    stats = statistics.statistics(app_ctx, START, END)
    listed = statistics.cases_behind(app_ctx, stats, "cases.filed")
    assert {c.title for c in listed} == {c.title for c in data.cases if _within(c.filed_on)}
    closed = statistics.cases_behind(app_ctx, stats, "cases.by_stage.closed")
    assert all(c.status is CaseStatus.CLOSED and _within(c.received_on) for c in closed)


def test_statistics_pdf_has_the_figures(app_ctx: AppContext, data: Truth, tmp_path: Path) -> None:
    stats = statistics.statistics(app_ctx, START, END)
    out = statistics.write_report(app_ctx, stats, tmp_path / "报表.pdf")
    with pdfplumber.open(out) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
        drawn = sum(len(p.rects) for p in pdf.pages)
    assert "直播电商案件统计报表" in text
    assert "二〇二五年一月一日至二〇二五年十二月三十一日" in text
    assert "立案" in text and str(stats.n("cases.filed")) in text
    assert drawn > 20  # the bars of the charts


def test_default_period_is_this_year_to_date(app_ctx: AppContext, data: Truth) -> None:
    stats = statistics.statistics(app_ctx)
    assert (stats.start, stats.end) == (dt.date(2026, 1, 1), dt.date(2026, 11, 20))
    with pytest.raises(ValidationError):
        statistics.statistics(app_ctx, END, START)
