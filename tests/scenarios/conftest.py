"""Plain-language scenario files (OpenFisca style), each scenario collected as a test item.

A file names its engine (``engine: jurisdiction``); each scenario has a ``name`` in plain
words, an ``input`` exactly as the command line takes it, and ``expect``: the fields of the
output to check, or ``error: {field: …}`` for input the engine must refuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from lcregulator.domain.errors import ValidationError


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix == ".yaml" and file_path.parent.name == "scenarios":
        return ScenarioFile.from_parent(parent, path=file_path)
    return None


class ScenarioFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        data = yaml.safe_load(self.path.read_text("utf-8"))
        engine = data["engine"]  # "defaults" holds YAML anchors only
        names = set()
        for scenario in data["scenarios"]:
            name = scenario["name"]
            assert name not in names, f"duplicate scenario name: {name}"
            names.add(name)
            yield ScenarioItem.from_parent(self, name=name, engine=engine, scenario=scenario)


def run_engine(engine: str, payload: dict[str, Any]) -> dict[str, Any]:
    from lcregulator import law_cli

    output = law_cli.evaluate(engine, payload)
    if engine == "deadlines":  # let scenarios name deadlines by id
        output["due_by_id"] = {d["id"]: d["due"] for d in output["deadlines"]}
        output["ids"] = sorted(d["id"] for d in output["deadlines"])
    return output


def check(expected: Any, actual: Any, path: str) -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for key, value in expected.items():
            if key == "contains":
                assert value in str(actual), f"{path}: {value!r} not in {actual!r}"
                continue
            assert key in actual, f"{path}.{key} missing in {actual!r}"
            check(value, actual[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (
            f"{path}: expected {len(expected)} items, got {actual!r}"
        )
        for i, (e, a) in enumerate(zip(expected, actual, strict=True)):
            check(e, a, f"{path}[{i}]")
    elif isinstance(expected, str) and expected.startswith("~"):
        assert expected[1:] in str(actual), f"{path}: {expected[1:]!r} not in {actual!r}"
    else:
        assert actual == expected, f"{path}: expected {expected!r}, got {actual!r}"


class ScenarioItem(pytest.Item):
    def __init__(self, *, engine: str, scenario: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.engine = engine
        self.scenario = scenario

    def runtest(self) -> None:
        expect = self.scenario["expect"]
        if "error" in expect:
            try:
                output = run_engine(self.engine, self.scenario["input"])
            except ValidationError as exc:
                check(expect["error"], {"field": exc.field, "message": exc.message}, "error")
                return
            raise AssertionError(f"expected an error, got {output!r}")
        check(expect, run_engine(self.engine, self.scenario["input"]), "output")

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"scenario: {self.name}"

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return f"{self.name}\n  input: {self.scenario['input']}\n  {excinfo.value}"
