"""A small, deterministic stand-in extractor and corpus for the store tests.

The store does not care how results were made, so its tests use this regex extractor (fast,
no model) to produce real ``Extraction`` records: every span is a true slice of the text.
Run as a script, it ingests a JSON Lines file with it (the fast kill-and-rerun test does that):

    python synthetic.py DB_URL FILE.jsonl [SECONDS_PER_DOCUMENT]
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from claimledger.errors import DocumentRejected
from claimledger.model import (
    Attribution,
    Diagnostic,
    Document,
    Entity,
    Extraction,
    Meta,
    Quantity,
    Span,
    TimeExpression,
)

_DIRECT = re.compile(r'"(?P<content>[^"]+?),?" (?P<source>[A-Z][a-z]+(?: [A-Z][a-z]+)*) said')
_INDIRECT = re.compile(r"(?P<source>[A-Z][a-z]+(?: [A-Z][a-z]+)*) said that (?P<content>[^.\"]+)\.")
_NUMBER = re.compile(r"\b\d[\d,]*\b")
_DAY = re.compile(r"\bon (?:Monday|Tuesday|Friday)\b")
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")

SLOW = 0.0  # seconds of simulated work per document (the kill test sets it)


def analyse(doc: Document) -> Extraction:
    """Attributions, quantities, times and entities found by a few regexes."""
    text = doc.text
    attrs: list[Attribution] = []
    for m in sorted([*_DIRECT.finditer(text), *_INDIRECT.finditer(text)], key=lambda m: m.start()):
        is_direct = m.re is _DIRECT
        cue_start = m.end() - 4 if is_direct else m.end("source") + 1
        attrs.append(
            Attribution(
                id=f"a{len(attrs) + 1}",
                content=Span.of(text, m.start("content"), m.end("content")),
                kind="direct" if is_direct else "indirect",
                source=Span.of(text, m.start("source"), m.end("source")),
                source_entity=m.group("source") if " " in m.group("source") else None,
                source_role="spokesperson" if is_direct else None,
                cue=Span.of(text, cue_start, cue_start + 4),
                via=("Wire Service",) if is_direct else (),
                channel="statement" if is_direct else None,
                said_on=doc.meta.published if is_direct else None,
                nested_in=None,
                hedge=None,
            )
        )

    def holder(span: Span) -> str | None:
        return next((a.id for a in attrs if a.content.contains(span)), None)

    quantities = tuple(
        Quantity(
            span=(s := Span.of(text, m.start(), m.end())),
            low=float(m.group().replace(",", "")), high=None, low_inclusive=False,
            high_inclusive=True, approximate=False, unit="person", subject="people",
            attribution=holder(s),
        )
        for m in _NUMBER.finditer(text)
    )
    times = tuple(
        TimeExpression(
            span=(s := Span.of(text, m.start(), m.end())), type="DATE",
            value=doc.meta.published, anchor=doc.meta.published, attribution=holder(s),
        )
        for m in _DAY.finditer(text)
    )
    names: dict[str, list[Span]] = {}
    for m in _NAME.finditer(text):
        names.setdefault(m.group(), []).append(Span.of(text, m.start(), m.end()))
    entities = tuple(
        Entity(name=n, type="PERSON", roles=("spokesperson",), mentions=tuple(spans))
        for n, spans in names.items()
    )
    diagnostics = (Diagnostic("unbalanced_quote", "odd number of quotes", 0, 1),) if (
        text.count('"') % 2
    ) else ()
    return Extraction(doc, tuple(attrs), quantities, times, entities, diagnostics)


def extract_many(
    items: Iterable[Document | DocumentRejected], *, workers: int = 1
) -> Iterator[Extraction | DocumentRejected]:
    """``pipeline.extract_many``'s contract with the regex extractor, in one process."""
    for item in items:
        if isinstance(item, DocumentRejected):
            yield item
            continue
        if SLOW:
            time.sleep(SLOW)
        yield analyse(item)


PEOPLE = ("Anna Berg", "Omar Haddad", "Li Wei", "Maria Lopez", "John Smith", "Ivan Petrov")
OUTLETS = ("Daily Planet", "Gazette", "Herald")


def article(i: int, version: int = 0) -> Document:
    """The ``i``-th synthetic article; another ``version`` changes its text."""
    a, b = PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 2) % len(PEOPLE)]
    text = (
        f'"We counted {100 + i} people at the bridge," {a} said on Monday. '
        f"{b} said that {3 * i + version} homes were damaged in District {i}. "
        f"Officials said that the storm moved north{' again' if version else ''}."
    )
    day = 1 + i % 28
    return Document(
        id=f"doc-{i:04d}", text=text,
        meta=Meta(outlet=OUTLETS[i % len(OUTLETS)], published=f"2025-0{1 + i % 3}-{day:02d}"),
        origin=f"corpus.jsonl:{i + 1}",
    )


def write_jsonl(path: Path, n: int, *, bad_every: int = 0) -> Path:
    """``n`` articles as JSON Lines, with a malformed line every ``bad_every`` lines."""
    lines = []
    for i in range(n):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append('{"id": "broken", "text": ')
            continue
        d = article(i)
        lines.append(json.dumps({"id": d.id, "text": d.text, "meta": d.meta.to_dict()}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _jsonl(path: Path) -> Iterator[Document | DocumentRejected]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            yield DocumentRejected("bad_json", f"{path}:{n}: not JSON", f"{path}:{n}")
            continue
        yield Document(obj["id"], obj["text"], Meta(**obj["meta"]), origin=f"{path}:{n}")


if __name__ == "__main__":
    from claimledger.ingest import ingest_documents

    SLOW = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    summary = ingest_documents(
        _jsonl(Path(sys.argv[2])), db_url=sys.argv[1], progress=False, extract=extract_many,
        batch_size=8, model="synthetic-regex",  # naming the model keeps spaCy unimported
    )
    print(json.dumps(summary.to_dict()))
