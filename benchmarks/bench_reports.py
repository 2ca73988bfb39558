"""Art 9 identity reports at platform scale: import time, peak memory, look-up time.

    .venv/bin/python benchmarks/bench_reports.py [--rows 1000000] [--stored 5000000] [--keep DIR]

1. Writes a generated report of ``--rows`` rows as UTF-8 CSV and as xlsx (openpyxl write-only).
2. Imports each into a fresh SQLite database in a separate process started cold, and prints the
   wall time and that process's peak resident set size (targets: under 2 minutes, under 500 MB).
3. Fills the database to ``--stored`` rows (further reports of other platforms and periods,
   through the same import path) and times look-ups by live account and by ID number
   (target: under 100 ms each).
Prints the figures; asserts nothing (timed assertions don't belong in the unit suite).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, resource, sys, time, datetime as dt
from pathlib import Path
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services import platform_reports, setup
from lcregulator.services.context import AppContext
from lcregulator.domain.authority import Authority, Officer, OfficerRole

home, path, platform, period = sys.argv[1:5]
db = Database(f"sqlite:///{home}/db.sqlite3")
db.upgrade()
ctx = AppContext(db, Paths(Path(home)))
if setup.our_authority(ctx) is None:
    setup.first_run(ctx, Authority("浙江省市场监督管理局", "浙市监", "330000"),
                    Officer("张三", OfficerRole.HANDLER, "33000000001"))
officer = setup.all_officers(ctx, setup.our_authority(ctx).id)[0]
ctx.officer = officer
started = time.perf_counter()
result = platform_reports.import_report(ctx, Path(path), platform=platform, period=period)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"rows": result.rows, "imported": result.imported,
                  "rejected": len(result.rejected), "seconds": round(seconds, 1),
                  "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
                  "peak_mb": round(usage.ru_maxrss / 1024)}))
"""


def _import(home: Path, path: Path, platform: str, period: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(home), str(path), platform, period],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    from tests import report_samples as samples

    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--stored", type=int, default=5_000_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--skip-xlsx", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="keep report files already in --keep")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-reports-"))
    work.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    csv_path = work / "report.csv"
    if not (args.reuse and csv_path.exists()):
        samples.write_csv(csv_path, samples.rows(args.rows))
    print(
        f"generated {args.rows:,} rows CSV in {time.perf_counter() - started:.1f} s "
        f"({csv_path.stat().st_size / 1e6:.0f} MB)"
    )
    home = work / "csv-home"
    if args.reuse and home.exists():
        import shutil

        shutil.rmtree(home)
    home.mkdir(exist_ok=True)
    figures = _import(home, csv_path, "抖音", "2026-07")
    print(f"CSV import: {figures}")

    if not args.skip_xlsx:
        started = time.perf_counter()
        xlsx_path = work / "report.xlsx"
        if not (args.reuse and xlsx_path.exists()):
            samples.write_xlsx(xlsx_path, {"Sheet1": samples.rows(args.rows)})
        print(
            f"generated {args.rows:,} rows xlsx in {time.perf_counter() - started:.1f} s "
            f"({xlsx_path.stat().st_size / 1e6:.0f} MB)"
        )
        xhome = work / "xlsx-home"
        if xhome.exists():
            import shutil

            shutil.rmtree(xhome)
        xhome.mkdir(exist_ok=True)
        print(f"xlsx import: {_import(xhome, xlsx_path, '抖音', '2026-07')}")

    # fill to --stored rows with further reports (other rows, platforms, periods)
    stored = int(figures["imported"])  # type: ignore[arg-type]
    part = 1
    periods = ["2025-01", "2025-07", "2026-01", "2024-07", "2024-01", "2023-07"]
    while stored < args.stored:
        count = min(args.rows, args.stored - stored)
        path = samples.write_csv(work / f"more{part}.csv", samples.rows(count, start=stored))
        f = _import(home, path, f"平台{part}", periods[part % len(periods)])
        stored += int(f["imported"])  # type: ignore[arg-type]
        print(f"filled to {stored:,} rows ({f})")
        path.unlink()
        part += 1

    from lcregulator.domain.authority import Officer
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths
    from lcregulator.services import platform_reports, setup
    from lcregulator.services.context import AppContext

    db = Database(f"sqlite:///{home}/db.sqlite3")
    ctx = AppContext(db, Paths(home))
    authority = setup.our_authority(ctx)
    assert authority is not None
    ctx.officer = setup.all_officers(ctx, authority.id)[0]  # type: ignore[arg-type]
    assert isinstance(ctx.officer, Officer)
    probes = {
        "account": [f"room{n}" for n in (3, 499_998, 2_400_000, 4_999_998)],
        "ID number": [samples.row(n)[3] for n in (1, 500_002, 2_400_001, 4_999_999)],
        "USCC": [samples.row(n)[2] for n in (0, 2_400_000)],
        "name": ["主播2", "个人店主4999999"],
    }
    platform_reports.find(ctx, "warm-up")
    for kind, queries in probes.items():
        times = []
        hits = 0
        for q in queries:
            t = time.perf_counter()
            hits += len(platform_reports.find(ctx, q))
            times.append((time.perf_counter() - t) * 1000)
        print(f"look-up by {kind}: {', '.join(f'{x:.1f}' for x in times)} ms ({hits} records)")
    size = os.path.getsize(home / "db.sqlite3") / 1e9
    print(f"database: {stored:,} rows, {size:.2f} GB; folder {work}")
    db.dispose()


if __name__ == "__main__":
    main()
