"""Art 9 report rows through the bulk (DB-API executemany) path, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from lcregulator.services import platform_reports as reports
from lcregulator.services.context import AppContext
from tests import report_samples as samples


def test_bulk_import_find_supersede_and_share(configured: AppContext, tmp_path: Path) -> None:
    body = list(samples.rows(12))
    first = reports.import_report(
        configured, samples.write_csv(tmp_path / "a.csv", body), platform="抖音", period="2026-01"
    )
    assert (first.rows, first.imported) == (12, 12)
    later = reports.import_report(
        configured,
        samples.write_xlsx(tmp_path / "b.xlsx", {"S1": body[:6], "S2": body[6:]}),
        platform="抖音",
        period="2026-07",
    )
    assert later.imported == 12
    found = reports.find(configured, "room0")
    assert [(r.period, r.current) for r in found if r.type.value != "marketer"] == [
        ("2026-07", True),
        ("2026-01", False),
    ]
    shared = reports.share_by_province(configured, tmp_path / "out", letters=False)
    assert sum(f.rows for f in shared) == 12 - 3  # rows 0, 5, 10 are in Zhejiang (ours)
