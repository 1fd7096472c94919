"""The web pages over a real store, read as HTML (no browser): highlights, escaping, the
explorer, sources, measures, clusters, downloads and error pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from seeded import COPY_ID, CRAFTED_ID, SEED, SEED_ID, build_store, gold_attributions

from claimledger.api.app import create_app
from claimledger.store import db, queries

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def client(store: str) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=None)) as c:
        yield c


class Spans(HTMLParser):
    """Collect every highlight element: class, data attributes and the text inside it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[dict[str, object] | None] = []
        self.found: list[dict[str, object]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        if tag != "span":
            return
        a = dict(attrs)
        if "hl" in (a.get("class") or "").split() and "data-start" in a:
            rec: dict[str, object] = {**a, "text": ""}
            self.found.append(rec)
            self.open.append(rec)
        else:
            self.open.append(None)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open:
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for rec in self.open:
            if rec is not None:
                rec["text"] = str(rec["text"]) + data


def highlights(html: str) -> Spans:
    article = re.search(r'<article class="doc-text"[^>]*>(.*?)</article>', html, re.S)
    assert article, "no article element"
    parser = Spans()
    parser.feed(article.group(1))
    return parser


def fragments(spans: Spans, cls: str, claim: str) -> tuple[int, int, str]:
    """The extent and text of one claim's ``cls`` highlight, joining its fragments."""
    parts = [
        s for s in spans.found
        if cls in str(s["class"]).split() and s.get("data-claim") == claim
    ]
    assert parts, f"no {cls} for {claim}"
    starts = [int(str(p["data-start"])) for p in parts]
    ends = [int(str(p["data-end"])) for p in parts]
    return min(starts), max(ends), "".join(str(p["text"]) for p in parts)


def test_seed_page_highlights_every_gold_content(client: TestClient, store: str) -> None:
    html = client.get(f"/documents/{SEED_ID}", headers=HTML).text
    spans = highlights(html)
    text = SEED.read_text(encoding="utf-8")
    stored = queries.extraction(db.create(store), SEED_ID)
    assert stored is not None and not isinstance(stored, Exception)
    by_span = {(a.content.start, a.content.end): a.id for a in stored.attributions}
    gold = gold_attributions()
    assert len(gold) == 19
    for g in gold:
        c = g["content"]
        assert isinstance(c, dict)
        claim = by_span.get((c["start"], c["end"]))
        assert claim is not None, f"gold content {c['text']!r} is not a stored content"
        start, end, shown = fragments(spans, "hl-content", claim)
        assert (start, end) == (c["start"], c["end"])
        assert shown == c["text"] == text[start:end]


def test_every_highlight_is_the_text_at_its_offsets(client: TestClient, store: str) -> None:
    for key in (SEED_ID, CRAFTED_ID):
        found = queries.extraction(db.create(store), key)
        assert found is not None and not isinstance(found, Exception)
        text = found.document.text
        spans = highlights(client.get(f"/documents/{key}", headers=HTML).text)
        assert spans.found
        for s in spans.found:
            start, end = int(str(s["data-start"])), int(str(s["data-end"]))
            assert s["text"] == text[start:end], (key, s)
        # Every claim's source, cue and content is drawn, in its own style.
        for a in found.attributions:
            for cls, span in (("hl-content", a.content), ("hl-source", a.source),
                              ("hl-cue", a.cue)):
                if span is not None:
                    assert fragments(spans, cls, a.id)[:2] == (span.start, span.end)


def test_crafted_article_offsets_after_emoji_and_scripts(client: TestClient, store: str) -> None:
    found = queries.extraction(db.create(store), CRAFTED_ID)
    assert found is not None and not isinstance(found, Exception)
    spans = highlights(client.get(f"/documents/{CRAFTED_ID}", headers=HTML).text)
    contents = {fragments(spans, "hl-content", a.id)[2] for a in found.attributions}
    # Each of these needs offsets counted in code points after astral characters.
    assert any("🚚" in c for c in contents)
    assert any("безопасности 🙏" in c for c in contents)
    assert any("👨‍👩‍👧 in 東京区" in c for c in contents)


def test_markup_in_an_article_is_text(client: TestClient) -> None:
    html = client.get(f"/documents/{CRAFTED_ID}", headers=HTML).text
    assert "<script>alert" not in html and "<b>was not</b>" not in html
    assert "&lt;script&gt;alert(&#34;owned&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;was not&lt;/b&gt;" in html
    # The title (from the sidecar) holds "<script>" too.
    assert "Aid &lt;script&gt; test 🚚" in html
    spans = highlights(html)
    assert spans.scripts == 0


def test_claim_cards_hold_the_fields(client: TestClient, store: str) -> None:
    html = client.get(f"/documents/{SEED_ID}", headers=HTML).text
    found = queries.extraction(db.create(store), SEED_ID)
    assert found is not None and not isinstance(found, Exception)
    for a in found.attributions:
        card = re.search(rf'<section class="claim-card" id="card-{a.id}".*?</section>', html, re.S)
        assert card, a.id
        for field in ("source_entity", "source_role", "via", "channel", "said_on", "hedge",
                      "intervals"):
            assert f'data-field="{field}"' in card.group(0)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "The ledger"),
        ("/documents", SEED_ID),
        ("/documents?outlet=Test+Gazette", CRAFTED_ID),
        ("/claims", "Claims"),
        ("/claims?source=Volodymyr+Zelensky", "Zelensky"),
        ("/claims?text=casualties", "casualties"),
        ("/claims?since=2025-01-10&until=2025-01-11", "2025-01-1"),
        ("/claims?outlet=Wire+Service", COPY_ID),
        ("/sources", "Volodymyr Zelensky"),
        ("/sources/Volodymyr%20Zelensky", "Volodymyr Zelensky"),
        ("/measures", "casualties"),
        ("/clusters", "origins"),
        ("/api/docs", "/api/attributions"),
    ],
)
def test_pages_render(client: TestClient, path: str, expected: str) -> None:
    r = client.get(path, headers=HTML)
    assert r.status_code == 200, r.text[:300]
    assert expected in r.text


def test_claims_explorer_pages_and_links(client: TestClient) -> None:
    r = client.get("/claims?document=" + SEED_ID, headers=HTML)
    links = re.findall(rf'href="/documents/{SEED_ID}#(a\d+)"', r.text)
    assert len(links) == 19
    first = client.get("/claims?offset=0", headers=HTML).text
    assert 'rel="next"' not in first or "offset=50" in first


def test_claims_explorer_filters_by_kind_and_unsourced(client: TestClient) -> None:
    r = client.get(f"/claims?document={SEED_ID}&kind=direct", headers=HTML)
    assert len(re.findall(rf'href="/documents/{SEED_ID}#(a\d+)"', r.text)) == 3
    assert "<option selected>direct</option>" in r.text
    r = client.get("/claims?unsourced=true", headers=HTML)
    assert "No claims match." in r.text and 'value="true" checked' in r.text
    r = client.get("/claims?kind=quoted", headers=HTML)
    assert "kind must be one of" in r.text


def test_claims_explorer_shows_a_bad_filter(client: TestClient) -> None:
    r = client.get("/claims?since=yesterday", headers=HTML)
    assert r.status_code == 200
    assert "since must be a date" in r.text


def test_measure_page_draws_the_casualty_estimates(client: TestClient) -> None:
    measures = client.get("/api/measures?text=casualties").json()["items"]
    assert measures
    html = client.get(f"/measures/{measures[0]['id']}", headers=HTML).text
    assert "<svg" in html and 'class="estimate' in html
    marks = re.findall(r'<g class="estimate[^"]*" data-index="\d+" data-source="([^"]*)" '
                       r'data-low="([^"]*)" data-high="([^"]*)"', html)
    bounds = {(s, lo, hi) for s, lo, hi in marks}
    assert ("Lloyd Austin", "1000.0", "") in bounds
    assert ("Volodymyr Zelensky", "", "4000.0") in bounds
    assert 'data-relation="compatible"' in html


def test_cluster_page_separates_origins_and_copies(client: TestClient) -> None:
    clusters = client.get("/api/clusters?min_outlets=2").json()
    assert clusters, "the wire copy should put the seed's claims in clusters across outlets"
    html = client.get(f"/clusters/{clusters[0]['id']}", headers=HTML).text
    assert "role-origin" in html and "role-copy" in html
    assert "Wire Service" in html and "Newsweek" in html


@pytest.mark.parametrize(
    ("path", "status"),
    [("/documents/no-such-doc", 404), ("/measures/999999", 404), ("/measures/abc", 422),
     ("/clusters/999999", 404), ("/sources/Nobody%20At%20All", 404), ("/nowhere", 404)],
)
def test_error_pages(client: TestClient, path: str, status: int) -> None:
    r = client.get(path, headers=HTML)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'data-status="{status}"' in r.text
    # Without an HTML Accept header the same error is JSON in the one shape.
    j = client.get(path)
    assert j.status_code == status and j.json()["error"]["status"] == status


def test_document_page_downloads(client: TestClient) -> None:
    html = client.get(f"/documents/{SEED_ID}", headers=HTML).text
    link = re.search(r'href="(/api/exports/attributions\?format=csv&amp;document=[^"]+)"', html)
    assert link
    r = client.get(link.group(1).replace("&amp;", "&"))
    assert r.status_code == 200
    assert r.text.count("\n") == 1 + 19


@pytest.mark.parametrize(
    ("url", "linked"),
    [("https://example.org/a?b=1&c=2", True), ("HTTP://example.org", True),
     ("javascript:alert(1)", False), ("data:text/html,<script>x</script>", False),
     ("//evil.example", False)],
)
def test_only_web_urls_become_links(tmp_path: Path, url: str, linked: bool) -> None:
    from claimledger.model import Document, Extraction, Meta
    from claimledger.store import write

    engine = db.create(str(tmp_path / "u.db"))
    write.store(engine, [Extraction(document=Document(
        id="u", text="Some text.", meta=Meta(url=url), origin="test"))], extractor="test")
    with TestClient(create_app(engine, token=None)) as c:
        html = c.get("/documents/u", headers=HTML).text
    hrefs = re.findall(r'<a href="([^"]*)" rel="noopener', html)
    assert bool(hrefs) == linked
    assert "<script>x" not in html


def test_pages_carry_a_content_security_policy(client: TestClient) -> None:
    r = client.get(f"/documents/{SEED_ID}", headers=HTML)
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "content-security-policy" in client.get("/api/attributions").headers
