"""No traceback reaches an officer: an unexpected error is logged with a reference number and
shown as a Chinese message giving that number, and the window carries on.

Installed at start-up: ``sys.excepthook`` (Qt calls it for exceptions escaping a slot),
``threading.excepthook`` (worker threads) and a Qt message handler that sends Qt's own warnings
to the log instead of the terminal.
"""

from __future__ import annotations

import logging
import sys
import threading
import uuid
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("lcregulator.gui")

TITLE = "直播电商监管执法办案系统"


def new_reference() -> str:
    return uuid.uuid4().hex[:8].upper()


def unexpected_message(reference: str) -> str:
    return (
        f"发生意外错误（参考编号 {reference}）。您刚才的操作可能没有完成，已保存的数据不受影响。"
        "详情已写入日志；如再次出现，请把参考编号告诉本单位信息技术人员。"
    )


def report_unexpected(exc: BaseException, parent: QWidget | None = None) -> str:
    """Log ``exc`` with a new reference number and tell the officer; returns the message."""
    reference = new_reference()
    log.error(
        "unexpected error, reference %s", reference, exc_info=(type(exc), exc, exc.__traceback__)
    )
    message = unexpected_message(reference)
    if QApplication.instance() is not None:
        box = QMessageBox(QMessageBox.Icon.Critical, TITLE, message, parent=parent)
        box.setObjectName("unexpectedErrorBox")
        box.exec()
    return message


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    from lcregulator.services.health import outage_message

    outage = outage_message(exc)
    if outage is not None:  # the server is away: said plainly, the banner retries
        log.warning("database connection lost: %s", exc)
        box = QMessageBox(
            QMessageBox.Icon.Warning, TITLE, outage, parent=QApplication.activeWindow()
        )
        box.setObjectName("outageBox")
        box.exec()
        return
    try:
        report_unexpected(exc, QApplication.activeWindow())
    except Exception:
        log.exception("could not show the unexpected-error message")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    log.error(
        "unexpected error in thread %s, reference %s",
        getattr(args.thread, "name", "?"),
        new_reference(),
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
    )


def _qt_messages(mode: QtMsgType, _context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(mode, logging.ERROR)
    log.log(level, "Qt: %s", message)


def install() -> None:
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
    qInstallMessageHandler(_qt_messages)
