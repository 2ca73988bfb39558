"""Database and context fixtures, on SQLite always and on PostgreSQL when a server is given.

Set ``LCREGULATOR_TEST_POSTGRES_URL`` (e.g. ``postgresql+psycopg://postgres@/postgres?host=
/var/run/postgresql``) to run the ``db_url`` tests on PostgreSQL too; each test then gets a new
database on that server, dropped afterwards.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.persistence.database import Database
from lcregulator.persistence.paths import Paths
from lcregulator.services import setup
from lcregulator.services.context import AppContext, FixedClock

POSTGRES_ADMIN_URL = os.environ.get("LCREGULATOR_TEST_POSTGRES_URL", "").strip()
FIXED_NOW = dt.datetime(2026, 11, 20, 2, 30, tzinfo=dt.UTC)  # 2026-11-20 10:30 in Beijing


def _backends() -> list[object]:
    marks = [pytest.mark.postgres]
    if not POSTGRES_ADMIN_URL:
        marks.append(pytest.mark.skip(reason="LCREGULATOR_TEST_POSTGRES_URL is not set"))
    return ["sqlite", pytest.param("postgresql", marks=marks)]


@pytest.fixture(params=_backends())
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database (no schema yet) on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'test.sqlite3').as_posix()}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"lcr_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_ADMIN_URL).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    db = Database(db_url)
    db.upgrade()
    yield db
    db.dispose()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """SQLite only, for tests that need no second backend (services, GUI)."""
    db = Database(f"sqlite:///{(tmp_path / 'app.sqlite3').as_posix()}")
    db.upgrade()
    yield db
    db.dispose()


def make_context(database: Database, tmp_path: Path) -> AppContext:
    paths = Paths(tmp_path / "home")
    paths.ensure()
    return AppContext(database=database, paths=paths, clock=FixedClock(FIXED_NOW))


@pytest.fixture
def ctx(database: Database, tmp_path: Path) -> AppContext:
    """A context on each backend, with no authority configured yet."""
    return make_context(database, tmp_path)


@pytest.fixture
def app_ctx(sqlite_database: Database, tmp_path: Path) -> AppContext:
    return make_context(sqlite_database, tmp_path)


def configure(ctx: AppContext) -> AppContext:
    """Our authority, three officers (two handlers and the head), the first signed in."""
    first = setup.first_run(
        ctx,
        Authority(
            name="杭州市西湖区市场监督管理局",
            short_name="杭西市监",
            region="330106",
            address="杭州市西湖区文三路100号",
            phone="0571-87000000",
        ),
        Officer(name="张三", role=OfficerRole.HANDLER, badge_number="33010600101"),
    )
    setup.save_officer(
        ctx,
        Officer(
            name="李四",
            role=OfficerRole.HANDLER,
            badge_number="33010600102",
            authority_id=first.authority_id,
        ),
    )
    setup.save_officer(
        ctx,
        Officer(
            name="王五",
            role=OfficerRole.HEAD,
            badge_number="33010600001",
            authority_id=first.authority_id,
        ),
    )
    return ctx


@pytest.fixture
def configured(ctx: AppContext) -> AppContext:
    return configure(ctx)


@pytest.fixture
def app_configured(app_ctx: AppContext) -> AppContext:
    return configure(app_ctx)


def officer_with_roles(
    ctx: AppContext,
    name: str,
    *roles: OfficerRole,
    badge: str = "",
    password: str | None = None,
    sign_in: bool = True,
) -> Officer:
    """The test's way in: an officer holding ``roles`` (the first is shown), registered by the
    installation's administrator (the first-run officer) with an optional password, and — with
    ``sign_in`` — made the officer at the keyboard without a password check, as a window does
    after its sign-in dialog. Services still check the roles."""
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    admin = next(o for o in setup.list_officers(ctx, authority.id) if o.has_role(OfficerRole.ADMIN))
    current = ctx.officer
    ctx.officer = admin
    officer = setup.save_officer(
        ctx,
        Officer(
            name=name,
            role=roles[0],
            badge_number=badge,
            authority_id=authority.id,
            extra_roles=frozenset(roles[1:]),
        ),
        password=password,
    )
    ctx.officer = officer if sign_in else current
    return officer


def as_officer(ctx: AppContext, name: str) -> Officer:
    """Make the officer called ``name`` the one at the keyboard (recorded like a sign-in)."""
    authority = setup.our_authority(ctx)
    assert authority is not None and authority.id is not None
    officer = next(o for o in setup.list_officers(ctx, authority.id) if o.name == name)
    assert officer.id is not None
    return setup.sign_in(ctx, officer.id)
