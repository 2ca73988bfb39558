"""Printing issued documents as the vector PDFs they are, and loading the document fonts once.

Printing used to paint each page as an image at the printer's resolution: a 2-page notice became
a 9.6 MB raster job with softened text. The issued PDF is already what the printer should get:

- "print to file" (PDF output) writes the issued PDF(s) themselves, one file for a batch;
- a printer reached through CUPS (Linux, UOS/Kylin, macOS) gets the PDF files as one ``lp`` job
  with the printer, copies and duplex chosen in the print dialog — vector, fonts embedded;
- elsewhere (Windows without a PDF-capable spooler) pages are painted as before, but at 300 dpi
  at most, which keeps the job small; that path is the fallback, not the rule.

Fonts: parsing the Chinese TrueType fonts takes about a second; it happens once per process, on
a worker thread started with the main window. If a document is needed before that finishes, a
busy indicator shows while the UI keeps running.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from lcregulator.documents import fonts

RASTER_DPI = 300


class _LoadFonts(QRunnable):
    def run(self) -> None:
        # a failure is reported when a document is rendered, with its message
        with contextlib.suppress(Exception):
            fonts.load().fallbacks  # noqa: B018 - the rare-character fonts too, while idle


_started = False


def start_loading_fonts() -> None:
    """Parse the document fonts on a worker thread (once)."""
    global _started
    if _started or fonts.loaded():
        return
    _started = True
    QThreadPool.globalInstance().start(_LoadFonts())


def ensure_fonts(parent: QWidget | None) -> None:
    """Return once the fonts are loaded; the first time, with a busy indicator over ``parent``."""
    if fonts.loaded():
        return
    start_loading_fonts()
    busy = QProgressDialog(
        QApplication.translate("DocumentPrinting", "正在载入文书字体（仅首次）…"), "", 0, 0, parent
    )
    busy.setCancelButton(None)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.setMinimumDuration(0)
    busy.show()
    deadline = time.monotonic() + 120
    try:
        while not fonts.loaded() and time.monotonic() < deadline:
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.02)
            if not QThreadPool.globalInstance().activeThreadCount() and not fonts.loaded():
                break  # the worker failed: render in place, which raises the font message
    finally:
        busy.close()


def _page_count(path: Path, parent: QObject) -> int:
    pdf = QPdfDocument(parent)
    pdf.load(str(path))
    count = pdf.pageCount()
    pdf.close()
    return count


def print_files(paths: list[Path], printer: QPrinter, parent: QObject) -> int:
    """Send the issued PDFs to ``printer``; returns the number of pages sent."""
    if not paths:
        return 0
    pages = sum(_page_count(p, parent) for p in paths)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        _write_pdf(paths, Path(printer.outputFileName()))
        return pages
    if shutil.which("lp") and printer.printerName():
        two_sided = printer.duplex() in (
            QPrinter.DuplexMode.DuplexLongSide,
            QPrinter.DuplexMode.DuplexAuto,
        )
        send_to_cups(paths, printer.printerName(), printer.copyCount(), two_sided)
        return pages
    return _paint(paths, printer, parent)


def send_to_cups(paths: list[Path], printer: str, copies: int = 1, two_sided: bool = False) -> None:
    """One ``lp`` job with the PDF files as they are: A4, unscaled."""
    command = [shutil.which("lp") or "lp", "-d", printer, "-n", str(max(copies, 1))]
    command += ["-o", "media=A4", "-o", "print-scaling=none"]
    if two_sided:
        command += ["-o", "sides=two-sided-long-edge"]
    subprocess.run([*command, *map(str, paths)], check=True, capture_output=True, timeout=120)


def _write_pdf(paths: list[Path], target: Path) -> None:
    if len(paths) == 1:
        shutil.copyfile(paths[0], target)
        return
    from pypdf import PdfWriter

    writer = PdfWriter()
    for path in paths:
        writer.append(str(path))
    buffer = io.BytesIO()
    writer.write(buffer)
    target.write_bytes(buffer.getvalue())


def _paint(paths: list[Path], printer: QPrinter, parent: QObject) -> int:
    """The fallback: each page painted at no more than 300 dpi (QtPdf renders transparent
    pages, so white is filled first)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    done = 0
    try:
        for path in paths:
            pdf = QPdfDocument(parent)
            pdf.load(str(path))
            for page in range(pdf.pageCount()):
                if done:
                    printer.newPage()
                target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                scale = min(1.0, RASTER_DPI / max(printer.resolution(), 1))
                size = target.size() * scale
                painter.fillRect(target, Qt.GlobalColor.white)
                painter.drawImage(target, pdf.render(page, size))
                done += 1
            pdf.close()
    finally:
        painter.end()
    return done
