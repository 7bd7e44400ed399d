"""The build opens in Datasette with its metadata: tables, facets and every canned query answer with rows."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import anyio
import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from indexer.build import current_build
from indexer.cli import cli
from indexer.datasette_metadata import DATABASE, METADATA_FILE, QUERIES, TABLES, write_datasette_metadata

# Parameters a lawyer would type into each canned query's form ("" = every value).
QUERY_PARAMS: dict[str, list[dict[str, str]]] = {
    "cases_applying_provision": [
        {"law": "kr-law-sexual-violence-punishment-act", "provision": "제14조"},
        {"law": "kr-law-sexual-violence-punishment-act", "provision": "14"},
        {"law": "", "provision": ""},
    ],
    "records_by_jurisdiction_and_topic": [
        {"jurisdiction": "KR", "topic": "deepfake"},
        {"jurisdiction": "kr", "topic": ""},
    ],
}


@pytest.fixture(scope="module")
def metadata(mini_build: Path) -> dict[str, Any]:
    path = write_datasette_metadata(current_build(mini_build))
    assert path.name == METADATA_FILE
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def get_json(datasette: Datasette, path: str) -> dict[str, Any]:
    async def fetch() -> dict[str, Any]:
        response = await datasette.client.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        data: dict[str, Any] = response.json()
        return data

    return anyio.run(fetch)


@pytest.fixture(scope="module")
def datasette(mini_build: Path, metadata: dict[str, Any]) -> Datasette:
    return Datasette([str(current_build(mini_build) / "kb.sqlite")], metadata=metadata)


def test_metadata_describes_the_build(metadata: dict[str, Any], mini_build: Path) -> None:
    assert metadata["title"] and metadata["license"] and metadata["source"]
    manifest = json.loads((current_build(mini_build) / "BUILD.json").read_text("utf-8"))
    assert manifest["data_version"] in metadata["description"]
    database = metadata["databases"][DATABASE]
    facets = database["tables"]["records"]["facets"]
    assert {"jurisdiction", "kind", "year"} <= {f for f in facets if isinstance(f, str)}
    assert {"array": "topics"} in facets


def test_every_table_and_its_facets(datasette: Datasette) -> None:
    for table, config in TABLES.items():
        data = get_json(datasette, f"/{DATABASE}/{table}.json?_shape=objects")
        assert data["rows"], table
        expected = {f if isinstance(f, str) else f["array"] for f in config.get("facets", [])}
        results = data.get("facet_results", {})
        results = results.get("results", results)  # the shape of facet_results differs between versions
        assert expected <= set(results), (table, expected, set(results))
        for facet in expected:
            assert results[facet]["results"], (table, facet)


def test_records_faceted_by_jurisdiction_kind_topic_year(datasette: Datasette) -> None:
    data = get_json(datasette, f"/{DATABASE}/records.json?_shape=objects&jurisdiction=KR")
    assert data["rows"] and {row["jurisdiction"] for row in data["rows"]} == {"KR"}
    topics = get_json(datasette, f"/{DATABASE}/records.json?_shape=objects&topics__arraycontains=deepfake")
    assert topics["rows"] and all("deepfake" in json.loads(row["topics"]) for row in topics["rows"])


@pytest.mark.parametrize("name", list(QUERIES))
def test_every_canned_query_returns_rows(datasette: Datasette, name: str) -> None:
    for params in [{}, *QUERY_PARAMS.get(name, [])]:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        data = get_json(datasette, f"/{DATABASE}/{name}.json?_shape=objects&{query}")
        assert data["rows"], (name, params)


def test_possession_of_synthetic_material_finds_the_deepfake_article(datasette: Datasette) -> None:
    rows = get_json(datasette, f"/{DATABASE}/possession_of_synthetic_material.json?_shape=objects")["rows"]
    assert [(r["record_id"], r["number"]) for r in rows] == [("kr-law-sexual-violence-punishment-act", "제14조의2")]
    assert rows[0]["url"].startswith("https://www.law.go.kr/")


def test_cases_applying_a_provision_and_unverified_facts(datasette: Datasette) -> None:
    path = f"/{DATABASE}/cases_applying_provision.json?_shape=objects&law=kr-law-sexual-violence-punishment-act"
    assert {r["case_id"] for r in get_json(datasette, f"{path}&provision=제14조")["rows"]} == {
        "kr-case-supreme-cho-jubin"
    }
    assert get_json(datasette, f"{path}&provision=제14조의2")["rows"] == []
    facts = get_json(datasette, f"/{DATABASE}/unverified_facts.json?_shape=objects")["rows"]
    assert all(r["unconfirmed_fact"] and r["status"] != "verified" for r in facts)


def test_kb_datasette_writes_the_metadata_if_missing_and_prints_the_command(mini_build: Path) -> None:
    target = current_build(mini_build) / METADATA_FILE
    target.unlink(missing_ok=True)
    result = CliRunner().invoke(cli, ["datasette", "--build", str(mini_build), "--no-launch"])
    assert result.exit_code == 0, result.output
    current = mini_build / "current"
    assert result.output.strip() == f"datasette {current / 'kb.sqlite'} -m {current / METADATA_FILE}"
    assert json.loads(target.read_text("utf-8"))["databases"][DATABASE]["queries"].keys() == QUERIES.keys()
