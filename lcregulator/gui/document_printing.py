"""Printing issued documents as the vector PDFs they are, and loading the document fonts once.

Printing used to paint each page as an image at the printer's resolution: a 2-page notice became
a 9.6 MB raster job with softened text. The issued PDF is already what the printer should get:

- "print to file" (PDF output) writes the issued PDF(s) themselves, one file for a batch;
- a printer reached through CUPS (Linux, UOS/Kylin, macOS) gets the PDF files as one ``lp`` job
  with the printer, copies and duplex chosen in the print dialog — vector, fonts embedded;
- elsewhere (Windows without a PDF-capable spooler) pages are painted as before, but at 300 dpi
  at most, which keeps the job small; that path is the fallback, not the rule.

Fonts: parsing the Chinese TrueType fonts takes seconds the first time; documents are drawn
and printed through the operation runner (``operations.py``), so that happens off the UI thread
while a progress dialog shows and the window keeps running.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

RASTER_DPI = 300


def _page_count(path: Path, parent: QObject | None) -> int:
    pdf = QPdfDocument(parent) if parent is not None else QPdfDocument()
    pdf.load(str(path))
    count = pdf.pageCount()
    pdf.close()
    return count


def print_files(paths: list[Path], printer: QPrinter, parent: QObject | None = None) -> int:
    """Send the issued PDFs to ``printer``; returns the number of pages sent. Runs on a worker
    thread (an operation) with no ``parent``: QPainter may paint on a QPrinter off the UI
    thread, and the page counts read the files with parentless QPdfDocuments."""
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


def _paint(paths: list[Path], printer: QPrinter, parent: QObject | None) -> int:
    """The fallback: each page painted at no more than 300 dpi (QtPdf renders transparent
    pages, so white is filled first)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    done = 0
    try:
        for path in paths:
            pdf = QPdfDocument(parent) if parent is not None else QPdfDocument()
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
