"""`lcregulator demo --out DIR`: one sample case through every stage, every document written.

A temporary database holds a bureau, three officers and a platform-room operator selling a
health food with claims to treat disease. The case is registered, filed, investigated (with a
replay file as evidence), assessed under Art 62 ¶1, notified, decided, served, paid and closed,
and each document the steps call for is issued as PDF and DOCX into DIR.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from lcregulator.domain.assessment import ViolationAssessment
from lcregulator.domain.authority import Authority, Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseId, CaseParty, ClueSource, Violation
from lcregulator.domain.errors import DomainError
from lcregulator.domain.parties import (
    Channel,
    LinkKind,
    LiveAccount,
    Party,
    PartyKind,
    PartyLink,
    PartyRole,
    Place,
)
from lcregulator.domain.penalty import Facts, PenaltyInput, assess
from lcregulator.domain.referral import ReferralInput
from lcregulator.persistence.paths import Paths

from . import bureau, cases, documents, evidence, parties, setup, workflow
from .bootstrap import open_context
from .context import AppContext, FixedClock

ASK = {
    "opinion": "线索反映的问题具体，建议立案调查。",
    "handler_opinion": "事实清楚，证据确凿，建议批准。",
    "time": "2026年3月12日上午9时",
    "place": "杭州市西湖区文三路100号本局执法大队301室",
    "materials": "营业执照副本复印件、法定代表人身份证明、2026年2月直播回放及商品销售记录",
    "deadline": "2026年3月20日",
    "platform": "杭州某直播电商平台有限公司",
    "items": "“好物严选直播间”账号注册信息、2026年2月20日至28日直播回放及交易数据",
    "review_opinion": "事实清楚，证据确凿，定性准确，适用依据正确，程序合法，处罚适当，同意。",
    # Art 58(1)(2) needs a hearing held, and none was: the bureau's own list (程序规定 Art 50)
    "reason": "拟对法人罚款十万元以上，属于本局规定的法制审核案件范围（《市场监督管理行政处罚程序规定》第五十条）",
    "document": "行政处罚决定书（杭西市监处罚〔2026〕1号）",
    "receiver": "杭州市上城区市场监督管理局",
    "statement": "涉案宣传语系主播临场发挥，公司事前不知情，请求从轻处罚",
    "statement_adoption": "主播系当事人雇用的员工，其直播宣传系职务行为，由当事人承担责任（《直播电商监督管理办法》第六十三条）；当事人积极配合调查的情节已在裁量中予以从轻考虑，对其超出这一幅度的从轻请求不予采纳。",
}
# the answers the examples of the other roads would give: each kind its own reason
ASK_BY_KIND = {
    # 立案 needs evidence that a violation is likely (程序规定 Art 19), not a proven case
    "filing_approval": {
        "handler_opinion": "有证据初步证明当事人涉嫌违反《直播电商监督管理办法》第三十四条，依法应当给予行政处罚，属于本局管辖，建议立案。",
    },
    "not_filing_approval": {
        "reason": "经核查，投诉所涉直播间运营者通过直播电商平台开展直播，其实际经营地在杭州市上城区，依据《直播电商监督管理办法》第四十七条第二款，本局不具有管辖权，依法不予立案并移送有管辖权的机关",
        "handler_opinion": "建议不予立案，将线索移送杭州市上城区市场监督管理局。",
    },
    "no_penalty_decision": {
        "reason": "当事人系初次违法，涉案宣传持续时间短、危害后果轻微，并在本局责令改正后当日下架了涉案宣传内容，及时改正",
        "paragraph": "一",
        "education": "2026年6月15日",
    },
    "transfer_letter": {
        "reason": "当事人作为通过直播电商平台开展直播的直播间运营者，其实际经营地在杭州市上城区，依据《直播电商监督管理办法》第四十七条第二款，本案由你局管辖",
    },
    "closure_approval": {"handler_opinion": "处罚决定已执行完毕，建议结案。"},
}


_TICKS: dict[dt.date, int] = {}


@contextmanager
def _dated(ctx: AppContext, day: dt.date | str) -> Iterator[None]:
    """Record what happens inside as done on ``day`` (from 09:05 Beijing time, five minutes
    after the last thing recorded that day), so that the sample file's timeline reads in the
    order of its dates instead of all at the moment the demo was loaded."""
    day = dt.date.fromisoformat(day) if isinstance(day, str) else day
    n = _TICKS[day] = _TICKS.get(day, 0) + 1
    saved = ctx.clock
    ctx.clock = FixedClock(
        dt.datetime.combine(day, dt.time(1, 0), tzinfo=dt.UTC) + dt.timedelta(minutes=5 * n)
    )
    try:
        yield
    finally:
        ctx.clock = saved


def _step(
    ctx: AppContext, officer: Officer, case_id: CaseId, command: str, on: str, **kwargs: object
) -> None:
    ctx.officer = officer
    with _dated(ctx, on):
        workflow.apply(ctx, case_id, command, dt.date.fromisoformat(on), **kwargs)


def run(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="lcregulator-demo-"))
    try:
        ctx = open_context(
            paths=Paths(home),
            url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}",
            clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
        )
        return _run(ctx, out)
    finally:
        shutil.rmtree(home, ignore_errors=True)


class DemoNotEmpty(DomainError):
    """``demo --keep`` writes a whole bureau: it refuses a database that already has one."""


@dataclass(frozen=True)
class DemoOfficer:
    name: str
    roles: list[str]
    password: str


@dataclass(frozen=True)
class Kept:
    officers: list[DemoOfficer]
    cases: list[str]  # 立案编号, or id:N before filing
    documents: list[Path]


def keep(ctx: AppContext, out: Path) -> Kept:
    """``demo --keep``: the sample bureau, officers and cases written into ``ctx``'s (empty)
    database, each officer with a fresh random password that is printed once and need not be
    changed, so that a trainer can sign in as the administrator or the 负责人 at once."""
    from . import auth

    if setup.our_authority(ctx) is not None or cases.count_cases(ctx):
        raise DemoNotEmpty("--keep 需要一个空数据库：此数据库已有本机关信息或案件，未作任何修改。")
    out.mkdir(parents=True, exist_ok=True)
    written = _run(ctx, out)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officers = setup.list_officers(ctx, authority.id)
    admin = next(o for o in officers if o.has_role(OfficerRole.ADMIN))
    ctx.officer = admin
    kept: list[DemoOfficer] = []
    for officer in officers:
        assert officer.id is not None
        password = "demo-" + secrets.token_urlsafe(9)
        auth.set_password(ctx, officer.id, password, must_change=False)
        kept.append(
            DemoOfficer(
                officer.name,
                [r.value for r in OfficerRole if r in officer.roles],
                password,
            )
        )
    ctx.officer = None
    numbers = [s.case_number or f"id:{s.id}" for s in cases.list_cases(ctx, limit=1000)]
    # the numbered files first, by number; then the clues never filed here
    return Kept(kept, sorted(numbers, key=lambda n: (n.startswith("id:"), n)), written)


def _run(ctx: AppContext, out: Path) -> list[Path]:
    _TICKS.clear()
    with _dated(ctx, "2026-03-02"):  # the bureau, its officers and the first complaint
        return _sample_bureau(ctx, out)


def _sample_bureau(ctx: AppContext, out: Path) -> list[Path]:
    zhang = setup.first_run(
        ctx,
        Authority(
            "杭州市西湖区市场监督管理局",
            "杭西市监",
            "330106",
            "杭州市西湖区文三路100号",
            "0571-87000000",
        ),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    bureau.save_initial(
        ctx,
        bureau.DocumentSettings(
            review_body="杭州市西湖区人民政府",
            court="杭州市西湖区人民法院",
            payee="杭州市西湖区财政局",
            bank="中国工商银行杭州西湖支行",
            account="1202 0000 0000 0000 000",
            payment_code="凭本局开具的《浙江省非税收入缴款通知书》所载缴款码通过“浙里办”或者代收银行缴纳",
        ),
    )
    li = setup.save_officer(
        ctx, Officer("李四", OfficerRole.HANDLER, "33010600102", zhang.authority_id)
    )
    wang = setup.save_officer(
        ctx, Officer("王五", OfficerRole.HEAD, "33010600001", zhang.authority_id)
    )
    zhao = setup.save_officer(
        ctx, Officer("赵六", OfficerRole.REVIEWER, "33010600201", zhang.authority_id)
    )
    ctx.officer = zhang
    platform = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州某直播电商平台有限公司",
            {PartyRole.PLATFORM_OPERATOR},
            uscc="91330108MA2H2KXX0K",
            domicile=Place("330108", "网商路699号"),
            registered=True,
        ),
    )
    room = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州好物严选电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc="91330106MA27XW1Y14",
            legal_representative="赵某",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路90号"),
            business_place=Place("330106", "文三路90号3楼"),
            registered=True,
            phone="13800000000",
            accounts=[LiveAccount("某直播平台", "haowu_yanxuan", "好物严选直播间", platform.id)],
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],  # type: ignore[arg-type]
        ),
    )
    assert room.id is not None and zhang.authority_id is not None
    case = cases.create_case(
        ctx,
        Case(
            title="杭州好物严选电子商务有限公司直播间虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=zhang.authority_id,
            summary="消费者投诉：2026年2月20日至28日，“好物严选直播间”在直播中宣称普通食品“某某代餐粉”可以治疗糖尿病。",
            officer_ids=[OfficerId(zhang.id or 0), OfficerId(li.id or 0)],
            parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],
            violations=[
                Violation(
                    "M62-1/promotion",
                    "于2026年2月20日至28日在“好物严选直播间”直播销售普通食品“某某代餐粉”时，宣称该产品“可以治疗糖尿病、三个月停药”，销售金额共计人民币86,400元",
                    act_start=dt.date(2026, 2, 20),
                    act_end=dt.date(2026, 2, 28),
                )
            ],
        ),
    )
    assert case.id is not None
    cid = CaseId(case.id)
    written: list[Path] = []

    def emit(kind: str, on: str, stem: str, on_case: CaseId = cid) -> None:
        ctx.officer = zhang
        ask = ASK | ASK_BY_KIND.get(kind, {})
        with _dated(ctx, on):
            issued = documents.issue(ctx, on_case, kind, ask, dt.date.fromisoformat(on))
        for src, suffix in ((issued.pdf_path, ".pdf"), (issued.docx_path, ".docx")):
            target = out / f"{len(written) // 2 + 1:02d}-{stem}{suffix}"
            shutil.copyfile(src, target)
            written.append(target)

    emit("case_source_registration", "2026-03-02", "案件来源登记表")
    _step(ctx, zhang, cid, "start_verification", "2026-03-03")
    emit("filing_approval", "2026-03-05", "立案审批表")
    _step(ctx, wang, cid, "file", "2026-03-09", case_number="杭西市监立〔2026〕15号")
    _step(ctx, zhang, cid, "start_investigation", "2026-03-09")
    emit("inquiry_notice", "2026-03-10", "询问通知书")
    emit("materials_notice", "2026-03-10", "限期提供材料通知书")
    emit("assistance_letter", "2026-03-10", "协助调查函")
    replay = Path(tempfile.mkdtemp()) / "好物严选直播间-2026-02-20回放.mp4"
    replay.write_bytes(b"\x00\x00\x00\x18ftypmp42 sample replay for the demo case" * 200)
    ctx.officer = zhang
    clock, ctx.clock = ctx.clock, FixedClock(dt.datetime(2026, 3, 12, 1, 30, tzinfo=dt.UTC))
    try:  # taken on the day of its 提取笔录, not on the day the demo runs
        evidence.add_evidence_file(
            ctx, cid, replay, source_url="https://live.example.cn/replay/20260220"
        )
    finally:
        ctx.clock = clock
    emit("electronic_evidence_record", "2026-03-12", "电子数据证据提取笔录")
    emit("correction_order", "2026-03-12", "责令改正通知书")
    _step(ctx, zhang, cid, "conclude", "2026-04-20")
    # the assessment the officer saves in the penalty dialog
    stored = cases.get_case(ctx, cid)
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
    stored.violations[0].assessment = ViolationAssessment.of(
        inp, result, "拟罚款150,000元（人民币壹拾伍万元整）"
    )
    ctx.officer = zhang
    with _dated(ctx, "2026-04-20"):
        cases.update_case(ctx, stored)
    emit("investigation_report", "2026-04-20", "案件调查终结报告")
    _step(
        ctx,
        zhang,
        cid,
        "submit_review",
        "2026-04-21",
        legal_review_required=True,
        collective_discussion_required=False,
    )
    emit("case_review_form", "2026-04-22", "案件审核表")
    _step(ctx, zhao, cid, "record_legal_review", "2026-04-24")
    emit("legal_review_form", "2026-04-24", "法制审核表")
    emit("service_address_confirmation", "2026-04-28", "送达地址确认书")
    emit("penalty_notice", "2026-04-29", "行政处罚告知书")  # issued, then served
    _step(
        ctx,
        zhang,
        cid,
        "serve_notice",
        "2026-04-29",
        hearing_right=True,
        document="行政处罚告知书（杭西市监罚告〔2026〕1号）",
    )
    _step(ctx, zhang, cid, "record_statement", "2026-05-08")
    _step(ctx, wang, cid, "decide", "2026-05-20", kind="penalty", fine=Decimal("150000"))
    emit("penalty_decision", "2026-05-20", "行政处罚决定书")
    emit("service_receipt", "2026-05-22", "送达回证")
    _step(ctx, zhang, cid, "serve_decision", "2026-05-22")
    _step(ctx, zhang, cid, "record_publicity", "2026-05-27")
    _step(ctx, zhang, cid, "record_payment", "2026-06-02", amount=Decimal("150000"))
    emit("closure_approval", "2026-06-10", "结案审批表")
    _step(ctx, wang, cid, "close", "2026-06-12")
    # the other roads a case can take, each on a file of its own (never after the decision
    # of a file they do not belong to: the 卷宗 binds its documents in date order)
    elsewhere, no_penalty = _other_roads(ctx, zhang, li, wang, platform)
    emit("not_filing_approval", "2026-06-05", "不予立案审批表", elsewhere)
    emit("no_penalty_decision", "2026-06-16", "不予行政处罚决定书", no_penalty)
    emit("transfer_letter", "2026-06-08", "案件移送函", elsewhere)
    _step(ctx, zhang, elsewhere, "transfer", "2026-06-08", to=ASK["receiver"])
    _step(ctx, zhang, no_penalty, "serve_decision", "2026-06-18")
    _step(ctx, wang, no_penalty, "close", "2026-06-19")
    written += _referral_case(ctx, zhang, li, wang, room, out, len(written) // 2)
    written += _summons(ctx, zhang, li, platform, out, len(written) // 2)
    ctx.database.dispose()
    return written


def _other_roads(
    ctx: AppContext, zhang: Officer, li: Officer, wang: Officer, platform: Party
) -> tuple[CaseId, CaseId]:
    """Two more files for the documents of the roads the main case did not take: a clue
    about a live room whose 实际经营地 lies in another district (not filed here, moved there
    with a 案件移送函), and a first, minor, at once corrected violation that ends in a
    不予行政处罚决定 (行政处罚法 Art 33 ¶1). Returns (the clue moved, the case not penalised)."""
    assert zhang.authority_id is not None and platform.id is not None
    ctx.officer = zhang
    with _dated(ctx, "2026-05-18"):
        return _tea_and_fruit(ctx, zhang, li, wang, platform)


def _tea_and_fruit(
    ctx: AppContext, zhang: Officer, li: Officer, wang: Officer, platform: Party
) -> tuple[CaseId, CaseId]:
    assert zhang.authority_id is not None and platform.id is not None
    fruit = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州鲜果优选电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc="91330106MA2KQ3NB6T",
            legal_representative="孙某",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "古墩路88号"),
            business_place=Place("330102", "望江街道秋涛路256号"),
            registered=True,
            accounts=[LiveAccount("某直播平台", "xianguo_yx", "鲜果优选直播间", platform.id)],
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],
        ),
    )
    tea = parties.save_party(
        ctx,
        Party(
            PartyKind.ORGANIZATION,
            "杭州西溪茗茶有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc="91330106MA2J8T5C3R",
            legal_representative="钱某",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "天目山路398号"),
            business_place=Place("330106", "天目山路398号2楼"),
            registered=True,
            accounts=[LiveAccount("某直播平台", "xixi_mingcha", "西溪茗茶直播间", platform.id)],
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],
        ),
    )
    assert fruit.id is not None and tea.id is not None
    with _dated(ctx, "2026-06-01"):
        moved = _fruit_clue(ctx, zhang, li, fruit)
    _step(ctx, zhang, CaseId(moved), "start_verification", "2026-06-02")
    case = cases.create_case(
        ctx,
        Case(
            title="杭州西溪茗茶有限公司直播间引人误解的商品宣传案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 5, 18),
            authority_id=zhang.authority_id,
            summary="网络监测发现：“西溪茗茶直播间”2026年5月15日直播中称普通绿茶为“明前特级龙井”。",
            officer_ids=[OfficerId(zhang.id or 0), OfficerId(li.id or 0)],
            parties=[CaseParty(tea.id, PartyRole.ROOM_OPERATOR)],
            violations=[
                Violation(
                    "M62-1/promotion",
                    "于2026年5月15日在“西溪茗茶直播间”直播销售绿茶时，将雨前采摘的普通绿茶宣称为“明前特级龙井”，当场销售12罐，销售金额人民币1,176元",
                    act_start=dt.date(2026, 5, 15),
                    act_end=dt.date(2026, 5, 15),
                )
            ],
        ),
    )
    assert case.id is not None
    tid = CaseId(case.id)
    _step(ctx, zhang, tid, "start_verification", "2026-05-19")
    _step(ctx, wang, tid, "file", "2026-05-22", case_number="杭西市监立〔2026〕23号")
    _step(ctx, zhang, tid, "start_investigation", "2026-05-22")
    _step(ctx, zhang, tid, "conclude", "2026-06-10")
    _step(
        ctx,
        zhang,
        tid,
        "submit_review",
        "2026-06-11",
        legal_review_required=False,
        collective_discussion_required=False,
    )
    _step(ctx, wang, tid, "decide", "2026-06-16", kind="no_penalty")
    return CaseId(moved), tid


def _fruit_clue(ctx: AppContext, zhang: Officer, li: Officer, fruit: Party) -> int:
    assert zhang.authority_id is not None and fruit.id is not None
    moved = cases.create_case(
        ctx,
        Case(
            title="杭州鲜果优选电子商务有限公司直播间虚构原价线索",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 6, 1),
            authority_id=zhang.authority_id,
            summary="消费者投诉：“鲜果优选直播间”2026年5月20日直播中标示的“原价”从未实际成交。",
            officer_ids=[OfficerId(zhang.id or 0), OfficerId(li.id or 0)],
            parties=[CaseParty(fruit.id, PartyRole.ROOM_OPERATOR)],
            violations=[
                Violation(
                    "M60/price-fraud",
                    "于2026年5月20日在“鲜果优选直播间”销售“红美人柑橘”时，标示“原价198元”，该价格在本次促销前七日内从未成交",
                    act_start=dt.date(2026, 5, 20),
                    act_end=dt.date(2026, 5, 20),
                )
            ],
        ),
    )
    assert moved.id is not None
    return moved.id


def _summons(
    ctx: AppContext, zhang: Officer, li: Officer, platform: Party, out: Path, done: int
) -> list[Path]:
    """A summons of the platform under Art 52, standing alone, with its three documents."""

    ctx.officer = zhang
    with _dated(ctx, "2026-06-10"):
        return _summons_of(ctx, zhang, li, platform, out, done)


def _summons_of(
    ctx: AppContext, zhang: Officer, li: Officer, platform: Party, out: Path, done: int
) -> list[Path]:
    from lcregulator.domain.summons import Outcome, Summons

    from . import summons

    saved = summons.save(
        ctx,
        Summons(
            party_id=int(platform.id or 0),
            grounds=[1, 4],
            ground_details="",
            invited_person="平台合规负责人周某",
            scheduled_at=dt.datetime(2026, 6, 16, 1, 30, tzinfo=dt.UTC),
            place="杭州市西湖区文三路100号本局三楼约谈室",
            officer_ids=[int(zhang.id or 0), int(li.id or 0)],
            joint_with_cyberspace=True,
            record="平台说明：对“好物严选直播间”的营销人员身份未按办法第八条第三款核验；承诺立即排查并建立核验制度。",
            commitments="十日内完成对平台内全部直播间营销人员的身份核验，并建立常态化核验制度。",
            rectification_required="对平台内直播营销人员真实身份进行核验，建立健全核验、登记和定期复核制度，并书面报告整改情况。",
            rectification_deadline=dt.date(2026, 6, 30),
        ),
    )
    assert saved.id is not None
    written: list[Path] = []
    for kind, stem, on in (
        ("summons_notice", "约谈通知书", dt.date(2026, 6, 10)),  # served before the 约谈
        ("summons_record", "约谈记录", dt.date(2026, 6, 16)),
        ("rectification_notice", "整改通知书", dt.date(2026, 6, 16)),
    ):
        with _dated(ctx, on):
            issued = documents.issue_for_summons(ctx, saved.id, kind, on)
        written += _copy(issued, out, done + len(written) // 2 + 1, stem)
    with _dated(ctx, "2026-06-19"):  # reported early, checked on the spot
        summons.record_outcome(
            ctx,
            saved.id,
            Outcome.RECTIFIED,
            dt.date(2026, 6, 19),
            "平台书面报告已完成全部直播营销人员身份核验并建立定期复核制度，经现场核查属实。",
        )
    return written


def _referral_case(
    ctx: AppContext, zhang: Officer, li: Officer, wang: Officer, room: Party, out: Path, done: int
) -> list[Path]:
    """A second case that meets a prosecution threshold and is referred to the police."""
    assert room.id is not None and zhang.authority_id is not None
    ctx.officer = zhang
    with _dated(ctx, "2026-05-06"):
        return _referral_of(ctx, zhang, li, wang, room, out, done)


def _referral_of(
    ctx: AppContext, zhang: Officer, li: Officer, wang: Officer, room: Party, out: Path, done: int
) -> list[Path]:
    assert room.id is not None and zhang.authority_id is not None
    case = cases.create_case(
        ctx,
        Case(
            title="杭州好物严选电子商务有限公司直播销售假冒注册商标的商品案",
            source=ClueSource.REPORT,
            received_on=dt.date(2026, 5, 6),
            authority_id=zhang.authority_id,
            summary="权利人举报：“好物严选直播间”销售假冒“某某”注册商标的运动鞋。",
            officer_ids=[OfficerId(zhang.id or 0), OfficerId(li.id or 0)],
            parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],
            violations=[
                Violation(
                    "M61",
                    "于2026年4月1日至30日通过“好物严选直播间”销售假冒“某某”注册商标的运动鞋1,200双，销售金额人民币68,000元，库存同款运动鞋800双",
                    act_start=dt.date(2026, 4, 1),
                    act_end=dt.date(2026, 4, 30),
                )
            ],
        ),
    )
    assert case.id is not None
    cid = CaseId(case.id)
    _step(ctx, wang, cid, "file", "2026-05-08", case_number="杭西市监立〔2026〕21号")
    _step(ctx, zhang, cid, "start_investigation", "2026-05-08")
    ctx.officer = zhang
    records = Path(tempfile.mkdtemp()) / "好物严选直播间2026年4月运动鞋销售记录.csv"
    records.write_text("订单号,商品,数量,金额\n20260401001,运动鞋,1,56.67\n", "utf-8")
    clock, ctx.clock = ctx.clock, FixedClock(dt.datetime(2026, 5, 9, 2, 0, tzinfo=dt.UTC))
    try:  # the sales records the platform supplied, on file before the report cites them
        evidence.add_evidence_file(
            ctx, cid, records, source_url="https://platform.example.cn/export/202604"
        )
    finally:
        ctx.clock = clock
    with _dated(ctx, "2026-05-12"):
        workflow.screen_referral(
            ctx,
            cid,
            ReferralInput(
                "counterfeit_trademark_goods",
                "organization",
                {"sales_amount": Decimal("68000"), "unsold_goods_value": Decimal("45000")},
                {"prior_penalty_same_conduct_2y": False},
            ),
        )
    _step(ctx, zhang, cid, "referral_team", "2026-05-12", officer_ids=[zhang.id, li.id])
    _step(ctx, zhang, cid, "referral_report", "2026-05-12")
    written: list[Path] = []
    ask = {
        "police": "杭州市公安局西湖区分局",
        "items": "假冒“某某”注册商标运动鞋800双，存放于本局涉案物品仓库A区；销售记录U盘1个",
    }
    for kind, stem, on in (
        ("criminal_referral_report", "涉嫌犯罪案件情况的调查报告", "2026-05-12"),
        ("seized_items_list", "涉案物品清单", "2026-05-13"),
    ):
        with _dated(ctx, on):
            issued = documents.issue(ctx, cid, kind, ask, dt.date.fromisoformat(on))
        written += _copy(issued, out, done + len(written) // 2 + 1, stem)
    _step(ctx, wang, cid, "referral_decide", "2026-05-13", approve=True)
    ctx.officer = zhang
    with _dated(ctx, "2026-05-14"):
        issued = documents.issue(ctx, cid, "criminal_referral_letter", ask, dt.date(2026, 5, 14))
    written += _copy(issued, out, done + len(written) // 2 + 1, "涉嫌犯罪案件移送书")
    _step(ctx, zhang, cid, "refer", "2026-05-14")
    _step(ctx, zhang, cid, "police_decision", "2026-05-16", accepted=True)
    return written


def _copy(issued: documents.Issued, out: Path, index: int, stem: str) -> list[Path]:
    paths = []
    for src, suffix in ((issued.pdf_path, ".pdf"), (issued.docx_path, ".docx")):
        target = out / f"{index:02d}-{stem}{suffix}"
        shutil.copyfile(src, target)
        paths.append(target)
    return paths
