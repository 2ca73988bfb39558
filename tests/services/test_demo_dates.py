"""Every demo case keeps the procedure's order and its time limits.

A 法制审核 reviewer judges the product by its demo: a document dated after the decision of a
file it does not belong to, a 立案 before the clue, a case investigated by a bureau its own 管辖
conclusion calls not competent, or an act charged under the Measures before they were in force
(2026-02-01) would each tell them not to trust it. Both demo sets are walked: the first-run
wizard's cases (one per stage, dated back from today, so two different todays) and the sample
bureau of ``lcregulator demo --keep`` (fixed dates, every document issued).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.domain.cases import Case, CaseStatus
from lcregulator.domain.deadlines import catalogue
from lcregulator.domain.errors import DomainError
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, demo, documents, jurisdiction, sample_case, setup, workflow
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import AppContext, FixedClock

MEASURES_IN_FORCE = dt.date(2026, 2, 1)  # SAMR & CAC Order No. 117, Art 68

# the procedure's events in the order the law puts them (线索 → 立案 → 告知 → 决定 → 送达 → 结案)
ORDER = ("clue_received", "filed", "notice_served", "decided", "decision_served", "closed")

# documents by the part of the procedure they belong to: (not before, not after) these events
BEFORE_FILING = {"case_source_registration", "filing_approval"}
INVESTIGATION = {
    "inquiry_notice",
    "materials_notice",
    "assistance_letter",
    "electronic_evidence_record",
    "correction_order",
    "investigation_report",
    "case_review_form",
    "legal_review_form",
    "service_address_confirmation",
    "criminal_referral_report",
    "seized_items_list",
    "criminal_referral_letter",
}
DECISIONS = {"penalty_decision", "no_penalty_decision", "joint_penalty_decision"}


def _context(home: Path, today: dt.date) -> AppContext:
    return open_context(
        paths=Paths(home),
        url=f"sqlite:///{(home / 'demo.sqlite3').as_posix()}",
        clock=FixedClock(dt.datetime.combine(today, dt.time(2, 0), tzinfo=dt.UTC)),
    )


def _every_case(ctx: AppContext) -> list[Case]:
    return [cases.get_case(ctx, s.id) for s in cases.list_cases(ctx, limit=1000)]


@pytest.fixture(scope="module", params=[dt.date(2026, 11, 29), dt.date(2027, 7, 1)], ids=str)
def wizard_demo(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[AppContext]:
    ctx = _context(tmp_path_factory.mktemp("wizard"), request.param)
    ctx.officer = setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106", "文三路100号"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
    )
    demo.load_demo(ctx)
    yield ctx
    ctx.database.dispose()


@pytest.fixture(scope="module")
def sample_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    home = tmp_path_factory.mktemp("sample")
    ctx = _context(home, dt.date(2026, 6, 20))
    (home / "out").mkdir()
    sample_case._run(ctx, home / "out")
    ctx = _context(home, dt.date(2026, 6, 20))  # _run disposes of its database
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = setup.list_officers(ctx, authority.id)[0]
    yield ctx
    ctx.database.dispose()


def problems(ctx: AppContext, case: Case) -> list[str]:
    """Every date of ``case`` that breaks the procedure's order or a time limit."""
    found: list[str] = []
    events = case.events()
    today = ctx.today()

    def need(ok: bool, what: str) -> None:
        if not ok:
            found.append(f"{case.title}: {what}")

    named = [(k, events[k]) for k in ORDER if k in events]
    for (a, day_a), (b, day_b) in itertools.pairwise(named):
        need(day_a <= day_b, f"{b} {day_b} before {a} {day_a}")
    need(all(d <= today for _, d in named), "an event after today")
    received, filed = events["clue_received"], events.get("filed")
    decided, served, closed = (
        events.get("decided"),
        events.get("decision_served"),
        events.get("closed"),
    )
    p = case.procedure
    for payment in p.payments:
        need(served is not None and payment.on >= served, f"paid {payment.on} before service")
        need(closed is None or payment.on <= closed, f"paid {payment.on} after 结案")
    if p.published_on is not None:
        need(decided is not None and p.published_on >= decided, "published before the decision")
        need(closed is None or p.published_on <= closed, "published after 结案")
    for suspension in p.suspensions:
        need(filed is not None and suspension.start >= filed, "suspended before 立案")
    for approval in p.approvals:
        need(received <= approval.on <= today, f"approval {approval.step} on {approval.on}")
    for v in case.violations:
        assert v.act_start is not None
        need(v.act_start >= MEASURES_IN_FORCE, f"act {v.act_start} before the Measures")
        need((v.act_end or v.act_start) <= received, f"act {v.act_end} after the clue")
    # the statutory time limits: each event that ends the bureau's period (or the party's
    # payment) came by its due date; the decision came after the party's own periods ran
    rules = {r.id: r for r in catalogue()[0]}
    try:
        deadlines = workflow.case_deadlines(ctx, case)
    except DomainError as exc:  # the engine itself refuses dates out of order
        need(False, exc.message)
        deadlines = []
    for deadline in deadlines:
        rule = rules.get(deadline.id)
        ends = rule.pending_until if rule else None
        if rule is None or ends not in events:
            continue
        if rule.owner == "authority" or deadline.id == "payment":
            need(events[ends] <= deadline.due, f"{ends} {events[ends]} after {deadline.id}")
        elif deadline.id == "hearing_request" or (
            deadline.id == "statement_defence" and p.statement_received_on is None
        ):
            need(events[ends] > deadline.due, f"{ends} {events[ends]} within {deadline.id}")
    # documents: after the clue, in the part of the procedure they belong to
    for d in documents.issued(ctx, case.id):  # type: ignore[arg-type]
        on, kind = d.issued_on, d.kind
        need(received <= on <= today, f"{kind} on {on}, outside clue … today")
        need(closed is None or on <= closed, f"{kind} on {on} after 结案 {closed}")
        if kind in BEFORE_FILING:
            need(filed is None or on <= filed, f"{kind} on {on} after 立案 {filed}")
        if kind in INVESTIGATION:
            need(filed is not None and on >= filed, f"{kind} on {on} before 立案")
            need(decided is None or on <= decided, f"{kind} on {on} after the decision")
        if kind == "penalty_notice":
            need(filed is not None and on >= filed, "告知书 before 立案")
            need(decided is None or on < decided, "告知书 after 决定")
        if kind in DECISIONS:
            need(on == decided, f"{kind} on {on}, the decision was on {decided}")
        if kind == "service_receipt":
            need(decided is not None and on >= decided, "送达回证 before the decision")
        if kind == "closure_approval":
            need(served is not None and on >= served, "结案审批表 before service")
        if kind in ("not_filing_approval", "transfer_letter"):
            need(filed is None, f"{kind} on a case that was filed")
    # the steps were taken in date order, as the timeline records them
    steps = [
        dt.date.fromisoformat(e.after["on"])
        for e in cases.timeline(ctx, case.id)  # type: ignore[arg-type]
        if e.action.startswith("workflow.") and e.after and "on" in e.after
    ]
    need(steps == sorted(steps), f"steps out of order: {steps}")
    # a file this bureau works on (or closed) is one its 管辖 analysis says it may work on
    if case.status not in (CaseStatus.TRANSFERRED, CaseStatus.NOT_FILED):
        need(not workflow.not_competent_parties(ctx, case), "worked on without competence")
    elif case.status is CaseStatus.TRANSFERRED:
        authority = setup.our_authority(ctx)
        need(
            any(
                i.competence is not None and not i.competence.competent
                for i in jurisdiction.for_case(ctx, case, authority)
            ),
            "transferred although this bureau is competent",
        )
    return found


def test_every_wizard_demo_case_keeps_the_order_and_the_limits(wizard_demo: AppContext) -> None:
    every = _every_case(wizard_demo)
    assert len(every) == 16 and len({c.status for c in every}) == 16
    assert [p for case in every for p in problems(wizard_demo, case)] == []


def test_every_sample_bureau_case_keeps_the_order_and_the_limits(
    sample_demo: AppContext,
) -> None:
    every = _every_case(sample_demo)
    assert {c.status for c in every} >= {
        CaseStatus.CLOSED,
        CaseStatus.REFERRED,
        CaseStatus.TRANSFERRED,
    }
    assert [p for case in every for p in problems(sample_demo, case)] == []
    # its timeline reads in the order of its dates: each step recorded on the day it was taken
    beijing = dt.timezone(dt.timedelta(hours=8))
    for case in every:
        timeline = cases.timeline(sample_demo, case.id)  # type: ignore[arg-type]
        times = [e.at for e in timeline]
        assert times == sorted(times) or times == sorted(times, reverse=True), case.title
        for e in timeline:
            if e.action.startswith("workflow.") and e.after and "on" in e.after:
                assert e.at.astimezone(beijing).date().isoformat() == e.after["on"], e.summary
    # the documents of the roads the main case did not take are on files of their own
    main = next(c for c in every if c.case_number == "杭西市监立〔2026〕15号")
    kinds = {d.kind for d in documents.issued(sample_demo, main.id)}  # type: ignore[arg-type]
    assert not kinds & {"not_filing_approval", "no_penalty_decision", "transfer_letter"}


def test_the_order_check_finds_what_the_old_demo_got_wrong(sample_demo: AppContext) -> None:
    """The check itself: a 不予立案审批表 dated after the decision, a 立案 before the clue."""
    main = next(c for c in _every_case(sample_demo) if c.case_number == "杭西市监立〔2026〕15号")
    assert main.id is not None and main.filed_on is not None
    late = main
    late.received_on = main.filed_on + dt.timedelta(days=1)
    found = problems(sample_demo, late)
    assert any("filed" in p and "before clue_received" in p for p in found), found
    assert any("不能早于线索接收日期" in p for p in found), found
    assert any("case_source_registration" in p for p in found), found
