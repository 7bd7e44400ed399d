"""Mixed-script text: Hangul runs go to Kiwi, Han runs to jieba, the rest is split as Latin words.

Every text field uses this analyzer, because any field can mix scripts (``N번방``,
``Telegram 텔레그램``, ``韩国N号房``) and a query must be analysed exactly as the documents were.
Latin words and digits written inside a Korean or Chinese run stay in that run, so Kiwi and jieba
see them in context.
"""

from __future__ import annotations

import re

from whoosh.analysis import LowercaseFilter, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer

from indexer.analysis.chinese import chinese_pieces
from indexer.analysis.english import latin_pieces
from indexer.analysis.filters import LatinStemFilter
from indexer.analysis.korean import korean_pieces
from indexer.analysis.pieces import Piece, PieceTokenizer
from indexer.analysis.stopwords import STOP_WORDS

HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHUNK_RE = re.compile(r"\S+")
_HANGUL_RE = re.compile(f"[{HANGUL}]")
_HAN_RE = re.compile(f"[{HAN}]")


def script_runs(text: str) -> list[tuple[str, int, int]]:
    """Split ``text`` into (script, start, end) runs: ``ko``, ``zh`` or ``latin``.

    A whitespace-separated chunk with Hangul is Korean, with Han (and no Hangul) Chinese; Latin
    chunks join the Korean or Chinese run around them.
    """
    runs: list[list[object]] = []
    for match in _CHUNK_RE.finditer(text):
        chunk = match.group()
        script = "ko" if _HANGUL_RE.search(chunk) else "zh" if _HAN_RE.search(chunk) else "latin"
        if runs and (runs[-1][0] == script or script == "latin" and runs[-1][0] != "latin"):
            runs[-1][2] = match.end()
        elif runs and runs[-1][0] == "latin" and script != "latin" and len(runs) == 1:
            runs[-1][0], runs[-1][2] = script, match.end()
        else:
            runs.append([script, match.start(), match.end()])
    return [(str(s), int(a), int(b)) for s, a, b in runs]  # type: ignore[call-overload]


def multilingual_pieces(text: str, query: bool = False) -> list[Piece]:
    pieces: list[Piece] = []
    for script, start, end in script_runs(text):
        segment = text[start:end]
        if script == "ko":
            pieces.extend(korean_pieces(segment, query, start))
        elif script == "zh":
            pieces.extend(chinese_pieces(segment, query, start))
        else:
            pieces.extend(latin_pieces(segment, start))
    return pieces


def korean_segments(text: str) -> list[str]:
    """The Korean runs of ``text`` exactly as :func:`multilingual_pieces` passes them to Kiwi."""
    return [text[a:b] for script, a, b in script_runs(text) if script == "ko"]


class ScriptTokenizer(PieceTokenizer):
    """Routes each script run of the text to its own segmenter."""

    def pieces(self, text: str, query: bool) -> list[Piece]:
        return multilingual_pieces(text, query)


def MultilingualAnalyzer() -> CompositeAnalyzer:  # noqa: N802
    """Script runs (Kiwi / jieba / Latin) | lower-case | stop words | stemming of Latin words."""
    return (
        ScriptTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=False)
        | LatinStemFilter()
    )
