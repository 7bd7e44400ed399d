"""Citations in every style, relations, versions in time, timeline, comparison, citation check, exports, feed."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
from fastapi.testclient import TestClient

from kb.citations import format_citation
from kb.models import Provision
from kb.versions import version_as_of

CSL_SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.schema.json").read_text())
LAW = "/v1/records/kr-law-sexual-violence-punishment-act"

# fmt: off
STYLES = [
    (LAW + "/provisions/14-2/cite", "native", "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2"),
    (LAW + "/provisions/14-2/cite", "en", "Act on Special Cases Concerning the Punishment of Sexual Crimes [성폭력범죄의 처벌 등에 관한 특례법], Article 14-2 (Korea)"),
    ("/v1/records/cn-law-criminal-law/provisions/364/cite", "native", "《中华人民共和国刑法》第三百六十四条"),
    ("/v1/records/cn-law-criminal-law/provisions/364/cite", "en", "Criminal Law of the People's Republic of China [中华人民共和国刑法], Article 364 (China)"),
    ("/v1/records/eu-law-digital-services-act/provisions/16/cite", "native", "Digital Services Act, Article 16"),
    ("/v1/records/uk-law-online-safety-act-2023/cite", "native", "Online Safety Act 2023"),
    ("/v1/records/us-law-take-it-down-act/cite", "native", "TAKE IT DOWN Act, Pub. L. 119-12"),
    ("/v1/records/kr-case-supreme-cho-jubin/cite", "native", "대법원 2021. 10. 14. 선고 판결"),
    ("/v1/records/kr-case-supreme-cho-jubin/cite", "en", "Supreme Court of Korea, 14 October 2021 [대법원 2021. 10. 14. 선고 판결] (Korea)"),
]
# fmt: on


@pytest.mark.parametrize(("url", "style", "expected"), STYLES, ids=[f"{s[0]}-{s[1]}" for s in STYLES])
def test_citation_styles(client: TestClient, url: str, style: str, expected: str) -> None:
    body = client.get(url, params={"style": style}).json()
    assert body["citation"] == expected


def test_csl_json_validates_against_the_schema(client: TestClient) -> None:
    items = [
        client.get(f"/v1/records/{rid}/cite", params={"style": "csl-json"}).json()["citation"]
        for rid in (
            "kr-law-sexual-violence-punishment-act",
            "kr-case-supreme-cho-jubin",
            "int-policy-telegram-privacy-2024-09",
        )
    ]
    jsonschema.validate(items, CSL_SCHEMA)
    assert [i["type"] for i in items] == ["legislation", "legal_case", "webpage"]
    exported = json.loads(client.get("/v1/export", params={"format": "csl-json"}).text)
    jsonschema.validate(exported, CSL_SCHEMA)
    assert len(exported) == 9


def test_bibtex_parses(client: TestClient) -> None:
    text = "\n".join(
        client.get(f"/v1/records/{rid}/cite", params={"style": "bibtex"}).json()["citation"]
        for rid in ("kr-law-sexual-violence-punishment-act", "kr-case-supreme-cho-jubin", "eu-law-digital-services-act")
    )
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert [e.entry_type for e in library.entries] == ["legislation", "jurisdiction", "legislation"]
    assert library.entries[1]["date"] == "2021-10-14"


def test_ris_has_type_and_end(client: TestClient) -> None:
    ris = client.get("/v1/records/kr-case-supreme-cho-jubin/cite", params={"style": "ris"}).json()["citation"]
    lines = ris.strip().splitlines()
    assert lines[0] == "TY  - CASE" and lines[-1].startswith("ER  -")
    assert "DA  - 2021/10/14/" in lines


def test_unknown_style_is_a_clear_error(client: TestClient) -> None:
    assert client.get(LAW + "/cite", params={"style": "apa"}).status_code == 422


def test_related_filters(client: TestClient) -> None:
    body = client.get("/v1/records/kr-incident-nth-room/related").json()
    assert body["total"] == 1 and list(body["by_type"]) == ["gave_rise_to"]
    assert client.get("/v1/records/kr-incident-nth-room/related", params={"kind": "law"}).json()["total"] == 0
    assert client.get(LAW + "/related", params={"type": "applied_in"}).json()["relations"][0]["provision"] == "제14조"


VERSIONED = Provision.model_validate(
    {
        "number": "제14조의2",
        "text": {"en": "current"},
        "text_kind": "summary",
        "url": "https://www.law.go.kr/x",
        "in_force_from": "2024-10-16",
        "versions": [
            {"valid_from": "2020-03-24", "valid_to": "2024-10-15", "amended_by": "kr-law-x", "text": {"en": "2020"}},
        ],
    }
)


@pytest.mark.parametrize(
    ("as_of", "version", "text", "later"),
    [
        ("2025-01-01", "current", "current", False),
        ("2024-10-16", "current", "current", False),
        ("2024-10-15", "versions[0]", "2020", True),
        ("2021-06-01", "versions[0]", "2020", True),
        ("2019-01-01", None, None, True),
    ],
)
def test_version_as_of(as_of: str, version: str | None, text: str | None, later: bool) -> None:
    import datetime as dt

    found = version_as_of(VERSIONED, dt.date.fromisoformat(as_of))
    assert found.version == version
    assert (found.text or {}).get("en") == text
    assert found.later_amendment is later
    assert found.found is (version is not None)


def test_as_of_on_the_api(client: TestClient) -> None:
    body = client.get(LAW + "/provisions/14", params={"as_of": "2019-01-01"}).json()
    assert body["as_of"]["version"] == "current"
    assert body["as_of"]["note"] == "no start date is recorded for this wording"
    record = client.get(LAW, params={"as_of": "2019-01-01"}).json()
    assert [v["provision"] for v in record["as_of"]] == ["제14조", "제14조의2"]
    assert client.get(LAW, params={"as_of": "2019-02-30"}).status_code == 422


def test_timeline_is_oldest_first_and_filtered(client: TestClient) -> None:
    events = client.get("/v1/timeline").json()["events"]
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    korean = client.get("/v1/timeline", params={"jurisdiction": "KR"}).json()["events"]
    assert {e["jurisdiction"] for e in korean} == {"KR"}
    assert [e["type"] for e in korean] == ["started", "ended", "decided"]
    found = client.get("/v1/timeline", params={"q": "Maskpark"}).json()["events"]
    assert [e["id"] for e in found] == ["cn-incident-maskpark-2025"]


def test_compare_uses_structured_scope(client: TestClient) -> None:
    body = client.get(
        "/v1/compare", params=[("topic", "deepfake"), ("jurisdiction", "KR"), ("jurisdiction", "US")]
    ).json()
    rows = {r["jurisdiction"]: r for r in body["jurisdictions"]}
    assert set(rows) == {"KR", "US"}
    assert rows["KR"]["provisions"][0]["citation"] == "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2"
    assert rows["KR"]["criminalises"] == {}  # the fixture records no penalty, so nothing is claimed
    assert client.get("/v1/compare", params={"topic": "nonsense"}).status_code == 400


def test_check_finds_every_citation_with_its_status(client: TestClient) -> None:
    letter = "We rely on 성폭력처벌법 제14조의2, 刑法第364条 and Art. 16 DSA; not on Article 99 DSA or 2099도1."
    body = client.post("/v1/check", json={"text": letter}).json()
    statuses = [(c["text"], c["status"]) for c in body["citations"]]
    assert statuses == [
        ("성폭력처벌법 제14조의2", "found"),
        ("刑法第364条", "found"),
        ("Art. 16 DSA", "found"),
        ("Article 99 DSA", "not_found"),
        ("2099도1", "not_found"),
    ]
    for item in body["citations"]:
        start, end = item["span"]
        assert letter[start:end] == item["text"]


def test_check_limits(client: TestClient) -> None:
    assert client.post("/v1/check", json={"text": "x" * 60_000}).status_code == 422
    assert client.post("/v1/check", json={}).status_code == 422
    assert (
        client.post("/v1/check", content=b"not json", headers={"content-type": "application/json"}).status_code == 422
    )


def test_exports_round_trip(client: TestClient, mini_corpus) -> None:  # type: ignore[no-untyped-def]
    lines = client.get("/v1/export", params={"format": "jsonl"}).text.splitlines()
    exported = {d["id"]: d for d in map(json.loads, lines)}
    for record in mini_corpus.records:
        assert exported[record.id] == record.model_dump(mode="json", exclude_unset=True)
    rows = list(csv.reader(io.StringIO(client.get("/v1/export", params={"format": "csv", "jurisdiction": "KR"}).text)))
    assert rows[0][:3] == ["id", "kind", "jurisdiction"]
    assert {r[2] for r in rows[1:]} == {"KR"} and len(rows) == 4
    filtered = client.get("/v1/export", params={"q": "Maskpark"}).text.splitlines()
    assert [json.loads(line)["id"] for line in filtered] == ["cn-incident-maskpark-2025"]


def test_bulk_download_is_the_sqlite_build(client: TestClient) -> None:
    response = client.get("/v1/export/build.sqlite")
    assert response.status_code == 200
    assert response.content[:16] == b"SQLite format 3\x00"


def test_feed_is_atom(client: TestClient) -> None:
    root = ET.fromstring(client.get("/v1/feed.atom").text)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 9
    assert entries[0].find("a:category", ns).get("term") == "added"


def test_format_citation_rejects_unknown_style(mini_corpus) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        format_citation(mini_corpus.records[0], None, "chicago")
