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
are read off the text. Candidates and the span helpers are ``attribution_spans``.
Offsets are characters of the canonical text, never token indices; the text is read from the
``Doc`` once and passed down, since spaCy rebuilds ``Doc.text`` on every access.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from . import cues
from .attribution_adjective import STANCE_ADJECTIVES, stance_adjective
from .attribution_lines import (
    colon_quotes,
    continued_quotes,
    dash_quotes,
    headline_verbs,
    opened_before_the_frame,
    signed_inside,
)
from .attribution_passive import passive_with_agent
from .attribution_spans import (
    QUOTE_MARKS,
    TRAIL,
    Candidate,
    balanced,
    in_quote,
    overlap,
    quote_content,
    trimmed,
)
from .entities import EntityIndex
from .model import Attribution, Diagnostic, Kind, Span
from .quotes import Quote, find_quotes

_SUBJECTS = ("nsubj", "nsubjpass")
_CUE_LEFT = ("aux", "auxpass", "neg")
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
_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
_MEDIA = re.compile(
    r"\b(?:News|Agency|Press|Times|Post|Journal|Reuters|AP|AFP|Bloomberg|CNN|BBC|Tribune|"
    r"Gazette|Herald|Telegraph|Guardian|Daily|Radio|TV|Television|Broadcasting|Network|"
    r"newspaper|outlet|broadcaster|magazine|wire service)\b"
)
_VOICE_OF_OUTLET = frozenset({"we", "us"})


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
    found: list[Candidate] = []
    for sent in doc.sents:
        for tok in sent:
            cand: Candidate | None = None
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cand = _according_to(text, tok, sent) or _according_to_by_commas(text, tok, sent)
            elif tok.pos_ == "VERB" and (
                _lemma(tok) in cues.SPEECH_VERBS
                or _lemma(tok) in cues.STANCE_VERBS
                or _lemma(tok) in cues.REQUEST_VERBS
                or _lemma(tok) in cues.LIGHT_VERBS
                or _lemma(tok) in _CONSTRUCTION_VERBS
            ):
                if not in_quote(tok, quotes):
                    cand = _from_verb(text, tok, sent, quotes) or passive_with_agent(
                        text, tok, sent, _np, _cue_span
                    )
            elif tok.pos_ == "NOUN" and _lemma(tok) in cues.SPEECH_NOUNS:
                cand = _from_noun(text, tok, sent)
            if cand is None and tok.lower_ in STANCE_ADJECTIVES and not in_quote(tok, quotes):
                cand = stance_adjective(text, tok, sent, _np, _cue_span)
            if cand is not None and not _outlet_voice(text, cand, outlet):
                found.append(_without_connective(doc, cand, quotes))
    found.extend(headline_verbs(text, doc, found))
    found.extend(colon_quotes(text, doc, quotes, found))
    signed = dash_quotes(text, quotes)
    if signed:
        # a signed quotation is its signer's; a verb inside it belongs to its words
        found = [c for c in found if not any(signed_inside(c, q) for q, _ in signed)]
        found.extend(c for _, c in signed)
    found = opened_before_the_frame(text, quotes, found)
    found.extend(continued_quotes(text, quotes, found))
    found = _without_nested_stance(text, _dedupe(found))
    return _finish(text, entities, quotes, found), diagnostics


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
        a = text[inner.source[0] : inner.source[1]].lower()
        b = text[outer.source[0] : outer.source[1]].lower()
        return a in _PERSONAL or a == b or (len(a) > 3 and a in b)

    def part_of(inner: Candidate, outer: Candidate) -> bool:
        stance = inner.lemma in cues.STANCE_VERBS and inner.lemma not in cues.SPEECH_VERBS
        return stance or same_speaker(inner, outer)

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
            o is not c
            and o.content[0] <= c.cue[0]
            and c.cue[1] <= o.content[1]
            and part_of(c, o)
            for o in found
        )
    ]


_PERSONAL = frozenset({"he", "she", "they", "we", "i", "it"})


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
        return None
    source = _subject(text, verb)
    issued: Token | None = None
    if source is None:
        authored = _document_author(verb)
        if authored is None:
            return None
        author, issued = authored
        source = _np(text, author)
    cue = _cue_span(verb)
    if issued is not None:
        # "issued a statement calling ...": the act of issuing is part of the cue
        cue = (_cue_span(issued)[0], cue[1])
    elif _controlled(verb, source[0]):
        # "appeared to suggest", "refused to disclose": the verb that governs the report
        # and lends it its subject is part of the cue
        cue = (_cue_span(verb.head)[0], cue[1])
    relay = _inverted_relay(text, verb)
    if relay is not None:
        comp, relay_source = relay
        toks = _clause_tokens(comp, verb, source[0])
        content = (
            balanced(text, trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1])), quotes)
            if toks
            else None
        )
    else:
        relay_source = None
        content = _verb_content(text, verb, sent, quotes, cue, source)
    if content is None:
        return None
    src, core = source
    # "A, X said, B": a frame set off by commas inside the content (see _with_left_part)
    framed = (
        content[0] < src[0] < src[1] <= cue[0] < cue[1] < content[1]
        and text[content[0] : src[0]].rstrip().endswith(",")
        and re.match(r"[^,.;:!?“”\"]{0,30},", text[cue[1] : content[1]]) is not None
    )
    if not framed and (overlap(content, src) or overlap(content, cue)):
        return None
    cue = _with_preposition(text, verb, cue, content)
    cue = _with_stance_noun(text, verb, cue, content)
    if _lemma(verb) == "make" and (clear := _made_clear(verb)) is not None:
        cue = (cue[0], clear.idx + len(clear))  # "made it clear"
    return Candidate(
        content,
        cue,
        src,
        core,
        _lemma(verb),
        frame=(sent.start_char, sent.end_char),
        relay=relay_source,
    )


_CATENATIVES = frozenset(
    """
    appear seem have stop begin start try attempt fail go need tend happen get come
    hesitate dare manage struggle be continue
    """.split()
)


def _controlled(verb: Token, source: tuple[int, int]) -> bool:
    """Whether ``verb`` is an infinitive ("to suggest") whose source is the subject of the
    verb it complements ("She appeared to suggest ...", "He has yet to explain"), when that
    verb reports nothing of its own."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i < verb.i
        and head.pos_ in ("VERB", "AUX")
        # only a verb of seeming, phase or attempt; a reporting head ("refused to") is a
        # report of its own, and one of motion ("moved to accuse") is an act
        and _lemma(head) in _CATENATIVES
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "nsubj" and source[0] <= c.idx < source[1] for c in head.children)
        and not any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    )


def _document_author(verb: Token) -> tuple[Token, Token | None] | None:
    """The author of a document whose participle reports: "issued a statement calling for
    calm", "her letter urging ...", "At a news conference announcing ..., she said".

    Returns the author's head token and the verb that issued the document, if that verb
    is part of the frame ("issued", "released"). None when ``verb`` is no participle of a
    document noun, or no author is written.
    """
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.i < verb.head.i:
        return None
    noun = verb.head
    if _lemma(noun) not in cues.DOCUMENT_NOUNS:
        return None
    owner = [c for c in noun.children if c.dep_ == "poss"]
    if owner:
        return owner[0], None
    gov = noun.head
    if noun.dep_ == "dobj" and _lemma(gov) in cues.ISSUING_VERBS:
        subj = [c for c in gov.children if c.dep_ == "nsubj"]
        return (subj[0], gov) if subj else None
    if noun.dep_ == "pobj" and gov.dep_ == "prep" and gov.head.pos_ in ("VERB", "AUX"):
        subj = [c for c in gov.head.children if c.dep_ == "nsubj"]
        return (subj[0], None) if subj else None
    return None


def _inverted_relay(text: str, verb: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "X said C, Y reported": the parser hangs Y's verb under X's as its complement.

    Returns the clause C and the name core of Y, when ``verb``'s complement is a reporting
    verb with a subject of its own whose own complement precedes it.
    """
    for comp in verb.children:
        if comp.dep_ != "ccomp" or comp.i < verb.i:
            continue
        if _lemma(comp) not in cues.RELAY_VERBS | cues.SPEECH_VERBS:
            continue
        subj = [c for c in comp.children if c.dep_ == "nsubj" and c.i < comp.i]
        inner = [c for c in comp.children if c.dep_ == "ccomp" and c.i < subj[0].i] if subj else []
        if subj and inner and verb.i < inner[0].i:
            return inner[0], _np(text, subj[0])[1]
    return None


def _subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The source of ``verb``: its subject, or its conjunct head's, or a relative's antecedent."""
    head = verb
    for _ in range(3):
        subj = sorted(
            (c for c in head.children if c.dep_ in _SUBJECTS), key=lambda c: c.lower_ in _RELATIVE
        )
        if len(subj) > 1 and _after_quotation(head):
            # "“... Full panic mode,” said Ms. Lee": the words before the verb are quoted
            subj = [c for c in subj if c.i > head.i] or subj
        if subj:
            s = subj[0]
            if s.dep_ == "nsubjpass":
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
            return _np(text, s)
        if head.dep_ == "conj" or (head.dep_ in ("advcl", "xcomp") and head.tag_ == "VBG"):
            # "X smiled and said ...", "X said ..., adding that ...": the head's subject
            participle = head.dep_ != "conj" and head.i > 0 and head.doc[head.i - 1].text == ","
            head = head.head
            while (
                participle
                and head.dep_ == "ccomp"
                and _lemma(head.head) in cues.SPEECH_VERBS
            ):
                # "X said A was wrong, arguing that ...": the parser hangs the participle
                # on A; it is X who argues
                head = head.head
            continue
        if head.dep_ == "xcomp" and not any(c.dep_ == "dobj" for c in head.head.children):
            # "X refused to say ...", "X avoids condemning ...": subject control
            head = head.head
            continue
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.pos_ == "VERB":
            # "In defending himself, X offered ...": the clause's subject
            head = head.head.head
            continue
        return None
    return None


#: Forms spaCy's lemmatizer gets wrong, by the word as written: "hoped" -> "hop".
_LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}


def _lemma(tok: Token) -> str:
    """The lower-case lemma of ``tok``, with the lemmatizer's known slips corrected."""
    return _LEMMA_FIXES.get(tok.lower_) or tok.lemma_.lower()


def _after_quotation(verb: Token) -> bool:
    """Whether ``verb`` directly follows a closing quotation mark ("“...,” said")."""
    i = verb.i - 1
    while i >= 0 and verb.doc[i].text in (",", "—", "–"):
        i -= 1
    return i >= 0 and verb.doc[i].text in ("”", '"', "''", "»")


def _np(
    text: str, head: Token, exclude: Token | None = None
) -> tuple[tuple[int, int], tuple[int, int]]:
    """The source as written and its name core, for ``head`` of a noun phrase.

    The mention keeps titles, appositions ("Rendell, a Clinton surrogate"), relative
    clauses and participles that say which source it is ("a poll released Monday") but not
    participles set off by a comma ("Trump, speaking to ..."), leading adverbs ("Even
    China") or a dateline ("BRUSSELS - European leaders"). The core drops appositions too:
    it is what names the entity.
    """
    # a participle set off by a comma ("Lee, speaking in Ohio") describes the source; one
    # without ("a poll released Monday") says which source it is
    clauses = [c for c in head.children if c.i > head.i and c.dep_ == "acl" and _after_comma(c)]
    leading = [
        c
        for c in head.children
        if c.i < head.i and c.dep_ in ("advmod", "preconj", "cc") and c.i == head.left_edge.i
    ]
    toks = [
        t
        for t in head.subtree
        if (exclude is None or not _in_subtree(t, exclude))
        and not any(_in_subtree(t, c) for c in clauses + leading)
    ]
    # what is left after a clause was taken out ("Lee, speaking in Ohio,") ends at the gap
    run = [t for t in toks if t.i <= head.i]
    for t in toks:
        if t.i > head.i and t.i == run[-1].i + 1:
            run.append(t)
        elif t.i > head.i:
            break
    toks = _after_dateline(run if clauses else toks)
    full = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    appositions = [
        c for c in head.children if c.i > head.i and c.dep_ == "appos" and _after_comma(c)
    ]
    core_toks = [t for t in toks if not any(_in_subtree(t, c) for c in appositions)]
    core_toks = [t for t in core_toks if t.i <= head.i or t.i - head.i < 12]
    core = (
        trimmed(text, core_toks[0].idx, core_toks[-1].idx + len(core_toks[-1]))
        if core_toks
        else full
    )
    return full, core


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


def _after_comma(tok: Token) -> bool:
    return (
        tok.i > 0 and tok.doc[tok.left_edge.i - 1].text in (",", "—", "–")
        if tok.left_edge.i > 0
        else False
    )


def _in_subtree(tok: Token, root: Token) -> bool:
    return root.left_edge.i <= tok.i <= root.right_edge.i


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb group: auxiliaries, negation and adverbs just before the verb ("has also
    said", "did not deny", "aggressively attacked") and a particle after it ("pointed out").
    The infinitive marker "to" stays out."""
    doc = verb.doc
    start = verb.i
    while start > 0:
        prev = doc[start - 1]
        if prev.head.i != verb.i or prev.lower_ == "to":
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


def _with_preposition(
    text: str, verb: Token, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """ "called for", "pointed to": a preposition between the verb and its content joins the cue."""
    doc = verb.doc
    nxt = verb.i + 1
    while nxt < len(doc) and doc[nxt].idx < cue[1]:
        nxt += 1  # past a particle of the cue ("pushed back on")
    if (
        nxt < len(doc)
        and doc[nxt].dep_ == "prep"
        and doc[nxt].head.i == verb.i
        and (
            doc[nxt].idx + len(doc[nxt]) <= content[0]
            and not text[doc[nxt].idx + len(doc[nxt]) : content[0]].strip()
        )
    ):
        return cue[0], doc[nxt].idx + len(doc[nxt])
    return cue


def _verb_content(
    text: str,
    verb: Token,
    sent: SpacySpan,
    quotes: tuple[Quote, ...],
    cue: tuple[int, int],
    source: tuple[tuple[int, int], tuple[int, int]],
) -> tuple[int, int] | None:
    if _lemma(verb) in cues.QUOTE_ONLY_VERBS:
        return _adjacent_quote(text, verb, cue, source[0], quotes)
    if _lemma(verb) in _CONSTRUCTION_VERBS:
        return _construction_content(text, verb)
    comps = (
        [c for c in verb.children if c.dep_ == "ccomp"]
        or [
            c
            for c in verb.children
            if c.dep_ == "xcomp"
            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
        or _statement_clause(verb)
    )
    if comps:
        comp = comps[0]
        toks = _clause_tokens(comp, verb, source[0])
        while toks and (
            (toks[0].dep_ == "mark" and toks[0].lower_ == "that")
            or (toks[0].is_punct and toks[0].text not in QUOTE_MARKS)
            or (toks[0].dep_ == "cc" and toks[0].i == comp.left_edge.i)
        ):
            toks = toks[1:]
        if toks:
            span = balanced(
                text, trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1])), quotes
            )
            if span[1] > span[0]:
                quote = _quote_around(text, span, quotes, cue)
                span = quote if quote is not None else span
                return _with_left_part(text, comp, verb, source[0], span)
    if verb.dep_ == "parataxis":
        clause = _parenthetical_content(text, verb, sent)
        if clause is not None:
            quote = _quote_around(text, clause, quotes, cue)
            return quote if quote is not None else clause
    quote = _adjacent_quote(text, verb, cue, source[0], quotes)
    lemma = _lemma(verb)
    if quote is None and lemma in cues.LIGHT_VERBS:
        stance = _stance_noun_content(text, verb)
        if stance is not None or lemma not in cues.SPEECH_VERBS | cues.STANCE_VERBS:
            return stance
    if quote is None and (lemma in cues.REQUEST_VERBS or lemma in cues.ADDRESSEE_VERBS):
        # "told the staff to close the office": telling someone to act is a request
        quote = _request_content(text, verb)
    if quote is not None or lemma in cues.ADDRESSEE_VERBS or lemma in cues.CLAUSE_ONLY_VERBS:
        return quote
    if lemma in cues.REQUEST_VERBS and lemma not in cues.STANCE_VERBS:
        return None  # "encouraged growth": only "encouraged X to do Y" is a request
    return _object_content(text, verb)


#: Verbs that report only in one construction: "made (it) clear that ...", "sees X as Y".
_CONSTRUCTION_VERBS = frozenset({"make", "see"})


def _made_clear(verb: Token) -> Token | None:
    """The "clear" of "made (it) clear", or None."""
    for c in verb.children:
        if c.lower_ == "clear" and c.i > verb.i and c.i - verb.i <= 2:
            return c
    return None


def _construction_content(text: str, verb: Token) -> tuple[int, int] | None:
    """The content of "made (it) clear that C" (C) and of "sees X as Y" ("X as Y")."""
    if _lemma(verb) == "make":
        clear = _made_clear(verb)
        if clear is None:
            return None
        clauses = [
            c
            for c in list(verb.children) + list(clear.children)
            if c.i > clear.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ]
        if not clauses:
            return None
        toks = [t for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head == clauses[0])]
    else:
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        preps = [p for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "as"]
        preps += [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"]
        if not objs or not preps:
            return None
        toks = [t for t in verb.doc[objs[0].left_edge.i : preps[0].right_edge.i + 1]]
    if not toks:
        return None
    span = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    return span if span[1] > span[0] else None


def _request_content(text: str, verb: Token) -> tuple[int, int] | None:
    """What was asked: "asked the board to resign" (who is to act, and what)."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objs:
        return None
    obj = objs[0]
    for x in verb.children:
        if x.dep_ not in ("xcomp", "ccomp") or x.left_edge.i != obj.right_edge.i + 1:
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            continue
        if x.left_edge.tag_ in ("WRB", "WP", "WDT"):
            continue  # "told them how to vote": an instruction in a question, no request
        span = trimmed(text, obj.left_edge.idx, x.right_edge.idx + len(x.right_edge))
        return span if span[1] > span[0] else None
    return None


def _object_content(text: str, verb: Token) -> tuple[int, int] | None:
    """The object of a stance verb: "called for a ban", "wants to win", "criticized the deal".

    A preposition that introduces the object ("talked about", "warned of") is the cue's.
    """
    for c in verb.children:
        if c.i < verb.i or c.dep_ not in ("dobj", "xcomp", "prep"):
            continue
        if c.dep_ != "prep" and _lemma(verb) in cues.PREPOSITIONAL_STANCE:
            continue
        if (
            c.dep_ == "prep"
            and c.lower_ not in _OBJECT_PREPOSITIONS
            and not (c.lower_ == "to" and _lemma(verb) in _TO_VERBS)
            and not (c.lower_ == "at" and _lemma(verb) in _AT_VERBS)
        ):
            continue
        toks = list(c.subtree)
        if c.dep_ == "prep":
            toks = toks[1:]
            if not toks or _is_time_phrase(toks) or _is_frame(c):
                continue
            # "called on the board to resign": who is called on, and to do what
            toks += [
                t
                for x in verb.children
                if x.dep_ == "xcomp" and x.left_edge.i == c.right_edge.i + 1
                for t in x.subtree
            ]
        elif c.dep_ == "dobj":
            # "called climate change a hoax", "touted his endorsements from 88 generals"
            for sib in verb.children:
                if (
                    sib.i > toks[-1].i
                    and sib.dep_ in ("oprd", "prep", "xcomp", "acomp")
                    and (sib.left_edge.i == toks[-1].i + 1)
                ):
                    toks = toks + list(sib.subtree)
        if len(toks) < 2 and c.dep_ != "dobj":
            continue
        if c.dep_ == "dobj" and _lemma(c) in _MEDIA_NOUNS and len(toks) <= 3:
            continue  # "shared a statement": the medium, not what it said
        toks = _without_dangling(_without_occasion(_without_aside(toks), {verb.i, c.i}))
        span = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
        if span[1] > span[0]:
            return span
    return None


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
                or _lemma(objs[0]) in _OCCASION_NOUNS
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
    """The stance noun a light verb takes: "expressed *concern*", "voiced *doubts*"."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i and _lemma(c) in cues.STANCE_NOUNS:
            return c
    return None


def _stance_noun_content(text: str, verb: Token) -> tuple[int, int] | None:
    """What a stance noun is about: "expressed concern about *the plan*", "voiced doubts
    that *it would work*". None when the light verb has no such object."""
    noun = _stance_object(verb)
    if noun is None:
        return None
    if clauses := _that_clauses(noun):
        toks = [t for t in clauses[0].subtree if not (t.dep_ == "mark" and t.head == clauses[0])]
    else:
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in _STANCE_PREPS]
        if not preps:
            return None
        toks = list(preps[0].subtree)[1:]
    if not toks:
        return None
    span = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    return span if span[1] > span[0] else None


_STANCE_PREPS = frozenset(
    "about over for of on into with against toward towards at behind regarding".split()
)


def _with_stance_noun(
    text: str, verb: Token, cue: tuple[int, int], content: tuple[int, int]
) -> tuple[int, int]:
    """ "expressed deep concern about": the stance noun and its preposition join the cue,
    up to the content (a complementizer "that" stays out)."""
    if _lemma(verb) not in cues.LIGHT_VERBS or content[0] <= cue[1]:
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
    return any(g.dep_ == "pobj" and _lemma(g) in _FRAME_NOUNS for g in prep.children)


def _is_time_phrase(toks: list[Token]) -> bool:
    """ "on Monday", "for years": a time, not what was said."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in toks[:3])


def _with_left_part(
    text: str, comp: Token, verb: Token, source: tuple[int, int], span: tuple[int, int]
) -> tuple[int, int]:
    """ "Even if it fails, Mr. Lee said, the plan was right": a frame set off by commas
    inside the reported sentence; the content runs from its first part to its last."""
    if comp.i < verb.i or span[0] < source[1] or text[span[0] - 1 : span[0]] in QUOTE_MARKS + "'":
        return span  # "As the phone rang, she said, “...”": the quotation is the content
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
    left.sort(key=lambda t: t.i)
    start, end = trimmed(text, left[0].idx, left[-1].idx + len(left[-1]))
    if end <= start or text[end : source[0]].strip() != ",":
        return span
    if "," not in text[verb.idx : span[0]]:
        return span
    return start, span[1]


def _statement_clause(verb: Token) -> list[Token]:
    """ "said in a statement that ...": the that-clause hangs on the noun, not the verb."""
    for prep in verb.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and (clauses := _that_clauses(noun)):
                return clauses[:1]
    return []


def _that_clauses(noun: Token) -> list[Token]:
    """The clauses "that ..." a noun carries: "a statement that ...", "the claim that ..."."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _clause_tokens(comp: Token, verb: Token, source: tuple[int, int]) -> list[Token]:
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
        and _lemma(d) in cues.SPEECH_VERBS
        and any(c.dep_ in _SUBJECTS for c in d.children)
        # "said that A and that B decided ...": a second reported clause, not a new report
        and not (d.dep_ == "conj" and any(c.dep_ == "mark" for c in d.children))
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


def _without_participle(toks: list[Token]) -> list[Token]:
    """The run without a closing reporting participle set off by a comma: in "said A,
    arguing that B" the participle is the speaker's second report, not part of A."""
    for n, t in enumerate(toks):
        if n < 2 or t.tag_ != "VBG" or t.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        if (
            toks[n - 1].text == ","
            and t.left_edge.i == t.i
            and t.right_edge.i >= toks[-1].i
            and _lemma(t) in cues.SPEECH_VERBS | cues.STANCE_VERBS
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
    edges = (verb.doc[verb.left_edge.i], verb.doc[verb.right_edge.i])
    if (
        len(words) >= 2
        and after
        and all(t.text == "," for t in edges)
        and not re.search(r"[“”\"«»]|''|``", text[before[-1].idx : after[0].idx + len(after[0])])
    ):
        # "The museum, she said, opened in May": the frame interrupts one sentence, whose
        # content runs from its first part to its last (as in _with_left_part)
        start = trimmed(text, before[0].idx, before[-1].idx + len(before[-1]))[0]
        end = trimmed(text, after[0].idx, after[-1].idx + len(after[-1]))[1]
        return (start, end) if end > start else None
    if len(run) < 3:
        return None
    span = trimmed(text, run[0].idx, run[-1].idx + len(run[-1]))
    return span if span[1] > span[0] else None


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
        if q.close < left and not text[q.after : left].strip(" ,—–"):
            return quote_content(text, q)
        if q.open >= right:
            between = text[right : q.open]
            if len(between) < 40 and re.fullmatch(r"[^.!?\n“”\"]*[,:]\s*", between):
                return quote_content(text, q)
            break
    return None


# --- pass 2: "according to X" and reporting nouns ----------------------------------------


def _according_to(text: str, tok: Token, sent: SpacySpan) -> Candidate | None:
    doc = tok.doc
    to = doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"] or [
        c for c in tok.children if c.dep_ == "pobj"
    ]
    if not objs:
        return None
    obj = objs[0]
    if _lemma(obj) in cues.NOT_SOURCES:
        return None
    src, core = _np(text, obj)
    pp = set(t.i for t in tok.subtree) | set(t.i for t in to.subtree) | {tok.i, to.i}
    host = tok.head if tok.head.i != tok.i else None
    while host is not None and host.dep_ == "conj":
        host = host.head
    pool = list(host.subtree) if host is not None and host.i not in pp else list(sent)
    toks = [t for t in pool if t.i not in pp]
    if not toks:
        return None
    before = [t for t in toks if t.i < tok.i]
    after = [t for t in toks if t.i > max(pp)]
    run = before if len(before) >= len(after) else after
    if len(run) < 2:
        return None
    content = trimmed(text, run[0].idx, run[-1].idx + len(run[-1]))
    if len(before) >= 3 and len(after) >= 3 and _set_off(text, tok, doc[max(pp)]):
        # "A, according to X, and B": the source sits inside the statement
        content = (
            trimmed(text, before[0].idx, before[-1].idx + len(before[-1]))[0],
            trimmed(text, after[0].idx, after[-1].idx + len(after[-1]))[1],
        )
    cue = (tok.idx, to.idx + len(to))
    if content[1] <= content[0] or overlap(content, src):
        return None
    return Candidate(
        content,
        cue,
        src,
        core,
        "according",
        according_to=True,
        frame=(sent.start_char, sent.end_char),
    )


def _according_to_by_commas(text: str, tok: Token, sent: SpacySpan) -> Candidate | None:
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
    if end == to.i + 1 or end - to.i > 12:
        return None
    src = trimmed(text, doc[to.i + 1].idx, doc[end - 1].idx + len(doc[end - 1]))
    if any(_lemma(t) in cues.NOT_SOURCES for t in doc[to.i + 1 : end]):
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


def _from_noun(text: str, noun: Token, sent: SpacySpan) -> Candidate | None:
    clauses = _that_clauses(noun)
    if not clauses:
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
    if not owner:
        return None
    src, core = _np(text, owner[0])
    toks = [
        t
        for t in clauses[0].subtree
        if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clauses[0].i)
    ]
    if not toks:
        return None
    content = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    return Candidate(
        content,
        (noun.idx, noun.idx + len(noun)),
        src,
        core,
        _lemma(noun),
        frame=(sent.start_char, sent.end_char),
    )


# --- finishing ---------------------------------------------------------------------------


def _dedupe(found: list[Candidate]) -> list[Candidate]:
    seen: dict[tuple[int, int], Candidate] = {}
    for c in found:
        key = c.content
        if key not in seen:
            seen[key] = c
    by_cue: dict[tuple[int, int] | None, Candidate] = {}
    out: list[Candidate] = []
    for c in seen.values():
        if c.cue is not None and c.cue in by_cue and c.lemma != ":" and not c.continued:
            prev = by_cue[c.cue]
            # one cue, two contents: keep the larger (a verb's ccomp vs its quotation)
            if (c.content[1] - c.content[0]) > (prev.content[1] - prev.content[0]):
                out[out.index(prev)] = c
                by_cue[c.cue] = c
            continue
        if not c.continued:
            by_cue[c.cue] = c
        out.append(c)
    return sorted(out, key=lambda c: (c.frame[0], c.cue[0] if c.cue else c.content[0]))


def _finish(
    text: str, entities: EntityIndex, quotes: tuple[Quote, ...], found: list[Candidate]
) -> tuple[Attribution, ...]:
    recent: list[str] = []
    attrs: list[Attribution] = []
    for n, c in enumerate(found, 1):
        name: str | None = None
        role: str | None = None
        if c.core is not None:
            name, role = entities.resolve(c.core[0], c.core[1], recent_sources=tuple(recent))
            if name is None and c.source is not None and c.source != c.core:
                name, role = entities.resolve(
                    c.source[0], c.source[1], recent_sources=tuple(recent)
                )
        if name:
            recent.append(name)
        via: tuple[str, ...] = ()
        if c.relay is not None:
            relay_name, _ = entities.resolve(c.relay[0], c.relay[1], recent_sources=tuple(recent))
            via = (relay_name or text[c.relay[0] : c.relay[1]],)
        attrs.append(
            Attribution(
                id=f"a{n}",
                content=Span.of(text, *c.content),
                kind=_kind(text, c, quotes),
                source=Span.of(text, *c.source) if c.source else None,
                source_entity=name,
                source_role=role,
                cue=Span.of(text, *c.cue) if c.cue else None,
                channel=cues.channel_of(_frame(text, c, found)),
                hedge=_hedge(text, c),
                via=via,
            )
        )
    return _chain(attrs, found)


def _kind(text: str, c: Candidate, quotes: tuple[Quote, ...]) -> Kind:
    if c.according_to:
        return "according_to"
    s, e = c.content
    starts = any(q.start == s for q in quotes)
    for q in quotes:
        if starts and (q.end == e or (q.start <= e <= q.end and not text[e : q.end].strip(" ,"))):
            return "direct"
    if any(s <= q.open and q.close < e + 1 for q in quotes):
        return "mixed"
    return "indirect"


def _frame(text: str, c: Candidate, found: list[Candidate]) -> str:
    """The words around an attribution that may name its channel.

    That is its sentence without its own content; for a report inside another report
    ("the agency said on Telegram that the POW thought ...") only the outer content, so
    the outer statement's channel is not given to the inner one.
    """
    start, end = c.frame
    if c.cue is not None:
        outers = [
            o.content
            for o in found
            if o is not c and o.content[0] <= c.cue[0] and c.cue[1] <= o.content[1]
        ]
        if outers:
            start, end = max(start, max(o[0] for o in outers)), min(end, min(o[1] for o in outers))
    chars = list(text[start:end])
    for i in range(max(c.content[0], start), min(c.content[1], end)):
        chars[i - start] = " "
    return "".join(chars)


def _hedge(text: str, c: Candidate) -> str | None:
    if c.lemma in cues.HEDGE_VERBS and c.cue is not None:
        return text[c.cue[0] : c.cue[1]].split()[-1].lower()
    window = text[c.frame[0] : c.frame[1]]
    for word in re.findall(r"[A-Za-z]+", window):
        if word.lower() in cues.HEDGE_ADVERBS:
            return word.lower()
    return None


def _chain(attrs: list[Attribution], found: list[Candidate]) -> tuple[Attribution, ...]:
    """Fold relays into ``via`` and link reports inside reports with ``nested_in``."""
    by_id = {a.id: a for a in attrs}
    cand = {a.id: c for a, c in zip(attrs, found, strict=True)}
    dropped: set[str] = set()
    for inner in attrs:
        if inner.cue is None:
            continue
        outers = [
            o
            for o in attrs
            if o is not inner
            and o.content.start <= inner.cue.start
            and inner.cue.end <= o.content.end
        ]
        if not outers:
            continue
        outer = min(outers, key=lambda o: o.content.end - o.content.start)
        oc = cand[outer.id]
        relay = oc.lemma in cues.RELAY_VERBS or (
            outer.source is not None
            and bool(_MEDIA.search(outer.source.text))
            and inner.source is not None
            and outer.content.start <= inner.source.start
        )
        if relay and inner.source is not None and outer.content.start <= inner.source.start + 1:
            name = outer.source_entity or (outer.source.text if outer.source else None)
            if name:
                by_id[inner.id] = replace(by_id[inner.id], via=(name, *outer.via))
                dropped.add(outer.id)
        else:
            by_id[inner.id] = replace(by_id[inner.id], nested_in=outer.id)
    kept = [by_id[a.id] for a in attrs if a.id not in dropped]
    # renumber so ids stay a1.. in order, keeping links consistent
    mapping = {a.id: f"a{n}" for n, a in enumerate(kept, 1)}
    return tuple(
        replace(a, id=mapping[a.id], nested_in=mapping.get(a.nested_in) if a.nested_in else None)
        for a in kept
    )


# --- small helpers -----------------------------------------------------------------------


def _outlet_voice(text: str, c: Candidate, outlet: str | None) -> bool:
    if c.source is None:
        return False
    src = text[c.source[0] : c.source[1]].strip().lower()
    if src in _VOICE_OF_OUTLET and not any(ch in text[c.frame[0] : c.frame[1]] for ch in '“"'):
        return True
    return bool(outlet) and src.removeprefix("the ") == outlet.strip().lower().removeprefix("the ")
