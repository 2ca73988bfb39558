"""The command line from outside, and generated forms in step with their sources."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LCREGULATOR_HOME": str(home)}
    env.pop("LCREGULATOR_DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "lcregulator", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_version(tmp_path: Path) -> None:
    result = run("--version", home=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("lcregulator ")


def test_db_upgrade_creates_the_database_in_the_home_folder(tmp_path: Path) -> None:
    result = run("db", "upgrade", home=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["revision"] == payload["head"] == "0005"
    assert (tmp_path / "lcregulator.sqlite3").is_file()


def test_region_lookup_and_error(tmp_path: Path) -> None:
    ok = run("region", "330106", home=tmp_path)
    assert json.loads(ok.stdout)[0]["full_name"] == "浙江省杭州市西湖区"
    bad = run("region", "不存在的地方", home=tmp_path)
    assert bad.returncode == 2
    assert json.loads(bad.stdout) == {
        "error": {"field": "query", "message": "找不到行政区划：不存在的地方"}
    }


def test_generated_forms_are_up_to_date() -> None:
    pytest.importorskip("PySide6")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_forms
    finally:
        sys.path.pop(0)
    assert build_forms.main(check=True) == 0, "run `make forms`"


def run_law(command: str, stdin: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LCREGULATOR_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "lcregulator", "law", command],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_law_jurisdiction_from_outside(tmp_path: Path) -> None:
    payload = {
        "party": {
            "role": "room_operator",
            "channel": "platform",
            "registered": True,
            "domicile": "330106",
            "business_place": None,
        },
        "platform": {"domicile": "330108"},
        "room_operator": None,
    }
    result = run_law("jurisdiction", json.dumps(payload), tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["region"] == "330106"
    assert out["region_name"] == "浙江省杭州市西湖区"
    assert out["basis"]["instrument"] == "直播电商监督管理办法"
    assert (out["basis"]["article"], out["basis"]["paragraph"]) == (47, 2)
    assert [d["department"] for d in out["departments"]] == [
        "market_supervision",
        "cyberspace_office",
    ]
    assert out["alternatives"][0]["region"] == "330108"
    assert out["reasoning"]


@pytest.mark.parametrize(
    ("stdin", "field"),
    [
        ('{"party": {"role": "marketer", "domicile": "330106"}}', "room_operator"),
        ('{"party": {"role": "nobody"}}', "party.role"),
        ('{"party": {"role": "platform_operator", "domicile": "999999"}}', "party.domicile"),
        ("not json", ""),
    ],
)
def test_law_jurisdiction_refuses_bad_input_with_status_2(
    stdin: str, field: str, tmp_path: Path
) -> None:
    result = run_law("jurisdiction", stdin, tmp_path)
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["field"] == field
    assert error["message"]


def test_law_deadlines_from_outside(tmp_path: Path) -> None:
    payload = {
        "clue_received": "2026-02-13",
        "filing_extended": False,
        "filed": "2026-03-02",
        "suspensions": [{"start": "2026-04-01", "end": "2026-04-10"}],
        "decision_extended": False,
        "notice_served": "2026-05-06",
        "decided": "2026-06-01",
        "decision_served": "2026-06-03",
    }
    result = run_law("deadlines", json.dumps(payload), tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    due = {d["id"]: d["due"] for d in out["deadlines"]}
    assert due == {
        "filing_decision": "2026-03-12",
        "decision": "2026-06-10",
        "statement_defence": "2026-05-12",
        "hearing_request": "2026-05-12",
        "decision_service": "2026-06-10",
        "payment": "2026-06-18",
        "publicity": "2026-06-30",
        "reconsideration": "2026-08-03",
        "litigation": "2026-12-03",
    }
    assert all({"id", "due", "basis", "unit"} <= set(d) for d in out["deadlines"])
    assert out["warnings"] == []


def test_law_deadlines_refuses_dates_out_of_order(tmp_path: Path) -> None:
    result = run_law(
        "deadlines", '{"filed": "2026-03-02", "clue_received": "2026-03-05"}', tmp_path
    )
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["field"] == "filed"
