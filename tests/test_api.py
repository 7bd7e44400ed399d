"""The HTTP API over the mini corpus: every endpoint, filters, paging, facets, highlights, errors."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from .conftest import assert_error_shape


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [h["id"] for h in response.json()["hits"]]


# fmt: off
SEARCHES = [
    ("텔레그램에서", {}, ["kr-incident-nth-room", "int-policy-telegram-privacy-2024-09", "cn-incident-maskpark-2025"]),
    ("偷拍", {}, ["cn-incident-maskpark-2025"]),
    ("deepfake", {"jurisdiction": "KR"}, ["kr-law-sexual-violence-punishment-act"]),
    ("딥페이크를", {}, ["kr-law-sexual-violence-punishment-act"]),
    ("深度偽造", {}, ["kr-law-sexual-violence-punishment-act"]),
    ("N号房", {}, ["kr-incident-nth-room"]),
    ("박사방", {}, ["kr-case-supreme-cho-jubin"]),
    ('"notice and action"', {}, ["eu-law-digital-services-act"]),
    ("DSA", {}, ["eu-law-digital-services-act"]),
    ("telegram", {"kind": "policy"}, ["int-policy-telegram-privacy-2024-09"]),
]
# fmt: on


@pytest.mark.parametrize(("q", "params", "expected"), SEARCHES, ids=[s[0] for s in SEARCHES])
def test_search_finds(client: TestClient, q: str, params: dict[str, str], expected: list[str]) -> None:
    found = ids(client.get("/v1/search", params={"q": q, **params}))
    for record_id in expected:
        assert record_id in found[:5], (q, found)


def test_search_response_shape(client: TestClient) -> None:
    body = client.get("/v1/search", params={"q": "deepfake", "lang": "ko"}).json()
    assert set(body) == {"query", "total", "page", "page_size", "pages", "hits", "facets", "interpretation"}
    hit = body["hits"][0]
    assert {
        "id",
        "kind",
        "jurisdiction",
        "title",
        "snippet",
        "dates",
        "score",
        "citation",
        "verification",
        "url",
    } <= set(hit)
    assert set(body["facets"]) == {"jurisdiction", "kind", "topic", "year"}
    assert body["interpretation"]["tokens_by_script"] == {"latin": ["deepfak"]}


def test_titles_in_the_asked_language_with_fallback(client: TestClient) -> None:
    ko = client.get("/v1/search", params={"q": "박사방", "lang": "ko"}).json()["hits"][0]
    assert ko["title"] == "조주빈 박사방 사건 대법원 판결" and ko["title_lang"] == "ko"
    fr = client.get("/v1/search", params={"q": "박사방", "lang": "fr"}).json()["hits"][0]
    assert fr["title_lang"] == "en"


def test_highlighted_snippet_escapes_html(client: TestClient) -> None:
    hit = client.get("/v1/search", params={"q": "deepfakes", "lang": "en"}).json()["hits"][0]
    assert '<mark class="hl' in hit["snippet"]
    assert "<script" not in hit["snippet"]


def test_citation_string_on_hits(client: TestClient) -> None:
    hits = client.get("/v1/search", params={"q": "딥페이크", "kind": "provision"}).json()["hits"]
    assert hits[0]["citation"] == "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2"
    assert hits[0]["url"] == "/v1/records/kr-law-sexual-violence-punishment-act/provisions/" + quote(
        "제14조의2", safe=""
    )


def test_filters_combine(client: TestClient) -> None:
    body = client.get("/v1/search", params=[("q", "telegram"), ("jurisdiction", "KR"), ("jurisdiction", "CN")]).json()
    assert {h["jurisdiction"] for h in body["hits"]} == {"KR", "CN"}
    body = client.get("/v1/search", params={"q": "telegram", "date_from": "2024-01-01"}).json()
    assert [h["id"] for h in body["hits"]] == ["cn-incident-maskpark-2025", "int-policy-telegram-privacy-2024-09"] or {
        h["id"] for h in body["hits"]
    } == {"cn-incident-maskpark-2025", "int-policy-telegram-privacy-2024-09"}
    body = client.get("/v1/search", params={"q": "", "topic": "deepfake"}).json()
    assert body["total"] >= 2 and all("deepfake" in h["topics"] for h in body["hits"])


def test_facets_reflect_the_filtered_results(client: TestClient) -> None:
    facets = client.get("/v1/search", params={"q": "telegram", "jurisdiction": "KR"}).json()["facets"]
    assert set(facets["jurisdiction"]) == {"KR"}
    assert facets["kind"] == {"case": 1, "incident": 1, "law": 1}
    assert facets["year"]["2021"] == 1


def test_empty_query_lists_everything_and_sorts_by_date(client: TestClient) -> None:
    body = client.get("/v1/search", params={"sort": "date", "page_size": 100}).json()
    assert body["total"] == 13
    dated = [h["dates"][0]["date"] for h in body["hits"] if h["dates"]]
    assert dated == sorted(dated, reverse=True)


def test_pagination(client: TestClient) -> None:
    all_ids = ids(client.get("/v1/search", params={"page_size": 100}))
    pages = [ids(client.get("/v1/search", params={"page": p, "page_size": 5})) for p in (1, 2, 3)]
    assert sum(pages, []) == all_ids
    past = client.get("/v1/search", params={"page": 9, "page_size": 5}).json()
    assert past["hits"] == [] and past["pages"] == 3
    assert any("past the last page" in n for n in past["interpretation"]["notes"])


def test_exclusion_with_minus_and_not(client: TestClient) -> None:
    for q in ("telegram -privacy", "telegram NOT privacy"):
        assert "int-policy-telegram-privacy-2024-09" not in ids(client.get("/v1/search", params={"q": q}))


def test_malformed_syntax_is_searched_as_words(client: TestClient) -> None:
    body = client.get("/v1/search", params={"q": '(telegram AND "privacy'}).json()
    assert body["interpretation"]["reinterpreted"] is True
    assert "int-policy-telegram-privacy-2024-09" in [h["id"] for h in body["hits"]]


@pytest.mark.parametrize(
    ("typo", "expected"), [("telegarm", "telegram"), ("Maskprak", "maskpark"), ("텔레그렘", "텔레그램")]
)
def test_one_character_typos_are_corrected(client: TestClient, typo: str, expected: str) -> None:
    body = client.get("/v1/search", params={"q": typo}).json()
    assert body["total"] > 0
    assert expected in next(iter(body["interpretation"]["corrections"].values()))


def test_stop_words_only_says_so(client: TestClient) -> None:
    body = client.get("/v1/search", params={"q": "the of"}).json()
    assert body["total"] == 0
    assert body["interpretation"]["stopped"] == ["the", "of"]
    assert body["interpretation"]["notes"]


def test_get_record_with_relations_both_ways(client: TestClient) -> None:
    body = client.get("/v1/records/kr-incident-nth-room").json()
    assert body["record"]["id"] == "kr-incident-nth-room"
    assert body["citation"] == "Nth Room case"
    assert {"type": "gave_rise_to", "target": "kr-case-supreme-cho-jubin", "declared": False}.items() <= body[
        "relations"
    ][0].items()


@pytest.mark.parametrize("number", ["제14조의2", "14-2"])
def test_get_provision_by_number_or_key(client: TestClient, number: str) -> None:
    body = client.get(f"/v1/records/kr-law-sexual-violence-punishment-act/provisions/{quote(number)}").json()
    assert body["provision"]["number"] == "제14조의2"
    assert body["provision"]["text_kind"] == "summary"
    assert body["citation"] == "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2"


def test_provision_relations_include_cases_that_applied_it(client: TestClient) -> None:
    body = client.get("/v1/records/kr-law-sexual-violence-punishment-act/provisions/14").json()
    assert [(r["type"], r["target"]) for r in body["relations"]] == [("applied_in", "kr-case-supreme-cho-jubin")]


def test_health_and_version(client: TestClient) -> None:
    assert client.get("/v1/health").json()["status"] == "ok"
    version = client.get("/v1/version").json()
    assert version["records"] == 9 and version["counts"]["law"] == 5 and len(version["data_version"]) == 16


def test_topics_and_jurisdictions(client: TestClient) -> None:
    topics = client.get("/v1/topics").json()["topics"]
    assert "deepfake" in {t["id"] for t in topics}
    codes = {j["code"] for j in client.get("/v1/jurisdictions").json()["jurisdictions"]}
    assert {"KR", "CN", "EU", "US", "UK", "INT"} <= codes


# fmt: off
ERRORS = [
    ("/v1/records/kr-law-nope", 404, "not_found"),
    ("/v1/records/..%2F..%2Fetc", 404, "not_found"),
    ("/v1/records/kr-law-sexual-violence-punishment-act/provisions/제99조", 404, "not_found"),
    ("/v1/records/kr-law-sexual-violence-punishment-act/provisions/" + "x" * 300, 404, "not_found"),
    ("/v1/nowhere", 404, "not_found"),
    ("/v1/search?page=0", 422, "invalid_parameter"),
    ("/v1/search?page_size=1000", 422, "invalid_parameter"),
    ("/v1/search?date_from=2024-02-30", 422, "invalid_parameter"),
    ("/v1/search?date_from=2025-01-01&date_to=2024-01-01", 400, "bad_query"),
    ("/v1/search?kind=statute", 422, "invalid_parameter"),
    ("/v1/search?jurisdiction=K", 422, "invalid_parameter"),
    ("/v1/search?lang=xx", 400, "bad_query"),
    ("/v1/search?sort=random", 422, "invalid_parameter"),
    ("/v1/search?q=" + "a" * 600, 422, "invalid_parameter"),
    ("/v1/search?q=a%00b", 400, "bad_query"),
]
# fmt: on


@pytest.mark.parametrize(("url", "status", "code"), ERRORS, ids=[e[0][:60] for e in ERRORS])
def test_errors_have_one_shape(client: TestClient, url: str, status: int, code: str) -> None:
    assert assert_error_shape(client.get(url), status)["code"] == code


def test_method_not_allowed_has_the_error_shape(client: TestClient) -> None:
    assert assert_error_shape(client.post("/v1/search"), 405)["code"] == "method_not_allowed"


# fmt: off
NASTY = [
    "((((((((((((((((((((deep", "word^99999999999999999999", '"""', "NOT NOT NOT", "AND OR AND", "*", "a*", "title:",
    ":", "-", "--", "\u202e텔레그램", "\u200b\u200b", "🙂🙂", "ｆｕｌｌ ｗｉｄｔｈ", "%s%s%n", "'; DROP TABLE records; --",
    "deep~2", "[a TO z]", "{a TO z}", "title:(a OR b)", "court:", "<script>alert(1)</script>",
]
# fmt: on


@pytest.mark.parametrize("q", NASTY)
def test_nasty_queries_never_fail(client: TestClient, q: str) -> None:
    response = client.get("/v1/search", params={"q": q})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] >= 0
    for hit in body["hits"]:
        assert "<script" not in hit["snippet"]


def test_unspaced_chinese_query_is_read_as_words(client: TestClient) -> None:
    """A Chinese query has no spaces: its words are ranked by how many match, not all required in one field."""
    assert "kr-incident-nth-room" in ids(client.get("/v1/search", params={"q": "韩国N号房判决"}))[:3]


def test_exact_name_ranks_first(client: TestClient) -> None:
    assert ids(client.get("/v1/search", params={"q": "Nth Room"}))[0] == "kr-incident-nth-room"


def test_kind_cue_words_favour_that_kind(client: TestClient) -> None:
    body = client.get("/v1/search", params={"q": "박사방 판결"}).json()
    assert body["hits"][0]["kind"] == "case"
    assert "favoured kinds: case" in body["interpretation"]["notes"]
