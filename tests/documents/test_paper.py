"""Every kind issued for a two-party case through the service, read back from PDF and DOCX.

Paper carries nothing internal (verification flags, Python reprs, None, template braces), names
the party it is addressed to and no other, and the amounts the case decided.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from lcregulator.documents.template import MissingFields
from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.authority import Authority, Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseId, CaseParty, ClueSource, Violation
from lcregulator.domain.errors import DomainError, ValidationError
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    Party,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.domain.penalty import Facts, PenaltyInput, assess
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services import bureau, cases, documents, evidence, parties, setup, workflow
from lcregulator.services.context import AppContext, FixedClock
from lcregulator.services.sample_case import ASK

from .test_documents import docx_text, pdf_text, squash

ROOM = "杭州好物严选电子商务有限公司"
MARKETER = "钱某某"
FORBIDDEN = re.compile(r"未经核实|verified|None|<built-in|<bound|object at|[{}]")
ANSWERS = ASK | {
    "paragraph": "一",
    "police": "杭州市公安局西湖区分局",
}
SETTINGS = bureau.DocumentSettings(
    court="杭州市西湖区人民法院",
    payee="杭州市西湖区财政局",
    bank="中国工商银行杭州西湖支行",
    account="1202000000000000000",
)


class TwoParty:
    def __init__(self, ctx: AppContext, case_id: CaseId, room: int, marketer: int) -> None:
        self.ctx, self.case_id, self.room, self.marketer = ctx, case_id, room, marketer


def _build(tmp_path: Path) -> tuple[Database, TwoParty]:
    db = Database(f"sqlite:///{(tmp_path / 'two.sqlite3').as_posix()}")
    db.upgrade()
    paths = Paths(tmp_path / "home")
    paths.ensure()
    ctx = AppContext(
        database=db, paths=paths, clock=FixedClock(dt.datetime(2026, 6, 20, 2, tzinfo=dt.UTC))
    )
    return db, populate(ctx, tmp_path)


def populate(ctx: AppContext, tmp_path: Path, password: str | None = None) -> TwoParty:
    """A bureau with its document settings, and a case against a room operator and the marketer
    who appeared for it, decided (the decision not yet issued)."""
    zhang = setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号", "0571-1"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
        password=password,
    )
    ctx.officer = zhang
    zhang.extra_roles = zhang.extra_roles | {OfficerRole.ADMIN}
    bureau.save(ctx, bureau.DocumentSettings(**vars(SETTINGS)))
    li = setup.save_officer(
        ctx, Officer("李四", OfficerRole.HANDLER, "33010600102", zhang.authority_id)
    )
    wang = setup.save_officer(
        ctx, Officer("王五", OfficerRole.HEAD, "33010600001", zhang.authority_id)
    )
    ctx.officer = zhang
    room = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            ROOM,
            {PartyRole.ROOM_OPERATOR},
            uscc="91330106MA27XW1Y14",
            legal_representative="赵某",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路90号"),
            registered=True,
        ),
    )
    marketer = parties.save_party(
        ctx,
        Party(
            PartyKind.NATURAL_PERSON,
            MARKETER,
            {PartyRole.MARKETER},
            id_number="11010519491231002X",
            domicile=Place("330106", "天目山路1号"),
            links=[PartyLink(LinkKind.APPEARS_FOR, room.id)],  # type: ignore[arg-type]
        ),
    )
    assert room.id and marketer.id and zhang.authority_id
    inp = PenaltyInput(
        "M62-1/promotion",
        "organization",
        dt.date(2026, 2, 20),
        dt.date(2026, 3, 2),
        dt.date(2026, 5, 20),
        Facts(illegal_gains=Decimal("86400")),
        ("cooperated",),
        Decimal("150000"),
        dt.date(2026, 2, 28),
    )
    result = assess(inp)
    marketer_input = PenaltyInput(
        "M62-1/promotion",
        "natural_person",
        dt.date(2026, 2, 20),
        dt.date(2026, 3, 2),
        dt.date(2026, 5, 20),
        Facts(illegal_gains=Decimal("5000")),
        (),
        Decimal("20000"),
        dt.date(2026, 2, 28),
    )
    marketer_result = assess(marketer_input)
    case = cases.create_case(
        ctx,
        Case(
            title="直播间虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=zhang.authority_id,
            summary="消费者投诉直播间宣称普通食品可以治疗糖尿病。",
            officer_ids=[OfficerId(zhang.id or 0), OfficerId(li.id or 0)],
            parties=[
                CaseParty(room.id, PartyRole.ROOM_OPERATOR),
                CaseParty(marketer.id, PartyRole.MARKETER),
            ],
            violations=[
                Violation(
                    "M62-1/promotion",
                    "在直播中宣称普通食品“某某代餐粉”可以治疗糖尿病，销售金额共计人民币86,400元",
                    act_start=dt.date(2026, 2, 20),
                    act_end=dt.date(2026, 2, 28),
                    assessment=ViolationAssessment.from_json(
                        {
                            "input": {
                                "party_type": "organization",
                                "proposed_fine": "150000",
                                "circumstances": ["cooperated"],
                                "facts": {"illegal_gains": "86400"},
                            },
                            "result": result.as_dict(),
                        }
                    ),
                    party_id=room.id,
                ),
                Violation(
                    "M62-1/promotion",
                    "作为主播在直播中口播“吃三个月可以停药”，获取坑位费人民币5,000元",
                    act_start=dt.date(2026, 2, 20),
                    act_end=dt.date(2026, 2, 28),
                    assessment=ViolationAssessment.from_json(
                        {
                            "input": {
                                "party_type": "natural_person",
                                "proposed_fine": "20000",
                                "circumstances": [],
                                "facts": {"illegal_gains": "5000"},
                            },
                            "result": marketer_result.as_dict(),
                        }
                    ),
                    party_id=marketer.id,
                ),
            ],
        ),
    )
    cid = CaseId(case.id or 0)

    def step(who: Officer, command: str, on: str, **kw: Any) -> None:
        ctx.officer = who
        workflow.apply(ctx, cid, command, dt.date.fromisoformat(on), **kw)

    step(zhang, "start_verification", "2026-03-03")
    step(wang, "file", "2026-03-09", case_number="杭西市监立〔2026〕15号")
    step(zhang, "start_investigation", "2026-03-09")
    replay = tmp_path / "回放.mp4"
    replay.write_bytes(b"\x00\x00\x00\x18ftypmp42 replay" * 50)
    ctx.officer = zhang
    clock = ctx.clock
    if isinstance(clock, FixedClock):  # taken before the documents that cite it
        ctx.clock = FixedClock(dt.datetime(2026, 3, 12, 1, 30, tzinfo=dt.UTC))
    evidence.add_evidence_file(ctx, cid, replay, source_url="https://live.example.cn/r")
    ctx.clock = clock
    step(zhang, "conclude", "2026-04-20")
    step(
        zhang,
        "submit_review",
        "2026-04-21",
        legal_review_required=False,
        collective_discussion_required=False,
    )
    step(zhang, "serve_notice", "2026-04-29", hearing_right=True)
    step(zhang, "record_statement", "2026-05-08")
    step(wang, "decide", "2026-05-20", kind="penalty", fine=Decimal("150000"))
    ctx.officer = zhang
    return TwoParty(ctx, cid, int(room.id), int(marketer.id))


@pytest.fixture
def two_party(tmp_path: Path) -> Iterator[TwoParty]:
    db, made = _build(tmp_path)
    yield made
    db.dispose()


def screened(t: TwoParty) -> None:
    """The case checked against the 虚假广告罪 threshold (立案追诉标准（二）Art 67: 违法所得
    三万元以上 for food or drug advertising) and given a 专案组 of two, as a referral needs."""
    from lcregulator.domain.referral import ReferralInput

    workflow.screen_referral(
        t.ctx,
        t.case_id,
        ReferralInput(
            "false_advertising",
            "organization",
            {"illegal_gains": Decimal("86400")},
            {"food_or_drug_advertising": True},
        ),
    )
    with t.ctx.unit_of_work() as uow:
        case = uow.cases.get(t.case_id)
        case.procedure.referral_team = list(case.officer_ids)
        uow.cases.update(case)
        uow.commit()


def _read(issued: documents.Issued) -> tuple[str, str]:
    return pdf_text(issued.pdf_path.read_bytes()), docx_text(issued.docx_path.read_bytes())


def test_every_kind_issued_for_a_two_party_case_prints_nothing_internal(
    two_party: TwoParty,
) -> None:
    from lcregulator.documents.template import definition

    t = two_party
    screened(t)  # the two referral kinds (移送书, 调查报告) print the screening's result
    for kind in documents.KINDS:
        addressed = definition(kind).addressed
        targets = (
            [(t.room, ROOM, MARKETER), (t.marketer, MARKETER, ROOM)]
            if addressed
            else [(None, ROOM, None)]
        )
        for party_id, own, other in targets:
            issued = documents.issue(
                t.ctx, t.case_id, kind, ANSWERS, dt.date(2026, 6, 1), party_id=party_id
            )
            for which, text in enumerate(_read(issued)):
                flat = squash(text)
                bad = FORBIDDEN.search(flat)
                assert bad is None, (
                    kind,
                    bad.group(0),
                    flat[max(0, bad.start() - 40) : bad.end() + 40],
                )
                if kind not in ("assistance_letter", "electronic_evidence_record"):
                    assert own in flat, (kind, own)
                if other is not None:
                    assert other not in flat, (kind, "names the other party", other)
                if kind.startswith("criminal_referral"):
                    assert "虚假广告罪" in flat and "三万元以上" in flat, kind
                # a form's columns interleave in the PDF's text: amounts read from the DOCX
                if which == 1 and kind in (
                    "penalty_decision",
                    "penalty_notice",
                    "legal_review_form",
                ):
                    assert "罚款0元" not in flat
                    room_penalty = "没收违法所得86,400元（人民币捌万陆仟肆佰元整）"
                    marketer_penalty = "罚款20,000元（人民币贰万元整）"
                    if party_id != t.marketer:  # the room's, or the whole case's (a form)
                        assert "150,000元（人民币壹拾伍万元整）" in flat, kind
                        assert room_penalty in flat, kind
                    if party_id == t.room:  # only that party's facts and penalty
                        assert marketer_penalty not in flat and "坑位费" not in flat, kind
                    if party_id == t.marketer:
                        assert marketer_penalty in flat and "坑位费" in flat, kind
                        assert room_penalty not in flat and "150,000" not in flat, kind


def test_the_decision_names_the_bodies_and_the_payment_route(two_party: TwoParty) -> None:
    t = two_party
    issued = documents.issue(
        t.ctx, t.case_id, "penalty_decision", ANSWERS, dt.date(2026, 5, 20), party_id=t.room
    )
    for text in _read(issued):
        flat = squash(text)
        assert "向杭州市西湖区人民政府申请行政复议" in flat  # defaulted from the region
        assert "向杭州市西湖区人民法院提起行政诉讼" in flat
        assert "杭州市西湖区财政局" in flat and "1202000000000000000" in flat
        assert flat.count("申请行政复议") == 2  # the clause once, and the 不停止执行 sentence
        assert "第三十四条" in flat and "第四十四条" not in flat  # no agency was charged
        assert "帮助虚构" not in flat
        assert "当事人提出：" in flat and "经复核" in flat  # Art 45: what was said, and why
        # the confiscation's own basis (反不正当竞争法 Art 25 ¶1 has none)
        assert "依据《中华人民共和国行政处罚法》第二十八条第二款的规定" in flat


def test_a_decision_is_refused_while_the_bureau_settings_are_missing(two_party: TwoParty) -> None:
    t = two_party
    bureau.save(t.ctx, bureau.DocumentSettings())
    before = len(documents.issued(t.ctx, t.case_id))
    with pytest.raises(MissingFields) as caught:
        documents.issue(t.ctx, t.case_id, "penalty_decision", ANSWERS, party_id=t.room)
    assert "行政诉讼管辖法院" in caught.value.message
    assert "罚没款缴纳方式" in caught.value.message
    assert "行政复议机关" not in caught.value.message  # the region gives the default
    assert len(documents.issued(t.ctx, t.case_id)) == before


def test_an_addressed_kind_on_a_two_party_case_needs_a_party(two_party: TwoParty) -> None:
    t = two_party
    with pytest.raises(ValidationError) as caught:
        documents.issue(t.ctx, t.case_id, "penalty_notice", ANSWERS)
    assert caught.value.field == "party"
    with pytest.raises(DomainError):
        documents.issue(t.ctx, t.case_id, "penalty_notice", ANSWERS, party_id=999)


def test_a_stored_explanation_with_a_flag_is_printed_without_it() -> None:
    assert (
        documents.paper("积极配合调查（宁波市裁量基准（依据未经核实））")
        == "积极配合调查（宁波市裁量基准）"
    )


def test_a_voided_document_keeps_its_number_and_files_and_prints_with_an_overlay(
    two_party: TwoParty,
) -> None:
    import hashlib

    from lcregulator.domain.authority import Officer, OfficerRole

    t = two_party
    first = documents.issue(t.ctx, t.case_id, "penalty_notice", ANSWERS, party_id=t.room)
    with pytest.raises(ValidationError):
        documents.void(t.ctx, t.case_id, first.record.id, "  ")
    issuer = t.ctx.officer
    t.ctx.officer = setup.save_officer(
        t.ctx,
        Officer("孙七", OfficerRole.HANDLER, "33010600109", issuer.authority_id),  # type: ignore[union-attr]
    )
    with pytest.raises(DomainError, match="出具该文书的执法人员或者负责人"):
        documents.void(t.ctx, t.case_id, first.record.id, "当事人名称有误")
    t.ctx.officer = issuer
    voided = documents.void(t.ctx, t.case_id, first.record.id, "当事人名称有误")
    assert voided.voided and voided.number == first.record.number
    with pytest.raises(DomainError, match="已于此前作废"):
        documents.void(t.ctx, t.case_id, first.record.id, "再次")
    # the stored file is unchanged: its SHA-256 still verifies
    assert hashlib.sha256(first.pdf_path.read_bytes()).hexdigest() == voided.pdf_sha256
    printed = documents.printable_pdf(t.ctx, voided)
    # the overlay is set diagonally on every page: its characters are extracted one by one
    before, after = squash(pdf_text(first.pdf_path.read_bytes())), squash(pdf_text(printed))
    assert after.count("废") > before.count("废") and after.count("作") > before.count("作")
    assert "当事人名称有误" not in before
    # the correction gets the next number and refers to the one it replaces
    second = documents.issue(
        t.ctx, t.case_id, "penalty_notice", ANSWERS, party_id=t.room, replaces=first.record.id
    )
    assert second.record.number != first.record.number
    assert second.record.replaces_id == first.record.id


def test_a_joint_decision_names_each_party_with_its_own_penalty_and_is_served_on_each(
    two_party: TwoParty,
) -> None:
    """DESIGN §9.1: the joint decision for 共同违法 is its own kind, not addressed; each party's
    penalty stated separately; numbered among the 处罚决定书; a 送达回证 per party cites it."""
    t = two_party
    single = documents.issue(
        t.ctx, t.case_id, "penalty_decision", ANSWERS, dt.date(2026, 5, 20), party_id=t.room
    )
    joint = documents.issue(
        t.ctx, t.case_id, "joint_penalty_decision", ANSWERS, dt.date(2026, 5, 20)
    )
    # one 文书代字, one sequence: the joint decision takes the next 处罚 number
    assert single.record.number == "杭西市监处罚〔2026〕1号"
    assert joint.record.number == "杭西市监处罚〔2026〕2号"
    for text in _read(joint):
        flat = squash(text)
        assert FORBIDDEN.search(flat) is None
        assert f"当事人1：{ROOM}" in flat and f"当事人2：{MARKETER}" in flat
        assert f"1．对{ROOM}：" in flat and f"2．对{MARKETER}：" in flat
        room_part = flat[flat.index(f"1．对{ROOM}：") : flat.index(f"2．对{MARKETER}：")]
        assert "罚款150,000元（人民币壹拾伍万元整）" in room_part
        assert "没收违法所得86,400元（人民币捌万陆仟肆佰元整）" in room_part
        marketer_part = flat[flat.index(f"2．对{MARKETER}：") :]
        assert "罚款20,000元（人民币贰万元整）" in marketer_part
        assert "没收违法所得5,000元（人民币伍仟元整）" in marketer_part
        assert "向杭州市西湖区人民政府申请行政复议" in flat
        assert "杭州市西湖区财政局" in flat
        assert "11010519491231002X" in flat  # the party record's full identifier
        # each party's confiscation on its own basis (行政处罚法 Art 28(2))
        assert f"第二十八条第二款的规定，{ROOM}的违法所得应当予以没收" in flat
        assert f"第二十八条第二款的规定，{MARKETER}的违法所得应当予以没收" in flat
    for party_id, name in ((t.room, ROOM), (t.marketer, MARKETER)):
        receipt = documents.issue(
            t.ctx,
            t.case_id,
            "service_receipt",
            {"document": f"行政处罚决定书（{joint.record.number}）"},
            dt.date(2026, 5, 22),
            party_id=party_id,
        )
        flat = squash(_read(receipt)[1])
        assert joint.record.number in flat and name in flat


def test_a_joint_decision_needs_two_parties_penalised_for_the_same_conduct(
    two_party: TwoParty,
) -> None:
    t = two_party
    case = cases.get_case(t.ctx, t.case_id)
    only_room = [v for v in case.violations if v.party_id == t.room]
    case.violations = only_room
    cases.update_case(t.ctx, case)
    before = len(documents.issued(t.ctx, t.case_id))
    with pytest.raises(ValidationError, match="两个以上当事人") as caught:
        documents.issue(t.ctx, t.case_id, "joint_penalty_decision", ANSWERS, dt.date(2026, 5, 20))
    assert caught.value.field == "kind"
    assert len(documents.issued(t.ctx, t.case_id)) == before


@pytest.mark.parametrize(
    ("kind", "ask", "on", "party", "says"),
    [
        # 行政处罚法 Art 62 / 程序规定 Art 57: no decision inside the 陈述申辩 period
        ("penalty_decision", {}, "2026-05-05", "room", "在陈述、申辩期（至"),
        ("joint_penalty_decision", {}, "2026-05-05", None, "在陈述、申辩期（至"),
        # the decision document is dated no earlier than the decision itself
        ("penalty_decision", {}, "2026-05-15", "room", "早于决定日期（2026年5月20日）"),
        # a notice of the proposed penalty comes after filing
        ("penalty_notice", {}, "2026-03-05", "room", "早于立案日期（2026年3月9日）"),
        # an 提取笔录 cannot record files taken after its own date
        ("electronic_evidence_record", {}, "2026-03-10", None, "早于证据的提取时间"),
        # nothing before the clue came in
        ("case_source_registration", {}, "2026-03-01", None, "早于线索接收日期"),
    ],
)
def test_a_document_dated_against_the_case_record_is_refused_naming_the_date(
    two_party: TwoParty, kind: str, ask: dict[str, str], on: str, party: str | None, says: str
) -> None:
    t = two_party
    before = len(documents.issued(t.ctx, t.case_id))
    party_id = {"room": t.room, None: None}[party]
    with pytest.raises(ValidationError) as caught:
        documents.issue(
            t.ctx, t.case_id, kind, ANSWERS | ask, dt.date.fromisoformat(on), party_id=party_id
        )
    assert caught.value.field == "date"
    assert says in caught.value.message and "日期（" in caught.value.message
    assert len(documents.issued(t.ctx, t.case_id)) == before  # no number spent


def test_a_service_receipt_dated_before_the_document_it_serves_is_refused(
    two_party: TwoParty,
) -> None:
    t = two_party
    decision = documents.issue(
        t.ctx, t.case_id, "penalty_decision", ANSWERS, dt.date(2026, 5, 20), party_id=t.room
    )
    with pytest.raises(ValidationError, match="早于所送达的行政处罚决定书") as caught:
        documents.issue(
            t.ctx,
            t.case_id,
            "service_receipt",
            {"document": f"行政处罚决定书（{decision.record.number}）"},
            dt.date(2026, 5, 19),
            party_id=t.room,
        )
    assert caught.value.field == "date"


def test_an_opinion_cell_has_room_above_and_the_sign_line_at_its_bottom(
    two_party: TwoParty,
) -> None:
    """Approval forms: 签名 … 日期 on the last line of each opinion cell, blank lines above it for
    the opinion — in the PDF (measured against the cell's bottom rule) and the DOCX (the cell's
    last paragraph, after blank ones)."""
    import io

    import docx
    import pdfplumber

    from lcregulator.documents import layout

    t = two_party
    issued = documents.issue(t.ctx, t.case_id, "filing_approval", ANSWERS, dt.date(2026, 3, 5))
    with pdfplumber.open(io.BytesIO(issued.pdf_path.read_bytes())) as pdf:
        signs = 0
        for page in pdf.pages:
            words = page.extract_words()
            rules = sorted({round(e["top"], 1) for e in page.edges if e["orientation"] == "h"})
            for w in words:
                if not w["text"].startswith("签名"):
                    continue
                signs += 1
                below = min(r for r in rules if r > w["bottom"])
                assert below - w["bottom"] < layout.CELL_LEADING, "the sign line ends the cell"
                above = max(r for r in rules if r < w["top"])
                assert w["top"] - above > 2.5 * layout.CELL_LEADING, "room for the opinion"
        assert signs == 3  # 承办人员, 办案机构负责人, 负责人审批
    document = docx.Document(str(issued.docx_path))
    cells = [row.cells[1] for row in document.tables[0].rows if "意见" in row.cells[0].text]
    assert len(cells) == 3
    for cell in cells:
        texts = [p.text for p in cell.paragraphs]
        assert texts[-1].startswith("签名：") and texts[-1].endswith("日期：")
        assert texts[-2] == ""  # blank room between the opinion and the sign line
        assert len(texts) >= layout.SIGN_ROWS
    assert cells[0].paragraphs[0].text == ANSWERS["handler_opinion"]


def test_the_seal_text_is_the_signature_over_the_date(two_party: TwoParty) -> None:
    """The 印章文字 setting is printed as the 署名 the seal presses on (GB/T 9704 7.3.5.1); the
    bureau's own name stays on the title line."""
    t = two_party
    bureau.save(
        t.ctx,
        bureau.DocumentSettings(
            **vars(SETTINGS) | {"seal_text": "杭州市西湖区市场监督管理局（印）"}
        ),
    )
    issued = documents.issue(
        t.ctx, t.case_id, "penalty_decision", ANSWERS, dt.date(2026, 5, 20), party_id=t.room
    )
    for text in _read(issued):
        flat = squash(text)
        assert flat.startswith("杭州市西湖区市场监督管理局行政处罚决定书")
        assert "杭州市西湖区市场监督管理局（印）2026年5月20日" in flat


def test_a_transfer_letter_cites_the_article_for_its_receiver(two_party: TwoParty) -> None:
    """程序规定 Art 14: to the market-supervision bureau with jurisdiction; Art 17 ¶1: to
    another administrative department (checked against the text, docs/citations-verified.md)."""
    t = two_party
    for receiver, article, wrong in (
        ("杭州市上城区市场监督管理局", "第十四条", "第十七条"),
        ("杭州市西湖区卫生健康局", "第十七条第一款", "第十四条"),
    ):
        issued = documents.issue(
            t.ctx,
            t.case_id,
            "transfer_letter",
            ANSWERS | {"receiver": receiver},
            dt.date(2026, 6, 1),
        )
        flat = squash(_read(issued)[1])
        assert f"《市场监督管理行政处罚程序规定》{article}的规定" in flat
        assert wrong not in flat


def test_the_filing_form_cites_the_paragraph_of_art_47_for_each_role(two_party: TwoParty) -> None:
    """A room operator on a platform is placed by Art 47 ¶2, its marketer by ¶3."""
    t = two_party
    issued = documents.issue(t.ctx, t.case_id, "filing_approval", ANSWERS, dt.date(2026, 3, 9))
    flat = squash(_read(issued)[1])
    assert "本案依据《直播电商监督管理办法》第四十七条第二款、第三款确定管辖" in flat
