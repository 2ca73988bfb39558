"""The real ``lcregulator`` command against a PostgreSQL server that cannot be used: each cause
is said in Chinese with exit 3, never a traceback; a row held past the lock timeout too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.postgres.conftest import LOCK_TIMEOUT_MS

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


def lcregulator(url: str, home: Path, *args: str, **env: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    command = shutil.which("lcregulator", path=str(Path(sys.executable).parent))
    argv = [command] if command else [sys.executable, "-m", "lcregulator"]
    done = subprocess.run(
        [*argv, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        env={
            **os.environ,
            "LCREGULATOR_HOME": str(home),
            "LCREGULATOR_DATABASE_URL": url,
            "LCREGULATOR_PG_LOCK_TIMEOUT_MS": str(LOCK_TIMEOUT_MS),
            **env,
        },
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done.returncode, json.loads(done.stdout)


def message(payload: dict) -> str:  # type: ignore[type-arg]
    assert payload["error"]["field"] == "database", payload
    return str(payload["error"]["message"])


def test_server_down_password_refused_and_database_missing_exit_3_in_chinese(
    pg_url: str, tmp_path: Path
) -> None:
    url = make_url(pg_url)
    closed = url.set(host="127.0.0.1", port=1).render_as_string(hide_password=False)
    wrong = url.set(password="not-the-password").render_as_string(hide_password=False)
    missing = url.set(database="i16_no_such_database").render_as_string(hide_password=False)
    for target, words in (
        (closed, "无法连接数据库服务器 127.0.0.1:1"),
        (wrong, "拒绝了用户名或密码"),
        (missing, "没有名为 i16_no_such_database 的数据库"),
    ):
        for args in (("case", "list"), ("db", "status")):
            code, payload = lcregulator(target, tmp_path / "home", *args)
            assert code == 3, payload
            assert words in message(payload), payload
            assert "信息技术人员" in message(payload)


def test_a_newer_database_is_refused_by_every_command(pg_url: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    assert lcregulator(pg_url, home, "db", "upgrade")[0] == 0
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'i99_from_the_future'"))
    engine.dispose()
    for args in (("db", "status"), ("db", "upgrade"), ("case", "list")):
        code, payload = lcregulator(pg_url, home, *args)
        assert code == 3, payload
        assert "请先升级本工作站的 lcregulator" in message(payload)
        assert "i99_from_the_future" in message(payload)


def test_a_stalled_workstation_on_the_sequence_makes_archiving_exit_3_naming_it(
    pg_url: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    code, demo = lcregulator(pg_url, home, "demo", "--out", str(tmp_path / "demo"), "--keep")
    assert code == 0, demo
    head = next(o for o in demo["officers"] if "head" in o["roles"])
    code, listed = lcregulator(pg_url, home, "case", "list", "--status", "closed")
    closed = listed["cases"][0]["number"]
    stalled = create_engine(
        pg_url, connect_args={"application_name": "lcregulator/%E7%8E%8B%E4%BA%94@PC-07"}
    ).connect()
    out = tmp_path / "卷宗.pdf"
    try:
        stalled.execute(text("LOCK TABLE document_sequence IN EXCLUSIVE MODE"))
        code, payload = lcregulator(
            pg_url,
            home,
            "case",
            "archive",
            closed,
            "--out",
            str(out),
            "--officer",
            head["name"],
            LCREGULATOR_PASSWORD=head["password"],
        )
        assert code == 3, payload
        assert "文号正被 王五（PC-07） 的工作站占用，请稍后再试" in message(payload)
        assert not out.exists()
    finally:
        stalled.rollback()
        stalled.close()
        stalled.engine.dispose()
    code, payload = lcregulator(  # the same command once the holder has gone: done
        pg_url,
        home,
        "case",
        "archive",
        closed,
        "--out",
        str(out),
        "--officer",
        head["name"],
        LCREGULATOR_PASSWORD=head["password"],
    )
    assert code == 0, payload
    assert out.is_file()
