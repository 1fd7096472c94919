"""Whose count a quantity is: the named entity that has, wins, loses or holds what is counted.

"Clinton won 739 delegates" and "Sanders has 465 delegates" count the same thing (delegates)
for two different holders; the ledger must not put them in one measure and call them a
conflict. This stage reads the holder from the dependency parse, in three constructions:

1. a possessive on the counted noun: "Clinton's 739 delegates", "Russia's losses of 1,000";
2. the subject of the verb whose object (or predicate) is the count: "Clinton won 739
   delegates", "Sanders has 465", "Trump leads with 739 delegates", "the party got 30%";
3. "for" + a name after the counted noun: "739 delegates for Clinton", "48% for Trump".
   Not "of": "67 percent of Americans", "four of those states" name a whole, not a holder.

The holder must be a named entity (a person, organisation, place or group) or a pronoun or
description that :meth:`EntityIndex.resolve` resolves to one; "troops", "officials" or "the
figure" hold nothing, so "North Korean troops had suffered over 1,000 casualties" has no
holder, and its measure is the one its subject names.

Pure: reads a parsed ``Doc`` and the quantities, never raises on odd text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .entities import EntityIndex
from .model import Quantity, Span

#: Entity labels that can hold a count.
HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Dependencies of a counted noun on the verb that gives it to its subject.
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "npadvmod"})
#: Prepositions through which a verb takes the count ("leads with 739", "ended with 30%").
_VERB_PREPS = frozenset({"with", "at", "to"})
#: Prepositions after the counted noun that name its holder ("delegates for Clinton").
_NOUN_PREPS = frozenset({"for"})
#: Verbs whose subject has, gets, gives up or moves to the count: "won 739 delegates", "has
#: 465", "spent $45 million", "leads with 44%", "polls at 30 percent", "rose to 48%". Other verbs
#: take an object that is no possession of their subject ("they would deport 11 million
#: immigrants", "the attack killed 130 people", "Polls show 48%"), so they name no holder.
HOLDING_VERBS = frozenset(
    """
    have hold own keep control employ need win get receive earn gain capture secure collect
    garner amass accumulate net raise score tally notch rack lose forfeit spend pay sell make
    lead finish end trail poll stand sit post rise climb jump surge grow increase edge fall
    drop slip sink decline dip slide
    """.split()
)


def find_holders(
    doc: Doc, quantities: Sequence[Quantity], index: EntityIndex
) -> tuple[Quantity, ...]:
    """``quantities`` with ``holder``/``holder_entity`` set where the parse names one.

    Args:
        doc: the parsed canonical text the quantities' offsets index.
        quantities: the quantities stage's results; a span that does not align with the
            parse's tokens is left without a holder.
        index: the document's entities, to resolve pronouns and descriptions.
    """
    names = {e.name for e in index.entities}
    text = doc.text  # spaCy rebuilds this string on every access
    out: list[Quantity] = []
    for q in quantities:
        found = _holder_token(doc, q)
        if found is None:
            out.append(q)
            continue
        mention = _mention(doc, found)
        entity, _role = index.resolve(mention.start_char, mention.end_char)
        if entity is None or entity not in names:
            out.append(q)
            continue
        span = Span.of(text, mention.start_char, mention.end_char)
        out.append(replace(q, holder=span, holder_entity=entity))
    return tuple(out)


def _holder_token(doc: Doc, q: Quantity) -> Token | None:
    """The head token of the holder's mention, or None."""
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    number = span.root
    # The counted noun: "739 delegates" -> delegates; a bare "has 465" counts itself.
    counted = number.head if number.dep_ == "nummod" else number
    for child in counted.children:
        if child.dep_ == "poss" and _can_hold(child):
            return child
    for child in counted.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and _can_hold(obj) and obj.ent_type_ in HOLDER_LABELS:
                    return obj
    verb = _governing_verb(counted)
    if verb is None or verb.lemma_.lower() not in HOLDING_VERBS:
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and _can_hold(child):
            return child
    return None


def _governing_verb(counted: Token) -> Token | None:
    """The verb that takes the count as its object, or through "with"/"at"/"to"."""
    if counted.dep_ in _OBJECT_DEPS and counted.head.pos_ in ("VERB", "AUX"):
        return counted.head
    head = counted.head
    if (
        counted.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in _VERB_PREPS
        and head.head.pos_ in ("VERB", "AUX")
    ):
        return head.head
    return None


def _can_hold(tok: Token) -> bool:
    """A named entity, a capitalised noun the tagger missed as one ("Sanders got 48%"), or a
    personal pronoun ("he", "its"); the caller keeps it only if it resolves to a named entity
    of the document."""
    if tok.ent_type_ in HOLDER_LABELS:
        return True
    if not tok.ent_type_ and tok.pos_ in ("PROPN", "NOUN") and tok.text[:1].isupper():
        return True
    # Not a bare "it": as often an expletive ("It takes 2,383 delegates to win") as a name.
    return tok.pos_ == "PRON" and tok.lower_ in (
        "he", "she", "they", "his", "her", "its", "their"
    )


def _mention(doc: Doc, tok: Token) -> SpacySpan:
    """The whole entity the token is part of ("Hillary Clinton"), or the token alone."""
    for ent in doc.ents:
        if ent.start <= tok.i < ent.end:
            # The possessive "'s" is not part of the name.
            end = ent.end
            while end > ent.start + 1 and doc[end - 1].tag_ == "POS":
                end -= 1
            return doc[ent.start : end]
    return doc[tok.i : tok.i + 1]
