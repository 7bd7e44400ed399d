"""English (and any Latin-script) words: split on word characters, lower-case, drop stop words, stem."""

from __future__ import annotations

import re

from whoosh.analysis import LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer

from indexer.analysis.pieces import Piece
from indexer.analysis.stopwords import STOP_WORDS

WORD_RE = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def latin_pieces(text: str, offset: int = 0) -> list[Piece]:
    """Words of a Latin-script span, with offsets shifted by ``offset``."""
    return [Piece(m.group(), m.start() + offset, m.end() + offset) for m in WORD_RE.finditer(text)]


def EnglishAnalyzer() -> CompositeAnalyzer:  # noqa: N802 - whoosh names analyzer factories like classes
    """Regex words | lower-case | English stop words | Porter stemming."""
    return (
        RegexTokenizer(WORD_RE.pattern)
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=False)
        | StemFilter(cachesize=50000)
    )
