"""Pages of the documents and the 卷宗 the README shows, rendered from what the program wrote.

    .venv/bin/python tools/screenshot_documents.py docs/screenshots

Usually run through ``tools/screenshots.py``. No window: the sample bureau of ``lcregulator
demo`` is run in a throw-away data folder, its 好物严选 case (closed) is bound as a 卷宗, a
joint decision is issued on the two-party case the document tests use, and chosen pages are
turned into PNG with ``pdftoppm`` (poppler-utils) at the resolution of a screen.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lcregulator.domain.cases import CaseId  # noqa: E402
from lcregulator.persistence.paths import Paths  # noqa: E402
from lcregulator.services import archive, sample_case, setup  # noqa: E402
from lcregulator.services.bootstrap import open_context  # noqa: E402
from tools.screenshot import pdf_page  # noqa: E402

#: (file the demo writes, page, picture)
PAGES = (
    ("13-行政处罚决定书.pdf", 1, "document-penalty-decision-1.png"),
    ("13-行政处罚决定书.pdf", 2, "document-penalty-decision-2.png"),
    ("02-立案审批表.pdf", 1, "document-filing-approval-1.png"),
    ("06-电子数据证据提取笔录.pdf", 1, "document-evidence-record-1.png"),
)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        ctx = open_context(paths=Paths(home), url=f"sqlite:///{(home / 'db.sqlite3').as_posix()}")
        written = Path(tmp) / "demo"
        written.mkdir()
        sample_case._run(ctx, written)
        for name, page, picture in PAGES:
            pdf_page(written / name, page, out / picture)

        # 归档 of the closed case: cover and table of contents of its 卷宗
        ctx = open_context(paths=Paths(home), url=f"sqlite:///{(home / 'db.sqlite3').as_posix()}")
        authority = setup.our_authority(ctx)
        assert authority is not None and authority.id is not None
        ctx.officer = next(o for o in setup.list_officers(ctx, authority.id) if o.name == "张三")
        _, _, volume = archive.archive_case(ctx, CaseId(1), "永久")
        pdf_page(volume.path, 1, out / "archive-cover.png", dpi=60)
        pdf_page(volume.path, 2, out / "archive-contents.png", dpi=60)
        ctx.database.dispose()

        # a joint decision for 共同违法: the room operator and its marketer, each penalised
        from lcregulator.persistence.database import Database
        from lcregulator.services import documents
        from lcregulator.services.context import AppContext, FixedClock
        from tests.documents.test_paper import ANSWERS, populate

        joint_home = Path(tmp) / "joint"
        db = Database(f"sqlite:///{(joint_home / 'joint.sqlite3').as_posix()}")
        joint_home.mkdir()
        db.upgrade()
        paths = Paths(joint_home / "home")
        paths.ensure()
        joint_ctx = AppContext(
            database=db, paths=paths, clock=FixedClock(dt.datetime(2026, 6, 20, 2, tzinfo=dt.UTC))
        )
        two = populate(joint_ctx, joint_home)
        issued = documents.issue(
            two.ctx, two.case_id, "joint_penalty_decision", ANSWERS, dt.date(2026, 5, 20)
        )
        pdf_page(issued.pdf_path, 3, out / "document-joint-decision-3.png")
        db.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
