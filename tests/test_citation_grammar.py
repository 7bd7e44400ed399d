"""Every citation grammar parses its own examples; citations resolve against the mini corpus."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from kb.citation_grammar import GRAMMARS, find_citations
from kb.citation_resolver import memory_resolver

EXAMPLES = [(g.name, text, expected) for g in GRAMMARS for text, expected in g.examples]


@pytest.mark.parametrize(("grammar", "text", "expected"), EXAMPLES, ids=[e[1] for e in EXAMPLES])
def test_grammar_examples(grammar: str, text: str, expected: dict[str, str]) -> None:
    refs = find_citations(text)
    assert refs, text
    assert refs[0].grammar == grammar
    assert {k: getattr(refs[0], k) for k in expected} == expected


def test_citations_in_running_text_with_spans() -> None:
    text = "피고인은 성폭력처벌법 제14조의2 제1항을 위반했고, see Art. 16 DSA and 47 U.S.C. 230; 刑法第364条."
    refs = find_citations(text)
    assert [r.grammar for r in refs] == ["kr-law-article", "eu-article-of-act", "us-code", "cn-law-article"]
    for ref in refs:
        assert text[ref.start : ref.end].strip() == ref.text


# fmt: off
RESOLUTIONS = [
    ("성폭력처벌법 제14조의2", "found", [("kr-law-sexual-violence-punishment-act", "제14조의2")]),
    ("「성폭력범죄의 처벌 등에 관한 특례법」 제14조", "found", [("kr-law-sexual-violence-punishment-act", "제14조")]),
    ("피고인은 성폭력처벌법 제14조의2를", "found", [("kr-law-sexual-violence-punishment-act", "제14조의2")]),
    ("제14조의2 제1항", "found", [("kr-law-sexual-violence-punishment-act", "제14조의2")]),
    ("刑法第364条", "found", [("cn-law-criminal-law", "第三百六十四条")]),
    ("《中华人民共和国刑法》第三百六十四条", "found", [("cn-law-criminal-law", "第三百六十四条")]),
    ("Art. 16 DSA", "found", [("eu-law-digital-services-act", "Article 16")]),
    ("Article 16 of Regulation (EU) 2022/2065", "found", [("eu-law-digital-services-act", "Article 16")]),
    ("Regulation (EU) 2022/2065", "found", [("eu-law-digital-services-act", None)]),
    ("32022R2065", "found", [("eu-law-digital-services-act", None)]),
    ("Pub. L. 119-12", "found", [("us-law-take-it-down-act", None)]),
    ("성폭력처벌법 제99조", "not_found", [("kr-law-sexual-violence-punishment-act", None)]),
    ("Article 99 DSA", "not_found", [("eu-law-digital-services-act", None)]),
    ("Regulation (EU) 2099/1", "not_found", []),
    ("2099도1", "not_found", []),
]
# fmt: on


@pytest.mark.parametrize(("text", "status", "targets"), RESOLUTIONS, ids=[r[0] for r in RESOLUTIONS])
def test_resolution(mini_corpus, text: str, status: str, targets: list) -> None:  # type: ignore[no-untyped-def,type-arg]
    resolver = memory_resolver(mini_corpus.records)
    resolution = resolver.resolve(find_citations(text)[0])
    assert resolution.status == status, resolution
    assert [(t.record_id, t.provision) for t in resolution.targets] == targets


def test_resolve_endpoint(client: TestClient) -> None:
    body = client.get("/v1/resolve", params={"cite": "성폭력처벌법 제14조의2"}).json()
    assert body["status"] == "found"
    assert body["citations"][0]["targets"] == [
        {"id": "kr-law-sexual-violence-punishment-act", "provision": "제14조의2"}
    ]
    assert client.get("/v1/resolve", params={"cite": "nothing here"}).json() == {
        "cite": "nothing here",
        "status": "not_found",
        "citations": [],
    }


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("성폭력처벌법 제14조", ("kr-law-sexual-violence-punishment-act", "제14조")),
        ("刑法第364条", ("cn-law-criminal-law", "第三百六十四条")),
        ("Art. 16 DSA", ("eu-law-digital-services-act", "Article 16")),
    ],
)
def test_cited_provision_ranks_first(client: TestClient, q: str, first: tuple[str, str]) -> None:
    body = client.get("/v1/search", params={"q": q}).json()
    assert (body["hits"][0]["id"], body["hits"][0]["provision"]) == first
    assert body["interpretation"]["citations"][0]["status"] == "found"
