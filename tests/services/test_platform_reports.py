"""Art 9 identity reports: import (all or nothing, duplicates, periods, foreign headers), look-up,
missing reports, Art 48 sharing and 一案三查, on generated report files."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from lcregulator.domain.cases import Case, CaseParty, ClueSource
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyKind,
    PartyRole,
    Place,
)
from lcregulator.domain.platform_reports import RowType, mask_id
from lcregulator.persistence.report_rows import ReportAccountRow, ReportRecordRow
from lcregulator.persistence.rows import EventRow
from lcregulator.services import cases, parties
from lcregulator.services import platform_reports as reports
from lcregulator.services.context import AppContext
from tests import report_samples as samples


def _count(ctx: AppContext, table: type) -> int:
    with ctx.unit_of_work() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(table)) or 0)


def test_every_kind_of_bad_row_is_named_and_nothing_is_imported(
    configured: AppContext, tmp_path: Path
) -> None:
    body = list(samples.rows(6)) + [bad for _, bad, _, _ in samples.BAD_ROWS]
    path = samples.write_csv(tmp_path / "bad.csv", body)
    result = reports.import_report(configured, path, platform="抖音", period="2026-07")
    assert result.rows == 6 + len(samples.BAD_ROWS)
    assert result.imported == 0 and result.report_id is None
    by_row = {(p.row, p.field): p.message for p in result.rejected}
    for i, (label, _, field, words) in enumerate(samples.BAD_ROWS):
        row_no = 2 + 6 + i  # header is row 1
        assert (row_no, field) in by_row, (label, by_row)
        assert words in by_row[(row_no, field)], (label, by_row[(row_no, field)])
    assert _count(configured, ReportRecordRow) == 0
    assert _count(configured, ReportAccountRow) == 0
    # accepting the valid rows imports exactly those
    accepted = reports.import_report(
        configured, path, platform="抖音", period="2026-07", accept_valid=True
    )
    assert accepted.imported == 6 and accepted.rejected_rows == len(samples.BAD_ROWS)
    assert _count(configured, ReportRecordRow) == 6


def test_duplicate_rows_and_same_file_twice_are_refused(
    configured: AppContext, tmp_path: Path
) -> None:
    body = [*list(samples.rows(3)), samples.row(1)]
    path = samples.write_csv(tmp_path / "dup.csv", body)
    result = reports.import_report(configured, path, platform="快手", period="2026-01")
    assert [(p.row, p.field) for p in result.rejected] == [(5, "身份证件号码")]
    assert "与第3行重复" in result.rejected[0].message
    clean = samples.write_csv(tmp_path / "clean.csv", list(samples.rows(3)))
    assert reports.import_report(configured, clean, platform="快手", period="2026-01").imported == 3
    with pytest.raises(ValidationError) as refused:
        reports.import_report(configured, clean, platform="快手", period="2026-01")
    assert refused.value.field == "file" and "不能重复导入" in refused.value.message
    with pytest.raises(ValidationError) as period:
        reports.import_report(configured, clean, platform="快手", period="2026-03")
    assert period.value.field == "period"


def test_later_period_supersedes_without_erasing_history(
    configured: AppContext, tmp_path: Path
) -> None:
    first = samples.row(1)  # unregistered room operator, Beijing
    later = list(first)
    later[4] = "江苏省南京市鼓楼区中山路8号"
    reports.import_report(
        configured,
        samples.write_csv(tmp_path / "a.csv", [first]),
        platform="抖音",
        period="2026-01",
    )
    reports.import_report(
        configured,
        samples.write_csv(tmp_path / "b.csv", [later]),
        platform="抖音",
        period="2026-07",
    )
    found = reports.find(configured, "solo1")
    assert [(r.period, r.current, r.region) for r in found] == [
        ("2026-07", True, "320106"),
        ("2026-01", False, "110105"),
    ]
    assert found[0].identifier == mask_id(first[3]) and "*" in found[0].identifier
    profile = reports.open_record(configured, found[0].id)
    assert profile.record.identifier == first[3]  # opened: unmasked
    assert [a[2] for a in profile.addresses] == [first[4], later[4]]
    with configured.unit_of_work() as uow:
        actions = uow.session.scalars(select(EventRow.action)).all()
    assert actions.count("reports.lookup") == 1 and actions.count("reports.opened") == 1
    assert first[3] not in str(
        [e.summary for e in uow.session.scalars(select(EventRow))] if False else ""
    )


def test_look_up_by_account_name_id_and_uscc(configured: AppContext, tmp_path: Path) -> None:
    body = list(samples.rows(3))
    reports.import_report(
        configured, samples.write_csv(tmp_path / "r.csv", body), platform="抖音", period="2026-07"
    )
    reports.import_report(
        configured,
        samples.write_csv(tmp_path / "k.csv", [body[2]]),
        platform="快手",
        period="2026-07",
    )
    assert [r.name for r in reports.find(configured, "shop0")] == ["某电子商务有限公司0"]
    assert [r.type for r in reports.find(configured, body[0][2].lower())] == [
        RowType.ROOM_REGISTERED
    ]
    marketer = reports.find(configured, body[2][3])
    assert {r.platform for r in marketer} == {"抖音", "快手"}
    assert all(r.agency == "杭州某文化传媒有限公司" for r in marketer)
    assert reports.find(configured, "主播2")[0].identifier.startswith("440305********")
    assert reports.find(configured, "nobody") == []
    profile = reports.open_record(configured, marketer[0].id)
    assert set(profile.platforms) == {"抖音", "快手"}
    assert profile.agencies == ["杭州某文化传媒有限公司"]


def test_foreign_headers_are_mapped_and_remembered(configured: AppContext, tmp_path: Path) -> None:
    foreign = ["主体类别", "主体名称", "信用代码", "证件号", "经营地址", "电话", "账号ID", "MCN"]
    mapping = {
        "主体类别": "type",
        "主体名称": "name",
        "信用代码": "uscc",
        "证件号": "id_number",
        "经营地址": "address",
        "电话": "contact",
        "账号ID": "accounts",
        "MCN": "agency",
    }
    body = [r[:8] for r in samples.rows(3)]
    path = samples.write_csv(tmp_path / "f.csv", body, header=foreign)
    with pytest.raises(ValidationError) as missing:
        reports.import_report(configured, path, platform="淘宝直播", period="2026-07")
    assert "缺少以下列" in missing.value.message and "类型" in missing.value.message
    assert reports.read_headers(path) == foreign
    reports.remember_mapping(configured, "淘宝直播", mapping)
    result = reports.import_report(configured, path, platform="淘宝直播", period="2026-07")
    assert result.imported == 3
    # a bad row names the header as the platform wrote it
    bad = [list(body[0])]
    bad[0][2] = "91330106MA27XW1Y15"
    again = samples.write_csv(tmp_path / "g.csv", bad, header=foreign)
    rejected = reports.import_report(configured, again, platform="淘宝直播", period="2026-01")
    assert [p.field for p in rejected.rejected] == ["信用代码"]


def test_xlsx_with_two_sheets(configured: AppContext, tmp_path: Path) -> None:
    path = samples.write_xlsx(
        tmp_path / "r.xlsx",
        {"第一部分": list(samples.rows(4)), "第二部分": list(samples.rows(2, start=4))},
    )
    result = reports.import_report(configured, path, platform="抖音", period="2026-07")
    assert (result.rows, result.imported, result.rejected) == (6, 6, [])
    bad = list(samples.rows(2, start=10))
    bad[1][0] = "主播"
    path2 = samples.write_xlsx(tmp_path / "s.xlsx", {"A": list(samples.rows(2, 20)), "B": bad})
    rejected = reports.import_report(configured, path2, platform="抖音", period="2026-01")
    assert [(p.row, p.field) for p in rejected.rejected] == [(3, "类型")]
    assert "工作表“B”" in rejected.rejected[0].message
    # the same person on two sheets is a duplicate too, named with the sheet it first appeared on
    path3 = samples.write_xlsx(
        tmp_path / "t.xlsx", {"甲": list(samples.rows(3, 30)), "乙": [samples.row(31)]}
    )
    twice = reports.import_report(configured, path3, platform="快手", period="2026-01")
    assert [(p.row, p.field) for p in twice.rejected] == [(2, "身份证件号码")]
    assert "与工作表“甲”第3行重复" in twice.rejected[0].message


def test_missing_reports_and_one_step_clue(configured: AppContext, tmp_path: Path) -> None:
    reports.save_platform(
        configured,
        reports.Platform("抖音", "110105", listed_since=dt.date(2026, 1, 1)),
    )
    reports.save_platform(
        configured, reports.Platform("快手", "110108", listed_since=dt.date(2026, 1, 1))
    )
    reports.import_report(
        configured,
        samples.write_csv(tmp_path / "r.csv", list(samples.rows(3))),
        platform="快手",
        period="2026-07",
    )
    missing = reports.missing_reports(configured, dt.date(2026, 11, 20))
    assert [(m.platform, m.period) for m in missing] == [("抖音", "2026-07")]
    assert "第九条" in missing[0].basis and "第五十三条" in missing[0].basis
    # a platform listed after the deadline is not (yet) missing
    assert reports.missing_reports(configured, dt.date(2026, 7, 31)) != missing
    case = reports.clue_for_missing_report(configured, missing[0].platform_id, "2026-07")
    assert case.source is ClueSource.MONITORING and "第九条" in case.summary
    party = parties.get_party(configured, case.parties[0].party_id)
    assert party.name == "抖音" and PartyRole.PLATFORM_OPERATOR in party.roles


def test_art48_split_by_province(configured: AppContext, tmp_path: Path) -> None:
    body = [samples.row(n, place=n % 3) for n in range(9)]  # 浙江, 北京, 广东 by turns
    reports.import_report(
        configured, samples.write_csv(tmp_path / "r.csv", body), platform="抖音", period="2026-07"
    )
    out = tmp_path / "share"
    files = reports.share_by_province(configured, out)
    assert [(f.province, f.rows) for f in files] == [("110000", 3), ("440000", 3)]
    for f in files:
        assert stat.S_IMODE(f.xlsx.stat().st_mode) == 0o600
        sheet = load_workbook(f.xlsx, read_only=True).worksheets[0]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0][:10] == samples.HEADER
        assert all(str(r[4]).startswith(f.province_name[:2]) for r in rows[1:])
        assert f.letter_pdf and f.letter_pdf.exists() and f.number.startswith("杭西市监共享〔")
        from pypdf import PdfReader

        text = "".join(p.extract_text() for p in PdfReader(f.letter_pdf).pages)
        assert f.province_name in text and "第四十八条" in text.replace(" ", "")
    # what another province sends is imported marked with its source
    beijing = files[0].xlsx
    result = reports.import_report(
        configured,
        beijing,
        platform="抖音",
        period="2026-07",
        source_authority="北京市市场监督管理局",
    )
    assert result.imported == 3
    listed = {r.source_authority for r in reports.list_reports(configured)}
    assert "北京市市场监督管理局" in listed


def _room_case(ctx: AppContext, tmp_path: Path) -> tuple[Case, list[list[str]]]:
    body = list(samples.rows(3))
    reports.import_report(
        ctx, samples.write_csv(tmp_path / "r.csv", body), platform="抖音", period="2026-07"
    )
    found = reports.find(ctx, "solo1")
    room = reports.party_from_record(ctx, found[0].id)
    case = cases.create_case(
        ctx,
        Case(
            title="个人店主1虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 1),
            authority_id=ctx.officer.authority_id,  # type: ignore[union-attr, arg-type]
            parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],  # type: ignore[arg-type]
        ),
    )
    return case, body


def test_party_from_record_fills_roles_links_and_business_place(
    configured: AppContext, tmp_path: Path
) -> None:
    reports.save_platform(configured, reports.Platform("抖音", "110105"))
    _room_case(configured, tmp_path)
    room = reports.find(configured, "solo1")[0]
    party = parties.search_parties(configured, "个人店主1")[0]
    assert party.kind is PartyKind.NATURAL_PERSON and party.channel is Channel.PLATFORM
    assert party.business_place == Place("110105", room.address)
    assert [(a.platform, a.account_id) for a in party.accounts] == [("抖音", "solo1")]
    platform = parties.search_parties(configured, "抖音")[0]
    assert PartyRole.PLATFORM_OPERATOR in platform.roles
    assert [(link.kind, link.target_id) for link in party.links] == [
        (LinkKind.ON_PLATFORM, platform.id)
    ]
    # a marketer streaming on that room's account is linked to the room
    reports.import_report(
        configured,
        samples.write_csv(
            tmp_path / "m.csv",
            [
                [
                    "直播营销人员",
                    "主播甲",
                    "",
                    samples.make_ric("330106", 5),
                    "浙江省杭州市西湖区1号",
                    "13900000000",
                    "solo1",
                    "",
                    "",
                    "",
                ]
            ],
        ),
        platform="抖音",
        period="2026-01",
    )
    marketer = reports.party_from_record(configured, reports.find(configured, "主播甲")[0].id)
    assert PartyRole.MARKETER in marketer.roles
    assert (LinkKind.APPEARS_FOR, party.id) in {(k.kind, k.target_id) for k in marketer.links}


def test_triple_check_prompts_answers_and_clue(configured: AppContext, tmp_path: Path) -> None:
    reports.save_platform(configured, reports.Platform("抖音", "110105"))
    # the marketer of row 2 works for an agency and streams on account room0
    case, _body = _room_case(configured, tmp_path)
    marketer = reports.party_from_record(configured, reports.find(configured, "主播2")[0].id)
    case.parties.append(CaseParty(marketer.id, PartyRole.MARKETER))  # type: ignore[arg-type]
    case = cases.update_case(configured, case)
    prompts = reports.triple_check(configured, case.id)  # type: ignore[arg-type]
    assert [(p.kind, p.name) for p in prompts] == [
        ("platform", "抖音"),
        ("agency", "杭州某文化传媒有限公司"),
    ]
    assert "第八条至第二十二条" in prompts[0].basis
    assert "第三十九条至第四十五条" in prompts[1].basis
    with pytest.raises(ValidationError):
        reports.record_triple_check(configured, case.id, "platform", "抖音", "not_checked")  # type: ignore[arg-type]
    reports.record_triple_check(
        configured, case.id, "platform", "抖音", "checked_ok", "已调取平台管理记录"
    )  # type: ignore[arg-type]
    clue = reports.triple_check_clue(configured, case.id, "agency", "杭州某文化传媒有限公司")  # type: ignore[arg-type]
    assert "第三十九条至第四十五条" in clue.summary
    answered = {
        p.name: (p.answer, p.clue_case_id) for p in reports.triple_check(configured, case.id)
    }  # type: ignore[arg-type]
    assert answered == {
        "抖音": ("checked_ok", None),
        "杭州某文化传媒有限公司": ("checked_issue", clue.id),
    }
    text = reports.triple_check_text(configured, case.id)  # type: ignore[arg-type]
    assert text and "抖音：已核查，未发现违法行为（已调取平台管理记录）" in text


def test_cancel_stores_nothing(configured: AppContext, tmp_path: Path) -> None:
    path = samples.write_csv(tmp_path / "big.csv", samples.rows(5000))
    with pytest.raises(reports.ImportCancelled):
        reports.import_report(
            configured, path, platform="抖音", period="2026-07", cancelled=lambda: True
        )
    assert _count(configured, ReportRecordRow) == 0
    seen: list[float] = []
    reports.import_report(configured, path, platform="抖音", period="2026-07", progress=seen.append)
    assert seen[-1] == 1.0 and _count(configured, ReportRecordRow) == 5000


def test_unused_account_party(configured: AppContext) -> None:
    """A party's own account names the platform even before any report arrives."""
    party = parties.save_party(
        configured,
        Party(
            kind=PartyKind.NATURAL_PERSON,
            name="王某",
            roles={PartyRole.ROOM_OPERATOR},
            channel=Channel.PLATFORM,
            domicile=Place("330106", ""),
            accounts=[LiveAccount("视频号", "wx01")],
        ),
    )
    case = cases.create_case(
        configured,
        Case(
            title="王某案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 11, 1),
            authority_id=configured.officer.authority_id,  # type: ignore[union-attr, arg-type]
            parties=[CaseParty(party.id, PartyRole.ROOM_OPERATOR)],  # type: ignore[arg-type]
        ),
    )
    assert [(p.kind, p.name) for p in reports.triple_check(configured, case.id)] == [  # type: ignore[arg-type]
        ("platform", "视频号")
    ]


def test_closure_approval_prints_the_triple_check(configured: AppContext, tmp_path: Path) -> None:
    import io

    from pypdf import PdfReader

    from lcregulator.documents.pdf import render_pdf
    from lcregulator.documents.template import render
    from lcregulator.services import documents

    reports.save_platform(configured, reports.Platform("抖音", "110105"))
    case, _ = _room_case(configured, tmp_path)
    reports.record_triple_check(
        configured,
        case.id,  # type: ignore[arg-type]
        "platform",
        "抖音",
        "not_checked",
        "平台住所地在外省，已函告",
    )
    context = documents.context(configured, cases.get_case(configured, case.id))  # type: ignore[arg-type]
    context |= {"result_text": "不予行政处罚", "execution_text": "无需执行"}
    context["ask"] = {"handler_opinion": "建议结案"}
    pdf = render_pdf(render("closure_approval", context))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "")
    assert "一案三查" in text and "抖音：未核查（平台住所地在外省，已函告）" in text.replace(
        "\n", ""
    )


def test_streaming_xlsx_reader_reads_what_calamine_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Very large sheets bypass calamine (which holds the whole sheet in memory); both readers
    must give the same cells: shared and inline strings, numbers, gaps, escapes, two sheets."""
    from openpyxl import Workbook

    from lcregulator.services import report_files

    book = Workbook()
    first = book.active
    first.title = "第一部分 & <甲>"
    first.append(samples.HEADER)
    for row in samples.rows(5):
        first.append(row)
    first.append(
        ["直播营销人员", "A&B “引号”", None, samples.make_ric("330106", 9), "地址", 13800000000]
    )
    first.cell(row=8, column=10, value=3.5)
    second = book.create_sheet("第二部分")
    second.append(samples.HEADER)
    second.append(samples.row(7))
    shared = book_path = tmp_path / "shared.xlsx"
    book.save(book_path)
    inline = samples.write_xlsx(tmp_path / "inline.xlsx", {"S": list(samples.rows(4))})

    def read(path: Path) -> list[tuple[str, list[list[str]]]]:
        out = []
        for sheet in report_files.open_sheets(path):
            rows = [r + [""] * (10 - len(r)) for r in sheet.rows]
            out.append((sheet.name, [r[:10] for r in rows]))
        return out

    for path in (shared, inline):
        by_calamine = read(path)
        monkeypatch.setattr(report_files, "CALAMINE_LIMIT", 0)
        streamed = read(path)
        monkeypatch.setattr(report_files, "CALAMINE_LIMIT", 10**12)
        assert streamed == by_calamine
    assert by_calamine[0][1][0] == samples.HEADER
    sheets = read(shared)
    assert sheets[0][0] == "第一部分 & <甲>"
    assert sheets[0][1][6][:6] == [
        "直播营销人员",
        "A&B “引号”",
        "",
        samples.make_ric("330106", 9),
        "地址",
        "13800000000",
    ]
