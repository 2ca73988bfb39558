"""Finding Chinese fonts for the documents, in the order DESIGN §7 gives.

1. a font the administrator configured (``LCREGULATOR_FONT_<ROLE>`` = path[,index]);
2. the Windows fonts (simfang.ttf 仿宋, simsun.ttc 宋体, simhei.ttf 黑体, simkai.ttf 楷体);
3. the UOS/Kylin font folders;
4. Debian's free fonts (AR PL UMing 宋, WenQuanYi Zen Hei 黑, AR PL UKai 楷).
There is no free simplified 仿宋 on Debian: the substitute is named in the settings screen and the
log. reportlab cannot embed CFF/OTF outlines (Noto CJK), so those are skipped with a message;
a font must cover ¥ and 〇, which GB2312-only fonts lack. Fonts are embedded as subsets.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

ROLES = ("fangsong", "song", "hei", "kai")
ROLE_LABELS = {"fangsong": "仿宋", "song": "宋体", "hei": "黑体", "kai": "楷体"}
WINDOWS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
CANDIDATES: dict[str, list[tuple[Path, str]]] = {
    "fangsong": [
        (WINDOWS / "simfang.ttf", ""),
        (Path("/usr/share/fonts/fonts-cesi/CESI_FS_GB2312.TTF"), ""),
        (Path("/usr/share/fonts/truetype/fangsong/simfang.ttf"), ""),
        (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), "CN"),
    ],
    "song": [
        (WINDOWS / "simsun.ttc", ""),
        (Path("/usr/share/fonts/fonts-cesi/CESI_SS_GB2312.TTF"), ""),
        (Path("/usr/share/fonts/truetype/arphic/uming.ttc"), "CN"),
    ],
    "hei": [
        (WINDOWS / "simhei.ttf", ""),
        (Path("/usr/share/fonts/fonts-cesi/CESI_HT_GB2312.TTF"), ""),
        (Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), ""),
        (Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), ""),
    ],
    "kai": [
        (WINDOWS / "simkai.ttf", ""),
        (Path("/usr/share/fonts/fonts-cesi/CESI_KT_GB2312.TTF"), ""),
        (Path("/usr/share/fonts/truetype/arphic/ukai.ttc"), "CN"),
    ],
}
REQUIRED_GLYPHS = "¥〇〔〕壹贰叁肆伍陆柒捌玖拾佰仟万亿元整"


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
        if self.substitute:
            return f"{label}：未找到，以 {self.face}（{self.path.name}）代替"
        return f"{label}：{self.face}（{self.path.name}）"


class FontError(Exception):
    pass


def _faces(path: Path) -> list[tuple[int, str]]:
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    out = []
    for index in range(8):
        try:
            font = TTFont(f"probe{index}", str(path), subfontIndex=index)
        except TTFError as exc:
            if "CFF" in str(exc) or "postscript" in str(exc).lower():
                log.warning("skipping %s: reportlab cannot embed CFF/OTF outlines", path)
                return []
            break
        except (OSError, IndexError, ValueError):
            break
        name = font.face.name
        out.append((index, name.decode("latin-1") if isinstance(name, bytes) else str(name)))
        if not str(path).lower().endswith(".ttc"):
            break
    return out


def _covers(path: Path, index: int) -> bool:
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont("cover", str(path), subfontIndex=index)
    return all(ord(ch) in font.face.charToGlyph for ch in REQUIRED_GLYPHS)


def _configured(role: str) -> tuple[Path, str] | None:
    value = os.environ.get(f"LCREGULATOR_FONT_{role.upper()}")
    if not value:
        return None
    path, _, index = value.partition(",")
    return Path(path), index


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
            # Only 仿宋 has no free equivalent; 宋/黑/楷 from Debian are the same styles.
            substitute = role == "fangsong" and not (
                "fang" in path.name.lower() or "_FS_" in path.name
            )
            choice = FontChoice(role, path, index, face, substitute)
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
    return lines
