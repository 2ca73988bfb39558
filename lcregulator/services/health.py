"""The database's health for the window and the command line (which must not reach into
persistence): the cheap check at open, the background page check, and the explanation."""

from __future__ import annotations

from lcregulator.persistence.health import WAY_OUT, DatabaseProblem, Problem, damaged

from .context import AppContext
from .integrity import quick_check

__all__ = ["WAY_OUT", "DatabaseProblem", "Problem", "background_check"]


def background_check(ctx: AppContext) -> DatabaseProblem | None:
    """``PRAGMA quick_check`` (reads every page; run it off the UI thread after first paint)."""
    try:
        problems = quick_check(ctx)
    except Exception as exc:
        return damaged(ctx.database.location, str(getattr(exc, "orig", exc))[:200])
    if problems:
        return damaged(ctx.database.location, "；".join(problems[:3]))
    return None
