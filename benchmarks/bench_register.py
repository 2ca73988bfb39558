"""Case register at provincial scale: 100,000 cases, measured as an officer would feel them.

    .venv/bin/python benchmarks/bench_register.py [--cases 100000] [--keep DIR]

Fills a fresh SQLite database (SQLAlchemy Core executemany: ~5x faster than the ORM for bulk
rows), then, in a separate process started cold, measures:
- start → case list shown: from interpreter start to the main window painted with rows;
- keystroke → results: the search box's debounce plus query and first page, for several terms;
- memory: peak resident set size of that process.
Targets on the 2-core reference machine: list within 1 s, search within 200 ms, under 300 MB.
Prints the figures; asserts nothing (timed assertions don't belong in the unit suite).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GOODS = ["食品", "保健品", "化妆品", "服装", "玩具", "家电", "茶叶", "酒类", "母婴用品", "珠宝"]
CONDUCT = ["虚假宣传", "未明码标价", "价格欺诈", "未公示经营者信息", "销售不合格产品", "未核验身份"]


def fill(url: str, n_cases: int) -> None:
    from sqlalchemy import insert
    from stdnum.cn import uscc

    from lcregulator.domain.authority import Authority, Officer, OfficerRole
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths
    from lcregulator.persistence.rows import (
        CaseOfficerRow,
        CasePartyRow,
        CaseRow,
        CaseSearchRow,
        LiveAccountRow,
        PartyRoleRow,
        PartyRow,
    )
    from lcregulator.services import setup
    from lcregulator.services.context import AppContext

    rng = random.Random(117)
    db = Database(url)
    db.upgrade()
    ctx = AppContext(db, Paths(Path(tempfile.mkdtemp())))
    me = setup.first_run(
        ctx,
        Authority("浙江省市场监督管理局", "浙市监", "330000"),
        Officer("张三", OfficerRole.HANDLER, "33000000001"),
    )
    officer_ids = [me.id]
    for i in range(29):
        o = setup.save_officer(
            ctx,
            Officer(f"执法员{i:02d}", OfficerRole.HANDLER, f"330000{i:05d}", me.authority_id),
        )
        officer_ids.append(o.id)
    now = dt.datetime.now(dt.UTC)
    n_parties = n_cases // 3
    parties, roles, accounts = [], [], []
    for pid in range(1, n_parties + 1):
        body = f"9133{rng.randint(0, 9999):04d}MA{rng.randint(0, 10**9):09d}"[:17]
        name = f"{rng.choice(SURNAMES)}某{rng.choice(GOODS)}电子商务有限公司{pid}"
        parties.append(
            dict(
                id=pid,
                kind="organization",
                name=name,
                uscc=body + uscc.calc_check_digit(body),
                id_number=None,
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
        roles.append(dict(party_id=pid, role="room_operator"))
        accounts.append(
            dict(
                party_id=pid,
                platform="某平台",
                account_id=f"acct_{pid:06d}",
                room_name=f"{rng.choice(GOODS)}直播间{pid}",
                platform_operator_id=None,
            )
        )
    statuses = ["clue", "filed", "investigating", "notified", "decided", "closed", "archived"]
    case_rows, case_parties, case_officers, search = [], [], [], []
    day0 = dt.date(2024, 1, 1)
    for cid in range(1, n_cases + 1):
        pid = rng.randint(1, n_parties)
        received = day0 + dt.timedelta(days=rng.randint(0, 1000))
        status = rng.choice(statuses)
        filed = received + dt.timedelta(days=7) if status != "clue" else None
        number = f"浙市监立〔{received.year}〕{cid}号" if filed else None
        title = f"{parties[pid - 1]['name'][:8]}{rng.choice(CONDUCT)}案"
        case_rows.append(
            dict(
                id=cid,
                authority_id=me.authority_id,
                case_number=number,
                title=title,
                source="complaint",
                status=status,
                summary="",
                received_on=received,
                filed_on=filed,
                notice_served_on=None,
                decided_on=None,
                decision_served_on=None,
                closed_on=None,
                version=1,
                created_at=now,
                updated_at=now,
                updated_by=me.id,
            )
        )
        case_parties.append(dict(case_id=cid, party_id=pid, role="room_operator"))
        a, b = rng.sample(officer_ids, 2)
        case_officers += [
            dict(case_id=cid, officer_id=a, position=0),
            dict(case_id=cid, officer_id=b, position=1),
        ]
        p = parties[pid - 1]
        search.append(
            dict(
                case_id=cid,
                text=" ".join(
                    x
                    for x in (
                        number,
                        title,
                        p["name"],
                        p["uscc"],
                        f"acct_{pid:06d}",
                        accounts[pid - 1]["room_name"],
                    )
                    if x
                ),
            )
        )
    with db.engine.begin() as conn:
        for table, rows in (
            (PartyRow, parties),
            (PartyRoleRow, roles),
            (LiveAccountRow, accounts),
            (CaseRow, case_rows),
            (CasePartyRow, case_parties),
            (CaseOfficerRow, case_officers),
            (CaseSearchRow, search),
        ):
            for i in range(0, len(rows), 20000):
                conn.execute(insert(table), rows[i : i + 20000])
    db.dispose()


def measure(url: str, started: float) -> None:
    """Runs in a fresh process: start → list shown, then search latencies, then memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from lcregulator.gui.app import application
    from lcregulator.gui.main_window import MainWindow
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths
    from lcregulator.services import setup
    from lcregulator.services.context import AppContext

    app = application()
    db = Database(url)
    db.upgrade()
    ctx = AppContext(db, Paths(Path(tempfile.mkdtemp())))
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = setup.list_officers(ctx, authority.id)[0]
    window = MainWindow(ctx, authority)
    window.show()
    app.processEvents()
    shown = time.perf_counter() - started
    rows = window.model.rowCount()
    debounce = window._search_timer.interval() / 1000
    searches = {}
    for term in ["食品", "王某", "直播间12345", "acct_000777", "浙市监立〔2025〕", "虚假宣传 茶叶"]:
        counted: list[float] = []
        window.model.counted.connect(lambda _n, c=counted: c.append(time.perf_counter()))
        t0 = time.perf_counter()
        window.search.setText(term)
        window._search_timer.stop()  # fired by hand below, timed
        window.apply_filters()  # what the debounce timer fires: the first page is read
        window.table.viewport().repaint()  # and painted, before the deferred count runs
        page = time.perf_counter() - t0
        while not counted:
            app.processEvents()
        window.model.counted.disconnect()
        window.model.counted.connect(window._show_count)
        searches[term] = {
            "keystroke_to_results_ms": round((debounce + page) * 1000, 1),
            "query_and_paint_ms": round(page * 1000, 1),
            "total_counted_after_ms": round((counted[0] - t0) * 1000, 1),
            "found": window.model.total,
        }
    print(
        json.dumps(
            {
                "start_to_list_s": round(shown, 3),
                "rows_shown": rows,
                "debounce_ms": debounce * 1000,
                "search": searches,
                "peak_rss_mb": peak_rss_mb(),
            },
            ensure_ascii=False,
        )
    )


def peak_rss_mb() -> float:
    """VmHWM of this process: ru_maxrss would include the filling parent's peak (it is kept
    across fork and exec on Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.measure, float(os.environ["BENCH_T0"]))
        return
    folder = args.keep or Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{(folder / 'bench.sqlite3').as_posix()}"
    if not (folder / "bench.sqlite3").exists():
        t0 = time.perf_counter()
        fill(url, args.cases)
        print(
            f"filled {args.cases} cases in {time.perf_counter() - t0:.1f} s "
            f"({(folder / 'bench.sqlite3').stat().st_size / 1e6:.0f} MB)"
        )
    for run in range(3):
        env = {**os.environ, "BENCH_T0": "0"}
        # started is taken by the child at its first line; pass a wall clock reference instead
        t0 = time.time()
        code = (
            "import time,os,sys;os.environ['BENCH_T0']=str(time.perf_counter()-"
            f"(time.time()-{t0}));sys.argv=['b','--measure',{url!r}];"
            f"sys.path.insert(0,{str(Path(__file__).parent)!r});"
            "import bench_register;bench_register.main()"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        print(f"run {run + 1}: {result.stdout.strip()}")


if __name__ == "__main__":
    main()
