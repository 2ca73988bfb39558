"""Where lcregulator keeps its files, resolved in one place.

``LCREGULATOR_HOME`` overrides the platform's user data folder (tests, portable installs, a
second profile); ``LCREGULATOR_DATABASE_URL`` points the application at a shared server.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "lcregulator"


@dataclass(frozen=True)
class Paths:
    home: Path

    @classmethod
    def from_environment(cls) -> Paths:
        override = os.environ.get("LCREGULATOR_HOME")
        home = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
        return cls(home.expanduser().resolve())

    @property
    def database(self) -> Path:
        return self.home / "lcregulator.sqlite3"

    @property
    def evidence(self) -> Path:
        """Evidence files, each named by its SHA-256, beside the database (DESIGN §8)."""
        return self.home / "evidence"

    @property
    def documents(self) -> Path:
        """Issued PDFs and DOCX files, each named by its SHA-256."""
        return self.home / "documents"

    @property
    def quarantine(self) -> Path:
        """Stored files no row names, moved aside by ``verify --repair`` (never deleted)."""
        return self.home / "quarantine"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    def ensure(self) -> None:
        for folder in (self.home, self.evidence, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)


def database_url(paths: Paths) -> str:
    """The shared server when configured, else the embedded SQLite file."""
    url = os.environ.get("LCREGULATOR_DATABASE_URL", "").strip()
    return url or f"sqlite:///{paths.database.as_posix()}"
