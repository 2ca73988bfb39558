"""The rest of the windows the screen probe opens (kept apart so the list grows in one place)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QWidget


def more_windows(ctx: object, case: object) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    return iter(())
