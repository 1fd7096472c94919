"""The cue's verb group: "has also said", "did not deny", "to criticize", "pointed out",
"said repeatedly"; the verbs that govern a report and join its cue ("appeared to
suggest", "was quick to add", "responded by saying", "went on to say", "began calling for");
and the reports a sentence does not say were made ("if she thinks", "sued for ignoring").
"""

from __future__ import annotations

from spacy.tokens import Token

from .attribution_content import SUBJECTS, lemma_of

_CUE_LEFT = ("aux", "auxpass", "neg")


_CATENATIVES = frozenset(
    """
    appear seem have stop begin start try attempt fail go need tend happen get come
    hesitate dare manage struggle be continue use bother like interject pivot decide
    keep avoid help vote
    """.split()
)


def adjective_controlled(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of "X was quick to add": the complement of an
    adjective after a copula, the adjective right before it."""
    adj = verb.head
    return (
        verb.dep_ == "xcomp"
        and adj.pos_ == "ADJ"
        and adj.dep_ == "acomp"
        and adj.i < verb.i
        and adj.head.i < adj.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and all(t.dep_ in ("aux", "neg") for t in verb.doc[adj.i + 1 : verb.i])
    )


def controlled(verb: Token, source: tuple[int, int]) -> bool:
    """Whether ``verb`` is an infinitive ("to suggest") whose source is the subject of the
    verb it complements ("She appeared to suggest ...", "He has yet to explain"), when that
    verb reports nothing of its own."""
    head = verb.head
    return (
        (verb.dep_ == "xcomp" or went_on(verb))
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        # only a verb of seeming, phase, attempt or avoidance ("kept asking", "avoided
        # mentioning", "voted to endorse", "helped persuade"); a reporting head ("refused to") is a
        # report of its own, and one of motion ("moved to accuse") is an act
        and lemma_of(head) in _CATENATIVES
        and (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            # "began calling for", "kept asking", "avoided mentioning": a gerund
            or (verb.tag_ == "VBG" and verb.dep_ == "xcomp")
        )
        and (
            any(
                c.dep_ == "nsubj" and source[0] <= c.idx < source[1]
                for c in _subject_holder(head).children
            )
            # "..., going on to say that ...": the participle's subject is the speaker's
            or (went_on(verb) and head.tag_ == "VBG")
        )
        and not any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    )


#: Verbs of answering and of the order of a speech, carried out "by saying" something: "She
#: responded by saying ...", "He followed up by asking ..." ("began by saying" is left to
#: the participle, as the annotators of news mostly leave it).
_LEADING_VERBS = frozenset(
    "respond reply answer retort react conclude start follow end open close".split()
)
#: Verbs of answering that a participle after a comma carries out: "He responded Friday,
#: saying ...", "She hit back, calling ...".
_ANSWER_VERBS = frozenset("respond reply answer retort".split())


def leading_act(verb: Token) -> Token | None:
    """The verb whose act the participle ``verb`` carries out: "responded by saying",
    "followed up by asking", "responded on Twitter, calling", "hit back, saying"; or None.

    The verb takes no object or clause of its own: what was said is the participle's.
    """
    if verb.tag_ != "VBG":
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "by" and head.dep_ == "prep":
        act = head.head
        lexicon = _LEADING_VERBS
    elif verb.dep_ in ("advcl", "xcomp") and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        act = head
        lexicon = _ANSWER_VERBS
        back = any(c.lower_ == "back" and c.dep_ in ("advmod", "prt") for c in act.children)
        if back and lemma_of(act) in ("hit", "shoot", "fire"):
            lexicon = frozenset({lemma_of(act)})
        if any(t.text in ("”", '"', "''") for t in verb.doc[verb.sent.start : act.i]):
            return None  # "“No,” she replied, adding ...": the quotation is the reply
    else:
        return None
    if (
        act.pos_ != "VERB"
        or act.i > verb.i
        or lemma_of(act) not in lexicon
        or any(c.dep_ in ("dobj", "ccomp", "xcomp") and c.i < verb.i for c in act.children)
    ):
        return None
    return act


def _subject_holder(verb: Token) -> Token:
    """The verb whose subject ``verb`` shares: itself, or the first of its conjuncts ("He
    smiled and seemed to agree")."""
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in verb.children):
        verb = verb.head
    return verb


def went_on(verb: Token) -> bool:
    """Whether ``verb`` is the infinitive of "went on to explain", whichever way the parser
    attached it."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl")
        and lemma_of(head) == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in head.children)
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs just before the verb ("has also
    said", "did not deny", "aggressively attacked", and an infinitive's "to": "allowed
    members to criticize") and a particle after it ("pointed out")."""
    doc = verb.doc
    start = verb.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i != verb.i:
            break
        if prev.dep_ in _CUE_LEFT or (prev.dep_ == "advmod" and prev.tag_ == "RB"):
            start -= 1
            continue
        break
    end = verb.i
    for c in verb.children:
        # "pointed out", and "back" of a retort ("wrote back", "pushed back")
        if (c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")) and c.i == end + 1:
            end = c.i
    for c in verb.children:
        # a manner or frequency adverb right after the verb ("said repeatedly", "wrote
        # sarcastically", "said again") qualifies the act of saying; "only", "nearly"
        # qualify the content
        if (
            c.dep_ == "advmod"
            and c.tag_ == "RB"
            and c.i == end + 1
            and (c.lower_.endswith("ly") or c.lower_ in ("again", "later", "often"))
            and c.lower_ not in ("only", "nearly", "early", "likely", "directly")
        ):
            end = c.i
    return doc[start].idx, doc[end].idx + len(doc[end])


#: Prepositions whose gerund names an act as a reason, a topic or a lack, not as done:
#: "sued the city for ignoring the contract", "refrained from endorsing", "without offering
#: proof". After one of time or manner ("after criticizing", "by saying") the act was done.
_TOPIC_PREPOSITIONS = frozenset(
    "for from without to on about against as than around including of".split()
)

#: Verbs that make someone else do or think something: "let them think", "made voters feel".
_CAUSATIVES = frozenset({"let", "make", "help"})


def unasserted(verb: Token, cue: tuple[int, int]) -> bool:
    """Whether the sentence does not say that the report of ``verb`` (cue ``cue``) was made.

    That is a report in a condition ("if she thinks", "unless the party backs"), one that a
    causer brings about in someone else and leaves out of the cue ("made voters feel that",
    "helped the players believe"; not the speaker's own "let me say"), and a gerund after a
    preposition of reason, topic or lack ("sued for ignoring", "refrained from criticizing",
    "without knowing").
    """
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
        return True
    head = verb.head
    if (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.tag_ == "VB"
        and lemma_of(head) in _CAUSATIVES
        and head.i < verb.i
        and not cue[0] <= head.idx < cue[1]
        and not any(c.lower_ in ("me", "us", "'s", "’s") for c in (*verb.children, *head.children))
    ):
        return True
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in _TOPIC_PREPOSITIONS


__all__ = ["adjective_controlled", "controlled", "cue_span", "leading_act", "unasserted", "went_on"]
