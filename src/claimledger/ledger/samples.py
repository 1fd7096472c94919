"""Reproducible samples for measuring the precision of entity merges and of syndication.

Run as a module; every sample is drawn with a fixed seed so the same pairs come out again::

    python -m claimledger.ledger.samples entities DIR... --docs 300 --pairs 50 --seed 7
        (--records pipeline|ner, default pipeline)
    python -m claimledger.ledger.samples syndication DIR... --metadata metadata.tsv
    python -m claimledger.ledger.samples throughput DIR... --sentences 512 --threads 1
    python -m claimledger.ledger.samples claim-pairs ANN_DIR... --seed 5
    python -m claimledger.ledger.samples measure-pairs --db URL --pairs 50 --seed 3

``entities`` takes ``--docs`` texts (sorted by path, then a seeded shuffle), gets their entities
(by default from ``claimledger.pipeline``, as ``build`` does; with ``--records ner``, each
distinct spaCy NER name of a document), merges them with
:func:`claimledger.ledger.names.merge_names`, and prints one cross-document pair with different
written names from each of ``--pairs`` seeded merged entities (identical names are the easy
case). Each pair comes with a snippet around each name's first mention, for a person to label.

``throughput`` embeds the first ``--sentences`` sentences (split on ``. ``) of the texts with
the bundled sentence model on ``--threads`` CPU threads and prints sentences per second
(after one warm-up batch, so model loading is not counted).

``claim-pairs`` reads PolNeAR gold attributions (brat ``.ann``; the first annotator's file of
each article), keeps contents of six words or more, takes 4,000 of them (seeded shuffle, seed
11), embeds them, and prints up to 10 cross-document pairs per cosine band (0.55, 0.65, 0.72,
0.78, 0.85, 0.90, 1.0), seeded, for labelling; :data:`CLAIM_PAIR_LABELS` holds the labels given
by reading each pair (Y: the two contents state the same proposition).

``measure-pairs`` reads a store built by ``claimledger analyze`` and takes ``--pairs`` seeded
measures among those with two estimates or more; from each it prints one seeded pair of
estimates (from different documents when the measure has two), with the measure's label,
the pair's relation and each estimate's sentence, for a person to label (the same measure or
not: the same counted thing, subject, holder and period); the labels given are in
docs/ledger.md.

``syndication`` prints every detected near-duplicate pair with the metadata's publisher,
credit and wire columns and the opening of both texts.

``syndication-candidates`` computes the exact shingle Jaccard similarity of every pair of texts
(through an inverted index of shingles, so only pairs sharing one are scored), and prints the
``--pairs`` most similar pairs, most similar first, each with its MinHash estimate, whether
:func:`~claimledger.ledger.syndication.find_syndicated` reports it at ``--threshold``, the
metadata columns and the opening of both texts, for a person to label (copy or not).
:data:`CANDIDATE_LABELS` holds the labels given by reading each pair.

``syndication-constructed`` builds ``--copies`` *constructed* reprints of seeded real texts (a
wire-style header and footer added, the last paragraph cut, as syndication does), runs
``find_syndicated`` over the real texts and the reprints together, and prints the recall on the
constructed pairs and every detected pair that is not a constructed one.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import re
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from ..model import Extraction
from .conflicts import Interval, relation
from .measures import sentence_end, sentence_start
from .names import NameRecord, find_acronyms, merge_names
from .syndication import THRESHOLD, find_syndicated, shingles, signature

_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")

#: Hand labels of the ``claim-pairs`` sample on PolNeAR train+dev (seed 5), pair 0 first.
CLAIM_PAIR_LABELS = "NNNNNNNNNNNNNNNNNNNNNNNYNYNNNYNYYNYNYNYYNYYNYYYYYYYYNN"
BANDS = (0.55, 0.65, 0.72, 0.78, 0.85, 0.90, 1.01)
#: Hand labels of ``syndication-candidates`` on all PolNeAR texts (50 pairs), most similar
#: first (Y: one text is a copy of the other, possibly edited; N: different articles).
CANDIDATE_LABELS = "YYYYYYY" + "N" * 43


def _texts(dirs: Sequence[str]) -> list[Path]:
    paths: list[Path] = []
    for d in dirs:
        p = Path(d)
        paths.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return paths


def entity_sample(
    dirs: Sequence[str], *, docs: int, pairs: int, seed: int, records_from: str = "pipeline"
) -> list[str]:
    """Lines describing a seeded sample of merged pairs (see the module docstring).

    ``records_from`` is ``pipeline`` (the entities of ``claimledger.pipeline``, as ``build``
    merges them) or ``ner`` (each distinct spaCy NER name of a document, merged with
    ``link_surnames=True``).

    Raises:
        ValueError: an unknown ``records_from``.
    """
    if records_from not in ("pipeline", "ner"):
        raise ValueError(f"records_from must be 'pipeline' or 'ner', got {records_from!r}")
    rng = random.Random(seed)
    paths = _texts(dirs)
    rng.shuffle(paths)
    paths = paths[:docs]
    records: list[NameRecord] = []
    context: list[str] = []
    declared: list[tuple[str, str]] = []
    if records_from == "pipeline":
        from ..model import Document
        from ..pipeline import extract_many

        documents = [Document(p.stem, p.read_text(encoding="utf-8")) for p in paths]
        for ex in extract_many(documents):
            if not isinstance(ex, Extraction):
                continue
            text = ex.document.text
            declared.extend(find_acronyms(text))
            for e in ex.entities:
                records.append(NameRecord(ex.document.id, e.name, e.type))
                m = e.mentions[0] if e.mentions else None
                lo = max(0, m.start - 60) if m else 0
                hi = min(len(text), m.end + 60) if m else 0
                context.append(text[lo:hi].replace("\n", " "))
        merge, _ = merge_names(records, acronyms=declared)
    else:
        from ..nlp import load_nlp

        nlp = load_nlp()
        texts = (p.read_text(encoding="utf-8") for p in paths)
        for path, doc in zip(paths, nlp.pipe(texts), strict=True):
            seen: set[tuple[str, str]] = set()
            declared.extend(find_acronyms(doc.text))
            for ent in doc.ents:
                key = (ent.text.strip(), ent.label_)
                if ent.label_ not in _TYPES or key in seen or not key[0]:
                    continue
                seen.add(key)
                records.append(NameRecord(path.stem, key[0], ent.label_))
                lo, hi = max(0, ent.start_char - 60), min(len(doc.text), ent.end_char + 60)
                context.append(doc.text[lo:hi].replace("\n", " "))
        merge, _ = merge_names(records, acronyms=declared, link_surnames=True)
    # Per merged entity, its cross-document pairs whose written names differ.
    by_entity: list[list[tuple[int, int]]] = []
    for entity in merge.entities:
        members = sorted(entity.members)
        found = [
            (i, j)
            for i, j in combinations(members, 2)
            if records[i].document_id != records[j].document_id
            and records[i].name != records[j].name
        ]
        if found:
            by_entity.append(found)
    total = sum(len(f) for f in by_entity)
    # One pair from each of a seeded sample of entities: a uniform sample of pairs would be
    # nearly all "Trump" ~ "Donald Trump", measuring one merge decision fifty times.
    chosen = rng.sample(by_entity, min(pairs, len(by_entity)))
    picked = sorted(rng.choice(found) for found in chosen)
    out = [
        f"# {len(paths)} documents, {len(records)} entity records, "
        f"{len(merge.entities)} merged entities, {len(by_entity)} of them merging different "
        f"names across documents ({total} pairs); one pair from each of {len(picked)} "
        f"(seed {seed}, records from {records_from})"
    ]
    for n, (i, j) in enumerate(picked):
        a, b = records[i], records[j]
        out.append(f"{n + 1:3d}. {a.name!r} [{a.type}] ~ {b.name!r} [{b.type}]")
        out.append(f"     {a.document_id}: ...{context[i]}...")
        out.append(f"     {b.document_id}: ...{context[j]}...")
    return out


def syndication_sample(dirs: Sequence[str], *, metadata: str | None, threshold: float) -> list[str]:
    """Lines describing every detected near-duplicate pair, with the metadata columns."""
    meta: dict[str, dict[str, str]] = {}
    if metadata:
        with open(metadata, encoding="utf-8", newline="") as fh:
            meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    paths = _texts(dirs)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    result, _ = find_syndicated(texts.items(), threshold=threshold)
    out = [f"# {len(texts)} documents, {len(result.pairs)} pairs, {len(result.groups)} groups"]
    for p in result.pairs:
        cols = []
        for d in (p.a, p.b):
            m = meta.get(d, {})
            cols.append(
                f"{d} publisher={m.get('publisher')} credit={m.get('credit')} wire={m.get('wire')}"
            )
        out.append(f"{p.similarity:.3f}  {cols[0]}  |  {cols[1]}")
        for d in (p.a, p.b):
            out.append("     " + texts[d][:160].replace("\n", " "))
    return out


def _metadata(path: str | None) -> dict[str, dict[str, str]]:
    if not path:
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}


def _describe(doc_id: str, meta: dict[str, dict[str, str]]) -> str:
    m = meta.get(doc_id, {})
    return f"{doc_id} credit={m.get('credit')} wire={m.get('wire')}"


def exact_jaccard_pairs(
    texts: dict[str, str], *, top: int, min_words: int = 50
) -> list[tuple[float, str, str]]:
    """The ``top`` pairs of texts with the highest exact Jaccard similarity of their shingle
    sets, most similar first, as ``(similarity, a, b)`` with ``a < b``.

    Texts shorter than ``min_words`` words are left out, as ``find_syndicated`` does. A
    shingle shared by more than 50 texts is boilerplate and does not make pairs (it still
    counts in the similarity of pairs found through other shingles).
    """
    sets = {
        d: shingles(t) for d, t in texts.items() if len(re.findall(r"\w+", t)) >= min_words
    }
    index: dict[str, list[str]] = {}
    for d, sh in sets.items():
        for x in sh:
            index.setdefault(x, []).append(d)
    candidates: set[tuple[str, str]] = set()
    for docs in index.values():
        if 1 < len(docs) <= 50:
            candidates.update(combinations(sorted(docs), 2))
    scored = []
    for a, b in candidates:
        sa, sb = sets[a], sets[b]
        scored.append((len(sa & sb) / len(sa | sb), a, b))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    return scored[:top]


def syndication_candidates(
    dirs: Sequence[str], *, metadata: str | None, pairs: int, threshold: float
) -> list[str]:
    """Lines describing the ``pairs`` most similar pairs of texts (see the module docstring)."""
    meta = _metadata(metadata)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in _texts(dirs)}
    found, _ = find_syndicated(texts.items(), threshold=threshold)
    detected = {(p.a, p.b) for p in found.pairs}
    top = exact_jaccard_pairs(texts, top=pairs)
    labels = CANDIDATE_LABELS if len(CANDIDATE_LABELS) == len(top) else ""
    out = [
        f"# {len(texts)} documents; the {len(top)} most similar pairs by exact 5-shingle "
        f"Jaccard; {len(detected)} pairs detected at threshold {threshold}"
    ]
    for n, (sim, a, b) in enumerate(top):
        est = signature(texts[a]).jaccard(signature(texts[b]))
        flag = "DETECTED" if (a, b) in detected else "-"
        label = f" label={labels[n]}" if labels else ""
        out.append(
            f"{n + 1:3d}. jaccard={sim:.3f} minhash={est:.3f} {flag}{label}  "
            f"{_describe(a, meta)}  |  {_describe(b, meta)}"
        )
        for d in (a, b):
            out.append("     " + texts[d][:200].replace("\n", " "))
    if labels:
        yes_above = sum(
            1 for (_, a, b), lab in zip(top, labels, strict=True)
            if lab == "Y" and (a, b) in detected
        )
        above = sum(1 for _, a, b in top if (a, b) in detected)
        copies = labels.count("Y")
        out.append(
            f"# precision at {threshold}: {yes_above}/{above}; copies among the {len(top)} "
            f"pairs: {copies}, detected {yes_above}/{copies}"
        )
    return out


def reprint(text: str, rng: random.Random) -> str:
    """A constructed wire reprint of ``text``: a dateline header and a credit footer added,
    and the last paragraph cut when there are three or more (what a reprinting outlet does)."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) >= 3:
        paragraphs = paragraphs[:-1]
    city = rng.choice(("WASHINGTON", "NEW YORK", "LONDON", "CHICAGO"))
    wire = rng.choice(("AP", "Reuters", "AFP"))
    header = f"By Staff Writer | {wire}\n\n{city} ({wire}) --"
    footer = f"Reporting by {wire} staff; editing by the desk. Copyright {wire}. All rights."
    return "\n\n".join([header, *paragraphs, footer]) + "\n"


def syndication_constructed(
    dirs: Sequence[str], *, copies: int, seed: int, threshold: float
) -> list[str]:
    """Lines reporting recall on constructed reprints and every other detected pair."""
    rng = random.Random(seed)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in _texts(dirs)}
    originals = rng.sample(sorted(d for d, t in texts.items() if len(t.split()) >= 50), copies)
    reprints = {f"reprint~{d}": reprint(texts[d], rng) for d in originals}
    found, _ = find_syndicated([*texts.items(), *reprints.items()], threshold=threshold)
    constructed = {tuple(sorted((d, f"reprint~{d}"))) for d in originals}
    detected = {(p.a, p.b): p.similarity for p in found.pairs}
    hits = [pair for pair in constructed if pair in detected]
    others = sorted(p for p in detected if p not in constructed)
    sims = sorted(detected[p] for p in hits)
    out = [
        f"# {len(texts)} real texts + {len(reprints)} constructed reprints (seed {seed}); "
        f"{len(detected)} pairs detected at threshold {threshold}",
        f"# recall on constructed pairs: {len(hits)}/{len(constructed)}"
        + (f" (similarity {sims[0]:.3f}..{sims[-1]:.3f})" if sims else ""),
        f"# other detected pairs (label by reading; a reprint paired with anything but its "
        f"original is a false positive): {len(others)}",
    ]
    out.extend(f"{detected[p]:.3f}  {p[0]}  |  {p[1]}" for p in others)
    return out


def throughput(dirs: Sequence[str], *, sentences: int, threads: int, batch: int) -> list[str]:
    """Lines reporting embedding throughput on ``threads`` CPU threads."""
    import time

    from .claims import Embedder

    texts: list[str] = []
    for path in _texts(dirs):
        texts.extend(s.strip() for s in path.read_text(encoding="utf-8").split(". ") if s.strip())
        if len(texts) >= sentences:
            break
    texts = texts[:sentences]
    embedder = Embedder(batch_size=batch, threads=threads)
    embedder.encode(texts[:batch])
    started = time.perf_counter()
    embedder.encode(texts)
    seconds = time.perf_counter() - started
    return [
        f"{len(texts)} sentences, {threads} thread(s), batch {batch}: {seconds:.2f} s, "
        f"{len(texts) / seconds:.1f} sentences/s"
    ]


def _gold_contents(dirs: Sequence[str]) -> list[tuple[str, str, str]]:
    """``(article, source text, content text)`` of every gold attribution."""
    out: list[tuple[str, str, str]] = []
    for d in dirs:
        seen: set[str] = set()
        for ann in sorted(Path(d).glob("*.ann")):
            article = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
            if article in seen:
                continue  # several annotators: the file whose name sorts first
            seen.add(article)
            spans: dict[str, str] = {}
            lines = ann.read_text(encoding="utf-8").splitlines()
            for line in lines:
                parts = line.split("\t")
                if line.startswith("T") and len(parts) >= 3:
                    spans[parts[0]] = parts[2]
            for line in lines:
                if line.startswith("E"):
                    roles = dict(p.split(":", 1) for p in line.split("\t")[1].split())
                    content = spans.get(roles.get("Content", ""), "")
                    if len(content.split()) >= 6:
                        out.append((article, spans.get(roles.get("Source", ""), ""), content))
    return out


def claim_pairs(dirs: Sequence[str], *, seed: int, n: int = 4000, per_band: int = 10) -> list[str]:
    """Lines listing a seeded, cosine-stratified sample of cross-document content pairs."""
    import numpy as np

    from .claims import Embedder

    records = _gold_contents(dirs)
    random.Random(11).shuffle(records)
    records = records[:n]
    vectors = Embedder().encode([r[2] for r in records])
    sims = vectors @ vectors.T
    rows, cols = np.triu_indices(len(records), 1)
    values = sims[rows, cols]
    keep = values >= BANDS[0]
    pairs = [
        (int(i), int(j), float(c))
        for i, j, c in zip(rows[keep], cols[keep], values[keep], strict=True)
        if records[i][0] != records[j][0]
    ]
    rng = random.Random(seed)
    out = [f"# {len(records)} contents, {len(pairs)} cross-document pairs >= {BANDS[0]}"]
    k = 0
    for lo, hi in itertools.pairwise(BANDS):
        band = [p for p in pairs if lo <= p[2] < hi]
        out.append(f"# band {lo}-{hi}: {len(band)} pairs")
        for i, j, c in rng.sample(band, min(per_band, len(band))):
            label = CLAIM_PAIR_LABELS[k] if k < len(CLAIM_PAIR_LABELS) else "?"
            out.append(f"#{k} cos={c:.3f} label={label}")
            for r in (records[i], records[j]):
                out.append(f"   {r[0][:40]} | {r[1]} | {r[2][:300]}")
            k += 1
    return out


def measure_pairs(db_url: str, *, pairs: int, seed: int) -> list[str]:
    """One seeded cross-document pair of estimates from each of ``pairs`` seeded measures."""
    from sqlalchemy import text as sql

    from ..store import db

    engine = db.create(db_url, migrate=False)
    with engine.connect() as conn:
        rows = conn.execute(sql(
            "SELECT mm.measure_id, ms.label, d.key, d.text, q.start, q.\"end\", q.low, q.high, "
            "q.low_inclusive, q.high_inclusive, q.approximate "
            "FROM measure_members mm JOIN measures ms ON ms.id = mm.measure_id "
            "JOIN quantities q ON q.pk = mm.quantity_id JOIN documents d ON d.pk = q.document_pk "
            "ORDER BY mm.measure_id, d.key, q.start"
        )).all()
    engine.dispose()
    by_measure: dict[int, list[Any]] = {}
    for r in rows:
        by_measure.setdefault(r[0], []).append(r)
    eligible = sorted(m for m, rs in by_measure.items() if len(rs) >= 2)
    across = sum(1 for m in eligible if len({r[2] for r in by_measure[m]}) >= 2)
    rng = random.Random(seed)
    chosen = sorted(rng.sample(eligible, min(pairs, len(eligible))))
    out = [f"# {len(eligible)} measures with two estimates or more ({across} of them in two "
           f"documents or more); {len(chosen)} sampled (seed {seed})"]
    for k, mid in enumerate(chosen):
        rs = by_measure[mid]
        a = rng.choice(rs)
        # From another document when the measure has one, else another estimate of this one.
        others = [r for r in rs if r[2] != a[2]] or [r for r in rs if r is not a]
        b = rng.choice(others)
        ia, ib = (
            Interval.from_bounds(r[6], r[7], bool(r[8]), bool(r[9]), bool(r[10])) for r in (a, b)
        )
        out.append(f"#{k} measure {mid} [{rs[0][1]}] {relation(ia, ib)}")
        for r in (a, b):
            out.append(f"   {r[2][:40]} | {r[3][r[4]:r[5]]} | {_sentence(r[3], r[4], r[5])}")
    return out


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, on one line (cut at 300 characters)."""
    # With its final period, when it has one.
    right = sentence_end(text, end) + 1
    return " ".join(text[sentence_start(text, start) : right].split())[:300]


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m claimledger.ledger.samples")
    sub = parser.add_subparsers(dest="what", required=True)
    e = sub.add_parser("entities")
    e.add_argument("dirs", nargs="+")
    e.add_argument("--docs", type=int, default=300)
    e.add_argument("--pairs", type=int, default=50)
    e.add_argument("--seed", type=int, default=7)
    e.add_argument("--records", choices=("pipeline", "ner"), default="pipeline")
    s = sub.add_parser("syndication")
    s.add_argument("dirs", nargs="+")
    s.add_argument("--metadata")
    s.add_argument("--threshold", type=float, default=THRESHOLD)
    t = sub.add_parser("throughput")
    t.add_argument("dirs", nargs="+")
    t.add_argument("--sentences", type=int, default=512)
    t.add_argument("--threads", type=int, default=1)
    t.add_argument("--batch", type=int, default=64)
    sc = sub.add_parser("syndication-candidates")
    sc.add_argument("dirs", nargs="+")
    sc.add_argument("--metadata")
    sc.add_argument("--pairs", type=int, default=50)
    sc.add_argument("--threshold", type=float, default=THRESHOLD)
    sx = sub.add_parser("syndication-constructed")
    sx.add_argument("dirs", nargs="+")
    sx.add_argument("--copies", type=int, default=50)
    sx.add_argument("--seed", type=int, default=3)
    sx.add_argument("--threshold", type=float, default=THRESHOLD)
    c = sub.add_parser("claim-pairs")
    c.add_argument("dirs", nargs="+")
    c.add_argument("--seed", type=int, default=5)
    mp = sub.add_parser("measure-pairs")
    mp.add_argument("--db", required=True)
    mp.add_argument("--pairs", type=int, default=50)
    mp.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    if args.what == "measure-pairs":
        lines = measure_pairs(args.db, pairs=args.pairs, seed=args.seed)
    elif args.what == "claim-pairs":
        lines = claim_pairs(args.dirs, seed=args.seed)
    elif args.what == "throughput":
        lines = throughput(
            args.dirs, sentences=args.sentences, threads=args.threads, batch=args.batch
        )
    elif args.what == "syndication-candidates":
        lines = syndication_candidates(
            args.dirs, metadata=args.metadata, pairs=args.pairs, threshold=args.threshold
        )
    elif args.what == "syndication-constructed":
        lines = syndication_constructed(
            args.dirs, copies=args.copies, seed=args.seed, threshold=args.threshold
        )
    elif args.what == "entities":
        lines = entity_sample(
            args.dirs, docs=args.docs, pairs=args.pairs, seed=args.seed, records_from=args.records
        )
    else:
        lines = syndication_sample(args.dirs, metadata=args.metadata, threshold=args.threshold)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
