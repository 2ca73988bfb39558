"""The database's health for the window and the command line (which must not reach into
persistence): the cheap check at open, the background page check, and the explanation."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.exc import DBAPIError

from lcregulator.persistence import integrity
from lcregulator.persistence.health import WAY_OUT, DatabaseProblem, Problem, damaged

from .context import AppContext

__all__ = ["WAY_OUT", "DatabaseProblem", "Problem", "background_check", "quick_check"]


def quick_check(ctx: AppContext) -> list[str]:
    """SQLite's page-level check; empty when sound."""
    return integrity.quick_check(ctx.database)


def background_check(ctx: AppContext) -> DatabaseProblem | None:
    """``PRAGMA quick_check`` (reads every page; run it off the UI thread after first paint)."""
    try:
        problems = quick_check(ctx)
    except Exception as exc:
        return damaged(ctx.database.location, str(getattr(exc, "orig", exc))[:200])
    if problems:
        return damaged(ctx.database.location, "；".join(problems[:3]))
    return None


def watch_connection(
    ctx: AppContext, callback: Callable[[DatabaseProblem], None]
) -> Callable[[], None]:
    """Call ``callback`` (from any thread) whenever the server connection is lost or refused,
    whatever was being done; returns the way to stop watching."""
    listeners = ctx.database.connection_listeners
    listeners.append(callback)
    return lambda: listeners.remove(callback) if callback in listeners else None


def ping(ctx: AppContext) -> DatabaseProblem | None:
    """One round trip on a fresh connection: None when the database answers again."""
    from .bootstrap import problem_from

    try:
        with ctx.database.read_connection() as conn:
            conn.exec_driver_sql("SELECT 1")
    except DBAPIError as exc:
        return problem_from(exc, ctx.database)
    return None


OUTAGE_MESSAGE = (
    "与数据库服务器的连接中断，刚才的操作没有完成，也没有保存任何修改；您填写的内容仍保留在窗口中。"
    "主窗口顶部会显示重试的进度，连接恢复后再操作即可。"
)
_LOST = (
    "server closed the connection",
    "terminating connection",
    "connection refused",
    "could not connect",
    "connection failed",
    "consuming input failed",
    "not currently accepting connections",
    "no route to host",
    "network is unreachable",
    "timeout expired",
)


def outage_message(exc: BaseException) -> str | None:
    """The Chinese message for a lost or refused server connection met outside a unit of work
    (a list or search reading while the server is away); None for any other error."""
    if isinstance(exc, DatabaseProblem):
        return exc.message if exc.problem is Problem.UNREACHABLE else None
    if not isinstance(exc, DBAPIError):
        return None
    text = str(getattr(exc, "orig", exc)).lower()
    state = str(getattr(getattr(exc, "orig", None), "sqlstate", "") or "")
    if exc.connection_invalidated or state.startswith("08") or any(s in text for s in _LOST):
        return OUTAGE_MESSAGE
    return None
