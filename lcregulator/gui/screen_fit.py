"""Windows and dialogs that fit the screens officers have (1366×768, often at 125 %).

A dialog asks for the size it would like; it gets at most what the screen it opens on has
available, and long forms scroll inside a scroll area so that the buttons below them always stay
on screen. At 125 % a 1366×768 screen offers 1093×614 logical pixels.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

# the share of the available screen a window may take: room for the title bar and frame
_WIDTH_SHARE = 0.96
_HEIGHT_SHARE = 0.90


def available(widget: QWidget | None = None) -> QRect:
    """The available geometry of the screen ``widget`` is on (the primary screen otherwise)."""
    screen = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent or widget).screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to the preferred ``width`` × ``height``, or to what the screen allows."""
    room = available(window)
    w = min(width, int(room.width() * _WIDTH_SHARE))
    h = min(height, int(room.height() * _HEIGHT_SHARE))
    window.resize(w, h)


def scrolling(content: QWidget, name: str = "") -> QScrollArea:
    """``content`` in a frameless, resizable scroll area (vertical scrolling only)."""
    area = QScrollArea()
    if name:
        area.setObjectName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area
