"""Round trips through the repositories on SQLite and PostgreSQL: what goes in comes out."""

from __future__ import annotations

import datetime as dt

from lcregulator.domain.authority import OfficerId
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource, Violation
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
from lcregulator.persistence.unit_of_work import UnitOfWork
from lcregulator.services import cases, parties
from lcregulator.services.context import AppContext
from tests.samples import RIC_MARKETER, USCC_PLATFORM, USCC_ROOM


def make_parties(ctx: AppContext) -> tuple[Party, Party, Party]:
    platform = parties.save_party(
        ctx,
        Party(
            kind=PartyKind.ORGANIZATION,
            name="杭州某网络科技有限公司",
            roles={PartyRole.PLATFORM_OPERATOR},
            uscc=USCC_PLATFORM,
            domicile=Place("330108", "滨江区网商路1号"),
            registered=True,
        ),
    )
    assert platform.id is not None
    room = parties.save_party(
        ctx,
        Party(
            kind=PartyKind.ORGANIZATION,
            name="杭州某电子商务有限公司",
            roles={PartyRole.ROOM_OPERATOR},
            uscc=USCC_ROOM,
            legal_representative="赵六",
            channel=Channel.PLATFORM,
            domicile=Place("330106", "文三路1号"),
            business_place=Place("330110", "余杭区某仓库"),
            registered=True,
            phone="13800000000",
            accounts=[
                LiveAccount(
                    "某直播平台", "shop_001", "好物直播间", platform_operator_id=platform.id
                )
            ],
            links=[PartyLink(LinkKind.ON_PLATFORM, platform.id)],
        ),
    )
    assert room.id is not None
    host = parties.save_party(
        ctx,
        Party(
            kind=PartyKind.NATURAL_PERSON,
            name="主播甲",
            roles={PartyRole.MARKETER},
            id_number=RIC_MARKETER,
            domicile=Place("330106", "经常居所：西湖区某小区"),
            household_registration=Place("341102", "安徽省滁州市琅琊区某村"),
            accounts=[LiveAccount("某直播平台", "host_甲", "")],
            links=[PartyLink(LinkKind.APPEARS_FOR, room.id)],
        ),
    )
    return platform, room, host


def test_party_round_trip(configured: AppContext) -> None:
    platform, room, host = make_parties(configured)
    assert room.id is not None and host.id is not None
    loaded = parties.get_party(configured, room.id)
    assert loaded.name == "杭州某电子商务有限公司"
    assert loaded.roles == {PartyRole.ROOM_OPERATOR}
    assert loaded.uscc == USCC_ROOM
    assert loaded.channel is Channel.PLATFORM
    assert loaded.domicile == Place("330106", "文三路1号")
    assert loaded.business_place == Place("330110", "余杭区某仓库")
    assert loaded.household_registration is None
    assert [(a.platform, a.account_id, a.room_name) for a in loaded.accounts] == [
        ("某直播平台", "shop_001", "好物直播间")
    ]
    assert loaded.accounts[0].platform_operator_id == platform.id
    assert [(link.kind, link.target_id) for link in loaded.links] == [
        (LinkKind.ON_PLATFORM, platform.id)
    ]
    assert loaded.version == 1
    h = parties.get_party(configured, host.id)
    assert h.household_registration == Place("341102", "安徽省滁州市琅琊区某村")
    assert h.id_number == RIC_MARKETER


def test_party_edit_keeps_child_ids_and_bumps_version(configured: AppContext) -> None:
    _, room, _ = make_parties(configured)
    account_id = room.accounts[0].id
    room.accounts[0].room_name = "好物直播间（新）"
    room.accounts.append(LiveAccount("另一平台", "shop_002"))
    saved = parties.save_party(configured, room)
    assert saved.version == 2
    assert saved.accounts[0].id == account_id
    assert [a.room_name for a in saved.accounts] == ["好物直播间（新）", ""]


def test_party_search_by_name_code_account_and_room(configured: AppContext) -> None:
    make_parties(configured)
    assert [p.name for p in parties.search_parties(configured, "主播")] == ["主播甲"]
    assert [p.name for p in parties.search_parties(configured, USCC_ROOM[-6:])] == [
        "杭州某电子商务有限公司"
    ]
    assert [p.name for p in parties.search_parties(configured, "好物直播")] == [
        "杭州某电子商务有限公司"
    ]
    assert [p.name for p in parties.search_parties(configured, "host_甲")] == ["主播甲"]


def test_case_round_trip_with_parties_violations_and_events(configured: AppContext) -> None:
    _, room, host = make_parties(configured)
    assert room.id is not None and host.id is not None
    officers = [o for o in _officers(configured) if o.role.value == "handler"]
    case = cases.create_case(
        configured,
        Case(
            title="杭州某电子商务有限公司虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=_authority_id(configured),
            status=CaseStatus.FILED,
            case_number="杭西市监立〔2026〕15号",
            filed_on=dt.date(2026, 3, 10),
            officer_ids=[OfficerId(o.id) for o in officers if o.id],
            parties=[
                CaseParty(room.id, PartyRole.ROOM_OPERATOR),
                CaseParty(host.id, PartyRole.MARKETER),
            ],
            violations=[
                Violation(
                    "M59(1)",
                    "直播中宣称产品可治疗糖尿病",
                    act_start=dt.date(2026, 2, 20),
                    act_end=dt.date(2026, 2, 28),
                )
            ],
        ),
        taken_over=True,  # filed already: the round trip keeps the stage
    )
    assert case.id is not None
    loaded = cases.get_case(configured, case.id)
    assert loaded.title == "杭州某电子商务有限公司虚假宣传案"
    assert loaded.status is CaseStatus.FILED
    assert loaded.filed_on == dt.date(2026, 3, 10)
    assert [int(o) for o in loaded.officer_ids] == [o.id for o in officers]
    assert [(p.party_id, p.role) for p in loaded.parties] == [
        (room.id, PartyRole.ROOM_OPERATOR),
        (host.id, PartyRole.MARKETER),
    ]
    v = loaded.violations[0]
    assert (v.provision_id, v.act_start, v.act_end) == (
        "M59(1)",
        dt.date(2026, 2, 20),
        dt.date(2026, 2, 28),
    )
    summaries = cases.list_cases(configured)
    assert [(s.title, s.parties, s.officers) for s in summaries] == [
        ("杭州某电子商务有限公司虚假宣传案", "杭州某电子商务有限公司、主播甲", "张三、李四")
    ]
    events = cases.timeline(configured, case.id)
    assert [e.action for e in events] == ["case.created"]
    assert events[0].officer_id == configured.officer.id  # type: ignore[union-attr]
    assert events[0].at == configured.clock.now()


def test_update_records_before_and_after(configured: AppContext) -> None:
    case = _simple_case(configured)
    case.title = "更正后的案件名称"
    case.summary = "补充案情"
    saved = cases.update_case(configured, case)
    assert saved.version == 2
    event = cases.timeline(configured, saved.id)[-1]  # type: ignore[arg-type]
    assert event.action == "case.updated"
    assert event.before == {"title": "某直播间案", "summary": ""}
    assert event.after == {"title": "更正后的案件名称", "summary": "补充案情"}
    assert "案件名称" in event.summary and "案情摘要" in event.summary


def _officers(ctx: AppContext) -> list:  # type: ignore[type-arg]
    with UnitOfWork(ctx.database, None, ctx.clock.now()) as uow:
        return uow.officers.list(_authority_id(ctx))


def _authority_id(ctx: AppContext) -> int:
    with UnitOfWork(ctx.database, None, ctx.clock.now()) as uow:
        return int(uow.settings.get("authority_id") or 0)


def _simple_case(ctx: AppContext) -> Case:
    return cases.create_case(
        ctx,
        Case(
            title="某直播间案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 3, 2),
            authority_id=_authority_id(ctx),
        ),
    )
