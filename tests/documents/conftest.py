"""The sample case's documents, issued once per session, with the context each kind was given.

The contexts let tests re-issue every kind with hostile data (5,000-character facts, names with
𠮷 and ``|``, values that look like markup) through the real templates and renderers."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lcregulator.services import documents as documents_service
from lcregulator.services.sample_case import run as run_sample


@pytest.fixture(scope="session")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path], dict[str, Any]]:
    out = tmp_path_factory.mktemp("demo")
    contexts: dict[str, Any] = {}
    real = documents_service.render

    def recording(kind: str, context: dict[str, Any], number: str = "") -> Any:
        contexts[kind] = copy.deepcopy({k: v for k, v in context.items() if k != "require"})
        return real(kind, context, number)

    documents_service.render = recording  # type: ignore[assignment]
    try:
        files = run_sample(out)
    finally:
        documents_service.render = real  # type: ignore[assignment]
    return {p.name: p for p in files}, contexts


@pytest.fixture(scope="module")
def sample(sample_run: tuple[dict[str, Path], dict[str, Any]]) -> dict[str, Path]:
    return sample_run[0]


@pytest.fixture
def contexts(sample_run: tuple[dict[str, Path], dict[str, Any]]) -> Iterator[dict[str, Any]]:
    yield copy.deepcopy(sample_run[1])
