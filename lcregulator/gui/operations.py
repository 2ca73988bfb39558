"""One way to run long work: off the UI thread, with progress, cancel where it can stop, and a
Chinese message when it fails (the Anki ``CollectionOp``/``QueryOp`` pattern).

    operations.run(
        lambda progress: evidence.verify_evidence(ctx, case_id, progress),
        on_success=self._show_checks,
        parent=self,
        label=self.tr("正在校验证据文件…"),
    )

The work runs on a worker thread and must not touch widgets; it reaches the database only
through the services, which open their own session per call (a unit of work per call, counted
per thread; SQLite connections come from the pool, never shared between threads). The result
or the failure comes back on the UI thread, where ``on_success``/``on_failure`` run.

The worker emits no Qt signals: PySide6 6.12 (cf. PYSIDE-3124) corrupts reference counts when a
Python thread emits signals often — a progress figure per file crashed the interpreter
("bool_dealloc") within a few thousand emissions. The worker leaves its figures and its outcome
behind a lock instead, and a QTimer on the UI thread collects them every ``POLL_MS``. For the
same bug, nothing may spin ``processEvents()`` in a loop while an operation runs (a busy-wait
crashed the same way); wait in a ``QEventLoop`` instead, as ``qtbot.waitUntil`` does. Meanwhile
the window keeps painting and its timers fire; a window-modal progress dialog (shown only when
the work takes longer than a moment) keeps the officer from starting the same thing twice.

Cancel: when ``cancellable`` is set, the dialog has a 取消 button, and the next time the work
reports progress it stops with :class:`Cancelled` (so work is only cancellable where stopping
between two progress reports leaves nothing half done: copying files, checking files).

Failures: a :class:`DomainError` is shown with its own Chinese message; anything else is logged
with a reference number and shown as the unexpected-error box giving that number — never a
traceback.

Garbage: Qt objects that became garbage must be deleted on the UI thread. A cyclic collection
that happened to run on the worker would delete them there (a crash), so automatic collection
is paused (on the UI thread) before the work starts and resumes when the last operation ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QWidget

from lcregulator.domain.errors import DomainError

from .error_hook import report_unexpected

T = TypeVar("T")

#: how long work may take before the progress dialog appears (fast work never flashes one)
SHOW_AFTER_MS = 400
#: how often the UI thread looks at the work's figures and outcome
POLL_MS = 30


class Cancelled(Exception):
    """The officer pressed 取消; the work stopped at its last progress report."""


class Progress:
    """Handed to the work: ``progress(done, total)`` reports a figure; once the officer has
    pressed 取消 on a cancellable operation, the next report raises :class:`Cancelled`."""

    def __init__(self, cancellable: bool) -> None:
        self._cancellable = cancellable
        self._cancelled = threading.Event()
        self._lock = threading.Lock()
        self._figures: tuple[int, int] | None = None

    def __call__(self, done: int, total: int) -> None:
        self.check()
        with self._lock:
            self._figures = (int(done), int(total))

    def take(self) -> tuple[int, int] | None:
        """The latest figures since the last call (the UI thread reads them)."""
        with self._lock:
            figures, self._figures = self._figures, None
        return figures

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        """Stop here if the officer cancelled (a point where stopping leaves nothing half done)."""
        if self._cancellable and self._cancelled.is_set():
            raise Cancelled

    def cancel(self) -> None:
        self._cancelled.set()


_running: set[Operation[object]] = set()  # kept alive until their results are delivered
_gc_was_enabled = True


def _pause_gc() -> None:
    global _gc_was_enabled
    if not _running:
        # no collection now (a full one takes 300 ms once the fonts are loaded): garbage made
        # so far simply waits, and is collected on the UI thread after the last operation
        _gc_was_enabled = gc.isenabled()
        gc.disable()


def _resume_gc() -> None:
    if not _running and _gc_was_enabled:
        gc.enable()


class Operation(Generic[T]):
    """One piece of long work on its way; ``done`` tells whether its result arrived."""

    def __init__(
        self,
        work: Callable[[Progress], T],
        on_success: Callable[[T], None] | None,
        on_failure: Callable[[BaseException], None] | None,
        on_cancel: Callable[[], None] | None,
        parent: QWidget | None,
        label: str,
        cancellable: bool,
        bar: QProgressBar | None,
        quiet: bool = False,
    ) -> None:
        self.work = work
        self.on_success = on_success
        self.on_failure = on_failure
        self.on_cancel = on_cancel
        self.parent = parent
        self.label = label
        self.done = False
        self.cancelled = False
        self.bar = bar
        self.dialog: QProgressDialog | None = None
        self.progress = Progress(cancellable)
        self._outcome: tuple[object, BaseException | None] | None = None
        self._outcome_lock = threading.Lock()
        self._poll = QTimer()
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        if quiet:
            pass  # background work the officer did not start: no progress shown
        elif bar is None:
            dialog = QProgressDialog(label, "", 0, 0, parent)
            dialog.setObjectName("operationProgress")
            dialog.setWindowTitle(label.rstrip("…"))
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumDuration(SHOW_AFTER_MS)
            if cancellable:
                dialog.setCancelButtonText(QCoreApplication.translate("Operations", "取消"))
                dialog.canceled.connect(self.cancel)
            else:
                dialog.setCancelButton(None)
            self.dialog = dialog
        else:
            bar.setRange(0, 0)  # busy until the first figure arrives

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report (cancellable operations only)."""
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(QCoreApplication.translate("Operations", "正在取消…"))

    def _start(self) -> None:
        if self.dialog is not None:
            QTimer.singleShot(SHOW_AFTER_MS, self._show_dialog)
        _pause_gc()
        self._poll.start()
        _running.add(self)  # type: ignore[arg-type]
        worker = threading.Thread(target=self._run, name=f"operation: {self.label}", daemon=True)
        worker.start()

    def _show_dialog(self) -> None:
        if self.dialog is not None and not self.done:
            self.dialog.show()

    def _run(self) -> None:  # on the worker thread: no widgets here, no Qt signals either
        try:
            outcome: tuple[object, BaseException | None] = (self.work(self.progress), None)
        except BaseException as exc:
            outcome = (None, exc)
        with self._outcome_lock:
            self._outcome = outcome

    def _check(self) -> None:
        """On the UI thread, every POLL_MS: show the latest figures, deliver the outcome."""
        figures = self.progress.take()
        if figures is not None:
            self._show_progress(*figures)
        with self._outcome_lock:
            outcome = self._outcome
        if outcome is not None:
            self._poll.stop()
            self._finish(*outcome)

    def _show_progress(self, done: int, total: int) -> None:
        if self.done:
            return
        target: QProgressBar | QProgressDialog | None = self.bar or self.dialog
        if target is None:
            return
        if target.maximum() != max(total, 1):
            target.setRange(0, max(total, 1))
        target.setValue(min(done, max(total, 1)))

    def _finish(self, result: object, exc: BaseException | None) -> None:
        self.done = True
        _running.discard(self)
        _resume_gc()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if self.bar is not None:
            self.bar.setRange(0, 1)
            self.bar.setValue(0 if exc is not None else 1)
        if isinstance(exc, Cancelled):
            self.cancelled = True
            if self.on_cancel is not None:
                self.on_cancel()
            return
        if exc is not None:
            if self.on_failure is not None:
                self.on_failure(exc)
            else:
                show_failure(exc, self.parent, self.label)
            return
        if self.on_success is not None:
            self.on_success(result)  # type: ignore[arg-type]


def show_failure(exc: BaseException, parent: QWidget | None, label: str = "") -> str:
    """The officer's message for a failed operation: a domain refusal in its own words,
    anything else with a reference number (the details go to the log)."""
    if isinstance(exc, DomainError):
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            label.rstrip("…").removeprefix("正在")
            or QCoreApplication.translate("Operations", "未能完成"),
            exc.message,
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setObjectName("operationFailed")
        box.exec()
        return exc.message
    return report_unexpected(exc, parent)


def run(
    work: Callable[[Progress], T],
    on_success: Callable[[T], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    parent: QWidget | None,
    label: str,
    cancellable: bool = False,
    on_cancel: Callable[[], None] | None = None,
    bar: QProgressBar | None = None,
    quiet: bool = False,
) -> Operation[T]:
    """Run ``work(progress)`` off the UI thread; its result goes to ``on_success`` on the UI
    thread. Without ``on_failure`` a failure is shown as a message box (see module docstring).
    With ``bar`` the figures go to that progress bar instead of a progress dialog."""
    operation = Operation(work, on_success, on_failure, on_cancel, parent, label, cancellable, bar)
    operation._start()
    return operation


def running() -> int:
    """Operations whose results have not arrived yet (a window closing may wait for them)."""
    return len(_running)
