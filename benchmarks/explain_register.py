"""The register's search queries on PostgreSQL, explained: evidence that does not depend on load.

    .venv/bin/python benchmarks/explain_register.py --database-url postgresql+psycopg://… \
        [--terms 王 食品 …] [--plans]

On a shared, loaded machine a timing says little about a query plan; rows read, buffers touched
and the plan's shape do not change with the load. For every term of ``bench_register.TERMS``
(the database filled by ``bench_register.py``) this runs the register's first page (200 cases,
the default order) and its total count through the application's own code, records every SQL
statement they issue, and runs each again under ``EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)``:
printed per statement are the server's execution time, the rows the scans produced (heap and
index rows read), the shared buffers hit and read, and the plan's nodes. ``--plans`` prints the
text plans too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_register import TERMS

SCANS = ("Seq Scan", "Index Scan", "Index Only Scan", "Bitmap Heap Scan", "Bitmap Index Scan")


def _walk(node: dict[str, Any], out: dict[str, Any]) -> None:
    kind = node["Node Type"]
    if kind in SCANS:
        loops = node.get("Actual Loops", 1)
        rows = node.get("Actual Rows", 0) * loops + node.get("Rows Removed by Filter", 0) * loops
        rows += node.get("Rows Removed by Index Recheck", 0) * loops
        if kind != "Bitmap Index Scan":  # its rows are TIDs, read again by the heap scan
            out["rows_read"] += rows
        name = node.get("Index Name") or node.get("Relation Name", "")
        out["shape"].append(f"{kind}({name})")
    elif kind not in ("Result", "Aggregate", "Limit", "Subquery Scan"):
        out["shape"].append(kind)
    for child in node.get("Plans", []):
        _walk(child, out)


def explain(session: Any, sql: str, params: Any) -> dict[str, Any]:
    conn = session.connection()
    [[plan]] = conn.exec_driver_sql(
        f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}", params
    ).fetchall()
    top = plan[0]
    root = top["Plan"]
    out: dict[str, Any] = {"rows_read": 0, "shape": []}
    _walk(root, out)
    out["ms"] = top["Execution Time"]
    out["hit"] = root.get("Shared Hit Blocks", 0)
    out["read"] = root.get("Shared Read Blocks", 0)
    out["rows"] = root.get("Actual Rows", 0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--terms", nargs="*", default=TERMS)
    parser.add_argument("--plans", action="store_true", help="print the text plans too")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each call")
    args = parser.parse_args()

    from sqlalchemy import event, select

    from lcregulator.persistence import case_search
    from lcregulator.persistence.case_search import CaseQuery
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.rows import CaseRow

    db = Database(args.database_url)
    captured: list[tuple[str, Any]] = []

    def capture(conn, cursor, statement, parameters, context, executemany):  # type: ignore[no-untyped-def]
        if not statement.lstrip().upper().startswith(("SET", "SELECT SET_CONFIG", "EXPLAIN")):
            captured.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    columns = select(CaseRow.id, CaseRow.case_number, CaseRow.title, CaseRow.received_on)
    calls = {
        "page": lambda s, q: case_search.page(s, q, columns, 200),
        "count": lambda s, q: case_search.count(s, q),
    }
    for term in args.terms:
        query = CaseQuery(text=term)
        for name, call in calls.items():
            with db.session() as session:
                captured.clear()
                result = call(session, query)
                statements = list(captured)
                timings = []
                for _ in range(args.repeat):
                    t0 = time.perf_counter()
                    call(session, query)
                    timings.append((time.perf_counter() - t0) * 1000)
                found = len(result) if name == "page" else result
                print(
                    f"{term!r} {name}: {found} rows, {len(statements)} statement(s), "
                    f"wall median {statistics.median(timings):.1f} ms"
                )
                for sql, params in statements:
                    e = explain(session, sql, params)
                    print(
                        f"    {e['ms']:7.1f} ms  rows read {e['rows_read']:>7}  buffers hit "
                        f"{e['hit']:>6} read {e['read']:>5}  {' > '.join(e['shape'])}"
                    )
                    if args.plans:
                        conn = session.connection()
                        for (line,) in conn.exec_driver_sql(f"EXPLAIN {sql}", params):
                            print("        " + line)
                        print("        " + json.dumps(params, ensure_ascii=False, default=str))
    db.dispose()


if __name__ == "__main__":
    main()
