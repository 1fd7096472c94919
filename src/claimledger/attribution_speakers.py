"""Speakers the parser lost: the source of a reporting verb left without a subject.

The parser sometimes hangs a reporting verb's speaker elsewhere: after a quotation ("“...,”
Name, 58, told"), in an aside ("Sen. X, noting Y, said"), in a clause of its own, in an
apposition before the verb ("its treasurer, Ann Lee, wrote"), inside an opening phrase
("Through analytics, coaches know ..."), or on the first of a series of predicates. The
verb pass of ``claimledger.attribution`` tries these after ``attribution_sources.subject_of``
finds no subject. Pure functions of the parse; spans are characters of the canonical text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_cue import (
    cue_span,
)
from .attribution_sources import noun_phrase, subject_of
from .attribution_spans import (
    SUBJECTS,
    Candidate,
    lemma_of,
    quote_content,
    trimmed,
)
from .quotes import Quote


def speaker_between(
    text: str, verb: Token, sent: SpacySpan, quotes: tuple[Quote, ...]
) -> Candidate | None:
    """ "“...,” Ann Lee, a county official, told reporters": the parser, misled by the
    quotation, hung the speaker on a word inside it and left the verb with no subject (or a
    quoted one). The words between the closing mark and the verb, when they are one noun
    phrase (with its apposition or relative clause), are the speaker; the quotation, the
    content."""
    doc = verb.doc
    if (
        lemma_of(verb) not in cues.SPEECH_VERBS
        or verb.tag_ not in ("VBD", "VBZ", "VBP")
        or any(c.dep_ in ("auxpass", "aux") for c in verb.children)
    ):
        return None
    quote = max(
        (q for q in quotes if sent.start_char - 2 <= q.after <= verb.idx),
        key=lambda q: q.close,
        default=None,
    )
    if quote is None or text[quote.close - 1] not in ",?!":
        return None
    stretch = text[quote.after : verb.idx]
    if (
        not stretch.startswith(" ")
        or len(stretch) > 140
        or any(ch in stretch for ch in "“”\"'.;:!?()")
        and not _abbreviations_only(stretch)
    ):
        return None
    toks = [t for t in doc if quote.after <= t.idx < verb.idx]
    if not toks or toks[0].pos_ not in ("PROPN", "NOUN", "DET", "PRON", "ADJ", "NUM"):
        return None
    if toks[0].pos_ == "PRON" and toks[0].lower_ not in ("he", "she", "they", "it", "i", "we"):
        return None
    relative = False
    for t in toks:
        if t.lower_ in cues.RELATIVE_PRONOUNS:
            relative = True
        elif t.tag_ in ("VBD", "VBZ", "VBP", "MD") and not relative:
            return None  # a clause of its own: "“...,” she said and he told"
    if toks[-1].text == ",":
        toks = toks[:-1]
    if not toks:
        return None
    src = trimmed(text, toks[0].idx, toks[-1].idx + len(toks[-1]))
    comma = next((t for t in toks if t.text == ","), None)
    core = trimmed(text, toks[0].idx, comma.idx) if comma is not None else src
    content = quote_content(text, quote)
    if content[1] <= content[0]:
        return None
    return Candidate(
        content,
        cue_span(verb),
        src,
        core,
        lemma_of(verb),
        frame=(min(quote.open, sent.start_char), sent.end_char),
    )


def _abbreviations_only(stretch: str) -> bool:
    """Whether the stops in ``stretch`` only end abbreviations ("Sen. Ann Lee (D-Ore.)")."""
    bare = re.sub(r"\b(?:[A-Z][a-z]{0,3}|[A-Z](?:\.[A-Z])*)\.", "", stretch)
    bare = re.sub(r"\((?:[RDI]-[A-Za-z. ]+|\d+)\)", "", bare)
    return not any(ch in bare for ch in "“”\"'.;:!?()")


def participle_root_subject(
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
    return mention, noun_phrase(text, subj[0])[1]


def verbless_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
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
    return noun_phrase(text, noun, exclude=verb)


def after_the_frame(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "“Too much hate,” she said, blaming the senator": a participle right after a frame the
    parser took for an aside (so it hangs the participle on the quoted words) is the
    frame's speaker's."""
    doc = verb.doc
    if (
        verb.tag_ != "VBG"
        or verb.dep_ not in ("acl", "advcl")
        or verb.i < 3
        or doc[verb.i - 1].text != ","
    ):
        return None
    frame = next(
        (
            t
            for t in reversed(doc[verb.sent.start : verb.i - 1])
            if t.dep_ == "parataxis" and lemma_of(t) in cues.SPEECH_VERBS
        ),
        None,
    )
    if frame is None or frame.right_edge.i < verb.i - 2 or verb.i <= frame.right_edge.i:
        return None
    return subject_of(text, frame)


def series_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "The mayor summed up the plan as “weak,” denounced its cost and said ...": a series of
    predicates whose first the parser took for a clause the next one reports, leaving that
    one (and its conjuncts) with no subject. The first predicate's subject is theirs, when
    both are in the same tense, a comma parts them and nothing before the first is quoted."""
    head = verb
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if (
        head.dep_ != "ROOT"
        or head.tag_ not in ("VBD", "VBZ")
        or any(c.dep_ in (*SUBJECTS, "expl", "csubj") for c in head.children)
    ):
        return None
    first = next(
        (c for c in head.children if c.dep_ == "ccomp" and c.i < head.i and c.tag_ == head.tag_),
        None,
    )
    if first is None or not re.fullmatch(
        r"\W*,\W*", text[first.right_edge.idx + len(first.right_edge) : head.idx]
    ):
        return None
    subj = [c for c in first.children if c.dep_ == "nsubj" and c.i < first.i]
    sent = head.sent
    if not subj or _QUOTE.search(text, sent.start_char, first.idx):
        return None
    return noun_phrase(text, subj[0])


_QUOTE = re.compile(r"[“”\"]|''|``")


def lost_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
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


def aside_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Lee, noting the delay, said ...": the parser gave the speaker to the participle set
    off before the verb and left the verb with no subject; the participle's subject is the
    verb's, when the verb heads its sentence."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    if verb.dep_ == "ROOT":
        clauses = [c for c in verb.children if c.dep_ == "advcl"]
    elif verb.dep_ == "parataxis" and verb.head.dep_ == "ROOT":
        clauses = [verb.head]  # or the parser made the participle the head
    else:
        return None
    for clause in clauses:
        if (
            clause.dep_ not in ("advcl", "ROOT")
            or clause.tag_ not in ("VBG", "VBN")
            or clause.i > verb.i
            or clause.i == 0
            or verb.doc[clause.i - 1].text != ","
        ):
            continue
        subj = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
        if subj and subj[0].pos_ in ("PROPN", "NOUN"):
            return noun_phrase(text, subj[0])
    return None


def subject_in_left_clause(
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
    core = noun_phrase(text, head)[1] if head is not clause else mention
    return mention, core


def appositive_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "In a memo to the board, its chairman, Ann Lee, wrote that ...": the parser took the
    name and its apposition for appositions of the phrase before them and left the verb
    without a subject. The run of appositions set off by commas right before the verb (past
    an adverb of the verb, "..., Ann Lee, bluntly said") is the subject, when it names
    someone."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    end = verb.i - 1
    while end > 0 and doc[end].dep_ == "advmod" and doc[end].head == verb:
        end -= 1
    if end < 2 or doc[end].text != ",":
        return None
    end -= 1
    last = doc[end]
    # the appositive whose phrase closes right before the verb
    top = next(
        (
            a
            for a in [last, *last.ancestors]
            if a.dep_ == "appos" and end <= a.right_edge.i <= end + 1
        ),
        None,
    )
    if top is None:
        return None
    # climb to the first apposition of the run: "X, the chief, Ann Lee," hangs Ann Lee on
    # the chief, or both on X ("Y, Ann Lee, head of Z,")
    while top.head.dep_ in ("appos", "conj") and top.head.i < top.i and top.dep_ == "appos":
        top = top.head
    run = sorted(
        (c for c in top.head.children if c.dep_ == "appos" and c.i <= top.i), key=lambda c: c.i
    )
    for c in reversed(run[:-1]):
        close = c.right_edge.i - (doc[c.right_edge.i].text == ",")
        if doc[close + 1].text == "," and close + 2 == top.left_edge.i:
            top = c
    start = top.left_edge
    owner = top.head
    if (
        owner.pos_ == "PROPN"
        and owner.dep_ not in ("pobj", "dobj", "poss")
        and owner.i == start.i - 2
        and doc[start.i - 1].text == ","
    ):
        # "But Ann Lee, a longtime aide, said": the name the apposition describes, whatever
        # the parser made of it, when it opens the clause
        start = owner
        while (
            start.i > 0 and doc[start.i - 1].dep_ == "compound" and doc[start.i - 1].head == owner
        ):
            start = doc[start.i - 1]
        if (
            start.i > 0
            and not (
                doc[start.i - 1].is_sent_start
                or doc[start.i - 1].dep_ == "cc"
                or doc[start.i - 1].is_quote
                or doc[start.i - 1].text == ","
            )
            and not start.is_sent_start
        ):
            return None
    elif start.i < 1 or doc[start.i - 1].text != "," or start.i - 1 <= top.head.i:
        return None
    names = [t for t in doc[start.i : end + 1] if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"]
    names = names or [
        t for t in doc[start.i : end + 1] if t.pos_ == "PROPN" and t.ent_type_ == "ORG"
    ]
    if not names:
        return None
    mention = trimmed(text, start.idx, last.idx + len(last))
    # the name the apposition is built on ("the chief, Ann Lee" -> Ann Lee), else the first
    # name in it
    heads = [
        t
        for t in doc[start.i : end + 1]
        if t.pos_ == "PROPN" and (t in (top, owner) or t.dep_ == "appos")
    ]
    if heads:
        name = heads[0]
        first = name
        while first.i > start.i and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
    else:
        ent = next(e for e in doc.ents if e.start <= names[0].i < e.end)
        first, name = ent[0], ent[-1]
    core = trimmed(text, first.idx, name.idx + len(name))
    return mention, core


def opening_phrase_subject(
    text: str, verb: Token
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "After a week of talks, the two leaders announced that ...": the parser took the
    subject for part of the opening prepositional phrase and left the verb without one. The
    noun phrase between the phrase's comma and the verb is the subject."""
    doc = verb.doc
    sent = verb.sent
    if (
        verb.dep_ != "ROOT"
        or verb.tag_ not in ("VBD", "VBZ", "VBP")
        or doc[sent.start].pos_ != "ADP"
        # "According to X, Y said": the phrase names a source of its own
        or doc[sent.start].lower_ == "according"
    ):
        return None
    end = verb.i - 1
    while end > sent.start and doc[end].dep_ == "advmod" and doc[end].head == verb:
        end -= 1
    if doc[end].pos_ not in ("NOUN", "PROPN"):
        return None
    comma = next((t for t in reversed(doc[sent.start : end]) if t.text == ","), None)
    if comma is None or comma.i >= end:
        return None
    words = doc[comma.i + 1 : end + 1]
    if any(t.pos_ in ("VERB", "AUX", "PUNCT") or t.is_quote for t in words):
        return None
    roots = [t for t in words if not comma.i < t.head.i <= end]
    if len(roots) != 1 or roots[0].head.i >= comma.i or roots[0].dep_ not in ("pobj", "conj"):
        return None
    start = doc[comma.i + 1]
    mention = trimmed(text, start.idx, doc[end].idx + len(doc[end]))
    return mention, mention
