"""Reading input documents: ``.txt`` (+ sidecar), HTML, JSON Lines, directories, stdin.

``iter_documents`` yields every document named on the command line, in order. A document
that cannot be read is yielded (never raised) as one ``DocumentRejected(reason, detail,
origin)`` whose one-line detail names the file, so a batch records it and goes on. Reasons:

- ``not_found``: the path does not exist;
- ``unreadable``: the operating system refuses to read it (permissions, I/O error);
- ``unsupported``: a file named explicitly whose extension is not an input format;
- ``no_inputs``: a directory holding no input file at all;
- ``empty``: no bytes, or white space only (a JSON Lines file without a line);
- ``binary``: NUL bytes, or mostly control characters;
- ``not_utf8``: not UTF-8; the detail names the encoding it looks like and the option to use;
- ``undecodable``: an explicitly chosen encoding does not decode it;
- ``too_large``: over ``MAX_BYTES`` (``MAX_HTML_BYTES`` for pages and JSON lines) or
  ``MAX_CHARS``;
- ``bad_gzip``: a ``.gz`` page that does not decompress;
- ``no_article``: an HTML page without an article body (see ``html.MIN_ARTICLE_CHARS``);
- ``bad_meta``: a malformed sidecar or ``"meta"`` object (bad JSON, key, type or date);
- ``bad_json``: a JSON line that is not an object with a ``"text"`` or ``"html"`` string;
- ``bad_text``: text holding an unpaired surrogate (only JSON escapes can make one);
- ``internal_error``: a bug met while reading one document (reported, never raised).

The detail already names the file: print ``rejection.detail`` (``str(rejection)`` prefixes
the origin once more).

Directories are walked lazily, depth first, each directory's entries sorted by name, which is
the order ``sorted(Path(d).rglob("*"))`` gives; only one directory's names are held at a time.
Inside a directory, hidden entries (``.name``), sidecars (``*.meta.json``) and files of other
extensions (``.ann``, ``.gold.json``, images, ...) are skipped; named explicitly, such a file is
rejected as ``unsupported``.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import IO, TextIO

from . import html
from .decoding import check_text, decode, normalize_encoding, read_capped
from .errors import DocumentRejected
from .model import Document
from .sidecars import (
    SIDECAR_SUFFIX,
    iso_date,
    json_type,
    merge_meta,
    page_meta,
    read_sidecar,
    validate_meta,
)

#: Largest canonical text accepted, in characters.
MAX_CHARS = 1_000_000
#: Largest text file (or stdin) read, in bytes: UTF-8 needs at most 4 bytes a character.
MAX_BYTES = 4 * MAX_CHARS
#: Largest HTML page (after gunzip) or JSON line read, in bytes: markup is mostly scripts.
MAX_HTML_BYTES = 16 * 1024 * 1024
#: Extensions of input documents, longest first; matched case-insensitively.
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
STDIN = "-"

_KINDS = (
    *((s, "html") for s in HTML_SUFFIXES),
    *((s, "text") for s in TEXT_SUFFIXES),
    *((s, "jsonl") for s in JSONL_SUFFIXES),
)
_SUPPORTED = ", ".join(s for s, _ in _KINDS)


def iter_documents(
    paths: Sequence[str],
    *,
    published: str | None = None,
    outlet: str | None = None,
    stdin: TextIO | None = None,
    encoding: str = "utf-8",
) -> Iterator[Document | DocumentRejected]:
    """Every document named by ``paths`` in order; an unreadable one is yielded as its error.

    Args:
        paths: files, directories, or ``"-"`` for the text on ``stdin``.
        published: publication date (``YYYY-MM-DD`` or an ISO datetime) for documents that
            do not carry their own.
        outlet: outlet name for documents that do not carry their own.
        stdin: the stream ``"-"`` reads (default ``sys.stdin``).
        encoding: ``"utf-8"`` (strict; anything else is rejected as ``not_utf8`` with a
            suggestion), ``"auto"`` (sniff each file's encoding) or a Python codec name.
            HTML pages follow their own declared charset unless a codec is named.

    Returns:
        A lazy iterator: files are read one at a time as it is consumed.

    Raises:
        TypeError: ``paths`` is a single string or holds a non-string.
        ValueError: ``published`` is not an ISO date or ``encoding`` is unknown (checked at
            the call, before anything is read).
    """
    if isinstance(paths, str | bytes) or not all(isinstance(p, str) for p in paths):
        raise TypeError("paths must be a sequence of str (wrap a single path in a list)")
    defaults = {
        "published": iso_date(published) if published is not None else None,
        "outlet": _nonblank(outlet),
    }
    codec = normalize_encoding(encoding)
    return _iterate(list(paths), defaults, stdin, codec)


def document_kind(name: str) -> tuple[str, str] | None:
    """``(kind, stem)`` of an input file name (``"text"``, ``"html"`` or ``"jsonl"``).

    The stem is the name without its extension (``a.html.gz`` -> ``a``); ``None`` when the
    name is not an input: another extension, or a sidecar. (Hidden files are skipped by the
    directory walk, not here: named explicitly, ``.draft.txt`` is read.)
    """
    lower = name.lower()
    if lower.endswith(SIDECAR_SUFFIX):
        return None
    for suffix, kind in _KINDS:
        if lower.endswith(suffix) and len(name) > len(suffix):
            return kind, name[: -len(suffix)]
    return None


# --- iteration -------------------------------------------------------------------------------


def _iterate(
    paths: list[str], defaults: dict[str, str | None], stdin: TextIO | None, codec: str
) -> Iterator[Document | DocumentRejected]:
    for path in paths:
        if path == STDIN:
            yield _guarded(partial(_read_stdin, stdin, defaults, codec), STDIN)
        else:
            yield from _read_path(path, defaults, codec)


def _guarded(read: Callable[[], Document], origin: str) -> Document | DocumentRejected:
    """Run one read; turn its rejection, or any unforeseen error, into a yielded value."""
    try:
        return read()
    except DocumentRejected as e:
        return e
    except Exception as e:  # noqa: BLE001  (one bad document must not end a batch)
        return _internal(e, origin)


def _internal(e: Exception, origin: str) -> DocumentRejected:
    """A bug met while reading one document, reported like a rejection so the batch goes on."""
    return DocumentRejected(
        "internal_error",
        f"{origin}: unexpected {type(e).__name__} while reading: {' '.join(str(e).split())}",
        origin,
    )


def _read_path(
    path: str, defaults: dict[str, str | None], codec: str
) -> Iterator[Document | DocumentRejected]:
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        yield DocumentRejected("not_found", f"{path} does not exist", path)
        return
    except OSError as e:
        yield DocumentRejected("unreadable", f"{path} cannot be read ({e.strerror})", path)
        return
    if stat.S_ISDIR(st.st_mode):
        found = False
        for item in _walk(path, {(st.st_dev, st.st_ino)}):
            found = True
            if isinstance(item, DocumentRejected):
                yield item
            else:
                yield from _read_file(*item, defaults, codec)
        if not found:
            yield DocumentRejected(
                "no_inputs", f"{path} is a directory with no input files ({_SUPPORTED})", path
            )
        return
    name = os.path.basename(path)
    kind = document_kind(name)
    if not stat.S_ISREG(st.st_mode):
        yield DocumentRejected("unsupported", f"{path} is not a regular file", path)
    elif kind is None:
        why = (
            "is a sidecar: name the document it describes"
            if name.lower().endswith(SIDECAR_SUFFIX)
            else f"is not an input ({_SUPPORTED}, a directory, or - for stdin)"
        )
        yield DocumentRejected("unsupported", f"{path} {why}", path)
    else:
        yield from _read_file(path, *kind, defaults, codec)


def _walk(
    top: str, seen: set[tuple[int, int]]
) -> Iterator[tuple[str, str, str] | DocumentRejected]:
    """``(path, kind, stem)`` of every input under ``top``, depth first, sorted by name.

    Only names are listed (one directory at a time); an unlistable directory is yielded as
    ``unreadable``; a symbolic link back up the tree is not followed twice.
    """
    try:
        with os.scandir(top) as it:
            entries = sorted((e.name, e.is_dir()) for e in it if not e.name.startswith("."))
    except OSError as e:
        yield DocumentRejected("unreadable", f"{top} cannot be listed ({e.strerror})", top)
        return
    for name, is_dir in entries:
        path = os.path.join(top, name)
        if is_dir:
            try:
                st = os.stat(path)
            except OSError:
                continue  # vanished since the listing: nothing left to read
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                yield from _walk(path, seen)
            continue
        kind = document_kind(name)
        # Broken links and special files (FIFOs would block) are not documents.
        if kind is not None and os.path.isfile(path):
            yield (path, *kind)


# --- one file --------------------------------------------------------------------------------


def _read_file(
    path: str, kind: str, stem: str, defaults: dict[str, str | None], codec: str
) -> Iterator[Document | DocumentRejected]:
    if kind == "jsonl":
        try:
            yield from _read_jsonl(path, stem, defaults, codec)
        except DocumentRejected as e:
            yield e
        except Exception as e:  # noqa: BLE001  (one bad file must not end a batch)
            yield _internal(e, path)
        return
    reader = _read_text if kind == "text" else _read_html
    yield _guarded(partial(reader, path, stem, defaults, codec), path)


def _read_text(path: str, stem: str, defaults: dict[str, str | None], codec: str) -> Document:
    sidecar = read_sidecar(path, stem)
    data = read_capped(path, MAX_BYTES, origin=path)
    text, used = decode(data, encoding=codec, origin=path)
    _check_length(text, path)
    return Document(
        id=sidecar.get("id") or stem,
        text=text,
        meta=merge_meta(sidecar, {}, defaults),
        origin=path,
        encoding=used,
    )


def _read_html(path: str, stem: str, defaults: dict[str, str | None], codec: str) -> Document:
    sidecar = read_sidecar(path, stem)
    data = read_capped(path, MAX_HTML_BYTES, origin=path, gz=path.lower().endswith(".gz"))
    markup, used = html.decode_html(data, encoding=codec, origin=path)
    article = html.extract_article(markup, origin=path)
    _check_length(article.text, path)
    return Document(
        id=sidecar.get("id") or stem,
        text=article.text,
        meta=merge_meta(sidecar, page_meta(article), defaults),
        origin=path,
        encoding=used,
    )


def _read_stdin(stream: TextIO | None, defaults: dict[str, str | None], codec: str) -> Document:
    stream = sys.stdin if stream is None else stream
    buffer = getattr(stream, "buffer", None)
    try:
        if buffer is not None:
            data = buffer.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise DocumentRejected(
                    "too_large", f"stdin is too large (over {MAX_BYTES:,} bytes)", STDIN
                )
            text, used = decode(data, encoding=codec, origin="stdin")
        else:
            text, used = stream.read(MAX_CHARS + 1), getattr(stream, "encoding", None) or "str"
            if not text:
                raise DocumentRejected("empty", "stdin is empty", STDIN)
            check_text(text, origin="stdin")
    except (OSError, UnicodeDecodeError) as e:
        raise DocumentRejected("unreadable", f"stdin cannot be read ({e})", STDIN) from None
    _check_length(text, "stdin")
    return Document(id="stdin", text=text, meta=merge_meta({}, {}, defaults), origin=STDIN,
                    encoding=used)


def _check_length(text: str, origin: str) -> None:
    if len(text) > MAX_CHARS:
        raise DocumentRejected(
            "too_large",
            f"{origin} is too large ({len(text):,} characters; the cap is {MAX_CHARS:,})",
            origin,
        )


# --- JSON Lines ------------------------------------------------------------------------------


def _read_jsonl(
    path: str, stem: str, defaults: dict[str, str | None], codec: str
) -> Iterator[Document | DocumentRejected]:
    """One document per non-blank line; a bad line is yielded as its own rejection."""
    try:
        handle = open(path, "rb")  # noqa: SIM115  (closed below; the file is streamed)
    except OSError as e:
        raise DocumentRejected(
            "unreadable", f"{path} cannot be read ({e.strerror})", path
        ) from None
    seen = 0
    with handle:
        for number, line, whole in _lines(handle, MAX_HTML_BYTES):
            origin = f"{path}:{number}"
            if whole and not line.strip():
                continue
            seen += 1
            if not whole:
                yield DocumentRejected(
                    "too_large", f"{origin} is too large (over {MAX_HTML_BYTES:,} bytes)", origin
                )
                continue
            yield _guarded(
                partial(_jsonl_document, line, number, origin, stem, defaults, codec), origin
            )
    if not seen:
        yield DocumentRejected("empty", f"{path} is empty (no JSON lines)", path)


def _lines(handle: IO[bytes], cap: int) -> Iterator[tuple[int, bytes, bool]]:
    """``(line number, bytes, complete)`` of each line, never holding more than ``cap`` bytes.

    A line longer than ``cap`` is skipped in chunks and reported once with ``complete`` False.
    """
    number = 0
    while True:
        try:
            line = handle.readline(cap + 1)
        except OSError as e:
            raise DocumentRejected(
                "unreadable", f"{handle.name} cannot be read ({e.strerror})", handle.name
            ) from None
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = handle.readline(cap + 1)
            yield number, b"", False
            continue
        yield number, line, True


def _jsonl_document(
    line: bytes,
    number: int,
    origin: str,
    stem: str,
    defaults: dict[str, str | None],
    codec: str,
) -> Document:
    raw, used = decode(line, encoding=codec, origin=origin)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as e:
        raise DocumentRejected(
            "bad_json", f"{origin}: invalid JSON ({e.msg} at column {e.colno})", origin
        ) from None
    if not isinstance(record, dict):
        raise DocumentRejected(
            "bad_json", f"{origin}: a line must be a JSON object, not {json_type(record)}", origin
        )
    has_text, has_html = "text" in record, "html" in record
    if has_text == has_html:
        problem = "has both" if has_text else "needs one of"
        raise DocumentRejected("bad_json", f'{origin} {problem} "text" and "html"', origin)
    key = "text" if has_text else "html"
    body = record[key]
    if not isinstance(body, str):
        raise DocumentRejected(
            "bad_json", f'{origin}: "{key}" must be a string, not {json_type(body)}', origin
        )
    line_id = record.get("id")
    if line_id is not None and (not isinstance(line_id, str) or not line_id.strip()):
        raise DocumentRejected(
            "bad_json", f'{origin}: "id" must be a non-empty string, got {line_id!r}', origin
        )
    meta = validate_meta(record.get("meta") or {}, origin, f'"meta" of {origin}')
    check_text(body, origin=origin)
    if key == "text":
        text, page = body, {}
    else:
        article = html.extract_article(body, origin=origin)
        text, page = article.text, page_meta(article)
    _check_length(text, origin)
    return Document(
        id=line_id or meta.get("id") or f"{stem}-{number}",
        text=text,
        meta=merge_meta(meta, page, defaults),
        origin=origin,
        encoding=used,
    )


def _nonblank(value: str | None) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError(f"outlet must be a str or None, got {type(value).__name__}")
    return value.strip() or None if value is not None else None
