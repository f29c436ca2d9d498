"""A real browser (headless Chromium driven by playwright) over the real server on the examples' ledger.

Opens the overview, clicks to an actor, checks the timeline draws one mark per dated statement (as the API
counts them), opens a statement and checks the highlighted span is the statement's text; saves a screenshot
of the actor page to test-artifacts/ and docs/. Skips without a browser; fails instead when CI is set.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from .web_kit import REPO

CHROMIUM = "/usr/bin/chromium"
# From /work/shared/RECIPES.md "A real browser in tests": no sandbox (root in a container), no GPU, no
# network of its own.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = REPO / "test-artifacts"
DOCS_SHOT = REPO / "docs" / "actor-page.png"
VIEWPORT = {"width": 1280, "height": 900}


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser test must run: install chromium, see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ModuleNotFoundError:
        _unavailable("the playwright package is not installed")
    path = os.environ.get("ONRECORD_CHROMIUM") or shutil.which("chromium") or CHROMIUM
    if not Path(path).exists():
        _unavailable(f"no Chromium at {path}: apt-get install chromium")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=path, headless=True, args=ARGS)
        except Error as exc:
            _unavailable(f"Chromium at {path} did not start: {str(exc).splitlines()[0]}")
        yield b
        b.close()


def test_browser_overview_actor_timeline_statement(browser, example_server):
    import httpx

    page = browser.new_page(viewport=VIEWPORT)
    page.goto(example_server.url + "/")
    assert page.locator("#count-statements").inner_text().strip() == str(
        httpx.get(example_server.url + "/api/statements?limit=1").json()["total"])
    # 1. click to the first (most quoted) actor
    link = page.locator("a.actor-link").first
    name = link.inner_text().strip()
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == name
    actor_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    # 2. one mark per dated statement on negotiations, as the API has them; then the same for all topics
    for about in ("negotiations", "all"):
        if about == "all":
            page.select_option("select[name=about]", "all")
            page.click("form.filters button")
            page.wait_for_load_state()
        api = httpx.get(f"{example_server.url}/api/actors/{actor_id}/timeline", params={"about": about}).json()
        dated = [s for s in api["items"] if s["day"]]
        marks = page.locator("svg.timeline circle.mark")
        assert marks.count() == len(dated), about
        assert sorted(marks.evaluate_all("els => els.map(e => e.dataset.uid)")) == sorted(s["uid"] for s in dated)
    assert marks.count() > 0, "the most quoted actor should have dated statements"
    first_title = marks.first.locator("title").text_content()
    assert dated[0]["day"] in first_title or any(s["day"] in first_title for s in dated)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "actor-page.png"), full_page=True)
    if os.environ.get("ONRECORD_UPDATE_DOCS"):  # refresh the README's screenshot on request only
        DOCS_SHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(DOCS_SHOT), full_page=False)
    # 3. click a mark: the statement page highlights exactly the statement's words
    uid = marks.first.get_attribute("data-uid")
    page.locator("a.mark-link").first.click()
    page.wait_for_load_state()
    article_uid, sid = uid.split("#")
    st = httpx.get(f"{example_server.url}/api/statements/{article_uid}/{sid}").json()
    marked = page.locator('#article-text [data-role="statement"]')
    assert marked.count() == 1
    assert marked.text_content() == st["text"]
    article = httpx.get(f"{example_server.url}/api/articles/{st['article']['id']}").json()
    assert page.locator("#article-text").text_content() == article["text"]
    page.close()
