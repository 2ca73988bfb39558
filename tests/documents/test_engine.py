"""The document engine read back from its PDF and DOCX: GB/T 9704 geometry to the millimetre,
禁则, signature keeps, tables of any length, every glyph printed, data never read as markup."""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pypdf import PdfReader

from lcregulator.documents import fonts, layout
from lcregulator.documents.docx_writer import render_docx
from lcregulator.documents.fonts import MissingGlyph
from lcregulator.documents.layout import NO_LINE_END, NO_LINE_START
from lcregulator.documents.pdf import render_pdf
from lcregulator.documents.template import render
from lcregulator.documents.tree import (
    Document,
    Fields,
    Para,
    Signature,
    SignLine,
    Table,
    Title,
)

MM = layout.MM
RIGHT_EDGE = layout.LEFT + layout.TEXT_WIDTH
BLOCK_BOTTOM = layout.TOP + layout.TEXT_HEIGHT
FULL_WIDTH = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uff5f“”‘’—…]")


def pdf_lines(page: Any, size: float | None = None) -> list[list[dict[str, Any]]]:
    """The characters of each printed line inside the text block, left to right."""
    rows: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for c in page.chars:
        if c["top"] > BLOCK_BOTTOM:
            continue
        if size is not None and abs(c["size"] - size) > 0.1:
            continue
        rows[round(c["matrix"][5], 1)].append(c)  # the baseline: faces differ in ascent
    return [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items(), reverse=True)]


def text_of(line: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in line)


def pages_of(data: bytes) -> list[Any]:
    pdf = pdfplumber.open(io.BytesIO(data))
    return list(pdf.pages)


def render_all(doc: Document) -> tuple[bytes, bytes]:
    return render_pdf(doc), render_docx(doc)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# -- geometry ------------------------------------------------------------------------------


def test_a_full_line_holds_28_characters_on_every_kind(sample: dict[str, Path]) -> None:
    full = 0
    for name in sorted(n for n in sample if n.endswith(".pdf")):
        for page in pages_of(sample[name].read_bytes()):
            lines = pdf_lines(page, layout.BODY_SIZE)
            for line, following in itertools.pairwise(lines):
                text, after = text_of(line), text_of(following)
                if not all(FULL_WIDTH.match(ch) for ch in text):
                    continue
                if abs(line[-1]["x1"] - RIGHT_EDGE) > 0.6:
                    continue  # not a full line (a paragraph's last line, a centred title)
                if (
                    after[0] in NO_LINE_END
                    or after[0].isascii()
                    or any(ch in NO_LINE_START for ch in after[:2])
                ):
                    continue  # 禁则 moved a character down: this line is one short, justified
                indent = round((line[0]["x0"] - layout.LEFT) / layout.PITCH)
                assert indent in (0, 2), (name, text)
                assert len(text) == 28 - indent, (name, text)
                full += 1
    assert full >= 40  # the check ran over real text


def test_margins_to_the_millimetre_on_every_kind(sample: dict[str, Path]) -> None:
    for name in sorted(n for n in sample if n.endswith(".pdf")):
        lefts, rights, tops, bottoms = [], [], [], []
        for page in pages_of(sample[name].read_bytes()):
            assert (round(page.width / MM), round(page.height / MM)) == (210, 297), name
            body = [c for c in page.chars if c["top"] < BLOCK_BOTTOM]
            lefts += [c["x0"] for c in body] + [r["x0"] for r in page.lines]
            rights += [c["x1"] for c in body] + [r["x1"] for r in page.lines]
            tops.append(min(c["top"] for c in body))
            bottoms.append(max(c["bottom"] for c in body))
        assert abs(min(lefts) - layout.LEFT) <= 1 * MM, (name, min(lefts) / MM)
        assert max(rights) <= RIGHT_EDGE + 1 * MM, (name, max(rights) / MM)
        assert max(rights) >= RIGHT_EDGE - 1 * MM or name.startswith(("22", "24")), name
        assert all(layout.TOP - 1 * MM <= t <= layout.TOP + layout.LEADING for t in tops), name
        assert max(bottoms) <= BLOCK_BOTTOM + 1 * MM, name


def test_22_lines_fill_a_page_of_body_text() -> None:
    doc = Document("t", "t", "", tuple(Para("违" * 54) for _ in range(30)))
    first = pages_of(render_pdf(doc))[0]
    lines = pdf_lines(first, layout.BODY_SIZE)
    assert len(lines) == 22
    pitch = (lines[-1][0]["top"] - lines[0][0]["top"]) / 21
    assert pitch == pytest.approx(layout.TEXT_HEIGHT / 22, abs=0.01)


def test_page_numbers_are_4hao_dashes_right_on_odd_left_on_even_pages(
    sample: dict[str, Path],
) -> None:
    seen = set()
    for name in sorted(n for n in sample if n.endswith(".pdf")):
        for page in pages_of(sample[name].read_bytes()):
            number = [c for c in page.chars if c["top"] > BLOCK_BOTTOM]
            assert number, name
            assert {round(c["size"]) for c in number} == {layout.PAGE_NUMBER_SIZE}
            assert text_of(sorted(number, key=lambda c: c["x0"])).replace(" ", "") == (
                f"—{page.page_number}—"
            )
            dash = min(number, key=lambda c: c["x0"])
            middle = (dash["top"] + dash["bottom"]) / 2
            assert BLOCK_BOTTOM + 5 * MM < middle < BLOCK_BOTTOM + 10 * MM, name
            one_char = layout.PAGE_NUMBER_SIZE
            if page.page_number % 2:
                right = max(c["x1"] for c in number)
                assert abs(right - (RIGHT_EDGE - one_char)) <= 1 * MM, name
            else:
                left = min(c["x0"] for c in number)
                assert abs(left - (layout.LEFT + one_char)) <= 1 * MM, name
            seen.add(page.page_number % 2)
    assert seen == {0, 1}


def test_title_is_set_in_the_title_face_never_hei(sample: dict[str, Path]) -> None:
    title = fonts.choose("title")
    hei = fonts.choose("hei")
    assert title.path != hei.path
    page = pages_of(sample["13-行政处罚决定书.pdf"].read_bytes())[0]
    big = [c for c in page.chars if round(c["size"]) == layout.TITLE_SIZE]
    assert "行政处罚决定书" in text_of(big)
    wanted = fonts.load().roles["title"].font.face.name
    wanted = wanted.decode() if isinstance(wanted, bytes) else wanted
    assert all(c["fontname"].split("+")[-1].startswith(wanted) for c in big)
    assert any(line.startswith("标题（小标宋）") for line in fonts.report())


# -- signature --------------------------------------------------------------------------


@pytest.mark.parametrize("lines", range(15, 26))
def test_the_signature_never_stands_alone_on_a_page(lines: int) -> None:
    body = tuple(Para(f"第{n:02d}行" + "正" * 20) for n in range(lines))
    doc = Document(
        "t",
        "t",
        "",
        (Title("行政处罚决定书"), *body, Signature(("某市市场监督管理局", "2026年5月20日"))),
    )
    pages = pages_of(render_pdf(doc))
    last = pages[-1]
    texts = [text_of(line) for line in pdf_lines(last, layout.BODY_SIZE)]
    assert any(t.startswith("第") for t in texts), texts  # a body line with the signature
    assert texts[-1] == "2026年5月20日"
    date = pdf_lines(last, layout.BODY_SIZE)[-1]
    name = pdf_lines(last, layout.BODY_SIZE)[-2]
    # 成文日期 right-indented four characters; 署名 centred over it
    assert abs(date[-1]["x1"] - (RIGHT_EDGE - 4 * layout.PITCH)) <= 1 * MM
    centre = (date[0]["x0"] + date[-1]["x1"]) / 2
    assert abs((name[0]["x0"] + name[-1]["x1"]) / 2 - centre) <= 1 * MM
    # room for a 42 mm seal: from within a line below the body down over the date
    body_bottom = max(c["bottom"] for line in pdf_lines(last) for c in line if c["text"] == "正")
    assert date[0]["bottom"] - body_bottom >= 42 * MM - layout.LEADING


@pytest.mark.parametrize("rows", range(8, 20))
def test_person_signature_lines_stay_with_the_form(rows: int) -> None:
    doc = Document(
        "t",
        "t",
        "",
        (
            Title("约谈记录"),
            Fields(tuple((f"栏目{n}", "内容" * 12) for n in range(rows))),
            SignLine("约谈人员签名："),
            SignLine("被约谈人签名："),
        ),
    )
    for page in pages_of(render_pdf(doc)):
        texts = [text_of(line) for line in pdf_lines(page)]
        if any("签名" in t for t in texts):
            assert any(t.startswith(("栏目", "内容")) for t in texts), texts
            sign = next(line for line in pdf_lines(page) if "签名" in text_of(line))
            assert abs(sign[0]["x0"] - layout.LEFT) < 0.5  # left-aligned
            assert "年月日" in text_of(sign).replace("\u3000", "")


# -- line breaking -----------------------------------------------------------------------


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation() -> None:
    pieces = [
        "当事人",
        "“某某代餐粉”",
        "，",
        "。",
        "《直播电商监督管理办法》",
        "（一）",
        "、",
        "：",
        "150,000元",
        "2026年5月20日",
        "SHA-256",
        "！",
        "？",
        "；",
        "……",
        "——",
    ]
    import random

    rnd = random.Random(17)
    paras = tuple(
        Para("当事人" + "".join(rnd.choice(pieces) for _ in range(rnd.randint(20, 80))))
        for _ in range(40)
    )
    doc = Document("t", "t", "", paras)
    checked = 0
    for page in pages_of(render_pdf(doc)):
        lines = pdf_lines(page, layout.BODY_SIZE)
        for prev, line in zip([None, *lines], lines, strict=False):
            text = text_of(line)
            assert text[0] not in NO_LINE_START, text
            assert text[-1] not in NO_LINE_END, text
            if prev is not None:  # amounts, years and codes are never split
                end = text_of(prev)[-1]
                assert not (end.isascii() and end.isalnum() and text[0].isascii()), (
                    text_of(prev),
                    text,
                )
            checked += 1
    assert checked > 100


def test_sample_documents_respect_kinsoku(sample: dict[str, Path]) -> None:
    for name in sorted(n for n in sample if n.endswith(".pdf")):
        for page in pages_of(sample[name].read_bytes()):
            for line in pdf_lines(page):
                text = text_of(line).strip()
                if text:
                    assert text[0] not in NO_LINE_START, (name, text)
                    assert text[-1] not in NO_LINE_END, (name, text)


def test_every_full_line_is_justified_to_the_right_edge_without_overhang() -> None:
    doc = Document(
        "t", "t", "", (Para("违法事实：" + "当事人销售“代餐粉”，宣称治疗糖尿病。" * 30),)
    )
    for page in pages_of(render_pdf(doc)):
        lines = pdf_lines(page, layout.BODY_SIZE)
        for line in lines[:-1]:
            assert abs(line[-1]["x1"] - RIGHT_EDGE) < 0.5, text_of(line)


# -- any length ---------------------------------------------------------------------------


def test_a_table_row_longer_than_a_page_splits_and_repeats_the_header() -> None:
    long = "物品" * 1500 + "\n" + "https://live.example.cn/" + "a" * 120
    doc = Document(
        "t",
        "t",
        "",
        (Table(("序号", "物品名称、规格、数量及存放地点"), (("1", long), ("2", "手机"))),),
    )
    pdf, docx = render_all(doc)
    pages = pages_of(pdf)
    assert len(pages) >= 4
    for page in pages:
        texts = [text_of(line) for line in pdf_lines(page)]
        assert texts[0] == "序号物品名称、规格、数量及存放地点", texts[:2]
        assert page.lines and min(r["x0"] for r in page.lines) == pytest.approx(
            layout.LEFT, abs=0.5
        )
        assert max(r["x1"] for r in page.lines) == pytest.approx(RIGHT_EDGE, abs=0.5)
    text = "".join(text_of(line) for page in pages for line in pdf_lines(page))
    assert ("物品" * 1500) in text.replace("序号物品名称、规格、数量及存放地点", "")
    assert "https://live.example.cn/" + "a" * 120 in text
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode()
    assert "<w:tblHeader" in xml and "<w:br/>" in xml


def _hostile(contexts: dict[str, Any], fact: str, field: str, name: str) -> dict[str, Any]:
    for ctx in contexts.values():
        ctx["violations_facts"] = fact
        for v in ctx.get("violations") or []:
            v["facts"] = fact
        for key in list(ctx.get("ask") or {}):
            ctx["ask"][key] = field
        if isinstance(ctx.get("case"), dict):
            ctx["case"]["summary"] = field
        summons = ctx.get("summons")
        if isinstance(summons, dict):
            for key in ("record", "commitments", "rectification_required", "grounds_text"):
                if key in summons:
                    summons[key] = field
        for party in [*(ctx.get("parties") or []), ctx.get("party")]:
            if isinstance(party, dict):
                party["name"] = name
        if "parties_names" in ctx:
            ctx["parties_names"] = name
    return contexts


FACT = (
    "当事人于2026年2月20日至28日在“好物严选直播间”直播销售普通食品，宣称“可以治疗糖尿病”，销售金额共计人民币86,400元；\n"
    * 80
)[:5000]
FIELD = (
    "平台说明：对“好物严选直播间”的营销人员身份未按办法第八条第三款核验，承诺立即排查并建立核验制度。"
    * 50
)[:2000]
NAME = "𠮷野家|餐饮（杭州）有限公司"


def test_every_kind_issues_a_5000_character_fact_and_a_2000_character_field(
    contexts: dict[str, Any],
) -> None:
    assert len(contexts) >= 24  # every kind the sample issues
    hostile = _hostile(contexts, FACT, FIELD, NAME)
    printed_fact = printed_field = 0
    for kind, ctx in sorted(hostile.items()):
        doc = render(kind, ctx, "杭西市监处罚〔2026〕9号")
        pdf, docx = render_all(doc)
        text = squash("".join(text_of(line) for p in pages_of(pdf) for line in pdf_lines(p)))
        printed_fact += squash(FACT) in text
        printed_field += squash(FIELD) in text
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            assert "<w:tbl>" in z.read("word/document.xml").decode() or not any(
                isinstance(n, (Fields, Table)) for n in doc.nodes
            )
    assert printed_fact >= 5 and printed_field >= 5


def test_a_name_with_extension_b_and_a_bar_prints_whole(contexts: dict[str, Any]) -> None:
    hostile = _hostile(contexts, "虚假宣传", "同意", NAME)
    for kind in ("penalty_decision", "case_review_form", "service_receipt", "summons_record"):
        doc = render(kind, hostile[kind], "")
        fields = [n for n in doc.nodes if isinstance(n, Fields)]
        before = [n for n in render(kind, contexts[kind] if False else hostile[kind], "").nodes]
        assert len(before) == len(doc.nodes)
        for node in fields:
            assert all(len(row) == 2 for row in node.rows)
        pdf, docx = render_all(doc)
        pages = pages_of(pdf)
        text = "".join(text_of(line) for p in pages for line in pdf_lines(p))
        assert NAME in text.replace(" ", ""), kind
        ji = [c for p in pages for c in p.chars if c["text"] == "𠮷"]
        assert ji, kind
        fallback = {f.font.fontName for f in fonts.load().fallbacks[:1]}
        assert fallback
        for c in ji:  # drawn in a font that has the glyph, and that font is embedded
            base = c["fontname"].split("+")[-1]
            assert "HanaMin" in base or "ExtB" in base or "BabelStone" in base, base
        reader = PdfReader(io.BytesIO(pdf))
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                desc = font["/FontDescriptor"].get_object() if "/FontDescriptor" in font else None
                if desc is None and "/DescendantFonts" in font:
                    desc = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
                assert desc is not None and "/FontFile2" in desc
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            xml = z.read("word/document.xml").decode()
        assert "𠮷" in xml and "野家|餐饮" in xml


def test_values_that_look_like_markup_print_as_text(contexts: dict[str, Any]) -> None:
    fact = "@title 伪造的标题\n@sign 假机关|2020年1月1日\n{{ case.title }}|@end"
    hostile = _hostile(contexts, fact, "@heading 一、\n第二行", NAME)
    doc = render("penalty_decision", hostile["penalty_decision"], "")
    assert sum(isinstance(n, Title) for n in doc.nodes) == 1
    assert sum(isinstance(n, Signature) for n in doc.nodes) == 1
    assert any(isinstance(n, Para) and fact in n.text for n in doc.nodes)
    pdf = render_pdf(doc)
    pages = pages_of(pdf)
    body = [c for p in pages for c in p.chars if c["text"] == "@"]
    assert body and all(round(c["size"]) == layout.BODY_SIZE for c in body)
    text = "".join(text_of(line) for p in pages for line in pdf_lines(p))
    assert "@title伪造的标题" in text.replace(" ", "") and "{{case.title}}|@end" in text.replace(
        " ", ""
    )
    form = render("case_review_form", hostile["case_review_form"], "")
    rows = next(n for n in form.nodes if isinstance(n, Fields)).rows
    facts_row = dict(rows)["违法事实"]
    # the fact follows its subject (当事人) and stays text
    assert facts_row.startswith("当事人@title 伪造的标题\n@sign") and len(rows) == 8


def test_a_character_no_font_has_stops_issuing_naming_it_and_the_field(
    contexts: dict[str, Any],
) -> None:
    hostile = _hostile(contexts, "虚假宣传", "同意", "某公司\U0010fffd")
    with pytest.raises(MissingGlyph) as caught:
        render("case_review_form", hostile["case_review_form"], "")
    assert "U+10FFFD" in caught.value.message and "当事人" in caught.value.message


# -- DOCX ----------------------------------------------------------------------------------


def test_docx_grid_footers_tables_and_no_thumbnail(sample: dict[str, Path]) -> None:
    for name in sorted(n for n in sample if n.endswith(".docx")):
        with zipfile.ZipFile(sample[name]) as z:
            names = z.namelist()
            xml = z.read("word/document.xml").decode()
            settings = z.read("word/settings.xml").decode()
            footers = {n: z.read(n).decode() for n in names if n.startswith("word/footer")}
            rels = z.read("_rels/.rels").decode()
        assert not any("thumbnail" in n for n in names) and "thumbnail" not in rels, name
        grid = re.search(r"<w:docGrid [^>]*/>", xml)
        assert grid and 'w:type="linesAndChars"' in grid.group(0), name
        assert f'w:linePitch="{round(layout.LEADING * 20)}"' in grid.group(0)
        assert f'w:charSpace="{round(layout.CHAR_SPACE * 4096)}"' in grid.group(0)
        assert "<w:evenAndOddHeaders" in settings, name
        assert 'w:footerReference w:type="default"' in xml.replace(
            "<w:footerReference ", "w:footerReference "
        )
        assert 'w:type="even"' in xml
        assert len(footers) == 2
        for footer in footers.values():
            assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
        aligns = {re.search(r'<w:jc w:val="(\w+)"', f).group(1) for f in footers.values()}  # type: ignore[union-attr]
        assert aligns == {"right", "left"}
        for table in re.findall(r"<w:tbl>.*?</w:tbl>", xml, re.S):
            cols = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"', table)]
            assert sum(cols) == round(layout.TEXT_WIDTH * 20), name
            assert '<w:tblLayout w:type="fixed"/>' in table
        assert 'w:eastAsia="' in xml


def test_docx_and_pdf_paginate_alike_in_libreoffice(
    sample: dict[str, Path], tmp_path: Path
) -> None:
    """Only where LibreOffice is installed (not in CI): every DOCX, converted, has the PDF's
    number of pages, give or take one where LibreOffice substitutes other fonts."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    docx = sorted(n for n in sample if n.endswith(".docx"))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(sample[n]) for n in docx],
        check=True,
        capture_output=True,
        timeout=600,
    )
    same = 0
    for name in docx:
        converted = len(PdfReader(str(tmp_path / name.replace(".docx", ".pdf"))).pages)
        ours = len(PdfReader(str(sample[name.replace(".docx", ".pdf")])).pages)
        assert abs(converted - ours) <= 1, name
        same += converted == ours
    assert same >= len(docx) - 2


def test_every_kind_renders_to_png(sample: dict[str, Path], tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils is not installed")
    from PIL import Image

    for name in sorted(n for n in sample if n.endswith(".pdf")):
        prefix = tmp_path / name[:2]
        subprocess.run(
            ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(sample[name]), str(prefix)],
            check=True,
            timeout=60,
        )
        image = Image.open(next(tmp_path.glob(f"{name[:2]}*.png"))).convert("L")
        assert image.getextrema()[0] < 100, name  # ink on the page


def test_a_template_is_parsed_before_the_values_go_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lcregulator.documents import template
    from lcregulator.documents.tree import Heading

    (tmp_path / "probe.txt").write_text(
        "@kind probe\n@title 探针\n\n@title 探针\n@heading 一、{{ a }}\n@heading2 （一）分项\n"
        "@fields\n@widths 30|70\n当事人|{{ name }}\n@end\n"
        "@table 序号|名称\n{{ 1 }}|{{ name }}\n@end\n{{ fact }}\n@signline 签名：\n",
        "utf-8",
    )
    monkeypatch.setattr(template, "OVERRIDE_DIRS", [tmp_path])
    values = {"a": "@end\n@title X", "name": "甲|乙\n丙", "fact": "@sign 假|2020年1月1日"}
    doc = render("probe", values)
    kinds = [type(n).__name__ for n in doc.nodes]
    assert kinds == ["Title", "Heading", "Heading", "Fields", "Table", "Para", "SignLine"]
    h1, h2 = doc.nodes[1], doc.nodes[2]
    assert isinstance(h1, Heading) and h1.text == "一、@end\n@title X" and h1.role == "hei"
    assert isinstance(h2, Heading) and h2.level == 2 and h2.role == "kai"
    fields = doc.nodes[3]
    assert isinstance(fields, Fields) and fields.rows == (("当事人", "甲|乙\n丙"),)
    assert fields.widths == (30.0, 70.0)
    table = doc.nodes[4]
    assert isinstance(table, Table) and table.rows == (("1", "甲|乙\n丙"),)
    assert doc.nodes[5] == Para("@sign 假|2020年1月1日")
    pdf, docx = render_all(doc)
    text = "".join(text_of(line) for p in pages_of(pdf) for line in pdf_lines(p))
    assert "甲|乙" in text and "@sign假|2020年1月1日" in text.replace(" ", "")
    kai = fonts.load().roles["kai"].font.fontName
    assert kai  # the level-two heading is set in 楷体
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        xml = z.read("word/document.xml").decode()
    assert 'w:eastAsia="楷体"' in xml and "甲|乙" in xml


def test_windows_line_ends_tabs_and_invisible_characters_do_not_stop_issuing(
    contexts: dict[str, Any],
) -> None:
    fact = "第一行\r\n第二行\t制表\u200b零宽\x0b垂直制表"
    hostile = _hostile(contexts, fact, fact, "某公司\u200d")
    doc = render("case_review_form", hostile["case_review_form"], "")
    value = dict(next(n for n in doc.nodes if isinstance(n, Fields)).rows)["违法事实"]
    assert value == "当事人第一行\n第二行 制表零宽垂直制表"
    pdf, docx = render_all(doc)
    text = "".join(text_of(line) for p in pages_of(pdf) for line in pdf_lines(p))
    assert "第二行制表零宽垂直制表" in text.replace(" ", "")
    assert "\x0b" not in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()


def test_an_unprintable_character_stops_issuing_before_a_number_is_taken(
    configured: Any,
) -> None:
    import datetime as dt

    from lcregulator.services import documents
    from tests.documents.test_numbering import a_case

    case_id = a_case(configured)
    ask = {"time": "2026年3月12日9时", "place": "本局\U0010fffd室", "materials": "营业执照"}
    with pytest.raises(MissingGlyph) as caught:
        documents.issue(configured, case_id, "inquiry_notice", ask, dt.date(2026, 3, 10))
    assert "U+10FFFD" in caught.value.message
    assert documents.issued(configured, case_id) == []
    ask["place"] = "本局𠮷室"
    issued = documents.issue(configured, case_id, "inquiry_notice", ask, dt.date(2026, 3, 10))
    assert issued.record.number == "杭西市监询〔2026〕1号"
    with pdfplumber.open(issued.pdf_path) as pdf:
        assert "本局𠮷室" in "".join(text_of(line) for p in pdf.pages for line in pdf_lines(p))
