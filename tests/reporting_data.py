"""A generated case database with known answers, for the 台账 and 统计报表 tests and benchmark.

Rows go in with SQLAlchemy Core (fast for thousands of cases); every case's facts are also kept
in plain Python (``Truth``) so the tests count the expected figures independently of the
reporting code.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import insert
from stdnum.cn import ric, uscc

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.persistence.rows import (
    CaseOfficerRow,
    CasePartyRow,
    CaseRow,
    CaseSearchRow,
    PartyRoleRow,
    PartyRow,
    SummonsRow,
    ViolationRow,
)
from lcregulator.services import setup
from lcregulator.services.context import AppContext

STATUSES = [
    "clue",
    "verifying",
    "not_filed",
    "filed",
    "investigating",
    "notified",
    "decided",
    "served",
    "executing",
    "closed",
    "archived",
    "referred",
]
SOURCES = ["complaint", "report", "monitoring", "platform_report", "transfer_in", "assigned"]
ROLES = ["platform_operator", "room_operator", "marketer", "service_agency"]
PROVISIONS = ["M53(1)", "M55", "M57", "M59(1)", "M60/price-fraud", "M61", "M62-2", "M66"]
OUTCOMES = [None, "rectified", "partly", "not_rectified"]


@dataclass
class TruthCase:
    id: int
    number: str
    title: str
    source: str
    status: str
    received_on: dt.date
    filed_on: dt.date | None
    decided_on: dt.date | None
    closed_on: dt.date | None
    declined_on: dt.date | None
    next_deadline_on: dt.date | None
    party_names: list[str]
    party_roles: list[str]
    usccs: list[str]
    id_numbers: list[str]
    officers: list[str]
    provisions: list[str]
    fine: Decimal
    payments: list[tuple[dt.date, Decimal]]
    confiscated: Decimal
    indicated: bool
    transferred_on: dt.date | None
    police: str | None
    police_on: dt.date | None


@dataclass
class Truth:
    cases: list[TruthCase] = field(default_factory=list)
    summons: list[tuple[int, int | None, dt.date, str | None]] = field(default_factory=list)


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def fill(ctx: AppContext, n_cases: int, seed: int = 21) -> Truth:
    """Our authority and officers through the services, then ``n_cases`` generated cases."""
    rng = random.Random(seed)
    me = setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    officers = [(me.id, "张三")]
    for i, name in enumerate(["李四", "王五", "赵六"]):
        o = setup.save_officer(
            ctx, Officer(name, OfficerRole.HANDLER, f"3301060020{i}", me.authority_id)
        )
        officers.append((o.id, name))
    ctx.officer = me
    now = dt.datetime(2026, 11, 20, 2, 0, tzinfo=dt.UTC)
    truth = Truth()
    parties: list[dict[str, Any]] = []
    party_roles: list[dict[str, Any]] = []
    n_parties = max(4, n_cases // 2)
    for pid in range(1, n_parties + 1):
        natural = pid % 3 == 0
        if natural:
            body = f"110105{1960 + pid % 40}{1 + pid % 12:02d}{1 + pid % 28:02d}{pid % 1000:03d}"
            id_number: str | None = body + ric.calc_check_digit(body)
            code = None
            name = f"主播{pid}号"
        else:
            body = f"913301{pid:011d}"[:17]
            code = body + uscc.calc_check_digit(body)
            id_number = None
            name = f"某电子商务有限公司{pid}"
        parties.append(
            dict(
                id=pid,
                kind="natural_person" if natural else "organization",
                name=name,
                uscc=code,
                id_number=id_number,
                legal_representative="",
                channel="platform",
                domicile_region="330106",
                domicile_address="某路",
                household_region=None,
                household_address=None,
                business_region=None,
                business_address=None,
                registered=True,
                phone="",
                email="",
                version=1,
                updated_by=None,
                updated_at=now,
            )
        )
        for role in ROLES:
            party_roles.append(dict(party_id=pid, role=role))
    cases, links, case_officers, violations, search = [], [], [], [], []
    day0 = dt.date(2024, 6, 1)
    for cid in range(1, n_cases + 1):
        status = rng.choice(STATUSES)
        source = rng.choice(SOURCES)
        received = day0 + dt.timedelta(days=rng.randint(0, 880))
        filed = (
            received + dt.timedelta(days=rng.randint(1, 12))
            if status not in ("clue", "verifying", "not_filed")
            else None
        )
        declined = received + dt.timedelta(days=5) if status == "not_filed" else None
        decided = (
            filed + dt.timedelta(days=rng.randint(30, 80))
            if filed and status in ("decided", "served", "executing", "closed", "archived")
            else None
        )
        closed = (
            decided + dt.timedelta(days=rng.randint(20, 60))
            if decided and status in ("closed", "archived")
            else None
        )
        fine = Decimal(rng.choice([0, 5000, 10000, 30000, 200000])) if decided else Decimal(0)
        payments = []
        if fine and status in ("executing", "closed", "archived"):
            assert decided is not None
            first = decided + dt.timedelta(days=rng.randint(5, 20))
            if status == "executing":
                payments = [(first, fine / 2)]
            else:
                payments = [(first, fine / 2), (first + dt.timedelta(days=3), fine / 2)]
        confiscate = bool(decided and fine and rng.random() < 0.3)
        gains = Decimal(rng.choice([1000, 2500, 86400])) if confiscate else Decimal(0)
        indicated = status == "referred" or rng.random() < 0.05
        transferred = (filed or received) + dt.timedelta(days=20) if status == "referred" else None
        police = rng.choice(["accepted", "refused", None]) if transferred else None
        police_on = transferred + dt.timedelta(days=3) if police and transferred else None
        overdue_day = (
            received + dt.timedelta(days=rng.randint(10, 400))
            if status not in ("closed", "archived", "not_filed")
            else None
        )
        n_links = rng.choice([1, 1, 2])
        pids = rng.sample(range(1, n_parties + 1), n_links)
        roles = [rng.choice(ROLES) for _ in pids]
        provisions = rng.sample(PROVISIONS, rng.choice([1, 1, 2]))
        chosen_officers = rng.sample(officers, 2)
        number = f"杭西市监立〔{filed.year}〕{cid}号" if filed else ""
        title = f"某直播间违法案{cid}"
        procedure: dict[str, Any] = {
            "approvals": [{"step": "decline", "by": me.id, "on": _iso(declined)}]
            if declined
            else [],
            "payments": [{"on": _iso(d), "amount": str(a)} for d, a in payments],
        }
        if decided:
            procedure["decision_kind"] = "penalty"
            procedure["fine"] = str(fine)
        if indicated:
            procedure["referral_screening"] = {"result": {"referral_indicated": True}}
        if transferred:
            procedure["referral_decision"] = "approved"
            procedure["referral_decision_on"] = _iso(transferred - dt.timedelta(days=2))
            procedure["referral_transferred_on"] = _iso(transferred)
        if police:
            procedure["police_decision"] = police
            procedure["police_decision_on"] = _iso(police_on)
        cases.append(
            dict(
                id=cid,
                authority_id=me.authority_id,
                case_number=number or None,
                title=title,
                source=source,
                status=status,
                summary="",
                received_on=received,
                filed_on=filed,
                notice_served_on=None,
                decided_on=decided,
                decision_served_on=None,
                closed_on=closed,
                version=1,
                created_at=now,
                updated_at=now,
                updated_by=me.id,
                procedure=procedure,
                next_deadline_on=overdue_day,
                next_deadline_id="decision" if overdue_day else None,
            )
        )
        for pid, role in zip(pids, roles, strict=True):
            links.append(dict(case_id=cid, party_id=pid, role=role))
        for pos, (oid, _) in enumerate(chosen_officers):
            case_officers.append(dict(case_id=cid, officer_id=oid, position=pos))
        for k, provision_id in enumerate(provisions):
            assessment = None
            if k == 0 and confiscate:
                assessment = {
                    "input": {"facts": {"illegal_gains": str(gains)}},
                    "result": {"confiscate_illegal_gains": True},
                }
            violations.append(
                dict(
                    case_id=cid,
                    provision_id=provision_id,
                    facts="",
                    act_start=received - dt.timedelta(days=10),
                    act_end=None,
                    continuing=False,
                    assessment=assessment,
                )
            )
        names = [parties[p - 1]["name"] for p in pids]
        search.append(dict(case_id=cid, text=" ".join([number, title, *names])))
        truth.cases.append(
            TruthCase(
                id=cid,
                number=number,
                title=title,
                source=source,
                status=status,
                received_on=received,
                filed_on=filed,
                decided_on=decided,
                closed_on=closed,
                declined_on=declined,
                next_deadline_on=overdue_day,
                party_names=list(dict.fromkeys(names)),
                party_roles=roles,
                usccs=[parties[p - 1]["uscc"] for p in pids if parties[p - 1]["uscc"]],
                id_numbers=[
                    parties[p - 1]["id_number"] for p in pids if parties[p - 1]["id_number"]
                ],
                officers=[name for _, name in chosen_officers],
                provisions=provisions,
                fine=fine,
                payments=payments,
                confiscated=gains,
                indicated=indicated,
                transferred_on=transferred,
                police=police,
                police_on=police_on,
            )
        )
    summons = []
    for sid in range(1, max(3, n_cases // 10) + 1):
        case_id = rng.randint(1, n_cases) if rng.random() < 0.7 else None
        when = day0 + dt.timedelta(days=rng.randint(0, 880))
        outcome = rng.choice(OUTCOMES)
        summons.append(
            dict(
                id=sid,
                authority_id=me.authority_id,
                case_id=case_id,
                party_id=rng.randint(1, n_parties),
                grounds="1",
                ground_details="",
                invited_person="负责人",
                scheduled_at=dt.datetime.combine(when, dt.time(2, 0), tzinfo=dt.UTC),
                place="本局",
                officer_ids=f"{officers[0][0]},{officers[1][0]}",
                joint_with_cyberspace=False,
                record="",
                commitments="",
                rectification_required="",
                rectification_deadline=None,
                outcome=outcome,
                outcome_on=when + dt.timedelta(days=10) if outcome else None,
                outcome_note="",
                escalated_case_id=None,
            )
        )
        truth.summons.append((sid, case_id, when, outcome))
    with ctx.database.engine.begin() as conn:
        for table, rows in (
            (PartyRow, parties),
            (PartyRoleRow, party_roles),
            (CaseRow, cases),
            (CasePartyRow, links),
            (CaseOfficerRow, case_officers),
            (ViolationRow, violations),
            (CaseSearchRow, search),
            (SummonsRow, summons),
        ):
            for i in range(0, len(rows), 5000):
                conn.execute(insert(table), rows[i : i + 5000])
    return truth
