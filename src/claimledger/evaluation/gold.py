"""Scoring against our own gold files (EVALUATION.md §1): attributions, quantities, times.

The scorer is pure: :func:`score_document` and :func:`score_corpus` take predictions in the
OUTPUT.md shape (plain dicts, as ``Extraction.to_dict()`` gives them) and parsed gold files,
and return result dicts. :func:`run_gold` is the thin runner that reads the gold files, builds
the documents from ``../shared/corpus``, runs the real pipeline and feeds the scorer.

Matching rules, as EVALUATION.md fixes them:

- attributions pair one-to-one, best content Dice first, when Dice ≥ 0.5;
- the headline *attribution* figure counts a pair only when the predicted ``source_entity``
  names the gold ``source`` (case-insensitive; the gold name or an alias of its entity; an
  anonymous gold source, ``null``, is named only by a ``null`` prediction);
- kind / via / channel / said_on are accuracies over the matched pairs;
- quantities and times pair one-to-one by overlapping mention spans (correct pairs first, then
  the largest character overlap); a pair counts when its values are right; a predicted quantity
  that overlaps a ``not_quantities`` entry is never paired, so it is a false positive.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DocumentRejected
from ..model import Document, Meta
from .common import PRF, dice, match_one_to_one

#: Least token Dice of two content spans for their attributions to match.
CONTENT_DICE = 0.5

#: Fields compared over matched attribution pairs, in report order.
FIELDS: tuple[str, ...] = ("kind", "via", "channel", "said_on")

#: Characters of a content text shown in the per-attribution listing.
EXCERPT = 80


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Correct answers out of a number of compared pairs."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return 100.0 * self.correct / self.total if self.total else 0.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.accuracy, 2), "correct": self.correct, "total": self.total}


@dataclass(frozen=True, slots=True)
class _Counts:
    """The additive part of one document's score (summed over documents: micro average)."""

    content: PRF = PRF(0, 0, 0)
    attribution: PRF = PRF(0, 0, 0)
    fields: tuple[Accuracy, ...] = tuple(Accuracy() for _ in FIELDS)
    quantities: PRF = PRF(0, 0, 0)
    not_quantity_hits: int = 0
    times: PRF = PRF(0, 0, 0)

    def __add__(self, other: _Counts) -> _Counts:
        return _Counts(
            self.content + other.content,
            self.attribution + other.attribution,
            tuple(a + b for a, b in zip(self.fields, other.fields, strict=True)),
            self.quantities + other.quantities,
            self.not_quantity_hits + other.not_quantity_hits,
            self.times + other.times,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "content": self.content.to_dict(),
            "attribution": self.attribution.to_dict(),
            "matched_pairs": self.content.matched,
            "fields": {n: a.to_dict() for n, a in zip(FIELDS, self.fields, strict=True)},
            "quantities": {
                **self.quantities.to_dict(),
                "not_quantity_hits": self.not_quantity_hits,
            },
            "times": self.times.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class _DocScore:
    id: str
    counts: _Counts
    attributions: tuple[dict[str, Any], ...] = ()
    unmatched: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            **self.counts.to_dict(),
            "attributions": list(self.attributions),
            "unmatched_predictions": list(self.unmatched),
        }


# --- the scorer ---------------------------------------------------------------------------


def score_document(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> dict[str, Any]:
    """Score one document's predictions against its gold file.

    Args:
        prediction: one document in the OUTPUT.md shape (``attributions``, ``quantities``,
            ``times``; missing lists count as empty).
        gold: the parsed ``*.gold.json`` of the same document.

    Returns:
        Counts and P/R/F1 (percentages) for content, attribution, quantities and times, field
        accuracies over matched pairs, one row per gold attribution saying what was predicted
        for it, and the predicted attributions that matched nothing.

    Raises:
        ValueError: a span in either input lacks integer ``start``/``end``.
    """
    return _score(prediction, gold).to_dict()


def score_corpus(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
) -> dict[str, Any]:
    """Score many ``(prediction, gold)`` documents; totals are micro averages over them.

    Returns:
        ``{"benchmark": "gold", "documents": N, <totals as in score_document>,
        "per_document": [score_document(...) for each]}``.
    """
    scores = [_score(p, g) for p, g in pairs]
    counts = _Counts()
    for s in scores:
        counts = counts + s.counts
    return {
        "benchmark": "gold",
        "documents": len(scores),
        **counts.to_dict(),
        "per_document": [s.to_dict() for s in scores],
    }


def _score(prediction: Mapping[str, Any], gold: Mapping[str, Any]) -> _DocScore:
    text = str(prediction.get("text") or "")
    pred_attrs = list(prediction.get("attributions") or [])
    gold_attrs = list(gold.get("attributions") or [])
    names = _NameIndex(gold.get("entities") or {})

    pred_texts = [_span_text(a.get("content"), text) for a in pred_attrs]
    gold_texts = [_span_text(a.get("content"), "") for a in gold_attrs]

    def content_dice(i: int, j: int) -> float:
        a, b = pred_texts[i], gold_texts[j]
        return dice(a, b) if a is not None and b is not None else 0.0  # no content: no match

    pairs = match_one_to_one(
        range(len(pred_attrs)), range(len(gold_attrs)), content_dice, threshold=CONTENT_DICE
    )
    by_gold = {j: (i, s) for i, j, s in pairs}
    source_ok = 0
    field_counts = [0] * len(FIELDS)
    rows: list[dict[str, Any]] = []
    for j, g in enumerate(gold_attrs):
        row: dict[str, Any] = {
            "gold": g.get("id"),
            "source": g.get("source"),
            "content": _excerpt(gold_texts[j]),
            "predicted": None,
        }
        if j in by_gold:
            i, score = by_gold[j]
            p = pred_attrs[i]
            ok_source = names.names(p.get("source_entity"), g.get("source"))
            checks = _field_checks(p, g, names)
            source_ok += ok_source
            for k, ok in enumerate(checks):
                field_counts[k] += ok
            row.update(
                predicted=p.get("id"),
                dice=round(score, 3),
                source_mention=_span_text(p.get("source"), text),
                source_entity=p.get("source_entity"),
                source_ok=ok_source,
                **{
                    name: {"gold": _field(g, name), "predicted": _field(p, name), "ok": ok}
                    for name, ok in zip(FIELDS, checks, strict=True)
                },
            )
        rows.append(row)
    matched_preds = {i for i, _, _ in pairs}
    unmatched = tuple(
        {
            "id": a.get("id"),
            "source_entity": a.get("source_entity"),
            "content": _excerpt(pred_texts[i]),
        }
        for i, a in enumerate(pred_attrs)
        if i not in matched_preds
    )
    n_pred, n_gold, n_match = len(pred_attrs), len(gold_attrs), len(pairs)
    quantities, hits = _score_quantities(
        list(prediction.get("quantities") or []),
        list(gold.get("quantities") or []),
        list(gold.get("not_quantities") or []),
    )
    counts = _Counts(
        content=PRF(n_match, n_pred, n_gold),
        attribution=PRF(source_ok, n_pred, n_gold),
        fields=tuple(Accuracy(c, n_match) for c in field_counts),
        quantities=quantities,
        not_quantity_hits=hits,
        times=_score_times(list(prediction.get("times") or []), list(gold.get("times") or [])),
    )
    doc_id = str(gold.get("id") or prediction.get("id") or "")
    return _DocScore(doc_id, counts, tuple(rows), unmatched)


class _NameIndex:
    """Which written names denote a gold entity: its key and its ``aliases``, case-folded."""

    def __init__(self, entities: Mapping[str, Any]) -> None:
        self._aliases: dict[str, set[str]] = {}
        for name, entity in entities.items():
            aliases = (entity.get("aliases") or []) if isinstance(entity, Mapping) else []
            self._aliases[_fold(name)] = {_fold(name), *(_fold(a) for a in aliases)}

    def names(self, predicted: object, gold: object) -> bool:
        """Whether ``predicted`` names the gold entity ``gold`` (``None`` names only ``None``)."""
        if gold is None or predicted is None:
            return gold is None and predicted is None
        key = _fold(str(gold))
        return _fold(str(predicted)) in self._aliases.get(key, {key})

    def same_chain(self, predicted: object, gold: object) -> bool:
        """Whether two ``via`` lists name the same intermediaries in the same order."""
        p = list(predicted) if isinstance(predicted, list | tuple) else []
        g = list(gold) if isinstance(gold, list | tuple) else []
        return len(p) == len(g) and all(self.names(a, b) for a, b in zip(p, g, strict=True))


def _field_checks(p: Mapping[str, Any], g: Mapping[str, Any], names: _NameIndex) -> list[bool]:
    """kind, via, channel, said_on: is the prediction right (in FIELDS order)?"""
    channel_p, channel_g = p.get("channel"), g.get("channel")
    return [
        p.get("kind") == g.get("kind"),
        names.same_chain(p.get("via") or [], g.get("via") or []),
        (channel_p is None and channel_g is None)
        or (
            channel_p is not None
            and channel_g is not None
            and _fold(str(channel_p)) == _fold(str(channel_g))
        ),
        _date_ok(p.get("said_on"), g.get("said_on"), g.get("tolerance_days")),
    ]


def _field(record: Mapping[str, Any], name: str) -> Any:
    value = record.get(name)
    return list(value) if name == "via" and value is not None else value


def _date_ok(predicted: object, gold: object, tolerance_days: object) -> bool:
    """Equal values, or full dates at most ``tolerance_days`` apart (null equals null).

    A value at another granularity than the gold one (``2024-12`` for ``2024-12-28``) is
    wrong even within the tolerance: the tolerance is about the day, not the precision.
    """
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if str(predicted) == str(gold):
        return True
    if not isinstance(tolerance_days, int | float) or isinstance(tolerance_days, bool):
        return False
    a, b = _full_date(str(predicted)), _full_date(str(gold))
    return a is not None and b is not None and abs((a - b).days) <= tolerance_days


def _full_date(value: str) -> dt.date | None:
    if len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _score_quantities(
    predicted: Sequence[Mapping[str, Any]],
    gold: Sequence[Mapping[str, Any]],
    not_quantities: Sequence[Mapping[str, Any]],
) -> tuple[PRF, int]:
    """Correct overlapping pairs, and how many predictions hit a ``not_quantities`` entry."""
    blocked = [_bounds(n) for n in not_quantities]
    hits = {i for i, q in enumerate(predicted) if any(_overlap(_bounds(q), b) for b in blocked)}
    allowed = [i for i in range(len(predicted)) if i not in hits]

    def correct(p: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
        return (
            _num_eq(p.get("low"), g.get("low"))
            and _num_eq(p.get("high"), g.get("high"))
            and _unit_eq(p.get("unit"), g.get("unit"))
        )

    matched = _overlap_matches([predicted[i] for i in allowed], gold, correct)
    return PRF(matched, len(predicted), len(gold)), len(hits)


def _score_times(predicted: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]]) -> PRF:
    def correct(p: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
        return _date_ok(p.get("value"), g.get("value"), g.get("tolerance_days"))

    return PRF(_overlap_matches(predicted, gold, correct), len(predicted), len(gold))


def _overlap_matches(predicted: Sequence[Any], gold: Sequence[Any], correct: Any) -> int:
    """Pair overlapping mentions one-to-one, correct pairs first; count the correct pairs.

    Preferring correct pairs means a wrong neighbour that happens to overlap more cannot take
    a gold item away from the prediction that got it right.
    """
    verdicts: dict[tuple[int, int], bool] = {}

    def score(i: int, j: int) -> float:
        shared = _overlap(_bounds(predicted[i]), _bounds(gold[j]))
        if not shared:
            return 0.0
        verdicts[i, j] = bool(correct(predicted[i], gold[j]))
        return verdicts[i, j] + _jaccard(_bounds(predicted[i]), _bounds(gold[j]))

    pairs = match_one_to_one(range(len(predicted)), range(len(gold)), score, threshold=1e-9)
    return sum(verdicts[i, j] for i, j, _ in pairs)


def _bounds(record: Mapping[str, Any] | None) -> tuple[int, int]:
    """``(start, end)`` of a flat span or of a record's ``mention``."""
    if record is None:
        raise ValueError("expected a span, got null")
    span = record.get("mention", record)
    try:
        return int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"a span needs integer 'start' and 'end', got {span!r}") from exc


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _jaccard(a: tuple[int, int], b: tuple[int, int]) -> float:
    union = max(a[1], b[1]) - min(a[0], b[0])
    return _overlap(a, b) / union if union else 0.0


def _num_eq(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def _unit_eq(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return _fold(str(a)) == _fold(str(b))


def _span_text(span: object, text: str) -> str | None:
    """A span's own text, else the slice of the document text it bounds (not a span: None)."""
    if not isinstance(span, Mapping):
        return None
    if isinstance(span.get("text"), str):
        return str(span["text"])
    start, end = _bounds(span)
    return text[start:end]


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _excerpt(text: str | None) -> str | None:
    if text is None or len(text) <= EXCERPT:
        return text
    return text[: EXCERPT - 1] + "…"


# --- the runner ---------------------------------------------------------------------------


def find_gold_files(paths: Sequence[Path]) -> list[Path]:
    """Every ``*.gold.json`` named by ``paths`` (files as given, directories searched, sorted).

    Raises:
        ValueError: a path does not exist, or nothing was found.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(path.rglob("*.gold.json")))
        elif path.is_file():
            found.append(path)
        else:
            raise ValueError(f"no such gold file or directory: {path}")
    if not found:
        raise ValueError(f"no *.gold.json files under {', '.join(map(str, paths))}")
    return found


def load_gold(path: Path) -> dict[str, Any]:
    """Read one gold file.

    Raises:
        ValueError: the file is not JSON, or has no ``id``.
    """
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"cannot read gold file {path}: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("id"), str):
        raise ValueError(f"gold file {path} has no string 'id'")
    return gold


def gold_document(gold: Mapping[str, Any], corpus: Path) -> Document:
    """The corpus document a gold file annotates, with the gold publication date and outlet.

    The text is the file exactly as decoded (no newline translation), as the gold offsets
    index it.

    Raises:
        ValueError: no ``<id>.txt`` under ``corpus``, or a gold span's text is not what the
            document holds at its offsets (the gold and the corpus disagree).
    """
    doc_id = str(gold["id"])
    candidates = sorted(corpus.rglob(f"{doc_id}.txt"))
    if not candidates:
        raise ValueError(f"no corpus text {doc_id}.txt under {corpus}")
    with candidates[0].open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    for span in _gold_spans(gold):
        start, end = _bounds(span)
        if "text" in span and text[start:end] != span["text"]:
            raise ValueError(
                f"gold {doc_id}: span {start}..{end} reads {text[start:end]!r} in "
                f"{candidates[0]}, gold says {span['text']!r}"
            )
    meta = gold.get("meta") or {}
    return Document(
        id=doc_id,
        text=text,
        meta=Meta(outlet=meta.get("outlet"), published=meta.get("published")),
        origin=str(candidates[0]),
    )


def _gold_spans(gold: Mapping[str, Any]) -> Iterable[Mapping[str, Any]]:
    for a in gold.get("attributions") or []:
        for key in ("source_mention", "cue", "content"):
            if a.get(key):
                yield a[key]
    for key in ("quantities", "not_quantities", "times"):
        for item in gold.get(key) or []:
            yield item["mention"]


def run_gold(paths: Sequence[Path], *, corpus: Path, workers: int = 1) -> dict[str, Any]:
    """Run the pipeline over the documents of the gold files under ``paths`` and score it.

    Raises:
        ValueError: see :func:`find_gold_files`, :func:`load_gold`, :func:`gold_document`.
    """
    from ..pipeline import extract_many  # the pipeline loads spaCy: import only when running

    golds = [load_gold(p) for p in find_gold_files(paths)]
    documents = [gold_document(g, corpus) for g in golds]
    predictions: list[dict[str, Any]] = []
    for result in extract_many(documents, workers=workers):
        if isinstance(result, DocumentRejected):  # only Documents go in; never expected
            raise ValueError(f"document rejected: {result}")
        predictions.append(result.to_dict())
    return score_corpus(zip(predictions, golds, strict=True))


__all__ = [
    "CONTENT_DICE",
    "FIELDS",
    "Accuracy",
    "find_gold_files",
    "gold_document",
    "load_gold",
    "run_gold",
    "score_corpus",
    "score_document",
]
