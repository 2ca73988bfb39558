"""``lcregulator verify``: the hash chain, the database, evidence files and issued documents
against their SHA-256 (DESIGN §9.1); exit 1 when any problem is found."""

from __future__ import annotations

import argparse
from typing import Any

from .framework import Exit, emit, open_context, roles_help


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    help_text = (
        "check the timeline's hash chain, the database, every evidence file and issued "
        "document; exit 1 when something was altered. Read-only. " + roles_help(None)
    )
    parser = subparsers.add_parser("verify", help=help_text, description=help_text)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from lcregulator.services.verification import verify

    context = open_context()
    try:
        report = verify(context)
    finally:
        context.database.dispose()
    emit(report.as_dict())
    return int(Exit.OK if report.ok else Exit.PROBLEMS)
