"""Documents that speak for their authors: "issued a statement calling for calm", "her
letter urging ...", "released a video that accuses X of ...", "published a report detailing
the changes".

A participle or relative clause on a document reports for whoever wrote or issued the
document; the verb that issued it ("issued", "released", "put out") opens the cue when the
frame names it.
"""

from __future__ import annotations

from spacy.tokens import Token

from . import cues
from .attribution_spans import (
    lemma_of,
)


def document_author(verb: Token) -> tuple[Token, Token | None] | None:
    """The author of a document whose participle reports: "issued a statement calling for
    calm", "her letter urging ...", "At a news conference announcing ..., she said".

    Returns the author's head token and the verb that issued the document, if that verb
    is part of the frame ("issued", "released"). None when ``verb`` is no participle of a
    document noun, or no author is written.
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return None
    noun = verb.head
    issued = issued_document(noun)
    if lemma_of(noun) not in cues.DOCUMENT_NOUNS and (
        issued is None or lemma_of(noun) not in cues.EVIDENCE_NOUNS
    ):
        return None  # a record speaks for its author only once issued ("released data")
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        return owner[0], None
    if noun.dep_ == "dobj" and issuing(noun.head):
        return issued
    gov = noun.head
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in gov.head.children if c.dep_ == "nsubj"]
        return (subj[0], None) if subj else None
    return None


def issued_document(noun: Token) -> tuple[Token, Token] | None:
    """The author and the issuing verb of a document ``noun`` that is the object of a verb
    of issuing with a subject: "She released a video", "His office put out a statement"."""
    gov = noun.head
    if noun.dep_ != "dobj" or gov.i > noun.i or not issuing(gov):
        return None
    subj = [c for c in gov.children if c.dep_ == "nsubj"]
    return (subj[0], gov) if subj else None


def relative_author(verb: Token) -> tuple[Token, Token] | None:
    """ "released a video that accuses X of ...": the author of a document whose relative
    clause reports, and the verb that issued it."""
    noun = verb.head
    if (
        verb.dep_ != "relcl"
        or noun.i > verb.i
        or lemma_of(noun) not in _MESSAGES | cues.EVIDENCE_NOUNS
        or not any(c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in verb.children)
        # "stories, including one that said ...": the clause is the nearer noun's
        or any(t.is_punct for t in verb.doc[noun.i + 1 : verb.left_edge.i])
    ):
        return None
    return issued_document(noun)


def issued_participle(verb: Token) -> bool:
    """Whether ``verb`` is a participle with an object describing an issued document: "published
    a report detailing the changes", "issued an injunction blocking the law"; what the
    document does is what its author reports, whatever the verb."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.i < verb.i
        and lemma_of(noun) in _MESSAGES | cues.EVIDENCE_NOUNS
        and any(c.dep_ == "dobj" for c in verb.children)
        and issued_document(noun) is not None
    )


def issuing(verb: Token) -> bool:
    """Whether ``verb`` puts out a document: "issued", "released", "put out"."""
    lemma = lemma_of(verb)
    return lemma in cues.ISSUING_VERBS or (
        lemma == "put" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    )


def issued_with(verb: Token) -> Token | None:
    """The verb that issued the document ``verb`` reports through, when the parser hung the
    participle on that verb rather than on the document: "released a statement Wednesday,
    saying ...". None for any other participle ("released him, saying ...")."""
    head = verb.head
    if (
        verb.dep_ != "advcl"
        or verb.tag_ != "VBG"
        or head.i > verb.i
        or not issuing(head)
        or lemma_of(head) in _NOT_SENDING
    ):
        return None
    doc = [
        c for c in head.children if c.dep_ == "dobj" and c.i < verb.i and lemma_of(c) in _MESSAGES
    ]
    return head if doc else None


#: Documents that are sent rather than delivered or filed ("a speech, predicting ...",
#: "a lawsuit, alleging ...": the participle is the speaker's own act).
_MESSAGES = cues.DOCUMENT_NOUNS - frozenset(
    "speech conference briefing filing lawsuit motion resolution petition".split()
)
_NOT_SENDING = frozenset({"deliver", "give", "file", "hold", "sign", "tweet"})


__all__ = [
    "document_author",
    "issued_participle",
    "issued_with",
    "relative_author",
]
