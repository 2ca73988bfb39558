"""The provision picker finds an article however an officer writes its number."""

from __future__ import annotations

from lcregulator.domain.parties import PartyRole
from lcregulator.domain.provisions import for_roles, matches


def found(query: str) -> list[str]:
    return [p.id for p in for_roles(set(PartyRole)) if matches(p, query)]


def test_article_numbers_in_digits_or_chinese() -> None:
    assert found("58") == ["M58"]
    assert found("第58条") == ["M58"]
    assert found("五十八") == ["M58"]
    assert found("第60条") == ["M60/price-marking", "M60/price-fraud"]


def test_words_and_blank() -> None:
    assert "M60/price-marking" in found("明码标价")
    assert len(found("  ")) == len(found(""))
    assert found("第999条") == []
