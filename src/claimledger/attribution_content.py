"""The content of a reporting verb: its clause, or the quotation around it.

Pass 1 of ``claimledger.attribution`` finds a reporting verb and its source; ``verb_content``
finds what was reported. "X said (that) C" gives the clause C, with a second clause or a
predicate the parser hung elsewhere; "“C,” X said" the quotation around the frame; "C, X
said" a statement before its frame. An object ("X criticized the budget", "X called for a
ban", "asked the utility to cut its rates") comes from ``attribution_objects``. Pure
functions of the parse; spans are characters of the canonical text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import cues
from .attribution_objects import (
    OCCASION_NOUNS,
    REASONS,
    as_reported,
    brings_object,
    construction_content,
    evidence_subject,
    object_content,
    particle_object,
    particle_report,
    pointed_to,
    question_asked,
    request_content,
    short_answer,
    shown,
    stance_noun_content,
)
from .attribution_spans import (
    QUOTE_MARKS,
    SUBJECTS,
    TRAIL,
    balanced,
    has_mark,
    lemma_of,
    quote_content,
    that_clauses,
    token_span,
    trimmed,
    without_dangling,
)
from .quotes import Quote

#: Construction verbs that also report their object when they have a subject of their own:
#: "She listed his failures"; "name" only with the post it names to ("The governor named
#: her to the court"), as "They named the dog Rex" reports nothing.
_LISTING_VERBS = frozenset({"list", "name"})


def verb_content(
    text: str,
    verb: Token,
    sent: SpacySpan,
    quotes: tuple[Quote, ...],
    cue: tuple[int, int],
    source: tuple[tuple[int, int], tuple[int, int]],
) -> tuple[int, int] | None:
    if lemma_of(verb) in cues.QUOTE_ONLY_VERBS:
        # "started the engine, “...”": a verb that reports only by its quotation has
        # nothing but punctuation between itself and the quotation after it
        tight = lemma_of(verb) not in cues.SPEECH_VERBS
        quoted = _adjacent_quote(text, verb, cue, source[0], quotes, tight=tight)
        if quoted is None and lemma_of(verb) in cues.NOUN_FRAMES:
            return stance_noun_content(text, verb)  # "continued his attacks on the mayor"
        return quoted
    as_clause = as_reported(text, verb)
    if as_clause is not None:
        return balanced(text, as_clause, quotes)
    if particle_report(verb):
        obj = particle_object(text, verb)
        return balanced(text, obj, quotes) if obj is not None else None
    if lemma_of(verb) in cues.CONSTRUCTION_VERBS:
        made = construction_content(text, verb)
        if made is None and lemma_of(verb) in cues.NOUN_FRAMES:
            return stance_noun_content(text, verb)  # "made no mention of the deal"
        if made is None and lemma_of(verb) in _LISTING_VERBS and _active_with_object(verb):
            # "She listed his failures", "The mayor named her to the board"
            obj = object_content(text, verb)
            return balanced(text, obj, quotes) if obj is not None else None
        return made
    judged = _judged_object(text, verb)
    if judged is not None:
        return balanced(text, judged, quotes)  # "deemed the plan a fair trade"
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
    # "The mayor summed up the plan as “weak,” denounced ...": a clause before the verb that
    # holds its subject (``series_subject``) is a predicate of its own, not what was reported
    comps = [c for c in comps if not (c.i < verb.i and c.left_edge.idx <= source[0][0] < c.idx)]
    if (to := pointed_to(verb)) is not None:
        # "pointed to the times the council cut the budget": the parser makes the clause
        # after the object the verb's; what is pointed to is the object, clause and all
        comps = [c for c in comps if c.left_edge.i < to.i]
    reporting_prep = _reporting_preposition(verb)
    if reporting_prep is not None:
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
    if quote is not None and reporting_prep is not None:
        quote = None  # "He pointed to the budget": what is pointed to, not a quotation near it
    if quote is not None and quote[1] <= verb.head.idx and _participle_of_a_report(verb):
        quote = None  # "“...,” she said, referring to the bill": the quotation is "said"'s
    lemma = lemma_of(verb)
    if quote is None and lemma in cues.LIGHT_VERBS:
        stance = stance_noun_content(text, verb)
        if stance is not None or lemma not in cues.SPEECH_VERBS | cues.STANCE_VERBS:
            return stance
    if quote is None and lemma == "ask":
        # "asked the candidate if he was ready": the parser makes the question a clause of
        # condition
        quote = next(
            (
                trimmed(text, c.left_edge.idx, c.right_edge.idx + len(c.right_edge))
                for c in verb.children
                if c.dep_ == "advcl" and c.i > verb.i and has_mark(c, "if", "whether")
            ),
            None,
        )
    if quote is None and (lemma in cues.REQUEST_VERBS or lemma in cues.ADDRESSEE_VERBS):
        # "told the staff to close the office": telling someone to act is a request
        quote = request_content(text, verb)
        quote = balanced(text, quote, quotes) if quote is not None else None
    if quote is None and lemma in ("say", "answer", "reply"):
        quote = short_answer(text, verb)
    if (
        quote is None
        and lemma in cues.SPEECH_VERBS
        # "..., the poll found.": a record's finding closes its sentence too
        and (lemma not in cues.CLAUSE_ONLY_VERBS or evidence_subject(verb))
        and reporting_prep is None
    ):
        quote = _statement_before_frame(text, verb, sent, cue, source[0])
        if quote is not None:
            return balanced(text, quote, quotes)
    if quote is None and lemma == "ask":
        quote = question_asked(text, verb)
        quote = balanced(text, quote, quotes) if quote is not None else None
    if quote is None and lemma in cues.EVIDENCE_VERBS and evidence_subject(verb):
        return shown(text, verb)
    if quote is None and lemma in cues.ALSO_PREPOSITIONAL:
        # "asked for a recount", "believes in the program"
        obj = object_content(text, verb, only=cues.ALSO_PREPOSITIONAL[lemma])
        if obj is not None:
            return balanced(text, obj, quotes)
    if quote is not None or lemma in cues.ADDRESSEE_VERBS or lemma in cues.CLAUSE_ONLY_VERBS:
        return quote
    if lemma in cues.REQUEST_VERBS and lemma not in cues.STANCE_VERBS:
        return None  # "encouraged growth": only "encouraged X to do Y" is a request
    obj = object_content(text, verb)
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
        or prep.lower_ not in cues.REPORTING_PREPOSITIONS.get(lemma_of(verb), ())
        or not any(c.dep_ == "pobj" for c in prep.children)
    ):
        return None
    return prep


def _judged_object(text: str, verb: Token) -> tuple[int, int] | None:
    """ "deemed the plan a fair trade", "declared the law void": a verb of judging with an
    object and what the object is judged to be reports the pair, object to predicate.

    The parser makes the predicate an object predicate ("oprd") or, for a noun, a second
    direct object; a verb with one object only ("considered the bill") reports nothing here.
    """
    if lemma_of(verb) not in cues.JUDGING_VERBS:
        return None
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objs:
        return None
    preds = [c for c in verb.children if c.i > objs[0].i and (c.dep_ == "oprd" or c in objs[1:2])]
    if not preds:
        return None
    return token_span(text, list(verb.doc[objs[0].left_edge.i : preds[0].right_edge.i + 1]))


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


def _participle_of_a_report(verb: Token) -> bool:
    """Whether ``verb`` is a participle after a reporting verb ("she said, referring to")."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and verb.head.i < verb.i
        and lemma_of(verb.head) in cues.SPEECH_VERBS
    )


def _with_second_that(text: str, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "said A, but that B": a second "that" clause the parser hangs on the verb itself
    is reported too; the content runs on to its end."""
    for c in verb.children:
        if c.dep_ != "conj" or c.idx < span[1]:
            continue
        if not has_mark(c, "that"):
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
        if c.dep_ != "advcl" or not has_mark(c, *REASONS) or c.left_edge.idx < span[1]:
            continue
        if text[span[1] : c.left_edge.idx].strip():
            return span
        toks = without_dangling(list(c.subtree))
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
            toks = without_dangling(list(c.subtree))
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
    if quoted and (not _opens_in_lower_case(text, span[0]) or has_mark(comp, "that")):
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
            if verb.i > conj.i:
                return None
            if verb.tag_ == tag:
                return verb
            # "insists the party must change, and has championed ...", "continues to insist
            # he will stay and refuses to answer": the finite forms tell, when the clause
            # reported is in another one
            governor = verb
            while governor.dep_ == "xcomp" and governor.head.i < governor.i:
                governor = governor.head
            form, inner = _finite_form(conj), _finite_form(anc)
            if conj.tag_ == "VB" and not aux and "MD" in (inner, _finite_form(conj.head) or "MD"):
                # "say they will fight and refuse to go", "what to say or not say": the
                # modal or the infinitive goes on
                return None
            return verb if form == _finite_form(governor) != inner else None
    return None


def _finite_form(verb: Token) -> str | None:
    """The tense a predicate shows: its first auxiliary's tag or its own, a bare verb with
    neither taken for the present ("they warn"); None for a non-finite one."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    if aux is not None:
        return aux.tag_ if aux.tag_ in ("VBD", "VBZ", "VBP", "MD") else None
    if verb.tag_ == "VB":
        return None if any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children) else "VBP"
    return verb.tag_ if verb.tag_ in ("VBD", "VBZ", "VBP") else None


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
        and not (d.dep_ == "advcl" and has_mark(d, *REASONS))
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
    return without_dangling(_without_participle(run))


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
        and has_mark(clause, *_OPENERS)
        and doc[start].dep_ == "mark"
        and doc[start].lower_ == "that"
        and doc[start].head.i == comp.i
    )


#: Conjunctions of a clause that opens a reported one: "said that while he agreed, ...".
_OPENERS = ("although", "though", "while", "as", "if", "because", "since", "when", "whether")


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
    run = before if len(before) >= len(after) or _frame_participle(after) else after
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


def _frame_participle(toks: list[Token]) -> bool:
    """Whether the words after a frame open with a participle of its own ("“...,” she said,
    blaming the senator"): what the speaker does besides saying, not more of what was said."""
    first = next((t for t in toks if not t.is_punct), None)
    return (
        # "“A,” he said, referring to her, “B”": the quotation goes on after the aside
        not any(t.text in QUOTE_MARKS for t in toks)
        and first is not None
        and first.tag_ == "VBG"
        and first.dep_ in ("acl", "advcl")
        and not any(c.dep_ in SUBJECTS or c.dep_ == "aux" for c in first.children)
    )


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
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if verb.dep_ == "relcl":
        # "Most voters disapprove of the plan, the poll found.": the parser read the frame
        # as a relative clause of the last noun, with no relative pronoun
        return (
            bool(subj)
            and subj[0].pos_ in ("NOUN", "PROPN")
            and subj[0].left_edge.i > 0
            and verb.doc[subj[0].left_edge.i - 1].text == ","
            and head.i < subj[0].left_edge.i
        )
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
            lemma_of(obj) in OCCASION_NOUNS or obj.ent_type_ in ("DATE", "TIME")
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
    text: str,
    verb: Token,
    cue: tuple[int, int],
    source: tuple[int, int],
    quotes: tuple[Quote, ...],
    *,
    tight: bool = False,
) -> tuple[int, int] | None:
    """A quotation right before "…,” X said" or right after "X said: “…" / "X said, “…";
    ``tight``: only punctuation may come between the frame and a quotation after it."""
    left = min(cue[0], source[0])
    right = max(cue[1], source[1])
    for q in quotes:
        # "“...,” she said" keeps to one paragraph: a quotation ending the paragraph before
        # belongs to that paragraph's speaker
        if q.close < left and not text[q.after : left].strip(" \u00a0,—–"):
            if (
                verb.tag_ == "VBG"
                and verb.i > 0
                and verb.doc[verb.i - 1].text == ","
                and lemma_of(verb.head) not in cues.SPEECH_VERBS
            ):
                # "“...,” she said, blaming him", the participle hung on the quoted words:
                # the quotation is the frame's
                continue
            own_object = lemma_of(verb) not in cues.ADDRESSEE_VERBS and _own_object(verb)
            if own_object and lemma_of(verb) not in cues.CLAUSE_ONLY_VERBS:
                # "On “Meet the Press,” Lee identified costs as the worry": the verb reports
                # its own object, not the name before its speaker
                return None
            if (tight or lemma_of(verb) not in cues.SPEECH_VERBS or own_object) and not re.search(
                r"[,!?—–-]\s*$", text[q.open : q.close]
            ):
                # "“We won.” Critics cited the speech": a quotation closed by a full stop
                # ends its sentence; only a verb of saying alone frames it ("“We won.” she
                # said")
                return None
            return quote_content(text, q)
        if q.open >= right:
            between = text[right : q.open]
            words = r"\s*" if tight else r"[^.!?\n“”\"]*"
            if len(between) < 40 and re.fullmatch(words + r"[,:]\s*", between):
                if _reporter_between(verb, right, q.open):
                    return None  # "posted a comment, saying, “…”": the quotation is "saying"'s
                return quote_content(text, q)
            break
    return None


def _own_object(verb: Token) -> bool:
    """Whether ``verb`` has an object after it other than a pronoun standing for the
    quotation ("“A failure,” she called it")."""
    return any(
        c.dep_ == "dobj" and c.i > verb.i and c.lower_ not in ("it", "this", "that", "so")
        for c in verb.children
    )


def _reporter_between(verb: Token, start: int, end: int) -> bool:
    """Whether another verb of saying lies between the offsets and owns the quotation after
    them: a frame with its own speaker ("As he spoke, the crowd chanted, “…”"), a
    participle of ``verb`` ("posted a comment, saying, “…”"), a second verb ("praised
    them and said, “…”"), or the verb ``verb`` itself describes the speaker of ("Responding
    to critics, she said: “…”")."""
    return (
        any(
            t.i != verb.i
            and (
                (
                    (t.tag_ == "VBG" and t.dep_ in ("advcl", "xcomp"))
                    # "supported the mayor and said, “…”": the second verb's quotation
                    or t.dep_ == "conj"
                )
                and t.head.i == verb.i
                # "As he spoke, the crowd chanted, “…”": a frame of its own, with its
                # own speaker, nearer the quotation ("hoped voters say, “…”" is one frame)
                or (
                    any(c.dep_ in ("nsubj", "nsubjpass") and start <= c.idx for c in t.children)
                    and verb not in t.ancestors
                )
            )
            and lemma_of(t) in cues.SPEECH_VERBS | cues.STANCE_VERBS | cues.QUOTE_ONLY_VERBS
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
