"""``lcregulator case …``: the cases in the database (DESIGN §9.1).

Other modules add their own ``case`` commands through :func:`framework.command_group`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .framework import command_group, emit, open_context, roles_help


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    case = command_group(subparsers, "case", "cases in the database: list (and more)")
    listing = case.add_parser(
        "list",
        help="every case: id, 立案编号, title, status, parties, documents, updated. "
        + roles_help(None),
        description="列出全部案件。" + roles_help(None),
    )
    listing.add_argument(
        "--status",
        metavar="S",
        help="only cases in status S (clue, verifying, filed, … closed, archived)",
    )
    listing.set_defaults(run=run_list)


def run_list(args: argparse.Namespace) -> int:
    from lcregulator.services.case_index import all_cases

    context = open_context()
    try:
        emit({"cases": all_cases(context, args.status)})
    finally:
        context.database.dispose()
    return 0
