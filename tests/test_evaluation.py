"""The evaluation harness: metrics, and one run of ours against both baselines on the mini corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.evaluation import EvalQuery, evaluate, load_queries, report, score

from .conftest import MINI


@pytest.mark.parametrize(
    ("ranked", "s1", "s5", "rr"),
    [
        (["a", "b"], True, True, 1.0),
        (["b", "a"], False, True, 0.5),
        (["x", "y", "z", "w", "v", "a"], False, False, 1 / 6),
        ([], False, False, 0.0),
    ],
)
def test_score(ranked: list[str], s1: bool, s5: bool, rr: float) -> None:
    result = score(EvalQuery("q", "en", ("a",), first="a"), ranked)
    assert (result.success1, result.success5, result.reciprocal_rank) == (s1, s5, pytest.approx(rr))
    assert 0.0 <= result.ndcg10 <= 1.0


def test_evaluation_runs_all_three_systems(mini_corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    queries = load_queries(MINI / "eval" / "queries.yaml")
    evaluation = evaluate(mini_corpus, queries, tmp_path)
    scores = evaluation.scores()
    assert set(scores) == {"ours", "whoosh StandardAnalyzer", "SQLite FTS5 trigram"}
    assert scores["ours"]["overall"].success5 == 1.0
    assert scores["SQLite FTS5 trigram"]["zh"].success5 == 0.0  # two-character words cannot match trigrams
    assert "| overall | 4 | ours | 0.750 | 1.000 |" in report(evaluation)


def test_the_evaluation_set_is_well_formed() -> None:
    """data/eval/queries.yaml: at least 100 queries, every expected id exists, every bucket used."""
    from kb.loader import load_corpus

    from .conftest import DATA

    queries = load_queries(DATA / "eval" / "queries.yaml")
    ids = {r.id for r in load_corpus(DATA).records}
    assert len(queries) >= 100
    for query in queries:
        assert query.top5 or query.first, query.q
        assert set(query.top5) <= ids and (query.first is None or query.first in ids), query.q
    assert {q.bucket for q in queries} >= {
        "ko",
        "zh",
        "zh-Hant",
        "en",
        "mixed",
        "cross-lingual",
        "citation",
        "abbreviation",
        "typo",
    }
