"""Statement dates: ``said_on`` from the time expression attached to a cue.

A statement is dated by a time expression that sits in the cue's own clause but outside the
reported content:

- right after the cue, with at most a short phrase between them and no sentence break:
  "X said on Saturday that ...", "X said Thursday that ...", "X said two weeks ago that ...",
  "X said on January 11: “...”", "X said in a statement Tuesday that ...";
- between the source and the cue: "X on Monday said ...", "X, on Monday, said ...";
- at the head of the sentence, followed only by a comma and the source: "On Monday, X said ...".

``said_on`` takes the expression's value at the granularity it has (``YYYY-MM-DD``, ``YYYY-MM``,
``YYYY``); values that are not calendar dates (``PRESENT_REF``, a week) date nothing. When the
statement has a full date, the relative times inside its content are re-read against that
date ("the NIS said two weeks ago that troops captured a soldier on Tuesday": that Tuesday is
before the statement, not before the publication).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from . import times
from .model import Attribution, Span, TimeExpression

#: The most characters between a cue and the time expression that dates it.
MAX_GAP = 48
# A gap after the cue: a short phrase ("in a statement", "in a post on X", "on") with no
# sentence end, no quotation mark, no clause word ("that") that would start the content.
_AFTER_GAP = re.compile(r"[\s,]*(?:(?:in|on|at|during|via|through|to|told)\b[^.!?;:\"“”]*?)?\s*")
_BEFORE_GAP = re.compile(r"[\s,]*")
_LEAD_GAP = re.compile(r"[\s,]*(?:(?:on|in|early|late)\s+)?", re.IGNORECASE)
_CLAUSE_WORDS = re.compile(r"\b(?:that|who|which|when|because|after|before|while|and|but)\b", re.I)
_DATE_VALUE = re.compile(r"([0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)(?:T.*)?")


def assign(
    text: str,
    attributions: tuple[Attribution, ...],
    found_times: tuple[TimeExpression, ...],
    anchor: dt.date | None,
) -> tuple[tuple[Attribution, ...], tuple[TimeExpression, ...], dict[Span, str]]:
    """Set ``said_on`` where the text dates the statement, and re-anchor times inside it.

    Args:
        text: the canonical text every span indexes.
        attributions: the attributions found in ``text``.
        found_times: the time expressions of ``text``, resolved against ``anchor``.
        anchor: the publication date (only used to keep the times outside any dated
            statement as they are).

    Returns:
        The attributions (with ``said_on`` set where found), the time expressions (those
        inside a fully dated statement re-resolved against its date, with ``anchor`` set to
        it), both in their input order, and the id of the attribution each dating expression
        dates, by the expression's span (the first attribution wins). Inputs are not mutated.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    dated: list[Attribution] = []
    dating: dict[Span, str] = {}
    for a in attributions:
        when = statement_time(text, a, found_times)
        if when is not None:
            dating.setdefault(when.span, a.id)
        value = _date_value(when.value) if when is not None else None
        dated.append(replace(a, said_on=value) if value and value != a.said_on else a)
    return tuple(dated), _reanchor(text, tuple(dated), found_times), dating


def statement_time(
    text: str, attribution: Attribution, found_times: tuple[TimeExpression, ...]
) -> TimeExpression | None:
    """The time expression that dates ``attribution``'s statement, or ``None``."""
    cue = attribution.cue
    if cue is None:
        return None
    content = attribution.content
    best: TimeExpression | None = None
    best_gap = MAX_GAP + 1
    for t in found_times:
        if t.type not in ("DATE", "TIME") or t.value is None or t.span.overlaps(content):
            continue
        if t.span.overlaps(cue) or (
            attribution.source is not None and t.span.overlaps(attribution.source)
        ):
            continue
        gap = _gap(text, t.span, cue, attribution.source, content)
        if gap is not None and gap < best_gap:
            best, best_gap = t, gap
    return best


def _gap(
    text: str, when: Span, cue: Span, source: Span | None, content: Span
) -> int | None:
    """How far ``when`` is from the cue if it is attached to it, else ``None``."""
    if when.start >= cue.end:
        between = text[cue.end : when.start]
        if content.start >= cue.end and content.start < when.start:
            return None  # the content comes first: the time belongs to what follows it
        if len(between) > MAX_GAP or not _AFTER_GAP.fullmatch(between):
            return None
        if _CLAUSE_WORDS.search(between):
            return None
        return len(between)
    # Before the cue: between the source and the cue, or heading the sentence before both.
    head = cue.start
    if source is not None and source.end <= cue.start and when.end <= source.start:
        head = source.start
    between = text[when.end : head]
    if len(between) > MAX_GAP:
        return None
    if source is not None and source.end <= when.start:
        # "X on Monday said", "X, on Monday, said": nothing else between source and time
        lead = text[source.end : when.start]
        if not _LEAD_GAP.fullmatch(lead):
            return None
        return len(between) if _BEFORE_GAP.fullmatch(between) else None
    if not _BEFORE_GAP.fullmatch(between) or "," not in between:
        return None
    # "On Monday, X said": the time must open its sentence (or follow only "On").
    lead = text[max(0, when.start - 200) : when.start]
    last_break = max(lead.rfind(". "), lead.rfind("\n"), lead.rfind("? "), lead.rfind("! "))
    opening = lead[last_break + 1 :] if last_break >= 0 else lead
    if opening.strip(" \t\"“") and not re.fullmatch(r"\s*(?:[Oo]n|[Ll]ate|[Ee]arly)\s*", opening):
        return None
    return len(between)


def _date_value(value: str | None) -> str | None:
    """The calendar part of a TIMEX3 value (``2025-01-09TMO`` gives ``2025-01-09``)."""
    if value is None:
        return None
    m = _DATE_VALUE.fullmatch(value)
    return m.group(1) if m else None


def _reanchor(
    text: str, attributions: tuple[Attribution, ...], found_times: tuple[TimeExpression, ...]
) -> tuple[TimeExpression, ...]:
    # The innermost dated statement holding a time decides its anchor.
    dated = [a for a in attributions if a.said_on and len(a.said_on) == 10]
    if not dated:
        return found_times
    out: list[TimeExpression] = []
    for t in found_times:
        holders = [a for a in dated if a.content.contains(t.span)]
        if not holders:
            out.append(t)
            continue
        inner = min(holders, key=lambda a: a.content.end - a.content.start)
        said = dt.date.fromisoformat(inner.said_on or "")
        out.append(times.resolve(t, text, said))
    return tuple(out)
