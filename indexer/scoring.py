"""Score a whoosh query tree with array operations, giving the scores whoosh itself would give.

Each node becomes a :class:`Scored`: the documents it matches and their scores, either as a list of
documents (a term's postings) or as whole-index arrays (what combines several). Terms score
whoosh's BM25F, worked out with their postings (:mod:`indexer.index_arrays`); ``Or`` adds its
children's scores, ``And`` adds them where all match, ``DisjunctionMax`` keeps the highest,
``AndMaybe`` adds the optional part where the required part matches, ``AndNot`` removes,
``ConstantScoreQuery`` gives its constant.

Two places where whoosh 2.7's matchers are wrong and this module is not: ``DisjunctionMax`` there
may take a sub-query's score from another document, and ``AndNot`` can let an excluded document
through. Everywhere else the scores are whoosh's (``tests/test_scoring.py`` compares them).

A phrase (words one after another: the compiler makes no phrases with slop) is checked on the
word positions of the documents holding all its words; a :class:`BonusPhrase` (extra score for
words typed together, never a condition for matching) is checked only for the leading
candidates, after everything else has ranked them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from whoosh import query as Q
from whoosh.searching import Searcher

from indexer.index_arrays import IndexArrays

# Candidates whose phrase bonuses are computed, beyond the ones the page shows.
BONUS_POOL = 50


class BonusPhrase(Q.Phrase):
    """A phrase that adds to the score of documents that match anyway (whoosh scores it as a Phrase)."""


@dataclass
class Scored:
    """Matching documents and scores: sparse (``docs``, ``values``) or dense (``mask``, ``scores``)."""

    docs: np.ndarray | None = None
    values: np.ndarray | None = None
    mask: np.ndarray | None = None
    scores: np.ndarray | None = None

    def dense(self, size: int) -> Scored:
        if self.mask is not None:
            return self
        mask = np.zeros(size, dtype=bool)
        scores = np.zeros(size)
        mask[self.docs] = True
        scores[self.docs] = self.values
        return Scored(mask=mask, scores=scores)

    def add_to(self, mask: np.ndarray, scores: np.ndarray) -> None:
        """Add these matches and scores into whole-index arrays."""
        if self.mask is None:
            mask[self.docs] = True
            scores[self.docs] += self.values
        else:
            mask |= self.mask
            scores += self.scores


@dataclass
class Ranked:
    """The matching documents (``mask``) and the leading ones in order, with their scores."""

    mask: np.ndarray
    docs: np.ndarray
    scores: np.ndarray

    @property
    def total(self) -> int:
        return int(np.count_nonzero(self.mask))


def _sparse(docs: np.ndarray, values: np.ndarray) -> Scored:
    return Scored(docs=docs, values=values)


NOTHING = _sparse(np.zeros(0, dtype=np.int64), np.zeros(0))


class QueryScorer:
    """Scores queries over one build's :class:`IndexArrays`, with ``searcher`` for phrase positions."""

    def __init__(self, arrays: IndexArrays, searcher: Searcher) -> None:
        self.arrays = arrays
        self.searcher = searcher
        self.size = arrays.doc_count
        self.bonus_docs: np.ndarray | None = None  # where BonusPhrase nodes are scored (None: nowhere)
        self._memo: dict[int, Scored] = {}  # per ranking: a clause shared by two parents is scored once

    def score(self, node: Q.Query) -> Scored:
        """The documents ``node`` matches and their scores."""
        key = id(node)
        if key not in self._memo:
            self._memo[key] = self._score(node)
        return self._memo[key]

    def _score(self, node: Q.Query) -> Scored:
        if isinstance(node, Q.Term):
            return self.term(node)
        if isinstance(node, BonusPhrase):
            return self.phrase(node, self.bonus_docs) if self.bonus_docs is not None else NOTHING
        if isinstance(node, Q.Phrase):
            return self.phrase(node, None)
        if isinstance(node, Q.ConstantScoreQuery):
            inner = self.score(node.child).dense(self.size)
            return Scored(mask=inner.mask, scores=np.where(inner.mask, node.score, 0.0))
        if isinstance(node, Q.Every):
            return Scored(mask=np.ones(self.size, dtype=bool), scores=np.full(self.size, node.boost))
        if isinstance(node, Q.DateRange):
            mask = self.arrays.date_between(node.startdate, node.enddate)
            return Scored(mask=mask, scores=mask * node.boost)
        if isinstance(node, Q.AndNot):
            positive = self.score(node.a).dense(self.size)
            negative = self.score(node.b).dense(self.size)
            mask = positive.mask & ~negative.mask
            return Scored(mask=mask, scores=np.where(mask, positive.scores, 0.0) * node.boost)
        if isinstance(node, Q.AndMaybe):
            required = self.score(node.a).dense(self.size)
            optional = self.score(node.b).dense(self.size)
            total = required.scores + np.where(required.mask, optional.scores, 0.0)
            return Scored(mask=required.mask, scores=total * node.boost)
        if isinstance(node, Q.DisjunctionMax):
            return self.disjunction_max(node)
        if isinstance(node, Q.And):
            return self.conjunction(node)
        if isinstance(node, Q.Or):
            return self.disjunction(node)
        if isinstance(node, type(Q.NullQuery)):
            return NOTHING
        raise TypeError(f"cannot score a {type(node).__name__} query")

    def term(self, node: Q.Term) -> Scored:
        found = self.term_scores(node.fieldname, node.text)
        return _sparse(found.docs, found.values * node.boost) if len(found.docs) else NOTHING

    def term_scores(self, fieldname: str, text: str) -> Scored:
        """BM25F of ``text`` in ``fieldname`` for every document holding it (sparse, unboosted)."""
        if fieldname not in self.arrays.schema:
            return NOTHING
        postings = self.arrays.postings(fieldname, text)
        return _sparse(postings.docs, postings.scores) if len(postings.docs) else NOTHING

    def disjunction(self, node: Q.Or) -> Scored:
        parts = [self.score(child) for child in node.subqueries]
        sparse = [p for p in parts if p.mask is None]
        if len(parts) == len(sparse) and sum(len(p.docs) > 0 for p in sparse) <= 1:
            best = max(sparse, key=lambda p: len(p.docs), default=NOTHING)
            return _sparse(best.docs, best.values * node.boost)
        mask = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size)
        for part in parts:
            part.add_to(mask, scores)
        return Scored(mask=mask, scores=scores * node.boost)

    def conjunction(self, node: Q.And) -> Scored:
        parts = [self.score(child) for child in node.subqueries]
        if not parts or any(p.mask is None and not len(p.docs) for p in parts):
            return NOTHING
        if all(p.mask is None for p in parts):
            docs = parts[0].docs
            for part in parts[1:]:
                docs = _intersect(docs, part.docs)
            values = np.sum([p.values[np.searchsorted(p.docs, docs)] for p in parts], axis=0)
            return _sparse(docs, values * node.boost)
        count = np.zeros(self.size, dtype=np.int32)
        scores = np.zeros(self.size)
        for part in parts:
            if part.mask is None:
                count[part.docs] += 1
                scores[part.docs] += part.values
            else:
                count += part.mask
                scores += part.scores
        mask = count == len(parts)
        return Scored(mask=mask, scores=np.where(mask, scores, 0.0) * node.boost)

    def disjunction_max(self, node: Q.DisjunctionMax) -> Scored:
        mask = np.zeros(self.size, dtype=bool)
        best = np.zeros(self.size)
        total = np.zeros(self.size) if node.tiebreak else None
        for child in node.subqueries:
            part = self.score(child)
            if part.mask is None:
                mask[part.docs] = True
                best[part.docs] = np.maximum(best[part.docs], part.values)
            else:
                mask |= part.mask
                np.maximum(best, part.scores, out=best)
            if total is not None:
                part.add_to(mask, total)
        scores = best if total is None else best + node.tiebreak * (total - best)
        return Scored(mask=mask, scores=scores * node.boost)

    def phrase(self, node: Q.Phrase, within: np.ndarray | None) -> Scored:
        """Documents (among ``within``, if given) holding the words one after another. As in whoosh,
        a phrase scores the sum of its words' scores."""
        words = list(node.words)
        if not words or node.fieldname not in self.arrays.schema:
            return NOTHING
        terms = [self.term_scores(node.fieldname, word) for word in words]
        candidates = within
        for term in terms:
            candidates = term.docs if candidates is None else _intersect(candidates, term.docs)
        if candidates is None or not len(candidates):
            return NOTHING
        where = [np.searchsorted(term.docs, candidates) for term in terms]
        tables = [self.arrays.positions(node.fieldname, word) for word in words]
        found = []
        rows = [w.tolist() for w in where]
        for column in range(len(candidates)):
            starts = tables[0].of(rows[0][column])
            for offset in range(1, len(words)):
                held = tables[offset].of(rows[offset][column])
                starts = {p for p in starts if p + offset in held}
                if not starts:
                    break
            if starts:
                found.append(column)
        if not found:
            return NOTHING
        picked = np.array(found)
        total = np.sum([term.values[where[i][picked]] for i, term in enumerate(terms)], axis=0)
        return _sparse(candidates[picked], total * node.boost)

    def _pass(self, query: Q.Query, bonus_docs: np.ndarray | None) -> Scored:
        self.bonus_docs = bonus_docs
        try:
            return self.score(query).dense(self.size)
        finally:
            self.bonus_docs = None

    def rank(self, query: Q.Query, allowed: np.ndarray | None, window: int | None, by_date: bool) -> Ranked:
        """Documents matching ``query`` (and ``allowed``), best first: the first ``window`` of them
        (all with None), phrase bonuses settled for the first ``window`` + :data:`BONUS_POOL`.
        With ``by_date``, newest first and no bonuses needed."""
        self._memo = {}
        scored = self._pass(query, None)
        mask = scored.mask if allowed is None else scored.mask & allowed
        docs = np.flatnonzero(mask)
        if by_date:
            docs = _first(docs, self.arrays.dates[docs], window)
            return Ranked(mask, docs, scored.scores[docs])
        with_bonus = _holding_bonus_phrases(query)
        docs = _first(docs, scored.scores[docs], None if window is None else window + BONUS_POOL)
        scores = scored.scores[docs]
        if with_bonus:
            for key in with_bonus:  # score again only what a phrase bonus can change
                self._memo.pop(key, None)
            head = np.sort(docs[: (window or 0) + BONUS_POOL])
            rescored = self._pass(query, head).scores[head]
            order = np.lexsort((head, -rescored))
            docs = np.concatenate([head[order], docs[len(head) :]])
            scores = np.concatenate([rescored[order], scores[len(head) :]])
        return Ranked(mask, docs, scores)

    def matches(self, query: Q.Query) -> np.ndarray:
        """The documents ``query`` matches, as a mask (for filters)."""
        self._memo = {}
        return self._pass(query, None).mask


def _intersect(first: np.ndarray, second: np.ndarray) -> np.ndarray:
    """The documents in both sorted arrays (binary search of the shorter in the longer, no sorting)."""
    short, long = (first, second) if len(first) <= len(second) else (second, first)
    if not len(short) or not len(long):
        return short[:0]
    at = np.minimum(np.searchsorted(long, short), len(long) - 1)
    return short[long[at] == short]


def _first(docs: np.ndarray, keys: np.ndarray, count: int | None) -> np.ndarray:
    """The ``count`` documents with the highest keys (all with None), highest first, ties by document
    number: the order of a full sort, without sorting the documents that cannot come first."""
    if count is not None and 0 < count < len(docs):
        threshold = np.partition(keys, len(keys) - count)[len(keys) - count]
        leading = keys >= threshold  # ties at the threshold included, so the order below stays exact
        docs, keys = docs[leading], keys[leading]
    order = np.lexsort((docs, -keys.astype(np.float64)))
    return docs[order][:count]


def _holding_bonus_phrases(node: Q.Query) -> set[int]:
    """The ids of ``node`` and its descendants that are or contain a :class:`BonusPhrase`."""
    found: set[int] = set()
    for child in node.children():
        found |= _holding_bonus_phrases(child)
    if found or isinstance(node, BonusPhrase):
        found.add(id(node))
    return found
