"""Reports carried by a phrase or a noun rather than a verb: "according to X", a finding
"in" a named poll, "according to X" read off the commas when the parse loses it, nouns of
statement ("the claim that ...", "in a statement, X ..."), and stances received ("has drawn
criticism from X").

The noun-phrase reader of the verb pass is handed in as ``np``.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_cue import cue_span
from .attribution_objects import (
    brings_object,
)
from .attribution_spans import (
    SUBJECTS,
    Candidate,
    NounPhrase,
    in_sentence,
    lemma_of,
    overlap,
    that_clauses,
    token_span,
    trimmed,
)


def according_to(text: str, tok: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    to = tok.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.children if c.dep_ == "pobj"
    ]
    if not objs or lemma_of(objs[0]) in cues.NOT_SOURCES:
        return None
    return source_phrase(
        text, tok, to, objs[0], sent, "according", np=np, subject=_apposed_subject(tok, to)
    )


def _apposed_subject(tok: Token, to: Token) -> Token | None:
    """ "According to a study by Lee, the recession was to blame": when the clause after the
    frame has no subject, the parser may take it for an apposition closing the source; an
    apposition that runs on into the clause, with no comma to close it, is its subject."""
    host = tok.head
    if host.i <= tok.i or host.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in SUBJECTS or c.dep_ == "expl" for c in host.children):
        return None
    phrase = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree)
    last = max(phrase)
    doc = tok.doc
    for t in doc[to.i + 1 : last + 1]:
        if (
            t.dep_ == "appos"
            and t.right_edge.i == last
            and doc[t.left_edge.i - 1].text == ","
            and last + 1 < len(doc)
            and not doc[last + 1].is_punct
        ):
            return t
    return None


def in_record(text: str, tok: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    """ "Clinton leads in the latest NBC poll", "In a CNN survey, 38 percent said ...": the
    poll or survey a finding is reported in is its source, "in" the cue."""
    objs = [c for c in tok.children if c.dep_ == "pobj"]
    if tok.dep_ != "prep" or not objs or lemma_of(objs[0]) not in cues.RECORD_NOUNS:
        return None
    obj = objs[0]
    if obj.tag_ == "NNS" and not any(c.dep_ in ("compound", "nmod") for c in obj.children):
        return None  # "is behind in the polls": polling in general, no poll
    host = None
    if tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and tok.head.dep_ == "ROOT":
        if tok.i != sent.start:
            return None
        # "In a new poll, most voters favor X" with the verb read as a noun
    elif tok.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        # "X holds a lead in the latest poll": the finding is the clause the object is in
        if (
            obj.tag_ == "NNS"
            or tok.head.dep_ != "dobj"
            or tok.head.head.pos_ not in ("VERB", "AUX")
        ):
            return None  # "the lead in the poll": no finding of its own
        host = tok.head.head
        if host.dep_ in _EMBEDDED:
            return None
    elif tok.head.dep_ in _EMBEDDED:
        return None  # "who leads in the poll": no finding of its own
    return source_phrase(text, tok, tok, obj, sent, "in", host, np=np)


def poll_placing(text: str, verb: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    """ "The poll has Clinton leading by six points", "A survey puts his support at 40
    percent", "The poll gave Lee a narrow lead": a poll's verb of placing a candidate
    reports what the poll found, the candidate and where it puts them. "The poll has a
    margin of error" places no one."""
    lemma = lemma_of(verb)
    if lemma not in _PLACING or verb.dep_ in _EMBEDDED:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subj or lemma_of(subj[0]) not in cues.POLL_NOUNS:
        return None
    after = [c for c in verb.children if c.i > verb.i]
    deps = [c.dep_ for c in after]
    if lemma == "give":
        # "gave Lee a narrow lead" ("gave voters a chance" places no one)
        placed = "dative" in deps and any(
            c.dep_ == "dobj" and (lemma_of(c) in _STANDINGS or _counted(c)) for c in after
        )
    else:
        # "has him at 4 percent", "puts her approval at 49 percent", "has Clinton leading"
        placed = (
            "dobj" in deps
            and any(c.dep_ == "prep" and c.lower_ == "at" and _counted(c) for c in after)
        ) or (lemma == "have" and any(_standing(verb, c) for c in after))
    if not placed:
        return None
    toks = [t for c in after if c.dep_ not in ("punct", "cc", "advcl") for t in c.subtree]
    if len(toks) < 2:
        return None
    return in_sentence(token_span(text, toks), cue_span(verb), np(text, subj[0]), lemma, sent)


#: Verbs by which a poll places a candidate: "has X leading", "puts X at", "gives X a lead".
_PLACING = frozenset({"have", "put", "give"})
#: What a poll gives a candidate: "a narrow lead", "a 10-point edge".
_STANDINGS = frozenset({"lead", "edge", "advantage", "margin", "point", "support", "majority"})


def _standing(verb: Token, tok: Token) -> bool:
    """Whether ``tok``, after "has", is a candidate's standing: "has Lee leading", parsed as
    a clause with its subject right after the verb or as an object with a participle."""
    if tok.dep_ in ("ccomp", "xcomp") and tok.tag_ == "VBG":
        return any(g.dep_ == "nsubj" and g.left_edge.i == verb.i + 1 for g in tok.children)
    return tok.dep_ == "dobj" and any(
        g.dep_ == "acl" and g.tag_ == "VBG" and g.i == tok.i + 1 and lemma_of(g) in _STANDING_VERBS
        for g in tok.children
    )


#: What a candidate does in a poll: "has Lee leading", "has her trailing".
_STANDING_VERBS = frozenset("lead trail win beat pull gain lose top edge run".split())


def _counted(tok: Token) -> bool:
    """Whether a number or a share is part of ``tok``'s phrase ("at 4 percent", "a 5-point
    edge")."""
    return any(t.like_num or t.lower_ in ("%", "percent") for t in tok.subtree)


#: Clauses inside a noun phrase or a phrase: a poll they mention is not their source.
_EMBEDDED = frozenset({"relcl", "acl", "pcomp", "amod"})


def source_phrase(
    text: str,
    tok: Token,
    to: Token,
    obj: Token,
    sent: SpacySpan,
    lemma: str,
    clause: Token | None = None,
    *,
    np: NounPhrase,
    subject: Token | None = None,
) -> Candidate | None:
    """The attribution of a prepositional frame ("according to X", "in X's poll") from
    ``tok`` to ``to`` with source ``obj``: the clause it hangs on (``clause`` when the
    phrase hangs on a word inside it), without the phrase. ``subject`` is the clause's
    subject when the parser hung it on the source (see :func:`_apposed_subject`)."""
    doc = tok.doc
    src, core = np(text, obj)
    pp = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    if subject is not None:
        pp -= set(t.i for t in subject.subtree)
        cut = doc[subject.left_edge.i - 1].idx  # the comma before it
        src = trimmed(text, src[0], min(src[1], cut))
        core = trimmed(text, core[0], min(core[1], cut))
    host = clause or (tok.head if tok.head.i != tok.i else None)
    while host is not None and host.dep_ == "conj":
        host = host.head
    pool = list(host.subtree) if host is not None and host.i not in pp else list(sent)
    # "In a poll last month, X led": a date the source reader joined to the poll is not
    # part of the finding
    toks = [t for t in pool if t.i not in pp and not src[0] <= t.idx < src[1]]
    subj = [c for c in clause.children if c.dep_ in SUBJECTS] if clause is not None else []
    if subj:
        # "Last week, X had 41 percent in a poll": the finding starts at its subject
        toks = [t for t in toks if subj[0].left_edge.i <= t.i < tok.i]
    if not toks:
        return None
    before = [t for t in toks if t.i < tok.i]
    after = [t for t in toks if t.i > max(pp)]
    run = before if len(before) >= len(after) else after
    if len(run) < 2:
        return None
    content = token_span(text, run)
    inside = (
        len(before) >= 3
        and len(after) >= 3
        and _set_off(text, tok, doc[max(pp)])
        # "The plan, according to X, is ..." and "Over time, according to X, the plan
        # ..." open the statement before the frame; "In addition, according to X, ..."
        # opens with the reporter's link
        and (
            host is None
            or host.i < tok.i
            or any(t.dep_ in SUBJECTS for t in before)
            or not _CONNECTIVE.match(text, before[0].idx)
        )
    )
    if inside:
        # "A, according to X, and B": the source sits inside the statement; a "But" before
        # it is the reporter's
        while len(before) > 1 and before[0].dep_ == "cc" and before[0].i == sent.start:
            before = before[1:]
        content = (
            token_span(text, before)[0],
            token_span(text, after)[1],
        )
    elif run is before and len(after) >= 3 and not any(t.dep_ in SUBJECTS for t in before):
        run = after  # "In addition, according to X, nine million more workers ..."
        content = token_span(text, run)
    cue = (tok.idx, to.idx + len(to))
    if (
        lemma == "according"
        and run is before
        and not inside
        and len(before) >= 2
        and host is not None
        and before[-1].i == host.i == tok.i - 1
        and host.lower_ in _COPULAS
    ):
        # "That's according to the report": the copula joins the frame, and what the report
        # says is its subject
        cue = (host.idx, cue[1])
        content = token_span(text, before[:-1])
    if content[1] <= content[0] or (overlap(content, src) and not inside):
        return None
    return Candidate(
        content,
        cue,
        src,
        core,
        lemma,
        according_to=True,
        frame=(sent.start_char, sent.end_char),
    )


#: Forms of "be" that join an "according to" frame to its subject: "That's according to X".
_COPULAS = frozenset({"is", "was", "'s", "’s"})

#: A sentence's opening link to what came before, the reporter's ("In addition, according
#: to X, ...").
_CONNECTIVE = re.compile(
    r"(?:And|But|Yet|So|However|In addition|Also|Moreover|Furthermore|Meanwhile|Still|Instead)"
    r"\s*,"
)


def according_to_by_commas(
    text: str, tok: Token, sent: SpacySpan, np: NounPhrase
) -> Candidate | None:
    """ "According to X, C." and "C, according to X." read off the punctuation, for when the
    parser lost the phrase ("according to show insiders" parsed as a verb "show").

    The source runs from "to" to the next comma or the sentence end; the content is the
    sentence before "according" or, when nothing precedes it, the sentence after the source.
    """
    doc = tok.doc
    to = doc[tok.i + 1]
    end = to.i + 1
    while end < sent.end and not (doc[end].is_punct and doc[end].text not in ("-", "'", "&")):
        end += 1
    if end == to.i + 1 or end - to.i > 20:
        return None
    src = trimmed(text, doc[to.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
    if any(lemma_of(t) in cues.NOT_SOURCES for t in doc[to.i + 1 : end]):
        return None
    before = [t for t in sent if t.i < tok.i and not t.is_punct]
    if len(before) >= 3:
        content = trimmed(text, sent[0].idx, tok.idx)
    elif not before and end < sent.end and doc[end].text == ",":
        last = sent[-1]
        content = trimmed(text, doc[end].idx + 1, last.idx + len(last))
    else:
        return None
    if content[1] - content[0] < 3:
        return None
    return Candidate(
        content,
        (tok.idx, to.idx + len(to)),
        src,
        src,
        "according",
        according_to=True,
        frame=(sent.start_char, sent.end_char),
    )


def _set_off(text: str, first: Token, last: Token) -> bool:
    """Whether the phrase from ``first`` to ``last`` stands between commas."""
    before = text[max(0, first.idx - 4) : first.idx].rstrip()
    after = text[last.idx + len(last) : last.idx + len(last) + 4].lstrip()
    return before.endswith(",") and after.startswith(",")


def from_noun(text: str, noun: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    clauses = that_clauses(noun)
    if not clauses or _reported_object(noun):
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if not owner:
        by = [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in ("by", "from")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        owner = by
    toks = [
        t
        for t in clauses[0].subtree
        if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clauses[0].i)
    ]
    if not toks:
        return None
    content = token_span(text, toks)
    if not owner and (
        # "amid reports that ...", "speculation that ...": a claim nobody is named for; "the
        # claim that ..." is one made, and named, elsewhere
        lemma_of(noun) not in cues.UNSOURCED_NOUNS or any(c.dep_ == "det" for c in noun.children)
    ):
        return None
    source = np(text, owner[0]) if owner else None
    return in_sentence(content, (noun.idx, noun.idx + len(noun)), source, lemma_of(noun), sent)


def _reported_object(noun: Token) -> bool:
    """Whether ``noun`` is what a reporting verb is about ("pointed to reports that ...",
    "apologized for the suggestion that ..."): the claim is the verb's content, not a report
    of its own."""
    prep = noun.head
    verb = prep.head
    return (
        noun.dep_ == "pobj"
        and prep.dep_ == "prep"
        and verb.pos_ == "VERB"
        and lemma_of(verb) in cues.SPEECH_VERBS | cues.STANCE_VERBS
        and brings_object(verb, prep)
    )


def stated_is(text: str, noun: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    """ "Her argument was that the plan would fail", "The senator's answer is that ...": a
    statement noun owned by its speaker, the subject of "be" with a "that" clause.

    The owner is the source; the noun with its modifiers, and the verb group when it follows
    right after ("most surprising claim was"), the cue; the clause, "that" and all, the
    content.
    """
    link = noun.head
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if noun.dep_ != "nsubj" or lemma_of(link) != "be" or link.i < noun.i or not owner:
        return None
    if link.dep_ == "ccomp":
        return None  # "suggests that the town's best argument is that ...": what was suggested
    clause = next(
        (
            c
            for c in link.children
            if c.dep_ in ("ccomp", "attr")
            and c.i > link.i
            and c.left_edge.lower_ == "that"
            and c.left_edge.dep_ == "mark"
            and c.left_edge.i == link.i + 1
        ),
        None,
    )
    if clause is None:
        return None
    start = owner[0].right_edge.i + 1
    doc = noun.doc
    if doc[start].dep_ == "case":
        start += 1  # "the senator's answer": the "'s" is the owner's
    group = cue_span(link)
    adjacent = all(t.dep_ in ("aux", "neg", "advmod") for t in doc[noun.i + 1 : link.i])
    cue = (doc[start].idx, group[1] if adjacent else noun.idx + len(noun))
    content = token_span(text, list(clause.subtree))
    return in_sentence(content, cue, np(text, owner[0]), lemma_of(noun), sent)


def partisan(text: str, noun: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    """ "The senator is a vocal supporter of the bill", "She has long been a critic of the
    plan": the subject of a linking verb whose complement is a noun of taking sides takes
    that side; the verb group up to "of" is the cue, the object of "of" the content.

    Only a stated stance counts, not a hoped or a hypothetical one ("wants to be a champion
    of", "would be a supporter of", "being a critic of").
    """
    link = noun.head
    if (
        noun.dep_ != "attr"
        or lemma_of(link) not in _LINKING
        or link.tag_ == "VBG"
        or any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in link.children)
    ):
        return None
    of = next(
        (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == noun.i + 1),
        None,
    )
    subj = [c for c in link.children if c.dep_ == "nsubj" and c.i < link.i]
    if of is None or not subj or subj[0].lower_ in cues.DUMMY_SUBJECTS:
        return None
    toks = list(of.subtree)[1:]
    if not toks:
        return None
    cue = (cue_span(link)[0], of.idx + len(of))
    return in_sentence(token_span(text, toks), cue, np(text, subj[0]), lemma_of(noun), sent)


#: Linking verbs of a side taken: "is a critic of", "remains a supporter of".
_LINKING = frozenset({"be", "remain", "become"})


def received_stance(text: str, noun: Token, sent: SpacySpan, np: NounPhrase) -> Candidate | None:
    """ "The plan has drawn criticism from the mayors", "Lee won the endorsement of the
    union": those who take the stance follow the noun, what they take it on is the subject.

    The verb must report a stance received, not sought ("to win the support of", "could
    get support from"), and a share ("48 percent support among") is a poll figure; a noun
    with an adjective ("stern opposition") is left alone, news marks its cue too unevenly.
    """
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or lemma_of(verb) not in cues.RECEIVING_VERBS:
        return None
    if any(
        c.dep_ == "aux" and (c.lower_ == "to" or (c.tag_ == "MD" and c.lower_ not in _FUTURE))
        for c in verb.children
    ):
        return None
    if any(c.dep_ == "amod" for c in noun.children) or any(
        t.like_num or t.lower_ in ("%", "percent") for t in noun.subtree if t.i < noun.i
    ):
        return None
    preps = [
        c
        for c in noun.children
        if c.dep_ == "prep" and c.i > noun.i and c.lower_ in ("from", "of", "among")
    ]
    # "drew criticism from": the parser may hang "from" on the verb
    preps += [
        c
        for c in verb.children
        if c.dep_ == "prep" and c.i > noun.i and c.lower_ in ("from", "among")
    ]
    objs = [g for g in preps[0].children if g.dep_ == "pobj"] if preps else []
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objs or not subj or subj[0].lower_ in cues.DUMMY_SUBJECTS:
        return None
    prep = preps[0]
    end = noun.idx + len(noun)
    if lemma_of(verb) == "have" and prep.lower_ == "of" and prep.i == noun.i + 1:
        end = prep.idx + len(prep)  # "has the backing of"
    content = token_span(text, list(subj[0].subtree))
    cue = (cue_span(verb)[0], end)
    return in_sentence(content, cue, np(text, objs[0]), lemma_of(noun), sent)


_FUTURE = frozenset({"will", "would", "'ll", "’ll"})


__all__ = [
    "according_to",
    "according_to_by_commas",
    "from_noun",
    "in_record",
    "partisan",
    "poll_placing",
    "received_stance",
    "source_phrase",
    "stated_is",
]
