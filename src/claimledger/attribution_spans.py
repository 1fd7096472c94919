"""The spans an attribution is built from: candidates and the character helpers the passes
share (trimming, overlap, quotation contents), and the token helpers they share (a lemma with
the lemmatizer's slips corrected, a clause's mark, a noun's "that" clauses).

Offsets are characters of the canonical text; a span is a ``(start, end)`` pair.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .quotes import Quote

#: Characters trimmed from both ends of a span.
TRAIL = " \t\n,;:—–-"
#: Quotation marks, curly and straight.
QUOTE_MARKS = '“”"«»„'


@dataclass(frozen=True, slots=True)
class Candidate:
    """An attribution before resolution; spans are (start, end) character pairs."""

    content: tuple[int, int]
    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    core: tuple[int, int] | None  # the source's name part, for entity resolution
    lemma: str
    according_to: bool = False
    frame: tuple[int, int] = (0, 0)  # the sentence(s) the attribution lives in
    continued: bool = False  # a quotation continuing an earlier one of the same speaker
    # "X said C, Y reported": Y's mention, its name core and Y's cue
    relay: tuple[tuple[int, int], tuple[int, int], tuple[int, int]] | None = None


#: The source as written and its name core for the head of a noun phrase (``attribution._np``).
NounPhrase = Callable[[str, Token], tuple[tuple[int, int], tuple[int, int]]]
#: The verb group of a verb (``attribution._cue_span``).
CueSpan = Callable[[Token], tuple[int, int]]


def in_sentence(
    content: tuple[int, int],
    cue: tuple[int, int],
    source: tuple[tuple[int, int], tuple[int, int]] | None,
    lemma: str,
    sent: SpacySpan,
) -> Candidate:
    """A candidate of one sentence from its content, cue, (source, core) pair and lemma;
    ``source`` is None for a report whose source the text does not name."""
    mention, core = source if source is not None else (None, None)
    return Candidate(content, cue, mention, core, lemma, frame=(sent.start_char, sent.end_char))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRAIL:
        start += 1
    while end > start and text[end - 1] in TRAIL:
        end -= 1
    if end > start and text[end - 1] == "." and _unquoted_end(text, start, end):
        end -= 1
    return start, end


def token_span(text: str, toks: Sequence[Token]) -> tuple[int, int]:
    """The characters from the earliest token of ``toks`` to the latest, trimmed, in
    whatever order they come."""
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return trimmed(text, first.idx, last.idx + len(last))


def _unquoted_end(text: str, start: int, end: int) -> bool:
    """Whether a final period stands outside any quotation (and is not an abbreviation)."""
    seg = text[start:end]
    opens = sum(seg.count(ch) for ch in "“«")
    closes = sum(seg.count(ch) for ch in "”»")
    if opens > closes or seg.count('"') % 2:
        return False
    word = re.search(r"(\w+)\.$", seg)
    return not (word and len(word.group(1)) <= 2 and word.group(1)[0].isupper())


def balanced(text: str, span: tuple[int, int], quotes: tuple[Quote, ...]) -> tuple[int, int]:
    """Extend ``span`` over a quotation it cuts or that directly follows it.

    A parser often hangs a closing "." and "”" on the main verb, or ends the reported clause
    inside a quotation of several sentences, so a reported clause ending in a quoted
    fragment would otherwise stop inside the quotation.
    """
    s, e = span
    for q in quotes:
        if s <= q.open < e <= q.close and not text[e : q.close].strip(" .,;:!?"):
            e = q.after
        elif s < e <= q.open and q.open - e < 3 and not text[e : q.open].strip(" \t"):
            # "pledged to oppose it “today, tomorrow, forever”": a quotation right after the
            # reported words completes them
            e = q.after
        elif s < q.open < e < q.close and text[s : q.open].strip(" “”\"'`"):
            # "said the law was “a mistake. It must go.”": the parse ends the clause inside
            # the quotation it opened; what is quoted is said to its end
            e = q.after
        if q.open < s < q.after <= e and not text[q.start : s].strip(" .,;:!?"):
            s = q.open
    return s, e


def in_quote(tok: Token, quotes: tuple[Quote, ...]) -> bool:
    """Whether ``tok`` stands inside a quotation (a report quoted within a report)."""
    return any(q.open < tok.idx < q.close for q in quotes)


def overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def quote_content(text: str, q: Quote) -> tuple[int, int]:
    """The quoted words, without a comma that only joins them to "he said"."""
    end = q.end
    while end > q.start and text[end - 1] in ", \n":
        end -= 1
    return (q.start, end)


def is_quote_content(text: str, content: tuple[int, int], quotes: tuple[Quote, ...]) -> bool:
    return any(q.start == content[0] for q in quotes) and any(
        q.start < content[1] <= q.end for q in quotes
    )


__all__ = [
    "QUOTE_MARKS",
    "TRAIL",
    "Candidate",
    "balanced",
    "in_quote",
    "is_quote_content",
    "overlap",
    "quote_content",
    "trimmed",
    "SUBJECTS",
    "lemma_of",
    "has_mark",
    "that_clauses",
    "without_dangling",
    "date_run_end",
]


# --- tokens ---------------------------------------------------------------------------------

SUBJECTS = ("nsubj", "nsubjpass")
#: Forms spaCy's lemmatizer gets wrong, by the word as written: "hoped" -> "hop".
_LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}


def lemma_of(tok: Token) -> str:
    """The lower-case lemma of ``tok``, with the lemmatizer's known slips corrected."""
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def has_mark(clause: Token, *words: str) -> bool:
    """Whether ``clause`` opens with one of ``words`` as its mark ("that", "as", "if")."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)


def that_clauses(noun: Token) -> list[Token]:
    """The clauses "that ..." a noun carries: "a statement that ...", "the claim that ...".

    A clause the parser calls relative counts when its "that" is a complementizer (a mark),
    not a relative pronoun: "his warning that immigrants will be deported"."""
    return [c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and has_mark(c, "that")]


def without_dangling(toks: list[Token]) -> list[Token]:
    """Drop a conjunction the run ends on ("A, and"): what it joined lies outside the run."""
    while toks and toks[-1].dep_ == "cc":
        toks = toks[:-1]  # a comma or dash left before it is trimmed with the span
    return toks


def date_run_end(tok: Token, stop: int | None = None) -> Token:
    """The last word of the date or time right after ``tok`` ("announced Monday morning",
    before the token at ``stop`` when given); ``tok`` itself when none follows."""
    doc = tok.doc
    end = len(doc) if stop is None else stop
    while tok.i + 1 < end and doc[tok.i + 1].ent_type_ in ("DATE", "TIME"):
        tok = doc[tok.i + 1]
    return tok
