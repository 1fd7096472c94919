"""The web UI in a real browser: Playwright driving Debian's Chromium, headless, against
uvicorn serving a real SQLite store (see ``seeded``).

Locally the tests are skipped when ``/usr/bin/chromium`` or Playwright is missing; under CI
(``CI=true``) a missing browser fails them. Playwright's own browser download is never used.
Screenshots go to ``docs/screenshots/``.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from seeded import CRAFTED, CRAFTED_ID, SCREENSHOTS, SEED_ID, build_store, gold_attributions

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def _need(ok: bool, why: str) -> None:
    if not ok:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why} (under CI the browser tests must run: run .ci/browser.sh)")
        pytest.skip(why)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from claimledger.api.app import create_app

    url = build_store(tmp_path_factory.mktemp("browser"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(
        create_app(url, token=None), host="127.0.0.1", port=port, log_level="warning"
    ))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    _need(CHROMIUM.exists(), f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "playwright is not installed")
        raise
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    problems: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # Console errors include content-security-policy violations and missing static files.
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.dialogs = dialogs
    yield pg
    context.close()
    assert problems == [], problems


_HIGHLIGHTS = """(cls) => Array.from(document.querySelectorAll('#doc-text .' + cls)).map(e => ({
  claim: e.dataset.claim || null, start: +e.dataset.start, end: +e.dataset.end,
  text: e.textContent}))"""


def _joined(rows: list[dict[str, Any]]) -> dict[str, tuple[int, int, str]]:
    """Per claim, the extent and text of its (possibly fragmented) highlight."""
    out: dict[str, tuple[int, int, str]] = {}
    for r in rows:
        if r["claim"] in out:
            s, e, t = out[r["claim"]]
            out[r["claim"]] = (min(s, r["start"]), max(e, r["end"]), t + r["text"])
        else:
            out[r["claim"]] = (r["start"], r["end"], r["text"])
    return out


def test_seed_page_highlights_gold_contents(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/documents/{SEED_ID}")
    contents = _joined(page.evaluate(_HIGHLIGHTS, "hl-content"))
    shown = {(s, e): t for s, e, t in contents.values()}
    gold = gold_attributions()
    assert len(gold) == 19
    for g in gold:
        c = g["content"]
        assert isinstance(c, dict)
        assert shown.get((c["start"], c["end"])) == c["text"], c
    # The page as a reader sees it, with a claim selected.
    page.locator("#doc-text .hl-source").nth(1).click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "document-seed.png"))


def test_click_a_claim_shows_its_fields(page: Any, base_url: str) -> None:
    stored = page.request.get(f"{base_url}/api/documents/{SEED_ID}").json()
    claim = next(a for a in stored["attributions"] if a["source_entity"] and a["source"])
    card = page.locator(f"#card-{claim['id']}")
    page.goto(f"{base_url}/documents/{SEED_ID}")
    assert card.is_hidden()
    page.locator(f'#doc-text .hl-source[data-claim="{claim["id"]}"]').first.click()
    assert card.is_visible()

    def field(name: str) -> str:
        return str(card.locator(f'[data-field="{name}"]').inner_text()).strip()

    assert field("source_entity") == claim["source_entity"]
    assert field("source_role") == (claim["source_role"] or "—")
    assert field("content") == claim["content"]["text"]
    assert field("via") == (" ← ".join(claim["via"]) or "—")
    assert field("channel") == (claim["channel"] or "—")
    assert field("said_on") == (claim["said_on"] or "—")
    assert field("hedge") == (claim["hedge"] or "—")
    # Another claim replaces the card; the selected highlight is outlined.
    other = next(a for a in stored["attributions"] if a["id"] != claim["id"] and a["source"])
    page.locator(f'#doc-text .hl-source[data-claim="{other["id"]}"]').first.click()
    assert card.is_hidden() and page.locator(f"#card-{other['id']}").is_visible()
    assert page.locator(f'#doc-text .selected[data-claim="{other["id"]}"]').count() >= 1


def test_intervals_on_a_claim_card(page: Any, base_url: str) -> None:
    stored = page.request.get(f"{base_url}/api/documents/{SEED_ID}").json()
    holder = next(q["attribution"] for q in stored["quantities"] if q["attribution"])
    page.goto(f"{base_url}/documents/{SEED_ID}#{holder}")
    card = page.locator(f"#card-{holder}")
    assert card.is_visible()  # opened from the link's fragment, as the explorer links
    assert "=" in card.locator('[data-field="intervals"]').inner_text()


def test_unicode_highlights_match_code_point_offsets(page: Any, base_url: str) -> None:
    text = CRAFTED.read_text(encoding="utf-8")
    page.goto(f"{base_url}/documents/{CRAFTED_ID}")
    for cls in ("hl-content", "hl-source", "hl-cue", "hl-quantity", "hl-time"):
        rows = page.evaluate(_HIGHLIGHTS, cls)
        assert rows, cls
        for r in rows:
            assert r["text"] == text[r["start"]:r["end"]], r
    contents = [t for _, _, t in _joined(page.evaluate(_HIGHLIGHTS, "hl-content")).values()]
    assert any("👨‍👩‍👧 in 東京区" in c for c in contents)
    assert any(c.startswith("Мы получили") for c in contents)


def test_script_in_an_article_renders_as_text(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/documents/{CRAFTED_ID}")
    body = page.locator("#doc-text")
    assert '<script>alert("owned")</script>' in body.inner_text()
    assert "<b>was not</b>" in body.inner_text()
    assert page.evaluate("document.querySelectorAll('#doc-text script, #doc-text b').length") == 0
    assert "<script>" in page.locator("h1").inner_text()
    assert page.dialogs == []
    page.screenshot(path=str(SCREENSHOTS / "document-unicode-script.png"))


def test_measure_page_shows_the_chart(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/measures")
    page.get_by_role("link", name="casualties").first.click()
    chart = page.locator("svg.measure-chart")
    assert chart.is_visible()
    marks = page.locator("svg.measure-chart g.estimate")
    assert marks.count() == 2
    sources = {marks.nth(i).get_attribute("data-source") for i in range(2)}
    assert sources == {"Lloyd Austin", "Volodymyr Zelensky"}
    bounds = {(marks.nth(i).get_attribute("data-low"), marks.nth(i).get_attribute("data-high"))
              for i in range(2)}
    assert bounds == {("1000.0", ""), ("", "4000.0")}
    assert page.locator("[data-relation]").inner_text() == "compatible"
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 150
    page.screenshot(path=str(SCREENSHOTS / "measure-casualties.png"), full_page=True)


def test_explorer_links_to_the_claim_in_its_document(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/claims?source=Volodymyr+Zelensky")
    link = page.locator(f'a[href^="/documents/{SEED_ID}#"]').first
    target = str(link.get_attribute("href")).split("#")[1]
    page.screenshot(path=str(SCREENSHOTS / "claims-explorer.png"))
    link.click()
    page.wait_for_url(f"**/documents/{SEED_ID}#{target}")
    assert page.locator(f"#card-{target}").is_visible()


def test_cluster_page(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/clusters?min_outlets=2")
    page.locator("table.list a").first.click()
    assert page.locator(".role-origin").count() >= 1
    assert page.locator(".role-copy").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "cluster.png"))
