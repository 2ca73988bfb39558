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
