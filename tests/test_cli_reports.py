"""``lcregulator reports import|find`` (DESIGN §9.1) on generated report files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lcregulator.cli import main
from lcregulator.cli.framework import open_context
from lcregulator.domain.authority import Authority, Officer, OfficerRole
from lcregulator.services import setup
from tests import report_samples as samples


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, object]]:
    code = main(list(args))
    return code, json.loads(capsys.readouterr().out)


@pytest.fixture
def home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    folder = tmp_path / "home"
    monkeypatch.setenv("LCREGULATOR_HOME", str(folder))
    monkeypatch.delenv("LCREGULATOR_DATABASE_URL", raising=False)
    assert cli(capsys, "db", "upgrade")[0] == 0
    ctx = open_context()
    setup.first_run(
        ctx,
        Authority("杭州市西湖区市场监督管理局", "杭西市监", "330106"),
        Officer("张三", OfficerRole.HANDLER, "33010600101"),
        password="Handler-pass-1",
    )
    ctx.database.dispose()
    monkeypatch.setenv("LCREGULATOR_PASSWORD", "Handler-pass-1")
    return folder


def test_import_refuses_everything_on_a_bad_row_unless_accepted(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    body = [*list(samples.rows(4)), samples.BAD_ROWS[3][1]]
    path = samples.write_csv(tmp_path / "r.csv", body)
    args = ["reports", "import", str(path), "--platform", "抖音", "--period", "2026-07"]
    code, payload = cli(capsys, *args, "--officer", "张三")
    assert code == 2
    assert payload == {
        "rows": 5,
        "imported": 0,
        "rejected": [
            {"row": 6, "field": "统一社会信用代码", "message": "统一社会信用代码校验位错误。"}
        ],
    }
    assert cli(capsys, "reports", "find", "room0", "--officer", "张三") == (0, {"records": []})
    code, payload = cli(capsys, *args, "--officer", "张三", "--accept-valid")
    assert code == 0 and payload["imported"] == 4 and len(payload["rejected"]) == 1  # type: ignore[arg-type]
    code, payload = cli(capsys, *args, "--officer", "张三", "--accept-valid")
    assert code == 2 and payload["error"]["field"] == "file"  # type: ignore[index]
    code, payload = cli(capsys, "reports", "find", body[2][3], "--officer", "张三")
    assert code == 0
    (record,) = payload["records"]  # type: ignore[misc]
    assert record == {
        "type": "marketer",
        "name": "主播2",
        "identifier": body[2][3][:6] + "********" + body[2][3][-4:],
        "address": body[2][4],
        "accounts": ["room0"],
        "agency": "杭州某文化传媒有限公司",
        "platform": "抖音",
        "period": "2026-07",
    }


def test_bad_period_no_officer_and_no_database(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = samples.write_csv(tmp_path / "r.csv", list(samples.rows(2)))
    base = ["reports", "import", str(path), "--platform", "抖音"]
    code, payload = cli(capsys, *base, "--period", "2026-03", "--officer", "张三")
    assert code == 2 and payload["error"]["field"] == "period"  # type: ignore[index]
    code, payload = cli(capsys, *base, "--period", "2026-07")
    assert code == 4 and payload["error"]["field"] == "officer"  # type: ignore[index]
    monkeypatch.setenv("LCREGULATOR_HOME", str(tmp_path / "nowhere"))
    code, payload = cli(capsys, "reports", "find", "x", "--officer", "张三")
    assert code == 3 and payload["error"]["field"] == "database"  # type: ignore[index]
