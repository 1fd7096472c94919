"""Reproducible samples for measuring the precision of entity merges and of syndication.

Run as a module; every sample is drawn with a fixed seed so the same pairs come out again::

    python -m claimledger.ledger.samples entities DIR... --docs 300 --pairs 50 --seed 7
    python -m claimledger.ledger.samples syndication DIR... --metadata metadata.tsv

``entities`` runs spaCy NER (``claimledger.nlp.load_nlp``) over the first ``--docs`` texts
(sorted by path, then a seeded shuffle), treats each distinct (name, label) of a document as
one entity, merges them with :func:`claimledger.ledger.names.merge_names`, and prints a seeded
sample of merged cross-document pairs whose written names differ (identical names are the easy
case; the sample measures the rules that do real work). Each line gives both names and a
snippet around each mention, for a person to label.

``syndication`` prints every detected near-duplicate pair with the metadata's publisher,
credit and wire columns and the opening of both texts.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from .names import NameRecord, find_acronyms, merge_names
from .syndication import THRESHOLD, find_syndicated

_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")


def _texts(dirs: Sequence[str]) -> list[Path]:
    paths: list[Path] = []
    for d in dirs:
        p = Path(d)
        paths.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return paths


def entity_sample(dirs: Sequence[str], *, docs: int, pairs: int, seed: int) -> list[str]:
    """Lines describing a seeded sample of merged pairs (see the module docstring)."""
    from ..nlp import load_nlp

    rng = random.Random(seed)
    paths = _texts(dirs)
    rng.shuffle(paths)
    paths = paths[:docs]
    nlp = load_nlp()
    records: list[NameRecord] = []
    context: list[str] = []
    declared: list[tuple[str, str]] = []
    for path, doc in zip(
        paths, nlp.pipe(p.read_text(encoding="utf-8") for p in paths), strict=True
    ):
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
    merge, _ = merge_names(records, acronyms=declared)
    candidates: list[tuple[int, int]] = []
    for entity in merge.entities:
        members = sorted(entity.members)
        for i, j in combinations(members, 2):
            a, b = records[i], records[j]
            if a.document_id != b.document_id and a.name != b.name:
                candidates.append((i, j))
    out = [
        f"# {len(paths)} documents, {len(records)} entity records, "
        f"{len(merge.entities)} merged entities, {len(candidates)} cross-document pairs "
        f"with different names; sample of {min(pairs, len(candidates))} (seed {seed})"
    ]
    for n, (i, j) in enumerate(sorted(rng.sample(candidates, min(pairs, len(candidates))))):
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


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(prog="python -m claimledger.ledger.samples")
    sub = parser.add_subparsers(dest="what", required=True)
    e = sub.add_parser("entities")
    e.add_argument("dirs", nargs="+")
    e.add_argument("--docs", type=int, default=300)
    e.add_argument("--pairs", type=int, default=50)
    e.add_argument("--seed", type=int, default=7)
    s = sub.add_parser("syndication")
    s.add_argument("dirs", nargs="+")
    s.add_argument("--metadata")
    s.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args(argv)
    if args.what == "entities":
        lines = entity_sample(args.dirs, docs=args.docs, pairs=args.pairs, seed=args.seed)
    else:
        lines = syndication_sample(args.dirs, metadata=args.metadata, threshold=args.threshold)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
