"""Strict loading of law data files: unknown keys, duplicate keys and bad dates are errors
that name the file (OpenFisca's lesson — a typo in law data must never pass silently)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from importlib import resources
from typing import Any


class LawDataError(ValueError):
    """A law data file that cannot be trusted; the message names the file and the place."""


def _no_duplicates(name: str) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise LawDataError(f"{name}: duplicate key {key!r}")
            out[key] = value
        return out

    return hook


def load_json(path: str) -> Any:
    """Read package data ``lcregulator/domain/<path>`` strictly."""
    text = resources.files("lcregulator.domain").joinpath(path).read_text("utf-8")
    return loads(text, path)


def loads(text: str, name: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates(name))
    except json.JSONDecodeError as exc:
        raise LawDataError(f"{name}: line {exc.lineno}: {exc.msg}") from None


def check_keys(
    record: dict[str, Any], where: str, required: Iterable[str], optional: Iterable[str] = ()
) -> None:
    required, allowed = set(required), set(required) | set(optional)
    missing = required - record.keys()
    unknown = record.keys() - allowed
    if missing:
        raise LawDataError(f"{where}: missing {sorted(missing)}")
    if unknown:
        raise LawDataError(f"{where}: unknown keys {sorted(unknown)}")


def parse_date(value: Any, where: str) -> dt.date:
    if not isinstance(value, str):
        raise LawDataError(f"{where}: date must be a string YYYY-MM-DD, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise LawDataError(f"{where}: bad date {value!r}") from None
