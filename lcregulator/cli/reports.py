"""``lcregulator reports import|find``: a platform's Art 9 identity report (DESIGN §9.1).

``reports import`` checks every row first; without ``--accept-valid`` a single rejected row
stores nothing and the command exits 2 with the same JSON (every rejected row, its spreadsheet
row number, the header as written and the reason). ``reports find`` looks a person up by live
account, name, ID number or USCC, newest period first, ID numbers masked; each look-up is
recorded on the timeline under the signed-in officer.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

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

IMPORT_ROLES = frozenset({"handler", "head", "admin"})


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    group = command_group(subparsers, "reports", "platforms' Art 9 identity reports")
    imp = group.add_parser(
        "import",
        help="import a platform's Art 9 report (xlsx or UTF-8 CSV). " + roles_help(IMPORT_ROLES),
        description="导入直播电商平台依照办法第九条报送的身份信息。" + roles_help(IMPORT_ROLES),
    )
    imp.add_argument("file", metavar="FILE", help="the report: .xlsx (one or more sheets) or .csv")
    imp.add_argument("--platform", metavar="NAME", help="the reporting platform (抖音, 快手 …)")
    imp.add_argument("--period", metavar="YYYY-MM", help="YYYY-01 or YYYY-07")
    imp.add_argument(
        "--accept-valid",
        action="store_true",
        help="import the valid rows even when some are rejected (otherwise nothing is imported)",
    )
    add_officer_argument(imp)
    imp.set_defaults(run=run_import)
    find = group.add_parser(
        "find",
        help="who is behind a live account, name, ID number or USCC. " + roles_help(IMPORT_ROLES),
        description="按直播账号、名称（姓名）、身份证件号码或者统一社会信用代码查询报送信息。"
        + roles_help(IMPORT_ROLES),
    )
    find.add_argument("query", metavar="QUERY")
    add_officer_argument(find)
    find.set_defaults(run=run_find)


def run_import(args: argparse.Namespace) -> int:
    from lcregulator.services import platform_reports

    context = open_context()
    try:
        sign_in(context, args, roles=IMPORT_ROLES)
        if not args.platform or not args.platform.strip():
            raise CommandError(Exit.BAD_INPUT, "platform", "请用 --platform 指明报送平台。")
        if not args.period:
            raise CommandError(
                Exit.BAD_INPUT, "period", "请用 --period 指明报送期次（YYYY-01 或 YYYY-07）。"
            )
        path = Path(args.file).expanduser().resolve()
        result = platform_reports.import_report(
            context,
            path,
            platform=args.platform,
            period=args.period,
            accept_valid=args.accept_valid,
        )
        emit(result.as_json())
        if result.rejected and not args.accept_valid:
            return int(Exit.BAD_INPUT)
        return int(Exit.OK)
    finally:
        context.database.dispose()


def run_find(args: argparse.Namespace) -> int:
    from lcregulator.services import platform_reports

    context = open_context()
    try:
        sign_in(context, args, roles=IMPORT_ROLES)
        records = platform_reports.find(context, args.query)
        emit({"records": [r.as_json() for r in records]})
        return int(Exit.OK)
    finally:
        context.database.dispose()
