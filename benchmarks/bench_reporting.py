"""案件台账 and 统计报表 at a district bureau's scale: 10,000 cases (target: export under 5 s).

    .venv/bin/python benchmarks/bench_reporting.py [--cases 10000]

Fills a fresh SQLite database with the generated cases of the reporting tests (parties with ID
numbers, violations, fines, payments, referrals, 约谈), then times the .xlsx export (one sheet,
and one sheet per year), the statistics for a year, and the PDF report. Prints the figures;
asserts nothing (timed assertions don't belong in the unit suite).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths
    from lcregulator.services import register, statistics
    from lcregulator.services.context import AppContext
    from tests.reporting_data import fill

    home = Path(tempfile.mkdtemp(prefix="lcr-bench-"))
    db = Database(f"sqlite:///{home / 'bench.sqlite3'}")
    db.upgrade()
    ctx = AppContext(db, Paths(home))
    ctx.paths.ensure()
    t0 = time.perf_counter()
    fill(ctx, args.cases)
    figures: dict[str, object] = {"cases": args.cases, "fill_s": round(time.perf_counter() - t0, 2)}
    # wall time, and this process's CPU time (the reference machine's 2 cores are shared)
    for name, per_year in (("export_xlsx_s", False), ("export_xlsx_per_year_s", True)):
        t0, c0 = time.perf_counter(), time.process_time()
        result = register.export_register(ctx, home / f"{name}.xlsx", per_year=per_year)
        figures[name] = round(time.perf_counter() - t0, 2)
        figures[name.replace("_s", "_cpu_s")] = round(time.process_time() - c0, 2)
        figures[name.replace("_s", "_rows")] = result.rows
    figures["xlsx_bytes"] = (home / "export_xlsx_s.xlsx").stat().st_size
    t0, c0 = time.perf_counter(), time.process_time()
    stats = statistics.statistics(ctx, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    figures["statistics_year_s"] = round(time.perf_counter() - t0, 2)
    figures["statistics_year_cpu_s"] = round(time.process_time() - c0, 2)
    t0, c0 = time.perf_counter(), time.process_time()
    statistics.write_report(ctx, stats, home / "report.pdf")
    figures["report_pdf_s"] = round(time.perf_counter() - t0, 2)  # first use loads the fonts
    figures["report_pdf_cpu_s"] = round(time.process_time() - c0, 2)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
