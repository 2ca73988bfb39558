"""Showing a domain error at the field it names, without losing anything typed."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

_ERROR_STYLE = "border: 2px solid #b00020;"
# the signal each kind of input emits when its value changes, in the order tried
_CHANGE_SIGNALS = (
    "textChanged",
    "dateChanged",
    "valueChanged",
    "currentIndexChanged",
    "itemChanged",
    "itemSelectionChanged",
    "toggled",
)


class FieldErrors:
    """Maps dotted field paths (``party.uscc``) to widgets and marks the one in error."""

    def __init__(self, label: QLabel, tabs: QTabWidget | None = None) -> None:
        self.label = label
        label.setVisible(bool(label.text()))
        self.tabs = tabs
        self.widgets: dict[str, QWidget] = {}
        self._marked: QWidget | None = None

    def bind(self, field: str, widget: QWidget) -> None:
        self.widgets[field] = widget

    def widget_for(self, field: str) -> QWidget | None:
        # "party.accounts[0].platform" falls back to "party.accounts", then "party".
        path = field
        while path:
            if path in self.widgets:
                return self.widgets[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    def show(self, message: str, field: str | None = None) -> None:
        self.clear()
        self.label.setText(message)
        self.label.setVisible(bool(message))
        widget = self.widget_for(field) if field else None
        if widget is None:
            return
        if self.tabs is not None:
            for i in range(self.tabs.count()):
                page = self.tabs.widget(i)
                if page is widget or (page is not None and page.isAncestorOf(widget)):
                    self.tabs.setCurrentIndex(i)
                    break
        widget.setStyleSheet(_ERROR_STYLE)
        widget.setToolTip(message)
        widget.setFocus()
        self._marked = widget
        self._watch(widget)

    def _watch(self, widget: QWidget) -> None:
        """Clear the mark as soon as the officer changes the field it is on."""
        for name in _CHANGE_SIGNALS:
            signal = getattr(widget, name, None)
            if signal is not None and hasattr(signal, "connect"):
                signal.connect(self._changed)
                self._watched = (widget, signal)
                return

    def _changed(self, *_args: object) -> None:
        self.clear()

    def clear(self) -> None:
        watched = getattr(self, "_watched", None)
        if watched is not None:
            self._watched = None  # type: ignore[assignment]
            with contextlib.suppress(RuntimeError, TypeError):
                watched[1].disconnect(self._changed)
        self.label.clear()
        self.label.setVisible(False)
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked.setToolTip("")
            self._marked = None

    @property
    def marked(self) -> QWidget | None:
        return self._marked
