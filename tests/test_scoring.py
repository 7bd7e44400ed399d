"""Array scoring against whoosh's own matchers, on the real corpus: same documents, same order, same scores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from whoosh import query as Q
from whoosh import sorting

from indexer.engine import Engine
from indexer.scoring import BonusPhrase, QueryScorer, _first
from indexer.search import QueryCompiler, SearchIndex, SearchRequest, compile_request, rank_request, run_search


@pytest.fixture(scope="module")
def index(real_build: Path) -> Iterator[SearchIndex]:
    yield Engine.open(real_build).build().search_index()


def whoosh_ranking(index: SearchIndex, query: Q.Query) -> list[tuple[int, float]]:
    return [(hit.docnum, hit.score) for hit in index.searcher.search(query, limit=None)]


def our_ranking(index: SearchIndex, query: Q.Query) -> list[tuple[int, float]]:
    ranked = QueryScorer(index.arrays, index.searcher).rank(query, None, window=10_000, by_date=False)
    return list(zip(ranked.docs.tolist(), ranked.scores.tolist(), strict=True))


def assert_same_ranking(ours: list[tuple[int, float]], theirs: list[tuple[int, float]]) -> None:
    assert [doc for doc, _ in ours] == [doc for doc, _ in theirs]
    assert [score for _, score in ours] == pytest.approx([score for _, score in theirs], rel=1e-9)


# Index terms are analysed: English words are stemmed (``deepfake`` is indexed as ``deepfak``).
TERMS = [
    Q.Term("body_en", "telegram"),
    Q.Term("title_ko", "텔레그램", boost=3.0),
    Q.Term("body_zh", "偷拍"),
    Q.Term("topics", "deepfake", boost=0.3),  # not scorable: whoosh scores the weight
    Q.Term("body_en", "no-such-word-anywhere"),
]
QUERIES = {
    "terms": Q.Or(TERMS),
    "and": Q.And([Q.Term("body_en", "telegram"), Q.Term("body_en", "polic")]),
    "and with an empty side": Q.And([Q.Term("body_en", "telegram"), Q.Term("body_en", "zzzz")]),
    "phrase": Q.Phrase("body_en", ["person", "data"]),
    "phrase of three": Q.Phrase("body_en", ["onlin", "safeti", "act"], boost=0.5),
    "bonus phrase": Q.Or([Q.Term("body_en", "deepfak"), BonusPhrase("body_en", ["deepfak", "pornographi"])]),
    "and-maybe": Q.AndMaybe(Q.Term("body_en", "platform"), Q.Term("body_en", "telegram")),
    "constant": Q.Or([Q.ConstantScoreQuery(Q.Term("kind", "case"), 15.0), Q.Term("body_ko", "딥페이크")]),
    "nested": Q.Or([Q.Or(TERMS[:3]), Q.And(TERMS[:2], boost=2.0), Q.Term("exact", "n번방")]),
    "every": Q.Every(),
}


@pytest.mark.parametrize("name", list(QUERIES))
def test_scores_and_order_are_whooshs(index: SearchIndex, name: str) -> None:
    query = QUERIES[name]
    ours = our_ranking(index, query)
    assert_same_ranking(ours, whoosh_ranking(index, query))
    if name not in ("and with an empty side",):
        assert ours, "the table should exercise queries that match"


@pytest.mark.parametrize(
    "text",
    [
        "텔레그램 N번방",
        "偷拍 判决",
        "deepfake pornography platform",
        '"online safety"',
        "title:deepfake",
        "성폭력처벌법",
    ],
)
def test_compiled_user_queries_rank_as_whoosh_does(
    index: SearchIndex, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whole compiled queries, bonus phrases included (thesaurus expansion aside: see the next test)."""
    monkeypatch.setattr(QueryCompiler, "expansion", lambda self, parsed: None)
    query, _, _ = compile_request(index, SearchRequest(q=text))
    assert_same_ranking(our_ranking(index, query), whoosh_ranking(index, query))


def test_disjunction_max_takes_each_documents_own_best_score(index: SearchIndex) -> None:
    """(whoosh 2.7 can take a sub-query's score from another document here.)"""
    parts = [Q.Term("body_en", "telegram"), Q.Term("title_en", "telegram", boost=3.0), Q.Term("body_ko", "텔레그램")]
    scorer = QueryScorer(index.arrays, index.searcher)
    combined = scorer.score(Q.DisjunctionMax(parts)).dense(scorer.size)
    separate = np.array([scorer.score(p).dense(scorer.size).scores for p in parts])
    assert combined.mask.sum() > 0
    assert np.array_equal(combined.scores, separate.max(axis=0))


def test_excluded_words_exclude(index: SearchIndex) -> None:
    """(whoosh 2.7's AndNot lets a document with ``telegram`` in its English summary through.)"""
    result = run_search(index, SearchRequest(q="title:deepfake -telegram", page_size=100))
    assert result.total > 0
    for hit in result.hits:
        assert "telegram" not in hit.snippet.lower()
        assert "telegram" not in hit.topics


def test_facet_counts_are_whooshs(index: SearchIndex) -> None:
    query, _, _ = compile_request(index, SearchRequest(q="deepfake"))
    facets = {
        name: sorting.FieldFacet(name, maptype=sorting.Count, allow_overlap=name == "topics")
        for name in ("jurisdiction", "kind", "topics", "year")
    }
    theirs = index.searcher.search(query, limit=None, groupedby=facets)
    ranked, _, _ = rank_request(index, SearchRequest(q="deepfake"), 10)
    for name, facet in index.arrays.facets.items():
        expected = {str(k): v for k, v in theirs.groups(name).items() if k is not None}
        assert facet.counts(ranked.mask) == expected, name


def test_date_sort_and_date_filter(index: SearchIndex) -> None:
    request = SearchRequest(q="telegram", sort="date", date_from=dt.date(2020, 1, 1), page_size=100)
    ranked, _, _ = rank_request(index, request, 100)
    dates = [index.searcher.stored_fields(doc)["date"] for doc in ranked.docs.tolist()]
    assert dates and all(d is not None and d >= dt.datetime(2020, 1, 1) for d in dates)
    assert dates == sorted(dates, reverse=True)


def test_bonus_phrases_reorder_the_leading_candidates_only(index: SearchIndex) -> None:
    """The pool decides which documents get their phrase bonus; within it the order is whoosh's."""
    query = QUERIES["bonus phrase"]
    theirs = whoosh_ranking(index, query)
    ranked = QueryScorer(index.arrays, index.searcher).rank(query, None, window=1, by_date=False)
    assert ranked.docs[0] == theirs[0][0]
    assert ranked.scores[0] == pytest.approx(theirs[0][1])


@pytest.mark.parametrize("count", [None, 0, 1, 3, 5, 8, 20])
def test_first_is_the_head_of_a_full_sort_ties_included(count: int | None) -> None:
    docs = np.array([2, 3, 5, 7, 11, 13, 17, 19])
    keys = np.array([1.0, 4.0, 4.0, 2.0, 4.0, 1.0, 9.0, 2.0])
    full = [int(d) for _, d in sorted(zip(-keys, docs, strict=True))]
    assert _first(docs, keys, count).tolist() == full[:count]


def test_rank_orders_only_the_window_and_counts_all(index: SearchIndex) -> None:
    query = QUERIES["terms"]
    scorer = QueryScorer(index.arrays, index.searcher)
    whole = scorer.rank(query, None, window=None, by_date=False)
    head = scorer.rank(query, None, window=5, by_date=False)
    assert head.total == whole.total == len(whole.docs) > len(head.docs) >= 5
    assert head.docs[:5].tolist() == whole.docs[:5].tolist()
