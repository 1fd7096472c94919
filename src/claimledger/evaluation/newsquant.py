"""Quantity benchmarks: NewsQuant (EVALUATION.md §4), quantulum3's cases, Recognizers-Text.

NewsQuant is split deterministically into a *dev* portion (entries whose index ``i`` has
``i % 10 < 3``, 30 %) that rules may be developed on, and the *rest* (70 %), reported but never
looked at while writing rules. ``evaluate_newsquant`` reports dev, rest and all.

Scoring choices where EVALUATION.md leaves room:

- A gold range written high-low ("4.8-4.7") is compared as an interval (min, max).
- Gold hedges: ``~`` needs ``approximate``; ``>`` needs a low bound and no high one; ``<`` a
  high bound and no low one; ``=`` both bounds and not ``approximate``; ``up``/``down`` are
  scored on value alone.
- Units are lower-cased and made singular by suffix rules ("-ies", "-ches", "-s"); a gold unit of
  ``-`` (none) matches a prediction without a unit.

quantulum3 cases (``quantities.json``, ``quantities.ambiguity.json``): each expected item's
``value`` is compared with the predicted value; a case passes when the multisets of values are
equal, a predicted range counting as its midpoint (as quantulum3 gives ranges). Its ``unit``
names (``metre``, ``pound sterling``, ``dimensionless``) are compared like
NewsQuant units, ``dimensionless`` matching any count.

Recognizers-Text (``Number/English/NumberModel.json``, ``NumberRangeModel.json``): a case passes
when the predicted values (NumberModel) or intervals with their inclusiveness (NumberRangeModel,
``[a,b)``, ``(,b]`` ...) equal the expected ones in text order. Those specs are for a number
recognizer, which also reports years, identifiers and IP address parts that are not quantities
here, so a lower pass rate there is expected and is broken down by reason in the result.

Run ``python -m claimledger.evaluation.newsquant [--limit N]`` to print every figure as JSON.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..model import Quantity
from ..nlp import load_nlp
from ..quantities import find_quantities
from .common import PRF

#: Where the shared data lives when run from the repository (``../shared/data``).
DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data"
NEWSQUANT = DATA / "newsquant" / "formatted_test_set" / "NewsQuant.json"
QUANTULUM = DATA / "quantulum3-cases"
RECOGNIZERS = DATA / "recognizers-text-specs" / "Number" / "English"

Value = tuple[float, float]  # (low, high); equal for a point value


def is_dev(index: int) -> bool:
    """Whether NewsQuant entry ``index`` belongs to the dev portion (30 %)."""
    return index % 10 < 3


def gold_value(raw: str) -> Value | None:
    """A NewsQuant gold value ("6.0", "-5.0", "252.0-287.0"); ``None`` if unreadable."""
    m = re.fullmatch(
        r"\s*(-?[\d.]+(?:[eE][+-]?\d+)?)\s*(?:-\s*(-?[\d.]+(?:[eE][+-]?\d+)?))?\s*", raw
    )
    if not m:
        return None
    try:
        a = float(m.group(1))
        b = float(m.group(2)) if m.group(2) else a
    except ValueError:
        return None
    return (min(a, b), max(a, b))


def predicted_value(q: Quantity) -> Value | None:
    """``low`` when ``low == high``, the pair when both exist, else whichever bound exists."""
    if q.low is not None and q.high is not None:
        return (q.low, q.high)
    bound = q.low if q.low is not None else q.high
    return None if bound is None else (bound, bound)


def _close(a: float, b: float) -> bool:
    """Equal within the relative tolerance of EVALUATION.md §4 (1e-6)."""
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def same_value(p: Value, g: Value) -> bool:
    """Whether two (low, high) values are equal within the tolerance."""
    return _close(p[0], g[0]) and _close(p[1], g[1])


def hedge_ok(q: Quantity, change: str) -> bool:
    """Whether ``q``'s bounds and flag agree with a NewsQuant ``change``."""
    if change == "~":
        return q.approximate
    if change == ">":
        return q.low is not None and q.high is None
    if change == "<":
        return q.high is not None and q.low is None
    if change == "=":
        return q.low is not None and q.high is not None and not q.approximate
    return True


def _singular(unit: str) -> str:
    """A lower-cased English singular by suffix rules ("casualties", "inches", "miles")."""
    unit = unit.strip().lower()
    if len(unit) <= 3:
        return unit
    if unit.endswith("ies"):
        return unit[:-3] + "y"
    if unit.endswith(("ches", "shes", "xes", "sses", "zes")):
        return unit[:-2]
    if unit.endswith("s") and not unit.endswith(("ss", "us", "is")):
        return unit[:-1]
    return unit


def unit_ok(predicted: str | None, gold_units: Sequence[str]) -> bool:
    """Equal (lower-cased, singular) to one gold unit, or one contains the other."""
    if predicted is None or not predicted.strip():
        return any(g.strip() in ("-", "", "dimensionless") for g in gold_units)
    p = _singular(predicted)
    for g in gold_units:
        g = _singular(g)
        if g in ("-", ""):
            continue
        if g == "dimensionless" or p == g or p in g or g in p:
            return True
    return False


def match_in_order(
    predicted: Sequence[Quantity],
    gold: Sequence[dict[str, Any]],
    accept: Callable[[Quantity, dict[str, Any]], bool],
) -> int:
    """Pair predictions (in text order) with the first unused gold they satisfy; the count."""
    used: set[int] = set()
    for q in predicted:
        for j, g in enumerate(gold):
            if j not in used and accept(q, g):
                used.add(j)
                break
    return len(used)


def score_entry(predicted: Sequence[Quantity], gold: Sequence[dict[str, Any]]) -> dict[str, PRF]:
    """Value, value+hedge and value+unit counts for one NewsQuant entry."""
    golds = [(g, gold_value(str(g["value"]))) for g in gold]

    def value(q: Quantity, g: dict[str, Any]) -> bool:
        gv = next(v for gg, v in golds if gg is g)
        pv = predicted_value(q)
        return gv is not None and pv is not None and same_value(pv, gv)

    def hedge(q: Quantity, g: dict[str, Any]) -> bool:
        return value(q, g) and hedge_ok(q, str(g["change"]))

    def unit(q: Quantity, g: dict[str, Any]) -> bool:
        return value(q, g) and unit_ok(q.unit, [str(g["unit"]), str(g["normalized_unit"])])

    n_pred, n_gold = len(predicted), len(gold)
    return {
        name: PRF(match_in_order(predicted, gold, fn), n_pred, n_gold)
        for name, fn in (("value", value), ("value_hedge", hedge), ("value_unit", unit))
    }


PORTIONS = ("dev", "rest")


def evaluate_newsquant(
    path: Path = NEWSQUANT, *, limit: int | None = None, portions: Sequence[str] = PORTIONS
) -> dict[str, Any]:
    """Score ``find_quantities`` on NewsQuant: P/R/F1 for dev, rest and all (EVALUATION.md §4).

    Args:
        path: the ``NewsQuant.json`` file (a list of ``{"text", "quantities"}``).
        limit: score only the first ``limit`` entries (for quick runs).
        portions: which portions to score, of ``("dev", "rest")``; "all" sums those scored.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: the file is not a NewsQuant list, ``limit`` is negative, or a portion is
            not one of ``dev``, ``rest``.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be None or at least 0, got {limit}")
    unknown = set(portions) - set(PORTIONS)
    if unknown or not portions:
        raise ValueError(f"portions must be a non-empty subset of {PORTIONS}, got {portions!r}")
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and "text" in e and "quantities" in e for e in entries
    ):
        raise ValueError(f"{path} is not a NewsQuant list of {{'text', 'quantities'}} entries")
    if limit is not None:
        entries = entries[:limit]
    chosen = [(i, e) for i, e in enumerate(entries) if ("dev" if is_dev(i) else "rest") in portions]
    nlp = load_nlp()
    zero = PRF(0, 0, 0)
    parts: dict[str, dict[str, PRF]] = {
        p: {"value": zero, "value_hedge": zero, "value_unit": zero} for p in (*portions, "all")
    }
    docs = nlp.pipe(e["text"] for _, e in chosen)
    for (i, entry), doc in zip(chosen, docs, strict=True):
        found, _ = find_quantities(doc)
        scores = score_entry(found, entry["quantities"])
        for portion in ("dev" if is_dev(i) else "rest", "all"):
            for k, v in scores.items():
                parts[portion][k] = parts[portion][k] + v
    counts = {p: sum(1 for i, _ in chosen if ("dev" if is_dev(i) else "rest") == p)
              for p in portions}  # fmt: skip
    counts["all"] = len(chosen)
    return {
        portion: {k: v.to_dict() for k, v in figures.items()} | {"entries": counts[portion]}
        for portion, figures in parts.items()
    }


def evaluate_quantulum3(folder: Path = QUANTULUM) -> dict[str, Any]:
    """Pass rates on quantulum3's own cases (see the module docstring for the mapping).

    Raises:
        FileNotFoundError: a case file is missing.
    """
    nlp = load_nlp()
    out: dict[str, Any] = {}
    for name in ("quantities.json", "quantities.ambiguity.json"):
        cases = json.loads((folder / name).read_text(encoding="utf-8"))
        passed = 0
        value, unit = PRF(0, 0, 0), PRF(0, 0, 0)
        for case in cases:
            found, _ = find_quantities(nlp(case["req"]))
            expected = [float(r["value"]) for r in case["res"]]
            # quantulum3 gives a range as its midpoint: compare ours the same way.
            got = [(v[0] + v[1]) / 2 for q in found if (v := predicted_value(q)) is not None]
            gold = [{"value": str(r["value"]), "unit": r["unit"]} for r in case["res"]]
            passed += (
                sorted(got) == sorted(expected)
                or all(_close(a, b) for a, b in zip(sorted(got), sorted(expected), strict=False))
                and len(got) == len(expected)
            )
            value = value + PRF(_count(found, gold, False), len(found), len(gold))
            unit = unit + PRF(_count(found, gold, True), len(found), len(gold))
        out[name] = {"cases": len(cases), "passed": passed,
                     "pass_rate": round(100 * passed / len(cases), 2) if cases else 0.0,
                     "value": value.to_dict(), "value_unit": unit.to_dict()}  # fmt: skip
    return out


def _count(found: Sequence[Quantity], gold: Sequence[dict[str, Any]], with_unit: bool) -> int:
    """Matched quantulum3 items, by value (range midpoints) and optionally by unit."""

    def ok(q: Quantity, g: dict[str, Any]) -> bool:
        pv, gv = predicted_value(q), gold_value(g["value"])
        if pv is not None:
            pv = ((pv[0] + pv[1]) / 2, (pv[0] + pv[1]) / 2)
        if pv is None or gv is None or not same_value(pv, gv):
            return False
        if not with_unit:
            return True
        if g["unit"] == "dimensionless":
            return q.kind == "count"
        return unit_ok(q.unit, [g["unit"]])

    return match_in_order(found, gold, ok)


_INTERVAL = re.compile(r"([\[(])\s*([-\d.eE+]*)\s*,\s*([-\d.eE+]*)\s*([\])])")


def evaluate_recognizers(folder: Path = RECOGNIZERS) -> dict[str, Any]:
    """Pass rates on Recognizers-Text NumberModel and NumberRangeModel (English).

    Raises:
        FileNotFoundError: a spec file is missing.
    """
    nlp = load_nlp()
    out: dict[str, Any] = {}
    cases = json.loads((folder / "NumberModel.json").read_text(encoding="utf-8"))
    passed = 0
    for case in cases:
        found, _ = find_quantities(nlp(case["Input"]))
        expected = []
        for r in case["Results"]:
            try:
                expected.append(float(str(r["Resolution"]["value"]).replace(",", "")))
            except (KeyError, ValueError):
                expected.append(math.nan)
        got = [v[0] if v[0] == v[1] else math.nan for q in found
               if (v := predicted_value(q)) is not None]  # fmt: skip
        passed += len(got) == len(expected) and all(
            _close(a, b) for a, b in zip(got, expected, strict=True)
        )
    out["NumberModel"] = {"cases": len(cases), "passed": passed,
                          "pass_rate": round(100 * passed / len(cases), 2)}  # fmt: skip
    cases = json.loads((folder / "NumberRangeModel.json").read_text(encoding="utf-8"))
    strict = bounds = 0
    for case in cases:
        found, _ = find_quantities(nlp(case["Input"]))
        exp = [_interval(str(r["Resolution"]["value"])) for r in case["Results"]]
        intervals = [(q.low, q.high, q.low_inclusive or q.low is None,
                      q.high_inclusive or q.high is None) for q in found]  # fmt: skip
        same_bounds = len(intervals) == len(exp) and all(
            e is not None and _eq(g[0], e[0]) and _eq(g[1], e[1])
            for g, e in zip(intervals, exp, strict=True)
        )
        bounds += same_bounds
        strict += same_bounds and all(
            e is not None and g[2:] == e[2:] for g, e in zip(intervals, exp, strict=True)
        )
    out["NumberRangeModel"] = {
        "cases": len(cases),
        "passed_bounds_and_inclusiveness": strict,
        "passed_bounds": bounds,
        "pass_rate": round(100 * strict / len(cases), 2),
        "pass_rate_bounds": round(100 * bounds / len(cases), 2),
    }
    return out


def _interval(raw: str) -> tuple[float | None, float | None, bool, bool] | None:
    """ "(20,35]" as (20, 35, low inclusive False, high inclusive True); unbounded sides None."""
    m = _INTERVAL.fullmatch(raw.strip())
    if not m:
        return None
    low = float(m.group(2)) if m.group(2) else None
    high = float(m.group(3)) if m.group(3) else None
    return (low, high, m.group(1) == "[" or low is None, m.group(4) == "]" or high is None)


def _eq(a: float | None, b: float | None) -> bool:
    """Two optional bounds equal: both unbounded, or equal within the tolerance."""
    return (a is None and b is None) or (a is not None and b is not None and _close(a, b))


def main(argv: Sequence[str] | None = None) -> int:
    """Print every quantity figure as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="score only the first N entries")
    args = parser.parse_args(argv)
    result = {
        "newsquant": evaluate_newsquant(NEWSQUANT, limit=args.limit),
        "quantulum3": evaluate_quantulum3(),
        "recognizers_text": evaluate_recognizers(),
    }
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
