"""Passive reports with their agent: "the plan was criticized by several senators", "the
story was first reported by a local paper", "the mayor is backed by most unions".

The agent is the source, the verb group with "by" the cue ("was first reported by") and the
passive subject, what was reported, criticized or backed, the content.

Questions put to someone ("Asked whether he would run, ...", "she was asked about the
merger") are reports of an asker the text seldom names: the question is the content, the
participle or passive verb group the cue, and the agent, if written, the source.

Reports with no agent at all ("Obama is expected to join her", "he is said to be furious",
"it was reported that ...") are unsourced claims: the passive verb group is the cue, the
source is unknown, and the content is the whole clause the report is about, its subject
included ("Obama is expected to join her"), or the "that" clause. What was made known with
no complement ("the merger was announced on Monday") is its subject, and so is the noun
before its participle with a time ("a merger announced Monday").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_spans import (
    SUBJECTS,
    Candidate,
    CueSpan,
    NounPhrase,
    date_run_end,
    in_sentence,
    lemma_of,
    token_span,
)

#: Words that open an indirect question: "asked whether", "asked why".
_QUESTION_WORDS = frozenset("if whether who whom whose what which when where why how".split())


def passive_with_agent(
    text: str, verb: Token, sent: SpacySpan, np: NounPhrase, cue_span: CueSpan
) -> Candidate | None:
    """The attribution of a passive verb with a "by" agent and a subject, if any.

    Returns None unless ``verb`` is one of :data:`~claimledger.cues.PASSIVE_REPORTS` with a passive
    auxiliary, a passive subject before it and a "by" agent right after its verb group whose
    object names the source. A verb with a clause of its own ("was told by aides that ...")
    is left to the ordinary passes.
    """
    if verb.lemma_.lower() not in cues.PASSIVE_REPORTS or not any(
        c.dep_ == "auxpass" for c in verb.children
    ):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "oprd") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    agents = [c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"]
    if len(subjects) != 1 or not agents:
        return None
    by = agents[0]
    objs = [g for g in by.children if g.dep_ == "pobj"]
    cue = cue_span(verb)
    if not objs or by.i != verb.i + 1 and text[cue[1] : by.idx].strip():
        return None
    subj = subjects[0]
    toks = list(subj.subtree)
    content = token_span(text, toks)
    source = np(text, objs[0])
    cue = (cue[0], by.idx + len(by))
    if content[0] >= content[1] or content[1] > cue[0]:
        return None
    return in_sentence(content, cue, source, verb.lemma_.lower(), sent)


def asked_question(
    text: str, verb: Token, sent: SpacySpan, np: NounPhrase, cue_span: CueSpan
) -> Candidate | None:
    """The question of "Asked if ...", "when asked about ...", "X was asked whether ...".

    Only the participle or passive of "ask" with no active subject counts; the asker is the
    "by" agent when one is written, else unknown (no source). The content is an indirect
    question ("whether he would run", with its opening word), the object of "about" (the
    preposition joins the cue; parted from the verb, "asked on Tuesday about the merger", it
    opens the content instead), a direct object ("a question about police violence") or,
    for the participle, an infinitive ("when asked to resign").
    """
    if verb.lemma_.lower() != "ask" or verb.tag_ not in ("VBN", "VBD"):
        return None
    if any(c.dep_ in ("nsubj", "expl") for c in verb.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and verb.dep_ not in ("advcl", "ROOT", "acl", "conj"):
        return None
    opened = any(c.dep_ in ("mark", "advmod") for c in verb.children)
    if not (passive or opened or verb.i == sent.start or verb.doc[verb.i - 1].is_punct):
        return None  # "the questions asked ...": a participle modifying a noun
    cue = cue_span(verb)
    content: tuple[int, int] | None = None
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.dep_ in ("ccomp", "advcl", "xcomp"):
            toks = sorted(c.subtree, key=lambda t: t.i)
            first = toks[0]
            if first.lower_ not in _QUESTION_WORDS and first.i > verb.i + 1:
                first = verb.doc[first.i - 1]
            if first.lower_ in _QUESTION_WORDS and first.i > verb.i:
                # "asked what he thought ...": the parser may hang "what" elsewhere
                content = token_span(text, [first, *toks])
            elif not passive and c.dep_ == "xcomp" and first.lower_ == "to" and first.head == c:
                # "when asked to resign, he refused": the request is the infinitive
                content = token_span(text, toks)
        elif c.dep_ == "prep" and c.lower_ == "about" and c.i == verb.i + 1:
            toks = list(c.subtree)[1:]
            if toks:
                content = token_span(text, toks)
                cue = (cue[0], c.idx + len(c))
        elif c.dep_ == "prep" and c.lower_ == "about":
            # "asked on Tuesday about the merger": the preposition, parted from the verb,
            # opens the question
            content = token_span(text, list(c.subtree))
        elif c.dep_ == "dobj" and c.lower_ not in _QUESTION_WORDS:
            content = token_span(text, list(c.subtree))
        if content is not None:
            break
    if content is None or content[0] >= content[1]:
        return None
    agents = [c for c in verb.children if c.dep_ == "agent" and c.i > verb.i]
    objs = [g for a in agents for g in a.children if g.dep_ == "pobj"]
    return in_sentence(content, cue, np(text, objs[0]) if objs else None, "ask", sent)


#: Verbs of weather, whose "it" is no one ("it is expected to rain").
_WEATHER = frozenset("rain snow hail sleet drizzle pour freeze thunder storm".split())


def agentless_passive(
    text: str, verb: Token, sent: SpacySpan, cue_span: CueSpan
) -> Candidate | None:
    """ "X is expected to win", "X was said to be furious", "It was reported that C".

    Only a passive of :data:`~claimledger.cues.UNSOURCED_PASSIVES` with no "by" agent
    counts. With a subject and an infinitive, the content runs from the subject to the end
    of the infinitive clause; with an expletive "it" and a clause, the content is the clause
    and the cue is the verb group ("was widely reported"), with "it" only when the auxiliary
    leans on it ("It's been reported"). A passive of
    :data:`~claimledger.cues.NEWS_PASSIVES` with no complement ("the merger was announced
    on Monday") has its subject for content.
    """
    lemma = verb.lemma_.lower()
    if lemma not in cues.UNSOURCED_PASSIVES and lemma not in cues.NEWS_PASSIVES:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if len(subjects) != 1:
        return None
    subj = subjects[0]
    cue = cue_span(verb)
    comps = [c for c in verb.children if c.i > verb.i and c.dep_ in ("xcomp", "ccomp")]
    if lemma in cues.NEWS_PASSIVES:
        return _announced(text, verb, subj, comps, sent, cue)
    if not comps:
        return None
    comp = comps[0]
    if subj.lower_ == "it" and comp.dep_ == "ccomp":
        toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp)]
        if not toks:
            return None
        content = token_span(text, toks)
        if subj.i + 1 < len(subj.doc) and subj.nbor(1).lower_ in ("'s", "’s"):
            # "It's been reported that ...": the clitic leans on "it", which joins the cue;
            # "It was reported that ..." is reported without it
            cue = (subj.idx, cue[1])
    elif comp.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
        if subj.lower_ == "there" or (subj.lower_ == "it" and comp.lemma_ in _WEATHER):
            return None  # "there is expected to be", "it is expected to rain": no one's
        content = token_span(text, [*subj.subtree, *comp.subtree])
    else:
        return None
    if content[0] >= content[1]:
        return None
    return in_sentence(content, cue, None, verb.lemma_.lower(), sent)


def _announced(
    text: str,
    verb: Token,
    subj: Token,
    comps: list[Token],
    sent: SpacySpan,
    cue: tuple[int, int],
) -> Candidate | None:
    """ "The merger was announced on Monday", "the price was not disclosed": the subject is
    what unnamed people made known, when the verb has no complement of its own ("was
    announced the winner", "was revealed as a donor" say something else of it)."""
    if comps or subj.lower_ == "there":
        return None
    if any(c.dep_ in ("oprd", "dobj", "attr") for c in verb.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    content = token_span(text, list(subj.subtree))
    if content[0] >= content[1] or content[1] > cue[0]:
        return None
    return in_sentence(content, cue, None, verb.lemma_.lower(), sent)


def hearsay(text: str, adverb: Token, sent: SpacySpan) -> Candidate | None:
    """ "The firm is reportedly weighing a sale": a report by no one named, whose cue is the
    adverb (:data:`~claimledger.cues.HEARSAY_ADVERBS`) and whose content is the clause it
    modifies. On a reporting verb ("reportedly said") the adverb is that report's hedge."""
    head = adverb.head
    if adverb.dep_ != "advmod" or head.pos_ not in ("VERB", "AUX") or head.i == adverb.i:
        return None
    lemma = lemma_of(head)
    if lemma in cues.SPEECH_VERBS or lemma in cues.STANCE_VERBS:
        return None
    # a connective or a scene-setting phrase before the subject is the writer's
    skipped = {
        t.i
        for c in head.children
        if c.i < head.i and c.dep_ in ("cc", "mark", "prep", "advcl")
        for t in c.subtree
    }
    toks = [t for t in head.subtree if t.i not in skipped]
    # "Reportedly, he ...": the adverb opening the clause stays out of it
    while toks and (toks[0].i == adverb.i or toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    if not toks or not any(t.dep_ in SUBJECTS for t in toks):
        return None
    return in_sentence(
        token_span(text, toks), (adverb.idx, adverb.idx + len(adverb)), None, "report", sent
    )


#: Modal and progressive auxiliaries that make a held view hypothetical: "can be seen as",
#: "is being perceived as".
_HYPOTHETICAL = frozenset({"can", "could", "may", "might", "will", "would", "being", "wo", "ca"})

#: Views that report only as the main verb: "the deal is seen as a defeat", not "a deal
#: that is seen as a defeat" (mostly the writer's aside).
_MAIN_ONLY = frozenset({"see", "view", "regard", "perceive", "consider"})

#: Views whose "as" names the description, not part of the verb: "is often described as a
#: moderate" has the cue "is often described".
_BARE_CUE = frozenset({"describe"})

#: Words of a verb group before its verb: "has long been", "is not", "is best".
_GROUP = frozenset({"aux", "auxpass", "neg", "advmod"})


def held_view(text: str, verb: Token, sent: SpacySpan, cue_span: CueSpan) -> Candidate | None:
    """ "X is known for Y", "X is widely seen as Y", "X is considered Y", "X was widely
    criticized for Y", "X is accused of Y": a view held by people the text does not name.

    Only a passive of :data:`~claimledger.cues.HELD_VIEW_PASSIVES` with a subject before it,
    no "by" agent and one of the verb's complements counts, unless a modal or progressive
    makes it hypothetical ("can be seen as" is the writer's reading). "seen (viewed,
    regarded, perceived) as" and "considered Y" count only as the main verb of a sentence;
    a preposition needs its object ("the energy he is known for" has none). The source is
    unknown; the cue is the verb group with its preposition ("is best known for", "is
    widely seen as"), and the content the clause from the subject to the end of the
    complement.
    """
    lemma = verb.lemma_.lower()
    if lemma not in cues.HELD_VIEW_PASSIVES or verb.tag_ != "VBN":
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    if any(c.dep_ in ("agent", "ccomp") for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if len(subjects) != 1 or subjects[0].lower_ == "there":
        return None
    cue = cue_span(verb)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _HYPOTHETICAL for c in verb.children):
        return None
    if lemma in _MAIN_ONLY and verb.dep_ != "ROOT":
        return None
    wanted = cues.HELD_VIEW_PASSIVES[lemma]
    comps = [
        c
        for c in verb.children
        if c.i > verb.i and (c.dep_ in wanted or c.dep_ == "prep" and c.lower_ in wanted)
    ]
    if not comps:
        return None
    comp = comps[0]
    subj = subjects[0]
    if subj.lower_ == "it" and any(t.dep_ == "ccomp" for t in comp.subtree):
        return None  # "it is considered likely that ...": "it" stands for the clause
    if comp.dep_ == "prep":
        doc = verb.doc
        if comp.i + 1 >= len(doc) or doc[comp.i + 1].is_punct:
            return None  # "the energy he is known for - ...": no object
        if subj.lower_ == "it" and comp.lower_ == "for":
            return None  # "it has been known for years that ...": the clause is the news
        if lemma not in _BARE_CUE:
            cue = (cue[0], comp.idx + len(comp))
    # "is best known for": a superlative adverb stays in the verb group
    group = [c for c in verb.children if subj.i < c.i < verb.i and c.dep_ in _GROUP]
    if group:
        cue = (min(cue[0], group[0].idx), cue[1])
    content = token_span(text, [*subj.subtree, *comp.subtree])
    if content[0] >= content[1]:
        return None
    return in_sentence(content, cue, None, lemma, sent)


def reduced_passive(
    text: str, verb: Token, sent: SpacySpan, np: NounPhrase, cue_span: CueSpan
) -> Candidate | None:
    """ "a measure opposed by the unions", "the plan favored by most members": a participle
    after its noun with a "by" agent.

    Only verbs of :data:`~claimledger.cues.REDUCED_PASSIVE_REPORTS` count (the noun is what the
    agent took a stand on); "rebels backed by a neighbor" is support of another kind. The
    agent is the source, the participle with its adverbs the cue, and the noun phrase up to
    the participle the content.
    """
    if verb.lemma_.lower() not in cues.REDUCED_PASSIVE_REPORTS or verb.tag_ != "VBN":
        return None
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return None
    if any(c.dep_ in ("auxpass", "aux", "nsubjpass") for c in verb.children):
        return None
    agents = [c for c in verb.children if c.dep_ == "agent" and c.lower_ == "by"]
    objs = [g for a in agents for g in a.children if g.dep_ == "pobj"]
    if not objs:
        return None
    cue = cue_span(verb)
    toks = [t for t in verb.head.subtree if t.i < verb.i and t.idx < cue[0]]
    if not toks:
        return None
    content = token_span(text, toks)
    if content[0] >= content[1]:
        return None
    return in_sentence(content, cue, np(text, objs[0]), verb.lemma_.lower(), sent)


def announced_when(text: str, verb: Token, sent: SpacySpan, cue_span: CueSpan) -> Candidate | None:
    """ "a merger announced Monday", "the deal, announced on Friday,": news made known on a
    day by people the text does not name.

    Only a participle of :data:`~claimledger.cues.NEWS_PASSIVES` after its noun, with no
    agent and a time of its own ("Monday", "earlier this year", "on Friday") counts; the
    participle with its time is the cue, the noun phrase up to the participle the content,
    and the source is unknown.
    """
    if verb.lemma_.lower() not in cues.NEWS_PASSIVES or verb.tag_ != "VBN":
        return None
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return None
    kids = [c for c in verb.children if c.dep_ not in ("punct",)]
    times = [c for c in kids if c.i > verb.i and _a_time(c)]
    if not times or len(kids) != len(times):
        return None
    # the time runs on while its words are of a date: "Wednesday, Trump and ..." ends there
    last = date_run_end(verb)
    if last.i == verb.i and times[0].dep_ == "prep" and times[0].i == verb.i + 1:
        last = date_run_end(times[0])
    if last.i == verb.i:
        return None
    cue = (cue_span(verb)[0], last.idx + len(last))
    toks = [t for t in verb.head.subtree if t.i < verb.i and t.idx < cue[0] and not t.is_punct]
    if not toks:
        return None
    content = token_span(text, toks)
    if content[0] >= content[1]:
        return None
    return in_sentence(content, cue, None, verb.lemma_.lower(), sent)


def _a_time(tok: Token) -> bool:
    """Whether ``tok`` heads a time: "Monday", "earlier this year", "on Friday"."""
    if tok.dep_ == "prep" and tok.lower_ in ("on", "in", "last", "this"):
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        return bool(objs) and objs[0].ent_type_ in ("DATE", "TIME")
    return tok.dep_ in ("npadvmod", "advmod") and (
        tok.ent_type_ in ("DATE", "TIME") or any(t.ent_type_ == "DATE" for t in tok.subtree)
    )


def as_expected(text: str, verb: Token, sent: SpacySpan) -> Candidate | None:
    """ "The bill passed as expected", "Patriot failed as predicted": the clause met an
    expectation of unnamed people.

    Only a bare participle of :data:`~claimledger.cues.EXPECTATION_PARTICIPLES` opened by
    "as" counts ("better than expected" compares, it reports nothing). "as expected" is
    the cue, and the content runs from the main clause's subject to just before it.
    """
    if verb.lemma_.lower() not in cues.EXPECTATION_PARTICIPLES or verb.tag_ != "VBN":
        return None
    doc = verb.doc
    if verb.dep_ != "advcl" or verb.i == 0 or doc[verb.i - 1].lower_ != "as":
        return None
    if any(c.dep_ not in ("mark", "punct") for c in verb.children):
        return None  # "as he expected", "as expected by ...": a source of their own
    main = verb.head
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    if main.pos_ not in ("VERB", "AUX") or len(subjects) != 1:
        return None
    mark = doc[verb.i - 1]
    first = subjects[0].left_edge
    if first.i >= mark.i:
        return None
    content = token_span(text, list(doc[first.i : mark.i]))
    if content[0] >= content[1]:
        return None
    return in_sentence(content, (mark.idx, verb.idx + len(verb)), None, verb.lemma_.lower(), sent)
