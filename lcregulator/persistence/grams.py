"""One- and two-character grams of the search text: the index for the shortest search terms.

FTS5's trigram tokenizer (and PostgreSQL's ``pg_trgm``) cannot answer a term shorter than three
characters, yet officers search for a surname or 食品 all day. Every distinct single character
and every pair of neighbouring characters of a case's search text is therefore indexed as a
token of its own (SQLite: the FTS5 table ``case_search_grams``; PostgreSQL: a GIN index on
``lcr_grams(text)``), and a term of one or two characters becomes one index lookup.

On SQLite the FTS5 ``unicode61`` tokenizer keeps letters and digits (``L*``, ``N*``) and splits
on everything else, so grams are made only of characters for which ``str.isalnum()`` is true;
a short term with punctuation in it (``〔2``) is answered by a scan instead (:func:`indexable`).
"""

from __future__ import annotations

SQL_FUNCTION = "lcr_grams"  # registered on every SQLite connection; defined in SQL on PostgreSQL


def grams(text: str | None) -> str:
    """The distinct 1- and 2-character grams of ``text`` (lower-cased), separated by spaces."""
    if not text:
        return ""
    seen: dict[str, None] = {}
    previous = ""
    for char in text.lower():
        if char.isalnum():
            seen[char] = None
            if previous:
                seen[previous + char] = None
            previous = char
        else:
            previous = ""
    return " ".join(seen)


def indexable(term: str) -> bool:
    """Whether the grams index answers ``term`` on SQLite: one or two letters or digits."""
    return 1 <= len(term) <= 2 and term.isalnum()
