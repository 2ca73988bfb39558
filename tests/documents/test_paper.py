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


def _read(issued: documents.Issued) -> tuple[str, str]:
    return pdf_text(issued.pdf_path.read_bytes()), docx_text(issued.docx_path.read_bytes())


def test_every_kind_issued_for_a_two_party_case_prints_nothing_internal(
    two_party: TwoParty,
) -> None:
    from lcregulator.documents.template import definition

    t = two_party
    skipped = {"criminal_referral_letter", "criminal_referral_report"}  # need a screening
    for kind in documents.KINDS:
        if kind in skipped:
            continue
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
