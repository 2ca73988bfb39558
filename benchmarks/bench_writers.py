"""Writers at once and writers killed: the figures behind "nothing lost, nothing stuck".

    .venv/bin/python benchmarks/bench_writers.py [--count 5] [--writers 2 4 8] [--kills 200]
        [--postgres postgresql+psycopg://user:pass@host/db-admin-url]

For 2, 4 and 8 processes issuing numbered documents on one SQLite database at the same instant
(each process renders its PDF and DOCX while holding the write lock, as the application does),
prints attempts, failures, p95 and worst wait per document, and whether the 文号 run without
gaps. Then kills a writer ``--kills`` times at random points and prints what survived and what
``verify --repair`` had to tidy. Prints its figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.persistence.test_writers import crash_runs  # noqa: E402
from tests.writers import prepare, run_writers  # noqa: E402


def _gapless(numbers: list[str]) -> bool:
    seq = sorted(int(m.group(1)) for n in numbers if (m := re.search(r"〕(\d+)号", n)))
    return seq == list(range(1, len(seq) + 1))


def _postgres_db(admin_url: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"i15_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=5, help="documents per writer")
    parser.add_argument("--writers", type=int, nargs="+", default=[2, 4, 8])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--postgres", default="", help="admin URL: also run on PostgreSQL")
    args = parser.parse_args()
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    print("backend     writers attempts failures  p95 wait  max wait  gapless")
    for backend in backends:
        for writers in args.writers:
            with tempfile.TemporaryDirectory(prefix="lcr-bench-") as work:
                home = Path(work) / "home"
                url = _postgres_db(args.postgres) if backend == "postgresql" else None
                url, case_id = prepare(home, url)
                began = time.perf_counter()
                r = run_writers(home, url, case_id, writers, args.count)
                took = time.perf_counter() - began
                print(
                    f"{backend:<11} {writers:>7} {r['attempts']:>8} {len(r['failures']):>8}"
                    f" {r['p95_wait']:>8.2f}s {r['max_wait']:>8.2f}s  {_gapless(r['numbers'])}"
                    f"   ({took:.1f}s in all)"
                )
                for failure in r["failures"][:3]:
                    print("    failure:", failure.splitlines()[0])
    if args.kills:
        with tempfile.TemporaryDirectory(prefix="lcr-crash-") as work:
            home = Path(work) / "home"
            url, case_id = prepare(home)
            began = time.perf_counter()
            figures = crash_runs(home, url, case_id, kills=args.kills, seed=int(time.time()))
            print(
                f"kill -9 x{args.kills} ({time.perf_counter() - began:.0f}s): integrity ok, every "
                f"announced commit present, numbers gapless; rows kept {figures['evidence']} "
                f"evidence + {figures['documents']} documents; repair quarantined "
                f"{figures['orphans']} orphans and removed {figures['temporaries']} temporary files"
            )


if __name__ == "__main__":
    main()
