"""Prepositional frames that name whose view or reckoning a clause gives, besides "according
to X" and "in X's poll" (attribution_phrases.py): "To many voters, the plan is a tax.", "By one
estimate, the storm destroyed 4,000 homes.", "..., per the local paper.", "The deal, in the
eyes of most farmers, is a betrayal."

The source is the preposition's object, the cue the preposition ("in the eyes of" for the
last), and the content the clause the phrase hangs on, as ``phrase``
(``attribution_phrases.source_phrase`` with its noun-phrase reader) reads it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_spans import Candidate, lemma_of

#: The reading of a frame (``attribution_phrases.source_phrase``): (text, first word, last
#: word, source word, sentence, cue lemma, clause) -> the attribution.
SourcePhrase = Callable[..., Candidate | None]


def to_holder(tok: Token, sent: SpacySpan, phrase: SourcePhrase) -> Candidate | None:
    """ "To many voters, the plan is a tax.", "..., because to her, the law is unjust": a
    person or group opening a clause after "to" holds the view the clause states."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if tok.dep_ != "prep" or not objs or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    obj = objs[0]
    opens = all(t.is_punct for t in sent if t.i < tok.i)
    if not opens and tok.doc[tok.i - 1].lower_ not in _OPENERS:
        return None
    end = obj.right_edge.i + 1
    if end >= sent.end or tok.doc[end].text != ",":
        return None
    if not (
        obj.ent_type_ in ("PERSON", "ORG", "NORP")
        or obj.tag_ in ("NNP", "NNPS", "PRP")
        or obj.lower_ in _HOLDERS
        or (obj.tag_ == "NNS" and any(c.lower_ in _HOLDERS for c in obj.children))
    ) or obj.lower_ in ("it", "this", "that"):
        return None
    return phrase(tok.doc.text, tok, tok, obj, sent, "to")


def by_reckoning(tok: Token, sent: SpacySpan, phrase: SourcePhrase) -> Candidate | None:
    """ "By one estimate, C." and "C, by the league's count.": whoever made the reckoning
    (the estimate itself when no one is named) is the source of the figure, "by" the cue."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or lemma_of(objs[0]) not in cues.RECKONING_NOUNS:
        return None
    obj = objs[0]
    doc = tok.doc
    end = obj.right_edge.i + 1
    closed = end >= sent.end or doc[end].text in (",", ".", ";")
    opens = tok.i == sent.start or (tok.i > sent.start and doc[tok.i - 1].text == ",")
    if not (opens and closed):
        return None
    return phrase(tok.doc.text, tok, tok, obj, sent, "by")


def in_eyes_of(tok: Token, sent: SpacySpan, phrase: SourcePhrase) -> Candidate | None:
    """ "Both candidates, in the eyes of most voters, are flawed": the holder of the view."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or objs[0].lower_ not in _VIEW_OF or tok.doc[tok.i + 1].lower_ != "the":
        return None
    of = [c for c in objs[0].children if c.dep_ == "prep" and c.lower_ == "of"]
    holders = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if not holders or tok.head.pos_ not in ("VERB", "AUX"):
        return None
    return phrase(tok.doc.text, tok, of[0], holders[0], sent, "in")


#: "in the eyes of X", "in the view of X", "in the estimation of X".
_VIEW_OF = frozenset({"eyes", "view", "estimation", "opinion"})


def per_source(tok: Token, sent: SpacySpan, phrase: SourcePhrase) -> Candidate | None:
    """ "C, per the Harbor Daily.": a named source set off after "per" (not "per the plan")."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if not objs or not (objs[0].tag_ in ("NNP", "NNPS") or objs[0].ent_type_ in ("ORG", "PERSON")):
        return None
    doc = tok.doc
    end = objs[0].right_edge.i + 1
    if not (tok.i > sent.start and doc[tok.i - 1].text == ","):
        return None
    if end < sent.end and doc[end].text not in (",", ".", ";"):
        return None
    # the parser hangs a closing "per X" on the nearest verb; it sources the sentence
    last = end >= sent.end or all(t.is_punct for t in doc[end : sent.end])
    return phrase(tok.doc.text, tok, tok, objs[0], sent, "per", sent.root if last else None)


#: Words after which a clause opens: "But to others, ...", "because to him, ...".
_OPENERS = frozenset({"but", "and", "yet", "so", "because", "while", "though", "although"})

#: Pronouns of people that are no names: "To many, ...", "To anyone who ..., ...".
_HOLDERS = frozenset(
    {"many", "others", "some", "most", "anyone", "everyone", "someone", "those", "few"}
)
