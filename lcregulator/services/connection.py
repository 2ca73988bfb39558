"""Which database server this workstation uses, and whom to call when it cannot be reached.

The window's start-up dialog (server unreachable, password refused, database missing, newer
schema) lets the officer retry, correct the server address, or read the IT contact — without a
database, so nothing here may need one. The address is kept in the user's settings file
(``connection.json`` in the data folder) without its password: a password the officer asks to
remember goes into libpq's own password file (``pgpass``, readable by this user only), which
libpq reads itself; otherwise it lives only in this process. ``LCREGULATOR_DATABASE_URL`` (set
by IT on a managed workstation) wins over the saved address.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from lcregulator.domain.errors import ValidationError
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths, database_url, saved_connection

ENVIRONMENT = "LCREGULATOR_DATABASE_URL"
IT_CONTACT_ENVIRONMENT = "LCREGULATOR_IT_CONTACT"
DEFAULT_IT_CONTACT = (
    "请联系本单位信息技术人员，并告诉对方窗口中显示的原因。"
    "（管理员可在环境变量 LCREGULATOR_IT_CONTACT 或数据文件夹的 connection.json 的 "
    "it_contact 中填写联系人和电话，此处即会显示。）"
)


@dataclass(frozen=True)
class ConnectionSettings:
    #: The server address as shown and edited (never with its password); "" for the local file.
    url: str
    #: ``LCREGULATOR_DATABASE_URL`` decides, whatever is saved.
    from_environment: bool
    #: A password for this address is kept in the password file.
    password_remembered: bool


def _shown(url: URL) -> str:
    return url._replace(password=None).render_as_string(hide_password=False)


def current(paths: Paths) -> ConnectionSettings:
    env = os.environ.get(ENVIRONMENT, "").strip()
    url = env or saved_connection(paths).get("database_url", "").strip()
    if not url or url.startswith("sqlite"):
        return ConnectionSettings("", bool(env), False)
    try:
        parsed = make_url(url)
    except ArgumentError:
        return ConnectionSettings(url, bool(env), False)
    return ConnectionSettings(_shown(parsed), bool(env), _remembered(paths, parsed) is not None)


def uses_server(paths: Paths) -> bool:
    """Does this workstation work on a database server (rather than its own SQLite file)?"""
    return not database_url(paths).startswith("sqlite")


def it_contact(paths: Paths) -> str:
    """The bureau's IT contact for this workstation: the environment, else the settings file."""
    text = os.environ.get(IT_CONTACT_ENVIRONMENT, "").strip()
    return text or saved_connection(paths).get("it_contact", "").strip() or DEFAULT_IT_CONTACT


def parse(url: str) -> URL:
    """A PostgreSQL address the officer typed, or a :class:`ValidationError` naming ``url``."""
    text = url.strip()
    if text.startswith("postgresql://"):  # the form IT usually gives: use our driver
        text = "postgresql+psycopg://" + text[len("postgresql://") :]
    try:
        parsed = make_url(text)
    except ArgumentError:
        parsed = None
    if parsed is None or parsed.get_backend_name() != "postgresql" or not parsed.database:
        raise ValidationError(
            "url",
            "数据库地址格式不对，应为 postgresql://用户名@服务器:端口/数据库名"
            "（例如 postgresql://lcr_app@db-server:5432/lcregulator）。",
        )
    if not parsed.host:
        raise ValidationError("url", "数据库地址缺少服务器名或 IP 地址。")
    return parsed.set(drivername="postgresql+psycopg")


def try_connection(url: str, password: str = "") -> str:
    """Try the address (with ``password`` when given, else what libpq finds): a Chinese
    sentence saying it works, or :class:`DatabaseProblem` / :class:`ValidationError`."""
    parsed = parse(url)
    if password:
        parsed = parsed.set(password=password)
    database = Database(parsed.render_as_string(hide_password=False))
    try:
        revision = database.check(create=True)
    finally:
        database.dispose()
    where = f"{parsed.host}:{parsed.port or 5432}/{parsed.database}"
    if revision is None:
        return f"连接成功：{where}。该数据库还没有本系统的数据表，首次打开时会建立。"
    return f"连接成功：{where}（数据库版本 {revision}）。"


def save(paths: Paths, url: str, password: str = "", *, remember: bool = False) -> str:
    """Keep the address (without its password) in the user's settings; the password in the
    password file when ``remember``, else for this process only. Returns the address saved."""
    parsed = parse(url)
    password = password or (parsed.password or "")
    parsed = parsed._replace(password=None)
    settings = saved_connection(paths)
    settings["database_url"] = _shown(parsed)
    paths.home.mkdir(parents=True, exist_ok=True)
    target = paths.connection_settings
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(temporary, target)
    if password and remember:
        _remember(paths, parsed, password)
        os.environ["PGPASSFILE"] = str(paths.passfile)
        os.environ.pop("PGPASSWORD", None)
    elif password:
        os.environ["PGPASSWORD"] = password  # this session only
    return settings["database_url"]


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def _key(url: URL) -> str:
    return ":".join(
        _escape(str(v)) for v in (url.host, url.port or 5432, url.database, url.username or "")
    )


def _remembered(paths: Paths, url: URL) -> str | None:
    try:
        lines = paths.passfile.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    prefix = _key(url) + ":"
    return next((line[len(prefix) :] for line in lines if line.startswith(prefix)), None)


def _remember(paths: Paths, url: URL, password: str) -> None:
    """One line per address in libpq's format; the file is this user's only (0600), as libpq
    insists before it reads one."""
    prefix = _key(url) + ":"
    try:
        lines = paths.passfile.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    lines = [line for line in lines if not line.startswith(prefix)]
    lines.append(prefix + _escape(password))
    temporary = paths.passfile.with_name(paths.passfile.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    os.replace(temporary, paths.passfile)
