"""Document metadata: sidecar files, JSON ``"meta"`` objects, page metadata, and their merge.

A sidecar ``NAME.meta.json`` beside ``NAME.txt`` or ``NAME.html[.gz]`` is a JSON object with
any of the keys ``META_KEYS``; each value is a string or null (null means "not known"). The
merge order is: sidecar, then what the document says itself (an HTML page's metadata, a JSON
line's ``"meta"``), then the command-line ``--published``/``--outlet`` defaults.

Anything malformed (bad JSON, a non-object, an unknown key, a non-string value, a
``published`` that is not an ISO date) raises ``DocumentRejected("bad_meta", ...)`` naming the
file and the problem: an unknown key is an error rather than ignored so a typo such as
``"publised"`` is not silently lost.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os

from .decoding import read_capped
from .errors import DocumentRejected
from .html import Article
from .model import Meta

#: The keys a sidecar or a JSON line's ``"meta"`` may hold.
META_KEYS = ("id", "outlet", "published", "title", "url", "language")
#: A sidecar's name is the document's stem plus this.
SIDECAR_SUFFIX = ".meta.json"
#: Largest sidecar read, in bytes.
MAX_META_BYTES = 64 * 1024


def iso_date(value: str) -> str:
    """``YYYY-MM-DD`` of an ISO date or datetime (the date as written, no time-zone shift).

    Raises:
        ValueError: ``value`` is neither; the message shows the accepted forms.
    """
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text).isoformat()
            if len(text) > 10 and text[10] in "T ":
                return dt.datetime.fromisoformat(text).date().isoformat()
        except ValueError:
            pass
    raise ValueError(
        f"published date {value!r} is not an ISO date: use YYYY-MM-DD or an ISO datetime "
        "such as 2025-01-11T09:30:00Z"
    )



def read_sidecar(path: str, stem: str) -> dict[str, str]:
    """The validated sidecar ``STEM.meta.json`` beside ``path``, or ``{}`` when there is none.

    Raises:
        DocumentRejected: ``bad_meta`` naming the sidecar and its problem.
    """
    side = os.path.join(os.path.dirname(path), stem + SIDECAR_SUFFIX)
    if not os.path.lexists(side):
        return {}
    try:
        data = read_capped(side, MAX_META_BYTES, origin=side)
        value = json.loads(data.decode("utf-8-sig"))
    except DocumentRejected as e:
        raise DocumentRejected("bad_meta", f"sidecar {e.detail}", path) from None
    except UnicodeDecodeError as e:
        raise DocumentRejected(
            "bad_meta", f"sidecar {side} is not UTF-8 (offset {e.start})", path
        ) from None
    except json.JSONDecodeError as e:
        raise DocumentRejected(
            "bad_meta",
            f"sidecar {side} is not valid JSON ({e.msg} at line {e.lineno} column {e.colno})",
            path,
        ) from None
    return validate_meta(value, path, f"sidecar {side}")


def validate_meta(value: object, origin: str, where: str) -> dict[str, str]:
    """The non-null keys of a sidecar/``"meta"`` object, checked; ``published`` normalized.

    Raises:
        DocumentRejected: ``bad_meta`` for a non-object, an unknown key, a value that is not
            a string or null, or a ``published`` that is not an ISO date.
    """
    if not isinstance(value, dict):
        raise DocumentRejected(
            "bad_meta", f"{where} must be a JSON object, not {json_type(value)}", origin
        )
    unknown = sorted(set(value) - set(META_KEYS))
    if unknown:
        raise DocumentRejected(
            "bad_meta",
            f"{where} has unknown key(s) {', '.join(unknown)} (valid: {', '.join(META_KEYS)})",
            origin,
        )
    out: dict[str, str] = {}
    for key, item in value.items():
        if item is None:
            continue  # null means "not known": a value from the page or the options stays
        if not isinstance(item, str):
            raise DocumentRejected(
                "bad_meta",
                f'{where}: "{key}" must be a string or null, not {json_type(item)}',
                origin,
            )
        if not item.strip():
            continue
        if key == "published":
            try:
                item = iso_date(item)
            except ValueError as e:
                raise DocumentRejected("bad_meta", f"{where}: {e}", origin) from None
        out[key] = item
    return out


def page_meta(article: Article) -> dict[str, str]:
    """The metadata an HTML page gives; an unparseable page date is dropped, not fatal."""
    page = {
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "language": article.language,
    }
    if article.published:
        with contextlib.suppress(ValueError):  # a page's date is a guess: drop a bad one
            page["published"] = iso_date(article.published)
    return {k: v for k, v in page.items() if v}


def merge_meta(
    sidecar: dict[str, str], own: dict[str, str], defaults: dict[str, str | None]
) -> Meta:
    """Sidecar first, then what the document itself says, then the command-line defaults."""

    def pick(key: str) -> str | None:
        return sidecar.get(key) or own.get(key) or defaults.get(key)

    return Meta(
        outlet=pick("outlet"),
        published=pick("published"),
        title=pick("title"),
        url=pick("url"),
        language=pick("language") or Meta().language,
    )


def json_type(value: object) -> str:
    """How JSON calls the type of ``value``, for error messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
             int: "a number", float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
