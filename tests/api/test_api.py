"""The JSON API over a real SQLite store (the real ingest and ledger build; no mocks):
every route with good and bad requests, the one error shape, the body limit, and writes
with and without a token."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from claimledger.api.app import MAX_BODY, create_app
from claimledger.store import db

# The web tests' store builder (seed article, a wire copy of it, a crafted Unicode article).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
from seeded import COPY_ID, CRAFTED_ID, SEED_ID, build_store  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("api"))


@pytest.fixture(scope="module")
def client(store: str) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=None)) as c:
        yield c


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[TestClient]:
    """A client of a fresh store whose server holds a token."""
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN)) as c:
        yield c


def assert_error(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is ``status`` in the one error shape; return its ``error`` object."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"}
    assert err["status"] == status and isinstance(err["message"], str) and err["message"]
    assert isinstance(err["details"], list)
    if code is not None:
        assert err["code"] == code
    return dict(err)


# --- reading -------------------------------------------------------------------------------


def test_documents_listing_and_paging(client: TestClient) -> None:
    body = client.get("/api/documents").json()
    ids = {d["id"] for d in body["items"]}
    assert ids == {SEED_ID, COPY_ID, CRAFTED_ID}
    assert body["next_offset"] is None
    first = client.get("/api/documents?limit=2").json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    rest = client.get("/api/documents?limit=2&offset=2").json()
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    assert {d["id"] for d in first["items"] + rest["items"]} == ids
    only = client.get("/api/documents?outlet=Wire+Service").json()["items"]
    assert [d["id"] for d in only] == [COPY_ID] and only[0]["attributions"] == 19


def test_document_is_the_extract_shape_with_valid_offsets(client: TestClient) -> None:
    for key in (SEED_ID, CRAFTED_ID):
        d = client.get(f"/api/documents/{key}").json()
        assert d["schema"] == 1 and d["id"] == key
        t = d["text"]
        for a in d["attributions"]:
            for name in ("source", "cue", "content"):
                s = a[name]
                if s is not None:
                    assert t[s["start"]:s["end"]] == s["text"]
        for q in d["quantities"] + d["times"]:
            assert t[q["start"]:q["end"]] == q["text"]
    seed = client.get(f"/api/documents/{SEED_ID}").json()
    assert len(seed["attributions"]) == 19


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({}, lambda rows: len(rows) == 42),
        ({"source": "Volodymyr Zelensky"},
         lambda rows: rows and all(r["source_entity"] == "Volodymyr Zelensky" for r in rows)),
        ({"source": "nobody at all"}, lambda rows: rows == []),
        ({"entity": "Volodymyr Zelensky"}, lambda rows: len(rows) > 0),
        ({"entity": "Nobody Known"}, lambda rows: rows == []),
        ({"text": "casualties"}, lambda rows: rows and all(
            "casualt" in r["content"].lower() for r in rows)),
        ({"since": "2025-01-12"}, lambda rows: rows and all(r["date"] >= "2025-01-12"
                                                            for r in rows)),
        ({"until": "2025-01-09"}, lambda rows: all(r["date"] <= "2025-01-09" for r in rows)),
        ({"outlet": "Test Gazette"}, lambda rows: len(rows) == 4 and all(
            r["document"] == CRAFTED_ID for r in rows)),
        ({"document": SEED_ID, "limit": 100}, lambda rows: len(rows) == 19),
        ({"document": SEED_ID, "kind": "direct"}, lambda rows: len(rows) == 3 and all(
            r["kind"] == "direct" for r in rows)),
        ({"unsourced": "true"}, lambda rows: rows == []),
        ({"document": SEED_ID, "limit": 5, "offset": 15}, lambda rows: len(rows) == 4),
    ],
)
def test_attributions_filters(client: TestClient, params: dict[str, Any], check: Any) -> None:
    r = client.get("/api/attributions", params=params)
    assert r.status_code == 200, r.text
    assert check(r.json()["items"])


def test_attributions_paging_covers_every_claim_once(client: TestClient) -> None:
    seen: list[tuple[str, str]] = []
    offset: int | None = 0
    while offset is not None:
        body = client.get(f"/api/attributions?limit=7&offset={offset}").json()
        seen += [(r["document"], r["id"]) for r in body["items"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == 19 + 19 + 4


def test_sources(client: TestClient) -> None:
    rows = client.get("/api/sources").json()["items"]
    top = {r["name"]: r for r in rows}
    assert "Volodymyr Zelensky" in top
    assert top["Volodymyr Zelensky"]["documents"] == 2
    gazette = client.get("/api/sources?outlet=Test+Gazette").json()["items"]
    assert all(r["documents"] == 1 for r in gazette)


def test_entities(client: TestClient) -> None:
    rows = client.get("/api/entities?name=zelensky").json()["items"]
    assert rows and all("zelensky" in r["name"].lower() for r in rows)
    one = client.get(f"/api/entities/{rows[0]['id']}").json()
    assert one["id"] == rows[0]["id"] and one["documents"] >= 1
    people = client.get("/api/entities?type=PERSON&limit=500").json()["items"]
    assert people and {r["type"] for r in people} == {"PERSON"}


def test_clusters(client: TestClient) -> None:
    rows = client.get("/api/clusters?min_outlets=2").json()
    assert rows and all(len(r["outlets"]) >= 2 for r in rows)
    one = client.get(f"/api/clusters/{rows[0]['id']}").json()
    roles = [m["role"] for m in one["members"]]
    assert roles.count("origin") == len({m["origin"] for m in one["members"]})
    assert "copy" in roles


def test_measures(client: TestClient) -> None:
    rows = client.get("/api/measures?text=casualties").json()["items"]
    assert rows
    m = client.get(f"/api/measures/{rows[0]['id']}").json()
    assert m["relation"] == "compatible"
    bounds = {(e["source"], e["low"], e["high"]) for e in m["estimates"]}
    assert ("Lloyd Austin", 1000.0, None) in bounds
    assert ("Volodymyr Zelensky", None, 4000.0) in bounds
    assert all(e["conflicts_with"] == [] for e in m["estimates"])
    # North Korean troops hold no named count: the measure has no holder, and says so.
    assert m["holder"] is None and rows[0]["holder"] is None
    assert client.get("/api/measures?min_estimates=2").status_code == 200


@pytest.mark.parametrize("kind", ["attributions", "quantities", "entities", "clusters"])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_exports(client: TestClient, kind: str, fmt: str) -> None:
    r = client.get(f"/api/exports/{kind}", params={"format": fmt})
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]
    if fmt == "jsonl":
        rows = [json.loads(line) for line in r.text.splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.text)))
    else:
        rows = pq.read_table(io.BytesIO(r.content)).to_pylist()
    assert rows
    if kind == "attributions":
        assert len(rows) == 42
        assert {row["document"] for row in rows} == {SEED_ID, COPY_ID, CRAFTED_ID}
    one = client.get(f"/api/exports/{kind}", params={"format": fmt, "document": CRAFTED_ID})
    assert one.status_code == 200


def test_openapi_lists_every_route(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    assert paths >= {
        "/api/documents", "/api/documents/{key}", "/api/attributions", "/api/sources",
        "/api/entities", "/api/entities/{entity_id}", "/api/clusters",
        "/api/clusters/{cluster_id}", "/api/measures", "/api/measures/{measure_id}",
        "/api/exports/{kind}",
    }
    assert "post" in spec["paths"]["/api/documents"]
    assert spec["paths"]["/api/documents"]["post"]["requestBody"]["content"]
    assert client.get("/api/docs").status_code == 200


# --- bad requests ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/documents/no-such-document", 404, "not_found"),
        ("/api/documents/%2Fetc%2Fpasswd", 404, "not_found"),
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404, "not_found"),
        ("/api/entities/999999", 404, "not_found"),
        ("/api/clusters/999999", 404, "not_found"),
        ("/api/measures/999999", 404, "not_found"),
        ("/api/nothing-here", 404, "not_found"),
        ("/static/../../api/app.py", 404, "not_found"),
        ("/api/measures/abc", 422, "invalid_request"),
        ("/api/entities/0", 422, "invalid_request"),
        ("/api/clusters/1.5", 422, "invalid_request"),
        ("/api/attributions?limit=abc", 422, "invalid_request"),
        ("/api/attributions?limit=0", 422, "invalid_request"),
        ("/api/attributions?limit=10001", 422, "invalid_request"),
        ("/api/attributions?offset=-1", 422, "invalid_request"),
        ("/api/attributions?since=yesterday", 422, "invalid_parameter"),
        ("/api/attributions?until=2025-13", 422, "invalid_parameter"),
        ("/api/attributions?text=%20%21%21", 422, "invalid_parameter"),
        ("/api/attributions?kind=quoted", 422, "invalid_parameter"),
        ("/api/documents?status=maybe", 422, "invalid_request"),
        ("/api/measures?min_estimates=0", 422, "invalid_request"),
        ("/api/clusters?min_outlets=zero", 422, "invalid_request"),
        ("/api/exports/passwords", 422, "invalid_request"),
        ("/api/exports/attributions?format=xlsx", 422, "invalid_request"),
    ],
)
def test_bad_reads(client: TestClient, path: str, status: int, code: str) -> None:
    err = assert_error(client.get(path), status, code)
    if status == 422 and code == "invalid_request":
        assert err["details"] and all(set(d) == {"loc", "msg", "type"} for d in err["details"])


@pytest.mark.parametrize(
    ("method", "path"),
    [("put", "/api/documents"), ("delete", f"/api/documents/{SEED_ID}"),
     ("post", "/api/attributions"), ("patch", "/api/measures/1")],
)
def test_wrong_method(client: TestClient, method: str, path: str) -> None:
    r = client.request(method.upper(), path)
    assert_error(r, 405, "method_not_allowed")
    allowed = {"/api/documents": "GET, POST"}.get(path, "GET")
    assert r.headers["allow"] == allowed


def test_internal_error_has_the_shape_and_no_details(tmp_path: Path) -> None:
    engine = db.create(str(tmp_path / "broken.db"))
    with engine.begin() as conn:  # a store damaged under the server
        conn.execute(text("DROP TABLE measure_members"))
    with TestClient(create_app(engine, token=None), raise_server_exceptions=False) as c:
        err = assert_error(c.get("/api/measures"), 500, "internal_error")
    assert err["message"] == "internal server error"


# --- writing --------------------------------------------------------------------------------

DOC = {"id": "posted-1", "text": "The mayor said on Monday that 40 families had returned home.",
       "meta": {"outlet": "Posted Times", "published": "2025-03-03"}}


def test_writing_is_off_without_a_server_token(client: TestClient) -> None:
    assert_error(client.post("/api/documents", json=DOC), 403, "forbidden")
    r = client.post("/api/documents", json=DOC, headers={"Authorization": "Bearer anything"})
    assert_error(r, 403, "forbidden")
    assert client.get("/api/documents/posted-1").status_code == 404


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Bearer"},
     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN},
     {"Authorization": f"Bearer {TOKEN}x"}],
)
def test_writes_need_the_token(writer: TestClient, headers: dict[str, str]) -> None:
    r = writer.post("/api/documents", json=DOC, headers=headers)
    assert_error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"].startswith("Bearer")
    # The token is checked before the body: a bad body without the token is still a 401.
    bad = writer.post("/api/documents", content=b"{not json", headers={
        **headers, "content-type": "application/json"})
    assert_error(bad, 401, "unauthorized")


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_post_extracts_stores_and_replaces(writer: TestClient) -> None:
    r = writer.post("/api/documents", json=DOC, headers=AUTH)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["stored"] == "new"
    assert body["document"]["attributions"], "the claim should be extracted"
    stored = writer.get("/api/documents/posted-1").json()
    assert stored["text"] == DOC["text"] and stored["meta"]["outlet"] == "Posted Times"
    claims = writer.get("/api/attributions?document=posted-1").json()["items"]
    assert claims and "40 families" in claims[0]["content"]
    again = writer.post("/api/documents", json={**DOC, "text": DOC["text"] + " Roads opened."},
                        headers=AUTH)
    assert again.status_code == 201 and again.json()["stored"] == "updated"


def test_post_html(writer: TestClient) -> None:
    paragraphs = "".join(
        f"<p>The governor said on Monday that {n:,} tonnes of {what} had reached {where}.</p>"
        for n, what, where in ((1200, "aid", "the city"), (300, "grain", "the port"),
                               (45, "medicine", "the hospital"), (80, "fuel", "the depot"))
    )
    page = ("<html><head><title>Aid arrives</title></head><body><article><h1>Aid arrives</h1>"
            f"{paragraphs}</article></body></html>")
    r = writer.post("/api/documents", json={"id": "posted-html", "html": page}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert "<p>" not in r.json()["document"]["text"]


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"text": "x said y."}, "invalid_request"),                         # no id
        ({"id": "", "text": "x"}, "invalid_request"),                       # empty id
        ({"id": 7, "text": "x"}, "invalid_request"),                        # wrong type
        ({"id": "a\nb", "text": "x"}, "invalid_request"),                   # control character
        ({"id": "a" * 201, "text": "x"}, "invalid_request"),                # too long
        ({"id": "a"}, "invalid_request"),                                   # no text nor html
        ({"id": "a", "text": "x", "html": "<p>x</p>"}, "invalid_request"),  # both
        ({"id": "a", "text": 12}, "invalid_request"),
        ({"id": "a", "text": "x", "path": "/etc/passwd"}, "invalid_request"),  # unknown key
        ({"id": "a", "text": "x", "meta": {"file": "/etc/passwd"}}, "document_rejected"),
        ({"id": "a", "text": "x", "meta": {"published": "soon"}}, "document_rejected"),
        ({"id": "a", "text": "x", "meta": {"outlet": 3}}, "invalid_request"),
        ({"id": "a", "text": "   "}, "document_rejected"),
        ({"id": "a", "html": "<html><body></body></html>"}, "document_rejected"),
        ([1, 2], "invalid_request"),
    ],
)
def test_bad_bodies(writer: TestClient, body: Any, code: str) -> None:
    assert_error(writer.post("/api/documents", json=body, headers=AUTH), 422, code)


def test_malformed_json_and_media_type(writer: TestClient) -> None:
    r = writer.post("/api/documents", content=b'{"id": ', headers={
        **AUTH, "content-type": "application/json"})
    assert_error(r, 422, "invalid_request")
    r = writer.post("/api/documents", content=b"id=a&text=b", headers={
        **AUTH, "content-type": "application/x-www-form-urlencoded"})
    assert_error(r, 415, "unsupported_media_type")


def test_oversize_bodies(writer: TestClient) -> None:
    big = {"id": "big", "text": "word " * (MAX_BODY // 5 + 10)}
    r = writer.post("/api/documents", json=big, headers=AUTH)
    err = assert_error(r, 413, "payload_too_large")
    assert f"{MAX_BODY:,}" in err["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'{"id": "big", "text": "'
        for _ in range(MAX_BODY // 65536 + 2):
            yield b"a" * 65536
        yield b'"}'

    r = writer.post("/api/documents", content=chunks(), headers={
        **AUTH, "content-type": "application/json"})
    assert_error(r, 413, "payload_too_large")
    assert writer.get("/api/documents/big").status_code == 404
    # Even a read refuses an oversized body before routing.
    assert_error(writer.request("GET", "/api/documents", content=b"x" * (MAX_BODY + 1)), 413)


def test_a_small_limit_is_honoured(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "s.db"), token=TOKEN, max_body=100)) as c:
        r = c.post("/api/documents", json={**DOC, "text": "x" * 200}, headers=AUTH)
        assert_error(r, 413)


def test_create_app_rejects_bad_settings(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unsupported database URL"):
        create_app("mysql://localhost/x")
    with pytest.raises(TypeError, match="token must be a str"):
        create_app(str(tmp_path / "t.db"), token=123)


def test_token_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_TOKEN", "from-env")
    assert create_app(str(tmp_path / "e.db")).state.token == "from-env"
    monkeypatch.setenv("CLAIMLEDGER_TOKEN", "")
    assert create_app(str(tmp_path / "e.db")).state.token is None
