"""``lcregulator case export|import``: the case bundle (DESIGN §9.1, docs/case-bundle.md).

``case export CASE --out FILE.zip`` writes the case with its parties' full identifiers, its
evidence, issued documents and (archived) 卷宗 as one zip, 0600, and records the export on
the timeline. ``case import FILE.zip --officer NAME [--as-new]`` checks the whole bundle first
and imports it whole or not at all. Export needs no sign-in in §9.1 (like ``backup``, it is a
file-level operation of the workstation, and the timeline names the system account); with
``--officer`` it checks that officer may export the case.
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

# as services.case_bundle checks them (kept here so that `lcregulator --help` imports no service)
EXPORT_ROLES = frozenset({"handler", "head"})
IMPORT_ROLES = frozenset({"handler", "head"})


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    case = command_group(subparsers, "case", "cases in the database: list (and more)")
    export = case.add_parser(
        "export",
        help="write the case bundle (case.json, evidence, issued documents, 卷宗) as one zip, "
        "0600; recorded on the timeline. With --officer: 承办人 of the case or 负责人.",
        description="导出案件包（含当事人完整身份证件号码，文件权限0600，导出记入时间线）。"
        "用 --officer 登录时须为本案承办人或者负责人；不登录时时间线记下本机系统账户。",
    )
    export.add_argument("case", metavar="CASE", help="立案编号, or id:N")
    export.add_argument("--out", required=True, metavar="FILE.zip", help="the bundle to write")
    add_officer_argument(export)
    export.set_defaults(run=run_export)
    imp = case.add_parser(
        "import",
        help="check a case bundle (zip, schema, SHA-256 of every file) and import it whole, "
        "or change nothing. " + roles_help(IMPORT_ROLES),
        description="校验并导入案件包：先校验全部内容，全部导入或者不作任何改动。"
        + roles_help(IMPORT_ROLES),
    )
    imp.add_argument("file", metavar="FILE.zip", help="the bundle to import")
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="import as a new, unnumbered case (id:N) even if this bureau has its 立案编号",
    )
    add_officer_argument(imp)
    imp.set_defaults(run=run_import)


def run_export(args: argparse.Namespace) -> int:
    context = open_context()
    try:
        return _export(context, args)
    finally:
        context.database.dispose()


def _export(context: Any, args: argparse.Namespace) -> int:
    from lcregulator.services import case_bundle

    from .register import find_case

    if args.officer:  # signed in: the case's 承办人 or a 负责人 (DESIGN §9.1 needs no sign-in)
        sign_in(context, args, roles=EXPORT_ROLES)
    case_id = find_case(context, args.case)
    out = Path(args.out).expanduser()
    if not out.is_absolute():
        out = Path.cwd() / out
    result = case_bundle.export_case(context, case_id, out)
    emit({"file": str(result.file), "sha256": result.sha256, "case": result.case})
    return int(Exit.OK)


def run_import(args: argparse.Namespace) -> int:
    context = open_context()
    try:
        return _import(context, args)
    finally:
        context.database.dispose()


def _import(context: Any, args: argparse.Namespace) -> int:
    from lcregulator.services import case_bundle

    sign_in(context, args, roles=IMPORT_ROLES)
    file = Path(args.file).expanduser()
    if not file.is_file():
        raise CommandError(Exit.BAD_INPUT, "file", f"找不到案件包文件：{file}")
    result = case_bundle.import_bundle(context, file, as_new=args.as_new)
    emit({"case": result.case, "number": result.number})
    return int(Exit.OK)
