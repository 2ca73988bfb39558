"""GB/T 9704-2012 page geometry as the SAMR 文书格式范本 uses it, shared by both renderers."""

from __future__ import annotations

MM = 72 / 25.4  # points per millimetre
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM  # A4
TOP, LEFT = 37 * MM, 28 * MM
TEXT_WIDTH, TEXT_HEIGHT = 156 * MM, 225 * MM
RIGHT = PAGE_WIDTH - LEFT - TEXT_WIDTH  # 26 mm
BOTTOM = PAGE_HEIGHT - TOP - TEXT_HEIGHT  # 35 mm
BODY_SIZE = 16  # 3号
TITLE_SIZE = 22  # 2号
ORG_SIZE = 22
NOTE_SIZE = 12  # 小4号 for notes and tables' fine print
TABLE_SIZE = 14  # 4号 inside forms
LINES_PER_PAGE = 22
LEADING = TEXT_HEIGHT / LINES_PER_PAGE  # ≈ 28.9 pt: 22 lines of 28 characters
INDENT = 2 * BODY_SIZE  # two characters
