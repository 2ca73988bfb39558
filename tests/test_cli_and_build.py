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
    assert payload["revision"] == payload["head"] is not None
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
        "late_fee_full": "2026-07-22",  # 加处罚款 reaches the fine 34 days after 6-18 (Art 72)
    }
    assert all({"id", "due", "basis", "unit"} <= set(d) for d in out["deadlines"])
    assert out["warnings"] == []


def test_law_deadlines_refuses_dates_out_of_order(tmp_path: Path) -> None:
    result = run_law(
        "deadlines", '{"filed": "2026-03-02", "clue_received": "2026-03-05"}', tmp_path
    )
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["field"] == "filed"


PENALTY_EXAMPLE = {
    "provision": "M59(1)",
    "party_type": "organization",
    "act_date": "2026-03-01",
    "discovery_date": "2026-03-10",
    "decision_date": "2026-06-01",
    "facts": {
        "ordered_to_correct": True,
        "corrected_by_deadline": False,
        "refused_to_correct": True,
        "serious": False,
        "illegal_gains": None,
        "ad_fee": None,
        "goods_value": None,
        "sales_amount": None,
    },
    "circumstances": [],
    "proposed_fine": None,
}


def test_law_penalty_from_outside(tmp_path: Path) -> None:
    result = run_law("penalty", json.dumps(PENALTY_EXAMPLE), tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["provision"] == "M59(1)"
    assert out["applicable"] is True
    assert out["applied"][0] == {
        "instrument": "直播电商监督管理办法",
        "version": "2025-12-18 国家市场监督管理总局、国家互联网信息办公室令第117号",
        "article": 59,
        "paragraph": None,
        "item": 1,
    }
    assert out["order_correction"] is True
    assert out["fine"] == {"min": 10000, "max": 100000, "mandatory": True}
    assert out["discretion"]["band"] == "一般"
    assert out["hearing_right"] is True  # judged on the top of the range
    assert out["time_barred"] is False
    assert "人民币壹拾万元整" in out["explanation"]


def test_law_penalty_outside_the_range_is_status_2(tmp_path: Path) -> None:
    payload = PENALTY_EXAMPLE | {"proposed_fine": 200000}
    result = run_law("penalty", json.dumps(payload), tmp_path)
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["field"] == "proposed_fine"


def test_law_provisions_lists_every_id_with_its_citation(tmp_path: Path) -> None:
    env = {**os.environ, "LCREGULATOR_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "lcregulator", "law", "provisions"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    listed = {p["id"]: p for p in json.loads(result.stdout)["provisions"]}
    for pid in (
        "M53(1)",
        "M54(7)",
        "M55",
        "M59(5)",
        "M60/price-marking",
        "M62-1/advertising",
        "M66",
    ):
        assert pid in listed
    assert listed["M59(1)"]["citation"] == "《直播电商监督管理办法》第五十九条第一项"


def test_provincial_overrides_change_hearing_threshold(tmp_path: Path) -> None:
    overrides = tmp_path / "zhejiang.json"
    overrides.write_text(
        json.dumps(
            {
                "name": "某省市场监管行政处罚裁量基准",
                "hearing_thresholds": {"natural_person": 5000, "organization": 50000},
                "bands": {"从轻": [0, 0.2], "一般": [0.2, 0.8], "从重": [0.8, 1]},
            },
            ensure_ascii=False,
        ),
        "utf-8",
    )
    payload = PENALTY_EXAMPLE | {"proposed_fine": 60000}
    env = {**os.environ, "LCREGULATOR_PENALTY_OVERRIDES": str(overrides)}
    result = subprocess.run(
        [sys.executable, "-m", "lcregulator", "law", "penalty"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    out = json.loads(result.stdout)
    assert out["hearing_right"] is True  # 60,000 ≥ the province's 50,000
    assert out["discretion"]["range"] == [28000, 82000]  # the province's 20–80 % band
    assert any("某省市场监管行政处罚裁量基准" in w for w in out["warnings"])


def test_law_referral_from_outside(tmp_path: Path) -> None:
    payload = {
        "conduct": "substandard_products",
        "party_type": "organization",
        "figures": {
            "sales_amount": 60000,
            "unsold_goods_value": 0,
            "illegal_gains": None,
            "illegal_business_amount": None,
            "personal_information_items": None,
        },
        "flags": {
            "food_or_drug_advertising": False,
            "prior_false_ad_penalties_2y": 0,
            "prior_penalty_same_conduct_2y": False,
        },
    }
    result = run_law("referral", json.dumps(payload), tmp_path)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["referral_indicated"] is True
    [crime] = out["crimes"]
    assert (crime["article"], crime["name"]) == (140, "生产、销售伪劣产品罪")
    assert crime["met"] == ["销售金额五万元以上"] and crime["verified"] is True
    assert crime["basis"]["article"] == 16
    bad = run_law("referral", '{"conduct": "theft", "party_type": "organization"}', tmp_path)
    assert bad.returncode == 2 and json.loads(bad.stdout)["error"]["field"] == "conduct"


def test_demo_writes_every_document(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lcregulator", "demo", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        env={**os.environ, "LCREGULATOR_HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(files) == 48
    assert "13-行政处罚决定书.pdf" in files and "21-涉嫌犯罪案件移送书.docx" in files
