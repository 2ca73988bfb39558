"""Documents read back: text, A4, margins, embedded fonts; DOCX says what the PDF says."""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from lcregulator.documents import layout
from lcregulator.documents.docx_writer import render_docx
from lcregulator.documents.pdf import NO_LINE_START, render_pdf
from lcregulator.documents.tree import (
    NODE_TYPES,
    DocNumber,
    Document,
    Fields,
    Heading,
    Note,
    Org,
    Para,
    Signature,
    SignLine,
    Table,
    Title,
)

W = re.compile(r"\s+")


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return html.unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def squash(text: str) -> str:
    return W.sub("", text)


def every_node_document() -> Document:
    return Document(
        "test",
        "测试文书",
        "杭西市监处罚〔2026〕1号",
        (
            Org("杭州市西湖区市场监督管理局"),
            Title("行政处罚决定书"),
            DocNumber("杭西市监处罚〔2026〕1号"),
            Heading("一、违法事实"),
            Para("当事人于2026年2月20日在直播中宣称普通食品可以治疗糖尿病。" * 6),
            Para("当事人：杭州某电子商务有限公司", indent=False),
            Fields((("案件名称", "某案"), ("当事人", "某公司"))),
            Table(("序号", "文件名"), (("1", "回放.mp4"), ("2", "截图.png"))),
            Signature(("杭州市西湖区市场监督管理局", "2026年5月20日")),
            SignLine("执法人员签名："),
            Note("本文书一式两份。"),
        ),
    )


def test_both_renderers_handle_every_node_and_say_the_same() -> None:
    doc = every_node_document()
    assert {type(n) for n in doc.nodes} == set(NODE_TYPES)
    pdf, docx = squash(pdf_text(render_pdf(doc))), squash(docx_text(render_docx(doc)))
    for line in doc.text_lines():
        assert squash(line) in pdf, line
        assert squash(line) in docx, line


def test_every_sample_document_pdf_and_docx_agree(sample: dict[str, Path]) -> None:
    pdfs = sorted(n for n in sample if n.endswith(".pdf"))
    assert len(pdfs) == 24  # 18 kinds for the main case, 3 for the referral, 3 for a summons
    for name in pdfs:
        pdf = squash(pdf_text(sample[name].read_bytes()))
        docx = squash(docx_text(sample[name.replace(".pdf", ".docx")].read_bytes()))
        # the same characters, page numbers aside; a form's label cell is centred against its
        # value, so PDF extraction may interleave them: compare content, and order outside tables
        pdf_body = re.sub(r"—\d+—", "", pdf)
        assert Counter(docx) == Counter(pdf_body), name
        if not any(word in name for word in ("表", "笔录", "回证", "确认书", "清单", "约谈记录")):
            assert docx == pdf_body, name


def test_decision_reads_back_with_its_number_amount_in_capitals_and_remedies(
    sample: dict[str, Path],
) -> None:
    text = squash(pdf_text(sample["13-行政处罚决定书.pdf"].read_bytes()))
    for expected in (
        "杭州市西湖区市场监督管理局",
        "行政处罚决定书",
        "杭西市监处罚〔2026〕1号",
        "当事人：杭州好物严选电子商务有限公司",
        "统一社会信用代码：91330106MA27XW1Y14",
        "《中华人民共和国反不正当竞争法》第二十五条第一款",
        "罚款150,000元（人民币壹拾伍万元整）",
        "六十日内向杭州市西湖区人民政府申请行政复议",
        "2026年5月20日",
    ):
        assert squash(expected) in text, expected


def test_the_sample_file_reads_as_a_legal_reviewer_would_sign_it(sample: dict[str, Path]) -> None:
    """What the 法制审核 read of the demo output found wrong, read back from each DOCX."""

    def read(prefix: str) -> str:
        name = next(n for n in sample if n.startswith(prefix) and n.endswith(".docx"))
        return squash(docx_text(sample[name].read_bytes()))

    basis = "依据《中华人民共和国行政处罚法》第二十八条第二款的规定，当事人的违法所得应当予以没收"
    # 反不正当竞争法 Art 25 ¶1 provides no confiscation: the paper cites 行政处罚法 Art 28(2)
    for prefix in ("08-", "13-"):
        assert basis in read(prefix), prefix
        assert "的罚款，没收违法所得。" not in read(prefix), prefix
    assert "你（单位）的违法所得应当予以没收" in read("12-")
    # the 案件审核表 names the duty breached as well as the penalty articles
    review = read("09-")
    assert "违反《直播电商监督管理办法》第三十四条的规定；依据" in review
    assert "第二十八条第二款的规定" in review
    # a fact names its subject
    assert "三、违法事实及证据当事人于2026年2月20日" in read("08-")
    assert "三、涉嫌犯罪的事实和证据当事人于2026年4月1日" in read("19-")
    assert "违法事实当事人于" in review and "违法事实当事人于" in read("10-")
    # a room operator on a platform: Art 47 ¶2 (实际经营地), not the bare article
    filing = read("02-")
    assert "本案依据《直播电商监督管理办法》第四十七条第二款确定管辖" in filing
    assert "证据确凿" not in filing  # 立案 needs only 初步证明 (程序规定 Art 19)
    # Art 58(1)(2) needs a hearing held; the sample case had none
    assert "第五十八条第一款第二项" not in read("10-")
    assert "当事人提出：当事人" not in read("13-")
    # the party's 住所 is in 西湖区: the examples transfer by 实际经营地 (Art 47 ¶2)
    for prefix in ("16-", "18-"):
        assert "住所地" not in read(prefix).replace("当事人：", ""), prefix
        assert "第四十七条第二款" in read(prefix), prefix
    # the 约谈 papers name the instrument in full and the bureau that summons
    notice = read("22-")
    assert (
        "存在《直播电商监督管理办法》第五十二条第一项“履行直播电商相关法定义务不到位的”" in notice
    )
    assert "本局会同网信部门决定" in notice and "市场监督管理部门会同" not in notice
    assert "约谈单位杭州市西湖区市场监督管理局会同网信部门" in read("23-")
    # a platform asked for data: Art 46 ¶2 (its duty to help), Art 49 items 3 and 5 (the
    # bureau's power to take electronic data and to ask others), not the bare articles
    assert "第四十六条第二款、第四十九条第三项、第五项的规定" in read("05-")
    rectification = read("24-")
    assert rectification.count("书面报告整改情况") == 1
    assert "一份送达被约谈方" in rectification and "送达当事人" not in rectification


def test_a4_text_inside_the_gbt9704_block_and_fonts_embedded(sample: dict[str, Path]) -> None:
    for name in sorted(n for n in sample if n.endswith(".pdf")):
        data = sample[name].read_bytes()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                assert (round(page.width), round(page.height)) == (595, 842), name
                body = [c for c in page.chars if c["top"] < layout.TOP + layout.TEXT_HEIGHT]
                assert body, name
                for c in body:
                    assert c["x0"] >= layout.LEFT - 0.5, (name, c["text"], c["x0"])
                    assert c["x1"] <= layout.LEFT + layout.TEXT_WIDTH + 0.5, (name, c["text"])
                    assert c["top"] >= layout.TOP - 0.5, (name, c["text"], c["top"])
                lines = (page.extract_text() or "").splitlines()
                for line in lines:
                    if re.fullmatch(r"— \d+ —", line):
                        continue  # the page number
                    assert not line or line[0] not in NO_LINE_START, (name, line)
        for page in PdfReader(io.BytesIO(data)).pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = (
                    font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                )
                descriptor = descendant["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, (name, font["/BaseFont"])


def test_docx_sets_east_asian_fonts_and_page_geometry(sample: dict[str, Path]) -> None:
    with zipfile.ZipFile(sample["13-行政处罚决定书.docx"]) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    runs = xml.count("<w:r>") + xml.count("<w:r ")
    assert (
        runs
        and xml.count('w:eastAsia="仿宋"')
        + xml.count('w:eastAsia="黑体"')
        + xml.count('w:eastAsia="宋体"')
        >= runs
    )
    assert 'w:w="11906"' in xml and 'w:h="16838"' in xml  # A4 in twentieths of a point
    assert 'w:top="2098"' in xml and 'w:left="1587"' in xml  # 37 mm, 28 mm


def test_long_content_flows_onto_continuation_pages() -> None:
    doc = Document("t", "t", "", tuple(Para("违法事实" * 60) for _ in range(12)))
    with pdfplumber.open(io.BytesIO(render_pdf(doc))) as pdf:
        assert len(pdf.pages) >= 3
        assert "— 3 —" in (pdf.pages[2].extract_text() or "")
