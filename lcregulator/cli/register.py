"""`register export`, `stats` and `case archive` (DESIGN §9.1): the 台账, the 统计报表, the 卷宗.

`register export` and `stats` read the case database and need no sign-in; `case archive` signs
in when it performs 归档 (a write), and exports the kept 卷宗 of an archived case without one.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from lcregulator.domain.case_list import CaseQuery
from lcregulator.domain.cases import CaseId, CaseStatus
from lcregulator.domain.errors import DomainError, NotFoundError, ValidationError

from .framework import (
    CommandError,
    Exit,
    add_officer_argument,
    command_group,
    emit,
    open_context,
    roles_help,
    sign_in,
)


def _date(value: str | None, field: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            Exit.BAD_INPUT, field, f"日期“{value}”格式不对，应为 YYYY-MM-DD。"
        ) from None


def _out(value: str, suffix: str) -> Path:
    path = Path(value).expanduser().resolve()
    if path.suffix.lower() != suffix:
        raise CommandError(Exit.BAD_INPUT, "out", f"输出文件名应以 {suffix} 结尾。")
    if not path.parent.is_dir():
        raise CommandError(Exit.BAD_INPUT, "out", f"文件夹不存在：{path.parent}")
    return path


def _bad(exc: DomainError, field: str) -> CommandError:
    if getattr(exc, "field", None) == "database":  # busy past its timeout, full, read-only: 3
        return CommandError(Exit.DATABASE, "database", exc.message)
    if isinstance(exc, ValidationError):
        return CommandError(Exit.BAD_INPUT, exc.field, exc.message)
    return CommandError(Exit.BAD_INPUT, field, exc.message)


def run_register_export(args: argparse.Namespace) -> int:
    context = open_context()  # exit 3 comes before any complaint about the input
    try:
        return _register_export(context, args)
    finally:
        context.database.dispose()


def _register_export(context: Any, args: argparse.Namespace) -> int:
    from lcregulator.services import register

    start, end = _date(args.date_from, "from"), _date(args.date_to, "to")
    if start and end and end < start:
        raise CommandError(Exit.BAD_INPUT, "to", "截止日期不能早于起始日期。")
    statuses: frozenset[CaseStatus] = frozenset()
    if args.status is not None:
        try:
            statuses = frozenset({CaseStatus(args.status)})
        except ValueError:
            known = "、".join(s.value for s in CaseStatus)
            raise CommandError(
                Exit.BAD_INPUT, "status", f"未知的案件状态“{args.status}”，应为：{known}。"
            ) from None
    out = _out(args.out, ".xlsx")
    query = CaseQuery(statuses=statuses, date_from=start, date_to=end)
    try:
        result = register.export_register(context, out, query, per_year=args.per_year)
    except DomainError as exc:
        raise _bad(exc, "out") from None
    emit({"file": str(result.file), "rows": result.rows})
    return Exit.OK


def run_stats(args: argparse.Namespace) -> int:
    context = open_context()
    try:
        return _stats(context, args)
    finally:
        context.database.dispose()


def _stats(context: Any, args: argparse.Namespace) -> int:
    from lcregulator.services import statistics

    start, end = _date(args.date_from, "from"), _date(args.date_to, "to")
    out = _out(args.out, ".pdf") if args.out else None
    try:
        stats = statistics.statistics(context, start, end)
        payload: dict[str, Any] = stats.as_json()
        if out is not None:
            payload["file"] = str(statistics.write_report(context, stats, out))
    except DomainError as exc:
        raise _bad(exc, "to") from None
    emit(payload)
    return Exit.OK


def find_case(context: Any, text: str) -> CaseId:
    """A case by its 立案编号, or ``id:N`` for one not yet filed (DESIGN §9.1)."""
    from lcregulator.services import cases

    if text.startswith("id:"):
        try:
            case_id = CaseId(int(text[3:]))
            cases.get_case(context, case_id)
        except (ValueError, NotFoundError):
            raise CommandError(Exit.BAD_INPUT, "case", f"找不到案件：{text}") from None
        return case_id
    for summary in cases.list_cases(context, CaseQuery(text=text), limit=50):
        if summary.case_number == text:
            return summary.id
    raise CommandError(Exit.BAD_INPUT, "case", f"找不到立案编号为“{text}”的案件。")


def run_case_archive(args: argparse.Namespace) -> int:
    context = open_context()
    try:
        return _archive(context, args)
    finally:
        context.database.dispose()


def _archive(context: Any, args: argparse.Namespace) -> int:
    from lcregulator.services import archive, cases

    if args.officer:  # a refused sign-in (4) comes before bad input (2)
        sign_in(context, args)
    case_id = find_case(context, args.case)
    status = cases.get_case(context, case_id).status
    if status is CaseStatus.CLOSED and context.officer is None:
        raise CommandError(
            Exit.REFUSED, "officer", "归档须由执法人员登录后进行，请用 --officer 指定。"
        )
    out = _out(args.out, ".pdf")
    try:
        if status is CaseStatus.ARCHIVED:
            volume = archive.export_volume(context, case_id, out)
        elif status is CaseStatus.CLOSED:
            _, _, volume = archive.archive_case(context, case_id)
            volume = archive.export_volume(context, case_id, out)
        else:
            raise CommandError(
                Exit.BAD_INPUT, "case", f"案件处于“{status.label}”阶段，结案后方可归档。"
            )
    except DomainError as exc:
        raise _bad(exc, "case") from None
    emit({"file": str(out), "pages": volume.pages})
    return Exit.OK


def register(subparsers: Any) -> None:
    """`register export`, `stats`, and `case archive` in the shared ``case`` group."""
    reg = subparsers.add_parser("register", help="the 案件台账 as an .xlsx spreadsheet")
    reg_sub = reg.add_subparsers(dest="register_command", required=True)
    export = reg_sub.add_parser(
        "export",
        help="write the 案件台账 (.xlsx), one row per case, ID numbers masked. " + roles_help(None),
        description="导出案件台账（.xlsx）。" + roles_help(None),
    )
    export.add_argument("--out", required=True, metavar="FILE.xlsx", help="the file to write")
    export.add_argument("--from", dest="date_from", metavar="DATE", help="filing date from")
    export.add_argument("--to", dest="date_to", metavar="DATE", help="filing date to")
    export.add_argument(
        "--status", metavar="S", help="only cases in status S (clue, filed, … archived)"
    )
    export.add_argument("--per-year", action="store_true", help="one sheet per year")
    export.set_defaults(run=run_register_export)
    stats = subparsers.add_parser(
        "stats",
        help="the period's 统计报表 as JSON (default: this year to date), and as a PDF with "
        "--out. " + roles_help(None),
        description="统计报表。" + roles_help(None),
    )
    stats.add_argument("--from", dest="date_from", metavar="DATE", help="period start")
    stats.add_argument("--to", dest="date_to", metavar="DATE", help="period end")
    stats.add_argument("--out", metavar="FILE.pdf", help="also write the printable report")
    stats.set_defaults(run=run_stats)
    case = command_group(subparsers, "case", "cases in the database: list (and more)")
    archive = case.add_parser(
        "archive",
        help="归档 a closed case (with --officer; any role) and write its 卷宗, or write the "
        "kept 卷宗 of an archived case (no sign-in)",
        description="归档并导出卷宗（PDF）。结案的案件须以 --officer 登录（任何角色）；"
        "已归档的案件导出其卷宗，无须登录。",
    )
    archive.add_argument("case", metavar="CASE", help="立案编号, or id:N")
    archive.add_argument("--out", required=True, metavar="FILE.pdf", help="the 卷宗 to write")
    add_officer_argument(archive)
    archive.set_defaults(run=run_case_archive)
