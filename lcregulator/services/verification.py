"""Does the record prove it was not altered? The checks behind ``lcregulator verify`` and
工具 → 完整性校验.

- the timeline's hash chain (an edited, deleted or inserted event; missing append-only triggers);
- the database itself (SQLite ``PRAGMA integrity_check``; on PostgreSQL, that it answers);
- every evidence file and every issued document (PDF and DOCX) against its SHA-256;
- every kept 卷宗 against its SHA-256 (:mod:`lcregulator.services.archive`);
- stored files no row names (orphans, from :mod:`lcregulator.services.integrity`).

Read-only: nothing is repaired here. Each check reports its progress through a callback so the
window can run it off the UI thread with a progress bar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import func, select, text

from lcregulator.domain.evidence import sha256_of_file
from lcregulator.domain.formatting import CHINA_TZ
from lcregulator.persistence.chain import (
    GENESIS,
    TRIGGER_NAMES,
    event_content,
    event_hash,
    present_triggers,
)
from lcregulator.persistence.rows import EventChainRow, EventRow, EvidenceRow, IssuedDocumentRow

from .context import AppContext

Progress = Callable[[int, int, str], None]  # (done, total, what)


@dataclass(frozen=True)
class Problem:
    kind: str  # database, event, evidence, document, archive, orphan
    id: int | str | None  # the row id, or a file's path under the data folder
    message: str


@dataclass
class Report:
    events: int = 0
    documents: int = 0
    evidence: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "events": self.events,
            "documents": self.documents,
            "evidence": self.evidence,
            "problems": [asdict(p) for p in self.problems],
        }


def _beijing(moment: dt.datetime | None) -> str:
    if moment is None:
        return "时间不明"
    return moment.astimezone(CHINA_TZ).strftime("%Y-%m-%d %H:%M")


def _event_rows(ctx: AppContext, batch: int = 2000) -> Iterator[EventRow]:
    with ctx.database.read_session_factory() as session:
        yield from session.scalars(
            select(EventRow).order_by(EventRow.seq.is_(None), EventRow.seq, EventRow.id)
        ).yield_per(batch)


def check_chain(ctx: AppContext, progress: Progress | None = None) -> tuple[int, list[Problem]]:
    """Walk the chain in order; report each break once, at the event where it shows."""
    problems: list[Problem] = []
    with ctx.database.read_session_factory() as session:
        total = int(session.scalar(select(func.count()).select_from(EventRow)) or 0)
        head = session.get(EventChainRow, 1)
    with ctx.database.read_connection() as conn:
        missing = set(TRIGGER_NAMES) - present_triggers(conn)
    if missing:
        problems.append(
            Problem(
                "event",
                None,
                f"时间线的防篡改触发器缺失（{'、'.join(sorted(missing))}）：事件记录可被改动或删除。",
            )
        )
    expected, prev, done = 1, GENESIS, 0
    for row in _event_rows(ctx):
        done += 1
        if progress and done % 500 == 0:
            progress(done, total, "时间线")
        label = f"事件 #{row.id}（{_beijing(row.at)}，{row.summary[:30]}）"
        if row.seq is None or row.hash is None or row.prev_hash is None:
            problems.append(
                Problem("event", row.id, f"{label}不在哈希链上：是绕过本程序插入的记录。")
            )
            continue
        if row.seq < expected:
            problems.append(
                Problem("event", row.id, f"{label}的链序号 {row.seq} 重复：是插入的记录。")
            )
            continue
        if row.seq > expected:
            problems.append(
                Problem(
                    "event",
                    row.id,
                    f"{label}之前缺少 {row.seq - expected} 条事件（链序号 {expected}"
                    + (f"–{row.seq - 1}" if row.seq - expected > 1 else "")
                    + "）：事件已被删除。",
                )
            )
        elif row.prev_hash != prev:
            problems.append(
                Problem("event", row.id, f"{label}与前一条事件接不上：其前的事件被改动或替换。")
            )
        content = event_content(
            seq=row.seq,
            case_id=row.case_id,
            party_id=row.party_id,
            officer_id=row.officer_id,
            at=row.at,
            action=row.action,
            summary=row.summary,
            before=row.before,
            after=row.after,
        )
        if event_hash(row.prev_hash, content) != row.hash:
            problems.append(Problem("event", row.id, f"{label}的内容已被改动（哈希不符）。"))
        expected, prev = row.seq + 1, row.hash
    last = expected - 1
    if head is None and total:
        problems.append(Problem("event", None, "时间线的链头记录缺失。"))
    elif head is not None and (head.length != last or head.last_hash != prev):
        problems.append(
            Problem(
                "event",
                None,
                f"时间线末尾与链头记录不符（链头记有 {head.length} 条，现存链至第 {last} 条）："
                "最后的事件被删除或替换。",
            )
        )
    if progress:
        progress(total, total, "时间线")
    return total, problems


def first_bad_event(ctx: AppContext) -> Problem | None:
    """The start-up check: the first break in the chain, or None when it is whole."""
    _, problems = check_chain(ctx)
    return problems[0] if problems else None


def check_database(ctx: AppContext) -> list[Problem]:
    with ctx.database.read_connection() as conn:
        if ctx.database.is_sqlite:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                return [
                    Problem("database", None, f"SQLite 完整性检查发现问题：{'；'.join(rows[:5])}")
                ]
            return []
        conn.execute(text("SELECT 1"))
    return []


def _check_file(path: Path, sha256: str, size: int | None = None) -> str | None:
    if not path.is_file():
        return "文件缺失"
    digest, actual = sha256_of_file(path)
    if digest != sha256 or (size is not None and actual != size):
        return f"文件已被改动（现 SHA-256 {digest}）"
    return None


def check_evidence(ctx: AppContext, progress: Progress | None = None) -> tuple[int, list[Problem]]:
    from .evidence import stored_path

    with ctx.database.read_session_factory() as session:
        rows = session.execute(
            select(
                EvidenceRow.id, EvidenceRow.sha256, EvidenceRow.size, EvidenceRow.original_name
            ).order_by(EvidenceRow.id)
        ).all()
    problems = []
    for i, (row_id, sha256, size, name) in enumerate(rows, 1):
        path = stored_path(ctx, sha256)
        trouble = _check_file(path, sha256, size)
        if trouble:
            problems.append(Problem("evidence", row_id, f"证据“{name}”：{trouble}。"))
        if progress:
            progress(i, len(rows), "证据文件")
    return len(rows), problems


def check_documents(ctx: AppContext, progress: Progress | None = None) -> tuple[int, list[Problem]]:
    from .documents import store_path

    with ctx.database.read_session_factory() as session:
        rows = session.execute(
            select(
                IssuedDocumentRow.id,
                IssuedDocumentRow.title,
                IssuedDocumentRow.number,
                IssuedDocumentRow.pdf_sha256,
                IssuedDocumentRow.docx_sha256,
            ).order_by(IssuedDocumentRow.id)
        ).all()
    problems = []
    for i, (row_id, title, number, pdf_sha, docx_sha) in enumerate(rows, 1):
        for sha, suffix in ((pdf_sha, ".pdf"), (docx_sha, ".docx")):
            trouble = _check_file(store_path(ctx, sha, suffix), sha)
            if trouble:
                what = f"{title}{'（' + number + '）' if number else ''}"
                problems.append(
                    Problem("document", row_id, f"文书“{what}”的 {suffix[1:].upper()}：{trouble}。")
                )
        if progress:
            progress(i, len(rows), "已制作文书")
    return len(rows), problems


def verify(ctx: AppContext, progress: Progress | None = None) -> Report:
    """Every check, in the order of DESIGN §9.1; the report lists each problem found."""
    report = Report()
    report.problems += check_database(ctx)
    report.events, problems = check_chain(ctx, progress)
    report.problems += problems
    report.evidence, problems = check_evidence(ctx, progress)
    report.problems += problems
    report.documents, problems = check_documents(ctx, progress)
    report.problems += problems
    # the archive service loads the PDF machinery: import it only when verify runs
    from .archive import verify_archives
    from .integrity import find_orphans

    report.problems += [Problem(p["kind"], p["id"], p["message"]) for p in verify_archives(ctx)]
    report.problems += [Problem("orphan", o.path, o.message) for o in find_orphans(ctx)]
    return report
