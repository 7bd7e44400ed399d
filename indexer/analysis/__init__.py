"""Language analysis in the style of ``whoosh.analysis``: tokenizers and filters composed with ``|``."""

from indexer.analysis.chinese import ChineseAnalyzer, JiebaTokenizer
from indexer.analysis.english import EnglishAnalyzer
from indexer.analysis.filters import LatinStemFilter
from indexer.analysis.korean import KiwiTokenizer, KoreanAnalyzer, prime_korean
from indexer.analysis.multilingual import MultilingualAnalyzer, ScriptTokenizer, korean_segments
from indexer.analysis.normalize import normalize_text

__all__ = [
    "ChineseAnalyzer",
    "EnglishAnalyzer",
    "JiebaTokenizer",
    "KiwiTokenizer",
    "KoreanAnalyzer",
    "LatinStemFilter",
    "MultilingualAnalyzer",
    "ScriptTokenizer",
    "korean_segments",
    "normalize_text",
    "prime_korean",
]
