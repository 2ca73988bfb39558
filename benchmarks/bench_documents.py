"""Rendering speed of the documents: 500 行政处罚决定书 as PDF and as DOCX.

    .venv/bin/python benchmarks/bench_documents.py [--count 500]

Targets on the 2-core reference machine: a PDF within 2× the time of a bare reportlab document
of the same text (platypus Paragraphs in the same embedded font, reportlab's own CJK wrapping, no
禁则, no fallback, no tables), and a batch of 500 decisions (PDF and DOCX) under 30 s. Prints
its figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

from lcregulator.documents import fonts, layout
from lcregulator.documents.docx_writer import render_docx
from lcregulator.documents.pdf import render_pdf
from lcregulator.documents.tree import (
    DocNumber,
    Document,
    Note,
    Org,
    Para,
    Signature,
    Title,
)


def decision(n: int) -> Document:
    facts = (
        "经查，当事人于2026年2月20日至28日在“好物严选直播间”直播销售普通食品“某某代餐粉”时，"
        "宣称该产品“可以治疗糖尿病、三个月停药”，销售金额共计人民币86,400元。"
    )
    return Document(
        "penalty_decision",
        "行政处罚决定书",
        f"杭西市监处罚〔2026〕{n}号",
        (
            Org("杭州市西湖区市场监督管理局"),
            Title("行政处罚决定书"),
            DocNumber(f"杭西市监处罚〔2026〕{n}号"),
            Para(f"当事人：杭州某电子商务有限公司{n}", indent=False),
            Para("统一社会信用代码：91330106MA27XW1Y14", indent=False),
            *(Para(facts) for _ in range(6)),
            Para("综上，本局决定：责令停止违法行为；罚款150,000元（人民币壹拾伍万元整）。"),
            Signature(("杭州市西湖区市场监督管理局", "2026年5月20日")),
            Note("本文书一式两份，一份送达当事人，一份归档。"),
        ),
    )


def bare_reportlab(document: Document) -> bytes:
    """The same text as plain platypus Paragraphs: the floor our typesetting is measured against."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = fonts.load().roles["fangsong"].name
    style = ParagraphStyle("b", fontName=font, fontSize=16, leading=layout.LEADING, wordWrap="CJK")
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=(layout.PAGE_WIDTH, layout.PAGE_HEIGHT))
    doc.build([Paragraph(line, style) for line in document.text_lines()])
    return buffer.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    count = parser.parse_args().count
    render_pdf(decision(0))  # warm-up: font loading and subsetting tables
    render_docx(decision(0))
    bare_reportlab(decision(0))
    bare_times, ours = [], []
    for n in range(1, 51):
        t0 = time.perf_counter()
        bare_reportlab(decision(n))
        t1 = time.perf_counter()
        render_pdf(decision(n))
        t2 = time.perf_counter()
        bare_times.append((t1 - t0) * 1000)
        ours.append((t2 - t1) * 1000)
    bare, own = statistics.median(bare_times), statistics.median(ours)
    print(f"bare reportlab page ms: median {bare:.1f}; ours {own:.1f} ({own / bare:.2f}×)")
    pdf_times, docx_times = [], []
    start = time.perf_counter()
    for n in range(1, count + 1):
        doc = decision(n)
        t0 = time.perf_counter()
        render_pdf(doc)
        t1 = time.perf_counter()
        render_docx(doc)
        t2 = time.perf_counter()
        pdf_times.append((t1 - t0) * 1000)
        docx_times.append((t2 - t1) * 1000)
    total = time.perf_counter() - start
    print(f"documents: {count} (PDF and DOCX each)")
    print(
        f"PDF  ms per document: median {statistics.median(pdf_times):.1f}, p95 {sorted(pdf_times)[int(count * 0.95) - 1]:.1f}"
    )
    print(
        f"DOCX ms per document: median {statistics.median(docx_times):.1f}, p95 {sorted(docx_times)[int(count * 0.95) - 1]:.1f}"
    )
    print(f"batch of {count} PDF+DOCX: {total:.1f} s")


if __name__ == "__main__":
    main()
