"""Demo data: parties in every role of Art 2 and Art 24, and a case at every stage.

For training and for trying the application out; every name carries 演示 so that demo records
are never mistaken for real ones, and loading twice is refused.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from stdnum.cn import ric, uscc

from lcregulator.domain.authority import Officer, OfficerId, OfficerRole
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource, Violation
from lcregulator.domain.deadlines import Suspension
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
from lcregulator.domain.procedure import Payment, Procedure

from . import cases, parties, setup
from .context import AppContext

DEMO_MARK = "演示"
PLATFORM = "浙江某直播电商平台有限公司"  # the party whose presence says "already loaded"


def _uscc(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


def _ric(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


@dataclass(frozen=True)
class DemoOfficer:
    """A demo officer this load created, with the initial password to tell them once."""

    name: str
    badge_number: str
    password: str


@dataclass(frozen=True)
class DemoLoaded:
    cases: list[Case]
    officers: list[DemoOfficer]  # empty when the bureau already had two 执法证 holders


def _badge(taken: set[str], region: str, n: int) -> str:
    """A 执法证号 shaped like the bureau's own (region code and a serial), in a 9xx range
    ordinary numbering leaves alone, and not one already held."""
    serial = 901 + n
    while f"{region}{serial:05d}" in taken:
        serial += 1
    return f"{region}{serial:05d}"


def _officers(ctx: AppContext, authority_id: int) -> tuple[list[OfficerId], list[DemoOfficer]]:
    """Two officers holding 执法证: ours if there are two, else demo officers to make two.

    Each demo officer gets a random initial password (shown once by the caller), to be
    changed at the first sign-in like any password an administrator gives."""
    from . import auth

    everyone = setup.list_officers(ctx, authority_id)  # type: ignore[arg-type]
    holders = [o for o in everyone if o.can_enforce and o.id]
    taken = {o.badge_number for o in everyone}
    authority = setup.our_authority(ctx)
    region = authority.region if authority is not None else "000000"
    created: list[DemoOfficer] = []
    for n in range(len(holders), 2):
        badge = _badge(taken, region, n)
        taken.add(badge)
        officer = setup.save_officer(
            ctx,
            Officer(
                name=f"{DEMO_MARK}执法员{'甲乙'[n]}",
                role=OfficerRole.HANDLER,
                badge_number=badge,
                authority_id=authority_id,  # type: ignore[arg-type]
            ),
        )
        assert officer.id is not None
        password = "demo-" + secrets.token_urlsafe(9)
        auth.set_password(ctx, officer.id, password, must_change=True)
        holders.append(officer)
        created.append(DemoOfficer(officer.name, badge, password))
    return [OfficerId(int(o.id)) for o in holders[:2] if o.id], created


def _parties(ctx: AppContext, mark: str) -> dict[str, Party]:
    save: Callable[[Party], Party] = lambda p: parties.save_party(ctx, p)  # noqa: E731
    platform = save(
        Party(
            PartyKind.ORGANIZATION,
            f"{mark}{PLATFORM}",
            {PartyRole.PLATFORM_OPERATOR},
            uscc=_uscc("91330106MA2H3PLT0"),
            legal_representative="周某",
            domicile=Place("330106", "文一西路699号"),
            registered=True,
            phone="0571-88880000",
        )
    )
    other = save(
        Party(
            PartyKind.ORGANIZATION,
            f"{mark}杭州某短视频社交平台有限公司",
            {PartyRole.OTHER_PROVIDER},
            uscc=_uscc("91330106MA2B00001"),
            legal_representative="吴某",
            domicile=Place("330106", "西溪路556号"),
            registered=True,
        )
    )
    agency = save(
        Party(
            PartyKind.ORGANIZATION,
            f"{mark}杭州某文化传媒有限公司",
            {PartyRole.SERVICE_AGENCY},
            uscc=_uscc("91330105MA2C00002"),
            legal_representative="郑某",
            domicile=Place("330106", "莫干山路1号"),
            registered=True,
        )
    )
    room = save(
        Party(
            PartyKind.ORGANIZATION,
            f"{mark}杭州优品汇电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc=_uscc("91330106MA2CRM8Q0"),
            legal_representative="赵某",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路90号"),
            business_place=Place("330106", "文三路90号3楼"),
            registered=True,
            accounts=[LiveAccount("某直播电商平台", "youpinhui_zb", "优品汇直播间", platform.id)],
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],  # type: ignore[arg-type]
        )
    )
    shop = save(
        Party(
            PartyKind.INDIVIDUAL_BUSINESS,
            f"{mark}杭州市西湖区钱记食品商行",
            {PartyRole.ROOM_OPERATOR},
            uscc=_uscc("92330110MA2D00003"),
            id_number=_ric("33010619850615002"),
            legal_representative="钱某",
            channel=Channel.OWN_SITE,
            domicile=Place("330106", "三墩镇某路8号"),
            registered=True,
            accounts=[LiveAccount("自建小程序商城", "shop_qian", "钱记土特产直播")],
        )
    )
    host = save(
        Party(
            PartyKind.NATURAL_PERSON,
            f"{mark}主播陈某",
            {PartyRole.MARKETER},
            id_number=_ric("34110219920808331"),
            domicile=Place("330106", "古荡街道某小区3幢"),
            household_registration=Place("341102", "西涧街道某村"),
            accounts=[LiveAccount("某直播电商平台", "chen_youpin", "")],
            links=[
                PartyLink(LinkKind.APPEARS_FOR, room.id),  # type: ignore[arg-type]
                PartyLink(LinkKind.REPRESENTED_BY, agency.id),  # type: ignore[arg-type]
            ],
        )
    )
    # a room on its own site in another district: Art 47 sends its case there
    elsewhere = save(
        Party(
            PartyKind.ORGANIZATION,
            f"{mark}杭州某农产品电子商务有限公司",
            {PartyRole.ROOM_OPERATOR},
            uscc=_uscc("91330110MA2E00004"),
            legal_representative="孙某",
            channel=Channel.OWN_SITE,
            domicile=Place("330110", "五常街道某路18号"),
            business_place=Place("330110", "仓前街道某仓库"),
            registered=True,
            accounts=[LiveAccount("自建直播网站", "nongchan_zhibo", "某农产品直播间")],
        )
    )
    return {
        "elsewhere": elsewhere,
        "platform": platform,
        "other": other,
        "agency": agency,
        "room": room,
        "shop": shop,
        "host": host,
    }


# (status, title, parties with roles, violation, clue source)
_STAGES: list[tuple[CaseStatus, str, list[tuple[str, PartyRole]], str, ClueSource]] = [
    (
        CaseStatus.CLUE,
        "优品汇直播间“原价”标示线索",
        [("room", PartyRole.ROOM_OPERATOR)],
        "M60/price-marking",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.VERIFYING,
        "主播陈某宣称保健食品治病线索",
        [("host", PartyRole.MARKETER)],
        "M62-1/advertising",
        ClueSource.MONITORING,
    ),
    (
        CaseStatus.NOT_FILED,
        "某食品商行直播间标题问题线索（不予立案）",
        [("shop", PartyRole.ROOM_OPERATOR)],
        "M59(2)",
        ClueSource.REPORT,
    ),
    (
        CaseStatus.FILED,
        "某直播电商平台未核验直播间运营者身份案",
        [("platform", PartyRole.PLATFORM_OPERATOR)],
        "M53(1)",
        ClueSource.ASSIGNED,
    ),
    (
        CaseStatus.INVESTIGATING,
        "优品汇直播间虚假宣传案",
        [("room", PartyRole.ROOM_OPERATOR), ("host", PartyRole.MARKETER)],
        "M62-1/promotion",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.CONCLUDED,
        "某文化传媒公司未核验直播营销人员身份案",
        [("agency", PartyRole.SERVICE_AGENCY)],
        "M64",
        ClueSource.MONITORING,
    ),
    (
        CaseStatus.UNDER_REVIEW,
        "某食品商行直播间未公示经营者信息案",
        [("shop", PartyRole.ROOM_OPERATOR)],
        "M57",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.NOTIFIED,
        "优品汇直播间未展示实际销售者信息案",
        [("room", PartyRole.ROOM_OPERATOR)],
        "M58",
        ClueSource.PLATFORM_REPORT,
    ),
    (
        CaseStatus.DECIDED,
        "某短视频社交平台未建立黑名单制度案",
        [("other", PartyRole.OTHER_PROVIDER)],
        "M54(7)",
        ClueSource.ASSIGNED,
    ),
    (
        CaseStatus.SERVED,
        "主播陈某销售不合格儿童玩具案",
        [("host", PartyRole.MARKETER)],
        "M61",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.EXECUTING,
        "优品汇直播间未标识人工智能生成主播案",
        [("room", PartyRole.ROOM_OPERATOR)],
        "M59(5)",
        ClueSource.MONITORING,
    ),
    (
        CaseStatus.CLOSED,
        "某直播电商平台未保存交易信息案",
        [("platform", PartyRole.PLATFORM_OPERATOR)],
        "M53(3)",
        ClueSource.ASSIGNED,
    ),
    (
        CaseStatus.ARCHIVED,
        "主播陈某诋毁竞争对手商品声誉案",
        [("host", PartyRole.MARKETER)],
        "M62-2",
        ClueSource.REPORT,
    ),
    (
        CaseStatus.SUSPENDED,
        "某食品商行销售过期食品案（检验中止）",
        [("shop", PartyRole.ROOM_OPERATOR)],
        "M61",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.TRANSFERRED,
        "外地直播间价格欺诈案（移送管辖）",
        [("elsewhere", PartyRole.ROOM_OPERATOR)],
        "M60/price-fraud",
        ClueSource.COMPLAINT,
    ),
    (
        CaseStatus.REFERRED,
        "优品汇直播间销售假冒注册商标商品案（移送公安）",
        [("room", PartyRole.ROOM_OPERATOR)],
        "M61",
        ClueSource.REPORT,
    ),
]

# what each stage's case is about, as its facts read
_FACTS: dict[CaseStatus, str] = {
    CaseStatus.CLUE: "在“优品汇直播间”标示“原价399元”，该商品此前七日内无此成交价",
    CaseStatus.VERIFYING: "在直播中宣称普通保健食品“可以降血糖、替代药物”",
    CaseStatus.NOT_FILED: "在直播间标题中使用“特价”字样",
    CaseStatus.FILED: "未对平台内直播间运营者提交的身份信息进行核验、登记",
    CaseStatus.INVESTIGATING: "在“优品汇直播间”直播中虚构“已售十万件”的销售状况",
    CaseStatus.CONCLUDED: "未对签约直播营销人员的真实身份信息进行核验",
    CaseStatus.UNDER_REVIEW: "在自建小程序直播间未公示营业执照信息和经营者联系方式",
    CaseStatus.NOTIFIED: "在“优品汇直播间”未展示所售商品实际销售者的名称和地址",
    CaseStatus.DECIDED: "未建立直播营销人员黑名单管理制度",
    CaseStatus.SERVED: "在直播中销售经检验不合格的儿童塑胶玩具",
    CaseStatus.EXECUTING: "在“优品汇直播间”使用人工智能生成的虚拟主播而未作显著标识",
    CaseStatus.CLOSED: "未按规定保存直播内容及商品交易信息",
    CaseStatus.ARCHIVED: "在直播中贬低竞争对手商品“含有致癌物”，损害其商品声誉",
    CaseStatus.SUSPENDED: "在直播中销售超过保质期的食品，送检结果待出",
    CaseStatus.TRANSFERRED: "在自建网站直播间以虚构的“原价”进行价格比较",
    CaseStatus.REFERRED: "在“优品汇直播间”销售假冒“某某”注册商标的运动鞋",
}

# Days before today of (received, filed, notice served, decided, decision served, closed) for a
# case at each stage, so that the demo shows current work: most deadlines still ahead. Each row
# follows the procedure's order and its time limits: 立案 within 15 working days of the clue
# (程序规定 Art 18), the decision within 90 days of 立案 (Art 64), after the 陈述申辩 and
# hearing-request periods (行政处罚法 Arts 45, 64), served within 7 days (Art 61), paid within 15
# days of service (Art 67) and closed afterwards. ``tests/services/test_demo_dates.py`` checks it.
_DAYS_AGO: dict[CaseStatus, tuple[int | None, ...]] = {
    CaseStatus.CLUE: (6, None, None, None, None, None),
    CaseStatus.VERIFYING: (10, None, None, None, None, None),
    CaseStatus.NOT_FILED: (30, None, None, None, None, None),
    CaseStatus.FILED: (12, 8, None, None, None, None),
    CaseStatus.INVESTIGATING: (50, 45, None, None, None, None),
    CaseStatus.CONCLUDED: (70, 64, None, None, None, None),
    CaseStatus.UNDER_REVIEW: (80, 74, None, None, None, None),
    CaseStatus.NOTIFIED: (90, 84, 4, None, None, None),
    CaseStatus.DECIDED: (80, 75, 20, 2, None, None),
    CaseStatus.SERVED: (85, 80, 25, 10, 8, None),
    CaseStatus.EXECUTING: (90, 85, 30, 14, 12, None),
    CaseStatus.CLOSED: (200, 195, 150, 130, 128, 60),
    CaseStatus.ARCHIVED: (270, 265, 220, 200, 198, 150),
    CaseStatus.SUSPENDED: (60, 55, None, None, None, None),
    CaseStatus.TRANSFERRED: (15, None, None, None, None, None),
    CaseStatus.REFERRED: (40, 35, None, None, None, None),
}


def _procedure(status: CaseStatus, today: dt.date) -> Procedure:
    """What the stage implies beyond the dates: the fine, its payment (after the decision was
    served, within the 15 days) and publicity (after the decision), a suspension after 立案."""
    p = Procedure()
    days = _DAYS_AGO[status]
    decided = None if days[3] is None else today - dt.timedelta(days=days[3])
    served = None if days[4] is None else today - dt.timedelta(days=days[4])
    if status is CaseStatus.SUSPENDED:
        p.suspensions = [Suspension(today - dt.timedelta(days=10), None)]
        p.suspended_from = CaseStatus.INVESTIGATING.value
    if decided is not None:
        p.decision_kind = "penalty"
        p.fine = Decimal("30000")
    if status is CaseStatus.EXECUTING:
        p.payments = [Payment(today - dt.timedelta(days=5), Decimal("10000"))]
    if status in (CaseStatus.CLOSED, CaseStatus.ARCHIVED):
        assert decided is not None and served is not None
        p.payments = [Payment(served + dt.timedelta(days=10), Decimal("30000"))]
        p.published_on = decided + dt.timedelta(days=5)
    if status is CaseStatus.NOT_FILED:
        p.not_filed_reason = "经核查，直播间标题中的“特价”系平台活动标识，未发现违法事实。"
    if status is CaseStatus.TRANSFERRED:
        p.transferred_to = "杭州市余杭区市场监督管理局"
    return p


def load_demo_cases(ctx: AppContext) -> list[Case]:
    """Create the demo parties and one case per stage; returns the cases."""
    return load_demo(ctx).cases


def load_demo(
    ctx: AppContext,
    mark: str = DEMO_MARK,
    first_number: int = 1,
    number_for: Callable[[dt.date], int] | None = None,
) -> DemoLoaded:
    """Create the demo parties, the officers missing for two 执法证 holders (with their
    initial passwords) and one case per stage.

    In an officer's database every name and 立案编号 carries ``mark`` (演示), so that demo
    records are never taken for real ones and never take a real number. A throw-away database
    (the README's screenshots) may load them unmarked, numbered from ``first_number`` in the
    order they were filed, or by ``number_for`` (the filing date's serial in a register that
    already holds numbers)."""
    authority = setup.our_authority(ctx)
    if authority is None or authority.id is None:
        raise DomainError("请先完成本机关设置，再载入演示案件。")
    if parties.search_parties(ctx, f"{mark}{PLATFORM}"):
        raise DomainError("演示案件已经载入过。")
    officer_ids, demo_officers = _officers(ctx, authority.id)
    who = _parties(ctx, mark)
    today = ctx.today()
    filed_days = sorted({d[1] for d in _DAYS_AGO.values() if d[1] is not None}, reverse=True)
    created = []
    for status, title, roles, provision_id, source in _STAGES:
        dates = [
            None if ago is None else today - dt.timedelta(days=ago) for ago in _DAYS_AGO[status]
        ]
        received, filed, notice, decided, served, closed = dates
        assert received is not None
        act = received - dt.timedelta(days=10)
        end = act + dt.timedelta(days=3)
        serial = first_number + filed_days.index(_DAYS_AGO[status][1] or 0) if filed else 0
        if filed and number_for is not None:
            serial = number_for(filed)
        case = Case(
            title=f"{title}（{mark}）" if mark else title,
            source=source,
            received_on=received,
            authority_id=authority.id,
            status=status,
            case_number=f"{authority.short_name}立〔{filed.year}〕{mark}{serial}号"
            if filed
            else "",
            summary=f"{mark}数据：{title}。" if mark else f"{title}：{_FACTS[status]}。",
            filed_on=filed,
            notice_served_on=notice,
            decided_on=decided,
            decision_served_on=served,
            closed_on=closed,
            officer_ids=officer_ids if filed or status is not CaseStatus.CLUE else officer_ids[:1],
            procedure=_procedure(status, today),
            parties=[CaseParty(who[key].id, role) for key, role in roles],  # type: ignore[arg-type]
            violations=[
                Violation(
                    provision_id,
                    (f"{mark}：" if mark else "")
                    + f"当事人于{act.year}年{act.month}月{act.day}日至{end.month}月{end.day}日{_FACTS[status]}。",
                    act_start=act,
                    act_end=end,
                )
            ],
        )
        created.append(cases.create_case(ctx, case, taken_over=True))  # one per stage
    return DemoLoaded(created, demo_officers)
