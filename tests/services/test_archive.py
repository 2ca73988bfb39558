"""归档 read back: the 卷宗's 目录 against the issued documents, pages numbered 1…N, the case
read-only afterwards, the kept volume checked against its SHA-256."""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.errors import DomainError, ReadOnlyError
from lcregulator.persistence.paths import Paths
from lcregulator.services import (
    archive,
    cases,
    documents,
    evidence,
    integrity,
    sample_case,
    workflow,
)
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock

CASE = CaseId(1)


@pytest.fixture(scope="module")
def closed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample case run to 结案 once (it issues some twenty documents); copied per test."""
    home = tmp_path_factory.mktemp("sample")
    ctx = _context(home)
    out = home / "out"
    out.mkdir()
    sample_case._run(ctx, out)
    ctx.database.dispose()
    return home


def _context(home: Path) -> AppContext:
    return open_context(
        paths=Paths(home),
        url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}",
        clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
    )


@pytest.fixture
def ctx(closed_home: Path, tmp_path: Path) -> Iterator[AppContext]:
    import shutil

    home = tmp_path / "home"
    shutil.copytree(closed_home, home)
    context = _context(home)
    from lcregulator.services import setup

    authority = setup.our_authority(context)
    assert authority is not None and authority.id is not None
    context.officer = setup.list_officers(context, authority.id)[0]  # 张三, a handler
    yield context
    context.database.dispose()


def _texts(pdf: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages]


def test_archive_binds_every_issued_document_with_its_first_page(ctx: AppContext) -> None:
    assert cases.get_case(ctx, CASE).status is CaseStatus.CLOSED
    issued = archive.procedural_order(documents.issued(ctx, CASE))
    assert len(issued) >= 15
    case, change, volume = archive.archive_case(ctx, CASE, "永久")
    assert case.status is CaseStatus.ARCHIVED and change.after is CaseStatus.ARCHIVED
    data = volume.path.read_bytes()
    texts = _texts(data)
    assert len(texts) == volume.pages
    # every page numbered through at the top right, 1…N
    for n, text in enumerate(texts, start=1):
        assert f"第{n}页" in text, n
    # 封面: Chinese dates as the model forms write them
    cover = texts[0]
    assert "行政处罚案卷" in cover and "杭州市西湖区市场监督管理局" in cover
    assert "二〇二六年三月九日" in cover.replace(" ", "")  # 立案日期
    assert "二〇二六年六月十二日" in cover.replace(" ", "")  # 结案日期
    assert "永久" in cover and volume.volume_number in cover
    assert f"共{_cn(volume.pages)}页" in cover.replace(" ", "")
    # 目录: each document with its 文号 and the page where it really starts
    toc = _toc(data)
    assert [r[2] for r in toc] == [d.title for d in issued] + ["证据清单", "卷内备考表"]
    assert [r[1] for r in toc[: len(issued)]] == [d.number or "—" for d in issued]
    assert [r[0] for r in toc] == [str(i) for i in range(1, len(toc) + 1)]
    firsts = [int(r[4]) for r in toc]
    reader_pages = len(texts)
    for doc, first, nxt in zip(issued, firsts, firsts[1:], strict=False):
        own = PdfReader(documents.store_path(ctx, doc.pdf_sha256, ".pdf")).pages
        assert nxt - first == len(own), doc.title
        start = texts[first - 1]
        # the document keeps its own page number "— 1 —" and its title is on its first page
        assert "1" in start and _compact(doc.title)[:4] in _compact(start), doc.title
    assert "证据清单" in texts[firsts[-2] - 1]
    assert "卷内备考表" in texts[firsts[-1] - 1] and firsts[-1] == reader_pages
    assert "本卷共有文件材料" in texts[-1]


def _toc(data: bytes) -> list[list[str]]:
    """The 目录's rows as pdfplumber reads its ruled table (序号, 文号, 题名, 日期, 页号)."""
    rows: list[list[str]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages[1:5]:
            if "卷内文件目录" not in (page.extract_text() or "") and not rows:
                continue
            for table in page.extract_tables():
                for row in table:
                    cells = [_compact(c or "") for c in row]
                    if cells[0] != "序号":
                        rows.append(cells)
            if "卷内备考表" in [r[2] for r in rows]:
                break
    return rows


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _cn(n: int) -> str:
    from lcregulator.domain.reporting import chinese_numeral

    return chinese_numeral(n)


def test_archived_case_refuses_every_write(ctx: AppContext, tmp_path: Path) -> None:
    archive.archive_case(ctx, CASE)
    stored = cases.get_case(ctx, CASE)
    stored.summary = "改动"
    with pytest.raises(ReadOnlyError, match="已归档"):
        cases.update_case(ctx, stored)
    with pytest.raises(ReadOnlyError, match="已归档"):
        documents.issue(ctx, CASE, "inquiry_notice")
    sample = tmp_path / "new.txt"
    sample.write_text("x")
    with pytest.raises(ReadOnlyError, match="已归档"):
        evidence.add_evidence_file(ctx, CASE, sample)
    with pytest.raises(ReadOnlyError):
        workflow.apply(ctx, CASE, "record_publicity", dt.date(2026, 6, 19))
    with pytest.raises(DomainError, match="已经归档"):
        archive.archive_case(ctx, CASE)


def test_only_a_closed_case_is_archived(ctx: AppContext) -> None:
    referral = next(c for c in cases.list_cases(ctx) if c.status is not CaseStatus.CLOSED)
    with pytest.raises(DomainError, match="结案后方可归档"):
        archive.archive_case(ctx, referral.id)
    assert archive.kept_volume(ctx, referral.id) is None


def test_kept_volume_is_exported_and_verified(ctx: AppContext, tmp_path: Path) -> None:
    _, _, volume = archive.archive_case(ctx, CASE)
    out = tmp_path / "卷宗.pdf"
    exported = archive.export_volume(ctx, CASE, out)
    assert out.read_bytes() == volume.path.read_bytes() and exported.sha256 == volume.sha256
    assert archive.verify_archives(ctx) == []
    # the volume is a file some row names: no orphan for verify --repair to quarantine
    assert not [o for o in integrity.find_orphans(ctx) if volume.sha256 in o.path]
    volume.path.write_bytes(volume.path.read_bytes() + b"%tampered")
    problems = archive.verify_archives(ctx)
    assert [p["kind"] for p in problems] == ["archive"]
    with pytest.raises(DomainError, match="SHA-256"):
        archive.export_volume(ctx, CASE, out)


def test_workflow_archive_step_binds_the_volume_too(ctx: AppContext) -> None:
    case, _change = workflow.apply(ctx, CASE, "archive", dt.date(2026, 6, 20))
    assert case.status is CaseStatus.ARCHIVED
    volume = archive.kept_volume(ctx, CASE)
    assert volume is not None and volume.pages > 20
    events = [e.action for e in cases.timeline(ctx, CASE)]
    assert events.count("workflow.archive") == 1


def test_verify_reports_a_changed_volume_as_an_archive_problem(ctx: AppContext) -> None:
    """`lcregulator verify` and 完整性校验 cover the kept 卷宗 (DESIGN §9.1 kind `archive`)."""
    from lcregulator.services import verification

    _, _, volume = archive.archive_case(ctx, CASE)
    assert not [p for p in verification.verify(ctx).problems if p.kind == "archive"]
    volume.path.write_bytes(volume.path.read_bytes() + b"%tampered")
    report = verification.verify(ctx)
    assert not report.ok
    assert [p.kind for p in report.problems if p.kind == "archive"] == ["archive"]
