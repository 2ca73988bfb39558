"""The main window's outage banner: the server connection was lost, the window says so at the
top, keeps trying with growing pauses, and says when it is back.

Nothing typed is lost meanwhile: every form that fails to save keeps its contents and says so
(the unit of work turns the lost connection into a Chinese message, and nothing was written);
the officer saves again once the banner says the connection is back.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from lcregulator.services import health
from lcregulator.services.context import AppContext

from . import operations

_DOWN_STYLE = "background: #8a4b00; color: white; font-weight: bold; padding: 6px;"
_BACK_STYLE = "background: #1b5e20; color: white; padding: 6px;"


class OutageBanner(QLabel):
    """Hidden until a connection is lost; then retries after 1, 2, 4, 8, 15, 30, 30 … s."""

    #: emitted when the server answers again (the window reloads what it shows)
    restored = Signal()

    #: the pauses between retries, seconds; the last one repeats
    BACKOFF_S: tuple[float, ...] = (1, 2, 4, 8, 15, 30)
    #: how long "reconnected" stays up
    BACK_SHOWN_MS = 8000
    #: how often the UI thread looks for a loss met on a worker thread
    POLL_MS = 250

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outageBanner")
        self.setWordWrap(True)
        self.hide()
        self.down = False
        self.attempts = 0
        self.message = ""
        self._job: operations.Operation[object] | None = None
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self._retry)
        # A loss met on a worker thread is left behind a lock for the UI thread to collect:
        # emitting Qt signals from worker threads corrupts reference counts in PySide6 6.12
        # (see gui/operations.py), so no signal crosses threads here.
        self._pending: str | None = None
        self._pending_lock = threading.Lock()
        self._poll = QTimer(self, interval=self.POLL_MS)
        self._poll.timeout.connect(self._collect)
        self._poll.start()
        self._unwatch = health.watch_connection(ctx, self._report)
        self.destroyed.connect(lambda *_: self._unwatch())

    def _report(self, problem: health.DatabaseProblem) -> None:
        """Called by the database layer on whichever thread met the lost connection."""
        if threading.current_thread() is threading.main_thread():
            self._on_lost(problem.message)
            return
        with self._pending_lock:
            self._pending = problem.message

    def _collect(self) -> None:
        with self._pending_lock:
            message, self._pending = self._pending, None
        if message is not None:
            self._on_lost(message)

    def _on_lost(self, message: str) -> None:
        self.message = message
        if self.down:
            return
        self.down = True
        self.attempts = 0
        self._schedule()

    def _schedule(self) -> None:
        pause = self.BACKOFF_S[min(self.attempts, len(self.BACKOFF_S) - 1)]
        self.setStyleSheet(_DOWN_STYLE)
        self.setText(
            self.tr(
                "与数据库服务器的连接中断，正在重试（%1 秒后第 %2 次）。"
                "各窗口中填写的内容都保留着，连接恢复后再保存即可；期间的保存不会生效。"
            )
            .replace("%1", f"{pause:g}")
            .replace("%2", str(self.attempts + 1))
        )
        self.show()
        self._timer.start(int(pause * 1000))

    def _retry(self) -> None:
        ctx = self.ctx
        self._job = operations.run(  # a quiet operation: the banner is the progress
            lambda _progress: health.ping(ctx),
            self._answered,
            lambda _exc: self._answered(False),
            parent=self,
            label="reconnect",
            quiet=True,
        )

    def _answered(self, problem: object) -> None:
        if problem is not None:
            self.attempts += 1
            self._schedule()
            return
        self.down = False
        self.setStyleSheet(_BACK_STYLE)
        self.setText(self.tr("已重新连接数据库服务器。请把未保存的内容再保存一次。"))
        QTimer.singleShot(self.BACK_SHOWN_MS, self._hide_if_up)
        self.restored.emit()

    def _hide_if_up(self) -> None:
        if not self.down:
            self.hide()
