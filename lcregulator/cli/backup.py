"""``lcregulator backup --out FILE`` and ``lcregulator restore FILE [--force]`` (DESIGN §9.1).

Backup copies the database consistently while others keep working, with the file stores and a
manifest of SHA-256 sums. Restore is an administrator's file-level operation (no sign-in): it
checks the whole backup first (a damaged one exits 2), refuses a database that holds cases, or
a damaged one, unless ``--force``, and keeps what it replaces in ``backups/replaced-<time>/``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from lcregulator.services import backup as backup_service
from lcregulator.services.health import DatabaseProblem

from .framework import CommandError, Exit, emit, open_context, roles_help


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    text = "备份数据库、证据与文书文件（含 SHA-256 清单），运行中也可备份。"
    parser = subparsers.add_parser("backup", help=text, description=f"{text}{roles_help(None)}")
    parser.add_argument("--out", metavar="FILE", help="备份文件的路径（如 D:/备份/案件.lcbackup）")
    parser.set_defaults(run=run_backup)
    text = "从备份文件恢复数据库和文件（先校验备份；被替换的数据另存到 backups 文件夹）。"
    parser = subparsers.add_parser(
        "restore", help=text, description=f"{text}管理员的文件级操作，{roles_help(None)}"
    )
    parser.add_argument("file", metavar="FILE", help="由 lcregulator backup 生成的备份文件")
    parser.add_argument(
        "--force",
        action="store_true",
        help="当前数据库已有案件或已损坏时仍然恢复（原数据另存，不删除）",
    )
    parser.set_defaults(run=run_restore)


def _database(exc: DatabaseProblem, hint: str = "") -> CommandError:
    return CommandError(Exit.DATABASE, "database", exc.message + hint)


def run_backup(args: argparse.Namespace) -> int:
    ctx = open_context()
    try:
        if not args.out:
            raise CommandError(Exit.BAD_INPUT, "out", "请用 --out 指明备份文件的路径。")
        out = Path(args.out).expanduser()
        if out.is_dir():
            raise CommandError(Exit.BAD_INPUT, "out", f"--out 应是文件路径，而 {out} 是文件夹。")
        try:
            result = backup_service.backup(ctx, out)
        except DatabaseProblem as exc:
            raise _database(exc) from None
        except OSError as exc:
            raise CommandError(
                Exit.BAD_INPUT, "out", f"无法写入备份文件 {out}（{exc.strerror}）。"
            ) from None
        emit({"file": str(result.file), "sha256": result.sha256, "cases": result.cases})
        return Exit.OK
    finally:
        ctx.database.dispose()


def run_restore(args: argparse.Namespace) -> int:
    file = Path(args.file).expanduser().resolve()
    try:
        cases, _kept = backup_service.restore_from_environment(file, force=args.force)
    except DatabaseProblem as exc:
        raise _database(
            exc, "" if args.force else "如确需用备份替换它，请加 --force（原文件会另存）。"
        ) from None
    emit({"cases": cases})
    return Exit.OK
