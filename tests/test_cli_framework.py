"""The §9.1 command-line framework: JSON for every outcome, exit codes in order, sign-in."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lcregulator.cli import main
from lcregulator.cli.framework import CommandError, Exit, open_context, sign_in
from lcregulator.domain.authority import OfficerRole
from lcregulator.services import auth

ROOT = Path(__file__).resolve().parents[1]


def cli(
    capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, dict[str, object] | list[object]]:
    code = main(list(args))
    out = capsys.readouterr().out
    return code, json.loads(out)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("LCREGULATOR_HOME", str(folder))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    monkeypatch.delenv("LCREGULATOR_PASSWORD", raising=False)
    return folder


def test_usage_errors_are_json_with_exit_2(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, payload = cli(capsys, "case", "lis")
    assert code == 2
    assert isinstance(payload, dict)
    error = payload["error"]
    assert isinstance(error, dict) and error["field"] == "case_command"
    assert "不是可选的值" in str(error["message"])
    code, payload = cli(capsys, "demo")
    assert code == 2 and payload == {
        "error": {
            "field": "out",
            "message": "命令行有误（lcregulator demo）：缺少必需的参数：--out。用 --help 查看用法。",
        }
    }
    code, payload = cli(capsys, "case", "list", "--bogus")
    assert code == 2 and isinstance(payload, dict)
    assert payload["error"]["field"] == "bogus"  # type: ignore[index]


def test_a_missing_database_is_exit_3_and_is_not_created(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, payload = cli(capsys, "case", "list")
    assert code == 3
    assert payload["error"]["field"] == "database"  # type: ignore[call-overload,index]
    assert not home.exists()
    home.mkdir()
    code, payload = cli(capsys, "db", "status")
    assert code == 3 and not (home / "lcregulator.sqlite3").exists()
    # the database is checked before the input: a bad --status still says "no database"
    code, _ = cli(capsys, "case", "list", "--status", "nonsense")
    assert code == 3


def test_a_damaged_database_is_exit_3(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home.mkdir()
    (home / "lcregulator.sqlite3").write_bytes(b"this is not a database" * 100)
    code, payload = cli(capsys, "case", "list")
    assert code == 3
    assert "损坏" in payload["error"]["message"]  # type: ignore[call-overload,index]


def test_a_newer_database_is_exit_3(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "db", "upgrade")[0] == 0
    import sqlite3

    with sqlite3.connect(home / "lcregulator.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zz_from_the_future'")
    code, payload = cli(capsys, "case", "list")
    assert code == 3 and "比本程序新" in payload["error"]["message"]  # type: ignore[call-overload,index]


def test_case_list_and_bad_status(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "db", "upgrade")[0] == 0
    assert cli(capsys, "case", "list") == (0, {"cases": []})
    code, payload = cli(capsys, "case", "list", "--status", "nonsense")
    assert code == 2 and payload["error"]["field"] == "status"  # type: ignore[call-overload,index]


def test_unexpected_errors_exit_5_with_a_logged_reference(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli(capsys, "db", "upgrade")[0] == 0
    from lcregulator.services import case_index

    def boom(*_: object, **__: object) -> object:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(case_index, "all_cases", boom)
    code, payload = cli(capsys, "case", "list")
    assert code == 5
    message = payload["error"]["message"]  # type: ignore[call-overload,index]
    assert "参考编号" in message and "secret internals" not in message
    reference = message.split("参考编号 ")[1].split("）")[0]
    log = (home / "logs" / "lcregulator.log").read_text("utf-8")
    assert reference in log and "secret internals" in log


def _args(officer: str | None) -> argparse.Namespace:
    return argparse.Namespace(officer=officer)


def test_sign_in_refusals_are_exit_4_and_count_towards_the_lockout(
    home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lcregulator.domain.authority import Authority, Officer
    from lcregulator.services import setup

    assert cli(capsys, "db", "upgrade")[0] == 0
    ctx = open_context()
    setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
        password="Admin-pass-1",
    )
    setup.save_officer(
        ctx,
        Officer("王五", OfficerRole.HEAD, "33010600001", authority_id=1),
        password="Temp-pass-1",  # type: ignore[arg-type]
    )
    ctx.officer = None

    def refused(officer: str | None, roles: frozenset[str] | None = None) -> str:
        with pytest.raises(CommandError) as info:
            sign_in(ctx, _args(officer), roles=roles)
        assert info.value.code is Exit.REFUSED and info.value.field == "officer"
        return info.value.message

    assert "--officer" in refused(None)
    assert "没有名为“无名氏”" in refused("无名氏")
    assert "LCREGULATOR_PASSWORD" in refused("张三")  # no password given, no terminal
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "Temp-pass-1")
    assert "须先在窗口中登录并修改密码" in refused("王五")  # reset by an admin
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "Admin-pass-1")
    officer = sign_in(ctx, _args("张三"))
    assert ctx.officer is not None and ctx.officer.id == officer.id
    message = refused("张三", frozenset({"head"}))
    assert "此命令须由负责人办理" in message and "张三（承办人、管理员）" in message
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "wrong-password")
    for _ in range(4):
        assert "密码错误" in refused("张三")
    assert "锁定15分钟" in refused("张三")
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "Admin-pass-1")
    assert "已锁定" in refused("张三")
    ctx.database.dispose()


def test_demo_keep_prints_officers_with_passwords_that_sign_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "LCREGULATOR_HOME": str(home)}
    env.pop("LCREGULATOR_DATABASE_URL", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "lcregulator", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )

    kept = run("demo", "--keep", "--out", str(tmp_path / "out"))
    assert kept.returncode == 0, kept.stdout + kept.stderr
    payload = json.loads(kept.stdout)
    roles = {o["name"]: o["roles"] for o in payload["officers"]}
    assert any("admin" in r for r in roles.values()) and any("head" in r for r in roles.values())
    assert payload["cases"] == [
        "杭西市监立〔2026〕15号",
        "杭西市监立〔2026〕21号",
        "杭西市监立〔2026〕23号",
        "id:2",  # the clue moved to the district where the room does business
    ]
    assert all(Path(p).is_file() for p in payload["documents"])
    listed = json.loads(run("case", "list").stdout)["cases"]
    assert [(c["number"], c["status"]) for c in listed] == [
        ("杭西市监立〔2026〕15号", "closed"),
        (None, "transferred"),
        ("杭西市监立〔2026〕23号", "closed"),
        ("杭西市监立〔2026〕21号", "referred"),
    ]
    first = listed[0]
    assert first["parties"] == 1 and first["documents"] > 10
    assert first["updated"].endswith("+08:00")
    again = run("demo", "--keep", "--out", str(tmp_path / "out2"))
    assert again.returncode == 2 and json.loads(again.stdout)["error"]["field"] == "keep"
    # the printed passwords work, and need no change
    monkeypatch.setenv("LCREGULATOR_HOME", str(home))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    ctx = open_context()
    head = next(o for o in payload["officers"] if "head" in o["roles"])
    monkeypatch.setenv("LCREGULATOR_PASSWORD", head["password"])
    officer = sign_in(ctx, _args(head["name"]), roles=frozenset({"head"}))
    assert officer.has_role(OfficerRole.HEAD)
    assert not auth.must_change_password(ctx, officer.id)  # type: ignore[arg-type]
    ctx.database.dispose()


def test_every_database_command_says_which_roles_it_needs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lcregulator", "case", "list", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0 and "无须登录" in result.stdout
