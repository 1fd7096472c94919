"""The content of a reporting verb: its clause, its object, or the quotation around it.

Pass 1 of ``claimledger.attribution`` finds a reporting verb and its source; these functions
find what was reported. "X said (that) C" gives the clause C; "X criticized the budget" the
object, without the occasion ("during the debate") or the reporter's aside; "X called for a
ban" the prepositional object; "asked the utility to cut its rates" the request; "“C,” X
said" the quotation around the frame. Pure functions of the parse; spans are characters of
the canonical text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import cues
from .attribution_spans import (
    QUOTE_MARKS,
    TRAIL,
    balanced,
    quote_content,
    token_span,
    trimmed,
)
from .quotes import Quote
from .roles import PERSON_HEADS

SUBJECTS = ("nsubj", "nsubjpass")
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
_OBJECT_PREPOSITIONS = frozenset({"about", "for", "of", "on", "against", "over"})
#: Verbs whose object follows "to" or "at": "pointed to the polls", "referred to the
#: ruling", "lashed out at the press".
_TO_VERBS = frozenset({"point", "refer"})
_AT_VERBS = frozenset({"lash", "snipe", "jab", "swipe"})
#: Construction verbs that also report their object when they have a subject of their own:
#: "She listed his failures"; "name" only with the post it names to ("The governor named
#: her to the court"), as "They named the dog Rex" reports nothing.
_LISTING_VERBS = frozenset({"list", "name"})

#: Forms spaCy's lemmatizer gets wrong, by the word as written: "hoped" -> "hop".
_LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}


def lemma_of(tok: Token) -> str:
    """The lower-case lemma of ``tok``, with the lemmatizer's known slips corrected."""
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


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
    """ "said in a statement": a statement is the act of saying itself, not its occasion
    (an interview, a rally), so the phrase right after the verb (its first token ``nxt``,
    past the cue) joins the cue."""
    doc = verb.doc
    if nxt >= len(doc) or doc[nxt].lower_ != "in" or doc[nxt].head.i != verb.i:
        return cue
    obj = next((c for c in doc[nxt].children if c.dep_ == "pobj"), None)
    if obj is None or lemma_of(obj) != "statement" or obj.i > nxt + 6:
        return cue
    if lemma_of(verb) not in cues.SPEECH_VERBS:
        return cue
    return cue[0], obj.idx + len(obj)


def verb_content(
    text: str,
    verb: Token,
    sent: SpacySpan,
    quotes: tuple[Quote, ...],
    cue: tuple[int, int],
    source: tuple[tuple[int, int], tuple[int, int]],
) -> tuple[int, int] | None:
    if lemma_of(verb) in cues.QUOTE_ONLY_VERBS:
        return _adjacent_quote(text, verb, cue, source[0], quotes)
    as_clause = _as_reported(text, verb)
    if as_clause is not None:
        return balanced(text, as_clause, quotes)
    if particle_report(verb):
        obj = _particle_object(text, verb)
        return balanced(text, obj, quotes) if obj is not None else None
    if lemma_of(verb) in cues.CONSTRUCTION_VERBS:
        made = _construction_content(text, verb)
        if made is None and lemma_of(verb) in cues.NOUN_FRAMES:
            return _stance_noun_content(text, verb)  # "made no mention of the deal"
        if made is None and lemma_of(verb) in _LISTING_VERBS and _active_with_object(verb):
            # "She listed his failures", "The mayor named her to the board"
            obj = _object_content(text, verb)
            return balanced(text, obj, quotes) if obj is not None else None
        return made
    comps = (
        _clauses_in_order(verb)
        or [
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
        or _statement_clause(verb)
    )
    if (to := _pointed_to(verb)) is not None:
        # "pointed to the times the council cut the budget": the parser makes the clause
        # after the object the verb's; what is pointed to is the object, clause and all
        comps = [c for c in comps if c.left_edge.i < to.i]
    if _reporting_preposition(verb) is not None:
        # "Costs rose; she calls for a cap": a clause before the verb is not what it calls for
        comps = [c for c in comps if c.i > verb.i]
    if comps:
        comp = comps[0]
        toks = clause_tokens(comp, verb, source[0])
        while toks and (
            (toks[0].dep_ == "mark" and toks[0].lower_ == "that")
            # "said only that ...": "only" goes with the cue
            or (
                toks[0].lower_ == "only"
                and len(toks) > 1
                and toks[1].dep_ == "mark"
                and toks[1].lower_ == "that"
                and toks[0].idx < cue[1]
            )
            or (toks[0].is_punct and toks[0].text not in QUOTE_MARKS)
            or (toks[0].dep_ == "cc" and toks[0].i == comp.left_edge.i)
        ):
            toks = toks[1:]
        if toks:
            span = balanced(text, token_span(text, toks), quotes)
            if span[1] > span[0]:
                quote = _quote_around(text, span, quotes, cue)
                span = quote if quote is not None else span
                span = with_left_part(text, comp, verb, source[0], span)
                span = _with_predicate(text, comp, verb, span)
                span = _with_reason(text, verb, span)
                return _with_second_that(text, verb, span)
    if verb.dep_ == "parataxis":
        clause = _parenthetical_content(text, verb, sent)
        if clause is not None:
            quote = _quote_around(text, clause, quotes, cue)
            return quote if quote is not None else clause
    quote = _adjacent_quote(text, verb, cue, source[0], quotes)
    if quote is not None and _reporting_preposition(verb) is not None:
        quote = None  # "He pointed to the budget": what is pointed to, not a quotation near it
    if quote is not None and quote[1] <= verb.head.idx and _participle_of_a_report(verb):
        quote = None  # "“...,” she said, referring to the bill": the quotation is "said"'s
    lemma = lemma_of(verb)
    if quote is None and lemma in cues.LIGHT_VERBS:
        stance = _stance_noun_content(text, verb)
        if stance is not None or lemma not in cues.SPEECH_VERBS | cues.STANCE_VERBS:
            return stance
    if quote is None and lemma == "ask":
        # "asked the candidate if he was ready": the parser makes the question a clause of
        # condition
        quote = next(
            (
                trimmed(text, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
                for c in verb.children
                if c.dep_ == "advcl" and c.i > verb.i and _has_mark(c, "if", "whether")
            ),
            None,
        )
    if quote is None and (lemma in cues.REQUEST_VERBS or lemma in cues.ADDRESSEE_VERBS):
        # "told the staff to close the office": telling someone to act is a request
        quote = _request_content(text, verb)
        quote = balanced(text, quote, quotes) if quote is not None else None
    if quote is None and lemma in ("say", "answer", "reply"):
        quote = _short_answer(text, verb)
    if (
        quote is None
        and lemma in cues.SPEECH_VERBS
        and lemma not in cues.CLAUSE_ONLY_VERBS
        and _reporting_preposition(verb) is None
    ):
        quote = _statement_before_frame(text, verb, sent, cue, source[0])
        if quote is not None:
            return balanced(text, quote, quotes)
    if quote is None and lemma == "ask":
        quote = _question_asked(text, verb)
        quote = balanced(text, quote, quotes) if quote is not None else None
    if quote is None and lemma in cues.EVIDENCE_VERBS and _evidence_subject(verb):
        return _shown(text, verb)
    if quote is None and lemma in cues.ALSO_PREPOSITIONAL:
        # "asked for a recount", "believes in the program"
        obj = _object_content(text, verb, only=cues.ALSO_PREPOSITIONAL[lemma])
        if obj is not None:
            return balanced(text, obj, quotes)
    if quote is not None or lemma in cues.ADDRESSEE_VERBS or lemma in cues.CLAUSE_ONLY_VERBS:
        return quote
    if lemma in cues.REQUEST_VERBS and lemma not in cues.STANCE_VERBS:
        return None  # "encouraged growth": only "encouraged X to do Y" is a request
    obj = _object_content(text, verb)
    return balanced(text, obj, quotes) if obj is not None else None


def with_elaboration(
    text: str, doc: Doc, content: tuple[int, int], quotes: tuple[Quote, ...]
) -> tuple[int, int]:
    """ "listed three demands: higher pay, shorter hours and a union": what a colon closing
    the content opens on the same line spells the content out, and goes with it, to its
    sentence's end (or the end of a quotation it opens). A colon inside a quotation, or
    one that ends its line (a list below), leaves the content as it is."""
    colon = re.match(r"[ \t]*:[ \t]+(?=\S)", text[content[1] :])
    if colon is None or any(q.open < content[1] < q.close for q in quotes):
        return content
    start = content[1] + colon.end()
    quote = next((q for q in quotes if q.open == start), None)
    if quote is not None:
        return trimmed(text, content[0], quote.after)
    tok = next((t for t in doc if t.idx >= start), None)
    if tok is None:
        return content
    rest = doc[tok.i : tok.sent.end]
    if any(_reports_itself(t) for t in rest):
        return content  # "...: a poll found that ...": a report of its own, not an elaboration
    return trimmed(text, content[0], tok.sent.end_char)


def _reports_itself(tok: Token) -> bool:
    """Whether ``tok`` is a reporting verb with a subject of its own."""
    return (
        tok.pos_ == "VERB"
        and lemma_of(tok) in cues.SPEECH_VERBS | cues.STANCE_VERBS
        and any(c.dep_ in SUBJECTS for c in tok.children)
    )


def as_reported_by(verb: Token) -> Token | None:
    """The agent of "As reported by X, C": the source of a passive "as" frame, or None."""
    if verb.dep_ != "advcl" or not _has_mark(verb, "as"):
        return None
    return next(
        (g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"),
        None,
    )


def _as_reported(text: str, verb: Token) -> tuple[int, int] | None:
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


def _evidence_subject(verb: Token) -> bool:
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subj) and (
        subj[0].lower_ in cues.EVIDENCE_NOUNS or lemma_of(subj[0]) in cues.EVIDENCE_NOUNS
    )


def _shown(text: str, verb: Token) -> tuple[int, int] | None:
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


def _construction_content(text: str, verb: Token) -> tuple[int, int] | None:
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
                _has_mark(c, "that")
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


def _short_answer(text: str, verb: Token) -> tuple[int, int] | None:
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


def _question_asked(text: str, verb: Token) -> tuple[int, int] | None:
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


def _request_content(text: str, verb: Token) -> tuple[int, int] | None:
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


def _object_content(
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
            pointed = c == _pointed_to(verb)
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
                and _has_mark(x, *_REASONS)
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
                ):
                    toks = toks + list(gap) + list(sib.subtree)
        if len(toks) < 2 and c.dep_ != "dobj" and not (_bare_object(verb, c) and _named(toks)):
            continue
        if c.dep_ == "dobj" and lemma_of(c) in _MEDIA_NOUNS and len(toks) <= 3:
            continue  # "shared a statement": the medium, not what it said
        toks = _without_dangling(_without_occasion(_without_aside(toks), {verb.i, c.i}))
        span = token_span(text, toks)
        if span[1] > span[0]:
            return span
    return None


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


def _particle_object(text: str, verb: Token) -> tuple[int, int] | None:
    """What a particle report is about: its object ("laid out a plan") or the object of its
    preposition ("weighed in on the deal", "came out in favor of the bill")."""
    brings = cues.PARTICLE_REPORTS[lemma_of(verb)][1]
    if "dobj" in brings:
        if not any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
            return None
        return _object_content(text, verb)
    if any(stance_phrase(c) for c in verb.children if c.i > verb.i):
        return _object_content(text, verb)  # "came out in support of the strike"
    return _object_content(text, verb, only=brings)


#: Verbs whose preposition right after them brings what they report: "pointed to the
#: budget", "called for a recount", "voted for the bill", "identify with the party".
_REPORTING_PREPOSITIONS: dict[str, frozenset[str]] = {
    "point": frozenset({"to"}),
    "refer": frozenset({"to"}),
    "call": frozenset({"for"}),
    "vote": frozenset({"for", "against"}),
    "argue": frozenset({"for", "against"}),
    "ask": frozenset({"for"}),
    "identify": frozenset({"with"}),
    "push": frozenset({"for"}),
    "advocate": frozenset({"for"}),
    "lobby": frozenset({"for", "against"}),
}


def _reporting_preposition(verb: Token) -> Token | None:
    """The preposition right after ``verb`` (past a manner adverb: "are reluctantly voting
    for") that brings what it reports ("called for a recount", "pointed to the budget"), with
    its object; or None."""
    doc = verb.doc
    i = verb.i + 1
    while i < len(doc) and doc[i].dep_ == "advmod" and doc[i].head.i == verb.i:
        i += 1
    if i >= len(doc):
        return None
    prep = doc[i]
    if (
        prep.dep_ != "prep"
        or prep.head.i != verb.i
        or prep.lower_ not in _REPORTING_PREPOSITIONS.get(lemma_of(verb), ())
        or not any(c.dep_ == "pobj" for c in prep.children)
    ):
        return None
    return prep


def _pointed_to(verb: Token) -> Token | None:
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
    return prep == _pointed_to(verb) or (
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


def _active_with_object(verb: Token) -> bool:
    """Whether ``verb`` has a subject of its own and a direct object after it ("name" also
    a post "to" which it names)."""
    children = list(verb.children)
    return (
        any(c.dep_ == "nsubj" for c in children)
        and any(c.dep_ == "dobj" and c.i > verb.i for c in children)
        and (
            lemma_of(verb) != "name"
            or any(c.dep_ == "prep" and c.lower_ == "to" and c.i > verb.i for c in children)
        )
    )


def _has_mark(clause: Token, *words: str) -> bool:
    """Whether ``clause`` opens with one of ``words`` as its mark ("that", "as", "if")."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in clause.children)


def _participle_of_a_report(verb: Token) -> bool:
    """Whether ``verb`` is a participle after a reporting verb ("she said, referring to")."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head.i < verb.i
        and lemma_of(verb.head) in cues.SPEECH_VERBS
    )


def _as_complement(tok: Token) -> bool:
    """Whether ``tok`` is what something is held or described as: "as the key obstacle"
    (a preposition), "as beset by ..." (a clause without a subject of its own); "as Trump
    gains ground" is a clause of time, no complement."""
    if tok.dep_ == "prep":
        return tok.lower_ == "as"
    return (
        tok.dep_ == "advcl"
        and _has_mark(tok, "as")
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
_OCCASION_NOUNS = _MEDIA_NOUNS | frozenset(
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
                objs[0].lower_ in _OCCASION_NOUNS
                or lemma_of(objs[0]) in _OCCASION_NOUNS
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
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or lemma_of(subj) in PERSON_HEADS
        or any(c.dep_ == "poss" for c in subj.children)
    )


def _stance_noun_content(text: str, verb: Token) -> tuple[int, int] | None:
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


def _with_second_that(text: str, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "said A, but that B": a second "that" clause the parser hangs on the verb itself
    is reported too; the content runs on to its end."""
    for c in verb.children:
        if c.dep_ != "conj" or c.idx < span[1]:
            continue
        if not _has_mark(c, "that"):
            continue
        between = verb.doc.char_span(span[1], c.left_edge.idx, alignment_mode="expand")
        if between is not None and all(t.is_punct or t.dep_ == "cc" for t in between):
            last = max(c.subtree, key=lambda t: t.i)
            return trimmed(text, span[0], last.idx + len(last))
    return span


def _with_reason(text: str, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "said the plan failed because the board balked": a clause of reason or condition
    right after the reported clause, not set off by punctuation, that the parser hangs on the
    reporting verb belongs to what was reported."""
    for c in verb.children:
        if c.dep_ != "advcl" or not _has_mark(c, *_REASONS) or c.left_edge.idx < span[1]:
            continue
        if text[span[1] : c.left_edge.idx].strip():
            return span
        toks = _without_dangling(list(c.subtree))
        return trimmed(text, span[0], toks[-1].idx + len(toks[-1]))
    return span


def _with_predicate(text: str, comp: Token, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "said the plan proposed by the mayor would fail": the parser may read "the plan
    proposed" as a clause of its own and "would fail" as a second one; a clause without a
    subject right after the first, not set off by punctuation, is its predicate."""
    end = comp.right_edge.i
    for c in verb.children:
        if (
            c.dep_ == "ccomp"
            and c.i > comp.i
            and c.left_edge.i == end + 1
            and not verb.doc[end].is_punct
            and (not c.left_edge.is_punct or c.left_edge.text in QUOTE_MARKS)
            and not any(x.dep_ in SUBJECTS or x.dep_ in ("mark", "expl") for x in c.children)
            and span[1] == verb.doc[end].idx + len(verb.doc[end])
        ):
            toks = _without_dangling(list(c.subtree))
            return trimmed(text, span[0], toks[-1].idx + len(toks[-1]))
    return span


def _clauses_in_order(verb: Token) -> list[Token]:
    """The clausal complements of ``verb``, the one right after it first: in "In a
    statement released after the vote, she said the plan failed" the parser may make the
    opening clause a complement too, but what was said follows "said"."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if not comps:
        # "has not said when they would vote": the parser makes the question a clause of time
        comps = [
            c
            for c in verb.children
            if c.dep_ == "advcl"
            and c.left_edge.i == verb.i + 1
            and lemma_of(verb) in cues.SPEECH_VERBS
            and (
                c.left_edge.lower_ in ("whether", "how", "why", "what", "who")
                # "said when he left" is a time; "has not said when" a question left open
                or (
                    c.left_edge.lower_ in ("when", "where")
                    and any(n.dep_ == "neg" for n in verb.children)
                )
            )
        ]
    after = [
        c
        for c in comps
        if c.i > verb.i and not verb.doc[verb.i + 1 : c.left_edge.i].text.strip(" “\"'")
    ]
    if after and any(c.i < verb.i for c in comps):
        return after + [c for c in comps if c not in after]
    return comps


def with_left_part(
    text: str, comp: Token, verb: Token, source: tuple[int, int], span: tuple[int, int]
) -> tuple[int, int]:
    """ "Even if it fails, Mr. Lee said, the plan was right": a frame set off by commas
    inside the reported sentence; the content runs from its first part to its last.

    A quotation after the frame is the content by itself ("As the phone rang, she said,
    “...”") unless it opens in lower case after no "that": then it goes on with the
    sentence the frame interrupts ("When it passes, she said, “it will help”")."""
    if comp.i < verb.i or span[0] < source[1]:
        return span
    quoted = text[span[0] - 1 : span[0]] in QUOTE_MARKS + "'" or text[span[0]] in QUOTE_MARKS + "`'"
    if quoted and (not _opens_in_lower_case(text, span[0]) or _has_mark(comp, "that")):
        return span
    left = [
        t
        for c in verb.children
        if c.dep_ in ("advcl", "advmod", "prep", "npadvmod", "intj") and c.idx < source[0]
        for t in c.subtree
    ]
    # "All of this, he acknowledges, could be undone": the clause's own subject comes first
    left += [t for t in comp.subtree if t.idx + len(t) <= source[0]]
    if len(left) < 1:
        return span
    start, end = token_span(text, left)
    if end <= start or text[end : source[0]].strip() != ",":
        return span
    if "," not in text[verb.idx : span[0]]:
        return span
    if quoted and any(m in text[start:end] for m in QUOTE_MARKS + "'`"):
        return span  # "“If it fails,” she said, “it fails”": two quotations, two contents
    if quoted and (close := re.match(r"[.,!?]?(?:[”\"»]|'')", text[span[1] :])):
        return start, span[1] + close.end()  # the quotation opened in the span closes in it
    return start, span[1]


def _opens_in_lower_case(text: str, start: int) -> bool:
    """Whether the words at ``start``, past quotation marks, begin in lower case."""
    m = re.match(r"[\s“”\"«»„'`]*(\w)", text[start : start + 8])
    return m is not None and m.group(1).islower()


def _statement_clause(verb: Token) -> list[Token]:
    """ "said in a statement that ...": the that-clause hangs on the noun, not the verb.

    A preposition that brings the verb's object ("pointed to the fact that ...", "referring
    to reports that ...", "apologized for the suggestion that ...") takes the noun as what
    was said or meant, with the clause it carries: the clause alone is no statement.
    """
    for prep in verb.children:
        if prep.dep_ != "prep" or brings_object(verb, prep):
            continue
        nouns = [n for n in prep.children if n.dep_ == "pobj"]
        for _ in range(3):
            for noun in nouns:
                if clauses := that_clauses(noun):
                    return clauses[:1]
            if prep.i < verb.i:
                break
            # "said in one of a series of messages that ...": the clause may hang on a
            # noun further down the phrase after the verb
            nouns = [
                n
                for noun in nouns
                for p in noun.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for n in p.children
                if n.dep_ == "pobj"
            ]
    return []


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


def that_clauses(noun: Token) -> list[Token]:
    """The clauses "that ..." a noun carries: "a statement that ...", "the claim that ...".

    A clause the parser calls relative counts when its "that" is a complementizer (a mark),
    not a relative pronoun: "his warning that immigrants will be deported"."""
    return [
        c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and _has_mark(c, "that")
    ]


def outer_report(conj: Token) -> Token | None:
    """The reporting verb of which ``conj`` is a second report, or None.

    In "X said Y was wrong and criticized him for it" the parser joins "criticized" to "was",
    inside what X said; a reporting verb without a subject or complementizer of its own, in
    the tense of the reporting verb above, is X's second report, not part of the first.
    """
    if (
        conj.dep_ != "conj"
        or lemma_of(conj) not in cues.SPEECH_VERBS | cues.STANCE_VERBS
        or any(c.dep_ in SUBJECTS or c.dep_ == "mark" for c in conj.children)
    ):
        return None
    for anc in conj.ancestors:
        if anc.dep_ == "ccomp" and lemma_of(anc.head) in cues.SPEECH_VERBS:
            verb = anc.head
            # "said he would run but did not say when": "did" carries the tense
            aux = [c for c in conj.children if c.dep_ == "aux" and c.i < conj.i]
            tag = aux[0].tag_ if aux and conj.tag_ == "VB" and aux[0].lemma_ == "do" else conj.tag_
            return verb if verb.tag_ == tag and verb.i < conj.i else None
    return None


def clause_tokens(comp: Token, verb: Token, source: tuple[int, int]) -> list[Token]:
    """The reported clause: ``comp``'s subtree on its side of the verb, as one run.

    Tokens of the source (a relative clause's antecedent can sit inside the subtree) and any
    other report inside the clause ("..., though X has said ...") end the run.
    """
    after = comp.i > verb.i
    toks = [
        t
        for t in comp.subtree
        if (t.i > verb.i if after else t.i < verb.i) and not (source[0] <= t.idx < source[1])
    ]
    stops = {
        t.i
        for d in comp.subtree
        if d.i != comp.i
        and d.dep_ in ("advcl", "conj", "parataxis")
        and lemma_of(d) in cues.SPEECH_VERBS
        and any(c.dep_ in SUBJECTS for c in d.children)
        # "said that A and that B decided ...": a second reported clause, not a new report
        and not (d.dep_ == "conj" and any(c.dep_ == "mark" for c in d.children))
        # "argued that although he confessed, he ...": a condition opening the clause
        and not _opening_condition(d, comp)
        # "said he quit because he thought it wrong": a reason or condition of the clause
        and not (d.dep_ == "advcl" and _has_mark(d, *_REASONS))
        or getattr(outer_report(d), "i", None) == verb.i
        for t in d.subtree
    }
    run: list[Token] = []
    for t in toks:
        if t.i in stops or (run and t.i != run[-1].i + 1):
            if run:
                break
            continue
        run.append(t)
    if run and run[-1].dep_ in ("mark", "cc") and run[-1].head.i in stops:
        run.pop()
    return _without_dangling(_without_participle(run))


def _opening_condition(clause: Token, comp: Token) -> bool:
    """Whether ``clause`` is a condition opening the reported ``comp`` right after its
    "that": "argued that although he confessed, he showed no remorse"."""
    doc = comp.doc
    start = clause.left_edge.i - 1
    while start > 0 and doc[start].text == ",":
        start -= 1
    return (
        clause.dep_ == "advcl"
        and clause.head.i == comp.i
        and clause.i < comp.i
        and _has_mark(clause, *_OPENERS)
        and doc[start].dep_ == "mark"
        and doc[start].lower_ == "that"
        and doc[start].head.i == comp.i
    )


#: Conjunctions of a clause that opens a reported one: "said that while he agreed, ...".
_OPENERS = ("although", "though", "while", "as", "if", "because", "since", "when", "whether")
#: Marks of a clause of reason or condition, which belongs to the clause it hangs on.
_REASONS = ("because", "if", "unless")


def _without_participle(toks: list[Token]) -> list[Token]:
    """The run without a closing reporting participle set off by a comma: in "said A,
    arguing that B" the participle is the speaker's second report, not part of A."""
    for n, t in enumerate(toks):
        if n < 2 or t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        going_on = lemma_of(t) == "go" and any(
            c.dep_ == "prt" and c.lower_ == "on" for c in t.children
        )
        if (
            toks[n - 1].text == ","
            and t.left_edge.i == t.i
            and t.right_edge.i >= toks[-1].i
            and (lemma_of(t) in cues.SPEECH_VERBS | cues.STANCE_VERBS or going_on)
        ):
            return toks[: n - 1]
    return toks


def _without_dangling(toks: list[Token]) -> list[Token]:
    """Drop a conjunction the run ends on ("A, and"): what it joined lies outside the run."""
    while toks and toks[-1].dep_ == "cc":
        toks = toks[:-1]  # a comma or dash left before it is trimmed with the span
    return toks


def _parenthetical_content(text: str, verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
    """For "<content>, X said." the content is the host clause without the verb's clause."""
    host = verb.head
    if host.i == verb.i:
        return None
    own = set(t.i for t in verb.subtree)
    toks = [t for t in host.subtree if t.i not in own]
    if not toks:
        return None
    # keep the contiguous run on one side of the verb's clause
    before = [t for t in toks if t.i < verb.left_edge.i]
    after = [t for t in toks if t.i > verb.right_edge.i]
    run = before if len(before) >= len(after) else after
    words = [t for t in before if not t.is_punct]
    if (
        len(words) >= 1
        and after
        and _set_off_by_commas(verb)
        and not re.search(r"[“”\"«»]|''|``", text[before[-1].idx : after[0].idx + len(after[0])])
    ):
        # "The museum, she said, opened in May": the frame interrupts one sentence, whose
        # content runs from its first part to its last (as in with_left_part)
        start = token_span(text, before)[0]
        end = token_span(text, after)[1]
        return (start, end) if end > start else None
    if len(run) < 3:
        return None
    span = token_span(text, run)
    return span if span[1] > span[0] else None


def _set_off_by_commas(verb: Token) -> bool:
    """Whether the frame of ``verb`` stands between commas, be they the parser's for the
    frame ("The museum, she said, opened") or for the clause around it ("In time, experts
    say, the rule will work")."""
    doc = verb.doc
    left, right = verb.left_edge.i, verb.right_edge.i
    opens = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closes = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return opens and closes


def _statement_before_frame(
    text: str, verb: Token, sent: SpacySpan, cue: tuple[int, int], source: tuple[int, int]
) -> tuple[int, int] | None:
    """ "Those who borrow struggle, even with a good job, he said.": a frame closing its
    sentence after a comma, whose statement the parser did not hang on the verb (it made the
    statement's words a second subject, or a loose phrase). The statement is the sentence
    up to the comma before the frame."""
    if not _closing_frame(verb) or not all(
        _closes_frame(c)
        # "..., the secretary told a panel": who was told, when the statement is the clause
        # the frame is joined to
        or (c.dep_ == "dobj" and verb.dep_ == "conj" and lemma_of(verb) in cues.ADDRESSEE_VERBS)
        for c in verb.children
        if c.i > verb.i
    ):
        return None
    start = min(cue[0], source[0])
    before = [t for t in sent if t.idx + len(t) <= start]
    if len(before) < 4 or before[-1].text != ",":
        return None
    words = [t for t in before[:-1] if not t.is_punct]
    if len(words) < 3:
        return None
    span = trimmed(text, before[0].idx, before[-2].idx + len(before[-2]))
    return span if span[1] > span[0] else None


def _closing_frame(verb: Token) -> bool:
    """Whether ``verb`` heads its sentence, or is a frame with its own subject the parser
    joined to the sentence's verb with no conjunction between ("This includes a force to
    assist them, the secretary told a panel")."""
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.dep_ == "ROOT"
        and head.i < verb.i
        and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        and not any(
            c.dep_ in ("cc", "preconj") and head.i < c.i < verb.i
            for c in [*head.children, *verb.children]
        )
    )


def _closes_frame(tok: Token) -> bool:
    """Whether ``tok``, after a frame's verb, only says when or how it was said ("he said
    Monday", "she said in an interview", "he said, smiling"), or is the speaker after it."""
    if tok.is_punct:
        return tok.text in (".", ",", "!", "?")
    if tok.dep_ in SUBJECTS or (tok.dep_ == "advmod" and tok.lower_.endswith("ly")):
        return True
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    if tok.dep_ == "prep":
        obj = next((g for g in tok.children if g.dep_ == "pobj"), None)
        return obj is not None and (
            lemma_of(obj) in _OCCASION_NOUNS or obj.ent_type_ in ("DATE", "TIME")
        )
    return False


def _quote_around(
    text: str, span: tuple[int, int], quotes: tuple[Quote, ...], cue: tuple[int, int]
) -> tuple[int, int] | None:
    """The whole quotation when ``span`` lies inside one (and the cue outside it)."""
    for q in quotes:
        if q.open <= span[0] and span[1] <= q.after and not (q.open <= cue[0] <= q.close):
            return quote_content(text, q)
        if span[0] <= q.open and q.close < span[1]:
            # span covers the quotation plus a little frame: direct if the frame is only
            # punctuation, else a mixed report (caller keeps the span)
            outside = text[span[0] : q.open] + text[q.after : span[1]]
            if not outside.strip(TRAIL + "."):
                return quote_content(text, q)
    return None


def _adjacent_quote(
    text: str, verb: Token, cue: tuple[int, int], source: tuple[int, int], quotes: tuple[Quote, ...]
) -> tuple[int, int] | None:
    """A quotation right before "…,” X said" or right after "X said: “…" / "X said, “…"."""
    left = min(cue[0], source[0])
    right = max(cue[1], source[1])
    for q in quotes:
        # "“...,” she said" keeps to one paragraph: a quotation ending the paragraph before
        # belongs to that paragraph's speaker
        if q.close < left and not text[q.after : left].strip(" \u00a0,—–"):
            return quote_content(text, q)
        if q.open >= right:
            between = text[right : q.open]
            if len(between) < 40 and re.fullmatch(r"[^.!?\n“”\"]*[,:]\s*", between):
                if _reporter_between(verb, right, q.open):
                    return None  # "posted a comment, saying, “…”": the quotation is "saying"'s
                return quote_content(text, q)
            break
    return None


def _reporter_between(verb: Token, start: int, end: int) -> bool:
    """Whether another verb of saying lies between the offsets and owns the quotation after
    them: a participle of ``verb`` ("posted a comment, saying, “…”"), a second verb ("praised
    them and said, “…”"), or the verb ``verb`` itself describes the speaker of ("Responding
    to critics, she said: “…”")."""
    return (
        any(
            t.i != verb.i
            and (
                (t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp"))
                # "supported the mayor and said, “…”": the second verb's quotation
                or t.dep_ == "conj"
            )
            and lemma_of(t) in cues.SPEECH_VERBS
            and t.head.i == verb.i
            and start <= t.idx < end
            for t in verb.doc[verb.i + 1 :]
            if t.idx < end
        )
        or (
            verb.tag_ == "VBG"
            and verb.dep_ in ("advcl", "acl")
            and verb.head.i > verb.i
            and lemma_of(verb.head) in cues.SPEECH_VERBS
            and start <= verb.head.idx < end
        )
    )
