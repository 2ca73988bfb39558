"""What every database command of DESIGN §9.1 shares: exit codes, JSON output, the database,
and signing in.

A command module exposes ``register(subparsers)``, which adds its parser(s) and
``set_defaults(run=<function(args) -> int>)``; :func:`lcregulator.cli.main` finds the modules
by name, parses, runs, and turns every exception into one JSON object on stdout:
:class:`CommandError` → its code; a refused role or sign-in → 4; a domain validation error → 2;
a database that cannot be used → 3; anything else → 5 with a reference number in the log.

Exit codes are checked in the order 3, 4, 2, so a command opens the database
(:func:`open_context`) and signs in (:func:`sign_in`) *before* it validates its own input —
argparse itself only checks the shape of the command line (leave ``choices=`` out; validate
values in the run function and raise ``CommandError(Exit.BAD_INPUT, "<field>", "…")``).
"""

from __future__ import annotations

import argparse
import enum
import getpass
import json
import logging
import os
import sys
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from lcregulator.domain.authority import Officer, OfficerRole
from lcregulator.domain.errors import PermissionDenied
from lcregulator.services.context import AppContext

log = logging.getLogger("lcregulator.cli")

PASSWORD_ENV = "LCREGULATOR_PASSWORD"

ROLE_HELP = {
    "admin": "管理员",
    "head": "负责人",
    "reviewer": "法制审核人员",
    "handler": "承办人",
}


class Exit(enum.IntEnum):
    OK = 0
    PROBLEMS = 1  # a check found problems (verify)
    BAD_INPUT = 2
    DATABASE = 3  # missing, damaged, newer, read-only, full, unreachable, busy
    REFUSED = 4  # sign-in refused, or the officer's roles do not allow the command
    UNEXPECTED = 5


class CommandError(Exception):
    """``CommandError(Exit.BAD_INPUT, "answers.time", "…中文…")`` — printed as
    ``{"error": {"field", "message"}}`` and returned as the exit code."""

    def __init__(self, code: Exit, field: str, message: str) -> None:
        super().__init__(message)
        self.code = Exit(code)
        self.field = field
        self.message = message

    def as_dict(self) -> dict[str, dict[str, str]]:
        return {"error": {"field": self.field, "message": self.message}}


def emit(payload: object) -> None:
    """One JSON object on stdout (Chinese as Chinese, not \\u escapes)."""
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def roles_help(roles: Iterable[str] | None) -> str:
    """The sentence each command's ``--help`` ends with, saying who may run it."""
    if roles is None:
        return "无须登录。"
    names = "或".join(f"{ROLE_HELP[r]}（{r}）" for r in roles)
    return f"须以 --officer 登录；角色：{names}。"


# --- argparse that answers in JSON ----------------------------------------------------------


_ARGPARSE_MESSAGES = (
    ("the following arguments are required: ", "缺少必需的参数："),
    ("unrecognized arguments: ", "不认识的参数："),
    ("expected one argument", "需要一个值"),
    ("invalid choice: ", "不是可选的值："),
    ("invalid int value: ", "不是整数："),
    ("not allowed with argument ", "不能与此参数同时使用："),
)


class JsonArgumentParser(argparse.ArgumentParser):
    """argparse whose usage errors are the JSON of DESIGN §9.1 (exit 2), never text alone."""

    def error(self, message: str) -> NoReturn:
        field = ""
        text = message
        for english, chinese in _ARGPARSE_MESSAGES:
            if english in message:
                text = message.replace(english, chinese)
                break
        if message.startswith("argument "):
            # "argument --out: expected one argument" / "argument command: invalid choice: …"
            name, _, rest = message[len("argument ") :].partition(": ")
            field = name.split("/")[-1].lstrip("-").replace("-", "_")
            for english, chinese in _ARGPARSE_MESSAGES:
                rest = rest.replace(english, chinese)
            text = f"参数 {name} 有误：{rest}"
        elif "required: " in message:
            field = message.split("required: ", 1)[1].split(",")[0].strip().lstrip("-")
            field = field.replace("-", "_")
        elif "unrecognized arguments: " in message:
            field = message.split("unrecognized arguments: ", 1)[1].split()[0].lstrip("-")
        emit(
            {
                "error": {
                    "field": field,
                    "message": f"命令行有误（{self.prog}）：{text}。用 --help 查看用法。",
                }
            }
        )
        raise SystemExit(Exit.BAD_INPUT)


def command_group(
    subparsers: argparse._SubParsersAction[Any], name: str, help: str
) -> argparse._SubParsersAction[Any]:
    """The sub-commands of group ``name`` (``case``), created on first use, so that several
    modules can add commands to one group (``case list`` here, ``case archive`` elsewhere)."""
    groups: dict[str, argparse._SubParsersAction[Any]] = subparsers.__dict__.setdefault(
        "_lcregulator_groups", {}
    )
    if name not in groups:
        parser = subparsers.add_parser(name, help=help, description=help)
        groups[name] = parser.add_subparsers(dest=f"{name}_command", required=True)
    return groups[name]


def add_officer_argument(parser: argparse.ArgumentParser) -> None:
    """``--officer NAME``; the password comes from LCREGULATOR_PASSWORD or a terminal prompt.

    Not required by argparse: a missing officer is a refused sign-in (exit 4), not a usage error.
    """
    parser.add_argument(
        "--officer",
        metavar="NAME",
        help="以哪名执法人员登录（姓名，或 id:编号）；密码取自环境变量 "
        f"{PASSWORD_ENV}，或在终端输入",
    )


# --- the database ---------------------------------------------------------------------------


def _database_error(message: str) -> CommandError:
    return CommandError(Exit.DATABASE, "database", message)


def open_context(*, create: bool = False, upgrade: bool = True) -> AppContext:
    """The database that LCREGULATOR_HOME / LCREGULATOR_DATABASE_URL names, at the current
    schema (an older schema is backed up, then upgraded).

    Missing, damaged, newer than this program, read-only or unreachable → exit 3. Only
    ``db upgrade``, ``demo --keep`` and ``restore`` pass ``create=True``.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from lcregulator.persistence.database import Database
    from lcregulator.persistence.health import DatabaseProblem, known_revisions
    from lcregulator.persistence.paths import Paths, database_url
    from lcregulator.services.bootstrap import configure_logging
    from lcregulator.services.context import SystemClock

    paths = Paths.from_environment()
    url = database_url(paths)
    is_sqlite = url.startswith("sqlite")
    # the file the URL names (LCREGULATOR_DATABASE_URL may name one outside the data folder)
    sqlite_file = Path(url.split(":///", 1)[1]) if is_sqlite and ":///" in url else paths.database
    if not create:
        # on a shared server the data folder only holds this workstation's logs: made on use
        if is_sqlite and sqlite_file == paths.database and not paths.home.is_dir():
            raise _database_error(
                f"数据文件夹不存在：{paths.home}（请先运行 lcregulator db upgrade）。"
            )
        if is_sqlite and not sqlite_file.is_file():
            raise _database_error(
                f"数据库不存在：{sqlite_file}（请先运行 lcregulator db upgrade，或在窗口中完成首次设置）。"
            )
        if is_sqlite and not os.access(sqlite_file, os.R_OK | os.W_OK):
            raise _database_error(f"数据库文件只读或无权访问：{sqlite_file}。")
    try:
        paths.ensure()
    except OSError as exc:
        raise _database_error(f"无法创建数据文件夹 {paths.home}：{exc.strerror}。") from None
    configure_logging(paths)
    from lcregulator.documents import OVERRIDE_DIRS

    if paths.home / "templates" not in OVERRIDE_DIRS:  # the bureau's installed wording
        OVERRIDE_DIRS.insert(0, paths.home / "templates")
    database = Database(url)
    try:
        # the cheap check (header, revision in one query; no Alembic): damaged, foreign,
        # newer or unreachable databases are refused untouched
        current = database.check(paths, create=create)
        head = known_revisions()[1]
        if current is None and not create:
            database.dispose()
            raise _database_error("数据库是空的（没有数据表），请先运行 lcregulator db upgrade。")
        if current != head and upgrade:
            backup = database.upgrade(backup_dir=paths.backups)
            if backup is not None:
                log.info("schema upgraded; the previous database was saved to %s", backup)
    except CommandError:
        raise
    except DatabaseProblem as exc:
        database.dispose()
        raise _database_error(exc.message) from None
    except SQLAlchemyError as exc:
        database.dispose()
        raise _database_error(f"无法打开数据库：{_reason(exc)}") from None
    return AppContext(database=database, paths=paths, clock=SystemClock())


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    lowered = first.lower()
    if "locked" in lowered or "busy" in lowered:
        return f"数据库正忙，等待超时（{first}）。"
    if "readonly" in lowered or "read-only" in lowered:
        return f"数据库只读（{first}）。"
    if "disk" in lowered and "full" in lowered:
        return f"磁盘已满（{first}）。"
    if "malformed" in lowered or "not a database" in lowered:
        return f"数据库文件已损坏（{first}）。"
    return first


# --- signing in -----------------------------------------------------------------------------


def _refused(message: str) -> CommandError:
    return CommandError(Exit.REFUSED, "officer", message)


def read_password(name: str) -> str:
    password = os.environ.get(PASSWORD_ENV)
    if password is not None:
        return password
    if sys.stdin.isatty():
        try:
            return getpass.getpass(f"{name}的密码：")
        except (EOFError, KeyboardInterrupt):
            pass
    raise _refused(f"未提供密码：请设置环境变量 {PASSWORD_ENV}，或在终端中运行以输入密码。")


def sign_in(
    context: AppContext, args: argparse.Namespace, *, roles: frozenset[str] | None = None
) -> Officer:
    """Check ``--officer`` and the password through the auth service (a wrong one counts
    towards the lockout, as in the window), and make that officer ``context.officer``.

    Exit 4 when refused, when the officer must first change a reset password, or when they
    hold none of ``roles``.
    """
    from lcregulator.services import auth

    name = (getattr(args, "officer", None) or "").strip()
    if not name:
        raise _refused("此命令须以执法人员身份登录：请用 --officer 指明姓名。")
    try:
        officer = auth.find_officer(context, name)
        assert officer.id is not None
        result = auth.check_password(context, officer.id, read_password(officer.name))
    except auth.SignInRefused as exc:
        raise _refused(exc.message) from None
    if result.must_change_password:
        raise _refused(
            f"{officer.name}的密码已由管理员重置，须先在窗口中登录并修改密码后才能使用命令行。"
        )
    if roles is not None:
        wanted = [OfficerRole(r) for r in sorted(roles)]
        if not officer.has_role(*wanted):
            needed = "或".join(r.label for r in wanted)
            raise _refused(
                f"此命令须由{needed}办理，{officer.name}（{officer.roles_label}）没有这一角色。"
            )
    context.officer = result.officer
    return result.officer


def refused(exc: PermissionDenied) -> CommandError:
    """A role refusal raised by a service, as the command line reports it (exit 4)."""
    return _refused(exc.message)


def new_reference() -> str:
    return uuid.uuid4().hex[:8].upper()
