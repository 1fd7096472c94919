"""Turning the bytes of an input into text, or into one ``DocumentRejected`` saying why not.

Every function here either returns text and the name of the codec that produced it, or raises
``DocumentRejected`` with a stable reason code and a one-line detail that names the input:

- ``empty``: no bytes, or only white space;
- ``binary``: NUL bytes/characters, or mostly control characters;
- ``not_utf8``: the default UTF-8 decoding failed; the detail names the encoding the bytes look
  like (sniffed with charset-normalizer) and the ``--encoding`` option that would read them;
- ``undecodable``: an encoding the caller chose explicitly does not decode the bytes;
- ``too_large``: more bytes or characters than the caps allow;
- ``bad_gzip``: a ``.gz`` input that does not decompress;
- ``unreadable``: the operating system refused to read the file.

The caller's own mistakes (an unknown ``encoding`` name) raise ``ValueError`` instead.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from typing import IO

from charset_normalizer import from_bytes

from .errors import DocumentRejected

#: Encoding option that sniffs the encoding instead of requiring UTF-8.
AUTO = "auto"

#: How many leading bytes/characters the binary and encoding sniffers look at.
SAMPLE = 64 * 1024

#: Share of control characters in the sample above which a text counts as binary.
MAX_CONTROL_SHARE = 0.10

# Longest BOMs first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Unicode category Cc (C0, DEL, C1) minus the controls ordinary text carries (\t\n\v\f\r, ESC).
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# Most English news that is not UTF-8 is Windows-1252 (it is also what browsers assume for
# "iso-8859-1"); charset-normalizer often ranks a look-alike code page first on short samples.
_PREFERRED = "cp1252"
_PREFERRED_SLACK = 0.1


def normalize_encoding(encoding: str) -> str:
    """The canonical name of an ``encoding`` option: ``"auto"`` or a Python text codec name.

    Raises:
        ValueError: ``encoding`` is neither ``"auto"`` nor a text codec Python knows; the
            message lists the valid values.
    """
    if not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str, got {type(encoding).__name__}")
    if encoding.lower() == AUTO:
        return AUTO
    try:
        name = codecs.lookup(encoding).name
        b"x".decode(name, errors="ignore")  # not text codecs (base64, zlib) raise LookupError
    except LookupError:
        raise ValueError(
            f"unknown encoding {encoding!r}: use 'utf-8' (the default), 'auto' (sniff it), "
            "or a Python codec name such as 'cp1252', 'latin-1' or 'utf-16'"
        ) from None
    return name


def read_capped(path: str, cap: int, *, origin: str, gz: bool = False) -> bytes:
    """At most ``cap`` bytes of the file at ``path`` (decompressed when ``gz``).

    Never reads more than ``cap + 1`` bytes, so a huge file is not slurped.

    Raises:
        DocumentRejected: ``too_large`` past the cap, ``bad_gzip`` for a corrupt gzip stream,
            ``unreadable`` when the operating system refuses (permissions, I/O error).
    """
    try:
        with open(path, "rb") as raw:
            if not gz:
                size = os.fstat(raw.fileno()).st_size
                if size > cap:
                    raise _too_large(origin, f"{size:,} bytes", cap)
                return _read_limited(raw, cap, origin)
            try:
                with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                    return _read_limited(stream, cap, origin)
            except (gzip.BadGzipFile, EOFError, zlib.error) as e:
                raise DocumentRejected(
                    "bad_gzip", f"{origin} is not a readable gzip file ({_reason(e)})", origin
                ) from None
    except DocumentRejected:
        raise
    except OSError as e:
        raise DocumentRejected(
            "unreadable", f"{origin} cannot be read ({_reason(e)})", origin
        ) from None


def _read_limited(stream: IO[bytes] | gzip.GzipFile, cap: int, origin: str) -> bytes:
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise _too_large(origin, f"over {cap:,} bytes", cap)
    return data


def _too_large(origin: str, size: str, cap: int) -> DocumentRejected:
    return DocumentRejected(
        "too_large", f"{origin} is too large ({size}; the cap is {cap:,} bytes)", origin
    )


def bom_encoding(data: bytes) -> str | None:
    """The codec named by a byte-order mark at the start of ``data``, or ``None``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def sniff_encoding(data: bytes) -> str | None:
    """The encoding ``data`` most likely is in, or ``None`` when it looks like no text at all.

    A byte-order mark decides; then valid UTF-8 is UTF-8; then charset-normalizer's ranking,
    preferring Windows-1252 when it decodes the bytes about as cleanly as the top guess.
    """
    bom = bom_encoding(data)
    if bom:
        return bom
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data[:SAMPLE]))
    if not matches:
        return None
    best = min(m.chaos for m in matches)
    for m in matches:
        if m.chaos <= best + _PREFERRED_SLACK and _PREFERRED in m.could_be_from_charset:
            return _PREFERRED
    return codecs.lookup(matches[0].encoding).name


def decode(data: bytes, *, encoding: str, origin: str) -> tuple[str, str]:
    """Decode the bytes of a text document; return ``(text, codec that won)``.

    ``encoding`` (already normalized) is ``"utf-8"`` (strict; a UTF-8 BOM is stripped and the
    codec reported as ``"utf-8-sig"``), ``"auto"`` (BOM, then UTF-8, then sniffed) or an
    explicit codec used as is.

    Raises:
        DocumentRejected: ``empty``, ``binary``, ``not_utf8`` or ``undecodable``.
    """
    if not data:
        raise DocumentRejected("empty", f"{origin} is empty (0 bytes)", origin)
    bom = bom_encoding(data)
    if encoding not in ("utf-8", AUTO):
        codec = encoding
    elif bom == "utf-8-sig" or (bom and encoding == AUTO):
        codec = bom
    elif bom:
        raise DocumentRejected(
            "not_utf8",
            f"{origin} is not UTF-8: its byte-order mark says {bom}; rerun with --encoding {bom}",
            origin,
        )
    elif b"\x00" in data:
        raise DocumentRejected(
            "binary",
            f"{origin} looks binary: it holds NUL bytes (or it is UTF-16/32 without a "
            "byte-order mark)",
            origin,
        )
    else:
        codec = "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        text, codec = _recover(data, e, codec=codec, requested=encoding, origin=origin)
    check_text(text, origin=origin)
    return text, codec


def _recover(
    data: bytes, err: UnicodeDecodeError, *, codec: str, requested: str, origin: str
) -> tuple[str, str]:
    """Sniff another encoding after ``codec`` failed: use it under ``auto``, else reject."""
    where = f"byte 0x{data[err.start]:02x} at offset {err.start:,}"
    guess = sniff_encoding(data)
    if guess is None or guess == codec:
        if requested not in ("utf-8", AUTO):
            raise DocumentRejected(
                "undecodable", f"{origin} is not valid {codec} ({where})", origin
            ) from None
        raise DocumentRejected(
            "binary", f"{origin} looks binary: not UTF-8 ({where}) nor any known text encoding",
            origin,
        ) from None
    if requested == AUTO:
        try:
            return data.decode(guess), guess
        except UnicodeDecodeError as e2:  # the sniffer saw only a sample
            raise DocumentRejected(
                "undecodable",
                f"{origin} is neither UTF-8 ({where}) nor {guess} "
                f"(byte 0x{data[e2.start]:02x} at offset {e2.start:,})",
                origin,
            ) from None
    if requested == "utf-8":
        raise DocumentRejected(
            "not_utf8",
            f"{origin} is not valid UTF-8 ({where}); it looks like {guess}: rerun with "
            f"--encoding {guess} (or --encoding auto)",
            origin,
        ) from None
    raise DocumentRejected(
        "undecodable",
        f"{origin} is not valid {codec} ({where}); it looks like {guess}: rerun with "
        f"--encoding {guess}",
        origin,
    ) from None


def check_text(text: str, *, origin: str) -> None:
    """Reject a decoded text that is empty, binary or not encodable as UTF-8.

    Raises:
        DocumentRejected: ``empty`` (nothing but white space), ``binary`` (NUL characters, or
            over ``MAX_CONTROL_SHARE`` control characters), ``bad_text`` (an unpaired
            surrogate, which only JSON escapes can produce).
    """
    if not text.strip():
        raise DocumentRejected("empty", f"{origin} is empty (white space only)", origin)
    if "\x00" in text:
        raise DocumentRejected(
            "binary", f"{origin} looks binary: it holds NUL characters", origin
        )
    sample = text[:SAMPLE]
    controls = len(_CONTROLS.findall(sample))
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise DocumentRejected(
            "binary",
            f"{origin} looks binary: {controls:,} of its first {len(sample):,} characters are "
            "control characters",
            origin,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise DocumentRejected(
            "bad_text",
            f"{origin} holds an unpaired surrogate U+{ord(text[e.start]):04X} at character "
            f"{e.start:,}",
            origin,
        ) from None


def _reason(e: BaseException) -> str:
    """A one-line account of an exception, without the path the caller already names."""
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return " ".join(str(e).split()) or type(e).__name__
