"""A save-as dialog that behaves the same on every desktop (and that tests can answer).

Qt's own dialog rather than the platform's: the native one is a separate process on some
desktops, so its answer cannot be given by a test, and officers see the same dialog everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def ask_save_path(parent: QWidget, title: str, name: str, filters: str) -> Path | None:
    dialog = QFileDialog(parent, title)
    dialog.setObjectName("saveAsDialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(filters)
    dialog.selectFile(name)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
