from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest

from lcregulator.domain.errors import ValidationError
from lcregulator.domain.evidence import Evidence, sha256_of


def test_streamed_hash_matches_hashlib_across_chunk_boundaries() -> None:
    data = bytes(range(256)) * 9000  # 2.3 MB: several chunks
    digest, size = sha256_of(io.BytesIO(data), chunk=1 << 20)
    assert digest == hashlib.sha256(data).hexdigest()
    assert size == len(data)


def test_evidence_validation() -> None:
    good = Evidence(
        sha256="a" * 64,
        original_name="回放.mp4",
        size=10,
        media_type="video/mp4",
        captured_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
        captured_by=None,
        source_url="https://live.example.cn/replay/1",
    )
    good.validate()
    good.source_url = "live.example.cn"
    with pytest.raises(ValidationError) as info:
        good.validate()
    assert info.value.field == "evidence.source_url"
