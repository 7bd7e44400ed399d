"""The real corpus in data/: it validates, meets the quality rules, builds and answers the core queries."""

from __future__ import annotations

import json
import re
import shlex
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.main import create_app
from indexer.cli import cli
from kb.coverage import strict_issues
from kb.loader import Corpus
from kb.models import Law

from .conftest import DATA, ROOT


@pytest.fixture(scope="module")
def real_client(real_build: Path) -> Iterator[TestClient]:
    with TestClient(create_app(real_build, warm=False)) as client:
        yield client


def test_the_corpus_meets_the_quality_rules(real_corpus: Corpus) -> None:
    assert strict_issues(real_corpus) == []


def test_coverage_targets(real_corpus: Corpus) -> None:
    by_jurisdiction = Counter(r.jurisdiction for r in real_corpus.records)
    provisions = sum(len(r.provisions) for r in real_corpus.records if isinstance(r, Law))
    assert len(real_corpus.records) >= 110
    assert provisions >= 80
    for code in ("KR", "CN", "EU", "US", "UK"):
        assert by_jurisdiction[code] >= 15, (code, by_jurisdiction)
    assert sum(1 for r in real_corpus.records if r.kind == "policy") >= 10


def test_every_record_and_provision_is_sourced(real_corpus: Corpus) -> None:
    for record in real_corpus.records:
        assert record.sources, record.id
        assert "en" in record.summary, record.id
        if isinstance(record, Law):
            for provision in record.provisions:
                assert provision.number and provision.text.get("en") and provision.url, (record.id, provision.number)
                assert provision.text_kind.value == "summary", (record.id, provision.number)


def test_no_value_is_marked_unverified() -> None:
    for path in DATA.rglob("*.yaml"):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            assert "UNVERIFIED" not in line, f"{path}:{number}"


def test_coverage_report_is_current(real_corpus: Corpus, tmp_path: Path) -> None:
    """docs/coverage.md holds the report that `kb validate --strict` prints for the data as it stands."""
    result = CliRunner().invoke(cli, ["validate", "--strict", "--data", str(DATA), "--report", str(tmp_path / "r.md")])
    assert result.exit_code == 0, result.output
    report = (tmp_path / "r.md").read_text("utf-8")
    assert report in (ROOT / "docs" / "coverage.md").read_text("utf-8"), (
        "run: kb validate --strict --report ... (see docs/coverage.md)"
    )


# fmt: off
ACCEPTANCE = [
    ({"q": "텔레그램에서"}, lambda hits: sum("telegram" in h["id"] or "telegram" in h["topics"] for h in hits[:5]) >= 3),
    ({"q": "偷拍"}, lambda hits: "cn-incident-maskpark-2025" in [h["id"] for h in hits[:5]]),
    ({"q": "deepfake", "jurisdiction": "KR"}, lambda hits: len(hits) >= 3 and all(h["jurisdiction"] == "KR" for h in hits)),
]
# fmt: on


@pytest.mark.parametrize(("params", "check"), ACCEPTANCE, ids=[a[0]["q"] for a in ACCEPTANCE])
def test_acceptance_queries(real_client: TestClient, params: dict[str, str], check) -> None:  # type: ignore[no-untyped-def]
    hits = real_client.get("/v1/search", params=params).json()["hits"]
    assert check(hits), [h["id"] for h in hits]


def test_every_record_round_trips(real_client: TestClient, real_corpus: Corpus) -> None:
    exported = {
        d["id"]: d for d in map(json.loads, real_client.get("/v1/export", params={"format": "jsonl"}).text.splitlines())
    }
    assert len(exported) == len(real_corpus.records)
    for record in real_corpus.records:
        written = record.model_dump(mode="json", exclude_unset=True)
        served = real_client.get(f"/v1/records/{record.id}").json()["record"]
        for provision in served.get("provisions", []):
            provision.pop("key")
            provision.pop("citation")
        assert served == written, record.id
        assert exported[record.id] == written, record.id


def _doc_examples() -> list[tuple[str, str, str | None]]:
    """Every curl example in the README and docs/api.md: (method, path, JSON body)."""
    examples = []
    for doc in (ROOT / "README.md", ROOT / "docs" / "api.md"):
        for line in doc.read_text("utf-8").splitlines():
            if not line.startswith("curl "):
                continue
            args = shlex.split(line.split(" #")[0])
            url = next(a for a in args if a.startswith("http://127.0.0.1:8000"))
            body = args[args.index("-d") + 1] if "-d" in args else None
            encoded = [args[i + 1] for i, a in enumerate(args) if a == "--data-urlencode"]
            if encoded:  # curl -G --data-urlencode 'q=…': the query string, percent-encoded
                url += "?" + urlencode([tuple(pair.split("=", 1)) for pair in encoded])
            examples.append(("POST" if body else "GET", re.sub(r"^http://127\.0\.0\.1:8000", "", url), body))
    return examples


@pytest.mark.parametrize(("method", "path", "body"), _doc_examples(), ids=[e[1][:70] for e in _doc_examples()])
def test_documented_examples_work(real_client: TestClient, method: str, path: str, body: str | None) -> None:
    response = real_client.request(method, path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text


def test_check_a_letter_against_the_real_corpus(real_client: TestClient) -> None:
    """Five real provisions, one repealed provision and one invented article, each reported correctly."""
    letter = (
        "Korea punishes possession of deepfakes under 성폭력처벌법 제14조의2 and illegal filming under 제14조의3 "
        "of the same Act? No: we cite 청소년성보호법 제11조. China: 刑法第364条. The EU: Art. 16 DSA. "
        "The US: 15 U.S.C. § 6851. England once had s.33 Criminal Justice and Courts Act 2015, "
        "and we do not rely on 성폭력처벌법 제99조."
    )
    body = real_client.post("/v1/check", json={"text": letter}).json()
    statuses = {c["text"]: c["status"] for c in body["citations"]}
    assert statuses["성폭력처벌법 제14조의2"] == "found"
    assert statuses["청소년성보호법 제11조"] == "found"
    assert statuses["刑法第364条"] == "found"
    assert statuses["Art. 16 DSA"] == "found"
    assert statuses["15 U.S.C. § 6851"] == "found"
    assert statuses["s.33 Criminal Justice and Courts Act 2015"] == "repealed_or_amended"
    assert statuses["성폭력처벌법 제99조"] == "not_found"
    repealed = next(c for c in body["citations"] if c["status"] == "repealed_or_amended")
    assert repealed["replaced_by"] == [{"id": "uk-law-sexual-offences-act-2003", "provision": "section 66B"}]
