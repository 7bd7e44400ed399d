"""The web page without a browser: every page's HTML, escaping, languages, 404 pages, no-JavaScript paths."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
import yaml
from fastapi.testclient import TestClient

from api.main import create_app
from api.web import safe_next
from api.web.i18n import LABELS, STRINGS, pick, ui_language
from api.web.record_page import STYLES
from api.web.render import STATIC, TEMPLATES
from indexer.build import build_kb
from kb.loader import load_corpus

from .conftest import MINI, assert_error_shape

HTML = {"accept": "text/html,application/xhtml+xml"}
LAW = "kr-law-sexual-violence-punishment-act"
EVIL = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"


def page(client: TestClient, url: str, status: int = 200, lang: str = "en") -> str:
    client.cookies.set("ui_lang", lang)
    response = client.get(url, headers=HTML)
    assert response.status_code == status, response.text[:2000]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- search --------------------------------------------------------------------------------------


def test_search_page_lists_results_with_badges_and_snippets(client: TestClient) -> None:
    html = page(client, "/?q=딥페이크", lang="ko")
    assert '<html lang="ko">' in html
    assert '<mark class="hl' in html
    assert "미검증" in html and 'class="badge kind kind-provision">조문' in html
    assert 'title="대한민국"' in html
    assert "함께 검색한 말:" in html and "深度伪造" in html


def test_search_page_shows_the_same_hits_as_the_api(client: TestClient) -> None:
    api = client.get("/v1/search", params={"q": "telegram", "lang": "en"}).json()
    html = page(client, "/?q=telegram")
    found = re.findall(r'<li class="hit">\s*<h3><a href="/records/([a-z0-9-]+)', html)
    assert found == [h["id"] for h in api["hits"]]
    for code, count in api["facets"]["jurisdiction"].items():
        assert re.search(rf'data-value="{code}"[^>]*>\s*<span[^>]*>☐</span>[^<]*<span class="n">{count}</span>', html)


def test_facets_combine_and_can_be_removed(client: TestClient) -> None:
    html = page(client, "/?q=telegram&jurisdiction=KR&kind=case")
    assert html.count('<li class="hit">') == 1
    chips = re.findall(r'<a class="chip" href="([^"]+)" aria-label="Remove filter: ([^"]+)"', html)
    assert dict((name, href) for href, name in chips) == {
        "Republic of Korea": "/?q=telegram&amp;kind=case",
        "Case": "/?q=telegram&amp;jurisdiction=KR",
    }
    assert 'href="/?q=telegram">Clear all filters' in html


def test_year_and_topic_filters(client: TestClient) -> None:
    html = page(client, "/?year=2021")
    assert 'aria-label="Remove filter: 2021"' in html
    assert all(d.startswith("2021") for d in re.findall(r'<time datetime="(\d{4})', html.split('class="hits"')[1])[:1])
    html = page(client, "/?topic=telegram")
    assert 'aria-label="Remove filter: Telegram' in html


def test_pagination_and_a_page_past_the_end(client: TestClient) -> None:
    html = page(client, "/")
    assert 'aria-label="Result pages"' in html and 'href="/?page=2" rel="next"' in html
    html = page(client, "/?page=2")
    assert 'aria-current="page" aria-label="Page 2"' in html and 'rel="prev"' in html
    html = page(client, "/?q=telegram&page=9")
    assert "Page 9 is past the last page." in html and 'href="/?q=telegram">Go to the last page (1)' in html


def test_interpretation_in_plain_words(client: TestClient) -> None:
    html = page(client, "/?q=성폭력처벌법 제14조의2")
    assert "Recognised citation: 성폭력처벌법 제14조의2 — found" in html
    assert f'href="/records/{LAW}#p-%EC%A0%9C14%EC%A1%B0%EC%9D%982"' in html
    html = page(client, "/?q=telegram -privacy")
    assert "Excluded: privacy" in html
    html = page(client, "/?q=take it down")
    assert "Ignored common words: it" in html


def test_empty_result_and_malformed_query_messages(client: TestClient) -> None:
    html = page(client, "/?q=zzyzzyx&jurisdiction=KR")
    assert "No records match “zzyzzyx”." in html and "Search again without filters" in html
    html = page(client, "/?q=(telegram", lang="zh")
    assert "无法按原样解析搜索语法" in html and "unbalanced parenthesis" in html
    html = page(client, "/?q=the of")
    assert "only very common words" in html
    html = page(client, "/?q=" + "a" * 600)
    assert "The search was cut to 500 characters." in html


def test_lenient_parameters_never_become_json_errors(client: TestClient) -> None:
    for url in (
        "/?page=abc",
        "/?page=-3",
        "/?kind=nonsense",
        "/?jurisdiction=<x>",
        "/?year=20x1",
        "/?sort=up",
        "/?q=%00",
    ):
        page(client, url)


# --- record --------------------------------------------------------------------------------------


def test_record_page(client: TestClient) -> None:
    html = page(client, f"/records/{LAW}")
    assert '<h1 lang="en">Act on Special Cases Concerning the Punishment of Sexual Crimes</h1>' in html
    assert (
        '<dd lang="ko">성폭력범죄의 처벌 등에 관한 특례법' in html
        and '<dd lang="zh">性暴力犯罪处罚等相关特例法' in html
    )
    assert "Summary in our words (not the official text)" in html
    assert 'href="https://www.law.go.kr/법령/성폭력범죄의처벌등에관한특례법/제14조의2"' in html
    assert "Not confirmed" in html and "test fixture; see data/ for the checked record" in html
    assert '<h3 class="rel-type">Applied in</h3>' in html and 'href="/records/kr-case-supreme-cho-jubin"' in html
    assert f'data-cite-url="/v1/records/{LAW}/cite"' in html
    assert f'data-cite-url="/v1/records/{LAW}/provisions/%EC%A0%9C14%EC%A1%B0%EC%9D%982/cite"' in html
    assert "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2</pre>" in html


@pytest.mark.parametrize("style", ["en", "bibtex", "ris", "csl-json"])
def test_citation_styles_without_javascript(client: TestClient, style: str) -> None:
    api = client.get(f"/v1/records/{LAW}/provisions/14-2/cite", params={"style": style}).json()["citation"]
    html = page(client, f"/records/{LAW}?cite=제14조의2&style={style}")
    shown = re.search(r'id="cite-p-%EC%A0%9C14%EC%A1%B0%EC%9D%982".*?<pre[^>]*>(.*?)</pre>', html, re.S)
    assert shown is not None
    import html as html_lib
    import json

    text = html_lib.unescape(shown.group(1))
    assert (json.loads(text) if style == "csl-json" else text) == api
    assert f'<option value="{style}" selected>' in html


def test_record_and_unknown_pages_are_html_404s(client: TestClient) -> None:
    html = page(client, "/records/kr-law-no-such-thing", 404)
    assert "There is no record with the id “kr-law-no-such-thing”." in html and 'href="/">Back to search' in html
    html = page(client, "/records/<script>", 404)
    assert "<script>" not in html.replace('<script src="/static/app.js" defer></script>', "")
    html = page(client, "/no/such/page", 404, lang="ko")
    assert "페이지를 찾을 수 없습니다" in html
    assert_error_shape(client.get("/no/such/page"), 404)  # API clients still get JSON
    assert_error_shape(client.get("/v1/records/nope", headers=HTML), 404)


# --- comparison and timeline ----------------------------------------------------------------------


def test_compare_page(client: TestClient) -> None:
    html = page(client, "/compare")
    assert "Choose a topic to compare." in html and '<option value="deepfake"' in html
    html = page(client, "/compare?topic=deepfake")
    assert "<table" in html and ">KR</abbr></th>" in html
    assert "Viewing" in html and "「성폭력범죄의 처벌 등에 관한 특례법」 제14조의2" in html
    assert "Nothing recorded on this topic for:" in html
    html = page(client, "/compare?topic=deepfake&jurisdiction=KR&jurisdiction=zz1")
    assert ">KR</abbr></th>" in html and ">US</abbr></th>" not in html
    html = page(client, "/compare?topic=no-such-topic", 400)
    assert "unknown topic" in html


def test_timeline_page(client: TestClient) -> None:
    api = client.get("/v1/timeline", params={"topic": "telegram"}).json()
    html = page(client, "/timeline?topic=telegram", lang="zh")
    assert f"{api['total']} 个事件" in html
    assert re.findall(r'<time datetime="([\d-]+)">', html) == [e["date"] for e in api["events"]]
    html = page(client, "/timeline?q=zzyzzyx")
    assert "No dated events match." in html


# --- languages ---------------------------------------------------------------------------------------


def test_language_switch_sets_a_cookie_and_returns_to_the_page(client: TestClient) -> None:
    client.cookies.clear()
    response = client.get("/lang/zh", params={"next": "/?q=偷拍"}, follow_redirects=False)
    assert response.status_code == 303 and unquote(response.headers["location"]) == "/?q=偷拍"
    assert "ui_lang=zh" in response.headers["set-cookie"]
    html = client.get("/?q=偷拍", headers=HTML).text
    assert '<html lang="zh">' in html and "共 " in html
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example", None):
        assert safe_next(target) == "/"


def test_interface_language_from_the_browser() -> None:
    assert ui_language(None, "zh-CN,zh;q=0.9,en;q=0.8") == "zh"
    assert ui_language(None, "fr-FR, ko;q=0.5") == "ko"
    assert ui_language("en", "ko") == "en"
    assert ui_language("xx", None) == "en"
    assert pick({"ko": "가", "en": "a"}, "zh").lang == "en"


def test_every_interface_string_is_translated_and_used_keys_exist() -> None:
    for key, texts in {**STRINGS, **LABELS}.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_-]+)["']\s*[,)]""", template.read_text()))
    used |= {f"style_{style}" for style in STYLES}
    assert used - set(STRINGS) == set()


# --- security and assets ---------------------------------------------------------------------------


def test_no_external_assets_and_no_inline_scripts_or_styles(client: TestClient) -> None:
    html = page(client, f"/records/{LAW}")
    assert re.findall(r'<script(?![^>]*src="/static/)', html) == []
    assert " style=" not in html and "<style" not in html
    assert not re.search(r'(src|href)="(https?:)?//[^"]*\.(js|css|woff2?)"', html)
    for asset in STATIC.iterdir():
        if asset.suffix in (".css", ".js"):
            assert not re.search(r"https?://|@import|url\(", asset.read_text()), asset
        response = client.get(f"/static/{asset.name}")
        assert response.status_code == 200
    assert "script-src 'self'" in client.get("/", headers=HTML).headers["content-security-policy"]


def test_pages_are_not_in_the_openapi_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(p == "/" or not p.startswith(("/v1", "/mcp")) for p in paths), list(paths)


@pytest.fixture(scope="module")
def evil_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The mini corpus with markup in a record's text, and a provision with an earlier wording."""
    corpus = tmp_path_factory.mktemp("evil-corpus")
    shutil.copytree(MINI, corpus, dirs_exist_ok=True)
    us = corpus / "laws" / "us" / "us-law-take-it-down-act.yaml"
    record = yaml.safe_load(us.read_text())
    record["title"]["en"] = f"TAKE IT DOWN Act {EVIL}"
    record["summary"]["en"] += f" Zebrafinch {EVIL}"
    record["verification"]["unverified_facts"] = [f"fact {EVIL}"]
    us.write_text(yaml.safe_dump(record, allow_unicode=True))
    kr = corpus / "laws" / "kr" / f"{LAW}.yaml"
    law = yaml.safe_load(kr.read_text())
    law["provisions"][1]["in_force_from"] = "2024-10-16"
    law["provisions"][1]["versions"] = [
        {
            "valid_from": "2020-06-25",
            "valid_to": "2024-10-15",
            "text": {"en": "Earlier: editing or distributing deepfakes was punished; possession was not."},
            "text_kind": "summary",
            "note": "before the 2024 amendment",
        }
    ]
    kr.write_text(yaml.safe_dump(law, allow_unicode=True))
    build = tmp_path_factory.mktemp("evil-build")
    build_kb(load_corpus(corpus), build)
    with TestClient(create_app(build, warm=False)) as test_client:
        yield test_client


def only_our_script(html: str) -> str:
    return html.replace('<script src="/static/app.js" defer></script>', "")


def test_record_text_is_escaped(evil_client: TestClient) -> None:
    html = page(evil_client, "/records/us-law-take-it-down-act")
    rest = only_our_script(html)
    assert "<script>" not in rest and "<img" not in rest
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;" in html
    assert "fact &lt;script&gt;" in html


def test_snippets_keep_their_marks_and_nothing_else(evil_client: TestClient) -> None:
    html = page(evil_client, "/?q=zebrafinch")
    rest = only_our_script(html)
    assert "<script>" not in rest and "<img" not in rest
    assert re.search(r'<p class="snippet">[^<]*<mark class="hl[^"]*">Zebrafinch</mark>', html)
    html = page(evil_client, "/?q=<script>alert(1)</script>")
    assert "<script>alert(1)" not in only_our_script(html)
    assert 'value="&lt;script&gt;alert(1)&lt;/script&gt;"' in html


def test_versions_in_time_and_wording_on_a_date(evil_client: TestClient) -> None:
    html = page(evil_client, f"/records/{LAW}")
    assert "Versions in time" in html and "2020-06-25 to 2024-10-15" in html
    assert "Earlier: editing or distributing deepfakes was punished" in html
    assert "in force since 2024-10-16" in html
    html = page(evil_client, f"/records/{LAW}?as_of=2022-01-01")
    on_day = text_of(html.split('class="notice as-of-result"')[2].split("</div>")[0])
    assert "On 2022-01-01" in on_day and "Earlier: editing" in on_day and "a later wording exists" in on_day
