"""Command line: ``lcregulator`` opens the window; subcommands work headless.

The law commands of DESIGN §9 read one JSON object on stdin and write one on stdout; the
database commands of §9.1 live in one module per group (``cli/case.py`` …), each exposing
``register(subparsers)``. Every outcome — usage errors included — is one JSON object on stdout,
and the exit codes are those of :class:`lcregulator.cli.framework.Exit`.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import Any

from lcregulator import __version__
from lcregulator.domain.errors import DomainError, PermissionDenied, ValidationError

from .framework import (
    CommandError,
    Exit,
    JsonArgumentParser,
    emit,
    new_reference,
    open_context,
    roles_help,
)

log = logging.getLogger("lcregulator.cli")

# Command modules of DESIGN §9.1, imported when present (each engineer adds their own file).
COMMAND_MODULES = ("case", "verify", "backup", "document", "register", "reports", "bundle")


def _parser() -> argparse.ArgumentParser:
    parser = JsonArgumentParser(
        prog="lcregulator", description="直播电商监管执法办案系统 (live-commerce enforcement)"
    )
    parser.add_argument("--version", action="version", version=f"lcregulator {__version__}")
    parser.add_argument(
        "--check-gui",
        action="store_true",
        help="open the main window on a throw-away database, then exit (for installers and IT)",
    )
    sub = parser.add_subparsers(dest="command")
    db = sub.add_parser("db", help="database schema: status and upgrade")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser(
        "status", help="print the database location and schema revision. " + roles_help(None)
    )
    db_sub.add_parser(
        "upgrade",
        help="create the database if missing, back up, then bring the schema to the current "
        "revision. " + roles_help(None),
    )
    law = sub.add_parser("law", help="the law engines: one JSON object on stdin, one on stdout")
    law_sub = law.add_subparsers(dest="law_command", required=True)
    law_sub.add_parser("jurisdiction", help="Art 47: which place's authorities are competent")
    law_sub.add_parser("deadlines", help="procedural deadlines from a case's dated events")
    law_sub.add_parser("penalty", help="Arts 53–66: the legal range, discretion and explanation")
    law_sub.add_parser("provisions", help="list the provision ids with their citations")
    law_sub.add_parser("referral", help="criminal referral: prosecution thresholds met")
    for law_command in law_sub.choices.values():  # DESIGN §9: batches, one object per line
        law_command.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    demo = sub.add_parser(
        "demo",
        help="run a sample case through every stage, write its documents; with --keep into "
        "the (empty) database, printing the demo officers' passwords. " + roles_help(None),
    )
    demo.add_argument("--out", required=True, help="folder for the PDF and DOCX files")
    demo.add_argument(
        "--keep",
        action="store_true",
        help="write the sample bureau, officers and cases into the database (must be empty)",
    )
    regions = sub.add_parser("region", help="look up a GB/T 2260 region by code or name")
    regions.add_argument("query")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        # No arguments opens the window: the parser, which imports every command module (and
        # with them SQLAlchemy), is not built on that path (issue 20: start-up time).
        args = _parser().parse_args(words) if words else _window_args()
    except SystemExit as exc:  # --help, --version, or a usage error already printed as JSON
        return int(exc.code or 0) if not isinstance(exc.code, str) else Exit.BAD_INPUT
    try:
        return int(_dispatch(args))
    except CommandError as exc:
        emit(exc.as_dict())
        return int(exc.code)
    except PermissionDenied as exc:
        emit({"error": {"field": "officer", "message": exc.message}})
        return int(Exit.REFUSED)
    except ValidationError as exc:
        emit(exc.as_dict())
        return int(Exit.BAD_INPUT)
    except DomainError as exc:
        if getattr(exc, "field", None) == "database":  # health.DatabaseProblem: read-only, full…
            emit({"error": {"field": "database", "message": exc.message}})
            return int(Exit.DATABASE)
        emit({"error": {"field": "", "message": exc.message}})
        return int(Exit.BAD_INPUT)
    except Exception as exc:
        database_error = _database_error(exc)
        if database_error is not None:
            emit(database_error.as_dict())
            return int(Exit.DATABASE)
        reference = new_reference()
        log.exception("unexpected error, reference %s", reference)
        emit(
            {
                "error": {
                    "field": "",
                    "message": f"发生意外错误（参考编号 {reference}），详情已写入日志，请联系管理员。",
                }
            }
        )
        return int(Exit.UNEXPECTED)


def _window_args() -> argparse.Namespace:
    """What the parser gives for ``lcregulator`` alone."""
    return argparse.Namespace(command=None, check_gui=False, run=None)


def _database_error(exc: BaseException) -> CommandError | None:
    """SQLAlchemy's operational errors (locked past the timeout, disk full, server gone)."""
    try:
        from sqlalchemy.exc import DatabaseError, OperationalError
    except ImportError:  # pragma: no cover
        return None
    if isinstance(exc, OperationalError | DatabaseError):
        from .framework import _reason

        return CommandError(Exit.DATABASE, "database", f"数据库出错：{_reason(exc)}")
    return None


def _dispatch(args: argparse.Namespace) -> int:
    if getattr(args, "run", None) is not None:
        return int(args.run(args))
    if args.check_gui:
        from lcregulator.gui.app import check_gui

        return check_gui()
    if args.command is None:
        from lcregulator.gui.start import start_window  # Qt only when a window is wanted

        return start_window()
    if args.command == "db":
        return _db(args.db_command)
    if args.command == "region":
        return _region(args.query)
    if args.command == "demo":
        return _demo(args)
    if args.command == "law":
        from lcregulator.law_cli import run as run_law

        return run_law(args.law_command, jsonl=args.jsonl)
    return 0


def _demo(args: argparse.Namespace) -> int:
    from pathlib import Path

    out = Path(args.out).resolve()
    if not args.keep:
        from lcregulator.services.sample_case import run as run_demo

        written = run_demo(out)
        emit({"out": str(out), "files": [p.name for p in written]})
        return 0
    from lcregulator.services.sample_case import DemoNotEmpty, keep

    context = open_context(create=True)
    try:
        kept = keep(context, out)
    except DemoNotEmpty as exc:
        raise CommandError(Exit.BAD_INPUT, "keep", exc.message) from None
    finally:
        context.database.dispose()
    emit(
        {
            "officers": [
                {"name": o.name, "roles": o.roles, "password": o.password} for o in kept.officers
            ],
            "cases": kept.cases,
            "documents": [str(p) for p in kept.documents],
        }
    )
    return 0


def _db(command: str) -> int:
    context = open_context(create=command == "upgrade", upgrade=False)
    database = context.database
    backup = None
    adopted: dict[str, Any] = {}
    if command == "upgrade":
        backup = database.upgrade(backup_dir=context.paths.backups)
        adopted = _adopt_local_files(context)
    emit(
        {
            "database": database.engine.url.render_as_string(hide_password=True),
            "revision": database.current_revision(),
            "head": database.head_revision(),
            "backup": str(backup) if backup else None,
            **({f"files_moved_to_{adopted.pop('_into')}": adopted} if adopted.get("_into") else {}),
        }
    )
    database.dispose()
    return 0


def _adopt_local_files(context: object) -> dict[str, Any]:
    """On a bureau using the database or the shared-folder file store: this workstation's
    earlier local files go there (checked by SHA-256), so every workstation sees them. The
    key ``_into`` names where (``database`` or ``shared_folder``) when anything was found."""
    from lcregulator.persistence.file_store import DatabaseFileStore, SharedFolderStore

    moved: dict[str, Any] = {}
    for name in ("evidence_store", "document_store"):
        store = getattr(context, name)
        if isinstance(store, DatabaseFileStore | SharedFolderStore):
            adopted, skipped = store.adopt_local()
            if adopted or skipped:
                moved["_into"] = (
                    "database" if isinstance(store, DatabaseFileStore) else "shared_folder"
                )
                moved[store.store] = adopted
                if skipped:
                    moved[f"{store.store}_not_matching_their_sha256"] = skipped
    return moved


def _region(query: str) -> int:
    from lcregulator.domain.regions import regions

    table = regions()
    hits = [table.get(query)] if table.get(query) else table.find(query)
    if not hits:
        emit(ValidationError("query", f"找不到行政区划：{query}").as_dict())
        return int(Exit.BAD_INPUT)
    emit(
        [
            {
                "code": r.code,
                "name": r.name,
                "full_name": table.full_name(r.code),
                "level": r.level.value,
                "current": r.current,
            }
            for r in hits
            if r is not None
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
