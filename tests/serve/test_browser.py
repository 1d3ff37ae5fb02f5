"""The explorer in real headless Chromium: each view opens on the sample store and its clicks work.

Needs Debian's ``chromium`` (``.ci/run`` installs it) and the ``playwright`` package (dev extra),
which drives that browser; no browser is downloaded. Screenshots go to ``docs/img/`` for the
README, so they always show the explorer as it is.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.api import Coder
from eventwire.serve.app import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does it)"
)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "img"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
TIMEOUT_MS = 60_000


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(coder: Coder, sample_db: Path) -> Iterator[str]:
    import uvicorn  # noqa: PLC0415 - only the browser tests need a real server

    app = create_app(coder, db=sample_db)
    port = _free_port()
    running = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (dev extra)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, base_url=server)
    opened = context.new_page()
    opened.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    assert errors == [], f"JavaScript errors: {errors}"
    assert opened.inner_text("#error") == ""
    context.close()


def open_view(page: Any, query: str, view: str) -> None:
    page.goto("/?" + query)
    wait_ready(page, view)


def wait_ready(page: Any, view: str, url_part: str = "") -> None:
    page.wait_for_function(
        "([view, part]) => document.body.dataset.ready === view && location.search.includes(part)",
        arg=[view, url_part],
    )


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"explorer-{name}.png"), full_page=False)


def test_events_table_opens_the_article_of_a_row(page: Any) -> None:
    open_view(page, "view=events", "events")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() > 5 and "events" in page.inner_text("#events-count")
    screenshot(page, "events")
    article_id = rows.first.get_attribute("data-article")
    rows.first.click()
    wait_ready(page, "article", f"id={article_id}")
    assert page.locator("#article .trigger").count() >= 1
    assert page.locator("#article .sent.focus").count() == 1
    assert page.locator("#article-events .event.focus").count() == 1
    page.click("#tabs a[data-view=events]")
    wait_ready(page, "events")
    page.click("#tabs a[data-view=article]")
    wait_ready(page, "article", f"id={article_id}")


def test_filters_live_in_the_url(page: Any) -> None:
    open_view(page, "view=events", "events")
    page.fill("#filters input[name=actor]", "CHL")
    page.click("#filters button[type=submit]")
    wait_ready(page, "events", "actor=CHL")
    texts = page.locator("#events-table tbody tr").all_inner_texts()
    assert texts and all("CHL" in text for text in texts)
    page.reload()
    wait_ready(page, "events", "actor=CHL")
    assert page.input_value("#filters input[name=actor]") == "CHL"
    assert "actor=CHL" in (page.get_attribute("#export-link", "href") or "")


def test_article_view_highlights_actors_triggers_and_quotes(page: Any) -> None:
    open_view(page, "view=article&id=sample-diplomacy", "article")
    assert page.locator("#article .actor").count() >= 2
    assert page.locator("#article .quote").count() >= 1
    assert page.locator("#article-events .event").count() >= 1
    page.locator("#article .trigger").first.hover()
    tip = page.locator("#tip")
    tip.wait_for(state="visible")
    assert "CAMEO" in tip.inner_text() and "confidence" in tip.inner_text()
    screenshot(page, "article")


def test_timeline_bar_lists_its_events(page: Any) -> None:
    open_view(page, "view=timeline&source=IND&target=CHN&both=1&by=day", "timeline")
    bars = page.locator("#timeline-chart .bar")
    assert bars.count() >= 1
    bars.first.click()
    wait_ready(page, "timeline", "period=")
    assert page.locator("#timeline-events tbody tr").count() >= 1
    screenshot(page, "timeline")


def test_network_edge_lists_its_events(page: Any) -> None:
    open_view(page, "view=network", "network")
    edges = page.locator("#network-chart path.edge")
    assert edges.count() >= 3
    edges.first.dispatch_event("click")
    wait_ready(page, "network", "edge_source=")
    assert page.locator("#network-events tbody tr").count() >= 1
    screenshot(page, "network")
    page.locator("#network-chart g.node[data-node=CHL]").dispatch_event("click")
    wait_ready(page, "events", "country=CHL")
    assert page.locator("#events-table tbody tr").count() >= 1


def test_map_draws_countries_and_places(page: Any) -> None:
    open_view(page, "view=map", "map")
    assert page.locator("#map-chart path.country").count() > 150
    geneva = page.locator("#map-chart circle.place[data-place=Geneva]")
    geneva.dispatch_event("click")
    wait_ready(page, "map", "pick_place=Geneva")
    assert page.locator("#map-events tbody tr").count() >= 1
    screenshot(page, "map")


def test_pasted_article_is_coded_in_the_article_view(page: Any) -> None:
    open_view(page, "view=paste", "paste")
    page.fill("#paste-date", "2024-05-02")
    page.fill(
        "#paste-text",
        "Kenya recalled its ambassador from Uganda on Tuesday. Ugandan police arrested "
        "twelve opposition supporters in Kampala, the Daily Monitor reported.",
    )
    screenshot(page, "paste")
    page.click("#paste-code")
    wait_ready(page, "article", "pasted=1")
    assert page.locator("#article .trigger").count() >= 1
    assert "Kenya" in page.inner_text("#article-events")
