"""Tabs whose page is built the first time it is needed.

The main window opens on 首页 or the register; 期限预警, 线索登记 and 统计报表 each import
their own modules and read the database when built. Building them before the first paint
cost about a third of the window's start-up (issue 20), for pages the officer may not open at
all. A lazy tab holds an empty placeholder until it is selected (or the page is asked for),
then puts the real page in its place, at the same index and with the same title.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    """The lazy pages of one ``QTabWidget``, by key."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._placeholders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._current_changed)

    def add(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        """Add a tab whose page ``factory`` builds when the tab is first shown."""
        placeholder = QWidget()
        placeholder.setObjectName(f"lazy_{key}")
        self._factories[key] = factory
        self._placeholders[key] = placeholder
        self.tabs.addTab(placeholder, title)

    def built(self, key: str) -> QWidget | None:
        """The page if it has been built, without building it."""
        return self._built.get(key)

    def page(self, key: str) -> QWidget:
        """The page, built now if it was not yet (it takes the placeholder's place)."""
        page = self._built.get(key)
        if page is not None:
            return page
        page = self._factories.pop(key)()
        self._built[key] = page
        placeholder = self._placeholders.pop(key)
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        blocked = self.tabs.blockSignals(True)  # the swap is not the officer changing tabs
        try:
            self.tabs.insertTab(index, page, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            if was_current:
                self.tabs.setCurrentIndex(index)
        finally:
            self.tabs.blockSignals(blocked)
        placeholder.deleteLater()
        return page

    def _current_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for key, placeholder in list(self._placeholders.items()):
            if placeholder is widget:
                self.page(key)
                return
