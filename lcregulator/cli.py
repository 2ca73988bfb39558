"""Command line: ``lcregulator`` opens the window; subcommands work headless.

The commands of DESIGN §9 read one JSON object on stdin and write one on stdout; bad input
exits with status 2 and ``{"error": {"field", "message"}}``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from lcregulator import __version__
from lcregulator.domain.errors import ValidationError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    db_sub.add_parser("status", help="print the database location and schema revision")
    db_sub.add_parser("upgrade", help="back up, then bring the schema to the current revision")
    law = sub.add_parser("law", help="the law engines: one JSON object on stdin, one on stdout")
    law_sub = law.add_subparsers(dest="law_command", required=True)
    law_sub.add_parser("jurisdiction", help="Art 47: which place's authorities are competent")
    law_sub.add_parser("deadlines", help="procedural deadlines from a case's dated events")
    law_sub.add_parser("penalty", help="Arts 53–66: the legal range, discretion and explanation")
    law_sub.add_parser("provisions", help="list the provision ids with their citations")
    law_sub.add_parser("referral", help="criminal referral: prosecution thresholds met")
    law.add_argument("--jsonl", action="store_true", help="one JSON object per line, in and out")
    demo = sub.add_parser("demo", help="run a sample case through every stage, write its documents")
    demo.add_argument("--out", required=True, help="folder for the PDF and DOCX files")
    regions = sub.add_parser("region", help="look up a GB/T 2260 region by code or name")
    regions.add_argument("query")
    return parser


def _emit(payload: object) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def _error(exc: ValidationError) -> int:
    _emit(exc.as_dict())
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["law"]:  # the law commands parse their own arguments: errors are JSON too
        from lcregulator.law_cli import main as law_main

        return law_main(argv[1:])
    args = _parser().parse_args(argv)
    if args.check_gui:
        from lcregulator.gui.app import check_gui

        return check_gui()
    if args.command is None:
        from lcregulator.gui.app import run  # Qt only when a window is wanted
        from lcregulator.services.bootstrap import open_context

        return run(open_context())
    if args.command == "db":
        return _db(args.db_command)
    if args.command == "region":
        return _region(args.query)
    if args.command == "demo":
        from pathlib import Path

        from lcregulator.services.sample_case import run as run_demo

        written = run_demo(Path(args.out))
        _emit({"out": str(Path(args.out).resolve()), "files": [p.name for p in written]})
        return 0
    return 0


def _db(command: str) -> int:
    from lcregulator.persistence.database import Database
    from lcregulator.persistence.paths import Paths, database_url

    paths = Paths.from_environment()
    paths.ensure()
    database = Database(database_url(paths))
    backup = None
    if command == "upgrade":
        backup = database.upgrade(backup_dir=paths.backups)
    _emit(
        {
            "database": database.engine.url.render_as_string(hide_password=True),
            "revision": database.current_revision(),
            "head": database.head_revision(),
            "backup": str(backup) if backup else None,
        }
    )
    return 0


def _region(query: str) -> int:
    from lcregulator.domain.regions import regions

    table = regions()
    hits = [table.get(query)] if table.get(query) else table.find(query)
    if not hits:
        return _error(ValidationError("query", f"找不到行政区划：{query}"))
    _emit(
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
    raise SystemExit(main())
