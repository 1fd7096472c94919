"""Passive reports with their agent: "the plan was criticized by several senators", "the
story was first reported by a local paper", "the mayor is backed by most unions".

The agent is the source, the verb group with "by" the cue ("was first reported by") and the
passive subject, what was reported, criticized or backed, the content.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .attribution_spans import Candidate, CueSpan, NounPhrase, in_sentence, trimmed

#: Verbs whose passive subject is what the agent reported or took a stand on ("was first
#: reported by", "is backed by"); the passive of a verb of making, deciding or knowing ("was
#: decided by", "is known by") is no report.
PASSIVE_REPORTS: frozenset[str] = frozenset(
    """
    report support back endorse reject oppose criticize criticise condemn denounce praise
    dispute
    """.split()
)


def passive_with_agent(
    text: str, verb: Token, sent: SpacySpan, np: NounPhrase, cue_span: CueSpan
) -> Candidate | None:
    """The attribution of a passive verb with a "by" agent and a subject, if any.

    Returns None unless ``verb`` is one of :data:`PASSIVE_REPORTS` with a passive
    auxiliary, a passive subject before it and a "by" agent right after its verb group whose
    object names the source. A verb with a clause of its own ("was told by aides that ...")
    is left to the ordinary passes.
    """
    if verb.lemma_.lower() not in PASSIVE_REPORTS or not any(
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
    content = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    source = np(text, objs[0])
    cue = (cue[0], by.idx + len(by))
    if content[0] >= content[1] or content[1] > cue[0]:
        return None
    return in_sentence(content, cue, source, verb.lemma_.lower(), sent)
