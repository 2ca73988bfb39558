"""Finding Chinese fonts for the documents, in the order DESIGN §7 gives, and printing every glyph.

1. a font the administrator configured (``LCREGULATOR_FONT_<ROLE>`` = path[,index]);
2. the Windows fonts (simfang.ttf 仿宋, simsun.ttc 宋体, simhei.ttf 黑体, simkai.ttf 楷体);
3. the UOS/Kylin font folders;
4. Debian's free fonts (AR PL UMing 宋, WenQuanYi Zen Hei 黑, AR PL UKai 楷).

There is no free simplified 仿宋 on Debian: the substitute is named in the settings screen and the
log. The title (GB/T 9704: 2号小标宋) takes 方正小标宋简体, then 华文中宋, otherwise a 宋 face —
never 黑体 — and that choice is shown the same way. reportlab cannot embed CFF/OTF outlines (Noto
CJK), so those are skipped with a message; a font must cover ¥ and 〇, which GB2312-only fonts
lack. Fonts are embedded as subsets.

No character is ever printed as an empty box: each one is looked up in the role's font and, when
that font lacks it (a name with 𠮷, CJK Extension B), in the installed fallback fonts
(BabelStone Han, HanaMin A/B, SimSun-ExtB, then the other roles' fonts). :func:`check` runs at
issue time and stops with a message naming the character and the field when no font has it.
Fonts are parsed once per process (:func:`load`, cached); the GUI calls it off the UI thread.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from lcregulator.domain.errors import DomainError

from .tree import printable

log = logging.getLogger(__name__)

ROLES = ("fangsong", "title", "song", "hei", "kai")
ROLE_LABELS = {
    "fangsong": "仿宋",
    "title": "标题（小标宋）",
    "song": "宋体",
    "hei": "黑体",
    "kai": "楷体",
}
WINDOWS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
UOS = Path("/usr/share/fonts/fonts-cesi")
DEBIAN = Path("/usr/share/fonts/truetype")
SONG: list[tuple[Path, str]] = [
    (WINDOWS / "simsun.ttc", ""),
    (UOS / "CESI_SS_GB2312.TTF", ""),
    (DEBIAN / "arphic/uming.ttc", "CN"),
]
CANDIDATES: dict[str, list[tuple[Path, str]]] = {
    "fangsong": [
        (WINDOWS / "simfang.ttf", ""),
        (UOS / "CESI_FS_GB2312.TTF", ""),
        (DEBIAN / "fangsong/simfang.ttf", ""),
        (DEBIAN / "arphic/uming.ttc", "CN"),
    ],
    # 2号小标宋 for the title; 华文中宋 is the usual stand-in; a 宋 face otherwise, never 黑体.
    "title": [
        (WINDOWS / "FZXBSJW.TTF", ""),
        (WINDOWS / "方正小标宋简体.ttf", ""),
        (WINDOWS / "方正小标宋简体.TTF", ""),
        (Path("/usr/share/fonts/fzfonts/FZXBSJW.TTF"), ""),
        (UOS / "CESI_XBS_GB2312.TTF", ""),
        (WINDOWS / "STZHONGS.TTF", ""),
        (Path("/usr/share/fonts/truetype/STZHONGS.TTF"), ""),
        *SONG,
    ],
    "song": SONG,
    "hei": [
        (WINDOWS / "simhei.ttf", ""),
        (UOS / "CESI_HT_GB2312.TTF", ""),
        (DEBIAN / "wqy/wqy-zenhei.ttc", ""),
        (DEBIAN / "wqy/wqy-microhei.ttc", ""),
    ],
    "kai": [
        (WINDOWS / "simkai.ttf", ""),
        (UOS / "CESI_KT_GB2312.TTF", ""),
        (DEBIAN / "arphic/ukai.ttc", "CN"),
    ],
}
# Fonts for the characters the role fonts lack (CJK Extension B and beyond, rare symbols).
# Debian: fonts-babelstone-han or fonts-hanazono (the Makefile and the .deb install the latter).
FALLBACKS: list[Path] = [
    WINDOWS / "simsunb.ttf",  # SimSun-ExtB
    DEBIAN / "babelstone/BabelStoneHan.ttf",
    DEBIAN / "hanazono/HanaMinA.ttf",
    DEBIAN / "hanazono/HanaMinB.ttf",
]
REQUIRED_GLYPHS = "¥〇〔〕壹贰叁肆伍陆柒捌玖拾佰仟万亿元整"
# The Windows names Word looks for (DOCX); a fallback font goes by its own family name.
WORD_NAMES = {"fangsong": "仿宋", "song": "宋体", "hei": "黑体", "kai": "楷体"}
TITLE_WORD_NAMES = {
    "FZXBSJW": "方正小标宋简体",
    "方正小标宋": "方正小标宋简体",
    "STZHONGS": "华文中宋",
}
IGNORED = frozenset("\n\r\t")


@dataclass(frozen=True)
class FontChoice:
    role: str
    path: Path
    index: int
    face: str
    substitute: bool  # not the font the layout asks for

    @property
    def description(self) -> str:
        label = ROLE_LABELS[self.role]
        if self.substitute and self.role == "title":
            return f"{label}：未找到方正小标宋简体、华文中宋，以宋体类 {self.face}（{self.path.name}）代替"
        if self.substitute:
            return f"{label}：未找到，以 {self.face}（{self.path.name}）代替"
        return f"{label}：{self.face}（{self.path.name}）"

    @property
    def word_name(self) -> str:
        """The font name the DOCX asks Word for."""
        if self.role == "title":
            for key, name in TITLE_WORD_NAMES.items():
                if key in self.path.name:
                    return name
            return "宋体"
        return WORD_NAMES[self.role]


class FontError(Exception):
    pass


class MissingGlyph(DomainError):
    """No installed font has a character the document must print; nothing is issued."""

    def __init__(self, char: str, where: str) -> None:
        super().__init__(
            f"无法打印“{char}”（U+{ord(char):04X}，见“{where}”）：本机没有包含该字的字体。"
            "请安装 fonts-hanazono 或 fonts-babelstone-han（Windows：SimSun-ExtB），"
            "或改正该处文字后再出具。"
        )
        self.char = char
        self.where = where


def _family_names(path: Path) -> list[tuple[int, str]]:
    """(face index, family name) of a .ttf/.ttc, read from the name tables only — parsing every
    face of a collection with reportlab takes seconds."""
    import struct

    with path.open("rb") as fh:
        data = fh.read(12)
        if data[:4] == b"ttcf":
            count = struct.unpack(">I", data[8:12])[0]
            offsets = list(struct.unpack(f">{count}I", fh.read(4 * count)))
        else:
            offsets = [0]
        out = []
        for index, offset in enumerate(offsets):
            fh.seek(offset)
            tag, tables = struct.unpack(">IH", fh.read(6))
            if tag == 0x4F54544F:  # 'OTTO': CFF outlines
                log.warning("skipping %s: reportlab cannot embed CFF/OTF outlines", path)
                return []
            fh.seek(offset + 12)
            directory = fh.read(16 * tables)
            name_at = None
            for t in range(tables):
                entry = directory[16 * t : 16 * t + 16]
                if entry[:4] == b"name":
                    name_at = struct.unpack(">I", entry[8:12])[0]
            family = ""
            if name_at is not None:
                fh.seek(name_at)
                _, n, strings = struct.unpack(">HHH", fh.read(6))
                records = fh.read(12 * n)
                found: dict[tuple[int, int], str] = {}
                for r in range(n):
                    platform, _encoding, lang, name_id, length, at = struct.unpack(
                        ">HHHHHH", records[12 * r : 12 * r + 12]
                    )
                    if name_id != 1:
                        continue
                    fh.seek(name_at + strings + at)
                    raw = fh.read(length)
                    text = (
                        raw.decode("utf-16-be", "replace")
                        if platform in (0, 3)
                        else raw.decode("latin-1")
                    )
                    found[(platform, lang)] = text
                family = (
                    found.get((3, 0x409)) or found.get((1, 0)) or next(iter(found.values()), "")
                )
            out.append((index, family))
        return out


def _faces(path: Path) -> list[tuple[int, str]]:
    try:
        return _family_names(path)
    except (OSError, ValueError, IndexError) as exc:  # struct.error is a ValueError
        log.warning("skipping %s: %s", path, exc)
        return []


_parsed: dict[tuple[str, int], Any] = {}


def _ttf(path: Path, index: int) -> Any:
    """reportlab's parse of one face, kept for the process (it is the slow part)."""
    from reportlab.pdfbase.ttfonts import TTFont

    key = (str(path), index)
    if key not in _parsed:
        _parsed[key] = TTFont(f"lcr-{len(_parsed)}", str(path), subfontIndex=index)
    return _parsed[key]


def _covers(path: Path, index: int) -> bool:
    try:
        font = _ttf(path, index)
    except Exception as exc:  # reportlab refuses it (CFF outlines, broken tables)
        log.warning("skipping %s: %s", path, exc)
        return False
    return all(ord(ch) in font.face.charToGlyph for ch in REQUIRED_GLYPHS)


def _configured(role: str) -> tuple[Path, str] | None:
    value = os.environ.get(f"LCREGULATOR_FONT_{role.upper()}")
    if not value:
        return None
    path, _, index = value.partition(",")
    return Path(path), index


def _is_substitute(role: str, path: Path) -> bool:
    name = path.name
    if role == "fangsong":
        return not ("fang" in name.lower() or "_FS_" in name)
    if role == "title":
        return not any(key in name for key in (*TITLE_WORD_NAMES, "XBS"))
    return False  # 宋/黑/楷 from Debian are the same styles


@cache
def choose(role: str) -> FontChoice:
    candidates = list(CANDIDATES[role])
    configured = _configured(role)
    if configured:
        candidates.insert(0, configured)
    for path, want in candidates:
        if not path.is_file():
            continue
        faces = _faces(path)
        if want.isdigit():
            faces = [f for f in faces if f[0] == int(want)]
        elif want:
            faces = [f for f in faces if want in f[1]] or faces
        for index, face in faces:
            if not _covers(path, index):
                log.warning("%s lacks glyphs such as ¥ or 〇; skipped", path)
                continue
            choice = FontChoice(role, path, index, face, _is_substitute(role, path))
            log.info("document font %s", choice.description)
            return choice
    raise FontError(
        f"找不到可用的{ROLE_LABELS[role]}字体。请安装 fonts-arphic-uming、fonts-wqy-zenhei，"
        f"或设置 LCREGULATOR_FONT_{role.upper()} 指向一个 TrueType 字体文件。"
    )


def report() -> list[str]:
    """One line per role, for the settings screen and the log."""
    lines = []
    for role in ROLES:
        try:
            lines.append(choose(role).description)
        except FontError as exc:
            lines.append(str(exc))
    found = [p.name for p in FALLBACKS if p.is_file()]
    lines.append("生僻字（扩展B区等）：" + ("、".join(found) if found else "未安装补充字体"))
    return lines


@dataclass
class Face:
    """One registered font: its reportlab name, the name Word uses, and its widths per point."""

    name: str
    word_name: str
    font: Any
    widths: dict[str, float] = field(default_factory=dict)

    def has(self, ch: str) -> bool:
        return ord(ch) in self.font.face.charToGlyph

    def width(self, ch: str) -> float:
        w = self.widths.get(ch)
        if w is None:
            w = self.widths[ch] = self.font.stringWidth(ch, 1.0)
        return w


class FontSet:
    """The fonts of one process, registered with reportlab once.

    ``pick(role, ch)`` answers which face prints ``ch`` for a role: the role's own font when it
    has the glyph, otherwise the first fallback that has it, or ``None``."""

    def __init__(self) -> None:
        self._by_file: dict[tuple[str, int], Face] = {}
        self.choices = {role: choose(role) for role in ROLES}
        self.roles = {
            role: self._register(c.path, c.index, c.word_name) for role, c in self.choices.items()
        }
        self._fallbacks: list[Face] | None = None
        self._fallback_lock = threading.Lock()
        self._picked: dict[tuple[str, str], Face | None] = {}

    def _register(self, path: Path, index: int, word_name: str) -> Face:
        from reportlab.pdfbase import pdfmetrics

        key = (str(path), index)
        if key not in self._by_file:
            font = _ttf(path, index)
            pdfmetrics.registerFont(font)
            self._by_file[key] = Face(font.fontName, word_name, font)
        return self._by_file[key]

    @property
    def fallbacks(self) -> list[Face]:
        """Loaded on the first character the role fonts lack (they are large), or ahead of time
        by the GUI's worker thread."""
        with self._fallback_lock:
            return self._load_fallbacks()

    def _load_fallbacks(self) -> list[Face]:
        if self._fallbacks is None:
            extra = []
            for path in FALLBACKS:
                if not path.is_file():
                    continue
                try:
                    face = self._register(path, 0, "")
                except Exception as exc:  # a broken or CFF font: skip it, say so
                    log.warning("fallback font %s unusable: %s", path, exc)
                    continue
                fam = face.font.face.familyName
                face.word_name = fam.decode("latin-1") if isinstance(fam, bytes) else str(fam)
                extra.append(face)
            roles = [self.roles[r] for r in ("song", "fangsong", "hei", "kai")]
            self._fallbacks = extra + [f for f in roles if f not in extra]
        return self._fallbacks

    def pick(self, role: str, ch: str) -> Face | None:
        key = (role, ch)
        try:
            return self._picked[key]
        except KeyError:
            pass
        face: Face | None = self.roles[role]
        if not face.has(ch):  # type: ignore[union-attr]
            face = next((f for f in self.fallbacks if f.has(ch)), None)
        self._picked[key] = face
        return face

    def missing(self, role: str, text: str) -> str | None:
        """The first character of ``text`` that no font can print, or ``None``."""
        for ch in text:
            if ch not in IGNORED and self.pick(role, ch) is None:
                return ch
        return None


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap writes each code point as 4 hex digits, which garbles a
    character beyond the BMP (𠮷 U+20BB7 reads back as U+20BB); this one writes UTF-16, so such
    a name can be searched and copied from the PDF. Installed in place of reportlab's function
    (looked up at call time) when the fonts load."""

    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()

    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{i:02X}> <{utf16(v)}>" for i, v in enumerate(subset)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


_lock = threading.Lock()
_loaded: FontSet | None = None


def load() -> FontSet:
    """The process's fonts, parsed and registered on first use (about a second); thread-safe so
    the GUI can warm them up off the UI thread."""
    global _loaded
    with _lock:
        if _loaded is None:
            from reportlab.pdfbase import ttfonts

            ttfonts.makeToUnicodeCMap = _to_unicode_cmap
            _loaded = FontSet()
        return _loaded


def loaded() -> bool:
    return _loaded is not None


def check(items: Iterable[tuple[str, str, str]]) -> None:
    """Raise :class:`MissingGlyph` for the first character no installed font has.

    ``items`` are (where, role, text): the field or part of the document, the font role, the
    text printed there."""
    fs = load()
    for where, role, text in items:
        ch = fs.missing(role, printable(text))
        if ch is not None:
            raise MissingGlyph(ch, where)
