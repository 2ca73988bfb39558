"""``lcregulator verify``: the hash chain, the database, evidence files and issued documents
against their SHA-256 (DESIGN §9.1); exit 1 when any problem is found."""

from __future__ import annotations

import argparse
from typing import Any

from .framework import Exit, add_officer_argument, emit, open_context, roles_help, sign_in


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    help_text = (
        "check the timeline's hash chain, the database, every evidence file and issued "
        "document; exit 1 when something was altered. Read-only. " + roles_help(None)
    )
    parser = subparsers.add_parser("verify", help=help_text, description=help_text)
    parser.add_argument(
        "--repair",
        action="store_true",
        help="first move stored files no row names (older than 10 minutes) to the quarantine "
        "folder and remove stale temporary files; needs --officer",
    )
    add_officer_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from lcregulator.services.verification import verify

    context = open_context()
    try:
        if args.repair:
            from lcregulator.services.orphans import repair_orphans

            sign_in(context, args)
            repair_orphans(context)
        report = verify(context)
    finally:
        context.database.dispose()
    emit(report.as_dict())
    return int(Exit.OK if report.ok else Exit.PROBLEMS)
