"""Open the application's world: folders, log, database at the current schema."""

from __future__ import annotations

import logging
import logging.handlers

from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths, database_url

from .context import AppContext, Clock, SystemClock

log = logging.getLogger("lcregulator")


def configure_logging(paths: Paths) -> None:
    paths.logs.mkdir(parents=True, exist_ok=True)
    target = str((paths.logs / "lcregulator.log").resolve())
    root = logging.getLogger("lcregulator")
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if old.baseFilename == target:
            root.setLevel(logging.INFO)
            return
        root.removeHandler(old)  # another data folder in the same process (tests, demo)
        old.close()
    handler = logging.handlers.RotatingFileHandler(
        target, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def open_context(
    paths: Paths | None = None, url: str | None = None, clock: Clock | None = None
) -> AppContext:
    """Resolve paths, connect, back up and migrate if the schema is behind."""
    paths = paths or Paths.from_environment()
    paths.ensure()
    configure_logging(paths)
    from lcregulator.documents.template import OVERRIDE_DIRS

    overrides = paths.home / "templates"
    if overrides not in OVERRIDE_DIRS:
        OVERRIDE_DIRS.insert(0, overrides)
    database = Database(url or database_url(paths))
    backup = database.upgrade(backup_dir=paths.backups)
    if backup is not None:
        log.info("schema upgraded; the previous database was saved to %s", backup)
    return AppContext(database=database, paths=paths, clock=clock or SystemClock())
