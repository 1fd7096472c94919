"""The cue's verb group: "has also said", "did not deny", "to criticize", "pointed out",
"said repeatedly"; the verbs that govern a report and join its cue ("appeared to
suggest", "was quick to add", "responded by saying", "went on to say", "began calling for");
and the reports a sentence does not say were made ("if she thinks", "sued for ignoring",
"it is fair to say", "Do you support the plan?").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import cues
from .attribution_spans import (
    SUBJECTS,
    lemma_of,
)

_CUE_LEFT = ("aux", "auxpass", "neg")

#: Adverbs not in "-ly" that qualify the act of saying right after its verb: "said again",
#: "said twice", "wondered aloud".
_AFTER_ADVERBS = frozenset({"again", "later", "often", "twice", "aloud"})

#: Adverbs that link the clause to the text around it or sum up its subject, not the act of
#: saying: "Carter however said ...", "voters overall said ...", "the two polls
#: respectively show ...". They stay out of the cue (one enclosed with an auxiliary, "has,
#: however, insisted", is inside the verb group).
_LINKING_ADVERBS = frozenset(
    """
    however overall respectively therefore thus hence nevertheless nonetheless consequently
    accordingly meanwhile
    """.split()
)


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
            # "spent the week trying to explain ...", "After struggling to persuade ...": a
            # participle of attempt or phase, with no subject of its own, shares the speaker's
            or _bare_participle(head)
        )
        and not any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    )


def _bare_participle(verb: Token) -> bool:
    """Whether ``verb`` is a participle of attempt or phase (its lemma one of
    :data:`_ATTEMPTS`) with no subject of its own: "trying", "struggling", "continuing"."""
    return (
        verb.tag_ == "VBG"
        and lemma_of(verb) in _ATTEMPTS
        and verb.dep_ in ("advcl", "xcomp", "pcomp", "ROOT")
        and not any(c.dep_ in SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children)
    )


#: Catenatives whose bare participle governs a report: "trying to explain", "struggling to
#: persuade", "continuing to insist", "attempting to portray".
_ATTEMPTS = frozenset({"try", "attempt", "struggle", "continue"})


#: Occasions of speaking that someone uses to say something: "used his speech to ...".
_OCCASIONS_USED = frozenset("speech remark remarks address appearance platform interview".split())
#: The nouns of the idioms of effort: "out of his way to", "took pains to", "used his speech to".
_EFFORT_NOUNS = _OCCASIONS_USED | {"way", "pain"}


def effort_head(verb: Token) -> Token | None:
    """The verb of an idiom of effort whose infinitive ``verb`` is: "went out of his way to
    praise", "took pains to say", "took great pains to stress", "used his speech to call
    for". The idiom lends the report its subject and joins its cue; None for any other
    infinitive."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    noun: Token | None = None
    if verb.dep_ == "acl" and lemma_of(head) in _EFFORT_NOUNS and head.i < verb.i:
        # "pains to say": the parser may hang the infinitive on the noun
        noun = head
    elif verb.dep_ in ("advcl", "xcomp") and head.i < verb.i:
        noun = next(
            (t for t in verb.doc[head.i + 1 : verb.i] if lemma_of(t) in _EFFORT_NOUNS), None
        )
    if noun is None:
        return None
    if noun.dep_ == "dobj" and (
        (noun.lower_ == "pains" and lemma_of(noun.head) == "take")
        # "used his speech to call for ...": the occasion of saying
        or (lemma_of(noun) in _OCCASIONS_USED and lemma_of(noun.head) == "use")
    ):
        return noun.head
    of = noun.head
    out = of.head
    if (
        noun.lower_ == "way"
        and noun.dep_ == "pobj"
        and of.lower_ == "of"
        and out.lower_ == "out"
        and lemma_of(out.head) == "go"
        and any(c.dep_ == "poss" for c in noun.children)
    ):
        return out.head
    return None


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


def _inner_auxiliary(verb: Token, start: int) -> int | None:
    """The index of an auxiliary of ``verb`` a few words before ``start`` (the cue's first
    word so far) when only modifiers of the verb stand between them: "has since said",
    "have both argued", "has, however, insisted", "had last month claimed". The verb group
    is the auxiliary and the verb with what they enclose; a subject between them ("has the
    mayor said") ends it."""
    doc = verb.doc
    for i in range(start - 1, max(start - 5, -1), -1):
        tok = doc[i]
        if tok.head.i == verb.i and tok.dep_ in ("aux", "auxpass"):
            return i
        if (
            tok.dep_ in SUBJECTS
            or tok.dep_ in ("cc", "mark", "prep", "dobj", "ccomp")
            or tok.text in ("”", '"', "''", "“", "(", ")", "—", "–", "-")
            or not any(a.i == verb.i for a in tok.ancestors)
            # "has both praised the plan and criticized its cost": a correlative's "both"
            or (
                tok.lower_ in ("both", "either", "neither")
                and any(c.dep_ == "conj" for c in verb.children)
            )
        ):
            return None
    return None


def _only_that(verb: Token, end: int) -> bool:
    """Whether the word after the cue's last (``end``) is the "only" of "said only that
    ...", which limits the saying (she said nothing more), not what was said."""
    doc = verb.doc
    if end + 2 >= len(doc):
        return False
    only, that = doc[end + 1], doc[end + 2]
    return (
        only.lower_ == "only"
        and that.lower_ == "that"
        and that.dep_ == "mark"
        and only.head.i == that.head.i
        and that.head.head.i == verb.i
        and that.head.dep_ == "ccomp"
    )


def _with_a_smile(verb: Token, end: int) -> int:
    """The end of the cue past a look or a sound the words came with, right after it
    ("said with a grin", "replied, with a shrug", "said with an eye roll"): the manner of
    saying, as a manner adverb is; "said with confidence" or "spoke with reporters" is not."""
    doc = verb.doc
    i = end + 1
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "with" or doc[i].head.i != verb.i:
        return end
    obj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if (
        obj is None
        or obj.i > i + 4
        or lemma_of(obj) not in cues.EXPRESSION_NOUNS
        or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)
    ):
        return end
    return obj.i


#: Verbs of writing that a place of posting completes: "wrote on Facebook", "posted on
#: Twitter", "wrote in a blog post".
_POSTING_VERBS = frozenset({"write", "post", "tweet"})
#: Social platforms other than those the channel patterns name, and places of posting.
_PLATFORM_WORDS = frozenset({"blog", "media", "reddit", "tumblr", "linkedin", "medium"})


def _on_a_platform(verb: Token, end: int) -> int:
    """The end of the cue past the platform a text was written or posted on, right after
    the verb ("wrote on Facebook", "posted on Twitter", "wrote in a blog post", "posted via
    Instagram"): where a written statement was made is part of the act of writing it, as
    "said in a statement" is. Not for speaking ("said on Twitter" is left as it was)."""
    doc = verb.doc
    i = end + 1
    if (
        lemma_of(verb) not in _POSTING_VERBS
        or i >= len(doc)
        or doc[i].lower_ not in ("on", "via", "in")
        or doc[i].head.i != verb.i
    ):
        return end
    obj = next((c for c in doc[i].children if c.dep_ == "pobj"), None)
    if obj is None or obj.i > i + 4:
        return end
    words = doc[i + 1 : obj.i + 1]
    if doc[i].lower_ == "in":
        # "wrote in a blog post"; not "in a tweet", "in a letter"
        return obj.i if any(t.lower_ == "blog" for t in words) else end
    if any(t.lower_ in _PLATFORM_WORDS for t in words) or cues.channel_of(words.text) in (
        cues.PLATFORMS
    ):
        return obj.i
    return end


def _joins_left(tok: Token, verb: Token) -> bool:
    """Whether ``tok``, before ``verb``, is an auxiliary, negation or adverb of its group."""
    return tok.head.i == verb.i and (
        tok.dep_ in _CUE_LEFT
        or (tok.dep_ == "advmod" and tok.tag_ == "RB" and tok.lower_ not in _LINKING_ADVERBS)
    )


def cue_span(verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs just before the verb ("has also
    said", "did not deny", "aggressively attacked", "almost immediately disclosed", and an
    infinitive's "to": "allowed members to criticize") and a particle after it ("pointed
    out")."""
    doc = verb.doc
    start = verb.i
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.head.i == start
            and start < verb.i
            and doc[start].dep_ == "advmod"
            and prev.dep_ == "advmod"
            and prev.tag_ == "RB"
        ):
            # an adverb of the adverb before the verb: "almost immediately disclosed",
            # "have once again decided"
            start -= 1
            continue
        if prev.is_space and start > 1 and _joins_left(doc[start - 2], verb):
            start -= 2  # "has\u00a0acknowledged": past a no-break space the parser kept
            continue
        if prev.head.i != verb.i:
            break
        if _joins_left(prev, verb):
            start -= 1
            continue
        if (aux := _inner_auxiliary(verb, start)) is not None:
            start = aux
            continue
        break
    end = verb.i
    for c in verb.children:
        # "pointed out", and "back" of a retort ("wrote back", "pushed back")
        if (c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")) and c.i == end + 1:
            end = c.i
    for c in verb.children:
        # a manner or frequency adverb right after the verb ("said repeatedly", "wrote
        # sarcastically", "said again", "said twice", "wondered aloud") qualifies the act of
        # saying; "only", "nearly" qualify the content
        if (
            c.dep_ == "advmod"
            and (c.tag_ == "RB" or c.lower_ == "aloud")
            and c.i == end + 1
            and (c.lower_.endswith("ly") or c.lower_ in _AFTER_ADVERBS)
            and c.lower_ not in ("only", "nearly", "early", "likely", "directly")
        ):
            end = c.i
    if _only_that(verb, end):
        end += 1
    end = _with_a_smile(verb, end)
    end = _on_a_platform(verb, end)
    return doc[start].idx, doc[end].idx + len(doc[end])


#: Prepositions whose gerund names an act as a reason, a topic or a lack, not as done:
#: "sued the city for ignoring the contract", "refrained from endorsing", "without offering
#: proof". After one of time or manner ("after criticizing", "by saying") the act was done.
_TOPIC_PREPOSITIONS = frozenset(
    "for from without to on about against as than around including of".split()
)

#: Verbs that make someone else do or think something: "let them think", "made voters feel".
_CAUSATIVES = frozenset({"let", "make", "help"})


def unasserted(text: str, verb: Token, cue: tuple[int, int]) -> bool:
    """Whether the sentence does not say that the report of ``verb`` (cue ``cue``; ``text``
    the canonical text) was made.

    That is a report in a condition ("if she thinks", "unless the party backs"), one that a
    causer brings about in someone else and leaves out of the cue ("made voters feel that",
    "helped the players believe"; not the speaker's own "let me say"), and a gerund after a
    preposition of reason, topic or lack ("sued for ignoring", "refrained from criticizing",
    "without knowing"), a remark on saying by an empty "it" ("it is fair to say") and a
    question put to "you" ("Do you support the plan?").
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
    if _after_empty_it(verb) or _asks_the_reader(text, verb):
        return True
    return verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.lower_ in _TOPIC_PREPOSITIONS


def _asks_the_reader(text: str, verb: Token) -> bool:
    """Whether ``verb`` asks "you" a question ("Do you support the plan?", "Who do you think
    will win?"): a question asks, it reports no one's view. An interviewer's "Q:" line keeps
    its question, put to the person interviewed."""
    if not any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        return False
    sent = verb.sent
    last = [t for t in sent if not t.is_space and not t.is_quote and t.text != ")"]
    if not last or last[-1].text != "?":
        return False
    line = text.rfind("\n", 0, sent.start_char) + 1
    return _INTERVIEW_LINE.match(text, line) is None


_INTERVIEW_LINE = re.compile(r"\s*(?:Q|QUESTION)\s*[:.]")


def _after_empty_it(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive after an adjective said of an empty "it" ("it is fair
    to say", "it's hard to know", "made it easy to predict"): a remark on saying, by no one."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "advcl") or head.i > verb.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    # "it is hard for the mayor to say": the infinitive has a subject of its own
    if any(c.dep_ in ("nsubj", "mark") for c in verb.children):
        return False
    between = verb.doc[head.i : verb.i]
    if not any(
        t.pos_ == "ADJ" and t.dep_ in ("acomp", "conj", "ccomp", "oprd", "ROOT") for t in between
    ):
        return False
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)


__all__ = [
    "adjective_controlled",
    "controlled",
    "cue_span",
    "effort_head",
    "leading_act",
    "unasserted",
    "went_on",
]
