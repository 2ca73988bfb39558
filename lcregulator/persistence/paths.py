"""Where lcregulator keeps its files, resolved in one place.

``LCREGULATOR_HOME`` overrides the platform's user data folder (tests, portable installs, a
second profile); ``LCREGULATOR_DATABASE_URL`` points the application at a shared server.
"""

from __future__ import annotations

import json
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

    @property
    def connection_settings(self) -> Path:
        """This user's choice of database server (``database_url``, no password) and the IT
        contact shown when it cannot be reached; written by the window's 数据库设置."""
        return self.home / "connection.json"

    @property
    def workstation_settings(self) -> Path:
        """What this workstation remembers for the next start (the officer who signed in last,
        preselected in the sign-in dialog); nothing private, no password."""
        return self.home / "workstation.json"

    @property
    def passfile(self) -> Path:
        """libpq's password file (``host:port:database:user:password``, 0600), used when the
        officer asks the window to remember the server password; the URL never holds it."""
        return self.home / "pgpass"

    def ensure(self) -> None:
        """Create the folders, private to this user (DESIGN §8, issue 14).

        On POSIX the folders are 0700 and every file the process creates from here on is 0600
        (umask 077): the database and its WAL, logs, backups, evidence and documents hold
        personal data. Windows keeps them in the user's profile, whose ACLs already say so.
        """
        for folder in (self.home, self.evidence, self.backups, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            make_private(self)


def make_private(paths: Paths) -> None:
    os.umask(0o077)
    for folder in (
        paths.home,
        paths.evidence,
        paths.backups,
        paths.logs,
        paths.documents,
        paths.quarantine,
    ):
        if folder.is_dir():
            _chmod(folder, 0o700)
    for pattern in ("*.sqlite3", "*.sqlite3-wal", "*.sqlite3-shm"):
        for file in paths.home.glob(pattern):
            _chmod(file, 0o600)
    for folder in (paths.logs, paths.backups):
        for file in folder.iterdir():
            if file.is_file():
                _chmod(file, 0o600)


def _chmod(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except OSError:  # not ours (a shared folder): leave it, the log says nothing private
        pass


def saved_connection(paths: Paths) -> dict[str, str]:
    """The user's saved connection settings (empty when none or unreadable)."""
    try:
        data = json.loads(paths.connection_settings.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}


def database_url(paths: Paths) -> str:
    """The shared server when configured — ``LCREGULATOR_DATABASE_URL``, else the server saved
    in the user's settings — else the embedded SQLite file. A saved password file is handed to
    libpq (``PGPASSFILE``) unless the environment names one already."""
    url = os.environ.get("LCREGULATOR_DATABASE_URL", "").strip()
    if not url:
        url = saved_connection(paths).get("database_url", "").strip()
    if url and not url.startswith("sqlite") and paths.passfile.is_file():
        os.environ.setdefault("PGPASSFILE", str(paths.passfile))
    return url or f"sqlite:///{paths.database.as_posix()}"
