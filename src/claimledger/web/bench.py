"""``claimledger benchmark web``: the document page's render time and the API's latency.

Render: a synthetic article of ``words`` words holding ``claims`` attributions (each with a
source, a cue, a content, a quantity and a time) is built in memory, timed through
:func:`pages.render_document` alone (highlighting plus template), then stored in a temporary
SQLite file and timed through ``GET /documents/{id}`` (store read included).

API: on an existing store (``claimledger benchmark store --db PATH`` fills one to a million
attributions), ``GET /api/attributions`` is timed through the ASGI app in process (no network)
with no filter, by source, by words, by outlet and month, and on a deep page; parameters are
drawn from the stored data with a fixed seed.
"""

from __future__ import annotations

import random
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text as sql

from ..model import Attribution, Document, Extraction, Meta, Quantity, Span, TimeExpression
from ..store.bench import percentiles, timed

_NAMES = ("Ana Lima", "Oleh Petrenko", "The ministry", "Kim Soo-jin", "A spokesperson",
          "Żaneta Nowak", "李伟", "The agency")
_FILLER = (
    "the", "talks", "continued", "late", "into", "evening", "while", "observers", "waited",
    "for", "a", "statement", "about", "supplies", "roads", "bridges", "and", "harvest",
    "many", "farmers", "in", "region", "depend", "upon",
)


def synthetic_extraction(words: int = 5000, claims: int = 200, *, seed: int = 3) -> Extraction:
    """An article of about ``words`` words with ``claims`` attributions, built without NLP.

    Raises:
        ValueError: ``claims`` < 1, or too few words for that many claims (14 per claim).
    """
    if claims < 1 or words < 14 * claims:
        raise ValueError(f"need claims >= 1 and words >= 14 * claims, got {words}, {claims}")
    rng = random.Random(seed)
    per = words // claims
    parts: list[str] = []
    attrs: list[Attribution] = []
    quantities: list[Quantity] = []
    times: list[TimeExpression] = []
    pos = 0
    for i in range(claims):
        source = _NAMES[i % len(_NAMES)]
        number = f"{rng.randint(2, 9000):,}"
        filler = " ".join(rng.choice(_FILLER) for _ in range(per - 12))
        content = f"{number} people had left the area on Monday and {filler}"
        sentence = f"{source} said that {content}. "
        s0 = pos
        c0 = s0 + len(source) + len(" said that ")
        text_so_far = "".join(parts) + sentence
        attrs.append(Attribution(
            id=f"a{i + 1}", kind="indirect",
            source=Span.of(text_so_far, s0, s0 + len(source)),
            cue=Span.of(text_so_far, s0 + len(source) + 1, s0 + len(source) + 5),
            content=Span.of(text_so_far, c0, c0 + len(content)),
        ))
        q0 = c0
        quantities.append(Quantity(
            span=Span.of(text_so_far, q0, q0 + len(number) + len(" people")),
            low=float(number.replace(",", "")), high=float(number.replace(",", "")),
            unit="person", subject="people", attribution=f"a{i + 1}",
        ))
        t0 = text_so_far.index("on Monday", c0)
        times.append(TimeExpression(
            span=Span.of(text_so_far, t0, t0 + len("on Monday")), type="DATE",
            value="2025-01-06", attribution=f"a{i + 1}",
        ))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    return Extraction(
        document=Document(id="bench-article", text=text,
                          meta=Meta(outlet="Bench", published="2025-01-11", title="Benchmark")),
        attributions=tuple(attrs), quantities=tuple(quantities), times=tuple(times),
    )


def web_benchmark(
    *, words: int = 5000, claims: int = 200, db: str | None = None, repeat: int = 50,
    seed: int = 7,
) -> dict[str, Any]:
    """Time the document page and (with ``db``) the attributions listing; figures in ms.

    Raises:
        ValueError: bad sizes, ``repeat`` < 1, or a ``db`` path that does not exist.
    """
    from fastapi.testclient import TestClient

    from ..api.app import create_app
    from ..store import db as store_db
    from ..store import write
    from .pages import render_document

    if repeat < 1:
        raise ValueError(f"repeat must be at least 1, got {repeat}")
    if db is not None and "://" not in db and not Path(db).exists():
        raise ValueError(f"no store at {db} (fill one with 'claimledger benchmark store')")
    ex = synthetic_extraction(words, claims)
    report: dict[str, Any] = {
        "benchmark": "web",
        "article": {"words": len(ex.document.text.split()), "claims": len(ex.attributions),
                    "characters": len(ex.document.text)},
        "render_only": timed(lambda: render_document(ex), repeat, warm=True),
    }
    with tempfile.TemporaryDirectory(prefix="claimledger-webbench-") as tmp:
        engine = store_db.create(str(Path(tmp) / "page.db"))
        write.store(engine, [ex], extractor="bench")
        with TestClient(create_app(engine, token=None)) as client:
            def get_page() -> None:
                r = client.get("/documents/bench-article")
                assert r.status_code == 200, r.status_code

            report["page_request"] = timed(get_page, repeat, warm=True)
        engine.dispose()
    report["render_target_ms"] = 300
    if db is not None:
        report["api"] = _api_latency(db, repeat, seed)
        report["api_target_p95_ms"] = 150
    return report


def _api_latency(path: str, repeat: int, seed: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from ..api.app import create_app
    from ..store import db as store_db

    if "://" not in path and not Path(path).exists():
        raise ValueError(f"no store at {path} (fill one with 'claimledger benchmark store')")
    engine = store_db.create(path)
    rng = random.Random(seed)
    with engine.connect() as conn:
        total = conn.execute(sql("SELECT count(*) FROM attributions")).scalar_one()
        sources = [r[0] for r in conn.execute(sql(
            "SELECT source_entity FROM attributions WHERE pk IN (SELECT pk FROM attributions "
            "ORDER BY random() LIMIT 2000) AND source_entity IS NOT NULL"
        ))]
        words = [w.lower() for r in conn.execute(sql(
            "SELECT content_text FROM attributions ORDER BY random() LIMIT 300"
        )) for w in re.findall(r"[A-Za-z]{5,}", r[0])]
        rows = conn.execute(sql(
            "SELECT outlet, claim_date FROM attributions WHERE claim_date IS NOT NULL "
            "AND outlet IS NOT NULL ORDER BY random() LIMIT 300"
        )).all()
    if not (sources and words and rows):
        raise ValueError(f"the store at {path} holds too few attributions to sample from")
    cases: dict[str, Callable[[], dict[str, Any]]] = {
        "newest_page": lambda: {},
        "by_source": lambda: {"source": rng.choice(sources)},
        "by_text": lambda: {"text": " ".join(rng.sample(words, rng.choice((1, 2))))},
        "by_outlet_and_month": lambda: (lambda o, d: {
            "outlet": o, "since": d[:7], "until": d[:7]})(*rng.choice(rows)),
        "deep_page": lambda: {"offset": rng.randint(100, 1000)},
    }
    out: dict[str, Any] = {"attributions": total, "cases": {}}
    samples_all: list[float] = []
    with TestClient(create_app(engine, token=None, web=False)) as client:
        for name, params in cases.items():
            samples = []
            client.get("/api/attributions", params=params())  # warm this access path
            for _ in range(repeat):
                p = params()
                t0 = time.perf_counter()
                r = client.get("/api/attributions", params=p)
                samples.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    raise RuntimeError(f"GET /api/attributions {p} gave {r.status_code}")
            out["cases"][name] = percentiles(samples)
            samples_all.extend(samples)
    out["all"] = percentiles(samples_all)
    engine.dispose()
    return out
