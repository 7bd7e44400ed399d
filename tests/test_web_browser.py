"""The web page in a real browser: headless Debian chromium driven by Playwright, against uvicorn.

Skipped only when /usr/bin/chromium is missing (CI installs it with apt-get; see .ci/run).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .webserver import CHROMIUM, CHROMIUM_ARGS, serve

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

expect.set_options(timeout=15_000)


@pytest.fixture(scope="module")
def base_url(mini_build: Path) -> Iterator[str]:
    with serve(mini_build) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url, locale="en-US")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    tab = context.new_page()
    yield tab
    context.close()


def search(page: Page, query: str) -> None:
    page.goto("/")
    box = page.get_by_role("searchbox", name="Search laws, cases, policies and incidents")
    box.fill("")
    box.press_sequentially(query)
    box.press("Enter")
    page.wait_for_load_state("domcontentloaded")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("박사방", "kr-case-supreme-cho-jubin"),
        ("偷拍", "cn-incident-maskpark-2025"),
        ("DSA", "eu-law-digital-services-act"),
    ],
    ids=["korean", "chinese", "english"],
)
def test_query_finds_the_expected_record_first(page: Page, query: str, expected: str) -> None:
    search(page, query)
    first = page.locator("ol.hits > li.hit").first
    expect(first.locator("h3 a")).to_have_attribute("href", f"/records/{expected}")
    expect(first.locator(".snippet")).to_be_visible()
    expect(page.get_by_role("searchbox")).to_have_value(query)


def test_query_interpretation_names_expansions_and_citations(page: Page) -> None:
    search(page, "deepfake")
    expect(page.locator(".interpretation")).to_contain_text("Also searched:")
    expect(page.locator(".interpretation")).to_contain_text("深度伪造")
    expect(page.locator("ol.hits .snippet mark").first).to_be_visible()
    search(page, "성폭력처벌법 제14조의2")
    expect(page.locator(".interpretation")).to_contain_text("Recognised citation: 성폭력처벌법 제14조의2")
    expect(page.locator("ol.hits > li.hit").first.locator("h3 a")).to_have_attribute(
        "href", "/records/kr-law-sexual-violence-punishment-act#p-%EC%A0%9C14%EC%A1%B0%EC%9D%982"
    )


def test_apply_combine_and_remove_facets(page: Page) -> None:
    search(page, "telegram")
    hits = page.locator("ol.hits > li.hit")
    expect(hits).to_have_count(5)
    page.locator(".facets a[data-facet=jurisdiction][data-value=KR]").click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?q=telegram&jurisdiction=KR")
    expect(hits).to_have_count(3)
    for badge in hits.locator(".badge.jur").all():
        expect(badge).to_have_text("KR")
    page.locator(".facets a[data-facet=kind][data-value=case]").click()
    expect(hits).to_have_count(1)
    expect(hits.first.locator("h3 a")).to_have_attribute("href", "/records/kr-case-supreme-cho-jubin")
    chips = page.get_by_role("group", name="Active filters")
    expect(chips.get_by_role("link", name="Remove filter: Republic of Korea")).to_be_visible()
    chips.get_by_role("link", name="Remove filter: Case").click()
    expect(hits).to_have_count(3)
    page.get_by_role("group", name="Active filters").get_by_role(
        "link", name="Remove filter: Republic of Korea"
    ).click()
    expect(hits).to_have_count(5)
    expect(page.get_by_role("group", name="Active filters")).to_have_count(0)


def test_open_a_record_and_copy_its_citation(page: Page) -> None:
    errors: list[str] = []  # CSP violations and failed loads show up as console errors
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    search(page, "성폭력처벌법")
    page.locator("ol.hits > li.hit h3 a").first.click()
    expect(page.locator("h1")).to_have_text("Act on Special Cases Concerning the Punishment of Sexual Crimes")
    expect(page.locator("dl.titles dd[lang=ko]")).to_contain_text("성폭력범죄의 처벌 등에 관한 특례법")
    expect(page.locator("dl.titles dd[lang=zh]")).to_have_text("性暴力犯罪处罚等相关特例法")
    expect(page.locator(".provision .badge.tk").first).to_have_text("Summary in our words (not the official text)")
    expect(page.locator(".verification .badge.ver-unverified")).to_have_text("⚠ Unverified")

    widget = page.locator("form.cite#cite")
    citation = widget.locator("pre.citation")
    expect(citation).to_have_text("「성폭력범죄의 처벌 등에 관한 특례법」")
    widget.get_by_label("Citation style").select_option("bibtex")
    expect(citation).to_contain_text("@legislation{")
    widget.get_by_role("button", name="Copy citation").click()
    expect(widget.get_by_role("status")).to_have_text("Copied to the clipboard.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == citation.inner_text()
    assert copied.startswith("@legislation{")

    provision = page.locator("article.provision", has_text="제14조의2")
    provision.get_by_label("Citation style").select_option("en")
    expect(provision.locator("pre.citation")).to_contain_text("Article 14-2 (Korea)")
    provision.get_by_role("button", name="Copy citation").click()
    assert page.evaluate("navigator.clipboard.readText()") == provision.locator("pre.citation").inner_text()
    assert errors == []


def test_switch_the_interface_language_and_remember_it(page: Page) -> None:
    page.goto("/?q=deepfake")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Interface language").get_by_role("link", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh")
    expect(page.get_by_role("searchbox")).to_have_value("deepfake")  # back on the same search
    expect(page.get_by_role("navigation", name="主菜单").get_by_role("link", name="搜索")).to_be_visible()
    page.goto("/timeline")  # remembered across pages
    expect(page.locator("h1")).to_have_text("时间线")
    page.get_by_role("link", name="한국어").click()
    expect(page.locator("h1")).to_have_text("연표")
    expect(page.locator("html")).to_have_attribute("lang", "ko")


def test_empty_result_shows_a_helpful_message(page: Page) -> None:
    search(page, "zzyzzyx")
    notice = page.locator(".notice.empty")
    expect(notice).to_contain_text("No records match “zzyzzyx”.")
    expect(notice).to_contain_text("remove a filter")
    notice.get_by_role("link", name="Browse all records").click()
    expect(page.locator("ol.hits > li.hit")).to_have_count(10)


def test_malformed_query_shows_a_helpful_message(page: Page) -> None:
    search(page, "(telegram")
    expect(page.locator(".interpretation li.warning")).to_contain_text("could not be read as written")
    expect(page.locator("ol.hits > li.hit").first).to_be_visible()
    search(page, "the of")
    expect(page.locator(".interpretation")).to_contain_text("only very common words")


def test_keyboard_reaches_the_skip_link_and_the_search_box(page: Page) -> None:
    page.goto("/compare?topic=deepfake")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0].split('?')[0]}?topic=deepfake#main")


def test_comparison_and_timeline_pages(page: Page) -> None:
    page.goto("/compare")
    page.get_by_label("Topic").select_option("deepfake")
    page.get_by_role("button", name="Compare").click()
    table = page.get_by_role("table")
    expect(table).to_contain_text("Viewing")
    expect(table.locator("thead th abbr", has_text="KR")).to_be_visible()
    page.get_by_role("link", name="Timeline of this topic").click()
    expect(page.get_by_label("Topic")).to_have_value("deepfake")
    page.get_by_label("Topic").select_option("telegram")
    page.get_by_role("button", name="Show timeline").click()
    expect(page.locator("ol.events > li").first).to_contain_text("Nth Room case")
    expect(page.locator("h2", has_text="events")).to_have_text("5 events")


def test_phone_width_has_no_sideways_scrolling(browser: Browser, base_url: str) -> None:
    context = browser.new_context(base_url=base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    for path in ("/?q=telegram", "/records/kr-law-sexual-violence-punishment-act", "/timeline"):
        tab.goto(path)
        assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
    context.close()
