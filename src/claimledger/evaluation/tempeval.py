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
#: The Recognizers-Text English DateTime files run as a unit table.
RT_FILES = (
    "DateTimeModel.json",
    "DateParser.json",
    "DatePeriodParser.json",
    "DurationParser.json",
    "SetParser.json",
    "TimeParser.json",
)


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
    """The cases of a Recognizers-Text DateTime JSON file that map to a TIMEX3 value.

    Both layouts are read: the model files (``Results[].Resolution.values[]``) and the parser
    files (``Results[].Value.Timex`` with ``PastResolution``/``FutureResolution``).

    Mapping: a case counts when it is supported by the reference implementation
    (``NotSupported`` absent), has exactly one expected result, and that result is a date,
    date range, duration, set, time or date-time. The acceptable values are the result's
    ``timex`` when it is fully specified (no ``X``, not an interval in parentheses), plus,
    for dates, the concrete past and future readings (an ambiguous "Oct. 2" is right as
    either ``2016-10-02`` or ``2017-10-02``). Durations given only in seconds and intervals
    without a plain TIMEX3 are skipped. A case without a reference date gets 2017-01-01
    (only its time of day or duration can then be compared).
    """
    raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    cases: list[RecognizerCase] = []
    for case in raw:
        ref = (case.get("Context") or {}).get("ReferenceDateTime") or "2017-01-01"
        results = case.get("Results") or []
        if case.get("NotSupported") or len(results) != 1:
            continue
        result = results[0]
        kind, values = _rt_values(result)
        if kind not in _RT_TYPES or not values:
            continue
        start = int(result.get("Start", 0))
        if "Length" in result:
            end = start + int(result["Length"])
        else:
            end = int(result.get("End", start)) + 1  # model files give an inclusive end
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


def _rt_values(result: dict[str, Any]) -> tuple[str, set[str]]:
    values: set[str] = set()
    if "Value" in result:  # parser layout
        kind = result.get("Type", "")
        v = result.get("Value") or {}
        timexes = [v.get("Timex") or ""]
        readings = [
            (v.get(k) or {}).get("date", "") for k in ("PastResolution", "FutureResolution")
        ]
    else:  # model layout
        resolutions = (result.get("Resolution") or {}).get("values") or []
        kind = resolutions[0].get("type", "") if resolutions else ""
        timexes = [r.get("timex", "") for r in resolutions]
        readings = [r.get("value", "") for r in resolutions] if kind == "date" else []
    for timex in timexes:
        if timex and "X" not in timex and "(" not in timex:
            values.add(timex)
    values.update(r[:10] for r in readings if r)
    return kind, values


def _rt_accepts(value: str | None, values: frozenset[str]) -> bool:
    """Whether our ``value`` is one of ``values``; a bare time of day (``T15``, ``T08:40``)
    is compared with the time part of ours (we always attach the anchor's date)."""
    if value is None:
        return False
    if value in values:
        return True
    if "T" not in value:
        return False
    ours = _clock(value[value.index("T") :])
    return any(v.startswith("T") and _clock(v) == ours for v in values)


def _clock(timex: str) -> str:
    parts = timex[1:].split(":")
    while len(parts) < 2:
        parts.append("00")
    return ":".join(parts[:3] if len(parts) > 2 and parts[2] != "00" else parts[:2])


def run_recognizer_case(case: RecognizerCase) -> TimeExpression | None:
    """Our expression overlapping the case's mention with an acceptable value, else the
    first overlapping one, else ``None``."""
    found, _ = find_times(case.input, case.reference)
    want = Span(case.start, case.end, case.input[case.start : case.end])
    hits = [t for t in found if t.span.overlaps(want)]
    for t in hits:
        if _rt_accepts(t.value, case.values):
            return t
    return hits[0] if hits else None


def evaluate_recognizers(directory: Path) -> dict[str, Any]:
    """Pass rate on the comparable cases of the ``RT_FILES`` under ``directory``.

    A case passes when one of our expressions overlaps the expected mention and its value is
    acceptable (see ``recognizer_cases`` and ``_rt_accepts``). Files that are missing are
    skipped and listed under ``missing``.
    """
    per_file: dict[str, dict[str, Any]] = {}
    failures: list[str] = []
    missing: list[str] = []
    passed_all = total_all = 0
    for name in RT_FILES:
        path = Path(directory) / name
        if not path.exists():
            missing.append(name)
            continue
        cases = recognizer_cases(path)
        passed = 0
        for case in cases:
            got = run_recognizer_case(case)
            if got is not None and _rt_accepts(got.value, case.values):
                passed += 1
            elif len(failures) < 60:
                failures.append(
                    f"{name}: {case.input!r}: want {sorted(case.values)} got "
                    f"{None if got is None else (got.span.text, got.value)}"
                )
        per_file[name] = {"cases": len(cases), "passed": passed}
        passed_all += passed
        total_all += len(cases)
    return {
        "cases": total_all,
        "passed": passed_all,
        "pass_rate": round(100.0 * passed_all / total_all, 2) if total_all else 0.0,
        "files": per_file,
        "missing": missing,
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
