"""Reading a news article out of an HTML page with trafilatura.

The canonical text of an HTML document is the article body trafilatura extracts, paragraphs
separated by ``"\\n"``; the title is metadata and is not prepended, so every offset indexes one
text. Extraction favours precision and drops comments.

A page counts as an article when the body has at least ``MIN_ARTICLE_CHARS`` non-space
characters; below that (index pages, cookie walls, error pages) it is rejected as
``no_article``. On the article-extraction benchmark no real article body falls below it (the
shortest extracted body has 367 characters).

``python -m claimledger.html HTML_DIR GROUND_TRUTH_JSON`` prints the token precision, recall
and F1 of the extracted bodies against the benchmark's ground truth.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from trafilatura import bare_extraction

from .decoding import AUTO, bom_encoding, check_text, decode, sniff_encoding
from .errors import DocumentRejected
from .evaluation.common import PRF, tokens

#: Fewest non-space characters an extracted body needs to count as an article.
MIN_ARTICLE_CHARS = 200

# A declared charset sits in the first few kilobytes (HTML5 requires the first 1024 bytes).
_HEAD = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)
# Control characters other than \t \n \r: lxml refuses some, and none belong in an article.
_MARKUP_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What browsers do (WHATWG encoding standard): pages labelled Latin-1 or ASCII are decoded as
# Windows-1252, and a <meta> claiming UTF-16 is read as UTF-8 (the tag itself was ASCII-readable,
# so the page cannot be UTF-16; decoding it so would turn the markup into CJK noise).
_WHATWG_ALIASES = {
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
}


@dataclass(frozen=True, slots=True)
class Article:
    """The body of a page and the metadata the page gives (``None`` where it gives none)."""

    text: str
    title: str | None = None
    published: str | None = None  # as the page gives it; the caller validates it
    outlet: str | None = None
    url: str | None = None
    language: str | None = None


def decode_html(data: bytes, *, encoding: str, origin: str) -> tuple[str, str]:
    """Decode the bytes of a page; return ``(markup, codec that won)``.

    With ``encoding`` ``"utf-8"`` (the default) or ``"auto"`` the page's own evidence decides,
    in this order: a byte-order mark, the charset its ``<meta>`` declares, strict UTF-8, the
    sniffed encoding, and last UTF-8 with replacement characters (reported as
    ``"utf-8+replace"``: the body may hold U+FFFD where bytes were bad). Any other
    ``encoding`` is used as is.

    Raises:
        DocumentRejected: ``empty``, ``binary`` or ``undecodable`` (see ``decoding.decode``).
    """
    if encoding not in ("utf-8", AUTO) or not data or bom_encoding(data):
        return decode(data, encoding=AUTO if encoding == "utf-8" else encoding, origin=origin)
    if b"\x00" in data:
        return decode(data, encoding="utf-8", origin=origin)  # rejects it as binary
    candidates = [c for c in (_declared_charset(data), "utf-8") if c]
    for codec in candidates:
        try:
            markup = data.decode(codec)
        except UnicodeDecodeError:
            continue
        check_text(markup, origin=origin)
        return markup, codec
    guess = sniff_encoding(data)
    if guess and guess not in candidates:
        try:
            markup = data.decode(guess)
            check_text(markup, origin=origin)
            return markup, guess
        except UnicodeDecodeError:
            pass
    markup = data.decode("utf-8", errors="replace")
    check_text(markup, origin=origin)
    return markup, "utf-8+replace"


def _declared_charset(data: bytes) -> str | None:
    """The codec a page's ``<meta charset>`` names, if Python knows it."""
    m = _META_CHARSET.search(data[:_HEAD])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return _WHATWG_ALIASES.get(name, name)


def extract_article(markup: str, *, origin: str) -> Article:
    """The article body and metadata of an HTML page.

    Raises:
        DocumentRejected: ``no_article`` when trafilatura finds no body of at least
            ``MIN_ARTICLE_CHARS`` non-space characters, or fails on the markup (the detail
            names trafilatura's error).
    """
    markup = _MARKUP_CONTROLS.sub("", markup)
    try:
        result = bare_extraction(
            markup,
            with_metadata=True,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
        )
    except Exception as e:  # noqa: BLE001  (a third-party parser on arbitrary markup)
        raise DocumentRejected(
            "no_article",
            f"{origin}: article extraction failed ({type(e).__name__}: "
            f"{' '.join(str(e).split())[:200]})",
            origin,
        ) from None
    body = (getattr(result, "text", None) or "") if result is not None else ""
    size = len("".join(body.split()))
    if size < MIN_ARTICLE_CHARS:
        found = f"a body of only {size} non-space characters" if body else "no article body"
        raise DocumentRejected(
            "no_article",
            f"{origin} has no article: trafilatura found {found} "
            f"(at least {MIN_ARTICLE_CHARS} needed)",
            origin,
        )
    lang = _HTML_LANG.search(markup[:_HEAD * 4])
    return Article(
        text=body,
        title=_clean(getattr(result, "title", None)),
        published=_clean(getattr(result, "date", None)),
        outlet=_clean(getattr(result, "sitename", None)),
        url=_clean(getattr(result, "url", None)),
        language=lang.group(1).lower() if lang else None,
    )


def _clean(value: object) -> str | None:
    """A metadata string with its white space collapsed, or ``None`` when empty."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def extraction_quality(
    html_dir: Path, ground_truth: Path, *, names: Sequence[str] | None = None
) -> PRF:
    """Token precision/recall/F1 of extracted bodies against a benchmark's ground truth.

    ``html_dir`` holds ``KEY.html.gz`` pages and ``ground_truth`` maps each ``KEY`` to
    ``{"articleBody": ...}`` (the scrapinghub article-extraction-benchmark layout). Tokens are
    ``evaluation.common.tokens`` multisets, summed over pages (micro average); a page that is
    rejected counts as an empty prediction. ``names`` restricts the run to some keys.

    Raises:
        OSError, ValueError: the benchmark files are missing or malformed.
    """
    truth = json.loads(ground_truth.read_text(encoding="utf-8"))
    keys = sorted(truth) if names is None else list(names)
    total = PRF(0, 0, 0)
    for key in keys:
        data = gzip.decompress((html_dir / f"{key}.html.gz").read_bytes())
        try:
            markup, _ = decode_html(data, encoding="utf-8", origin=key)
            body = extract_article(markup, origin=key).text
        except DocumentRejected:
            body = ""
        got, want = tokens(body), tokens(truth[key]["articleBody"])
        total = total + PRF(
            sum((got & want).values()), sum(got.values()), sum(want.values())
        )
    return total


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m claimledger.html HTML_DIR GROUND_TRUTH_JSON``: print the body-token PRF."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m claimledger.html HTML_DIR GROUND_TRUTH_JSON", file=sys.stderr)
        return 2
    result = extraction_quality(Path(args[0]), Path(args[1]))
    print(json.dumps(result.to_dict()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
