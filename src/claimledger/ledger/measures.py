"""Measures: estimates of one counted thing, for one subject, holder and period, across documents.

An estimate is a quantity with its context (source, outlet, date). Grouping goes in steps:

1. **Resolve anaphora inside a document.** A quantity is anaphoric when its unit is generic
   (``figure``, ``number``, ``toll``, ...), or when a generic noun stands just before it in
   its sentence ("the figure is as high as 4,000", whatever unit the quantities stage gave
   it). It refers to the nearest preceding quantity of the same kind with a concrete unit (and,
   if it has a concrete unit itself, the same unit) at most :data:`ANAPHORA_WINDOW` characters
   before it, takes that quantity's unit, its subject when its own says nothing more than the
   unit, and its period when it has none, and joins that quantity's measure. A bare number
   with no unit and no generic noun refers to nothing: the elliptical "Clinton has 866
   delegates, Sanders 211" or "68 nominees under Obama, 78 under Bush" counts the same thing
   for someone else, another measure, so it belongs to none.
2. **Key.** ``(kind, currency, unit lemma)`` blocks the estimates (an exact count below
   :data:`DESCRIPTION_BELOW`, "two outsider candidates", is a description, not an estimate
   anyone disputes: it is blocked with its own document's estimates only); the subject key
   is the set of content words of the subject, minus the unit and stop words, each cut to its
   first five letters so "Korea" and "Korean" agree.
3. **Subjects.** Inside a block, two estimates join when their subject keys are equal or one
   contains the other ("North Korean casualties" and "North Korean casualties in Kursk"),
   unless the general one is contained in two specific ones that do not contain each other
   ("primary voters" in "GOP primary voters" and "Democratic primary voters"): it then joins
   neither, so the two specific measures are not chained into one.
   An estimate with an empty subject key (just "1,000 casualties") joins no other estimate
   except through anaphora (step 1): "casualties" alone says too little to merge on.
4. **Holders.** A count belongs to someone when the text says so ("*Clinton* won 739
   delegates", see :mod:`claimledger.quantity_holders`): a subject group whose estimates
   name two or more different holders (cross-document entities) is split by holder, the
   estimates without one forming their own measure; an anaphoric estimate takes its
   antecedent's holder. Delegates of two candidates are two measures, not a conflict.
5. **Periods.** The period is the value of the nearest calendar DATE expression of the same
   attribution within :data:`PERIOD_WINDOW` characters, marked ``since`` when the expression
   starts a period ("since December": ``since 2024-12``). A measure whose estimates name two
   or more different periods is split by period, the estimates without a period forming their
   own measure.
6. **Contexts.** The same counted thing is not yet the same measure: "270 electoral votes
   required for victory" and "152 electoral votes" of the Republican states are two, and so
   are "2,836 tax haven subsidiaries" of one company and "410" of another in one article.
   Two estimates stay in one measure only when their sentences share at least
   :data:`CONTEXT_SHARED` content words besides the counted thing ("jobs *depend* on *exports*
   to *Mexico*" and "jobs *rely* on trade with *Mexico*" share one; a syndicated copy shares
   all), or when one refers to the other (step 1). Two counts of one sentence join only by
   reference: "seven rate brackets, compared with two", "1,280 pledged delegates and 469 super
   delegates" list or compare different things.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from ..model import Extraction, Quantity
from .conflicts import Interval, MeasureRelations, measure_relations
from .names import EntityMerge
from .unionfind import DisjointSets

#: Units that refer back to an earlier quantity rather than name a counted thing.
GENERIC_UNITS = frozenset(
    {"figure", "number", "toll", "total", "estimate", "count", "tally", "amount", "it", "that"}
)
ANAPHORA_WINDOW = 600
#: Estimates of two documents join only if their sentences share this many content words.
CONTEXT_SHARED = 2
#: Words too common in news sentences to say what a count is about.
_CONTEXT_STOP = frozenset(
    """
    said says say told according also just now then there here what when where would could
    should will can has have had was were are been being not but all any one two three year
    years last first new week weeks month months day days time times people percent
    """.split()
)
_DIFFERENCE_AFTER = re.compile(
    r"\s*(?:more|fewer|less|short|higher|lower|ahead|behind)\b", re.IGNORECASE
)
# "by" after a verb of change or lead ("leads Sanders by", "rose by"); not the agent "by".
_DIFFERENCE_BEFORE = re.compile(
    r"\b(?:leads?|led|leading|ahead|behind|trail\w*|var(?:y|ies|ied)|r[io]se[ns]?|risen|f[ae]ll"
    r"s?|fallen|gr[eo]w[ns]?|grown|(?:in|de)creas\w*|dropp?\w*|climb\w*|jump\w*|declin\w*|cut"
    r"|reduc\w*|w[io]ns?|beat\w*|up|down|off|higher|lower)\s+(?:\S+\s+){0,2}by\s+$",
    re.IGNORECASE,
)
#: Exact counts below this are descriptions ("two candidates"), grouped only within a document.
DESCRIPTION_BELOW = 10
PERIOD_WINDOW = 200
_STOP_WORDS = """
    a an the of in on at to for from by with and or as than since over under about around some
    more most least at up down into out per its their his her our this that these those who
    which while during among between including nearly almost roughly approximately estimated
    reported least many much several other others total number
"""
_STOP = frozenset(_STOP_WORDS.split())
_WORD = re.compile(r"[A-Za-z]+")
_IRREGULAR = {"men": "man", "women": "woman", "people": "person", "children": "child"}
_PERIOD_START = re.compile(r"^(?:since|from|starting)\b", re.IGNORECASE)
# Not "total": "for a total of 1,749" sums the counts before it, another measure.
_GENERIC_BEFORE = re.compile(
    r"\b(?:figure|number|toll|tally|estimate|count)s?\b[^.!?;]{0,30}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A quantity with what the ledger needs to place it on a timeline.

    ``unit``/``subject``/``period`` are the resolved ones (after anaphora, step 1).
    """

    key: str
    document_id: str
    quantity: Quantity
    unit: str | None
    subject: str | None
    period: str | None = None
    claim_key: str | None = None
    antecedent: str | None = None
    source_key: str | None = None
    source: str | None = None
    via: tuple[str, ...] = ()
    outlet: str | None = None
    date: str | None = None
    holder_key: str | None = None
    holder: str | None = None
    context: frozenset[str] = frozenset()
    sentence: int = 0
    difference: bool = False


@dataclass(frozen=True, slots=True)
class Measure:
    """One measure and its estimates, with their pairwise relations."""

    id: int
    kind: str
    unit: str
    subject: str
    period: str | None
    estimates: tuple[Estimate, ...]
    relations: MeasureRelations
    holder: str | None = None

    @property
    def label(self) -> str:
        """A readable name: "North Korean casualties (since 2024-12)", "Hillary Clinton:
        delegates (2016-03-22)"."""
        text = self.subject or self.unit
        if self.holder:
            text = f"{self.holder}: {text}"
        return f"{text} ({self.period})" if self.period else text


def unit_key(unit: str | None) -> str | None:
    """The lemma-like key of a unit: lower case, a plural ``-s``/``-ies`` removed."""
    if not unit:
        return None
    u = unit.strip().lower()
    if u in _IRREGULAR:
        return _IRREGULAR[u]
    if u.endswith("ies") and len(u) > 4:
        u = u[:-3] + "y"
    elif u.endswith("s") and not u.endswith("ss") and len(u) > 3:
        u = u[:-1]
    return u


def subject_key(subject: str | None, unit: str | None) -> frozenset[str]:
    """The content words of ``subject`` that are not the unit, cut to five letters."""
    if not subject:
        return frozenset()
    # Every word goes through unit_key first, so "years" and the unit "year" agree.
    unit_words = {(unit_key(w) or "")[:5] for w in _WORD.findall(unit or "")}
    words = {(unit_key(w) or "")[:5] for w in _WORD.findall(subject) if w.lower() not in _STOP}
    return frozenset(w for w in words if w not in unit_words and len(w) > 1)


def document_estimates(
    extraction: Extraction,
    *,
    merge: EntityMerge | None = None,
    index: Mapping[tuple[str, str], int] | None = None,
) -> list[Estimate]:
    """The estimates of one document, anaphora resolved (step 1) and periods attached (step 4).

    Args:
        extraction: one document's results; quantities without a unit that refer to nothing
            stay unit-less (and belong to no measure).
        merge: cross-document entities, to give each estimate its source's canonical key.
        index: ``merge.index()`` computed once by a caller that handles many documents.
    """
    doc = extraction.document
    attrs = {a.id: a for a in extraction.attributions}
    if index is None:
        index = merge.index() if merge is not None else {}
    out: list[Estimate] = []
    previous: Estimate | None = None
    for q in sorted(extraction.quantities, key=lambda q: q.span.start):
        a = attrs.get(q.attribution) if q.attribution else None
        period = _period(extraction, q)
        unit, subject = q.unit, q.subject
        generic_unit = unit is not None and unit_key(unit) in GENERIC_UNITS
        before = doc.text[max(0, q.span.start - 60) : q.span.start]
        antecedent = None
        holder_key, holder = _holder(doc.id, q, index)
        generic_before = _GENERIC_BEFORE.search(before) is not None
        if (
            (generic_unit or generic_before)
            and previous is not None
            and previous.quantity.kind == q.kind
            and (unit is None or generic_unit or unit_key(unit) == unit_key(previous.unit))
            and q.span.start - previous.quantity.span.end <= ANAPHORA_WINDOW
        ):
            antecedent = previous.key
            if unit is None or generic_unit or not subject_key(subject, unit):
                subject = previous.subject
            unit = previous.unit
            period = period or previous.period
            if holder_key is None:
                holder_key, holder = previous.holder_key, previous.holder
        source_key = None
        if a is not None and a.source_entity:
            found = index.get((doc.id, a.source_entity))
            source_key = f"e{found}" if found is not None else f"name:{a.source_entity.casefold()}"
        est = Estimate(
            key=f"{doc.id}:{q.span.start}-{q.span.end}",
            document_id=doc.id,
            quantity=q,
            unit=unit,
            subject=subject,
            period=period,
            claim_key=f"{doc.id}:{a.id}" if a is not None else None,
            antecedent=antecedent,
            source_key=source_key,
            source=(a.source_entity or (a.source.text if a.source else None)) if a else None,
            via=a.via if a else (),
            outlet=doc.meta.outlet,
            date=(a.said_on if a and a.said_on else doc.meta.published),
            holder_key=holder_key,
            holder=holder,
            context=context_key(doc.text, q.span.start, q.span.end, unit, subject),
            sentence=sentence_start(doc.text, q.span.start),
            difference=is_difference(doc.text, q.span.start, q.span.end),
        )
        out.append(est)
        if unit is not None and unit_key(unit) not in GENERIC_UNITS:
            previous = est
    return out


def _holder(
    document_id: str, q: Quantity, index: Mapping[tuple[str, str], int]
) -> tuple[str | None, str | None]:
    """The holder's cross-document key (``e<id>``, else its name) and its canonical name."""
    if not q.holder_entity:
        return None, None
    found = index.get((document_id, q.holder_entity))
    key = f"e{found}" if found is not None else f"name:{q.holder_entity.casefold()}"
    return key, q.holder_entity


def _period(extraction: Extraction, q: Quantity) -> str | None:
    """The nearest calendar DATE of the quantity's attribution: ``2024-12`` or ``since 2024-12``.

    Values that are not calendar dates (``PRESENT_REF``, ``PAST_REF``) name no period.
    """
    best: tuple[int, str] | None = None
    for t in extraction.times:
        if t.type != "DATE" or t.attribution != q.attribution:
            continue
        if not t.value or not re.match(r"^\d{4}", t.value):
            continue
        gap = max(t.span.start - q.span.end, q.span.start - t.span.end, 0)
        if gap <= PERIOD_WINDOW and (best is None or gap < best[0]):
            since = _PERIOD_START.match(t.span.text.strip())
            best = (gap, f"since {t.value}" if since else t.value)
    return best[1] if best else None


def group_measures(estimates: Iterable[Estimate]) -> list[Measure]:
    """Group estimates into measures (steps 2-4); measures with one estimate are kept too.

    Estimates without a unit cannot be placed and are left out (they belong to no measure),
    and so are differences (:func:`is_difference`).
    """
    blocks: dict[tuple[str, str | None, str, str], list[Estimate]] = defaultdict(list)
    for e in estimates:
        uk = unit_key(e.unit)
        if uk is None or uk in GENERIC_UNITS or e.difference:
            continue
        # A description joins only the estimates of its own document (step 2).
        scope = f"doc:{e.document_id}" if is_description(e.quantity) else ""
        blocks[(e.quantity.kind, e.quantity.currency, uk, scope)].append(e)
    measures: list[Measure] = []
    for (kind, _currency, uk, _scope), block in sorted(
        blocks.items(), key=lambda kv: str(kv[0])
    ):
        for members in _subject_groups(block):
            for held in _split_by(members, lambda e: e.holder_key):
                for dated in _split_by(held, lambda e: e.period):
                    for part in _context_groups(dated):
                        measures.append(_measure(len(measures), kind, uk, part))
    return measures


def context_key(
    text: str, start: int, end: int, unit: str | None, subject: str | None
) -> frozenset[str]:
    """The content words of the sentence around ``text[start:end]`` that are not the counted
    thing: what is said of the count ("depend on exports to Mexico", "surveyed")."""
    sentence = text[sentence_start(text, start) : start] + " " + text[end : sentence_end(text, end)]
    own = subject_key(subject, None) | {(unit_key(w) or "")[:5] for w in _WORD.findall(unit or "")}
    words = {
        (unit_key(w) or "")[:5]
        for w in _WORD.findall(sentence)
        if w.lower() not in _STOP and w.lower() not in _CONTEXT_STOP and len(w) > 2
    }
    return frozenset(words - own)


def sentence_start(text: str, start: int) -> int:
    """Where the sentence holding ``text[start]`` begins (after ". " or a line break)."""
    return max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1


def sentence_end(text: str, end: int) -> int:
    """Where the sentence holding ``text[end - 1]`` ends: at its ". " or line break, or at the
    end of the text."""
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return min(stops) if stops else len(text)


def _context_groups(members: list[Estimate]) -> list[list[Estimate]]:
    """Split a measure's estimates by what their sentences say (step 6)."""
    if len(members) < 2:
        return [members]
    sets = DisjointSets(len(members))
    position = {e.key: i for i, e in enumerate(members)}
    for i, a in enumerate(members):
        ante = position.get(a.antecedent) if a.antecedent else None
        if ante is not None:
            sets.union(i, ante)  # "the figure is as high as 4,000" is that count's measure
        for j in range(i + 1, len(members)):
            b = members[j]
            if a.document_id == b.document_id and a.sentence == b.sentence:
                continue  # two counts of one sentence compare or list things: "7 brackets, not 2"
            if len(a.context & b.context) >= CONTEXT_SHARED:
                sets.union(i, j)
    return [[members[i] for i in g] for g in sets.groups()]


def is_difference(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a difference between two levels, not a
    level: "at least 100 *more* than the AP count", "71 delegates *short* of", "leads *by*
    270", "the numbers vary *by* $15 billion". A difference estimates no measure's value."""
    before = _DIFFERENCE_BEFORE.search(text, max(0, start - 60), start)
    return bool(_DIFFERENCE_AFTER.match(text, end) or before)


def is_description(q: Quantity) -> bool:
    """Whether a count describes rather than estimates: an age, or an exact small number ("two
    outsider candidates", "three children", "one of the highest rates"), not hedged, below
    :data:`DESCRIPTION_BELOW`. Such counts are how a writer names things, not figures anyone
    disputes, and across documents they would fill measures with unrelated pairs."""
    if q.kind == "age":
        return True  # a person's age ("a 22-year-old black man") describes that person
    return (
        q.kind == "count"
        and not q.approximate
        and q.low is not None
        and q.low == q.high
        and q.low < DESCRIPTION_BELOW
    )


def _subject_groups(block: Sequence[Estimate]) -> list[list[Estimate]]:
    keys = [subject_key(e.subject, e.unit) for e in block]
    sets = DisjointSets(len(block))
    # Distinct non-empty keys only: the comparison is over kinds of subject, not estimates.
    first: dict[frozenset[str], int] = {}
    for i, k in enumerate(keys):
        if k:
            sets.union(i, first.setdefault(k, i))
    for general, specifics in _containments(list(first)).items():
        for specific in specifics:
            sets.union(first[general], first[specific])
    # Anaphora (step 1) links an estimate to its antecedent, whatever their subjects.
    position = {e.key: i for i, e in enumerate(block)}
    for i, e in enumerate(block):
        ante = position.get(e.antecedent) if e.antecedent else None
        if ante is not None:
            sets.union(i, ante)
    return [[block[i] for i in g] for g in sets.groups()]


def _containments(keys: Sequence[frozenset[str]]) -> dict[frozenset[str], list[frozenset[str]]]:
    """For each subject key, the more specific keys it may join: those that contain it, when
    they form one chain ("casualties in Kursk" < "North Korean casualties in Kursk").

    A general key contained in two keys that do not contain each other ("primary voters" in
    "GOP primary voters" and "Virginia Democratic primary voters") is ambiguous and joins
    neither: joining it to both would chain two different measures into one.
    """
    out: dict[frozenset[str], list[frozenset[str]]] = {}
    for k in keys:
        above = [o for o in keys if k < o]
        if above and all(a <= b or b <= a for i, a in enumerate(above) for b in above[i + 1 :]):
            out[k] = above
    return out


def _split_by(
    members: list[Estimate], value: Callable[[Estimate], str | None]
) -> list[list[Estimate]]:
    """One part per distinct non-empty ``value`` when there are two or more, the estimates
    without one forming a part of their own; with zero or one value, ``members`` unsplit."""
    values = sorted({v for e in members if (v := value(e))})
    if len(values) <= 1:
        return [members]
    parts = [[e for e in members if value(e) == v] for v in values]
    rest = [e for e in members if not value(e)]
    return parts + ([rest] if rest else [])


def _measure(mid: int, kind: str, unit: str, members: list[Estimate]) -> Measure:
    ordered = sorted(members, key=lambda e: (e.date or "", e.key))
    subjects = [e.subject for e in ordered if e.subject]
    # The longest subject as written names the measure best ("North Korean casualties in Kursk").
    subject = max(subjects, key=len) if subjects else unit
    periods = {e.period for e in ordered if e.period}
    holders = {e.holder_key for e in ordered if e.holder_key}
    # The longest written name of the one holder ("Hillary Clinton", not "Clinton").
    names = sorted((e.holder for e in ordered if e.holder), key=lambda n: (-len(n), n))
    intervals = [Interval.of(e.quantity) for e in ordered]
    return Measure(
        id=mid,
        kind=kind,
        unit=unit,
        subject=subject,
        period=min(periods) if len(periods) == 1 else None,
        estimates=tuple(ordered),
        relations=measure_relations(intervals),
        holder=names[0] if len(holders) == 1 and names else None,
    )


def with_period(estimate: Estimate, period: str | None) -> Estimate:
    """A copy of ``estimate`` with ``period`` (for callers that know the period otherwise)."""
    return replace(estimate, period=period)
