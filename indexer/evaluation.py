"""Search quality: our engine and two baselines, on the same corpus and the same queries.

Each query in ``data/eval/queries.yaml`` lists the ids that must appear in the top 5 and,
where it matters, the id that must be first. Metrics per language bucket and overall:
success@1, success@5, MRR and nDCG@10.
"""

from __future__ import annotations

import math
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from indexer.baselines import Fts5Trigram, WhooshDefault
from indexer.build import build_kb
from indexer.documents import documents
from indexer.engine import Engine
from indexer.search import SearchRequest
from kb.loader import Corpus

SearchFn = Callable[[str, dict[str, list[str]]], list[str]]


@dataclass(frozen=True)
class EvalQuery:
    q: str
    bucket: str
    top5: tuple[str, ...]
    first: str | None = None
    filters: dict[str, list[str]] = field(default_factory=dict)
    note: str | None = None


@dataclass
class QueryResult:
    query: EvalQuery
    ranked: list[str]
    success1: bool
    success5: bool
    reciprocal_rank: float
    ndcg10: float


@dataclass
class Scores:
    n: int = 0
    success1: float = 0.0
    success5: float = 0.0
    mrr: float = 0.0
    ndcg10: float = 0.0


def load_queries(path: Path) -> list[EvalQuery]:
    data = yaml.safe_load(path.read_text("utf-8"))
    return [
        EvalQuery(
            q=str(item["q"]),
            bucket=str(item["bucket"]),
            top5=tuple(item.get("top5", [])),
            first=item.get("first"),
            filters={k: list(v) for k, v in (item.get("filters") or {}).items()},
            note=item.get("note"),
        )
        for item in data["queries"]
    ]


def score(query: EvalQuery, ranked: list[str]) -> QueryResult:
    relevant = set(query.top5) | ({query.first} if query.first else set())
    top5 = ranked[:5]
    success5 = all(r in top5 for r in query.top5) and (query.first is None or query.first in top5)
    success1 = bool(ranked) and (ranked[0] == query.first if query.first else ranked[0] in relevant)
    rank = next((i for i, r in enumerate(ranked, 1) if r in relevant), None)
    dcg = sum(1 / math.log2(i + 1) for i, r in enumerate(ranked[:10], 1) if r in relevant)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(len(relevant), 10) + 1))
    return QueryResult(query, ranked, success1, success5, 1 / rank if rank else 0.0, dcg / ideal if ideal else 0.0)


def aggregate(results: list[QueryResult]) -> dict[str, Scores]:
    buckets: dict[str, list[QueryResult]] = {}
    for result in results:
        buckets.setdefault(result.query.bucket, []).append(result)
    buckets["overall"] = results
    out = {}
    for name, items in buckets.items():
        n = len(items)
        out[name] = Scores(
            n,
            sum(r.success1 for r in items) / n,
            sum(r.success5 for r in items) / n,
            sum(r.reciprocal_rank for r in items) / n,
            sum(r.ndcg10 for r in items) / n,
        )
    return out


def our_search(engine: Engine) -> SearchFn:
    def search(q: str, filters: dict[str, list[str]]) -> list[str]:
        request = SearchRequest(
            q=q,
            jurisdictions=filters.get("jurisdiction", []),
            kinds=filters.get("kind", []),
            topics=filters.get("topic", []),
            page_size=50,
        )
        return list(dict.fromkeys(h.id for h in engine.search(request).hits))[:10]

    return search


def baseline_search(
    system: WhooshDefault | Fts5Trigram, kinds: dict[str, str], jurisdictions: dict[str, str]
) -> SearchFn:
    """A baseline with the filters applied after ranking (neither baseline has facets of its own)."""

    def search(q: str, filters: dict[str, list[str]]) -> list[str]:
        ranked = system.search(q, limit=200)
        if filters.get("jurisdiction"):
            ranked = [r for r in ranked if jurisdictions[r] in filters["jurisdiction"]]
        if filters.get("kind"):
            ranked = [r for r in ranked if kinds[r] in filters["kind"]]
        return ranked[:10]

    return search


@dataclass
class Evaluation:
    systems: dict[str, list[QueryResult]]

    def scores(self) -> dict[str, dict[str, Scores]]:
        return {name: aggregate(results) for name, results in self.systems.items()}


def evaluate(corpus: Corpus, queries: list[EvalQuery], workdir: Path | None = None) -> Evaluation:
    """Build ours and both baselines from ``corpus`` and run every query on each."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(workdir or tmp)
        build_kb(corpus, root / "ours")
        engine = Engine.open(root / "ours")
        docs = list(documents(corpus.records))
        kinds = {r.id: r.kind for r in corpus.records}
        jurisdictions = {r.id: r.jurisdiction for r in corpus.records}
        systems: dict[str, SearchFn] = {
            "ours": our_search(engine),
            WhooshDefault.name: baseline_search(WhooshDefault(docs, root / "whoosh"), kinds, jurisdictions),
            Fts5Trigram.name: baseline_search(Fts5Trigram(docs, root / "fts5.sqlite"), kinds, jurisdictions),
        }
        return Evaluation(
            {name: [score(q, search(q.q, q.filters)) for q in queries] for name, search in systems.items()}
        )


def report(evaluation: Evaluation) -> str:
    """A Markdown table per system and bucket, then our failures with what came back instead."""
    scores = evaluation.scores()
    buckets = sorted({b for per in scores.values() for b in per if b != "overall"}) + ["overall"]
    lines = ["| bucket | n | system | success@1 | success@5 | MRR | nDCG@10 |", "|---|---:|---|---:|---:|---:|---:|"]
    for bucket in buckets:
        for name, per in scores.items():
            s = per[bucket]
            lines.append(
                f"| {bucket} | {s.n} | {name} | {s.success1:.3f} | {s.success5:.3f} | {s.mrr:.3f} | {s.ndcg10:.3f} |"
            )
    failures = [r for r in evaluation.systems["ours"] if not r.success5]
    lines += ["", f"Failures of ours at success@5 ({len(failures)}):", ""]
    for r in failures:
        expected = ", ".join(r.query.top5) + (f" (first: {r.query.first})" if r.query.first else "")
        lines.append(
            f"- `{r.query.q}` [{r.query.bucket}] expected {expected}; got {', '.join(r.ranked[:5]) or 'nothing'}"
        )
    return "\n".join(lines) + "\n"
