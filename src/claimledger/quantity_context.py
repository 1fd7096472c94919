"""What a number counts, read from the dependency parse, and numbers that count nothing.

``counted`` finds the noun a number counts; ``not_a_count`` tells dates, years, identifiers
and pronoun "one" from counts; ``resolve_references`` gives "the figure is as high as 4,000"
the unit of the count it refers to. All take a parsed ``Doc`` and never raise on odd text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from .model import Quantity
from .numbers import NumberMatch
from .quantity_lexicon import (
    IDENT_PREFIX,
    METRE_CONTEXT,
    MONTH_BEFORE,
    MONTH_RANGE_BEFORE,
    MONTHS,
    PREFIX,
    REFERENCE_NOUNS,
    TEMPORAL_HEDGES,
    YEAR_BEFORE,
)


def metres(doc: Doc, end: int) -> bool:
    """Whether an attached "m" means metres: no noun is counted after it, or a length is."""
    tok = last_token(doc, end)
    if tok is None or tok.i + 1 >= len(doc):
        return True
    nxt = doc[tok.i + 1]
    if nxt.lower_ in METRE_CONTEXT:
        return True
    return (
        nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "VERB")
        or nxt.pos_ == "VERB"
        and (nxt.tag_ != "VBN")
    )


def lemma(noun: Token) -> str:
    """The lower-cased singular of a counted noun ("casualties", "Democrats", "people")."""
    lemma = noun.lemma_.lower()
    # One spelling for units counted as nouns ("nanometers", "liters"): the SI one.
    if re.fullmatch(r"(?:kilo|centi|milli|micro|nano)?(?:met|lit)er", lemma):
        lemma = lemma[:-2] + "re"
    if noun.tag_ == "NNPS" and lemma == noun.lower_ and len(lemma) > 3:
        # spaCy leaves plural proper nouns as they are ("Democrats", "Americans").
        if lemma.endswith("ies"):
            return lemma[:-3] + "y"
        if lemma.endswith("s") and not lemma.endswith("ss"):
            return lemma[:-1]
    return lemma


def not_a_count(doc: Doc, text: str, n: NumberMatch, before: str, after: str) -> bool:
    """Whether a bare number is a date, a year or an identifier rather than a count."""
    if IDENT_PREFIX.search(before):
        return True
    tok = first_token(doc, n.start)
    if tok is None:
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    integer = n.form in ("digits", "words") and n.low == int(n.low) and not n.scaled
    plain = integer and "," not in text[n.start : n.end]
    if (
        plain
        and n.low <= 31
        and (
            MONTH_BEFORE.search(before)
            or MONTH_RANGE_BEFORE.search(before)
            or re.match(r"^\s+(?:of\s+)?(?:" + MONTHS.pattern + r")(?!\w)", after)
        )
    ):
        return True
    if plain and n.form == "digits" and 1000 <= n.low <= 2100 and n.end - n.start == 4:
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        noun_follows = nxt is not None and nxt.pos_ == "NOUN" and nxt.ent_type_ != "DATE"
        # "above 1000": a year takes no comparative ("over 2019", "around 2000" are dates).
        h = PREFIX.search(before)
        hedged = h is not None and h.group("h").lower() not in TEMPORAL_HEDGES
        # "1000-5000": the other end is no year, so neither is this one
        wide = re.match(r"^\s*[-–]\s*(\d[\d,]*)", after)
        if wide and (len(wide.group(1)) > 4 or int(wide.group(1).replace(",", "") or 0) > 2100):
            return False
        if not hedged and (
            tok.ent_type_ == "DATE"
            or not noun_follows
            or (prev is not None and prev.lower_ in YEAR_BEFORE)
        ):
            return True
    if (
        plain
        and prev is not None
        and prev.pos_ in ("PROPN", "NOUN")
        and any(c.isupper() for c in prev.text)
        and not MONTHS.fullmatch(prev.text)
        and prev.whitespace_
        # "Adults 18 or older": a plural common noun names no single thing to number
        and not (prev.tag_ == "NNS" and prev.is_sent_start)
    ):
        return True  # "Route 9", "Boeing 737", "Article 5", "BBC One"
    if n.form == "words" and n.low == 1 and not n.scaled:
        # "one" is a pronoun more often than a count: keep only the tagged cardinal, and not
        # the distributive "one ... the other" ("one POW was born in 2005, the other in 1999").
        return (
            tok.tag_ != "CD"
            or (
                prev is not None
                and prev.lower_ in ("the", "each", "no", "every", "any", "this", "that", "which")
            )
            or distributive(doc, tok)
        )
    # A single number word must be tagged as a number ("ten" in "Ten samples", not a name);
    # phrases ("half a dozen", "a pair of") are numbers by their wording.
    single = not any(c.isspace() for c in text[n.start : n.end])
    return n.form == "words" and single and tok.tag_ not in ("CD", "DT") and tok.pos_ != "NUM"


def distributive(doc: Doc, tok: Token) -> bool:
    """Whether "the other" or "another" follows ``tok`` within its sentence and the next two.

    Two sentences, because the contrast often comes after a sentence about the first one
    ("One was born in 2005. It said ... The other was born in 1999").
    """
    end = tok.sent.end
    for _ in range(2):
        if end < len(doc):
            end = doc[end].sent.end
    return any(
        (t.lower_ == "other" and doc[t.i - 1].lower_ == "the") or t.lower_ == "another"
        for t in doc[tok.i + 1 : end]
    )


def first_token(doc: Doc, char: int) -> Token | None:
    """The token holding character ``char``; ``None`` past the end."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def last_token(doc: Doc, char_end: int) -> Token | None:
    """The token holding the character before ``char_end``; ``None`` past the end."""
    span = doc.char_span(max(0, char_end - 1), char_end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def counted(doc: Doc, end: int) -> tuple[Token, int] | None:
    """The noun counted by the number ending at ``end``, and where its description starts.

    Tries, in order: the noun the number modifies (``nummod``), the noun phrase right after
    the number ("1,000 or more people"), and the object of "of" ("one of the students",
    "tens of thousands of dollars"). ``None`` when no noun is counted ("is as high as 4,000").
    """
    num = last_token(doc, end)
    if num is None:
        return None
    i = num.i + 1
    while i < len(doc) and doc[i].idx < end:
        i += 1
    # "9 last time", "3 this year": a time phrase follows, nothing is counted
    if (
        i < len(doc) and doc[i].lower_ in ("last", "next", "this", "each", "every", "per")
        and not (i + 1 < len(doc) and doc[i + 1].text == "-")  # "5 last-minute changes"
    ):  # fmt: skip
        return None
    if (
        num.dep_ == "nummod"
        and num.head.i >= i
        and num.head.i - i < 6
        and num.head.pos_ in ("NOUN", "PROPN")
        and all(
            (
                t.pos_ in ("ADJ", "NOUN", "PROPN", "PUNCT", "ADV", "VERB", "NUM")
                # "and" between two modifiers: "two lobbying and consulting firms"
                or t.pos_ == "CCONJ"
                and i <= t.head.i < num.head.i
            )
            and t.text not in (",", ";", ":", "(", ")")
            for t in doc[i : num.head.i]
        )  # fmt: skip
    ):
        return num.head, doc[i].idx if i <= num.head.i else num.head.idx
    # The noun phrase right after the number: modifiers ("combined digital and physical")
    # up to the first noun that is not followed by another noun of the same compound.
    for j in range(i, min(len(doc), i + 8)):
        t = doc[j]
        if (
            t.pos_ == "NOUN"
            and t.text != "%"
            and not (
                j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and t.dep_ == "compound"
            )
        ):
            return t, doc[i].idx
        if not (t.pos_ in ("ADJ", "PROPN", "NOUN") or t.text == "-"
                or t.dep_ in ("amod", "compound", "nmod")
                or (t.pos_ == "CCONJ" and j > i and _modifier(doc[j - 1]))):  # fmt: skip
            break
    if i < len(doc) and doc[i].lower_ == "of":
        objs = [c for c in doc[i].children if c.dep_ == "pobj"]
        # Up to eight tokens: "one of the true first-rate professionals".
        if objs and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].i - i < 8:
            obj = objs[0]
            left = [t for t in obj.lefts if t.dep_ not in ("det", "poss", "predet")]
            return obj, (left[0].idx if left else obj.idx)
    return None


def _modifier(tok: Token) -> bool:
    """Whether ``tok`` modifies a noun ahead ("lobbying" in "two lobbying and consulting
    firms", "digital" in "digital and physical sales"), so "and" joins two modifiers."""
    return tok.pos_ == "ADJ" or tok.dep_ in ("amod", "compound") and tok.head.i > tok.i


def resolve_references(doc: Doc, found: list[Quantity]) -> list[Quantity]:
    """Give "the figure is as high as 4,000" the unit of the nearest earlier count."""
    out: list[Quantity] = []
    for q in found:
        if q.kind == "count" and q.unit is None:
            ref = reference_noun(doc, q)
            if ref is not None:
                objs = [c for p in ref.children if p.lower_ == "of" for c in p.children
                        if c.dep_ == "pobj"]  # fmt: skip
                if objs:
                    q = replace(q, unit=objs[0].lemma_.lower(), subject=objs[0].text)
                else:
                    prior = antecedent(doc, out, q)
                    if prior is not None:
                        q = replace(q, unit=prior.unit, subject=prior.subject)
            else:
                prior = elided(doc, out, q)
                if prior is not None:
                    q = replace(q, unit=prior.unit, subject=prior.subject)
        out.append(q)
    return out


def elided(doc: Doc, earlier: list[Quantity], q: Quantity) -> Quantity | None:
    """The earlier count whose noun governs a bare number ("6 million homes, including 1.5
    million in the region": the noun "homes" is elided after the second number)."""
    ends = {p.span.end: p for p in earlier if p.kind == "count" and p.unit}
    tok = last_token(doc, q.span.end)
    for _ in range(3):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and (prior := ends.get(tok.idx + len(tok))) is not None:
            return prior
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "prep":
            return None
    return None


def reference_noun(doc: Doc, q: Quantity) -> Token | None:
    """The subject noun of the clause if it is "the figure", "the toll", "the number" ..."""
    tok = last_token(doc, q.span.end)
    for _ in range(5):
        if tok is None or tok.head is tok:
            break
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj and subj[0].lemma_.lower() in REFERENCE_NOUNS:
                return subj[0]
            break
    return None


def antecedent(doc: Doc, earlier: list[Quantity], q: Quantity) -> Quantity | None:
    """The nearest earlier counted quantity in the same or the previous sentence."""
    tok = first_token(doc, q.span.start)
    if tok is None:
        return None
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
    floor = 0
    for k, s in enumerate(sents):
        if s.start <= tok.i < s.end:
            floor = sents[k - 1].start_char if k else s.start_char
            break
    for prior in reversed(earlier):
        if prior.span.start < floor:
            break
        if prior.kind == "count" and prior.unit:
            return prior
    return None
