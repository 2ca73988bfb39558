"""The Measures in full: chapters and articles on the left, text on the right, searchable.

Every citation in the application opens this viewer at its article (``show_article``), so an
officer can always read the words a rule comes from.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.statute import Statute, measures

from .screen_fit import fit_to_screen


class StatuteViewer(QWidget):
    def __init__(self, parent: QWidget | None = None, statute: Statute | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.statute = statute or measures()
        self.setWindowTitle(self.tr("法规：%1").replace("%1", self.statute.title))
        fit_to_screen(self, 980, 680)
        self.search = QLineEdit(placeholderText=self.tr("搜索条文，如“黑名单”；或输入条号，如 47"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self._items: dict[int, QTreeWidgetItem] = {}
        for chapter, numbers in self.statute.chapters:
            parent_item = QTreeWidgetItem([chapter])
            self.tree.addTopLevelItem(parent_item)
            for n in numbers:
                article = self.statute.article(n)
                first = article.paragraphs[0].text
                child = QTreeWidgetItem([f"{article.label} {first[:14]}…"])
                child.setData(0, Qt.ItemDataRole.UserRole, n)
                parent_item.addChild(child)
                self._items[n] = child
        self.tree.expandAll()
        splitter = QSplitter()
        splitter.addWidget(self.tree)
        splitter.addWidget(self.text)
        splitter.setSizes([300, 680])
        top = QHBoxLayout()
        top.addWidget(self.search)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.tree.currentItemChanged.connect(self._on_tree)
        self.search.textChanged.connect(self.filter)
        self.current: int | None = None
        self._highlight = ""
        self.show_article(1)

    def _on_tree(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        number = item.data(0, Qt.ItemDataRole.UserRole)
        if number is not None:
            self._render(int(number))

    def show_article(self, number: int) -> None:
        """Open at an article (select it in the tree and show its text)."""
        item = self._items.get(number)
        if item is None:
            return
        item.setHidden(False)
        self.tree.setCurrentItem(item)
        self.tree.scrollToItem(item)
        self._render(number)

    def _render(self, number: int) -> None:
        self.current = number
        article = self.statute.article(number)

        def mark(text: str) -> str:
            escaped = html.escape(text)
            if self._highlight:
                needle = html.escape(self._highlight)
                escaped = escaped.replace(
                    needle, f'<span style="background:#ffe08a">{needle}</span>'
                )
            return escaped

        parts = [
            f"<h3>{html.escape(self.statute.title)}</h3>",
            f"<p style='color:#555'>{html.escape(article.chapter)}</p>",
        ]
        for i, paragraph in enumerate(article.paragraphs):
            lead = f"<b>{article.label}</b>　" if i == 0 else "　　"
            parts.append(f"<p style='line-height:150%'>{lead}{mark(paragraph.text)}</p>")
            for item in paragraph.items:
                parts.append(f"<p style='margin-left:2em'>{mark(item)}</p>")
        self.text.setHtml("".join(parts))

    def filter(self, text: str) -> None:
        """Show only matching articles; jump to the first; say how many."""
        text = text.strip()
        self._highlight = "" if text.isdigit() else text
        hits = {a.number for a in self.statute.search(text)} if text else set(self._items)
        for number, item in self._items.items():
            item.setHidden(number not in hits)
        for i in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(i)
            chapter.setHidden(all(chapter.child(j).isHidden() for j in range(chapter.childCount())))  # type: ignore[union-attr]
        self.count.setText(self.tr("%1 条").replace("%1", str(len(hits))) if text else "")
        if hits:
            self.show_article(min(hits))
        else:
            self.text.setHtml(f"<p>{self.tr('没有找到包含该内容的条文。')}</p>")
