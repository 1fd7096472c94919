"""Adjectives of belief and feeling that report their subject's stance on a clause or a
topic: "the aides were confident that the vote would hold", "critics remain skeptical the plan
can work", "she is convinced that it failed", "he was eager to leave", "growers are worried
about the drought".

The subject is the source; the linking verb with the adjective ("remain skeptical", "are
convinced", with a topic's preposition: "are worried about") is the cue; the clause the
adjective governs, "that" left out, or the topic is the content. An adjective with neither
("the aides were confident") or without a personal subject ("it is certain that ...": the
writer's own voice) reports nothing.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_spans import Candidate, CueSpan, NounPhrase, in_sentence, token_span

#: Adjectives (and adjectival participles) of belief, doubt, hope, fear, resolve, feeling,
#: judgement and awareness that take a clause or a topic ("pleased that the vote passed",
#: "aware that the deadline had passed", "critical of the deal").
STANCE_ADJECTIVES: frozenset[str] = frozenset(
    """
    confident sure certain convinced positive adamant insistent optimistic pessimistic
    hopeful skeptical sceptical doubtful unsure uncertain worried concerned afraid fearful
    eager determined happy pleased glad proud disappointed frustrated angry upset surprised
    aware unaware critical supportive wary dismissive leery unhappy outraged
    """.split()
)

#: Participles that keep their stance sense when parsed as passives ("are convinced that");
#: "was determined to have been" is a finding, not resolve.
_PARTICIPLES = frozenset({"convinced", "worried", "concerned"})

#: Adjectives whose infinitive is what the subject wants or resolves ("eager to leave");
#: "certain to win", "sure to pass" only say how likely something is.
_RESOLVE = frozenset({"eager", "determined", "afraid", "adamant"})

#: Prepositions that introduce what a stance adjective is about ("skeptical of", "worried about").
_TOPIC = frozenset({"about", "of"})


def stance_adjective(
    text: str, adj: Token, sent: SpacySpan, np: NounPhrase, cue_span: CueSpan
) -> Candidate | None:
    """The attribution of a stance adjective with a subject and a clause, if any.

    Returns None when ``adj`` is not one of :data:`STANCE_ADJECTIVES`, is not the complement
    of a linking verb ("were confident") or a passive participle ("are convinced"), has no
    subject that names someone, or governs neither a clause ("that ...", "whether ...",
    "to ...") nor a topic right after it ("worried about the deficit", "skeptical of it").
    """
    if adj.lower_ not in STANCE_ADJECTIVES:
        return None
    if adj.dep_ == "acomp" and adj.head.pos_ in ("VERB", "AUX"):
        link = adj.head
    elif adj.lower_ in _PARTICIPLES and any(c.dep_ == "auxpass" for c in adj.children):
        link = adj
    else:
        return None
    subjects = [c for c in link.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1 or subjects[0].lower_ in cues.DUMMY_SUBJECTS or subjects[0].i > adj.i:
        return None
    cue = (cue_span(link)[0], adj.idx + len(adj))
    clause = _clause(adj, link)
    if clause is not None:
        toks = [
            t
            for t in clause.subtree
            if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == clause.i)
        ]
    else:
        # "worried about the deficit": the preposition joins the cue, its object is the content
        prep = next(
            (
                c
                for c in adj.children
                if c.dep_ == "prep" and c.lower_ in _TOPIC and c.i == adj.i + 1
            ),
            None,
        )
        if prep is None:
            return None
        toks = list(prep.subtree)[1:]
        cue = (cue[0], prep.idx + len(prep))
    if not toks:
        return None
    content = token_span(text, toks)
    source = np(text, subjects[0])
    if content[0] < cue[1] or source[0][1] > cue[0] or content[0] >= content[1]:
        return None
    return in_sentence(content, cue, source, adj.lower_, sent)


def _clause(adj: Token, link: Token) -> Token | None:
    """The clause after ``adj`` that it (or, as the parser often has it, its linking verb)
    governs: a content clause ("that ...", "whether ...", a bare clause) or an infinitive."""
    heads = (adj,) if link is adj else (adj, link)
    for head in heads:
        for c in head.children:
            if c.i <= adj.i:
                continue
            if c.dep_ == "ccomp":
                return c
            if (
                c.dep_ in ("xcomp", "advcl")
                and adj.lower_ in _RESOLVE
                and any(
                    a.dep_ == "aux" and a.lower_ == "to" and a.i == c.left_edge.i
                    for a in c.children
                )
                and not _state(c)
            ):
                return c
    return None


def _state(verb: Token) -> bool:
    """Whether an infinitive states a finding rather than an aim: "determined to be a fluke",
    "determined to have been involved" (a copula, a perfect or a passive)."""
    return verb.lemma_ == "be" or any(
        a.dep_ in ("aux", "auxpass") and a.lemma_ in ("be", "have") for a in verb.children
    )
