"""Rendering evaluation result dicts as tables (terminal and Markdown).

Every scorer returns a nested dict; a sub-dict with ``precision``/``recall``/``f1`` is a P/R/F1
row and one with ``accuracy`` an accuracy row, named by its path (``roles.content.exact``).
So one renderer serves every benchmark, including ones written after it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from rich.table import Table

#: Keys never walked: per-item listings, not figures.
SKIP = frozenset({"per_document", "attributions", "unmatched_predictions", "anchors"})


def rows(result: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """``(dotted path, figures)`` for every P/R/F1 or accuracy dict inside ``result``."""
    for key, value in result.items():
        if key in SKIP or not isinstance(value, Mapping):
            continue
        path = f"{prefix}{key}"
        if "f1" in value or "accuracy" in value:
            yield path, value
        else:
            yield from rows(value, path + ".")


def scalars(result: Mapping[str, Any]) -> Iterator[tuple[str, float | int]]:
    """The top-level numbers of ``result`` (``type_accuracy``, ``documents``, ...)."""
    for key, value in result.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            yield key, value


def _scalar_cells(value: float | int) -> list[str]:
    return ["", "", f"{value:.2f}" if isinstance(value, float) else str(value), ""]


def _cells(figures: Mapping[str, Any]) -> list[str]:
    if "f1" in figures:
        counts = "/".join(str(figures.get(k, "")) for k in ("matched", "predicted", "gold"))
        return [
            f"{figures.get('precision', 0.0):.2f}",
            f"{figures.get('recall', 0.0):.2f}",
            f"{figures['f1']:.2f}",
            counts,
        ]
    counts = f"{figures.get('correct')}/{figures.get('total')}"
    return ["", "", f"{figures['accuracy']:.2f} (acc)", counts]


HEADER = ("figure", "P", "R", "F1", "matched/predicted/gold")


def table(result: Mapping[str, Any], title: str | None = None) -> Table:
    """A rich table of every figure of ``result``."""
    out = Table(title=title)
    for i, name in enumerate(HEADER):
        out.add_column(name, justify="left" if i == 0 else "right")
    for path, figures in rows(result):
        out.add_row(path, *_cells(figures))
    for key, value in scalars(result):
        out.add_row(key, *_scalar_cells(value))
    return out


def markdown(result: Mapping[str, Any]) -> str:
    """A Markdown table of every figure of ``result``."""
    lines = ["| " + " | ".join(HEADER) + " |", "|---|---:|---:|---:|---:|"]
    for path, figures in rows(result):
        lines.append("| " + " | ".join([path, *_cells(figures)]) + " |")
    for key, value in scalars(result):
        lines.append("| " + " | ".join([key, *_scalar_cells(value)]) + " |")
    return "\n".join(lines)


def attribution_listing(result: Mapping[str, Any]) -> Table:
    """Per gold attribution of a gold-file result: what was predicted for it."""
    out = Table(title="gold attributions")
    for name in ("doc", "gold", "source", "predicted", "dice", "source_entity", "ok", "wrong"):
        out.add_column(name)
    for document in result.get("per_document", []):
        for row in document.get("attributions", []):
            wrong = [
                f"{f}: {row[f]['predicted']!r} (gold {row[f]['gold']!r})"
                for f in ("kind", "via", "channel", "said_on")
                if f in row and not row[f]["ok"]
            ]
            out.add_row(
                str(document.get("id")),
                str(row.get("gold")),
                str(row.get("source")),
                str(row.get("predicted") or "-"),
                "" if row.get("dice") is None else f"{row['dice']:.2f}",
                str(row.get("source_entity") or ""),
                "" if row.get("predicted") is None else ("yes" if row.get("source_ok") else "no"),
                "; ".join(wrong),
            )
    return out
