"""Reading input documents: formats, metadata, ordering, and every way an input can be bad."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
from pathlib import Path

import pytest

from claimledger import inputs
from claimledger.decoding import sniff_encoding
from claimledger.errors import DocumentRejected
from claimledger.html import MIN_ARTICLE_CHARS, extraction_quality
from claimledger.inputs import MAX_CHARS, document_kind, iter_documents
from claimledger.model import Document
from claimledger.sidecars import iso_date

DATA = Path(__file__).resolve().parent / "data" / "inputs"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
BENCHMARK = SHARED / "data" / "article-extraction-benchmark"

CP1252_TEXT = (
    "The minister said the “figures” were café-level estimates — naïve, but déjà vu.\n"
    "Prices rose 5 € in Zürich, he said.\n"
)
ARTICLE_HTML = (DATA / "article.html").read_bytes()
NO_ARTICLE_HTML = (
    b"<html><head><title>Index</title></head><body><nav><a href='/a'>A</a> "
    b"<a href='/b'>B</a></nav><p>Subscribe now.</p></body></html>"
)


def read_all(*paths: str | Path, **options: object) -> list[Document | DocumentRejected]:
    return list(iter_documents([str(p) for p in paths], **options))  # type: ignore[arg-type]


def only(*paths: str | Path, **options: object) -> Document | DocumentRejected:
    items = read_all(*paths, **options)
    assert len(items) == 1, items
    return items[0]


def document(*paths: str | Path, **options: object) -> Document:
    item = only(*paths, **options)
    assert isinstance(item, Document), item
    return item


def rejection(*paths: str | Path, **options: object) -> DocumentRejected:
    item = only(*paths, **options)
    assert isinstance(item, DocumentRejected), item
    return item


# --- bad inputs: one table, each file made in tmp_path ------------------------------------------

BAD_FILES: list[tuple[str, bytes, str, str]] = [
    # (file name, content, reason, a word the detail must hold besides the file name)
    ("empty.txt", b"", "empty", "empty"),
    ("blank.txt", b"  \n\t\r\n  ", "empty", "white space"),
    ("nul.txt", b"a text\x00with a NUL", "binary", "NUL"),
    ("controls.txt", bytes(range(1, 9)) * 50, "binary", "control"),
    ("latin.txt", CP1252_TEXT.encode("cp1252"), "not_utf8", "--encoding cp1252"),
    ("utf16.txt", "Hello there".encode("utf-16"), "not_utf8", "--encoding utf-16"),
    ("huge.txt", b"a" * (5 * 1024 * 1024), "too_large", "cap"),
    ("long.txt", b"a" * (MAX_CHARS + 1), "too_large", "characters"),
    ("nav.html", NO_ARTICLE_HTML, "no_article", "article"),
    ("junk.html.gz", b"this is not gzip", "bad_gzip", "gzip"),
    ("cut.html.gz", gzip.compress(ARTICLE_HTML)[:200], "bad_gzip", "gzip"),
    ("nul.html", b"<html><body><p>x\x00</p></body></html>", "binary", "NUL"),
    ("noise.txt", bytes(range(1, 256)) * 8, "binary", "binary"),
    ("picture.png", b"\x89PNG\r\n", "unsupported", "not an input"),
    ("notes.meta.json", b"{}", "unsupported", "sidecar"),
    ("empty.jsonl", b"\n\n", "empty", "no JSON lines"),
]


@pytest.mark.parametrize(("name", "content", "reason", "word"), BAD_FILES)
def test_bad_file_is_rejected_with_reason_and_file_name(
    tmp_path: Path, name: str, content: bytes, reason: str, word: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    rej = rejection(path)
    assert (rej.reason, rej.origin) == (reason, str(path))
    assert name in rej.detail and word in rej.detail
    assert "\n" not in rej.detail


BAD_SIDECARS: list[tuple[str, str]] = [
    # (sidecar content, a word the detail must hold)
    ("{not json", "not valid JSON"),
    ('["a list"]', "JSON object"),
    ('{"publised": "2024-01-01"}', "publised"),
    ('{"published": "yesterday"}', "ISO date"),
    ('{"published": "2024-13-01"}', "ISO date"),
    ('{"outlet": 42}', "string or null"),
]


@pytest.mark.parametrize(("sidecar", "word"), BAD_SIDECARS)
def test_bad_sidecar_rejects_its_document(tmp_path: Path, sidecar: str, word: str) -> None:
    (tmp_path / "story.txt").write_text("A story.\n", encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(sidecar, encoding="utf-8")
    rej = rejection(tmp_path / "story.txt")
    assert rej.reason == "bad_meta"
    assert "story.meta.json" in rej.detail and word in rej.detail


def test_missing_path_and_empty_directories(tmp_path: Path) -> None:
    (tmp_path / "only-annotations").mkdir()
    (tmp_path / "only-annotations" / "x.ann").write_text("T1\tSource 0 3\tabc\n")
    (tmp_path / "nothing").mkdir()
    items = read_all(tmp_path / "gone.txt", tmp_path / "only-annotations", tmp_path / "nothing")
    assert [(r.reason, Path(r.origin).name) for r in items if isinstance(r, DocumentRejected)] == [
        ("not_found", "gone.txt"),
        ("no_inputs", "only-annotations"),
        ("no_inputs", "nothing"),
    ]
    assert all(Path(r.origin).name in r.detail for r in items if isinstance(r, DocumentRejected))


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_by_permissions(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text\n")
    path.chmod(0)
    try:
        rej = rejection(path)
    finally:
        path.chmod(0o644)
    assert rej.reason == "unreadable" and "secret.txt" in rej.detail


def test_unreadable_file_when_open_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Running as root, permissions cannot make a file unreadable: make open() refuse instead.
    path = tmp_path / "secret.txt"
    path.write_text("text\n")
    real_open = open

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", refusing_open)
    rej = rejection(path)
    assert rej.reason == "unreadable"
    assert "secret.txt" in rej.detail and "Permission denied" in rej.detail


BAD_JSON_LINES: list[tuple[str, str, str]] = [
    # (line, reason, a word the detail must hold)
    ("{not json", "bad_json", "invalid JSON"),
    ('["text"]', "bad_json", "JSON object"),
    ('{"id": "x"}', "bad_json", '"text" and "html"'),
    ('{"text": "a", "html": "<p>b</p>"}', "bad_json", "both"),
    ('{"text": 3}', "bad_json", "string"),
    ('{"id": 7, "text": "a"}', "bad_json", '"id"'),
    ('{"text": "a", "meta": {"published": "soon"}}', "bad_meta", "ISO date"),
    ('{"text": "a", "meta": {"author": "X"}}', "bad_meta", "author"),
    ('{"text": "   "}', "empty", "white space"),
    ('{"text": "a\\u0000b"}', "binary", "NUL"),
    ('{"text": "a\\ud800b"}', "bad_text", "surrogate"),
    ('{"html": "<p>Too short.</p>"}', "no_article", "article"),
]


@pytest.mark.parametrize(("line", "reason", "word"), BAD_JSON_LINES)
def test_bad_json_line_rejects_only_that_line(
    tmp_path: Path, line: str, reason: str, word: str
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        '{"id": "first", "text": "One."}\n' + line + '\n{"id": "third", "text": "Three."}\n',
        encoding="utf-8",
    )
    first, bad, third = read_all(path)
    assert isinstance(first, Document) and first.id == "first"
    assert isinstance(third, Document) and third.id == "third"
    assert isinstance(bad, DocumentRejected)
    assert (bad.reason, bad.origin) == (reason, f"{path}:2")
    assert "batch.jsonl:2" in bad.detail and word in bad.detail


def test_overlong_json_line_is_skipped_not_slurped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inputs, "MAX_HTML_BYTES", 64)
    path = tmp_path / "big.jsonl"
    path.write_text(
        '{"text": "short"}\n{"text": "' + "x" * 500 + '"}\n{"text": "after"}\n', encoding="utf-8"
    )
    items = read_all(path)
    assert [getattr(i, "text", getattr(i, "reason", None)) for i in items] == [
        "short", "too_large", "after"
    ]


# --- caller mistakes raise at the call ----------------------------------------------------------


def test_caller_mistakes_raise_before_reading() -> None:
    with pytest.raises(TypeError, match="sequence of str"):
        iter_documents("story.txt")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        iter_documents(["story.txt"], published="last Tuesday")
    with pytest.raises(ValueError, match="auto"):
        iter_documents(["story.txt"], encoding="no-such-codec")
    with pytest.raises(ValueError, match="auto"):
        iter_documents(["story.txt"], encoding="base64")  # a codec, but not a text encoding


def test_reading_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "later.txt"
    items = iter_documents([str(path)])  # nothing is touched yet
    path.write_text("Written after the call.\n", encoding="utf-8")
    assert isinstance(next(items), Document)


# --- good formats --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "text", "encoding"),
    [
        (b"Line one.\nLine two.\n", "Line one.\nLine two.\n", "utf-8"),
        (b"Line one.\r\nLine two.\r\n", "Line one.\r\nLine two.\r\n", "utf-8"),
        (b"\xef\xbb\xbfWith a BOM.\n", "With a BOM.\n", "utf-8-sig"),
        ("Zelensky’s “quote” — ok\n".encode(), "Zelensky’s “quote” — ok\n", "utf-8"),
    ],
)
def test_text_file_is_its_decoded_content(
    tmp_path: Path, content: bytes, text: str, encoding: str
) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    doc = document(path)
    assert (doc.id, doc.text, doc.encoding, doc.origin) == ("story", text, encoding, str(path))
    assert doc.meta.published is None and doc.meta.language == "en"


def test_text_sidecar_and_option_defaults(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.\n")
    (tmp_path / "a.meta.json").write_text(
        json.dumps({
            "id": "custom-id", "outlet": "Newsweek", "published": "2025-01-11T23:30:00-05:00",
            "title": None, "url": "https://x.example/a", "language": "en",
        })
    )
    (tmp_path / "b.txt").write_text("B.\n")
    a, b = read_all(tmp_path / "a.txt", tmp_path / "b.txt", published="2024-02-03", outlet="Wire")
    assert isinstance(a, Document) and isinstance(b, Document)
    assert (a.id, a.meta.outlet, a.meta.published, a.meta.url) == (
        "custom-id", "Newsweek", "2025-01-11", "https://x.example/a"
    )
    assert (b.id, b.meta.outlet, b.meta.published) == ("b", "Wire", "2024-02-03")


@pytest.mark.parametrize("encoding", ["auto", "cp1252", "windows-1252"])
def test_non_utf8_text_is_decoded_when_asked(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "latin.txt"
    shutil.copy(DATA / "cp1252.txt", path)
    doc = document(path, encoding=encoding)
    assert (doc.text, doc.encoding) == (CP1252_TEXT, "cp1252")


def test_binary_stays_binary_under_a_single_byte_codec(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(1, 256)) * 8)  # every byte decodes in Latin-1
    rej = rejection(path, encoding="latin-1")
    assert rej.reason == "binary" and "control characters" in rej.detail


def test_oversized_page_is_not_slurped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(inputs, "MAX_HTML_BYTES", 1000)
    (tmp_path / "big.html").write_bytes(ARTICLE_HTML)
    (tmp_path / "bomb.html.gz").write_bytes(gzip.compress(ARTICLE_HTML + b" " * 10**6))
    assert [(getattr(r, "reason", None), Path(r.origin).name) for r in read_all(tmp_path)] == [
        ("too_large", "big.html"), ("too_large", "bomb.html.gz")
    ]


def test_explicit_wrong_encoding_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    shutil.copy(DATA / "cp1252.txt", path)
    rej = rejection(path, encoding="ascii")
    assert rej.reason == "undecodable" and "latin.txt" in rej.detail and "ascii" in rej.detail


def test_html_article_body_and_page_metadata() -> None:
    doc = document(DATA / "article.html")
    assert doc.id == "article"
    assert "\nThe harbour council voted on Monday" in doc.text
    assert "\nThe council expects around 1,500 passengers" in doc.text
    # Navigation, side boxes and footer are not the article.
    for boilerplate in ("Most read", "Copyright", "Sport"):
        assert boilerplate not in doc.text
    # The <title> is metadata, not prepended to the text.
    assert "The Example Gazette" not in doc.text
    assert doc.meta.title == "Harbour council approves new ferry line"
    assert (doc.meta.outlet, doc.meta.published, doc.meta.language) == (
        "The Example Gazette", "2024-03-05", "en"
    )
    assert doc.meta.url == "https://gazette.example/2024/03/05/ferry-line"


def test_gzipped_html_and_sidecar_override(tmp_path: Path) -> None:
    (tmp_path / "ferry.html.gz").write_bytes(gzip.compress(ARTICLE_HTML))
    (tmp_path / "ferry.meta.json").write_text(
        json.dumps({"id": "gazette-ferry", "outlet": "Gazette", "published": "2024-03-06",
                    "title": None})
    )
    doc = document(tmp_path / "ferry.html.gz", outlet="Ignored", published="2000-01-01")
    assert (doc.id, doc.meta.outlet, doc.meta.published) == (
        "gazette-ferry", "Gazette", "2024-03-06"
    )
    assert doc.meta.title == "Harbour council approves new ferry line"  # null keeps the page's
    assert doc.text == document(DATA / "article.html").text


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = ARTICLE_HTML.decode("utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("a decade.", "a decade, café owners said.")
    (tmp_path / "legacy.htm").write_bytes(page.encode("cp1252"))
    doc = document(tmp_path / "legacy.htm")
    assert doc.encoding == "cp1252" and "café owners" in doc.text


def test_html_claiming_utf16_in_ascii_markup_is_read_as_utf8(tmp_path: Path) -> None:
    page = ARTICLE_HTML.replace(b'charset="utf-8"', b'charset="utf-16"')
    (tmp_path / "liar.html").write_bytes(page)
    doc = document(tmp_path / "liar.html")
    assert doc.encoding == "utf-8" and "ferry line" in doc.text


def test_json_lines_text_html_meta_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "t1", "text": "Plain text.", "meta": {"outlet": "AP", "published": "2024-05-01"}},
        {"text": "No id here.", "extra": "ignored at top level"},
        {"id": "h1", "html": ARTICLE_HTML.decode("utf-8"), "meta": {"published": None}},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines[:2]) + "\n\n" + json.dumps(lines[2]))
    t1, t2, h1 = read_all(path, published="2020-01-01")
    assert isinstance(t1, Document) and isinstance(t2, Document) and isinstance(h1, Document)
    assert (t1.id, t1.text, t1.meta.outlet, t1.meta.published, t1.origin) == (
        "t1", "Plain text.", "AP", "2024-05-01", f"{path}:1"
    )
    assert (t2.id, t2.meta.published, t2.origin) == ("feed-2", "2020-01-01", f"{path}:2")
    assert (h1.id, h1.meta.published, h1.origin) == ("h1", "2024-03-05", f"{path}:4")
    assert "ferry line" in h1.text


def test_stdin_text_and_bytes() -> None:
    doc = document("-", stdin=io.StringIO("From a pipe.\n"), outlet="Pipe")
    assert (doc.id, doc.text, doc.origin, doc.meta.outlet) == (
        "stdin", "From a pipe.\n", "-", "Pipe"
    )
    raw = io.TextIOWrapper(io.BytesIO(CP1252_TEXT.encode("cp1252")))
    rej = rejection("-", stdin=raw)
    assert rej.reason == "not_utf8" and "stdin" in rej.detail
    empty = rejection("-", stdin=io.StringIO(""))
    assert empty.reason == "empty"


# --- directories ---------------------------------------------------------------------------------


def test_directory_is_walked_sorted_skipping_non_inputs(tmp_path: Path) -> None:
    for rel in ["b.txt", "a/z.txt", "a/b/y.txt", "a.txt", "C.txt", "c/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel + "\n")
    # Not inputs: sidecars, annotations, gold files, images, hidden files and directories.
    for rel in ["a.meta.json", "a.ann", "a.gold.json", "pic.png", ".hidden.txt", ".git/x.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("{}")
    (tmp_path / "a.meta.json").write_text('{"outlet": "From sidecar"}')
    items = read_all(tmp_path)
    assert all(isinstance(i, Document) for i in items)
    got = [Path(i.origin).relative_to(tmp_path).as_posix() for i in items]
    expected = ["C.txt", "a/b/y.txt", "a/z.txt", "a.txt", "b.txt", "c/x.txt"]
    assert got == expected
    assert got == [
        p.relative_to(tmp_path).as_posix()
        for p in sorted(tmp_path.rglob("*.txt"))
        if not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)
    ]
    assert items[3].meta.outlet == "From sidecar"  # type: ignore[union-attr]


def test_symlink_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("A\n")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    assert [getattr(i, "id", None) for i in read_all(tmp_path / "d")] == ["a"]


def test_bad_file_between_good_ones_keeps_the_batch_going(tmp_path: Path) -> None:
    (tmp_path / "1-good.txt").write_text("First.\n")
    (tmp_path / "2-bad.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3-good.txt").write_text("Third.\n")
    for items in (read_all(tmp_path), read_all(*sorted(tmp_path.iterdir()))):
        first, bad, third = items
        assert isinstance(first, Document) and first.text == "First.\n"
        assert isinstance(bad, DocumentRejected) and bad.reason == "binary"
        assert "2-bad.txt" in bad.detail
        assert isinstance(third, Document) and third.text == "Third.\n"


# --- helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("story.txt", ("text", "story")),
        ("Story.TXT", ("text", "Story")),
        ("page.html", ("html", "page")),
        ("page.htm", ("html", "page")),
        ("page.html.gz", ("html", "page")),
        ("page.htm.gz", ("html", "page")),
        ("a.b.jsonl", ("jsonl", "a.b")),
        ("story.meta.json", None),
        ("story.gold.json", None),
        ("story.ann", None),
        ("story.txt.gz", None),
        (".draft.txt", ("text", ".draft")),
        (".txt", None),
    ],
)
def test_document_kind(name: str, expected: tuple[str, str] | None) -> None:
    assert document_kind(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-01-11", "2025-01-11"),
        ("2025-01-11T23:30:00-05:00", "2025-01-11"),
        ("2025-01-11T08:00:00Z", "2025-01-11"),
        ("2025-01-11 08:00", "2025-01-11"),
        (" 2025-01-11 ", "2025-01-11"),
        ("2025-02-30", None),
        ("11/01/2025", None),
        ("2025-01", None),
        ("January 11, 2025", None),
        ("2025-01-11junk", None),
    ],
)
def test_iso_date(value: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            iso_date(value)
    else:
        assert iso_date(value) == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CP1252_TEXT.encode("cp1252"), "cp1252"),
        ("Übermäßig große Straßen in Köln, sagte er.\n".encode("cp1252"), "cp1252"),
        ("One quote ’ in plain English.\n".encode("cp1252"), "cp1252"),
        ("Zażółć gęślą jaźń, powiedział.\n".encode("cp1250"), "cp1250"),
        (CP1252_TEXT.encode("utf-8"), "utf-8"),
        (b"plain ascii", "utf-8"),
        ("utf-16 with a BOM".encode("utf-16"), "utf-16"),
        (bytes(range(256)) * 8, None),
    ],
)
def test_sniff_encoding(data: bytes, expected: str | None) -> None:
    assert sniff_encoding(data) == expected


# --- real pages of the article-extraction benchmark ----------------------------------------------

BENCHMARK_PAGES = 5


def _benchmark_names() -> list[str]:
    pages = sorted((BENCHMARK / "html").glob("*.html.gz"))[:BENCHMARK_PAGES]
    return [p.name.removesuffix(".html.gz") for p in pages]


@pytest.mark.skipif(not BENCHMARK.exists(), reason="../shared article-extraction-benchmark absent")
def test_real_pages_give_clean_bodies_and_dates() -> None:
    names = _benchmark_names()
    items = read_all(*(BENCHMARK / "html" / f"{n}.html.gz" for n in names))
    assert [getattr(i, "id", None) for i in items] == names
    for doc in items:
        assert isinstance(doc, Document)
        assert isinstance(doc.text, str) and "\x00" not in doc.text
        assert len(doc.text) >= MIN_ARTICLE_CHARS  # one page is a paywall teaser
        assert doc.meta.published is not None and iso_date(doc.meta.published) == doc.meta.published
        assert doc.meta.outlet
    quality = extraction_quality(BENCHMARK / "html", BENCHMARK / "ground-truth.json", names=names)
    assert quality.f1 >= 90.0, quality


#: Floor of the body-token F1 over the whole benchmark (measured 97.58 with trafilatura 2.3.1).
BENCHMARK_F1_FLOOR = 95.0


@pytest.mark.slow
@pytest.mark.skipif(not BENCHMARK.exists(), reason="../shared article-extraction-benchmark absent")
def test_body_extraction_quality_floor() -> None:
    quality = extraction_quality(BENCHMARK / "html", BENCHMARK / "ground-truth.json")
    assert quality.gold > 100_000  # the whole benchmark was scored, not a missing subset
    assert quality.f1 >= BENCHMARK_F1_FLOOR, quality.to_dict()
