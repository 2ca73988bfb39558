"""``lcregulator document kinds|issue`` (DESIGN §9.1) through the real command, on a two-party case."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from lcregulator.cli import main
from lcregulator.cli.framework import open_context
from lcregulator.services import documents
from tests.documents.test_documents import docx_text, pdf_text, squash
from tests.documents.test_paper import ANSWERS, FORBIDDEN, MARKETER, ROOM, populate

PASSWORD = "Handler-pass-1"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("LCREGULATOR_HOME", str(folder))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    assert cli(capsys, "db", "upgrade")[0] == 0
    ctx = open_context()
    populate(ctx, tmp_path, PASSWORD)
    ctx.database.dispose()
    monkeypatch.setenv("LCREGULATOR_PASSWORD", PASSWORD)
    return folder


CASE = "杭西市监立〔2026〕15号"


def test_kinds_describe_the_questions_and_the_case_defaults(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, payload = cli(capsys, "document", "kinds")
    assert code == 0
    kinds = {k["kind"]: k for k in payload["kinds"]}  # type: ignore[union-attr, index]
    assert set(kinds) == set(documents.KINDS)
    decision = kinds["penalty_decision"]
    assert decision["numbered"] is True and decision["addressed"] is True
    assert kinds["case_review_form"]["addressed"] is False
    receipt = kinds["service_receipt"]["asks"][0]
    assert receipt == {
        "key": "document",
        "label": "送达的文书名称及文号",
        "type": "document",
        "required": True,
        "choices": None,
        "default": None,
    }
    no_penalty = {a["key"]: a for a in kinds["no_penalty_decision"]["asks"]}
    assert no_penalty["paragraph"]["type"] == "choice"
    assert no_penalty["paragraph"]["choices"] == ["一", "二"]
    assert no_penalty["education"]["required"] is False


def test_issue_for_each_party_then_serve_it(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(ANSWERS, ensure_ascii=False), "utf-8")
    out = tmp_path / "out"
    base = ["document", "issue", "--case", CASE, "--out", str(out), "--officer", "张三"]
    # an addressed kind on a two-party case must say whose it is
    code, payload = cli(capsys, *base, "--kind", "penalty_decision", "--answers", str(answers))
    assert code == 2 and payload["error"]["field"] == "party"  # type: ignore[index]
    code, payload = cli(
        capsys, *base, "--kind", "penalty_decision", "--party", "某某", "--answers", str(answers)
    )
    assert code == 2 and payload["error"]["field"] == "party"  # type: ignore[index]
    # a required answer missing names its key
    code, payload = cli(capsys, *base, "--kind", "penalty_decision", "--party", ROOM)
    assert code == 2 and payload["error"]["field"] == "answers.statement"  # type: ignore[index]
    assert "陈述、申辩" in payload["error"]["message"]  # type: ignore[index]
    numbers = []
    for name, other in ((ROOM, MARKETER), (MARKETER, ROOM)):
        code, payload = cli(
            capsys, *base, "--kind", "penalty_decision", "--party", name, "--answers", str(answers)
        )
        assert code == 0, payload
        assert payload["party"] == name and payload["kind"] == "penalty_decision"
        numbers.append(payload["number"])
        pdf, docx = Path(str(payload["pdf"])), Path(str(payload["docx"]))
        import hashlib

        assert hashlib.sha256(pdf.read_bytes()).hexdigest() == payload["sha256"]
        for text in (pdf_text(pdf.read_bytes()), docx_text(docx.read_bytes())):
            flat = squash(text)
            assert FORBIDDEN.search(flat) is None
            assert name in flat and other not in flat
            assert "杭州市西湖区人民政府" in flat and "杭州市西湖区人民法院" in flat
    assert numbers == ["杭西市监处罚〔2026〕1号", "杭西市监处罚〔2026〕2号"]
    # the 送达回证 offers the case's documents by 文号, the last by default
    code, payload = cli(capsys, "document", "kinds", "--case", CASE)
    receipt = next(k for k in payload["kinds"] if k["kind"] == "service_receipt")  # type: ignore[union-attr]
    assert receipt["asks"][0]["choices"] == numbers
    assert receipt["asks"][0]["default"] == numbers[-1]
    code, payload = cli(capsys, *base, "--kind", "service_receipt", "--party", MARKETER)
    assert code == 0, payload
    flat = squash(docx_text(Path(str(payload["docx"])).read_bytes()))
    assert "行政处罚决定书（杭西市监处罚〔2026〕2号）" in flat and MARKETER in flat
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"document": "杭西市监处罚〔2026〕9号"}), "utf-8")
    code, payload = cli(
        capsys, *base, "--kind", "service_receipt", "--party", ROOM, "--answers", str(bad)
    )
    assert code == 2 and payload["error"]["field"] == "answers.document"  # type: ignore[index]
    assert re.search("应为以下之一", payload["error"]["message"])  # type: ignore[index]


def test_issue_refuses_an_unknown_kind_and_a_missing_officer(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = str(tmp_path / "out")
    code, payload = cli(
        capsys,
        "document",
        "issue",
        "--case",
        CASE,
        "--kind",
        "x",
        "--out",
        out,
        "--officer",
        "张三",
    )
    assert code == 2 and payload["error"]["field"] == "kind"  # type: ignore[index]
    code, payload = cli(
        capsys, "document", "issue", "--case", CASE, "--kind", "filing_approval", "--out", out
    )
    assert code == 4 and payload["error"]["field"] == "officer"  # type: ignore[index]
    code, payload = cli(
        capsys,
        "document",
        "issue",
        "--case",
        "id:999",
        "--kind",
        "filing_approval",
        "--out",
        out,
        "--officer",
        "张三",
    )
    assert code == 2 and payload["error"]["field"] == "case"  # type: ignore[index]


def test_every_kind_through_the_command_for_a_two_party_case(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each kind issued by ``document issue`` (addressed kinds for each party in turn) and read
    back: nothing internal, the right party and no other, the amounts, and no date on the paper
    later than the document's own date (the last one printed)."""
    from lcregulator.documents.template import definition
    from lcregulator.domain.formatting import chinese_date
    from tests.documents.test_paper import TwoParty, screened

    ctx = open_context()
    try:
        from lcregulator.cli.register import find_case
        from lcregulator.services import setup

        authority = setup.our_authority(ctx)
        assert authority is not None
        ctx.officer = next(o for o in setup.all_officers(ctx, authority.id) if o.name == "张三")  # type: ignore[arg-type]
        screened(TwoParty(ctx, find_case(ctx, CASE), 0, 0))
        today = ctx.today()
    finally:
        ctx.database.dispose()
    answers = tmp_path / "answers.json"
    out = tmp_path / "out"
    base = ["document", "issue", "--case", CASE, "--out", str(out), "--officer", "张三"]
    dates = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
    numbers: list[str] = []
    for kind in documents.KINDS:
        targets = (
            [(ROOM, MARKETER), (MARKETER, ROOM)] if definition(kind).addressed else [(None, None)]
        )
        for name, other in targets:
            given = dict(ANSWERS)
            if kind == "service_receipt":
                given["document"] = numbers[-1]
            answers.write_text(json.dumps(given, ensure_ascii=False), "utf-8")
            args = [*base, "--kind", kind, "--answers", str(answers)]
            if name:
                args += ["--party", name]
            code, payload = cli(capsys, *args)
            assert code == 0, (kind, payload)
            if payload["number"]:
                numbers.append(str(payload["number"]))
            docx = squash(docx_text(Path(str(payload["docx"])).read_bytes()))
            pdf = squash(pdf_text(Path(str(payload["pdf"])).read_bytes()))
            for flat in (pdf, docx):
                bad = FORBIDDEN.search(flat)
                assert bad is None, (kind, flat[max(0, bad.start() - 30) : bad.end() + 30])
                if name:
                    assert name in flat and other not in flat, (kind, name)
            printed = [dt.date(int(y), int(m), int(d)) for y, m, d in dates.findall(docx)]
            # forms are dated by hand; nothing printed is later than the day it was issued
            assert all(d <= today for d in printed), (kind, "a date after the issue date")
            if definition(kind).number_code:
                assert chinese_date(today) in docx, kind
            if kind == "penalty_decision" and name == ROOM:
                assert "罚款150,000元（人民币壹拾伍万元整）" in docx
                assert "没收违法所得86,400元（人民币捌万陆仟肆佰元整）" in docx
            if kind == "penalty_decision" and name == MARKETER:
                assert "罚款20,000元（人民币贰万元整）" in docx and "150,000" not in docx
            if kind == "joint_penalty_decision":
                assert f"1．对{ROOM}：" in docx and f"2．对{MARKETER}：" in docx
                assert "人民币壹拾伍万元整" in docx and "人民币贰万元整" in docx
