"""Writer processes for the concurrency and crash tests and for ``benchmarks/bench_writers.py``.

Each writer is a separate process (its own interpreter and connections), as two workstations
or two command-line runs are. ``python -m tests.writers crash HOME URL`` is the writer the
crash test kills: it prints ``ready`` once open, then ``evidence <sha256>`` or ``document <文号>``
after each commit, flushed, so the parent knows what was committed before the kill.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
import time
from pathlib import Path
from typing import Any

from lcregulator.domain.cases import Case, CaseId, ClueSource
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services import cases, documents, evidence, setup
from lcregulator.services.context import AppContext, FixedClock
from tests.fixtures import FIXED_NOW, configure

KIND = "inquiry_notice"
ASK = {"time": "2026年3月12日9时", "place": "本局301室", "materials": "营业执照"}
DAY = dt.date(2026, 3, 10)


def open_ctx(home: Path, url: str) -> AppContext:
    paths = Paths(home)
    paths.ensure()
    return AppContext(database=Database(url), paths=paths, clock=FixedClock(FIXED_NOW))


def prepare(home: Path, url: str | None = None) -> tuple[str, CaseId]:
    """A configured database with one case; returns its URL and the case id."""
    url = url or f"sqlite:///{(home / 'lcregulator.sqlite3').as_posix()}"
    ctx = open_ctx(home, url)
    ctx.database.upgrade()
    configure(ctx)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    case = cases.create_case(
        ctx,
        Case(
            title="某直播间案",
            source=ClueSource.COMPLAINT,
            received_on=dt.date(2026, 3, 2),
            authority_id=authority.id,
            summary="消费者投诉直播间虚假宣传。",
        ),
    )
    assert case.id is not None
    ctx.database.dispose()
    return url, case.id


def _signed_in(home: Path, url: str) -> AppContext:
    ctx = open_ctx(home, url)
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    ctx.officer = setup.list_officers(ctx, authority.id)[0]
    return ctx


def issue_many(home: str, url: str, case_id: int, count: int, barrier: Any, results: Any) -> None:
    """Issue ``count`` numbered documents once every writer is ready (``barrier``), so all
    start at the same instant; puts attempts, failures, waits and numbers on ``results``."""
    ctx = _signed_in(Path(home), url)
    barrier.wait()
    waits: list[float] = []
    failures: list[str] = []
    numbers: list[str] = []
    for _ in range(count):
        began = time.perf_counter()
        try:
            issued = documents.issue(ctx, CaseId(case_id), KIND, ASK, DAY)
            numbers.append(issued.record.number)
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc}")
        waits.append(time.perf_counter() - began)
    ctx.database.dispose()
    results.put({"attempts": count, "failures": failures, "waits": waits, "numbers": numbers})


def run_writers(home: Path, url: str, case_id: int, writers: int, count: int) -> dict[str, Any]:
    """``writers`` processes issuing ``count`` documents each, all at once; the totals."""
    mp = multiprocessing.get_context("spawn")
    barrier = mp.Barrier(writers)
    results = mp.Queue()
    procs = [
        mp.Process(target=issue_many, args=(str(home), url, case_id, count, barrier, results))
        for _ in range(writers)
    ]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=600) for _ in procs]
    for p in procs:
        p.join()
    waits = sorted(w for o in outcomes for w in o["waits"])
    return {
        "writers": writers,
        "attempts": sum(o["attempts"] for o in outcomes),
        "failures": [f for o in outcomes for f in o["failures"]],
        "numbers": [n for o in outcomes for n in o["numbers"]],
        "p95_wait": waits[max(0, int(len(waits) * 0.95) - 1)] if waits else 0.0,
        "max_wait": waits[-1] if waits else 0.0,
    }


def crash_writer(home: Path, url: str, case_id: int, announce: Path) -> None:
    """Write evidence and documents until killed, announcing each commit in ``announce``."""
    ctx = _signed_in(home, url)
    source = home / f"source-{os.getpid()}.bin"
    with announce.open("a", encoding="utf-8") as log:

        def say(line: str) -> None:
            log.write(line + "\n")
            log.flush()  # in the kernel's hands: survives kill -9 of this process

        say("ready")
        round_ = os.getpid() % 2
        while True:
            round_ += 1
            if round_ % 2:
                source.write_bytes(os.urandom(64 * 1024) + str(time.time_ns()).encode())
                item = evidence.add_evidence_file(ctx, CaseId(case_id), source)
                say(f"evidence {item.sha256}")
            else:
                issued = documents.issue(ctx, CaseId(case_id), KIND, ASK, DAY)
                say(f"document {issued.record.number}")


def zygote(home: Path, url: str, case_id: int) -> None:
    """Load once (imports, fonts: seconds), then fork a fresh writer per ``fork`` line on
    stdin, printing its pid; a kill test thus costs a fork, not an interpreter start."""
    from lcregulator.documents.pdf import warm_up

    warm_up()
    print("ready", flush=True)
    for serial, line in enumerate(sys.stdin, start=1):
        while True:  # reap the writers killed so far
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
        if line.strip() != "fork":
            break
        announce = home / f"announce-{serial}.log"
        pid = os.fork()
        if pid == 0:
            try:
                crash_writer(home, url, case_id, announce)
            finally:
                os._exit(1)
        print(f"{pid} {announce}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote(Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
