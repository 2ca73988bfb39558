"""Case bundle speed: the sample case (some twenty documents) with one large evidence file
(a recorded live stream), exported, checked and imported as a new case.

    .venv/bin/python benchmarks/bench_case_bundle.py [--evidence-mb 500]

Every file is hashed when it leaves (against the store), when the bundle is checked, and when
it enters the store, so the cost grows with the evidence; prints its figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from pathlib import Path

from lcregulator.domain.cases import CaseId
from lcregulator.persistence.paths import Paths
from lcregulator.services import case_bundle, evidence, sample_case, setup
from lcregulator.services.bootstrap import open_context
from lcregulator.services.context import FixedClock


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--evidence-mb", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as tmp:
        home = Path(tmp) / "home"
        ctx = open_context(
            paths=Paths(home),
            url=f"sqlite:///{(home / 'bench.sqlite3').as_posix()}",
            clock=FixedClock(dt.datetime(2026, 6, 20, 2, 0, tzinfo=dt.UTC)),
        )
        out = Path(tmp) / "out"
        out.mkdir()
        sample_case._run(ctx, out)
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        ctx.officer = setup.list_officers(ctx, authority.id)[0]
        video = Path(tmp) / "直播录屏.mp4"
        with video.open("wb") as fh:
            for _ in range(args.evidence_mb):
                fh.write(os.urandom(1 << 20))
        evidence.add_evidence_file(ctx, CaseId(1), video, description="直播录屏")
        video.unlink()
        bundle = Path(tmp) / "bundle.zip"
        t0 = time.perf_counter()
        exported = case_bundle.export_case(ctx, CaseId(1), bundle)
        t1 = time.perf_counter()
        case_bundle.check_bundle(bundle)
        t2 = time.perf_counter()
        case_bundle.import_bundle(ctx, bundle, as_new=True)
        t3 = time.perf_counter()
        size = bundle.stat().st_size / 1024**2
        print(f"bundle: {exported.files} files, {size:.1f} MB")
        print(f"export: {t1 - t0:.2f} s ({size / (t1 - t0):.0f} MB/s)")
        print(f"check only: {t2 - t1:.2f} s")
        print(f"import (check, store, one transaction): {t3 - t2:.2f} s")
        ctx.database.dispose()


if __name__ == "__main__":
    main()
