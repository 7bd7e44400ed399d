"""Screenshots of the main pages for the README, taken in headless chromium against a real build.

.venv/bin/kb build --out /tmp/webshots
.venv/bin/python -m tests.web_screenshots /tmp/webshots docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from .webserver import CHROMIUM, CHROMIUM_ARGS, serve

RECORDS = ("kr-law-sexual-violence-punishment-act", "kr-law-child-youth-sexual-protection-act")


def shoot(browser: Browser, base: str, out: Path) -> list[Path]:
    taken: list[Path] = []
    desk = browser.new_context(base_url=base, viewport={"width": 1280, "height": 1000}, locale="ko-KR")
    tab = desk.new_page()

    def save(name: str, full_page: bool = False) -> None:
        path = out / name
        tab.screenshot(path=str(path), full_page=full_page)
        taken.append(path)

    tab.goto("/lang/ko?next=/")
    tab.get_by_role("searchbox").fill("딥페이크 처벌")
    tab.get_by_role("searchbox").press("Enter")
    tab.wait_for_selector("ol.hits li.hit")
    save("search-ko.png")

    tab.goto("/lang/en?next=/")
    record = next((r for r in RECORDS if tab.request.get(f"{base}/v1/records/{r}").ok), None)
    if record is None:
        tab.goto("/?q=deepfake&kind=law")
        record = tab.locator("ol.hits li.hit h3 a").first.get_attribute("href").split("/")[-1].split("#")[0]  # type: ignore[union-attr]
    tab.goto(f"/records/{record}")
    widget = tab.locator("form.cite#cite")
    widget.locator("select").select_option("en")
    tab.wait_for_timeout(500)
    save("record.png")

    tab.goto("/compare?topic=deepfake")
    tab.locator("table.matrix").scroll_into_view_if_needed()
    tab.evaluate("window.scrollTo(0, 0)")
    save("compare.png")

    tab.goto("/lang/zh?next=/timeline?topic=telegram")
    save("timeline.png")
    desk.close()

    phone = browser.new_context(
        base_url=base, viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    tab = phone.new_page()
    tab.goto("/lang/zh?next=/")
    tab.get_by_role("searchbox").fill("偷拍")
    tab.get_by_role("searchbox").press("Enter")
    tab.wait_for_selector("ol.hits li.hit")
    save("phone-zh.png")
    phone.close()
    return taken


def main(argv: list[str]) -> None:
    build, out = Path(argv[0]), Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    with serve(build) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for path in shoot(browser, base, out):
            print(path)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
