"""Chinese with jieba: Traditional folded to Simplified, a legal user dictionary, sub-words as overlays.

jieba's own ``ChineseAnalyzer`` sets ``pos`` to a character offset and ignores the whoosh contract;
this tokenizer gives each word an ordinal position and lets the search-mode sub-words of a long
word (``互联网`` → ``互联``, ``联网``) share that word's position, so phrase queries still match.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from importlib import resources
from typing import Any

from whoosh.analysis import LowercaseFilter, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer

from indexer.analysis.english import WORD_RE
from indexer.analysis.filters import LatinStemFilter
from indexer.analysis.pieces import Piece, PieceTokenizer
from indexer.analysis.stopwords import STOP_WORDS

_lock = threading.Lock()


@cache
def segmenter() -> Any:
    """The process's jieba tokenizer with our legal user dictionary (dictionary loads in about 1 s)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    path = resources.files("indexer.analysis").joinpath("zh_userdict.txt")
    with resources.as_file(path) as file, open(file, "rb") as handle:
        tokenizer.load_userdict(handle)
    return tokenizer


@cache
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Fold Traditional characters to Simplified, keeping the length (so offsets stay valid)."""
    converted = _t2s().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c) == 1 else o for o, c in ((o, _t2s().convert(o)) for o in text))


def chinese_pieces(text: str, query: bool = False, offset: int = 0) -> list[Piece]:
    """Words of ``text`` after folding; unless ``query``, dictionary sub-words of long words as overlays."""
    folded = to_simplified(text)
    tokenizer = segmenter()
    with _lock:
        words = list(tokenizer.tokenize(folded, HMM=True))
    pieces: list[Piece] = []
    for word, start, end in words:
        if not WORD_RE.match(word):
            continue
        if word.isascii():
            pieces.extend(
                Piece(m.group(), start + m.start() + offset, start + m.end() + offset) for m in WORD_RE.finditer(word)
            )
            continue
        pieces.append(Piece(word, start + offset, end + offset))
        if query or len(word) <= 2:
            continue
        for size in (2, 3):
            for i in range(len(word) - size + 1):
                gram = word[i : i + size]
                if gram != word and tokenizer.FREQ.get(gram):
                    pieces.append(Piece(gram, start + i + offset, start + i + size + offset, True))
    return pieces


class JiebaTokenizer(PieceTokenizer):
    """Chinese words from jieba, honouring the whoosh tokenizer contract."""

    def pieces(self, text: str, query: bool) -> list[Piece]:
        return chinese_pieces(text, query)


def ChineseAnalyzer() -> CompositeAnalyzer:  # noqa: N802
    """jieba words (Traditional folded) | lower-case | stop words | stemming of Latin words."""
    return (
        JiebaTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=False)
        | LatinStemFilter()
    )
