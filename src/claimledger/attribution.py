"""Attribution extraction: who said what, through which cue, over a dependency parse.

Three passes find candidates, each a pure function of the parsed ``Doc``:

1. reporting verbs ("X said that ...", "..., X said", "“...,” X wrote", "X said: “...”",
   "A, X said, B"), stance verbs with an object ("X called for a ban"), requests ("asked
   the board to resign"), light verbs with a noun of stance ("expressed concern about") and
   documents that report for their author ("issued a statement saying");
2. "according to X" and reporting nouns ("X's claim that ...");
3. text with no verb of its own (``attribution_lines``): colon quotations, speaker lines,
   quotations signed with a dash, Title Case headlines, and quotations that open or continue
   a speaker's statement around its frame.

Then one step finishes them: a report inside another's content that is part of what was said
is dropped ("She said she plans to run"), sources are resolved to entities, relays become
``via`` chains, other reports inside reports get ``nested_in``, and channel, hedge and kind
are read off the text (``attribution_finish``). What a verb reports, its clause, object or
quotation, is ``attribution_content``; adjectives of stance ("confident that") and passives
with an agent ("criticized by senators") are ``attribution_adjective`` and
``attribution_passive``; candidates and the span helpers are ``attribution_spans``.
Offsets are characters of the canonical text, never token indices; the text is read from the
``Doc`` once and passed down, since spaCy rebuilds ``Doc.text`` on every access.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import cues
from .attribution_adjective import STANCE_ADJECTIVES, stance_adjective
from .attribution_content import (
    clause_tokens,
    outer_report,
    verb_content,
    with_elaboration,
)
from .attribution_cue import (
    adjective_controlled,
    controlled,
    cue_span,
    leading_act,
    unasserted,
    went_on,
)
from .attribution_documents import document_author, issued_participle, issued_with, relative_author
from .attribution_finish import dedupe, finish, outlet_voice
from .attribution_frames import by_reckoning, in_eyes_of, per_source, to_holder
from .attribution_lines import (
    colon_quotes,
    continued_quotes,
    dash_quotes,
    headline_verbs,
    joined_quotes,
    opened_before_the_frame,
    signed_inside,
    subject_before_the_frame,
)
from .attribution_objects import (
    as_reported_by,
    made_clear,
    name_given,
    particle_report,
    with_preposition,
    with_stance_noun,
)
from .attribution_passive import (
    agentless_passive,
    as_expected,
    asked_question,
    held_view,
    passive_with_agent,
    reduced_passive,
)
from .attribution_phrases import (
    according_to,
    according_to_by_commas,
    from_noun,
    in_record,
    partisan,
    received_stance,
    source_phrase,
    stated_is,
)
from .attribution_spans import (
    SUBJECTS,
    Candidate,
    balanced,
    in_quote,
    lemma_of,
    overlap,
    quote_content,
    token_span,
    trimmed,
)
from .entities import EntityIndex
from .model import Attribution, Diagnostic
from .quotes import Quote, find_quotes

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def find_attributions(
    doc: Doc, entities: EntityIndex, *, outlet: str | None = None
) -> tuple[tuple[Attribution, ...], tuple[Diagnostic, ...]]:
    """Every attribution of ``doc``, in text order, with diagnostics for local problems.

    Args:
        doc: the parsed canonical text.
        entities: the document's entities, to resolve sources.
        outlet: the publishing outlet's name; its own voice is never an attribution.
    """
    text = doc.text
    quotes, diagnostics = find_quotes(text)
    phrase = partial(source_phrase, np=_np)  # a prepositional frame's reader
    found: list[Candidate] = []
    for sent in doc.sents:
        for tok in sent:
            cand: Candidate | None = None
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cand = according_to(text, tok, sent, _np) or according_to_by_commas(
                    text, tok, sent, _np
                )
            elif tok.lower_ == "in" and not in_quote(tok, quotes):
                cand = in_record(text, tok, sent, _np) or in_eyes_of(tok, sent, phrase)
            elif tok.lower_ == "per" and not in_quote(tok, quotes):
                cand = per_source(tok, sent, phrase)
            elif tok.lower_ == "by" and not in_quote(tok, quotes):
                cand = by_reckoning(tok, sent, phrase)
            elif tok.lower_ == "to" and not in_quote(tok, quotes):
                cand = to_holder(tok, sent, phrase)
            elif tok.pos_ == "VERB" and (
                lemma_of(tok) in cues.SPEECH_VERBS
                or lemma_of(tok) in cues.STANCE_VERBS
                or lemma_of(tok) in cues.REQUEST_VERBS
                or lemma_of(tok) in cues.LIGHT_VERBS
                or lemma_of(tok) in cues.CONSTRUCTION_VERBS
                or particle_report(tok)
            ):
                if not in_quote(tok, quotes):
                    cand = (
                        asked_question(text, tok, sent, _np, cue_span)
                        or _from_verb(text, tok, sent, quotes)
                        or passive_with_agent(text, tok, sent, _np, cue_span)
                        or agentless_passive(text, tok, sent, cue_span)
                        or held_view(text, tok, sent, cue_span)
                        or reduced_passive(text, tok, sent, _np, cue_span)
                        or as_expected(text, tok, sent)
                    )
                    if cand is not None and cand.cue is not None and unasserted(tok, cand.cue):
                        cand = None
            elif tok.pos_ == "VERB" and lemma_of(tok) in cues.HELD_VIEW_PASSIVES:
                if not in_quote(tok, quotes):
                    cand = held_view(text, tok, sent, cue_span)
            elif tok.pos_ == "VERB" and issued_participle(tok) and not in_quote(tok, quotes):
                cand = _from_verb(text, tok, sent, quotes)
            elif tok.pos_ == "NOUN" and lemma_of(tok) in cues.SPEECH_NOUNS:
                cand = from_noun(text, tok, sent, _np)
                if cand is None and not in_quote(tok, quotes):
                    cand = stated_is(text, tok, sent, _np)
            elif tok.pos_ == "NOUN" and lemma_of(tok) in cues.STATED_NOUNS:
                if not in_quote(tok, quotes):
                    cand = stated_is(text, tok, sent, _np)
            elif tok.pos_ == "NOUN" and lemma_of(tok) in cues.RECEIVED_NOUNS:
                cand = received_stance(text, tok, sent, _np)
            elif (
                tok.pos_ == "NOUN"
                and lemma_of(tok) in cues.PARTISAN_NOUNS
                and not in_quote(tok, quotes)
            ):
                cand = partisan(text, tok, sent, _np)
            if cand is None and tok.lower_ in STANCE_ADJECTIVES and not in_quote(tok, quotes):
                cand = stance_adjective(text, tok, sent, _np, cue_span)
            if cand is not None and not outlet_voice(text, cand, outlet):
                found.append(_without_connective(doc, cand, quotes))
    found.extend(headline_verbs(text, doc, found))
    found.extend(colon_quotes(text, doc, quotes, found))
    signed = dash_quotes(text, quotes)
    if signed:
        # a signed quotation is its signer's; a verb inside it belongs to its words
        found = [c for c in found if not any(signed_inside(c, q) for q, _ in signed)]
        found.extend(c for _, c in signed)
    found = opened_before_the_frame(text, quotes, found)
    found = subject_before_the_frame(text, doc, quotes, found)
    found = joined_quotes(text, quotes, found)
    found.extend(continued_quotes(text, quotes, found))
    found = _without_nested_stance(text, dedupe(found))
    return finish(text, entities, quotes, found), diagnostics


_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whom)\s+$", re.IGNORECASE)


def _without_nested_stance(text: str, found: list[Candidate]) -> list[Candidate]:
    """Drop a report inside another report's content that is part of what was said.

    That is a report by the same speaker ("She said she plans to run": one statement, whose
    content holds the plan) and a stance reported by someone else ("Aides said he wants a
    recount": what the aides said is that he wants one). A statement or thought of
    another speaker ("the agency said the soldier thought ...") stays, for ``nested_in``.
    The inner speaker is the same when its source is a personal pronoun or repeats the
    outer source's words.
    """

    def same_speaker(inner: Candidate, outer: Candidate) -> bool:
        if inner.source is None or outer.source is None:
            return False
        # "praised the budget, which she said was balanced": a relative clause is a
        # statement of its own, not part of what was praised
        if _RELATIVE_BEFORE.search(text, max(0, inner.source[0] - 8), inner.source[0]):
            return False
        a = text[inner.source[0] : inner.source[1]].lower()
        b = text[outer.source[0] : outer.source[1]].lower()
        return a in _PERSONAL or a == b or (len(a) > 3 and a in b)

    def part_of(inner: Candidate, outer: Candidate) -> bool:
        # "The union, which endorsed her, is widely seen as ...": a report in the subject
        # of an unsourced view is not what was seen
        if (
            outer.cue is not None
            and overlap(outer.content, outer.cue)
            and inner.cue is not None
            and inner.cue[1] <= outer.cue[0]
        ):
            return False
        # "“A,” she said, adding that ... “B.”": a report in the frame between two parts
        # of a quotation is the frame's, not part of what was quoted
        if (
            outer.cue is not None
            and inner.cue is not None
            and outer.content[0] < outer.cue[0]
            and outer.cue[1] <= inner.cue[0]
            and inner.content[1] < outer.content[1]
            and not re.search(_QUOTE_MARK, text[outer.cue[1] : inner.cue[0]])
            and re.search(_QUOTE_MARK, text[outer.content[0] : outer.cue[0]])
            and re.search(_QUOTE_MARK, text[inner.content[1] : outer.content[1]])
        ):
            return False
        # a naming clause ("what Gilbert called a problem") holds its own cue, and names
        # its speaker: the name is the speaker's, whoever reports it
        naming = inner.cue is not None and overlap(inner.content, inner.cue)
        stance = inner.lemma in cues.STANCE_VERBS and inner.lemma not in cues.SPEECH_VERBS
        return (stance and not naming) or same_speaker(inner, outer)

    cues_ = [c.cue for c in found if c.cue is not None]
    found = [
        c
        for c in found
        if c.cue is None
        # "refused" inside "refused to disclose": one report, told by the larger cue
        or not any(k != c.cue and k[0] <= c.cue[0] and c.cue[1] <= k[1] for k in cues_)
    ]
    return [
        c
        for c in found
        if c.cue is None
        or c.lemma == ":"
        or not any(
            o is not c and o.content[0] <= c.cue[0] and c.cue[1] <= o.content[1] and part_of(c, o)
            for o in found
        )
    ]


_PERSONAL = frozenset({"he", "she", "they", "we", "i", "it"})
_QUOTE_MARK = re.compile(r"[“”\"]|''")


#: A sentence's opening link to what came before ("And", "However,") or a dateline
#: ("WASHINGTON ― "): the reporter's, not the source's, unless quoted.
_CONNECTIVE = re.compile(
    r"(?:(?:And|However|In addition|Also|Moreover|Furthermore),?\s+"
    r"|[A-Z]{3,}(?:,?\s[A-Z][A-Za-z.]+)*\s*[―—–-]+\s+)(?=\S)"
)


def _without_connective(doc: Doc, c: Candidate, quotes: tuple[Quote, ...]) -> Candidate:
    """``c`` with its content's opening connective or dateline dropped (see _CONNECTIVE).

    Quoted words keep theirs, and "However laudable the goal, ..." (a concession) is kept.
    """
    text = doc.text
    s, e = c.content
    m = _CONNECTIVE.match(text, s, e)
    if m is None or any(q.open < s < q.close for q in quotes):
        return c
    after = doc.char_span(m.end(), e, alignment_mode="expand")
    if text.startswith("However", s) and after is not None and after[0].pos_ in ("ADJ", "ADV"):
        return c
    return replace(c, content=(m.end(), e))


# --- pass 1: reporting verbs -------------------------------------------------------------


def _from_verb(
    text: str, verb: Token, sent: SpacySpan, quotes: tuple[Quote, ...]
) -> Candidate | None:
    if verb.dep_ in ("amod", "compound", "acomp"):
        # "“Debate recap,” tweeted Rubio spokesman Alex Conant": the parser took the verb for
        # an adjective of the name after it
        if verb.tag_ == "VBD":
            return _speaker_after_quotation(text, verb, sent, quotes)
        return None
    source = _subject(text, verb)
    issued: Token | None = None
    relative = relative_author(verb)
    if relative is not None:
        # "released a video that accuses ...": the video speaks for who released it
        author, issued = relative
        source = _np(text, author)
    if source is None:
        inverted = _speaker_after_quotation(text, verb, sent, quotes)
        if inverted is not None:
            return inverted
        authored = document_author(verb)
        if authored is not None:
            author, issued = authored
            source = _np(text, author)
        else:
            agent = as_reported_by(verb)
            source = (
                _participle_owner(text, verb)
                or _lost_subject(text, verb)
                or _subject_in_left_clause(text, verb)
                or _participle_root_subject(text, verb)
                or _verbless_subject(text, verb)
                or (_np(text, agent) if agent is not None else None)
            )
            if source is None:
                return None
    cue = cue_span(verb)
    issued = issued or issued_with(verb)
    if issued is not None:
        # "issued a statement calling ...": the act of issuing is part of the cue
        cue = (cue_span(issued)[0], cue[1])
    elif controlled(verb, source[0]):
        # "appeared to suggest", "refused to disclose": the verb that governs the report
        # and lends it its subject is part of the cue
        cue = (cue_span(verb.head)[0], cue[1])
    elif adjective_controlled(verb):
        # "was quick to add", "has been careful not to mention": the copula and the
        # adjective are part of the cue
        cue = (cue_span(verb.head.head)[0], cue[1])
    elif (act := leading_act(verb)) is not None:
        # "responded by saying", "followed up by asking", "hit back, saying": the act the
        # participle carries out is part of the cue
        cue = (cue_span(act)[0], cue[1])
    relay = _inverted_relay(text, verb)
    if relay is not None:
        comp, relay_source = relay
        toks = clause_tokens(comp, verb, source[0])
        content = balanced(text, token_span(text, toks), quotes) if toks else None
    else:
        relay_source = None
        content = verb_content(text, verb, sent, quotes, cue, source)
        if content is None and lemma_of(verb) in cues.SPEECH_VERBS:
            content = _next_paragraph(text, verb, sent, quotes)
    if content is None:
        return None
    content = with_elaboration(text, verb.doc, content, quotes)
    src, core = source
    # "A, X said, B": a frame set off by commas inside the content (see with_left_part)
    framed = (
        content[0] < src[0] < src[1] <= cue[0] < cue[1] < content[1]
        and re.search(r",(?:\s*as)?$", text[content[0] : src[0]].rstrip(), re.IGNORECASE)
        and re.match(r"[^,.;:!?“”\"]{0,30},", text[cue[1] : content[1]]) is not None
    )
    if (
        not framed
        and not name_given(verb)
        and relative is None
        and (overlap(content, src) or overlap(content, cue))
    ):
        return None
    cue = with_preposition(text, verb, cue, content)
    cue = with_stance_noun(text, verb, cue, content)
    if lemma_of(verb) == "make" and (clear := made_clear(verb)) is not None:
        cue = (cue[0], clear.idx + len(clear))  # "made it clear"
    elif lemma_of(verb) == "put" and verb.i + 1 < len(verb.doc) and verb.nbor(1).lower_ == "it":
        cue = (cue[0], verb.nbor(1).idx + 2)  # "as she put it"
    return Candidate(
        content,
        cue,
        src,
        core,
        lemma_of(verb),
        frame=(sent.start_char, sent.end_char),
        relay=relay_source,
    )


def _speaker_after_quotation(
    text: str, verb: Token, sent: SpacySpan, quotes: tuple[Quote, ...]
) -> Candidate | None:
    """ "“...,” said the woman, who did not want to be named": the parser, lost in the
    long description, made the speaker the subject of a later verb. The noun phrase right
    after the verb, up to its first comma, is the speaker; the quotation before, the content.
    """
    mark = _closing_mark(verb)
    if lemma_of(verb) not in cues.SPEECH_VERBS or mark is None:
        return None
    doc = verb.doc
    quote = next((q for q in quotes if q.close <= mark.idx < q.after), None)
    if quote is None or verb.i + 1 >= sent.end:
        return None
    first = doc[verb.i + 1]
    if not (first.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or _name_like(first)) or first.is_punct:
        return None
    end = first.i
    while (
        end + 1 < sent.end
        and not doc[end + 1].is_punct
        and (
            doc[end + 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART")
            or _name_like(doc[end + 1])
        )
    ):
        end += 1
    head = doc[end]
    if not (head.pos_ in ("PROPN", "NOUN") or _name_like(head)) or end - first.i > 6:
        return None
    src = (first.idx, head.idx + len(head))
    content = quote_content(text, quote)
    if content[1] <= content[0]:
        return None
    cue = cue_span(verb)
    return Candidate(
        content,
        (cue[0], min(cue[1], max(src[0] - 1, verb.idx + len(verb)))),
        src,
        src,
        lemma_of(verb),
        frame=(min(quote.open, sent.start_char), sent.end_char),
    )


def _name_like(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for something else
    ("“...,” said Skelly", with "Skelly" tagged an adverb)."""
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.pos_ != "PRON"


def _next_paragraph(
    text: str, verb: Token, sent: SpacySpan, quotes: tuple[Quote, ...]
) -> tuple[int, int] | None:
    """ "The governor added:" closing its paragraph: what was added is the next paragraph."""
    tail = text[verb.idx + len(verb) : sent.end_char + 2]
    m = re.match(r"[^.!?\n“”\"]{0,80}?:[ \t]*\n", tail)
    if m is None:
        return None
    start = verb.idx + len(verb) + m.end()
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    quote = next((q for q in quotes if q.open == start), None)
    if quote is not None:
        return quote_content(text, quote)
    span = trimmed(text, start, end)
    return span if span[1] - span[0] > 2 else None


#: Verbs of saying that an infinitive of purpose reports ("came out to say"); of other
#: verbs the purpose is an intended act ("met to discuss", "rallied to defend").
_PURPOSE_SAYING = frozenset({"say", "tell"})


def _purpose_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is an infinitive of purpose after its verb ("rushed to TV to say",
    "tweeted on Friday to say"): an adverbial clause with "to" right before the verb."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and lemma_of(verb) in _PURPOSE_SAYING
        and head.pos_ in ("VERB", "AUX")
        and head.i < verb.i
        and verb.i > 0
        and verb.doc[verb.i - 1].lower_ == "to"
        and verb.doc[verb.i - 1].head.i == verb.i
    )


def _participle_owner(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The noun a stance participle describes: "a super PAC supporting Jeb Bush", "groups
    opposing the law" (the noun phrase without the participle), when the participle follows
    its noun directly and has an object; and what says a clause, "calls saying shots were
    fired", "50 percent saying she is prepared"."""
    noun = verb.head
    if (
        verb.dep_ != "acl"
        or verb.tag_ != "VBG"
        or noun.i > verb.i
        or noun.pos_ not in ("NOUN", "PROPN", "PRON")
        or not (
            (
                lemma_of(verb) in cues.BACKING_PARTICIPLES
                and any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)
            )
            # "polls show 50 percent saying she is prepared", "a sign saying “...”"
            # (a document's participle speaks for its author: ``document_author``)
            or (
                lemma_of(verb) in _SAYING
                and lemma_of(noun) not in cues.DOCUMENT_NOUNS
                and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
            )
        )
        or verb.left_edge.i != verb.i
        or verb.doc[verb.i - 1].is_punct
    ):
        return None
    return _np(text, noun, exclude=verb)


#: Participles that report what the noun they describe says: "voters saying they want ...".
_SAYING = frozenset({"say"})


def _participle_root_subject(
    text: str, verb: Token
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Activists clamoring to block the bill say they are gaining": the parser took the
    participle (or "privy") for the sentence's verb and hung the verb of saying on it. Its
    subject with the participle's phrase, up to the verb, is the speaker, when the verb is
    present tense and reports a clause."""
    head = verb.head
    subj = [c for c in head.children if c.dep_ == "nsubj" and c.i < head.i]
    if (
        verb.dep_ != "dep"
        or verb.tag_ not in ("VBP", "VBZ")
        or lemma_of(verb) not in cues.SPEECH_VERBS
        or head.i > verb.i
        or head.tag_ not in ("VBG", "VBP", "JJ")
        or head.dep_ != "ROOT"
        or verb.left_edge.i != verb.i
        or not subj
        or subj[0].pos_ not in ("NOUN", "PROPN")
        or verb.doc[verb.i - 1].is_punct
        or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
    ):
        return None
    last = verb.doc[verb.i - 1]
    mention = trimmed(text, subj[0].left_edge.idx, last.idx + len(last))
    return mention, _np(text, subj[0])[1]


def _verbless_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Beruff, a Scott ally, called the standards “strong.”": the parser made the verb a
    participle of the name and the name the head of a sentence with no verb. A sentence has
    one, so the name is the verb's subject, when the verb is a past form with nothing of a
    clause of its own (no auxiliary, subject, agent or "when") before it."""
    noun = verb.head
    if (
        verb.dep_ not in ("acl", "relcl")
        or verb.tag_ not in ("VBD", "VBN")
        or noun.dep_ != "ROOT"
        or noun.pos_ not in ("NOUN", "PROPN")
        or noun.i > verb.i
        or any(
            c.dep_ in (*SUBJECTS, "aux", "auxpass", "agent", "mark")
            or (c.i < verb.i and c.tag_ in ("WRB", "WDT", "WP"))
            for c in verb.children
        )
    ):
        return None
    return _np(text, noun, exclude=verb)


def _lost_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that
    ...": the parser joined the name to an earlier phrase and left the verb without a
    subject. The name right before the verb (with its apposition) is the subject, when the
    verb reports a clause and heads its sentence."""
    doc = verb.doc
    if (
        verb.dep_ not in ("ROOT", "dep")
        or lemma_of(verb) not in cues.SPEECH_VERBS
        or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
        or verb.i < 2
    ):
        return None
    end = verb.i - 1
    if doc[end].text == ",":
        end -= 1
    last = doc[end]
    anchor = next(
        (a for a in [last, *last.ancestors] if a.dep_ == "appos" and a.right_edge.i == end),
        None,
    )
    name = anchor.head if anchor is not None else last
    if (
        name.pos_ != "PROPN"
        or name.dep_ not in ("conj", "pobj", "appos", "dobj")
        or name.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE", "")
        or (anchor is None and (name.i != end or end != verb.i - 1))
    ):
        return None
    start = name
    while (
        start.i > 0
        and doc[start.i - 1].dep_ == "compound"
        and doc[start.i - 1].head == name
        # a title ("Senator") or the name's own words, not another name ("the Post Trump")
        and (doc[start.i - 1].ent_type_ == "" or start.ent_iob_ == "I")
    ):
        start = doc[start.i - 1]
    mention = trimmed(text, start.idx, last.idx + len(last))
    core = trimmed(text, start.idx, name.idx + len(name))
    return mention, core


def _subject_in_left_clause(
    text: str, verb: Token
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Lee, who chairs the panel, said the plan failed", "Voters going to the polls said
    they ...", "About 4 in 10 say they ...": the parser read the speaker's description as a
    clause of its own (whose subject is the speaker) or a number, and left the verb with no
    subject. The words from the sentence's start to the verb are the speaker, when they are
    one phrase opening the sentence, the verb reports a clause after it and heads the sentence.
    """
    doc = verb.doc
    if (
        verb.dep_ != "ROOT"
        or lemma_of(verb) not in cues.SPEECH_VERBS
        or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
        or any(c.dep_ in (*SUBJECTS, "dobj", "expl", "csubjpass") for c in verb.children)
    ):
        return None
    start = verb.sent.start
    left = [c for c in verb.children if c.i < verb.i and not c.is_punct]
    # "also", "last week": the verb's own words right before it
    own = [
        c
        for c in left
        if c.dep_ in ("advmod", "aux", "neg")
        # "..., last week said": a time of its own after a comma, not the end of a name
        or (c.dep_ == "npadvmod" and doc[c.left_edge.i - 1].is_punct)
    ]
    phrase = [c for c in left if c not in own]
    if len(phrase) != 1 or phrase[0].left_edge.i != start:
        return None
    clause = phrase[0]
    if clause.dep_ in ("ccomp", "csubj"):
        subj = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
        if not subj or subj[0].left_edge.i != start or subj[0].pos_ not in ("NOUN", "PROPN"):
            return None
        head = subj[0]
        # the description is set off from the name ("Lee, who ...") or is a participle
        # ("voters going to the polls"); "Lee offered a job, then says ..." is two clauses
        participle = clause.tag_ in ("VBG", "VBN") and not any(
            c.dep_ in ("aux", "auxpass") for c in clause.children
        )
        if not participle and doc[head.i + 1].text not in (
            ",",
            "(",
            "-",
            "—",
            "–",
        ):
            return None
    elif clause.dep_ == "nummod" and clause.pos_ == "NUM":
        head = clause
    else:
        return None
    end = min([verb.i, *(c.left_edge.i for c in own)]) - 1
    while end > start and doc[end].is_punct:
        end -= 1
    if end < head.i or any(t.text in ("“", "”", '"', ";", ":") for t in doc[start : end + 1]):
        return None
    mention = trimmed(text, doc[start].idx, doc[end].idx + len(doc[end]))
    core = _np(text, head)[1] if head is not clause else mention
    return mention, core


def _inverted_relay(
    text: str, verb: Token
) -> tuple[Token, tuple[tuple[int, int], tuple[int, int], tuple[int, int]]] | None:
    """ "X said C, Y reported": the parser hangs Y's verb under X's as its complement.

    Returns the clause C and Y's mention, name core and cue, when ``verb``'s complement is
    a reporting verb with a subject of its own whose own complement precedes it.
    """
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.i < verb.i:
            continue
        if lemma_of(comp) not in cues.RELAY_VERBS | cues.SPEECH_VERBS:
            continue
        subj = [c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i]
        inner = [c for c in comp.children if c.dep_ == "ccomp" and c.i < subj[0].i] if subj else []
        if subj and inner and verb.i < inner[0].i:
            mention, core = _np(text, subj[0])
            return inner[0], (mention, core, cue_span(comp))
    return None


def _subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The source of ``verb``: its subject, or its conjunct head's, or a relative's antecedent."""
    head = verb
    conjunct = False  # whether ``head`` was reached from a conjunct ("X was ... and said")
    pieces: list[Token] = []
    for _ in range(3):
        subj = sorted(
            (c for c in head.children if c.dep_ in SUBJECTS), key=lambda c: c.lower_ in _RELATIVE
        )
        if len(subj) > 1:
            # "Co-host Lee asked": the parser took the pieces of a hyphenated word for
            # subjects of their own; the subject is the noun they modify
            pieces = [c for c in subj if _word_piece(c)]
            subj = [c for c in subj if c not in pieces] or subj
        if len(subj) > 1 and _after_quotation(head):
            # "“... Full panic mode,” said Ms. Lee": the words before the verb are quoted
            subj = [c for c in subj if c.i > head.i] or subj
        elif len(subj) > 1:
            subj = _frame_subject(head, subj)
        if subj:
            s = subj[0]
            # "X was forced to retreat and said ...": the passive subject of the verb a
            # conjunct hangs on is the conjunct's own subject
            if s.dep_ == "nsubjpass" and not _has_said(head) and not conjunct:
                agent = [c for c in head.children if c.dep_ == "agent"]
                objs = [g for a in agent for g in a.children if g.dep_ == "pobj"]
                if not objs:
                    return None
                s = objs[0]
            if s.lower_ in _RELATIVE and head.dep_ == "relcl":
                # "X, who said ...": the mention as written is "who"; its antecedent
                # names the entity.
                pronoun = (s.idx, s.idx + len(s))
                return pronoun, _np(text, head.head, exclude=head)[1]
            if s.dep_ == "expl":
                return None
            mention, core = _np(text, s)
            if pieces and s not in pieces:
                # "The ex-wife": the words of the hyphenated word's first part
                start = min(p.left_edge.idx for p in pieces)
                if max(p.right_edge.i for p in pieces) == s.left_edge.i - 1:
                    mention = (min(start, mention[0]), mention[1])
                    core = (min(start, core[0]), core[1])
            return mention, core
        if head is verb and (outer := outer_report(verb)) is not None:
            head = outer  # "X said Y was wrong and criticized him": X criticized
            continue
        if head.dep_ == "conj" or (head.dep_ in ("advcl", "xcomp") and head.tag_ == "VBG"):
            # "X smiled and said ...", "X said ..., adding that ...": the head's subject
            participle = head.dep_ != "conj" and head.i > 0 and head.doc[head.i - 1].text == ","
            conjunct = head.dep_ == "conj" and head.head.dep_ != "xcomp"
            head = head.head
            while participle and head.dep_ == "ccomp" and lemma_of(head.head) in cues.SPEECH_VERBS:
                # "X said A was wrong, arguing that ...": the parser hangs the participle
                # on A; it is X who argues
                head = head.head
            continue
        if (head.dep_ == "xcomp" or went_on(head)) and not any(
            c.dep_ == "dobj" for c in head.head.children
        ):
            # "X refused to say ...", "X avoids condemning ...": subject control; "X was
            # quick to add ...": the adjective's subject is the copula's
            head = head.head
            conjunct = False
            if head.dep_ == "acomp" and head.pos_ == "ADJ":
                head = head.head
            continue
        if head is verb and _purpose_infinitive(verb):
            # "X rushed to TV to say ...", "X stood at the event to say ...": the infinitive
            # of purpose shares the subject of the verb it serves
            head = head.head
            conjunct = False
            continue
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
            # "In defending himself, X offered ...": the clause's subject
            head = head.head.head
            conjunct = False
            continue
        return None
    return None


def _word_piece(tok: Token) -> bool:
    """Whether ``tok`` is a hyphen or the part before one inside a word ("co" of "co-host")."""
    doc = tok.doc
    if tok.text == "-":
        return not tok.whitespace_ and tok.i > 0 and not doc[tok.i - 1].whitespace_
    return (
        not tok.whitespace_
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].text == "-"
        and not doc[tok.i + 1].whitespace_
        and doc[tok.i + 2].is_alpha
    )


def _frame_subject(verb: Token, subj: list[Token]) -> list[Token]:
    """ "“Like it or not,” Lee said", "The plan failed, she said", "The plan failed, said
    Lee": the parser gave the frame's verb the statement's subject as well as its own. The
    subject nearest the verb, parted from the others by a comma or a closing quotation mark,
    is the speaker's; the others are what was said."""
    near = min(subj, key=lambda c: abs(c.i - verb.i))
    if near.lower_ in _RELATIVE:
        return subj
    doc = verb.doc
    for other in subj:
        if other is near:
            continue
        lo, hi = sorted((other.i, near.i))
        if not any(t.text in (",", "”", '"', "''") for t in doc[lo + 1 : hi]):
            return subj
    return [near] + [c for c in subj if c is not near]


def _has_said(verb: Token) -> bool:
    """ "He's said he will run": the parser reads the contracted "has" as a passive "is";
    with a clause of its own the verb is active ("he's said to be" stays passive)."""
    children = list(verb.children)
    return (
        any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in children)
        and any(c.dep_ == "ccomp" for c in children)
        and not any(c.lower_ == "been" for c in children)
        and not any(c.dep_ == "nsubjpass" and c.lower_ in cues.DUMMY_SUBJECTS for c in children)
    )


def _after_quotation(verb: Token) -> bool:
    """Whether ``verb`` directly follows a closing quotation mark ("“...,” said")."""
    return _closing_mark(verb) is not None


def _closing_mark(verb: Token) -> Token | None:
    """The closing quotation mark ``verb`` directly follows, past a comma or dash."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in (",", "—", "–"):
        i -= 1
    return verb.doc[i] if i >= 0 and verb.doc[i].text in ("”", '"', "''", "»") else None


def _np(
    text: str, head: Token, exclude: Token | None = None
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The source as written and its name core, for ``head`` of a noun phrase.

    The mention keeps titles, appositions ("Rendell, a Clinton surrogate"), relative
    clauses and participles that say which source it is ("a poll released Monday") but not
    participles set off by a comma ("Trump, speaking to ..."), the time or medium of the
    statement ("Lee on Tuesday", "Lee in a statement"), leading adverbs ("Even China", but
    not a count's "Nearly half") or a dateline ("BRUSSELS - European leaders"). A
    hyphenated word is never cut. The core drops appositions too: it is what names the
    entity.
    """
    # a participle set off by a comma ("Lee, speaking in Ohio") describes the source; one
    # without ("a poll released Monday") says which source it is
    clauses = [c for c in head.children if c.i > head.i and c.dep_ == "acl" and _after_comma(c)]
    # a relative clause set off by a comma that is a report of its own ("Ms. Lee, who said
    # she was there,") is that report's, not part of the mention
    clauses += [
        c
        for c in head.children
        if c.i > head.i and c.dep_ == "relcl" and _after_comma(c) and _reports(c)
    ]
    # the time or the medium of the statement the parser hung on the speaker ("Lee on
    # Tuesday said", "Lee in a statement said") is the verb's, not the speaker's
    clauses += [c for c in head.children if c.i > head.i and _occasion(c)]
    leading = [
        c
        for c in head.children
        if c.i < head.i
        and c.dep_ in ("advmod", "preconj", "cc")
        and c.i == head.left_edge.i
        # "nearly half", "both parties": a count's own words stay
        and c.lower_ not in _QUANTIFYING
    ]
    toks = [
        t
        for t in head.subtree
        if (exclude is None or not _in_subtree(t, exclude))
        and not any(_in_subtree(t, c) for c in clauses + leading)
    ]
    # what is left after a clause was taken out ("Lee, speaking in Ohio,") ends at the gap;
    # otherwise only punctuation may part the name from what describes it (an apposition
    # the parser hung on the name from far away, "X alleges that ..., a claim that Y
    # disputes", is not part of the mention)
    doc = head.doc
    run = [t for t in toks if t.i <= head.i]
    for t in toks:
        gap = range(run[-1].i + 1, t.i)
        if t.i > run[-1].i and (not gap or (not clauses and all(doc[j].is_punct for j in gap))):
            run.append(t)
        elif t.i > head.i:
            break
    toks = _after_dateline(run)
    full = _whole_words(text, token_span(text, toks))
    appositions = [
        c for c in head.children if c.i > head.i and c.dep_ == "appos" and _after_comma(c)
    ]
    core_toks = [t for t in toks if not any(_in_subtree(t, c) for c in appositions)]
    core_toks = [t for t in core_toks if t.i <= head.i or t.i - head.i < 12]
    core = _whole_words(text, token_span(text, core_toks)) if core_toks else full
    return full, core


def _whole_words(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Extend ``span`` over the rest of a hyphenated word it cuts ("co-host", "AFL-CIO"):
    the parser may split one at the hyphen."""
    start, end = span
    while start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
        start -= 1
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while end + 1 < len(text) and text[end] == "-" and text[end + 1].isalnum():
        end += 1
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


#: Words before a noun phrase that belong to its count: "nearly half", "about 40 percent",
#: "both parties" (where "even", "only", "also" before a source do not).
_QUANTIFYING = frozenset(
    "nearly almost about roughly approximately around both either neither".split()
)

#: Nouns of the medium of a statement: "in a statement", "via email".
_MEDIUM_NOUNS = frozenset(
    """
    statement speech interview post posting filing email e-mail letter tweet op-ed column
    memo release remarks appearance testimony video
    """.split()
)


def _occasion(prep: Token) -> bool:
    """Whether ``prep``, a prepositional phrase after the head of a source, gives the time
    ("on Tuesday", "during a Sunday interview") or the medium ("in a statement", "via
    email") of the statement rather than which source it is ("a poll in June", "the
    report in the paper" stay)."""
    if prep.dep_ != "prep":
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return False
    obj = objs[0]
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in obj.subtree)
    if (prep.lower_ == "on" and obj.ent_type_ in ("DATE", "TIME")) or (
        prep.lower_ == "during" and dated
    ):
        return True
    return (
        prep.lower_ in ("in", "via", "during")
        and lemma_of(obj) in _MEDIUM_NOUNS
        and lemma_of(prep.head) not in cues.DOCUMENT_NOUNS | cues.EVIDENCE_NOUNS
    )


def _after_dateline(toks: list[Token]) -> list[Token]:
    """Drop a dateline that the parser joined to the first noun phrase of an article."""
    for i, t in enumerate(toks[:4]):
        if (
            t.text in ("-", "--", "—", "–", "―")
            and i > 0
            and all(x.is_upper or x.is_punct for x in toks[:i])
        ):
            return toks[i + 1 :] or toks
    return toks


def _reports(verb: Token) -> bool:
    """Whether ``verb`` is a verb of saying or of taking a stance ("who said", "who has
    been critical of")."""
    lemma = lemma_of(verb)
    return (
        lemma in cues.SPEECH_VERBS
        or lemma in cues.STANCE_VERBS
        or any(c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES for c in verb.children)
    )


def _after_comma(tok: Token) -> bool:
    return (
        tok.i > 0 and tok.doc[tok.left_edge.i - 1].text in (",", "—", "–")
        if tok.left_edge.i > 0
        else False
    )


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i
