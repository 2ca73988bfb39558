"""Finding cases: by number, party name (two characters too), codes, accounts, rooms; filters."""

from __future__ import annotations

import datetime as dt

from lcregulator.domain.authority import OfficerId
from lcregulator.domain.cases import Case, CaseParty, CaseStatus, ClueSource
from lcregulator.domain.parties import PartyRole
from lcregulator.persistence.case_search import CaseQuery, SortKey
from lcregulator.services import cases, parties, setup
from lcregulator.services.context import AppContext
from tests.persistence.test_repositories import make_parties
from tests.samples import RIC_MARKETER, USCC_ROOM


def seed(ctx: AppContext) -> None:
    _, room, host = make_parties(ctx)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None and room.id and host.id
    officers = setup.list_officers(ctx, authority.id)
    zhang, li, wang = (OfficerId(o.id or 0) for o in officers)
    cases.create_case(
        ctx,
        Case(
            title="好物严选直播间虚假宣传案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
            status=CaseStatus.FILED,
            case_number="杭西市监立〔2026〕7号",
            filed_on=dt.date(2026, 3, 9),
            officer_ids=[zhang, li],
            parties=[CaseParty(room.id, PartyRole.ROOM_OPERATOR)],
        ),
        taken_over=True,  # filed already: the register shows it as such
    )
    cases.create_case(
        ctx,
        Case(
            title="主播销售过期食品案",
            source=ClueSource.MONITORING,
            received_on=dt.date(2026, 5, 20),
            authority_id=authority.id,
            officer_ids=[li],
            parties=[CaseParty(host.id, PartyRole.MARKETER)],
        ),
    )
    cases.create_case(
        ctx,
        Case(
            title="某平台未履行核验义务案",
            source=ClueSource.PLATFORM_REPORT,
            received_on=dt.date(2026, 8, 1),
            authority_id=authority.id,
            officer_ids=[wang],
        ),
    )


def titles(ctx: AppContext, **query: object) -> list[str]:
    return [s.title for s in cases.list_cases(ctx, CaseQuery(**query))]  # type: ignore[arg-type]


def test_search_terms_of_every_kind(configured: AppContext) -> None:
    seed(configured)
    assert titles(configured, text="食品") == ["主播销售过期食品案"]  # two characters
    assert titles(configured, text="主播甲") == ["主播销售过期食品案"]  # party name, FTS
    assert titles(configured, text="甲") == ["主播销售过期食品案"]  # one character
    assert titles(configured, text=USCC_ROOM) == ["好物严选直播间虚假宣传案"]
    assert titles(configured, text=RIC_MARKETER[-6:]) == ["主播销售过期食品案"]
    assert titles(configured, text="shop_001") == ["好物严选直播间虚假宣传案"]  # account id
    assert titles(configured, text="好物直播间") == ["好物严选直播间虚假宣传案"]  # room name
    assert titles(configured, text="〔2026〕7号") == ["好物严选直播间虚假宣传案"]
    assert titles(configured, text="虚假 好物") == ["好物严选直播间虚假宣传案"]  # all terms
    assert titles(configured, text="不存在的词") == []
    assert titles(configured, text='"%_') == []  # quoting and wildcards are literal


def test_editing_a_party_updates_the_search(configured: AppContext) -> None:
    seed(configured)
    [host] = parties.search_parties(configured, "主播甲")
    host.name = "主播乙某"
    parties.save_party(configured, host)
    assert titles(configured, text="乙某") == ["主播销售过期食品案"]
    assert titles(configured, text="主播甲") == []


def test_filters_and_sorting(configured: AppContext) -> None:
    seed(configured)
    assert titles(configured, statuses=frozenset({CaseStatus.FILED})) == [
        "好物严选直播间虚假宣传案"
    ]
    # date range applies to the filing date, or the receipt date when not filed
    assert titles(configured, date_from=dt.date(2026, 3, 5), date_to=dt.date(2026, 6, 1)) == [
        "主播销售过期食品案",
        "好物严选直播间虚假宣传案",
    ]
    authority = setup.our_authority(configured)
    assert authority is not None and authority.id is not None
    li = next(o for o in setup.list_officers(configured, authority.id) if o.name == "李四")
    assert sorted(titles(configured, officer_id=li.id)) == sorted(
        ["好物严选直播间虚假宣传案", "主播销售过期食品案"]
    )
    assert titles(configured, sort=SortKey.RECEIVED, descending=False)[0] == (
        "好物严选直播间虚假宣传案"
    )
    assert cases.count_cases(configured, CaseQuery(text="案")) == 3
