"""Korean with kiwipiepy: content morphemes kept, particles and endings dropped, compounds indexed whole.

``텔레그램에서``, ``텔레그램을`` and ``텔레그램`` all give ``텔레그램``. Kiwi splits some compounds
(``불법촬영물`` into ``불법`` + ``촬영`` + ``물``): at index time the whole compound is added as an
overlay at the position of its first part, so both the whole word and its parts match.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, NamedTuple

from whoosh.analysis import LowercaseFilter, StopFilter
from whoosh.analysis.analyzers import CompositeAnalyzer

from indexer.analysis.english import latin_pieces
from indexer.analysis.filters import LatinStemFilter
from indexer.analysis.pieces import Piece, PieceTokenizer
from indexer.analysis.stopwords import STOP_WORDS

# Nouns, proper nouns, numerals, verb and adjective stems, roots, foreign words, numbers, Hanja, web tokens.
KEEP_TAGS = frozenset(
    {"NNG", "NNP", "NR", "VV", "VA", "XR", "SL", "SN", "SH", "W_URL", "W_EMAIL", "W_HASHTAG", "W_SERIAL"}
)
# Tags that may form a compound when written together (bound nouns such as 번 in N번방 included).
COMPOUND_TAGS = frozenset({"NNG", "NNP", "NR", "XR", "SL", "SN", "SH", "NNB"})
CACHE_SIZE = 200_000


class Morpheme(NamedTuple):
    """The parts of a Kiwi token we use; plain data, so analyses can be cached on disk between builds."""

    form: str
    tag: str
    start: int
    end: int


_lock = threading.Lock()
_cache: OrderedDict[str, list[Morpheme]] = OrderedDict()


@cache
def kiwi() -> Any:
    """The process's one Kiwi, with our user dictionary (built on first use, about 1 s)."""
    from kiwipiepy import Kiwi

    instance = Kiwi()
    for line in resources.files("indexer.analysis").joinpath("ko_userdict.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, tag = line.split("\t")
            instance.add_user_word(word.strip(), tag.strip())
    return instance


def _plain(tokens: Iterable[Any]) -> list[Morpheme]:
    return [Morpheme(t.form, t.tag, t.start, t.end) for t in tokens]


def _morphemes(text: str) -> list[Morpheme]:
    cached = _cache.get(text)
    if cached is not None:
        return cached
    with _lock:
        tokens = _plain(kiwi().tokenize(text))
        _cache[text] = tokens
        if len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return tokens


def prime_korean(texts: Iterable[str]) -> None:
    """Analyse many texts in one batched Kiwi call (about twice as fast) and cache the results."""
    todo = [t for t in dict.fromkeys(texts) if t not in _cache]
    if not todo:
        return
    with _lock:
        for text, tokens in zip(todo, kiwi().tokenize(todo), strict=True):
            _cache[text] = _plain(tokens)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


@cache
def cache_version() -> str:
    """What a cached analysis depends on: the Kiwi version, its model and our user dictionary."""
    digest = hashlib.sha256()
    for package in ("kiwipiepy", "kiwipiepy_model"):
        try:
            digest.update(metadata.version(package).encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    digest.update(resources.files("indexer.analysis").joinpath("ko_userdict.txt").read_bytes())
    return digest.hexdigest()[:16]


Analyses = dict[str, list[tuple[str, str, int, int]]]


def korean_cache_part(texts: Iterable[str]) -> bytes:
    """The cached analyses of ``texts``, pickled as plain tuples: one part of a cache file."""
    with _lock:
        entries: Analyses = {t: [tuple(m) for m in _cache[t]] for t in dict.fromkeys(texts) if t in _cache}
    return pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)


def write_korean_cache(path: Path, parts: list[bytes]) -> None:
    """Write a cache file atomically: the cache version and the number of parts, then the parts.

    Parts made in other processes (by :func:`korean_cache_part`) are written as they are, never unpickled here.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        pickle.dump({"version": cache_version(), "parts": len(parts)}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        for part in parts:
            handle.write(part)
    os.replace(tmp, path)


def save_korean_cache(path: Path, texts: Iterable[str]) -> None:
    """Save the cached analyses of ``texts`` to ``path``, for the next build to reuse."""
    write_korean_cache(path, [korean_cache_part(texts)])


def load_korean_cache(path: Path) -> int:
    """Add the analyses saved at ``path`` (by :func:`write_korean_cache`) to the cache; how many were added.

    A missing, damaged or outdated file (another Kiwi, model, user dictionary or file layout) adds nothing.
    """
    try:
        with open(path, "rb") as handle:
            header = pickle.load(handle)
            if header.get("version") != cache_version():
                return 0
            parts: list[Analyses] = [pickle.load(handle) for _ in range(header["parts"])]
    except Exception:  # noqa: BLE001 - a cache that cannot be read is simply not used
        return 0
    added = 0
    with _lock:
        for entries in parts:
            for text, tokens in entries.items():
                if text not in _cache and len(_cache) < CACHE_SIZE:
                    _cache[text] = [Morpheme(*t) for t in tokens]
                    added += 1
    return added


def _compound_groups(tokens: list[Any]) -> list[list[int]]:
    """Runs of two or more morphemes written together that can form one compound word."""
    groups: list[list[int]] = []
    run: list[int] = []
    for i, token in enumerate(tokens):
        if token.tag.split("-")[0] in COMPOUND_TAGS and run and token.start == tokens[run[-1]].end:
            run.append(i)
            continue
        if len(run) > 1:
            groups.append(run)
        run = [i] if token.tag.split("-")[0] in COMPOUND_TAGS else []
    if len(run) > 1:
        groups.append(run)
    return groups


def _emitted(token: Any, offset: int) -> list[Piece]:
    tag = token.tag.split("-")[0]
    if tag == "SL":
        return latin_pieces(token.form, token.start + offset)
    if tag in KEEP_TAGS:
        return [Piece(token.form, token.start + offset, token.end + offset)]
    return []


def korean_pieces(text: str, query: bool = False, offset: int = 0) -> list[Piece]:
    """Content morphemes of ``text`` and, unless ``query``, whole compounds as overlays."""
    tokens = _morphemes(text)
    compound_after: dict[int, Piece] = {}
    if not query:
        for group in _compound_groups(tokens):
            start, end = tokens[group[0]].start, tokens[group[-1]].end
            anchor = next((i for i in group if _emitted(tokens[i], 0)), None)
            if anchor is not None:
                compound_after[anchor] = Piece(text[start:end], start + offset, end + offset, True)
    pieces: list[Piece] = []
    for i, token in enumerate(tokens):
        pieces.extend(_emitted(token, offset))
        if i in compound_after:
            pieces.append(compound_after[i])
    return pieces


class KiwiTokenizer(PieceTokenizer):
    """Korean morphemes from kiwipiepy, honouring the whoosh tokenizer contract."""

    def pieces(self, text: str, query: bool) -> list[Piece]:
        return korean_pieces(text, query)


def KoreanAnalyzer() -> CompositeAnalyzer:  # noqa: N802
    """Kiwi morphemes | lower-case | stop words | stemming of Latin words."""
    return (
        KiwiTokenizer()
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1, renumber=False)
        | LatinStemFilter()
    )
