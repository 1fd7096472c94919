"""Time expression scores: TempEval-3, Recognizers-Text cases, and the project's gold files.

- ``evaluate_tempeval``: EVALUATION.md section 3 over a folder of TimeML ``.tml`` files.
- ``evaluate_recognizers``: the Microsoft Recognizers-Text English DateTime cases as a unit
  table (see ``recognizer_cases`` for which cases count and how their values map to TIMEX3).
- ``evaluate_gold_times``: the ``times`` of ``../shared/gold`` files (section 1).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Span, TimeExpression
from ..times import find_times, timeml_extent
from .common import PRF, match_one_to_one


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: its span of the document text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """A TimeML document reduced to what scoring needs."""

    name: str
    text: str
    dct: dt.date | None
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The ``<TEXT>`` of a ``.tml`` file with its tags removed, its DCT and its TIMEX3s.

    Raises:
        ValueError: the file is not well-formed XML or has no ``<TEXT>`` element.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise ValueError(f"{path}: not well-formed TimeML: {err}") from err
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    length = 0

    def walk(el: ET.Element) -> None:
        nonlocal length
        start = length
        if el.text:
            parts.append(el.text)
            length += len(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
                length += len(child.tail)
        if el.tag == "TIMEX3" and el is not body:
            gold.append(GoldTimex(start, length, el.get("type", ""), el.get("value", "")))

    walk(body)
    dct: dt.date | None = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                dct = dt.date.fromisoformat((timex.get("value") or "")[:10])
            except ValueError:
                dct = None
            break
    return TimeMLDocument(path.stem, "".join(parts), dct, tuple(gold))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    return inter / (max(a[1], b[1]) - min(a[0], b[0]))


def score_documents(
    docs: Iterable[TimeMLDocument], *, timeml_spans: bool = False
) -> dict[str, Any]:
    """Strict and relaxed extent P/R/F1, value F1 and type accuracy over ``docs``.

    With ``timeml_spans`` the predicted extents lose a leading "on"/"since" first (TimeML's
    convention); relaxed and value scores do not change with it.
    """
    strict = relaxed = value = PRF(0, 0, 0)
    typed = matched = 0
    misses: Counter[str] = Counter()
    for doc in docs:
        found, _ = find_times(doc.text, doc.dct)
        spans = [timeml_extent(t.span) if timeml_spans else t.span for t in found]
        pred = [(s.start, s.end) for s in spans]
        gold = [(g.start, g.end) for g in doc.timexes]
        n, k = len(pred), len(gold)
        exact = match_one_to_one(pred, gold, lambda p, g: float(p == g), threshold=1.0)
        pairs = match_one_to_one(pred, gold, _overlap, threshold=1e-9)
        strict += PRF(len(exact), n, k)
        relaxed += PRF(len(pairs), n, k)
        good = 0
        for i, j, _s in pairs:
            t, g = found[i], doc.timexes[j]
            matched += 1
            typed += t.type == g.type
            if t.value == g.value:
                good += 1
            else:
                misses[f"{doc.text[g.start : g.end]!r} gold {g.value} got {t.value}"] += 1
        value += PRF(good, n, k)
    return {
        "strict": strict.to_dict(),
        "relaxed": relaxed.to_dict(),
        "value": value.to_dict(),
        "type_accuracy": round(100.0 * typed / matched, 2) if matched else 0.0,
        "value_misses": [m for m, _ in misses.most_common(30)],
    }


def evaluate_tempeval(directory: Path) -> dict[str, Any]:
    """EVALUATION.md section 3 over every ``*.tml`` file under ``directory`` (recursively).

    Returns the scores with the project's extents, plus ``strict_timeml``: strict extent
    P/R/F1 when a leading "on"/"since" is dropped as TimeML does.

    Raises:
        ValueError: ``directory`` holds no ``.tml`` file, or one is not well-formed.
    """
    paths = sorted(Path(directory).rglob("*.tml"))
    if not paths:
        raise ValueError(f"no .tml files under {directory}")
    docs = [read_timeml(p) for p in paths]
    out = score_documents(docs)
    out["strict_timeml"] = score_documents(docs, timeml_spans=True)["strict"]
    out["documents"] = len(docs)
    return out


# --- Recognizers-Text ---------------------------------------------------------------------

#: Recognizers-Text resolution types whose ``timex`` is directly a TIMEX3 value.
_RT_TYPES = {
    "date": "DATE",
    "duration": "DURATION",
    "set": "SET",
    "time": "TIME",
    "datetime": "TIME",
    "daterange": "DATE",
}


@dataclass(frozen=True, slots=True)
class RecognizerCase:
    """One comparable Recognizers-Text case: a sentence, its reference date, one expected
    mention with its acceptable TIMEX3 values."""

    input: str
    reference: dt.date
    start: int
    end: int
    type: str
    values: frozenset[str]


def recognizer_cases(path: Path) -> list[RecognizerCase]:
    """The cases of a Recognizers-Text ``DateTimeModel``-style JSON file that map to TIMEX3.

    Mapping: a case counts when it is supported in the reference implementation
    (``NotSupported`` absent), has a reference date and exactly one result whose resolution
    type is date, daterange, duration, set, time or datetime. Acceptable values are the
    result's ``timex`` when it is fully specified (no ``X``, no interval in parentheses) and
    the concrete ``value``s of its resolutions (``past``/``future`` readings of an ambiguous
    "Saturday"; durations are given in seconds there, so only the ``timex`` is used for
    them). Ranges written as intervals ``(start,end,P..)`` are skipped unless the reference
    also gives a plain TIMEX3 value such as ``2016-11`` or ``2016-W46``.
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    cases: list[RecognizerCase] = []
    for case in raw:
        ref = (case.get("Context") or {}).get("ReferenceDateTime")
        results = case.get("Results") or []
        if case.get("NotSupported") or not ref or len(results) != 1:
            continue
        result = results[0]
        resolutions = (result.get("Resolution") or {}).get("values") or []
        if not resolutions:
            continue
        kind = resolutions[0].get("type", "")
        if kind not in _RT_TYPES:
            continue
        values: set[str] = set()
        for r in resolutions:
            timex = r.get("timex", "")
            if timex and "X" not in timex and "(" not in timex:
                values.add(timex)
            if kind in ("date", "datetime") and r.get("value"):
                values.add(r["value"][:10] if kind == "date" else r["value"].replace(" ", "T")[:16])
        if not values:
            continue
        start = int(result.get("Start", 0))
        end = int(result.get("End", start)) + 1  # Recognizers-Text ends are inclusive
        cases.append(
            RecognizerCase(
                case["Input"],
                dt.date.fromisoformat(ref[:10]),
                start,
                end,
                _RT_TYPES[kind],
                frozenset(values),
            )
        )
    return cases


def run_recognizer_case(case: RecognizerCase) -> TimeExpression | None:
    """Our expression overlapping the case's mention whose value is acceptable, else the
    first overlapping one, else ``None``."""
    found, _ = find_times(case.input, case.reference)
    want = Span(case.start, case.end, case.input[case.start : case.end])
    hits = [t for t in found if t.span.overlaps(want)]
    for t in hits:
        if t.value in case.values:
            return t
    return hits[0] if hits else None


def evaluate_recognizers(directory: Path) -> dict[str, Any]:
    """Pass rate on the comparable cases of ``DateTimeModel.json`` under ``directory``.

    A case passes when one of our expressions overlaps the expected mention and its value is
    one of the acceptable values (see ``recognizer_cases``).

    Raises:
        FileNotFoundError: ``directory`` has no ``DateTimeModel.json``.
    """
    path = Path(directory) / "DateTimeModel.json"
    cases = recognizer_cases(path)
    passed = 0
    failures: list[str] = []
    for case in cases:
        got = run_recognizer_case(case)
        if got is not None and got.value in case.values:
            passed += 1
        elif len(failures) < 40:
            failures.append(
                f"{case.input!r}: want {sorted(case.values)} got "
                f"{None if got is None else (got.span.text, got.value)}"
            )
    total = len(cases)
    return {
        "cases": total,
        "passed": passed,
        "pass_rate": round(100.0 * passed / total, 2) if total else 0.0,
        "failures": failures,
    }


# --- gold files ---------------------------------------------------------------------------


def evaluate_gold_times(gold_dir: Path, corpus_dir: Path) -> dict[str, Any]:
    """EVALUATION.md section 1 (times) over ``gold_dir/*.gold.json``.

    A prediction matches a gold time when their spans overlap (one-to-one, largest overlap
    first); it is correct when its value equals the gold value or, for full dates, lies
    within the gold ``tolerance_days``.

    Raises:
        FileNotFoundError: a gold file's document is not in ``corpus_dir``.
    """
    correct = PRF(0, 0, 0)
    rows: list[dict[str, Any]] = []
    for path in sorted(Path(gold_dir).glob("*.gold.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_id = gold.get("id") or path.name.removesuffix(".gold.json")
        text = (Path(corpus_dir) / f"{doc_id}.txt").read_text(encoding="utf-8")
        published = (gold.get("meta") or {}).get("published")
        anchor = dt.date.fromisoformat(published) if published else None
        found, _ = find_times(text, anchor)
        golds = gold.get("times") or []
        pairs = match_one_to_one(
            [(t.span.start, t.span.end) for t in found],
            [(g["mention"]["start"], g["mention"]["end"]) for g in golds],
            _overlap,
            threshold=1e-9,
        )
        ok = 0
        for i, j, _s in pairs:
            good = _value_ok(found[i].value, golds[j]["value"], golds[j].get("tolerance_days"))
            ok += good
            rows.append(
                {
                    "gold": golds[j]["mention"]["text"],
                    "want": golds[j]["value"],
                    "got": found[i].value,
                    "ok": good,
                }
            )
        correct += PRF(ok, len(found), len(golds))
    return {"times": correct.to_dict(), "matches": rows}


def _value_ok(got: str | None, want: str, tolerance: int | None) -> bool:
    if got == want:
        return True
    if got is None or not tolerance:
        return False
    if not (re.fullmatch(r"\d{4}-\d{2}-\d{2}", got) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", want)):
        return False
    return abs((dt.date.fromisoformat(got) - dt.date.fromisoformat(want)).days) <= tolerance
