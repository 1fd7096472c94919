"""The object of a reporting verb, and the preposition that takes it.

"X criticized the budget" reports the object, without the occasion ("during the debate") or
the reporter's aside; "X called for a ban" the prepositional object; "asked the utility to
cut its rates" the request; "X showed that ..." a record's finding; "X said yes" a short
answer; "as reported by X" a source after the fact. ``attribution_content`` dispatches to
these finders from ``verb_content``. Pure functions of the parse; spans are characters of
the canonical text.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import cues
from .attribution_spans import (
    SUBJECTS,
    has_mark,
    lemma_of,
    that_clauses,
    token_span,
    trimmed,
    without_dangling,
)
from .roles import PERSON_HEADS

_MEDIA_NOUNS = frozenset(
    "statement post video image photo message letter tweet comment remark speech interview "
    "report".split()
)
_FRAME_NOUNS = frozenset(
    """
    condition anonymity behalf record background phone telephone camera air television radio
    stage tape oath basis terms video call line podium floor panel
    """.split()
)
_OBJECT_PREPOSITIONS = frozenset({"about", "for", "of", "on", "upon", "against", "over"})
#: Verbs whose object follows "to" (those of cues.REPORTING_PREPOSITIONS that take it) or
#: "at": "pointed to the polls", "referred to the ruling", "lashed out at the press".
_TO_VERBS = frozenset(v for v, preps in cues.REPORTING_PREPOSITIONS.items() if "to" in preps)
_AT_VERBS = frozenset({"lash", "snipe", "jab", "swipe", "balk", "bristle", "marvel", "scoff"})


def with_preposition(
    text: str, verb: Token, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """ "called for", "pointed to": a preposition between the verb and its content joins the cue."""
    doc = verb.doc
    nxt = verb.i + 1
    while nxt < len(doc) and doc[nxt].idx < cue[1]:
        nxt += 1  # past a particle of the cue ("pushed back on")
    if nxt < len(doc) and doc[nxt].head.i == verb.i and (last := stance_phrase(doc[nxt])):
        end = last.idx + len(last)
        if end <= content[0] and not text[end : content[0]].strip():
            return cue[0], end  # "voted in favor of"
    if (
        nxt < len(doc)
        and (
            (doc[nxt].dep_ == "prep" and doc[nxt].head.i == verb.i)
            or _for_clause(verb, doc[nxt].head)
        )
        and (
            doc[nxt].idx + len(doc[nxt]) <= content[0]
            and not text[doc[nxt].idx + len(doc[nxt]) : content[0]].strip()
        )
    ):
        return cue[0], doc[nxt].idx + len(doc[nxt])
    return _in_a_statement(verb, cue, nxt)


def _in_a_statement(verb: Token, cue: tuple[int, int], nxt: int) -> tuple[int, int]:
    """ "said in a statement", "stated in a press release": a statement (a release) is the
    act of saying itself, not its occasion (an interview, a rally), so the phrase right after
    the verb (its first token ``nxt``, past the cue) joins the cue."""
    doc = verb.doc
    if nxt >= len(doc) or doc[nxt].lower_ != "in" or doc[nxt].head.i != verb.i:
        return cue
    obj = next((c for c in doc[nxt].children if c.dep_ == "pobj"), None)
    if obj is None or lemma_of(obj) not in ("statement", "release") or obj.i > nxt + 6:
        return cue
    if lemma_of(verb) not in cues.SPEECH_VERBS:
        return cue
    return cue[0], obj.idx + len(obj)


def as_reported_by(verb: Token) -> Token | None:
    """The agent of "As reported by X, C": the source of a passive "as" frame, or None."""
    if verb.dep_ != "advcl" or not has_mark(verb, "as"):
        return None
    return next(
        (g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"),
        None,
    )


def as_reported(text: str, verb: Token) -> tuple[int, int] | None:
    """ "As the paper noted, C", "C, as Reuters reported", "as one aide put it, C": the
    clause the "as" frame is attached to is what was noted. When the frame interrupts it
    ("A, as X noted, B"), the content runs from A to B, the frame inside."""
    main = verb.head
    if main.dep_ in SUBJECTS:
        main = main.head  # "The fee, as X explained, pays ...": the parser hangs it on "fee"
    put_it = lemma_of(verb) == "put" and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children
    )
    if (
        verb.dep_ != "advcl"
        or main.pos_ not in ("VERB", "AUX")
        or (lemma_of(verb) not in cues.SPEECH_VERBS and not put_it)
    ):
        return None
    mark = verb.doc[verb.left_edge.i]
    if mark.lower_ != "as" or mark.dep_ != "mark" or mark.head.i != verb.i:
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or (
        not put_it
        and any(
            c.dep_ == "dobj" and (lemma_of(verb) not in cues.ADDRESSEE_VERBS or c.pos_ == "PRON")
            for c in verb.children
        )
    ):
        return None  # "as he said it": not the frame of a report ("as he told the paper" is)
    subjects = {
        c.lower_ for x in (verb, main) for c in x.children if c.dep_ in (*SUBJECTS, "agent", "expl")
    }
    if len(subjects) < 2:
        return None  # "he smiled as he explained": one actor, a time, not a source
    frame = range(verb.left_edge.i, verb.right_edge.i + 1)
    clause = [t for t in main.subtree if t.i not in frame and not t.is_space]
    after = [t for t in clause if t.i > frame[-1] and not t.is_punct]
    before = [t for t in clause if t.i < frame[0] and not t.is_punct]
    if before and all(t.dep_ == "cc" for t in before):
        before = []  # "Or, as one aide put it: C": the conjunction is the writer's link
    if not after and not before:
        return None
    # "A, as X noted, B" runs from A to B, the frame inside (as "“A,” she said, “B.”")
    first = (before or after)[0]
    last = (after or before)[-1]
    span = trimmed(text, first.idx, last.idx + len(last))
    if text[span[1] - 1] == ".":
        span = (span[0], span[1] - 1)
    return span if span[1] > span[0] else None


def evidence_subject(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < verb.i:
        # "polls showing her behind": the participle's record is the noun it describes
        return lemma_of(verb.head) in cues.EVIDENCE_NOUNS
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subj) and (
        subj[0].lower_ in cues.EVIDENCE_NOUNS or lemma_of(subj[0]) in cues.EVIDENCE_NOUNS
    )


def shown(text: str, verb: Token) -> tuple[int, int] | None:
    """What a record shows: its object and what is said of it ("Clinton with a lead",
    "Mr. Trump losing supporters", "little evidence that he paid"), up to the sentence's end
    or the next clause of its own."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objs:
        return None
    toks = [
        t
        for c in verb.children
        if c.i >= objs[0].i and c.dep_ not in ("punct", "cc", "conj", "advcl")
        for t in c.subtree
    ]
    if len(toks) < 2:
        return None
    span = token_span(text, toks)
    return span if span[1] > span[0] else None


def made_clear(verb: Token) -> Token | None:
    """The "clear" of "made (it) clear", or None."""
    for c in verb.children:
        if c.lower_ == "clear" and c.i > verb.i and c.i - verb.i <= 2:
            return c
    return None


#: Subjects that see with their own eyes ("I see a lot of them", "you see it"), not ahead.
_EYEWITNESSES = frozenset({"i", "you", "we", "one"})


def _sees_ahead(verb: Token, obj: Token) -> bool:
    """Whether "sees" is a judgment or forecast ("Investors see a rate rise", "Union leaders
    also see a unifier"): the main verb in the present, a subject other than the speaker
    or the listener, and a noun for object."""
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    return (
        lemma_of(verb) == "see"
        and verb.dep_ in ("ROOT", "conj")
        and verb.tag_ in ("VBZ", "VBP")
        and len(subj) == 1
        and subj[0].lower_ not in _EYEWITNESSES
        and obj.pos_ in ("NOUN", "PROPN")
    )


def construction_content(text: str, verb: Token) -> tuple[int, int] | None:
    """The content of "made (it) clear that C" (C) and of "sees X as Y" ("X as Y")."""
    if lemma_of(verb) == "make":
        clear = made_clear(verb)
        if clear is None:
            return None
        # "made it clear that C", and "made clear C" without the "that", which the parser
        # makes a clause of the verb or of "clear"
        clauses = [
            c
            for c in list(verb.children) + list(clear.children)
            if c.i > clear.i
            and (
                has_mark(c, "that")
                or (
                    c.dep_ in ("ccomp", "advcl")
                    and c.left_edge.i == clear.i + 1
                    and any(x.dep_ in SUBJECTS for x in c.children)
                )
            )
        ]
        if not clauses:
            return None
        toks = [t for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head == clauses[0])]
    elif lemma_of(verb) in cues.NOUN_FRAMES or lemma_of(verb) == "put":
        return None  # "as she put it, ...", "took issue with": no "X as Y" for these
    else:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        preps = [p for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "as"]
        preps += [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"]
        if objs and not preps and _sees_ahead(verb, objs[0]):
            # "Analysts see a recession next year": what a third party foresees
            after = [
                c
                for c in verb.children
                if c.i > verb.i
                and c.dep_ not in ("punct", "cc", "conj")
                and (c.i <= objs[0].i or verb.doc[c.left_edge.i - 1].text != ",")
            ]
            first = min((c.left_edge for c in after), key=lambda t: t.i)
            last = max((c.right_edge for c in after), key=lambda t: t.i)
            return token_span(text, [first, last])
        if not objs or not preps:
            return None
        toks = [t for t in verb.doc[objs[0].left_edge.i : preps[0].right_edge.i + 1]]
    if not toks:
        return None
    span = token_span(text, toks)
    return span if span[1] > span[0] else None


def short_answer(text: str, verb: Token) -> tuple[int, int] | None:
    """The one-word answer of "said yes", "answered no", "said so", "said the same": what
    was said, in a word that stands for a whole statement."""
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return None
    nxt = doc[verb.i + 1]
    if nxt.head.i == verb.i and nxt.lower_ in ("yes", "no", "so"):
        return nxt.idx, nxt.idx + len(nxt)
    if nxt.lower_ == "the" and verb.i + 2 < len(doc) and doc[verb.i + 2].lower_ == "same":
        same = doc[verb.i + 2]
        if same.head.i == verb.i and (verb.i + 3 >= len(doc) or doc[verb.i + 3].is_punct):
            return nxt.idx, same.idx + len(same)
    return None


def question_asked(text: str, verb: Token) -> tuple[int, int] | None:
    """What was asked, past its addressee: "asked him a simple question: ...", "asked the
    senator that question", "asked to testify" (a request with no one named to act),
    "asked the candidate about the tweet"."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    question = next((o for o in objs if lemma_of(o) == "question"), None)
    if question is not None:
        # "asked a question" says nothing of what was asked
        toks = list(question.subtree)
        return token_span(text, toks) if len(toks) >= 3 else None
    if not objs:
        asked = next(
            (
                x
                for x in verb.children
                if x.dep_ == "xcomp"
                and x.i > verb.i
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)
            ),
            None,
        )
        if asked is None:
            return None
        toks = list(asked.subtree)
        return token_span(text, toks) if len(toks) >= 3 else None
    about = next((p for p in objs[0].children if p.dep_ == "prep" and p.lower_ == "about"), None)
    if about is None or about.right_edge.i != objs[0].right_edge.i:
        return None  # "about" must close the object
    # what it was about, as when "about" hangs on the verb ("asked about the tweet")
    toks = list(about.subtree)[1:]
    return token_span(text, toks) if toks else None


def request_content(text: str, verb: Token) -> tuple[int, int] | None:
    """What was asked: "asked the board to resign" (who is to act, and what)."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objs:
        return None
    obj = objs[0]
    # "told his supporters at a rally to vote": a phrase of the verb may stand between
    between = {t.i for p in verb.children if p.dep_ == "prep" and p.i > obj.i for t in p.subtree}
    for x in verb.children:
        if x.dep_ not in ("xcomp", "ccomp", "advcl"):
            continue
        gap = range(obj.right_edge.i + 1, x.left_edge.i)
        if not all(i in between for i in gap) or x.left_edge.i <= obj.right_edge.i:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            continue
        if x.left_edge.tag_ in ("WRB", "WP", "WDT"):
            continue  # "told them how to vote": an instruction in a question, no request
        span = trimmed(text, obj.left_edge.idx, x.right_edge.idx + len(x.right_edge))
        return span if span[1] > span[0] else None
    return None


def object_content(
    text: str, verb: Token, *, only: frozenset[str] | None = None
) -> tuple[int, int] | None:
    """The object of a stance verb: "called for a ban", "wants to win", "criticized the deal",
    "is calling for his rivals to drop out"; with ``only``, just the object of one of those
    prepositions.

    A preposition that introduces the object ("talked about", "warned of") is the cue's.
    """
    named = (name_given(verb) or _object_in_complement(verb)) if only is None else []
    if named:
        return token_span(text, named)
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("dobj", "xcomp", "prep", "advcl"):
            continue
        if only is not None and (c.dep_ != "prep" or c.lower_ not in only):
            continue
        if c.dep_ == "advcl":
            # "calling for his rivals to drop out": the parser makes "for" a clause's mark
            if _for_clause(verb, c):
                toks = [t for t in c.subtree if t.i > verb.i + 1]
                if len(toks) >= 2:
                    span = token_span(text, toks)
                    return span
            continue
        if c.dep_ != "prep" and lemma_of(verb) in cues.PREPOSITIONAL_STANCE:
            continue
        if only is None and (inner := stance_phrase(c)) is not None:
            # "voted in favor of the bill": the phrase is a preposition of its own
            toks = list(inner.subtree)[1:]
            span = token_span(text, toks) if toks else (0, 0)
            if span[1] > span[0]:
                return span
            continue
        if (
            only is None
            and c.dep_ == "prep"
            and c.lower_ not in _OBJECT_PREPOSITIONS
            and not (c.lower_ == "to" and lemma_of(verb) in _TO_VERBS)
            and not (c.lower_ == "at" and lemma_of(verb) in _AT_VERBS)
        ):
            continue
        toks = list(c.subtree)
        if c.dep_ == "prep":
            toks = toks[1:]
            if not toks or _is_time_phrase(toks) or _is_frame(c):
                continue
            # "called on the board to resign": who is called on, and to do what; "pointed
            # to the case as proof": what it is pointed to as; "pointed to the times the
            # board met": the rest of the object, which the parser makes a clause
            pointed = c == pointed_to(verb)
            toks += [
                t
                for x in verb.children
                if (
                    x.dep_ == "xcomp"
                    or _as_complement(x)
                    or (pointed and x.dep_ == "ccomp")
                    or _infinitive_of_object(x, _pobj(c), verb)
                )
                and x.left_edge.i == c.right_edge.i + 1
                for t in x.subtree
            ]
        elif c.dep_ == "xcomp":
            # "has pledged to sell the team if she wins": the condition of what was pledged
            toks += [
                t
                for x in verb.children
                if x.dep_ == "advcl"
                and has_mark(x, *REASONS)
                and x.left_edge.i == c.right_edge.i + 1
                for t in x.subtree
            ]
        elif c.dep_ == "dobj":
            # "called climate change a hoax", "touted his endorsements from 88 generals"
            for sib in verb.children:
                gap = list(verb.doc[toks[-1].i + 1 : sib.left_edge.i]) if sib.i > toks[-1].i else []
                # "described the country as beset by ...": the parser makes the
                # complement a clause of the verb
                if (
                    sib.dep_ in ("oprd", "prep", "xcomp", "acomp")
                    or _as_complement(sib)
                    or _rest_of_object(sib)
                    or _infinitive_of_object(sib, c, verb)
                    or _adverb_of_object(sib)
                ) and (
                    sib.left_edge.i == toks[-1].i + 1
                    # "called it “a disgrace”": the parser hangs the opening mark on the verb
                    or (len(gap) == 1 and gap[0].tag_ in ("``", "''"))
                    # "called the report Friday a lie": the day of the saying in between
                    or (sib.dep_ == "oprd" and _only_a_time(gap))
                ):
                    toks = toks + list(gap) + list(sib.subtree)
        if len(toks) < 2 and c.dep_ != "dobj" and not (_bare_object(verb, c) and _named(toks)):
            continue
        if c.dep_ == "dobj" and lemma_of(c) in _MEDIA_NOUNS and len(toks) <= 3:
            continue  # "shared a statement": the medium, not what it said
        toks = without_dangling(_without_occasion(_without_aside(toks), {verb.i, c.i}))
        span = token_span(text, toks)
        if span[1] > span[0]:
            return span
    return None


def _only_a_time(gap: list[Token]) -> bool:
    """Whether ``gap`` is a date or time ("Friday", "on Sunday"), with an opening mark."""
    words = [t for t in gap if t.tag_ not in ("``", "''")]
    if words and words[0].lower_ == "on" and len(words) > 1:
        words = words[1:]
    return bool(words) and all(t.ent_type_ in ("DATE", "TIME") for t in words)


def particle_report(verb: Token) -> bool:
    """Whether ``verb`` reports with its particle ("laid out", "weighed in", "came out"), as
    an act done, not one to come: "will lay out" and "declined to weigh in" are no report
    (an infinitive's governing verb reports it if anything does)."""
    lemma = lemma_of(verb)
    if lemma not in cues.PARTICLE_REPORTS or verb.dep_ == "pcomp":
        return False
    particle = cues.PARTICLE_REPORTS[lemma][0]
    children = list(verb.children)
    return any(
        c.dep_ == "prt" and c.lower_ == particle and c.i == verb.i + 1 for c in children
    ) and not any(c.dep_ == "aux" and (c.lower_ == "to" or c.tag_ == "MD") for c in children)


def particle_object(text: str, verb: Token) -> tuple[int, int] | None:
    """What a particle report is about: its object ("laid out a plan") or the object of its
    preposition ("weighed in on the deal", "came out in favor of the bill")."""
    brings = cues.PARTICLE_REPORTS[lemma_of(verb)][1]
    if "dobj" in brings:
        if not any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
            return None
        return object_content(text, verb)
    if any(stance_phrase(c) for c in verb.children if c.i > verb.i):
        return object_content(text, verb)  # "came out in support of the strike"
    return object_content(text, verb, only=brings)


def pointed_to(verb: Token) -> Token | None:
    """The "to" right after a verb of pointing or referring ("pointed to", "referring to"),
    which brings its object; or None."""
    doc = verb.doc
    if lemma_of(verb) not in _TO_VERBS or verb.i + 1 >= len(doc):
        return None
    to = doc[verb.i + 1]
    return to if to.lower_ == "to" and to.dep_ == "prep" and to.head.i == verb.i else None


def _bare_object(verb: Token, prep: Token) -> bool:
    """Whether ``prep``, right after the verb, brings the object of a verb that reports only
    through one ("pointed to", "talked about"): then a single word is what it is about."""
    lemma = lemma_of(verb)
    return prep == pointed_to(verb) or (
        lemma in cues.PREPOSITIONAL_STANCE and lemma not in _CHOOSING_VERBS and prep.i == verb.i + 1
    )


#: Verbs of taking a side whose bare object is a choice made, seldom a report ("will vote for
#: Lee", "campaigned for Lee").
_CHOOSING_VERBS = frozenset({"vote", "campaign", "advocate"})


def _named(toks: list[Token]) -> bool:
    """Whether ``toks``, one word, names someone or something ("referring to Lee", "to
    herself"), not a bare pronoun of a thing ("referring to it")."""
    return (
        len(toks) == 1
        and toks[0].pos_ in ("PROPN", "PRON", "NOUN")
        and toks[0].lower_ not in ("it", "this", "that", "them", "these", "those", "which")
    )


def _rest_of_object(sib: Token) -> bool:
    """Whether ``sib``, a clause the parser hangs on the verb right after its object, goes
    on with the object: "believes the men detained could be dangerous" (the object is the
    subject of a clause), "recalled her father teaching her"."""
    if sib.left_edge.i == 0 or sib.doc[sib.left_edge.i - 1].is_punct:
        return False  # "..., meaning that ...": set off, the clause is the reporter's
    if sib.dep_ in ("ccomp", "dobj"):
        return True  # "called the streak 40 months of growth": a second object
    return sib.dep_ == "advcl" and sib.tag_ == "VBG" and sib.left_edge.i == sib.i


#: Nouns that take an infinitive of their own ("his call to raise the wage", "her efforts to
#: find a deal"), which the parser may hang on the verb instead.
_INFINITIVE_NOUNS = frozenset(
    """
    call calls effort efforts attempt attempts bid plan plans push drive move decision promise
    pledge vow refusal willingness unwillingness reluctance failure ability inability
    fitness propensity readiness determination commitment proposal proposals threat threats
    demand demands request requests need right chance opportunity desire wish intention
    """.split()
)
#: Verbs whose object is the one to act: "pushed the states to adopt the rules", "called
#: for the senator to resign".
_PUSHING_VERBS = frozenset("push call want intend expect need allow force require".split())
#: Objects of whom what follows is asked or expected: a person, a group, a place's people.
_ACTORS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _pobj(prep: Token) -> Token:
    """The object of ``prep``, or the preposition itself when it has none."""
    return next((g for g in prep.children if g.dep_ == "pobj"), prep)


def _infinitive_of_object(sib: Token, obj: Token, verb: Token) -> bool:
    """Whether ``sib`` is a bare infinitive the parser hangs on the verb right after its
    object ``obj``, and one the object takes: an infinitive noun's own ("defended his call
    to raise the wage") or what someone is to do ("pushed the senators to act"). A purpose of
    the subject's ("invoked the floods to rally his crowd") is not part of the object."""
    first = sib.left_edge
    if not (
        sib.dep_ == "advcl"
        and first.lower_ == "to"
        and first.dep_ == "aux"
        and first.head.i == sib.i
    ):
        return False
    return (
        lemma_of(verb) in cues.REQUEST_VERBS
        or lemma_of(verb) in _PUSHING_VERBS
        or lemma_of(obj) in _INFINITIVE_NOUNS
        or obj.lower_ in _INFINITIVE_NOUNS
        or obj.tag_ == "PRP"
        or obj.ent_type_ in _ACTORS
    )


#: Adverbs of direction that complete a verb and its object ("wants the money back").
_DIRECTIONS = frozenset("back forward forwards away ahead out off aside down up".split())
#: Adverbs in -ly that say when, not how: "endorsed him recently" ends with the object.
_TIME_ADVERBS = frozenset(
    """
    recently previously currently lately early initially finally eventually subsequently
    repeatedly frequently immediately quickly already only daily weekly monthly yearly
    """.split()
)


def _adverb_of_object(sib: Token) -> bool:
    """Whether ``sib``, an adverb on the verb right after its object, says how or whither
    the object is meant: "opposed him politically", "wants its money back", "warned them
    away from the race". One of time or place ("endorsed her recently", "praised it here")
    is the reporter's."""
    if sib.dep_ == "prt":
        return True
    return (
        sib.dep_ == "advmod"
        and sib.pos_ == "ADV"
        and (
            sib.lower_ in _DIRECTIONS
            or (sib.lower_.endswith("ly") and sib.lower_ not in _TIME_ADVERBS)
        )
    )


def stance_phrase(prep: Token) -> Token | None:
    """The last preposition of "in favor of", "in support of", "in opposition to" when
    ``prep`` is its "in": the phrase is one preposition of stance, what follows its object."""
    if prep.dep_ != "prep" or prep.lower_ != "in":
        return None
    for noun in prep.children:
        if noun.dep_ == "pobj" and lemma_of(noun) in cues.STANCE_PREPOSITIONS:
            if any(c.dep_ in ("det", "poss", "amod") for c in noun.children):
                return None  # "in his favor", "in strong support": no preposition
            return next(
                (
                    p
                    for p in noun.children
                    if p.dep_ == "prep"
                    and p.i == noun.i + 1
                    and p.lower_ in cues.STANCE_PREPOSITIONS[lemma_of(noun)]
                ),
                None,
            )
    return None


def _as_complement(tok: Token) -> bool:
    """Whether ``tok`` is what something is held or described as: "as the key obstacle"
    (a preposition), "as beset by ..." (a clause without a subject of its own); "as Trump
    gains ground" is a clause of time, no complement."""
    if tok.dep_ == "prep":
        return tok.lower_ == "as"
    return (
        tok.dep_ == "advcl"
        and has_mark(tok, "as")
        and not any(c.dep_ in SUBJECTS for c in tok.children)
    )


def _for_clause(verb: Token, clause: Token) -> bool:
    """Whether ``clause`` is "for X to V" right after ``verb``, parsed as a clause with the
    mark "for"."""
    doc = verb.doc
    return (
        verb.i + 1 < len(doc)
        and doc[verb.i + 1].lower_ == "for"
        and doc[verb.i + 1].dep_ == "mark"
        and doc[verb.i + 1].head.i == clause.i
    )


_WH_OBJECTS = frozenset({"what", "which", "who", "whom", "that"})


def name_given(verb: Token) -> list[Token]:
    """The naming clause of "what X called Y", "which X described as Y", "a bill that critics
    called anti-gay", from its first word to the end of the name: the clause says what X
    called the thing. A restrictive clause ("that", or none) is one phrase with the thing it
    names, so its antecedent opens the content; "what", "which" and "who" open it themselves.
    Empty unless ``verb`` is such a clause."""
    if lemma_of(verb) not in cues.NAMING_VERBS:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    wh = next((o for o in objects if o.i < verb.i and o.lower_ in _WH_OBJECTS), None)
    if wh is None and not (
        verb.dep_ == "relcl"
        and not objects
        # "tweets in which he called her “disgusting”": the relative is no object
        and not any(
            t.lower_ in _WH_OBJECTS for c in verb.children if c.dep_ == "prep" for t in c.subtree
        )
    ):
        return []
    if wh is not None and wh.lower_ != "that":
        first = wh
    elif verb.dep_ == "relcl":
        first = verb.head.left_edge
    else:
        return []
    names = [
        c
        for c in verb.children
        if c.i > verb.i
        and (c.dep_ in ("oprd", "xcomp", "acomp") or (c.dep_ == "prep" and c.lower_ == "as"))
    ]
    if not names:
        return []
    last = max(t.i for n in names for t in n.subtree)
    return list(verb.doc[first.i : last + 1])


def _object_in_complement(verb: Token) -> list[Token]:
    """ "called both candidates “crazy”", "called the mayor a “liar”": the object and the name
    a naming verb gives it, when the parser makes the object part of the name (a modifier of
    it, or a name of its own) and the verb has no direct object. A single name with nothing
    before it is whom the verb called ("called a donor"); empty unless ``verb`` is such a
    naming."""
    if lemma_of(verb) not in cues.NAMING_VERBS:
        return []
    kids = list(verb.children)
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in kids):
        return []
    names = [c for c in kids if c.dep_ == "oprd" and c.i > verb.i]
    if not names:
        return []
    first = names[0]
    # "called both the mayor and her rival “reckless”": the parser may leave a word between
    # the verb and the name unattached
    loose = {t.i for c in kids if c.dep_ == "dep" and c.i > verb.i for t in c.subtree}
    if any(i not in loose for i in range(verb.i + 1, first.left_edge.i)):
        return []
    if len(names) < 2 and not any(
        g.i < first.i
        and (
            (g.dep_ == "nmod" and g.pos_ in ("PROPN", "PRON", "NOUN"))
            # "called her “third-rate”": the pronoun made the name's possessive
            or (g.dep_ == "poss" and g.lower_ == "her" and g.i == verb.i + 1)
        )
        for g in first.children
    ):
        return []
    last = max(t.i for n in names for t in n.subtree)
    return list(verb.doc[verb.i + 1 : last + 1])


#: Nouns of the occasion or medium of a statement: "... in an email", "during the debate".
OCCASION_NOUNS = _MEDIA_NOUNS | frozenset(
    """
    tweets remarks website site diatribe email ruling forum debate debates rally conference
    hearing appearance show program broadcast op-ed column letter post posts twitter
    facebook instagram television radio time campaign event briefing address
    """.split()
)


def _without_occasion(toks: list[Token], heads: set[int]) -> list[Token]:
    """The object without a closing phrase of when or where it was said: "attacked the
    plan in an email", "praised her during the debate", "criticized him on Monday".

    Only a phrase on the verb or the object's head (token indices ``heads``) counts; one
    deeper inside ("talks it abandoned in 2009") is part of what was said."""
    for n, t in enumerate(toks):
        if n == 0 or t.dep_ != "prep" or t.head.i not in heads:
            continue
        # only phrases on the verb or the object's head may follow ("in an email to donors")
        if any(r.i > t.right_edge.i and not _on_heads(r, heads) for r in toks[n:]):
            continue
        objs = [g for g in t.children if g.dep_ == "pobj"]
        if not objs:
            continue
        occasion = t.lower_ in ("during", "since") or (
            t.lower_ in ("in", "on", "at", "via", "over")
            and (
                objs[0].lower_ in OCCASION_NOUNS
                or lemma_of(objs[0]) in OCCASION_NOUNS
                or objs[0].ent_type_ in ("DATE", "TIME")
            )
        )
        if occasion:
            return toks[:n]
    return toks


def _on_heads(tok: Token, heads: set[int]) -> bool:
    """Whether ``tok`` lies in a prepositional phrase hanging on one of ``heads``."""
    while tok.dep_ != "prep" or tok.head.i not in heads:
        if tok.head.i == tok.i or tok.i in heads:
            return False
        tok = tok.head
    return True


def _without_aside(toks: list[Token]) -> list[Token]:
    """The object without a closing relative clause set off by a comma: "praised the plan,
    which passed in May". The clause describes the object in the reporter's words; it is not
    part of what was praised. A clause with more of the object after it stays."""
    for n, t in enumerate(toks):
        if n == 0 or t.text != "," or n + 1 >= len(toks):
            continue
        nxt = toks[n + 1]
        clause = nxt if nxt.dep_ in _ASIDES else nxt.head
        if (
            clause.dep_ in _ASIDES
            and clause.left_edge.i == nxt.i
            and clause.head.i < t.i
            and clause.right_edge.i == toks[-1].i
        ):
            return toks[:n]
    return toks


_ASIDES = frozenset({"relcl", "acl"})


def _stance_object(verb: Token) -> Token | None:
    """The stance noun a light verb takes: "expressed *concern*", "voiced *doubts*", "made
    no *mention*"."""
    lemma = lemma_of(verb)
    nouns = cues.NOUN_FRAMES.get(lemma, cues.STANCE_NOUNS)
    if lemma == "show" and _someone_shows(verb):
        nouns = nouns | cues.SHOWN_NOUNS
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and lemma_of(c) in nouns:
            return c
    return None


def _someone_shows(verb: Token) -> bool:
    """Whether the subject of ``verb`` (or of the verb it is the infinitive of) is someone: a
    person's pronoun, a person, group or country by name, one of the roles people hold, or
    someone's ("his campaign"), as when "the senator showed no sign of backing down"; a
    thing's signs ("the old bridge shows signs of wear") are no stance."""
    holder = verb.head if verb.dep_ == "xcomp" else verb
    subj = next((c for c in holder.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    if subj.pos_ == "PRON":
        return subj.lower_ in ("he", "she", "they", "we", "i", "you")
    return (
        subj.ent_type_ in _ACTORS
        or lemma_of(subj) in PERSON_HEADS
        or any(c.dep_ == "poss" for c in subj.children)
    )


def stance_noun_content(text: str, verb: Token) -> tuple[int, int] | None:
    """What a stance noun is about: "expressed concern about *the plan*", "voiced doubts
    that *it would work*". None when the light verb has no such object."""
    noun = _stance_object(verb)
    if noun is None:
        return None
    if clauses := that_clauses(noun):
        toks = [t for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head == clauses[0])]
    else:
        allowed = (
            _STANCE_PREPS
            | cues.BACKING_NOUNS.get(lemma_of(noun), frozenset())
            | cues.IN_NOUNS.get(lemma_of(noun), frozenset())
        )
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in allowed]
        # "took issue with the plan": the parser may hang the preposition on the verb
        preps = preps or [
            p
            for p in verb.children
            # "lent her support to the strike": "to" may be parsed as a dative
            if p.dep_ in ("prep", "dative") and p.lower_ in allowed and p.i == noun.right_edge.i + 1
        ]
        if not preps:
            return None
        toks = list(preps[0].subtree)[1:]
    if not toks:
        return None
    span = token_span(text, toks)
    return span if span[1] > span[0] else None


_STANCE_PREPS = frozenset(
    "about over for of on into with against toward towards at behind regarding".split()
)


def with_stance_noun(
    text: str, verb: Token, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """ "expressed deep concern about": the stance noun and its preposition join the cue,
    up to the content (a complementizer "that" stays out)."""
    light = lemma_of(verb) in cues.LIGHT_VERBS or lemma_of(verb) in cues.NOUN_FRAMES
    if not light or content[0] <= cue[1]:
        return cue
    noun = _stance_object(verb)
    if noun is None or noun.left_edge.idx < cue[1] or noun.idx >= content[0]:
        return cue
    between = text[cue[1] : content[0]]
    if re.search(r"[,;:.!?“”\"]", between):
        return cue
    end = cue[1] + len(re.sub(r"\s*\bthat\s*$", "", between).rstrip())
    return cue[0], end


def _is_frame(prep: Token) -> bool:
    """ "spoke on condition of anonymity", "on behalf of", "on the record": how one spoke."""
    return any(g.dep_ == "pobj" and lemma_of(g) in _FRAME_NOUNS for g in prep.children)


def _is_time_phrase(toks: list[Token]) -> bool:
    """ "on Monday", "for years": a time, not what was said."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in toks[:3])


def brings_object(verb: Token, prep: Token) -> bool:
    """Whether ``prep`` introduces what ``verb`` is about rather than its occasion: "pointed
    to", "talked about", "described as", "agreed with"; and for a verb of stance that is no
    verb of saying, any preposition of an object ("called for", "commented on")."""
    word = prep.lower_
    if word == "to":
        # "responded to the charge that ...": what is answered is the clause
        return lemma_of(verb) in _TO_VERBS or lemma_of(verb) not in cues.SPEECH_VERBS
    return word in _OBJECT_ONLY_PREPOSITIONS or (
        word in _OBJECT_PREPOSITIONS and lemma_of(verb) not in cues.SPEECH_VERBS
    )


#: Prepositions that bring a reporting verb's object, never the occasion of the report.
_OBJECT_ONLY_PREPOSITIONS = frozenset({"about", "as", "with", "upon", "over"})
#: Marks of a clause of reason or condition, which belongs to the clause it hangs on.
REASONS = ("because", "if", "unless")
