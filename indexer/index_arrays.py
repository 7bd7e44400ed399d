"""The whoosh index as numpy arrays: postings, field lengths, facet values and dates, per build.

whoosh keeps postings in pickled blocks and reads them one document at a time. Scoring a query
over tens of thousands of documents that way costs seconds in Python, so :mod:`indexer.scoring`
works on arrays instead: each term's document numbers and weights are decoded once, block by
block, and kept in a bounded cache (a build never changes, so nothing goes stale). Field lengths,
facet values and dates are read once when the build is opened.
"""

from __future__ import annotations

import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from math import log

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.system import _INT_SIZE
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long

# Postings kept decoded, counted in postings (24 bytes each): about 190 MB.
POSTINGS_CACHE_SIZE = 8_000_000
# Position lists kept (encoded, decoded when a phrase is checked), counted in postings.
POSITIONS_CACHE_SIZE = 2_000_000
# whoosh stores a field's length in one byte; this table decodes it as whoosh does.
_LENGTH_OF_BYTE = np.array([0.0] + [float(byte_to_length(b)) for b in range(1, 256)])
NO_DATE = np.iinfo(np.int64).min
# whoosh's BM25F defaults.
BM25_B = 0.75
BM25_K1 = 1.2


@dataclass(frozen=True)
class Postings:
    """One term's postings: sorted document numbers, weights (term frequencies) and, as whoosh's BM25F
    would give them, the term's scores in those documents (the weights, in a field that is not scored)."""

    docs: np.ndarray
    weights: np.ndarray
    scores: np.ndarray


@dataclass(frozen=True)
class Positions:
    """One term's encoded position lists, in the order of its postings."""

    values: list[bytes]

    def of(self, index: int) -> set[int]:
        """The positions of the term in its ``index``-th posting.

        whoosh's ``Positions`` format stores a count (4 bytes) then the pickled position gaps, the
        pickle's final ``.`` sometimes left off; ``Positions.decode_positions`` reads it in a loop.
        """
        value = self.values[index]
        gaps = pickle.loads(value[_INT_SIZE:] if value.endswith(b".") else value[_INT_SIZE:] + b".")
        return set(accumulate(gaps))


EMPTY = Postings(np.zeros(0, dtype=np.int64), np.zeros(0), np.zeros(0))


@dataclass(frozen=True)
class Facet:
    """A facet's values (``labels``) and who holds them: one value per document in ``codes`` (-1: none),
    or, where a document can hold several (topics), a value-by-document matrix of ones."""

    labels: list[str]
    codes: np.ndarray | None = None
    members: np.ndarray | None = None

    @classmethod
    def of(cls, labels: list[str], holders: list[np.ndarray], size: int) -> Facet:
        """The facet whose ``labels[i]`` is held by the documents ``holders[i]``."""
        every = np.concatenate(holders) if holders else np.zeros(0, dtype=np.int64)
        if len(np.unique(every)) == len(every):
            codes = np.full(size, -1, dtype=np.int32)
            for i, docs in enumerate(holders):
                codes[docs] = i
            return cls(labels, codes=codes)
        members = np.zeros((len(labels), size), dtype=np.float32)
        for i, docs in enumerate(holders):
            members[i, docs] = 1.0
        return cls(labels, members=members)

    def held(self) -> np.ndarray:
        """The documents that hold any value."""
        return self.codes >= 0 if self.codes is not None else np.asarray(self.members).any(axis=0)

    def counts(self, mask: np.ndarray) -> dict[str, int]:
        """How many documents in ``mask`` hold each value."""
        if self.codes is not None:
            hits = np.bincount(self.codes[mask] + 1, minlength=len(self.labels) + 1)[1:]
        else:
            assert self.members is not None
            hits = self.members @ mask.astype(np.float32)  # exact: counts stay far below 2**24
        return {label: int(n) for label, n in zip(self.labels, hits, strict=True) if n}


def _leaf_blocks(reader: IndexReader, fieldname: str, term: bytes) -> Iterator[W3LeafMatcher]:
    """The matcher of ``term`` in one segment, positioned on each of its blocks in turn (up to 128
    postings each: ids, weights and encoded values), for reading whole blocks at once."""
    if (fieldname, term) not in reader:
        return
    matcher = reader.postings(fieldname, term)
    assert isinstance(matcher, W3LeafMatcher), "the index is written with whoosh's default codec"
    while matcher.is_active():
        yield matcher
        matcher._next_block()


def _leaf_postings(reader: IndexReader, fieldname: str, term: bytes) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Document numbers and weights of ``term`` in one segment."""
    docs: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    for block in _leaf_blocks(reader, fieldname, term):
        block._read_ids()
        block._read_weights()
        docs.append(np.asarray(block._ids, dtype=np.int64))
        weights.append(np.asarray(block._weights, dtype=np.float64))
    return docs, weights


class IndexArrays:
    """Read-only arrays over one opened index, shared by every thread serving the build."""

    def __init__(self, searcher: Searcher) -> None:
        self.searcher = searcher
        self.schema = searcher.schema
        self.doc_count = searcher.doc_count_all()
        self.leaves = searcher.reader().leaf_readers()
        self._postings: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._cached = 0
        self._positions: OrderedDict[tuple[str, str], Positions] = OrderedDict()
        self._positions_cached = 0
        self._lock = threading.Lock()
        self.lengths = {name: self._lengths(name) for name in self.schema.scorable_names()}
        self.average_length = {name: searcher.avg_field_length(name) or 1.0 for name in self.lengths}
        self.facets = {
            "jurisdiction": self._facet("jurisdiction"),
            "kind": self._facet("kind"),
            "topics": self._facet("topics"),
            "year": self._year_facet(),
        }
        self.dates = self._dates()

    def _lengths(self, fieldname: str) -> np.ndarray:
        parts = []
        for reader, _ in self.leaves:
            column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            codes = np.array(list(column) if column is not None else [0] * reader.doc_count_all(), dtype=np.uint8)
            parts.append(_LENGTH_OF_BYTE[codes])
        return np.concatenate(parts) if parts else np.zeros(0)

    def _dates(self) -> np.ndarray:
        parts = []
        for reader, _ in self.leaves:
            # Undated documents hold a placeholder beyond the int64 range; they are masked out below.
            parts.append(np.array(list(reader.column_reader("date", translate=False)), dtype=np.uint64))
        dates = np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)
        dated = self.facets["year"].held()
        return np.where(dated, np.minimum(dates, np.iinfo(np.int64).max).astype(np.int64), NO_DATE)

    def _facet_from_terms(self, fieldname: str, terms: list[tuple[str, bytes]]) -> Facet:
        holders = [self.postings_of_bytes(fieldname, term, cache=False).docs for _, term in terms]
        return Facet.of([label for label, _ in terms], holders, self.doc_count)

    def _facet(self, fieldname: str) -> Facet:
        terms = sorted(set(self.searcher.reader().lexicon(fieldname)))
        return self._facet_from_terms(fieldname, [(term.decode("utf-8"), term) for term in terms])

    def _year_facet(self) -> Facet:
        field = self.schema["year"]
        terms = sorted(set(field.sortable_terms(self.searcher.reader(), "year")))
        return self._facet_from_terms("year", [(str(field.from_bytes(term)), term) for term in terms])

    def postings_of_bytes(self, fieldname: str, term: bytes, cache: bool = True) -> Postings:
        """Postings of an encoded term across all segments (cached unless ``cache`` is false)."""
        key = (fieldname, term.decode("utf-8", "surrogateescape"))
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        docs: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        with self._lock:  # the shared searcher's file handles are not thread-safe
            for reader, offset in self.leaves:
                leaf_docs, leaf_weights = _leaf_postings(reader, fieldname, term)
                docs.extend(d + offset for d in leaf_docs)
                weights.extend(leaf_weights)
        postings = self._scored(fieldname, np.concatenate(docs), np.concatenate(weights)) if docs else EMPTY
        if cache:
            self._remember(key, postings)
        return postings

    def _remember(self, key: tuple[str, str], postings: Postings) -> None:
        with self._lock:
            if key in self._postings:
                return
            self._postings[key] = postings
            self._cached += len(postings.docs)
            while self._cached > POSTINGS_CACHE_SIZE and len(self._postings) > 1:
                _, dropped = self._postings.popitem(last=False)
                self._cached -= len(dropped.docs)

    def positions(self, fieldname: str, text: str) -> Positions:
        """Position lists of ``text`` in ``fieldname`` (a field indexed with positions)."""
        key = (fieldname, text)
        term = self.schema[fieldname].to_bytes(text)
        with self._lock:
            found = self._positions.get(key)
            if found is not None:
                self._positions.move_to_end(key)
                return found
            values: list[bytes] = []
            for reader, _ in self.leaves:
                for block in _leaf_blocks(reader, fieldname, term):
                    block._read_values()
                    values.extend(block._values)
            found = Positions(values)
            self._positions[key] = found
            self._positions_cached += len(values)
            while self._positions_cached > POSITIONS_CACHE_SIZE and len(self._positions) > 1:
                _, dropped = self._positions.popitem(last=False)
                self._positions_cached -= len(dropped.values)
        return found

    def postings(self, fieldname: str, text: str) -> Postings:
        """Postings of ``text`` in ``fieldname``."""
        return self.postings_of_bytes(fieldname, self.schema[fieldname].to_bytes(text))

    def _scored(self, fieldname: str, docs: np.ndarray, weights: np.ndarray) -> Postings:
        """Postings with whoosh's BM25F scores: ``idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl))``,
        ``idf = log(N / (df + 1)) + 1``, ``dl`` the document's field length as whoosh stores it (one byte)."""
        if fieldname not in self.lengths:
            return Postings(docs, weights, weights)
        idf = log(self.doc_count / (len(docs) + 1)) + 1
        norm = BM25_K1 * ((1 - BM25_B) + BM25_B * self.lengths[fieldname][docs] / self.average_length[fieldname])
        return Postings(docs, weights, idf * (weights * (BM25_K1 + 1)) / (weights + norm))

    def date_between(self, start: object, end: object) -> np.ndarray:
        """Documents dated within [start, end] (either may be None: open-ended)."""
        mask = self.dates != NO_DATE
        if start is not None:
            mask &= self.dates >= datetime_to_long(start)
        if end is not None:
            mask &= self.dates <= datetime_to_long(end)
        return mask
