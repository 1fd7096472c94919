"""Scoring attribution spans against PolNeAR (EVALUATION.md §2).

PolNeAR (``../shared/data/polnear/{train,dev,test}/{text,attributions}``) annotates attribution
relations in brat standoff: ``T`` lines give labelled spans (``T3<TAB>Content 115 290<TAB>...``,
discontinuous ones as ``start end;start end``), ``E`` lines link them
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). The gold spans of a role are the
spans that an ``E`` line links in that role (``Content2``, a second content part, counts as
content); spans that take part in no relation (``Discard``, ``Discuss`` and a handful of
orphans) are not gold.

The scorer is pure (:func:`score_document`, :func:`score_corpus` take texts, predictions in
the OUTPUT.md shape and gold spans); :func:`run_polnear` reads a split, runs the pipeline and
feeds it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Document, Meta
from .common import PRF, dice, match_one_to_one, trim

ROLES: tuple[str, ...] = ("source", "cue", "content")
CRITERIA: tuple[str, ...] = ("exact", "begin", "overlap")
SPLITS: tuple[str, ...] = ("train", "dev", "test")

#: Least token Dice of two spans for an *overlap* match.
OVERLAP_DICE = 0.5

#: Published anchors on the test split (CofeNet, COLING 2022), F1 per criterion and role.
ANCHORS: dict[str, dict[str, float]] = {
    "exact": {"source": 83.2, "cue": 75.3, "content": 72.9},
    "begin": {"source": 87.1, "cue": 82.3, "content": 79.6},
}

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^E\d+\t(.*)$")
_ROLE_OF = {"Source": "source", "Cue": "cue", "Content": "content"}

Spans = dict[str, list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Article:
    """One PolNeAR article: its text, publication date and gold spans per role."""

    id: str
    text: str
    published: str | None
    gold: Spans
    annotation: str  # the file name the gold came from
    skipped_lines: int = 0  # annotation lines parse_ann could not use


# --- reading brat ---------------------------------------------------------------------------


def parse_ann(content: str) -> tuple[Spans, int]:
    """The gold spans per role of one brat ``.ann`` file, and how many lines were skipped.

    A discontinuous span counts as its envelope: its smallest start to its largest end (the
    fragments are not always in text order). Spans are de-duplicated per role by
    ``(start, end)`` (one source may serve several relations) and sorted.

    Lines that are not ``T``/``E`` annotations (notes, and the continuation lines of an
    annotated text that held a line break) are skipped and counted, as are ``E`` arguments
    that name no ``T`` line; a bad line never aborts the file.
    """
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    skipped = 0
    relations: list[str] = []
    for line in content.splitlines():
        if m := _T_LINE.match(line):
            fragments = [tuple(map(int, f.split())) for f in m.group(3).split(";")]
            start = min(f[0] for f in fragments)
            end = max(f[1] for f in fragments)
            spans[m.group(1)] = (m.group(2), (start, end))
        elif m := _E_LINE.match(line):
            relations.append(m.group(1))
        elif line.strip() and not line.startswith("#"):  # "#" lines are annotators' notes
            skipped += 1
    gold: dict[str, set[tuple[int, int]]] = {role: set() for role in ROLES}
    for relation in relations:
        for argument in relation.split():
            name, _, ref = argument.partition(":")
            role = _ROLE_OF.get(name.rstrip("0123456789"))
            if role is None:
                continue  # the Attribution / Attribution-no-source trigger
            if ref not in spans:
                skipped += 1
                continue
            gold[role].add(spans[ref][1])
    return {role: sorted(gold[role]) for role in ROLES}, skipped


def choose_annotation(attributions: Path, article_id: str) -> Path | None:
    """The annotation file of an article whose name sorts first (``NAME_<annotator>.ann``)."""
    pattern = re.compile(re.escape(article_id) + r"_[0-9A-Za-z]+\.ann")
    names = sorted(p.name for p in attributions.glob("*.ann") if pattern.fullmatch(p.name))
    return attributions / names[0] if names else None


def read_metadata(path: Path) -> dict[str, str]:
    """``filename -> publication_date`` from PolNeAR's ``metadata.tsv`` (missing file: empty).

    Malformed rows are skipped: a missing date only means no publication date is passed.
    """
    if not path.is_file():
        return {}
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name, date = row.get("filename"), row.get("publication_date")
            if name and date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
                out[name] = date
    return out


def load_split(root: Path, split: str, *, limit: int | None = None) -> list[Article]:
    """The articles of one split, sorted by id, at most ``limit`` of them.

    Texts are read exactly as stored (no newline translation): the offsets index the file.
    An article without an annotation file is left out (it has no gold to score against).

    Raises:
        ValueError: ``split`` is not one of train, dev, test; the split folder is missing;
            ``limit`` is below 1.
    """
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}; valid splits: {', '.join(SPLITS)}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    text_dir, ann_dir = root / split / "text", root / split / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise ValueError(f"no PolNeAR {split} split at {root / split} (need text/, attributions/)")
    dates = read_metadata(root / "metadata.tsv")
    articles: list[Article] = []
    for path in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(articles) >= limit:
            break
        article_id = path.stem
        ann = choose_annotation(ann_dir, article_id)
        if ann is None:
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        gold, skipped = parse_ann(ann.read_text(encoding="utf-8"))
        articles.append(
            Article(article_id, text, dates.get(article_id), gold, ann.name, skipped)
        )
    return articles


# --- the scorer -----------------------------------------------------------------------------


def predicted_spans(prediction: Mapping[str, Any]) -> Spans:
    """Spans per role from a prediction's attributions (``None`` roles skipped, de-duplicated).

    A relay ("..., Yonhap reported": one entry of an attribution's ``relays``) is an
    attribution of its own in PolNeAR, whose content is the report it passes on; its spans
    count as such.

    Raises:
        ValueError: a span lacks integer ``start``/``end``.
    """
    found: dict[str, set[tuple[int, int]]] = {role: set() for role in ROLES}
    reports = list(prediction.get("attributions") or [])
    reports += [r for a in reports for r in a.get("relays") or []]
    for attribution in reports:
        for role in ROLES:
            span = attribution.get(role)
            if span is None:
                continue
            try:
                found[role].add((int(span["start"]), int(span["end"])))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(
                    f"a {role} span needs integer 'start' and 'end': {span!r}"
                ) from exc
    return {role: sorted(found[role]) for role in ROLES}


def score_spans(
    text: str, predicted: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> dict[str, PRF]:
    """One role's spans of one document under each criterion, one-to-one.

    Both lists are de-duplicated by ``(start, end)`` first (so a caller may pass repeats).
    """
    predicted, gold = sorted(set(predicted)), sorted(set(gold))
    p_trim = [trim(text, s, e) for s, e in predicted]
    g_trim = [trim(text, s, e) for s, e in gold]
    p_text = [text[s:e] for s, e in predicted]
    g_text = [text[s:e] for s, e in gold]
    scorers = {
        "exact": lambda i, j: float(p_trim[i] == g_trim[j]),
        "begin": lambda i, j: float(p_trim[i][0] == g_trim[j][0]),
        "overlap": lambda i, j: dice(p_text[i], g_text[j]),
    }
    out: dict[str, PRF] = {}
    for criterion in CRITERIA:
        threshold = OVERLAP_DICE if criterion == "overlap" else 1.0
        pairs = match_one_to_one(
            range(len(predicted)), range(len(gold)), scorers[criterion], threshold=threshold
        )
        out[criterion] = PRF(len(pairs), len(predicted), len(gold))
    return out


def score_document(
    text: str, prediction: Mapping[str, Any], gold: Spans, *, conventions: bool = True
) -> dict[str, Any]:
    """P/R/F1 per role and criterion for one document.

    Args:
        text: the document's canonical text (the offsets of both sides index it).
        prediction: the document in the OUTPUT.md shape.
        gold: spans per role, as :func:`parse_ann` gives them.
        conventions: map the prediction to PolNeAR's conventions first (:data:`CONVENTIONS`).

    Returns:
        ``{"roles": {role: {criterion: PRF dict}}}``.
    """
    return {"roles": _to_dicts(_score(text, prediction, gold, conventions=conventions))}


def score_corpus(
    items: Iterable[tuple[str, Mapping[str, Any], Spans]], *, conventions: bool = True
) -> dict[str, Any]:
    """Micro-averaged P/R/F1 per role and criterion over ``(text, prediction, gold)`` items.

    With ``conventions`` (the default) predictions are first mapped to PolNeAR's span
    conventions (:data:`CONVENTIONS`); without, they are scored as produced.
    """
    totals = {role: {c: PRF(0, 0, 0) for c in CRITERIA} for role in ROLES}
    documents = 0
    for text, prediction, gold in items:
        documents += 1
        for role, by_criterion in _score(text, prediction, gold, conventions=conventions).items():
            for criterion, prf in by_criterion.items():
                totals[role][criterion] = totals[role][criterion] + prf
    return {
        "benchmark": "polnear",
        "documents": documents,
        "conventions": CONVENTIONS if conventions else None,
        "roles": _to_dicts(totals),
    }


#: How PolNeAR's annotation differs from claimledger's output contract, applied to predictions
#: before scoring when ``conventions`` is on (and reported beside the raw figures).
CONVENTIONS = (
    "PolNeAR content spans begin with the complementizer 'that' ('said that X' -> 'that X'); "
    "claimledger's content does not, so a predicted content right after 'that ' (or after "
    "'that \u201c', an opening quotation mark between them, or after 'that, ' before an "
    "opening phrase) is extended over it"
)
# "said that “X”": gold starts at "that" whether or not our content keeps the opening mark;
# "said that, given X, Y": at "that" too.
_THAT = re.compile(r"\bthat(?:\s*,)?\s+(?:[\u201c\"]|''|``)?\s*$")


def with_conventions(text: str, predicted: Spans) -> Spans:
    """Predicted spans in PolNeAR's convention (see :data:`CONVENTIONS`)."""
    out = dict(predicted)
    content: list[tuple[int, int]] = []
    for s, e in predicted.get("content", []):
        m = _THAT.search(text, max(0, s - 8), s)
        content.append((m.start(), e) if m else (s, e))
    out["content"] = content
    return out


def _score(
    text: str, prediction: Mapping[str, Any], gold: Spans, *, conventions: bool = True
) -> dict[str, dict[str, PRF]]:
    predicted = predicted_spans(prediction)
    if conventions:
        predicted = with_conventions(text, predicted)
    return {role: score_spans(text, predicted[role], gold.get(role, [])) for role in ROLES}


def _to_dicts(scores: Mapping[str, Mapping[str, PRF]]) -> dict[str, dict[str, Any]]:
    return {role: {c: prf.to_dict() for c, prf in by.items()} for role, by in scores.items()}


# --- quality floors -------------------------------------------------------------------------


def parse_floor(spec: str) -> tuple[str, str, float]:
    """``"content:overlap=40"`` -> ``("content", "overlap", 40.0)``.

    Raises:
        ValueError: the spec is not ``ROLE:CRITERION=FLOOR`` with a known role and criterion
            and a number (naming the valid values).
    """
    m = re.fullmatch(r"\s*(\w+):(\w+)\s*=\s*([0-9]+(?:\.[0-9]*)?)\s*", spec)
    if not m:
        raise ValueError(f"bad floor {spec!r}; expected ROLE:CRITERION=F1, e.g. content:overlap=40")
    role, criterion, floor = m.group(1), m.group(2), float(m.group(3))
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} in {spec!r}; valid roles: {', '.join(ROLES)}")
    if criterion not in CRITERIA:
        raise ValueError(
            f"unknown criterion {criterion!r} in {spec!r}; valid criteria: {', '.join(CRITERIA)}"
        )
    return role, criterion, floor


def failed_floors(result: Mapping[str, Any], floors: Sequence[str]) -> list[str]:
    """One message per floor the result's F1 falls below (empty when all hold).

    Raises:
        ValueError: a floor spec is malformed (see :func:`parse_floor`).
    """
    failures: list[str] = []
    for role, criterion, floor in map(parse_floor, floors):
        f1 = float(result["roles"][role][criterion]["f1"])
        if f1 < floor:
            failures.append(f"{role} {criterion} F1 {f1:.2f} is below the floor {floor:g}")
    return failures


# --- the runner -----------------------------------------------------------------------------


def run_polnear(
    root: Path,
    split: str,
    *,
    limit: int | None = None,
    workers: int = 1,
    conventions: bool = True,
) -> dict[str, Any]:
    """Run the pipeline over one PolNeAR split and score it (see :func:`load_split`).

    Each article's ``metadata.tsv`` publication date is passed as its publication date.

    Raises:
        ValueError: see :func:`load_split`.
    """
    from ..errors import DocumentRejected
    from ..pipeline import extract_many  # the pipeline loads spaCy: import only when running

    articles = load_split(root, split, limit=limit)
    documents = [
        Document(a.id, a.text, Meta(published=a.published), origin=a.annotation)
        for a in articles
    ]
    items: list[tuple[str, Mapping[str, Any], Spans]] = []
    for article, result in zip(articles, extract_many(documents, workers=workers), strict=True):
        if isinstance(result, DocumentRejected):  # only Documents go in; never expected
            raise ValueError(f"document rejected: {result}")
        items.append((article.text, result.to_dict(), article.gold))
    scored = score_corpus(items, conventions=conventions)
    return {
        **scored,
        "split": split,
        "limit": limit,
        "skipped_annotation_lines": sum(a.skipped_lines for a in articles),
        "anchors": ANCHORS if split == "test" and limit is None else None,
    }


__all__ = [
    "ANCHORS",
    "CRITERIA",
    "ROLES",
    "SPLITS",
    "Article",
    "choose_annotation",
    "failed_floors",
    "load_split",
    "parse_ann",
    "parse_floor",
    "predicted_spans",
    "read_metadata",
    "run_polnear",
    "score_corpus",
    "score_document",
    "score_spans",
]
