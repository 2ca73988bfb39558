"""Region fields: officers type a name (西湖区) or a code and pick from a completer.

The field shows "330106 浙江省杭州市西湖区"; the code in front is what is stored. Anything that
does not resolve is passed on as typed, so the domain's message says exactly what is wrong.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from lcregulator.domain.regions import regions


@cache
def _entries() -> list[str]:
    table = regions()
    return [
        f"{r.code} {table.full_name(r.code)}{'' if r.current else '（旧代码）'}"
        for r in sorted(table, key=lambda r: r.code)
    ]


def install(edit: QLineEdit) -> None:
    completer = QCompleter(edit)
    completer.setModel(QStringListModel(_entries(), completer))
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setMaxVisibleItems(12)
    edit.setCompleter(completer)


def set_code(edit: QLineEdit, code: str | None) -> None:
    if not code:
        edit.clear()
        return
    table = regions()
    edit.setText(f"{code} {table.full_name(code)}" if table.get(code) else code)


def code_of(edit: QLineEdit) -> str | None:
    """The 6-digit code in the field; a unique name typed alone is resolved too."""
    text = edit.text().strip()
    if not text:
        return None
    first = text.split()[0]
    if first.isdigit():
        return first
    hits = [r for r in regions().find(text) if r.current]
    exact = [r for r in hits if r.name == text or regions().full_name(r.code) == text]
    if len(exact) == 1:
        return exact[0].code
    return text
