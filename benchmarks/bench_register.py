"""Case register at provincial scale, measured as an officer feels it, beside a bare Qt window.

    .venv/bin/python benchmarks/bench_register.py [--cases 100000] [--keep DIR]
        [--database-url postgresql+psycopg://…] [--runs 3] [--penalty-count 10000]
        [--penalty-separate 200] [--no-penalty]

Fills a database (a SQLite file in DIR, or the PostgreSQL database ``--database-url`` names when
it holds no cases yet) with synthetic cases, parties, accounts and officers, then measures, each
in a fresh process started the way the application starts:

- **start → first page**: from the moment the process is spawned to the first paint of the
  main window showing the register's first page (``lcregulator``'s own start-up: schema check,
  officer signed in, window built; the sign-in dialog, a human's choice, is skipped), and the
  same for a **bare PySide6 window** (QApplication, QMainWindow with an empty table) started
  the same way; printed with their ratio. *Cold*: the page cache of the interpreter, the
  virtual environment (Qt's libraries included), the package and the SQLite file is dropped
  first (``posix_fadvise(DONTNEED)``: no root needed; PostgreSQL's own cache is left alone);
  *warm*: the same again straight after.
- **keystroke → first page**: the term is typed as an officer types it, and the clock runs
  from the last input (a Latin keystroke, which the search box debounces by 100 ms; or a
  Chinese word committed by the input method, which it searches at once) through the query and
  the model reset until the table (or the "no cases" label) has painted; the total count,
  computed afterwards on a worker thread, is timed too. Measured after the warm-up.
- **peak memory**: the resident set's high-water mark (VmHWM) of the application process.
- **penalty batch**: ``lcregulator law penalty --jsonl`` over N assessments in one process,
  against separate ``lcregulator law penalty`` calls (a sample timed and extrapolated to N).

Targets (issue 20, 2-core machine): start ≤ 3 × the bare window at 100,000 cases, cold and
warm; every search ≤ 200 ms to the first page including the debounce; peak < 300 MB at 100,000
cases and < 500 MB at 1,000,000; the batch at least 50 × faster than separate calls. Prints the
figures; asserts nothing (CI runs it small as a smoke test).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GOODS = ["食品", "保健品", "化妆品", "服装", "玩具", "家电", "茶叶", "酒类", "母婴用品", "珠宝"]
CONDUCT = ["虚假宣传", "未明码标价", "价格欺诈", "未公示经营者信息", "销售不合格产品", "未核验身份"]
# Broad and rare, one to many characters, Chinese, Latin and punctuation; 李四 is nobody.
TERMS = [
    "王",
    "案",
    "食品",
    "王某",
    "茶叶",
    "李四",
    "12",
    "〔2",
    "直播间12345",
    "acct_000777",
    "浙市监立〔2025〕",
    "虚假宣传",
    "虚假宣传 茶叶",
]
CHUNK = 20_000
BENCH_PASSWORD = "bench-register-117"  # the scripted officer's
TYPING_S = 1.5  # choosing one's name and typing a password: a quick officer


# --- filling -------------------------------------------------------------------------------


def fill(url: str, n_cases: int) -> None:
    """Synthetic register; Core executemany in chunks (~5× faster than the ORM, flat memory)."""
    from sqlalchemy import insert, text
    from stdnum.cn import uscc

    from lcregulator.domain.authority import Authority, Officer, OfficerRole
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.grams import grams
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
    n_parties = max(1, n_cases // 3)
    names: list[str] = []
    codes: list[str] = []
    rooms: list[str] = []
    with db.engine.begin() as conn:
        for start in range(1, n_parties + 1, CHUNK):
            parties, roles, accounts = [], [], []
            for pid in range(start, min(start + CHUNK, n_parties + 1)):
                body = f"9133{rng.randint(0, 9999):04d}MA{rng.randint(0, 10**9):09d}"[:17]
                name = f"{rng.choice(SURNAMES)}某{rng.choice(GOODS)}电子商务有限公司{pid}"
                code = body + uscc.calc_check_digit(body)
                room = f"{rng.choice(GOODS)}直播间{pid}"
                names.append(name)
                codes.append(code)
                rooms.append(room)
                parties.append(
                    dict(
                        id=pid,
                        kind="organization",
                        name=name,
                        uscc=code,
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
                        room_name=room,
                        platform_operator_id=None,
                    )
                )
            conn.execute(insert(PartyRow), parties)
            conn.execute(insert(PartyRoleRow), roles)
            conn.execute(insert(LiveAccountRow), accounts)
    statuses = ["clue", "filed", "investigating", "notified", "decided", "closed", "archived"]
    day0 = dt.date(2024, 1, 1)
    for start in range(1, n_cases + 1, CHUNK):
        case_rows, case_parties, case_officers, search = [], [], [], []
        for cid in range(start, min(start + CHUNK, n_cases + 1)):
            pid = rng.randint(1, n_parties)
            received = day0 + dt.timedelta(days=rng.randint(0, 1000))
            status = rng.choice(statuses)
            filed = received + dt.timedelta(days=7) if status != "clue" else None
            number = f"浙市监立〔{received.year}〕{cid}号" if filed else None
            title = f"{names[pid - 1][:8]}{rng.choice(CONDUCT)}案"
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
            parts = (number, title, names[pid - 1], codes[pid - 1], f"acct_{pid:06d}")
            joined = " ".join(x for x in (*parts, rooms[pid - 1]) if x)
            search.append(dict(case_id=cid, text=joined))
        with db.engine.begin() as conn:
            conn.execute(insert(CaseRow), case_rows)
            conn.execute(insert(CasePartyRow), case_parties)
            conn.execute(insert(CaseOfficerRow), case_officers)
            conn.execute(insert(CaseSearchRow), search)
            if conn.dialect.name == "postgresql":  # SQLite's triggers do this
                conn.execute(
                    text("UPDATE case_search SET grams = CAST(:g AS text[]) WHERE case_id = :id"),
                    [{"id": r["case_id"], "g": grams(r["text"]).split()} for r in search],
                )
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # explicit ids leave the SERIAL sequences at 1: the next party or case saved in the
            # window would collide with the synthetic rows
            for table in ("party", "case", "live_account"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                    f'(SELECT coalesce(max(id), 0) + 1 FROM "{table}"), false)'
                )
        conn.exec_driver_sql("ANALYZE")
    db.dispose()


def case_count(url: str) -> int:
    from sqlalchemy import text

    from lcregulator.persistence.database import Database

    db = Database(url)
    try:
        with db.engine.connect() as conn:
            return int(conn.execute(text('SELECT count(*) FROM "case"')).scalar() or 0)
    except Exception:
        return 0
    finally:
        db.dispose()


# --- the measured processes ------------------------------------------------------------------


def child_bare(started: float) -> dict[str, Any]:
    """A bare PySide6 window, started and timed like the application."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    result: dict[str, Any] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not result:
                result["start_to_paint_s"] = round(time.time() - started, 3)
                result["cpu_s"] = round(time.process_time(), 3)
                QApplication.quit()
            return False

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setCentralWidget(QTableView())
    window.resize(1200, 760)
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    window.show()
    app.exec()
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def child_app(started: float, url: str, home: str, search: bool, typing_s: float) -> dict[str, Any]:
    """The application started as ``lcregulator`` starts it (``cli.main([])``), signed into by
    a scripted officer: when the sign-in dialog has painted, the officer takes ``typing_s``
    seconds to choose and type, then presses 登录; the clock stops at the register's first
    paint. Then (optionally) the search box, then memory."""
    os.environ["LCREGULATOR_HOME"] = home
    os.environ["LCREGULATOR_DATABASE_URL"] = url
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

    import lcregulator.cli

    result: dict[str, Any] = {}

    def stamp(name: str) -> None:
        result[f"{name}_s"] = round(time.time() - started, 3)
        result[f"{name}_cpu_s"] = round(time.process_time(), 3)

    def answer(dialog: Any) -> None:
        dialog.password.setText(BENCH_PASSWORD)
        result["ok_at_s"] = round(time.time() - started, 3)
        dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    def registered(window: Any) -> None:
        result["rows_shown"] = window.model.rowCount()
        result["modules"] = len(sys.modules)
        app = QApplication.instance()
        assert app is not None
        if search:
            t0 = time.perf_counter()
            wait_for_start_up_work(window)
            result["warm_up_s"] = round(time.perf_counter() - t0, 3)
            result["search"] = measure_search(app, window)
        result["peak_rss_mb"] = peak_rss_mb()
        window.close()  # ends app.exec(): cli.main returns

    class ScriptedOfficer(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            top = watched.window()
            if not top.isVisible():  # rendered ahead of showing (QWidget.grab) is not shown
                return False
            kind = type(top).__name__
            if kind == "OfficerSignInDialog" and "dialog_s" not in result:
                stamp("dialog")
                QTimer.singleShot(round(typing_s * 1000), lambda: answer(top))
                look_for_register.start()
            elif kind == "MainWindow" and "register_s" not in result:
                stamp("register")
                QTimer.singleShot(0, lambda: registered(top))
            return False

    def give_up() -> None:
        result["error"] = "no register within 120 s (sign-in refused?)"
        os._exit(2)

    def built() -> None:
        """When the register exists behind the dialog (a 10 ms look; nothing imported)."""
        app = QApplication.instance()
        if app is not None and any(
            type(w).__name__ == "MainWindow" for w in QApplication.topLevelWidgets()
        ):
            result["register_built_s"] = round(time.time() - started, 3)
            look_for_register.stop()

    # the QApplication is made by the start-up itself; watch from its first event on
    officer = ScriptedOfficer()
    look_for_register = QTimer(interval=10)
    look_for_register.timeout.connect(built)
    watcher_installed = []

    def install() -> None:
        app = QApplication.instance()
        if app is not None and not watcher_installed:
            app.installEventFilter(officer)
            QTimer.singleShot(120_000, give_up)
            watcher_installed.append(True)

    from lcregulator.gui import app as gui_app

    made = gui_app.application

    def application() -> Any:
        app = made()
        install()
        return app

    gui_app.application = application  # the benchmark's only hook: watch paints from the start
    code = lcregulator.cli.main([])
    if code != 0 or "register_s" not in result:
        raise SystemExit(f"lcregulator exited {code} before the register was shown: {result}")
    result["after_ok_s"] = round(result["register_s"] - result["ok_at_s"], 3)
    result["wait_s"] = round(result["dialog_s"] + result["after_ok_s"], 3)
    return result


def wait_for_start_up_work(window: Any) -> None:
    """The checks and the warm-up the start-up began after the first paint (page check, daily
    backup, chain check, module warm-up): searches are measured once they are over."""
    import threading

    from PySide6.QtCore import QEventLoop, QTimer

    pause = QEventLoop()
    for _ in range(6000):
        jobs = [*getattr(window, "_startup_jobs", []), getattr(window, "_chain_job", None)]
        busy = [j for j in jobs if j is not None and not j.done]
        busy += [t for t in threading.enumerate() if t.name == "warm-up"]
        if not busy:
            return
        QTimer.singleShot(50, pause.quit)
        pause.exec()


def measure_search(app: Any, window: Any) -> dict[str, Any]:
    # A local event loop, not a processEvents() loop: PySide6 6.12 on Python 3.11 drops a
    # reference to None on every processEvents() call, and a few thousand calls abort Python.
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

    state: dict[str, float] = {}  # times of the term being measured ("armed")
    loop = QEventLoop()  # runs while a term is measured
    pause = QEventLoop()  # runs between terms
    term_no = [0]  # callbacks scheduled for an earlier term check this and do nothing

    def check(n: int) -> None:
        # An empty result after an empty result repaints nothing: the view was final when the
        # event loop came back from the query ("settled").
        if n != term_no[0]:
            return
        shown = "painted" in state or (
            "settled" in state and time.perf_counter() - state["settled"] > 0.4
        )
        if shown and "counted" in state:
            loop.quit()

    def settled(n: int) -> None:
        if n == term_no[0]:
            state.setdefault("settled", time.perf_counter())
            QTimer.singleShot(450, lambda: check(n))

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "reset" in state and "painted" not in state:
                state["painted"] = time.perf_counter()
                n = term_no[0]
                QTimer.singleShot(0, lambda: check(n))
            return False

    def reset() -> None:
        if "armed" in state and "reset" not in state:
            state["reset"] = time.perf_counter()
            n = term_no[0]
            QTimer.singleShot(0, lambda: settled(n))

    def counted(_total: int) -> None:
        if "armed" in state:
            state.setdefault("counted", time.perf_counter())
            check(term_no[0])

    watch = Watch()
    window.table.viewport().installEventFilter(watch)
    window.empty.installEventFilter(watch)
    window.model.modelReset.connect(reset)
    window.model.counted.connect(counted)
    from lcregulator.gui.main_window import SEARCH_DEBOUNCE_MS

    results: dict[str, Any] = {"debounce_ms": SEARCH_DEBOUNCE_MS}
    for term in TERMS:
        before, last = last_input(term)
        if window.search.text() != before:
            window.search.setText(before)  # typed earlier: not timed
        term_no[0] += 1  # from here on, the last term's callbacks do nothing
        state.clear()
        for _ in range(100):  # let the last search's paints and count settle
            QTimer.singleShot(150, pause.quit)
            pause.exec()
            if window.model.total is not None:
                break
        t0 = state["armed"] = time.perf_counter()
        window.search.setText(term)  # the last keystroke, or the input method's commit
        timeout = QTimer(singleShot=True, interval=30_000)
        timeout.timeout.connect(loop.quit)
        timeout.start()
        loop.exec()
        timeout.stop()
        shown = state.get("painted", state.get("settled", t0))
        results[term] = {
            "last_input": last,
            "keystroke_to_first_page_ms": round((shown - t0) * 1000, 1),
            "query_ms": round((state.get("settled", t0) - state.get("reset", t0)) * 1000, 1),
            "count_after_ms": round((state.get("counted", t0) - t0) * 1000, 1),
            "found": window.model.total,
            "rows": window.model.rowCount(),
        }
    window.search.clear()
    return results


def last_input(term: str) -> tuple[str, str]:
    """What is in the box before the officer's last input, and that input: a Latin keystroke
    (debounced by the search box) or a word committed by the input method (searched at once)."""
    if term[-1].isascii():
        return term[:-1], "keystroke"
    stem = term.rstrip("".join(c for c in term if not c.isascii()))
    return stem, "input-method commit"


def peak_rss_mb() -> float:
    """VmHWM of this process (ru_maxrss would count the parent's peak across fork and exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --- cold starts -------------------------------------------------------------------------------


def drop_page_cache(paths: list[Path]) -> int:
    """Ask the kernel to forget the cached pages of every file under ``paths`` (no root
    needed; pages mapped by a running process stay). Returns the number of files."""
    count = 0
    for root in paths:
        files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
        for path in files:
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                count += 1
            except OSError:
                pass
            finally:
                os.close(fd)
    return count


def cache_paths(url: str) -> list[Path]:
    import lcregulator

    paths = [
        Path(sys.prefix) / "lib",
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
        Path(lcregulator.__file__).parent,
    ]
    if url.startswith("sqlite:///"):
        db = Path(url.removeprefix("sqlite:///"))
        paths += [p for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()]
    return paths


def spawn(kind: str, url: str, home: str, search: bool, typing_s: float = 0.0) -> dict[str, Any]:
    """Start a fresh interpreter for one measurement; its clock starts before the spawn."""
    here = str(Path(__file__).resolve().parent)
    code = (
        f"import sys;sys.path.insert(0,{here!r});import bench_register as b;"
        f"b.child_main({kind!r},{url!r},{home!r},{search!r},{typing_s!r})"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    env["BENCH_STARTED"] = repr(started)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{kind} process failed:\n{done.stderr}")
    line = [x for x in done.stdout.splitlines() if x.startswith("{")][-1]
    return dict(json.loads(line))


def child_main(kind: str, url: str, home: str, search: bool, typing_s: float = 0.0) -> None:
    started = float(os.environ["BENCH_STARTED"])
    if kind == "bare":
        result = child_bare(started)
    else:
        result = child_app(started, url, home, search, typing_s)
    print(json.dumps(result, ensure_ascii=False), flush=True)


def ensure_password(url: str, home: str) -> None:
    """The scripted officer signs in with BENCH_PASSWORD: give the register's administrator
    that password when no administrator has one yet (a freshly filled register)."""
    from lcregulator.persistence.paths import Paths
    from lcregulator.services import auth, setup
    from lcregulator.services.bootstrap import open_context

    ctx = open_context(paths=Paths(Path(home)), url=url)
    try:
        if auth.needs_initial_admin_password(ctx):
            authority = setup.our_authority(ctx)
            assert authority is not None and authority.id is not None
            first = setup.list_officers(ctx, authority.id)[0]
            assert first.id is not None
            auth.set_initial_admin_password(ctx, first.id, BENCH_PASSWORD)
    finally:
        ctx.database.dispose()


# --- the penalty batch -------------------------------------------------------------------------


PENALTY = {
    "provision": "M59(1)",
    "party_type": "organization",
    "act_date": "2026-03-01",
    "discovery_date": "2026-03-10",
    "decision_date": "2026-06-01",
    "facts": {
        "ordered_to_correct": True,
        "corrected_by_deadline": False,
        "refused_to_correct": True,
        "serious": False,
        "illegal_gains": None,
        "ad_fee": None,
        "goods_value": None,
        "sales_amount": None,
    },
    "circumstances": [],
    "proposed_fine": None,
}


def penalty_inputs(count: int) -> list[str]:
    rng = random.Random(53)
    lines = []
    for i in range(count):
        payload = json.loads(json.dumps(PENALTY))
        payload["party_type"] = rng.choice(["organization", "natural_person"])
        payload["facts"]["serious"] = i % 7 == 0
        payload["decision_date"] = (dt.date(2026, 4, 1) + dt.timedelta(days=i % 120)).isoformat()
        lines.append(json.dumps(payload, ensure_ascii=False))
    return lines


def bench_penalty(count: int, separate: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "lcregulator", "law", "penalty"]
    env = {**os.environ, "LCREGULATOR_HOME": tempfile.mkdtemp(prefix="bench-law-")}
    probe = subprocess.run(
        [*command, "--jsonl"],
        input=penalty_inputs(1)[0] + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    if probe.returncode != 0 or not probe.stdout.strip().startswith("{"):
        return {"jsonl": "not available in this build (lcregulator law penalty --jsonl)"}
    lines = penalty_inputs(count)
    t0 = time.perf_counter()
    batch = subprocess.run(
        [*command, "--jsonl"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    batch_s = time.perf_counter() - t0
    answers = [x for x in batch.stdout.splitlines() if x.strip()]
    t0 = time.perf_counter()
    for line in lines[:separate]:
        subprocess.run(command, input=line, capture_output=True, text=True, env=env, check=False)
    separate_s = time.perf_counter() - t0
    extrapolated = separate_s / separate * count
    return {
        "assessments": count,
        "answers": len(answers),
        "exit_status": batch.returncode,
        "batch_s": round(batch_s, 2),
        "separate_calls_timed": separate,
        "separate_s": round(separate_s, 2),
        "separate_extrapolated_s": round(extrapolated, 1),
        "speed_up": round(extrapolated / batch_s, 1),
    }


# --- main ------------------------------------------------------------------------------------


def machine() -> str:
    cpu = "?"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} × {cpu}, {int(memory) // 1024} MB RAM, Python "
        f"{sys.version.split()[0]}, load average {load:.1f} at start"
    )


def compile_bytecode() -> str:
    """Compile the package's bytecode once, as the installers and pip do.

    An installed lcregulator starts from ``.pyc`` files. A development tree run with
    ``PYTHONDONTWRITEBYTECODE`` (set on some machines, CI among them) would compile every module
    from source at every start, a cost no officer's start pays; it is paid here, before timing.
    """
    import compileall

    import lcregulator

    package = Path(lcregulator.__file__).resolve().parent
    compileall.compile_dir(str(package), quiet=1, workers=1)
    return str(package)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="folder for the SQLite file (kept, reused)")
    parser.add_argument("--database-url", help="a PostgreSQL database instead of SQLite")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--penalty-count", type=int, default=10_000)
    parser.add_argument("--penalty-separate", type=int, default=200)
    parser.add_argument("--no-penalty", action="store_true")
    parser.add_argument(
        "--typing", type=float, default=TYPING_S, help="seconds the officer takes at sign-in"
    )
    args = parser.parse_args()

    print(f"machine: {machine()}; QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', 'offscreen')}")
    print(f"bytecode compiled for {compile_bytecode()} (as installed)")
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-register-"))
    folder.mkdir(parents=True, exist_ok=True)
    url = args.database_url or f"sqlite:///{(folder / 'bench.sqlite3').as_posix()}"
    have = case_count(url)
    if have == 0:
        t0 = time.perf_counter()
        fill(url, args.cases)
        size = ""
        if url.startswith("sqlite:///"):
            size = f" ({(folder / 'bench.sqlite3').stat().st_size / 1e6:.0f} MB)"
        print(f"filled {args.cases} cases in {time.perf_counter() - t0:.1f} s{size}")
        have = args.cases
    print(f"database: {url.split('@')[-1]} with {have} cases")
    from lcregulator.persistence.database import Database

    db = Database(url)
    db.upgrade()  # an older kept database: migrate now, not inside a timed start
    db.dispose()
    home = str(folder / "home")
    ensure_password(url, home)
    print(
        f"the scripted officer takes {args.typing:.1f} s to choose and type at the sign-in "
        "dialog; the officer waits for: spawn → dialog painted, plus 登录 → register painted"
    )
    ratios: dict[str, list[float]] = {"cold": [], "warm": [], "no typing time": []}
    searches: list[dict[str, Any]] = []
    peaks: list[float] = []
    for run in range(1, args.runs + 1):
        for mode in ("cold", "warm"):
            if mode == "cold":
                drop_page_cache(cache_paths(url))
            bare = spawn("bare", url, home, False)
            if mode == "cold":
                drop_page_cache(cache_paths(url))
            ours = spawn("app", url, home, mode == "warm", args.typing)
            ratio = ours["wait_s"] / bare["start_to_paint_s"]
            ratios[mode].append(ratio)
            peaks.append(ours["peak_rss_mb"])
            print(
                f"run {run} {mode}: bare window {bare['start_to_paint_s']:.3f} s "
                f"(cpu {bare['cpu_s']:.2f} s); lcregulator: sign-in dialog "
                f"{ours['dialog_s']:.3f} s (cpu {ours['dialog_cpu_s']:.2f} s), 登录 → register "
                f"{ours['after_ok_s']:.3f} s ({ours['rows_shown']} rows, {ours['modules']} "
                f"modules), officer waits {ours['wait_s']:.3f} s → ratio {ratio:.2f}; "
                f"peak {ours['peak_rss_mb']:.0f} MB; register ready behind the dialog "
                f"{ours.get('register_built_s', 0) - ours['dialog_s']:.2f} s after it painted"
            )
            if "search" in ours:
                searches.append(ours["search"])
                print(f"  start-up checks and warm-up after first paint: {ours['warm_up_s']:.2f} s")
                for term in TERMS:
                    s = ours["search"][term]
                    print(
                        f"  search {term!r:<22} → first page {s['keystroke_to_first_page_ms']:6.1f}"
                        f" ms ({s['last_input']}, query {s['query_ms']:.0f} ms), count "
                        f"{s['count_after_ms']:6.1f} ms, {s['found']} found"
                    )
        instant = spawn("app", url, home, False, 0.0)
        ratio = instant["register_s"] / bare["start_to_paint_s"]
        ratios["no typing time"].append(ratio)
        print(
            f"run {run} warm, 登录 pressed the moment the dialog painted: register at "
            f"{instant['register_s']:.3f} s (cpu {instant['register_cpu_s']:.2f} s) → ratio "
            f"{ratio:.2f} to the bare window above"
        )
    print("summary:")
    for mode, values in ratios.items():
        what = "spawn → register" if mode == "no typing time" else "officer's wait"
        print(
            f"  {what}, {mode}: ratio to bare window median "
            f"{statistics.median(values):.2f} (runs: {', '.join(f'{v:.2f}' for v in values)})"
        )
    if searches:
        worst = {
            term: max(s[term]["keystroke_to_first_page_ms"] for s in searches) for term in TERMS
        }
        slowest = max(worst, key=lambda t: worst[t])
        print(
            f"  keystroke → first page, worst over runs: {worst[slowest]:.1f} ms ({slowest!r}); "
            f"median of terms {statistics.median(worst.values()):.1f} ms"
        )
    print(f"  peak memory of the application: {max(peaks):.0f} MB")
    if not args.no_penalty:
        print(
            f"penalty batch: {json.dumps(bench_penalty(args.penalty_count, args.penalty_separate), ensure_ascii=False)}"
        )


if __name__ == "__main__":
    main()
