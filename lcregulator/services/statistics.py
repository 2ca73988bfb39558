"""The 统计报表: a period's figures, the cases behind each, and the printable report.

The counting rules live in :mod:`lcregulator.domain.reporting`; this module reads the facts in
bulk, adds the 加处罚款 each fined case has accrued by the period's end (the deadline engine's
payment date, so the figure matches the case window), and renders the PDF.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from lcregulator.documents.report_pdf import render_report
from lcregulator.domain.cases import CaseId
from lcregulator.domain.errors import ValidationError
from lcregulator.domain.reporting import CaseFact, Statistics, compute_statistics, sections
from lcregulator.domain.workflow import amount_due
from lcregulator.persistence import reporting

from . import setup
from .context import AppContext
from .workflow import calendar


def default_period(ctx: AppContext) -> tuple[dt.date, dt.date]:
    """This calendar year to date (DESIGN §9.1)."""
    today = ctx.today()
    return dt.date(today.year, 1, 1), today


def statistics(
    ctx: AppContext, start: dt.date | None = None, end: dt.date | None = None
) -> Statistics:
    first, last = default_period(ctx)
    start, end = start or first, end or last
    if end < start:
        raise ValidationError("to", "统计截止日期不能早于起始日期。")
    with ctx.unit_of_work() as uow:
        facts = reporting.case_facts(uow.session)
        summonses = reporting.summons_facts(uow.session)
        # 加处罚款 runs from the payment deadline, so only served decisions can have accrued it
        fined = [
            f.id
            for f in facts
            if f.fine and f.decision_served_on and f.decided_on and start <= f.decided_on <= end
        ]
        full = {cid: uow.cases.get(CaseId(cid)) for cid in fined}
    cal = calendar(ctx)

    def late_fee(case: CaseFact, on: dt.date) -> Decimal:
        stored = full.get(case.id)
        if stored is None or stored.decision_served_on is None:
            return Decimal("0")
        return amount_due(stored, on, cal)[1]

    return compute_statistics(facts, summonses, start, end, late_fee)


def cases_behind(ctx: AppContext, stats: Statistics, key: str) -> list[CaseFact]:
    """The cases a figure counts (for the window's click-through), in case order."""
    ids = sorted(stats.counts.get(key, set()))
    with ctx.unit_of_work() as uow:
        return reporting.case_facts(uow.session, ids=ids)


def write_report(ctx: AppContext, stats: Statistics, target: Path) -> Path:
    """The printable 统计报表 (PDF with the page's charts), written atomically."""
    if target.suffix.lower() != ".pdf":
        raise ValidationError("out", "统计报表文件名应以 .pdf 结尾。")
    if not target.parent.is_dir():
        raise ValidationError("out", f"文件夹不存在：{target.parent}")
    authority = setup.our_authority(ctx)
    data = render_report(
        authority.name if authority else "",
        stats.start,
        stats.end,
        sections(stats),
        ctx.today(),
    )
    tmp = target.with_name(f".{target.name}.part")
    try:
        tmp.write_bytes(data)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError("out", f"无法写入统计报表：{target}（{exc.strerror}）") from None
    return target
