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
are read off the text (``attribution_finish``). Who a verb's speaker is, and the noun
phrase naming it, is ``attribution_sources``; what a verb reports, its clause or quotation,
``attribution_content``, and its object ``attribution_objects``; adjectives of stance
("confident that") and passives with an agent ("criticized by senators") are
``attribution_adjective`` and ``attribution_passive``; candidates and the span and token
helpers are ``attribution_spans``.
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
    verb_content,
    with_elaboration,
)
from .attribution_cue import (
    adjective_controlled,
    controlled,
    cue_span,
    effort_head,
    leading_act,
    unasserted,
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
    announced_when,
    as_expected,
    asked_question,
    hearsay,
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
    poll_placing,
    received_stance,
    source_phrase,
    stated_is,
)
from .attribution_sources import (
    inverted_relay,
    noun_phrase,
    participle_owner,
    speaker_after_quotation,
    subject_of,
)
from .attribution_spans import (
    Candidate,
    balanced,
    in_quote,
    lemma_of,
    overlap,
    quote_content,
    token_span,
    trimmed,
)
from .attribution_speakers import (
    after_the_frame,
    appositive_subject,
    aside_subject,
    lost_subject,
    opening_phrase_subject,
    participle_root_subject,
    series_subject,
    speaker_between,
    subject_in_left_clause,
    verbless_subject,
)
from .entities import EntityIndex
from .model import Attribution, Diagnostic
from .quotes import Quote, find_quotes


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
    phrase = partial(source_phrase, np=noun_phrase)  # a prepositional frame's reader
    found: list[Candidate] = []
    for sent in doc.sents:
        for tok in sent:
            cand: Candidate | None = None
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cand = according_to(text, tok, sent, noun_phrase) or according_to_by_commas(
                    text, tok, sent, noun_phrase
                )
            elif tok.lower_ == "in" and not in_quote(tok, quotes):
                cand = in_record(text, tok, sent, noun_phrase) or in_eyes_of(tok, sent, phrase)
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
                        asked_question(text, tok, sent, noun_phrase, cue_span)
                        or _from_verb(text, tok, sent, quotes)
                        or speaker_between(text, tok, sent, quotes)
                        or passive_with_agent(text, tok, sent, noun_phrase, cue_span)
                        or agentless_passive(text, tok, sent, cue_span)
                        or held_view(text, tok, sent, cue_span)
                        or reduced_passive(text, tok, sent, noun_phrase, cue_span)
                        or as_expected(text, tok, sent)
                        or announced_when(text, tok, sent, cue_span)
                    )
                    if (
                        cand is not None
                        and cand.cue is not None
                        and unasserted(text, tok, cand.cue)
                    ):
                        cand = None
            elif tok.lower_ in cues.HEARSAY_ADVERBS and not in_quote(tok, quotes):
                cand = hearsay(text, tok, sent)
            elif tok.pos_ == "VERB" and _quote_only(tok):
                if not in_quote(tok, quotes):
                    cand = _from_verb(text, tok, sent, quotes)
            elif tok.pos_ == "VERB" and lemma_of(tok) in cues.HELD_VIEW_PASSIVES:
                if not in_quote(tok, quotes):
                    cand = held_view(text, tok, sent, cue_span)
            elif tok.pos_ == "VERB" and issued_participle(tok) and not in_quote(tok, quotes):
                cand = _from_verb(text, tok, sent, quotes)
            elif tok.pos_ == "NOUN" and (
                lemma_of(tok) in cues.SPEECH_NOUNS or lemma_of(tok) in cues.STATED_NOUNS
            ):
                if lemma_of(tok) in cues.SPEECH_NOUNS:
                    cand = from_noun(text, tok, sent, noun_phrase)
                if cand is None and not in_quote(tok, quotes):
                    cand = stated_is(text, tok, sent, noun_phrase)
            elif tok.pos_ == "NOUN" and lemma_of(tok) in cues.RECEIVED_NOUNS:
                cand = received_stance(text, tok, sent, noun_phrase)
            elif (
                tok.pos_ == "NOUN"
                and lemma_of(tok) in cues.PARTISAN_NOUNS
                and not in_quote(tok, quotes)
            ):
                cand = partisan(text, tok, sent, noun_phrase)
            if cand is None and tok.pos_ in ("VERB", "AUX") and not in_quote(tok, quotes):
                cand = poll_placing(text, tok, sent, noun_phrase)
            if cand is None and tok.lower_ in STANCE_ADJECTIVES and not in_quote(tok, quotes):
                cand = stance_adjective(text, tok, sent, noun_phrase, cue_span)
            if cand is not None and not outlet_voice(text, cand, outlet):
                found.append(_without_connective(doc, text, cand, quotes))
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
    found = _without_nested_stance(text, dedupe(text, found))
    return finish(text, entities, quotes, found), diagnostics


_RELATIVE_BEFORE = re.compile(r"\b(?:which|who|whom)\s+$", re.IGNORECASE)


def _without_nested_stance(text: str, found: list[Candidate]) -> list[Candidate]:
    """Drop a report inside another report's content that is part of what was said.

    That is a report by the same speaker ("She said she plans to run": one statement, whose
    content holds the plan) and a stance reported by someone else ("Aides said he wants a
    recount": what the aides said is that he wants one), whatever carries the stance: a
    verb that is no verb of saying or thinking ("officials said he ordered them to wait"),
    an adjective ("said he was confident that") or a light verb ("said she made a case
    for"). A statement or thought of another speaker ("the agency said the soldier thought
    ...", "denied her allegations that ...") and a frame ("said that according to X")
    stay, for ``nested_in``.
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
        stance = (
            (inner.lemma in cues.STANCE_VERBS or inner.lemma not in _NO_STANCE)
            and inner.lemma not in cues.SPEECH_VERBS
        ) or inner.lemma in cues.KNOWING_VERBS
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
#: Words of saying or thinking, verbs and nouns ("thought", "her allegations that"): a report
#: they carry inside another's stays, nested.
_SAID = cues.SPEECH_VERBS | cues.SPEECH_NOUNS | cues.STATED_NOUNS
#: Those and the lemmas given to reports carried by a frame ("according to X", "in a named
#: poll", "per X", "To many voters", "By one estimate", a dash or a colon): no stance.
_NO_STANCE = _SAID | frozenset({"according", "in", "per", "to", "by", "―", ":"})
_QUOTE_MARK = re.compile(r"[“”\"]|''")


#: A sentence's opening link to what came before ("And", "However,") or a dateline
#: ("WASHINGTON ― "): the reporter's, not the source's, unless quoted.
_CONNECTIVE = re.compile(
    r"(?:(?:And|However|In addition|Also|Moreover|Furthermore),?\s+"
    r"|[A-Z]{3,}(?:,?\s[A-Z][A-Za-z.]+)*\s*[―—–-]+\s+)(?=\S)"
)


def _without_connective(doc: Doc, text: str, c: Candidate, quotes: tuple[Quote, ...]) -> Candidate:
    """``c`` with its content's opening connective or dateline dropped (see _CONNECTIVE).

    Quoted words keep theirs, and "However laudable the goal, ..." (a concession) is kept.
    ``text`` is ``doc.text``, passed in because spaCy rebuilds that string on every access.
    """
    s, e = c.content
    m = _CONNECTIVE.match(text, s, e)
    if m is None or any(q.open < s < q.close for q in quotes):
        return c
    after = doc.char_span(m.end(), e, alignment_mode="expand")
    if text.startswith("However", s) and after is not None and after[0].pos_ in ("ADJ", "ADV"):
        return c
    return replace(c, content=(m.end(), e))


# --- pass 1: reporting verbs -------------------------------------------------------------


def _quote_only(verb: Token) -> bool:
    """Whether ``verb`` is a verb that reports only next to a quotation ("“...,” he barked",
    "she shot back, “...”"), with its particle when it needs one ("went on")."""
    lemma = lemma_of(verb)
    if lemma not in cues.QUOTE_ONLY_VERBS:
        return False
    particle = cues.QUOTE_PARTICLES.get(lemma)
    after = verb.i + 1
    if particle is not None:
        if not any(
            c.lower_ == particle and c.i == after and c.dep_ in ("prt", "advmod")
            for c in verb.children
        ):
            return False
        after += 1
    doc = verb.doc
    # "went on to win", "began to see": what it goes on to do, not words
    return not any(c.dep_ == "xcomp" for c in verb.children) and not (
        after < len(doc) and doc[after].lower_ == "to"
    )


def _from_verb(
    text: str, verb: Token, sent: SpacySpan, quotes: tuple[Quote, ...]
) -> Candidate | None:
    if verb.dep_ in ("amod", "compound", "acomp"):
        # "“Debate recap,” tweeted Rubio spokesman Alex Conant": the parser took the verb for
        # an adjective of the name after it
        if verb.tag_ == "VBD":
            return speaker_after_quotation(text, verb, sent, quotes)
        return None
    source = subject_of(text, verb)
    issued: Token | None = None
    relative = relative_author(verb)
    if relative is not None:
        # "released a video that accuses ...": the video speaks for who released it
        author, issued = relative
        source = noun_phrase(text, author)
    if source is None:
        inverted = speaker_after_quotation(text, verb, sent, quotes)
        if inverted is not None:
            return inverted
        authored = document_author(verb)
        if authored is not None:
            author, issued = authored
            source = noun_phrase(text, author)
        else:
            agent = as_reported_by(verb)
            source = (
                participle_owner(text, verb)
                or lost_subject(text, verb)
                or appositive_subject(text, verb)
                or opening_phrase_subject(text, verb)
                or subject_in_left_clause(text, verb)
                or aside_subject(text, verb)
                or participle_root_subject(text, verb)
                or verbless_subject(text, verb)
                or series_subject(text, verb)
                or after_the_frame(text, verb)
                or (noun_phrase(text, agent) if agent is not None else None)
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
    elif (effort := effort_head(verb)) is not None:
        # "went out of his way to praise", "took pains to say": the idiom of effort is part
        # of the cue
        cue = (cue_span(effort)[0], cue[1])
    elif adjective_controlled(verb):
        # "was quick to add", "has been careful not to mention": the copula and the
        # adjective are part of the cue
        cue = (cue_span(verb.head.head)[0], cue[1])
    elif (act := leading_act(verb)) is not None:
        # "responded by saying", "followed up by asking", "hit back, saying": the act the
        # participle carries out is part of the cue
        cue = (cue_span(act)[0], cue[1])
    relay = inverted_relay(text, verb)
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
