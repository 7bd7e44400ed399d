"""Property-based API tests: schemathesis against our own OpenAPI schema, and hypothesis on every parameter."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from api.main import create_app
from indexer.engine import Engine


@pytest.fixture(scope="module")
def app(mini_build: Path):  # type: ignore[no-untyped-def]
    application = create_app(mini_build, warm=False)
    application.state.engine = Engine.open(mini_build)
    return application


@pytest.fixture(scope="module")
def api_schema(app):  # type: ignore[no-untyped-def]
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_api_conforms_to_its_schema(api_schema) -> None:  # type: ignore[no-untyped-def]
    """Every operation: no server error, responses match their schema, statuses are documented."""
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    for operation in operations:

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=checks)

        run()


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
PARAMS = ("q", "jurisdiction", "kind", "topic", "status", "date_from", "date_to", "lang", "sort", "page", "page_size")


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=TEXT)
def test_any_query_text_is_answered(app, q: str) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/search", params={"q": q})
    assert response.status_code in (200, 400, 422), response.text
    assert response.json()


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=st.dictionaries(st.sampled_from(PARAMS), TEXT, max_size=5))
def test_any_parameter_value_is_answered(app, params: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/v1/search", "/v1/timeline", "/v1/export"):
            response = client.get(path, params=params)
            assert response.status_code in (200, 400, 422), (path, params, response.text)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(record_id=TEXT, number=TEXT)
def test_any_record_path_is_answered(app, record_id: str, number: str) -> None:  # type: ignore[no-untyped-def]
    from urllib.parse import quote

    with TestClient(app, raise_server_exceptions=False) as client:
        for path in (
            f"/v1/records/{quote(record_id, safe='')}",
            f"/v1/records/{quote(record_id, safe='')}/provisions/{quote(number, safe='')}",
        ):
            response = client.get(path)
            assert response.status_code in (200, 404, 422), (path, response.text)
