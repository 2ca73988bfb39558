"""证据: files kept by their SHA-256 so that any later change to them can be shown.

电子数据 (live replays, screenshots, platform exports) is only as good as the proof that it has
not changed since it was taken; the hash taken at intake is printed on the 电子数据证据提取笔录
and re-checked on demand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .authority import OfficerId
from .errors import ValidationError

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
MAX_EVIDENCE_BYTES = 4 * 1024**3  # a long live replay; larger files must be split


def sha256_of(stream: BinaryIO, chunk: int = 1024 * 1024) -> tuple[str, int]:
    """Hash a stream without loading it whole; returns (hex digest, size in bytes)."""
    digest = hashlib.sha256()
    size = 0
    while block := stream.read(chunk):
        digest.update(block)
        size += len(block)
    return digest.hexdigest(), size


def sha256_of_file(path: Path) -> tuple[str, int]:
    with path.open("rb") as fh:
        return sha256_of(fh)


@dataclass(slots=True)
class Evidence:
    sha256: str
    original_name: str
    size: int
    media_type: str
    captured_at: dt.datetime
    captured_by: OfficerId | None
    description: str = ""
    source_url: str = ""
    id: int | None = None

    def validate(self) -> None:
        if not SHA256_RE.match(self.sha256):
            raise ValidationError("evidence.sha256", "证据文件的 SHA-256 值格式错误。")
        if not self.original_name.strip():
            raise ValidationError("evidence.original_name", "证据文件须有原始文件名。")
        if self.size < 0 or self.size > MAX_EVIDENCE_BYTES:
            raise ValidationError(
                "evidence.size", "证据文件过大（单个文件不超过 4 GB），请分段提取。"
            )
        if self.source_url and not re.match(r"^(https?|ftp)://", self.source_url):
            raise ValidationError("evidence.source_url", "来源网址应以 http:// 或 https:// 开头。")
