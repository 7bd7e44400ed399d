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
