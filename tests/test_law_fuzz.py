"""Fuzzing the law commands (DESIGN §9, §10; issue 13, point 20).

Random mutations of valid inputs and hostile whole inputs: every answer is status 0 or 2 with
exactly one JSON object (one per line with ``--jsonl``), and no traceback is ever printed. Most
cases run in-process (the same code path the command runs); a few dozen go through the real
``lcregulator`` command in a subprocess. Seeds are fixed, so a failure is reproducible.
"""

from __future__ import annotations

import copy
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lcregulator import law_cli

ROOT = Path(__file__).resolve().parents[1]
VALID: dict[str, list[dict[str, Any]]] = {
    "penalty": [
        {
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
        },
        {
            "provision": "M62-1/advertising",
            "party_type": "natural_person",
            "party_role": "marketer",
            "act_date": "2026-03-01",
            "discovery_date": "2026-03-10",
            "decision_date": "2026-06-01",
            "facts": {
                "advertising_role": "publisher",
                "ad_fee": 12000.5,
                "illegal_gains": 3000,
                "illegal_property_value": 8000,
                "in_course_of_employment": True,
                "hearing_held": True,
            },
            "circumstances": ["confessed"],
            "bureau_review_list": ["M62"],
        },
        {
            "provision": "M60/price-fraud",
            "party_type": "individual_business",
            "act_date": "2026-03-01",
            "discovery_date": "2026-03-10",
            "decision_date": "2026-06-01",
            "facts": {"serious": True},
            "proposed_fine": 5000,
        },
    ],
    "deadlines": [
        {
            "clue_received": "2026-02-13",
            "filing_extended": False,
            "filed": "2026-03-02",
            "suspensions": [{"start": "2026-04-01", "end": "2026-04-10"}],
            "decision_extended": False,
            "notice_served": "2026-05-06",
            "decided": "2026-06-01",
            "decision_served": "2026-06-03",
            "reminder_served": "2026-06-25",
            "review_or_litigation": [{"start": "2026-06-10", "end": "2026-06-20"}],
            "decision_kinds": ["fine"],
        },
        {
            "referral_reported": "2026-09-29",
            "referral_decided": "2026-09-30",
            "referral_approved": "2026-09-30",
            "referral_transferred": "2026-10-01",
            "police_refused": "2026-10-03",
            "reconsideration_requested": "2026-10-05",
            "reconsideration_upheld": "2026-10-08",
            "procuratorate": "2026-10-09",
        },
    ],
    "referral": [
        {
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
        },
        {
            "conduct": "personal_information",
            "party_type": "natural_person",
            "figures": {
                "personal_information_items_by_kind": {"sensitive": 15, "important": 100},
                "illegal_gains": 100,
            },
            "flags": {"obtained_in_duties_or_services": True},
        },
        {
            "conduct": "fake_patent",
            "party_type": "organization",
            "figures": {"direct_loss": 300000, "illegal_gains": 1},
            "flags": {"two_or_more_patents": True, "prior_penalty_same_conduct_2y": False},
        },
    ],
    "jurisdiction": [
        {
            "party": {
                "role": "room_operator",
                "channel": "platform",
                "registered": True,
                "domicile": "330106",
                "business_place": None,
            },
            "platform": {"domicile": "330108"},
            "room_operator": None,
        },
        {
            "party": {"role": "marketer", "household_registration": "330106"},
            "room_operator": {
                "role": "room_operator",
                "channel": "platform",
                "registered": False,
                "domicile": "110105",
            },
            "platform": {"domicile": "330108"},
        },
    ],
}

HOSTILE_VALUES: list[Any] = [
    None,
    True,
    False,
    "no",
    "",
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    -1,
    -0.0,
    0,
    0.001,
    1.5,
    10**12,
    10**12 + 1,
    10**40,
    float("inf"),
    float("-inf"),
    float("nan"),
    "9999-12-31",
    "10000-01-01",
    "1899-12-31",
    "1900-01-01",
    "2026-02-30",
    "2026-13-01",
    "20260301",
    "２０２６-０３-０１",
    "x" * 500,
    "M999",
    "organization",
    [],
    {},
    [None],
    [{"start": "2026-04-01"}],
    [{"start": "9999-12-31", "end": "9999-12-31"}],
    {"start": "2026-04-01"},
    {"sensitive": -5},
    "\u0000",
    "😀",
]


def _deep(n: int) -> Any:
    value: Any = 1
    for _ in range(n):
        value = [value]
    return value


HOSTILE_TEXTS: list[str | bytes] = [
    "",
    " ",
    "null",
    "[]",
    "1",
    '"text"',
    "{",
    "}",
    "{}",
    '{"a": 1}',
    "NaN",
    '{"provision": NaN}',
    '{"provision": Infinity}',
    '{"proposed_fine": 1e400}',
    '{"proposed_fine": -1e400}',
    '{"x": ' + "1" * 5000 + "}",
    "[" * 100_000,
    '{"a":' * 50_000,
    "{" + '"k": 1,' * 2000 + '"k": 2}',
    b"\xff\xfe\x00{",
    b'{"conduct": "\xc3\x28"}',
    "\ufeff{}",
    '{"facts": ' + "[" * 5000 + "1" + "]" * 5000 + "}",
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            out += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out += _paths(item, (*prefix, i))
    return out


def _mutate(rng: random.Random, data: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(data)
    for _ in range(rng.randint(1, 3)):
        paths = _paths(data)
        if not paths:
            break
        path = rng.choice(paths)
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        action = rng.random()
        if action < 0.7:
            parent[path[-1]] = rng.choice([*HOSTILE_VALUES, _deep(rng.randint(5, 40))])
        elif action < 0.85 and isinstance(parent, dict):
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[rng.choice(["unknown", "facts", "figures", "flags", "today"])] = rng.choice(
                HOSTILE_VALUES
            )
    return data


def _dump(data: Any) -> str:
    # Python's json writes NaN and Infinity for floats: hostile input a real client could send
    return json.dumps(data, ensure_ascii=False)


def _check(status: int, result: Any) -> None:
    assert status in (0, 2), result
    assert isinstance(result, dict)
    if status == 2:
        assert set(result) == {"error"}
        assert set(result["error"]) == {"field", "message"}
        assert isinstance(result["error"]["message"], str) and result["error"]["message"]
    json.dumps(result, ensure_ascii=False, allow_nan=False)  # the output is valid JSON


@pytest.mark.parametrize("command", sorted(VALID))
def test_valid_seeds_pass(command: str) -> None:
    for data in VALID[command]:
        status, result = law_cli._one(command, _dump(data))
        assert status == 0, result


@pytest.mark.parametrize("command", sorted(VALID))
def test_random_mutations_in_process(command: str) -> None:
    rng = random.Random(f"lcregulator-13-{command}")
    seen = {0: 0, 2: 0}
    for _ in range(600):
        data = _mutate(rng, rng.choice(VALID[command]))
        status, result = law_cli._one(command, _dump(data))
        _check(status, result)
        seen[status] += 1
    assert seen[2] > 0  # the mutations do reach the checks


@pytest.mark.parametrize("command", [*sorted(VALID), "provisions"])
def test_hostile_whole_inputs_in_process(command: str) -> None:
    for text in HOSTILE_TEXTS:
        status, result = law_cli._one(command, text)
        _check(status, result)
        empty = text in ("{}", "\ufeff{}") and command == "deadlines"  # all events optional
        if command != "provisions" and not empty:
            assert status == 2, (text[:40], result)


def _lcregulator() -> list[str]:
    script = Path(sys.executable).with_name("lcregulator")
    if script.exists():
        return [str(script)]
    found = shutil.which("lcregulator")
    return [found] if found else [sys.executable, "-m", "lcregulator"]


def _run(args: list[str], stdin: bytes, tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LCREGULATOR_HOME": str(tmp_path)}
    return subprocess.run(
        [*_lcregulator(), "law", *args],
        input=stdin,
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_the_real_command_on_hostile_and_mutated_input(tmp_path: Path) -> None:
    rng = random.Random("lcregulator-13-subprocess")
    cases: list[tuple[str, bytes]] = []
    for text in HOSTILE_TEXTS[::3]:
        raw = text if isinstance(text, bytes) else text.encode("utf-8")
        cases.append((rng.choice(sorted(VALID)), raw))
    for command in sorted(VALID):
        for _ in range(5):
            data = _mutate(rng, rng.choice(VALID[command]))
            cases.append((command, _dump(data).encode("utf-8")))
    assert len(cases) >= 24
    for command, raw in cases:
        result = _run([command], raw, tmp_path)
        assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
        assert result.returncode in (0, 2), (command, raw[:80], result.stdout, result.stderr)
        _check(result.returncode, json.loads(result.stdout))


def test_usage_errors_are_json_too(tmp_path: Path) -> None:
    for args in (["nonsense"], [], ["penalty", "extra"], ["--jsonl"]):
        result = _run(args, b"{}", tmp_path)
        assert result.returncode == 2, result
        assert b"Traceback" not in result.stderr
        assert json.loads(result.stdout)["error"]["field"]


def test_jsonl_batch_through_the_real_command(tmp_path: Path) -> None:
    """DESIGN §9: one result or error per line, in order; status 2 if any line was bad."""
    rng = random.Random("lcregulator-13-jsonl")
    lines: list[bytes] = []
    for _ in range(150):
        if rng.random() < 0.5:
            lines.append(_dump(rng.choice(VALID["penalty"])).encode())
        else:
            lines.append(_dump(_mutate(rng, rng.choice(VALID["penalty"]))).encode())
    lines += [b"", b"not json", b"[" * 50_000, b"\xff"]
    result = _run(["penalty", "--jsonl"], b"\n".join(lines) + b"\n", tmp_path)
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2
    out = result.stdout.decode("utf-8").splitlines()
    assert len(out) == len(lines)
    for raw, line in zip(lines, out, strict=True):
        answer = json.loads(line)
        status, expected = law_cli._one("penalty", raw)
        assert answer == json.loads(json.dumps(expected, ensure_ascii=False)), raw[:80]
        _check(status, answer)


def test_jsonl_all_good_exits_0(tmp_path: Path) -> None:
    batch = b"\n".join(_dump(d).encode() for d in VALID["referral"]) + b"\n"
    result = _run(["referral", "--jsonl"], batch, tmp_path)
    assert result.returncode == 0, result.stdout
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [a["referral_indicated"] for a in answers] == [True, True, True]
