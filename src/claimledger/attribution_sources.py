"""Who reported: the source of a reporting verb, and the noun phrase that names it.

The verb pass of ``claimledger.attribution`` finds a reporting verb; these functions find
its speaker where the parse gives it (the subject, through "who", a participle's owner, a
frame's subject) and where it loses it (a speaker after a quotation, a description the
parser read as a clause of its own, a subject joined to an earlier phrase), and read the
speaker's noun phrase (``noun_phrase``): its mention, without the reporter's asides, the
statement's time or medium, a dateline or a relative clause that is a report of its own.
Pure functions of the parse; spans are characters of the canonical text.
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from . import cues
from .attribution_adjective import STANCE_ADJECTIVES
from .attribution_content import (
    outer_report,
)
from .attribution_cue import (
    cue_span,
    effort_head,
    went_on,
)
from .attribution_spans import (
    SUBJECTS,
    Candidate,
    lemma_of,
    quote_content,
    token_span,
    trimmed,
)
from .quotes import Quote

_RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})


def speaker_after_quotation(
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
    if (
        not (
            first.pos_ in ("PROPN", "NOUN", "DET", "ADJ")
            or first.dep_ == "amod"
            or _name_like(first)
        )
        or first.is_punct
    ):
        return None
    end = first.i
    while (
        end + 1 < sent.end
        and not doc[end + 1].is_punct
        and (
            doc[end + 1].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "NUM", "PART")
            or doc[end + 1].dep_ == "amod"  # "said retired nurse Ann Lee"
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
        if t.lower_ in _RELATIVE:
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


def _name_like(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger took for something else
    ("“...,” said Skelly", with "Skelly" tagged an adverb)."""
    return tok.is_title and tok.is_alpha and not tok.is_sent_start and tok.pos_ != "PRON"


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


def participle_owner(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
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
            or _poll_finding(verb)
        )
        or verb.left_edge.i != verb.i
        or verb.doc[verb.i - 1].is_punct
    ):
        return None
    return noun_phrase(text, noun, exclude=verb)


#: Participles that report what the noun they describe says: "voters saying they want ...",
#: "evidence suggesting that ...", "rumors claiming that ...".
_SAYING = frozenset({"say", "suggest", "claim", "argue", "warn", "insist", "predict", "indicate"})


def _poll_finding(verb: Token) -> bool:
    """ "Despite polls showing her behind", "with a new survey finding that ...": a poll's
    participle reports its finding when the poll is any poll of its kind (no "the": "the
    polls showing her behind are wrong" picks out which polls)."""
    noun = verb.head
    return (
        lemma_of(verb) in _FINDING
        and lemma_of(noun) in cues.RECORD_NOUNS | {"polling"}
        and noun.dep_ == "pobj"
        and not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children
        )
        and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
    )


#: Participles by which a poll reports: "polls showing", "a survey finding".
_FINDING = frozenset({"show", "find", "indicate", "suggest"})


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


def inverted_relay(
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
            mention, core = noun_phrase(text, subj[0])
            return inner[0], (mention, core, cue_span(comp))
    return None


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


def subject_of(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The source of ``verb``: its subject, or its conjunct head's, or a relative's antecedent."""
    described = _described_subject(text, verb)
    if described is not None:
        return described
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
                return pronoun, noun_phrase(text, head.head, exclude=head)[1]
            if s.dep_ == "expl":
                return None
            mention, core = noun_phrase(text, s)
            after = head.doc[s.right_edge.i + 1] if s.right_edge.i + 1 < head.i else None
            if after is not None and after.lower_ == "overall" and after.head.i == head.i:
                mention = (mention[0], after.idx + len(after))  # "voters overall said"
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
            while (
                participle
                and head.dep_ == "ccomp"
                and lemma_of(head.head) in cues.SPEECH_VERBS
                # "X seemed unmoved, telling reporters, “Y said ...”": a verb after the
                # participle is in its quotation, not its frame; "A ratcheted up attacks,
                # saying ..., you know": nor is a frame after the clause
                and head.head.i < verb.i
                and head.head.i < head.i
            ):
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
        if head is verb and (effort := effort_head(verb)) is not None:
            # "X went out of his way to praise ...", "X took pains to say ...": the idiom's
            # subject
            head = effort
            conjunct = False
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


def _described_subject(text: str, verb: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """ "Voters going to the polls Tuesday said ...": the parser took the participle that
    describes the subject for the verb's subject (a clause) and the noun for the
    participle's. The noun with the participle's phrase is the speaker."""
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    part = [c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG" and c.i < verb.i]
    if not part:
        return None
    noun = [
        c
        for c in part[0].children
        if c.dep_ == "nsubj" and c.i < part[0].i and c.pos_ in ("NOUN", "PROPN", "NUM")
    ]
    if not noun or noun[0].left_edge.i != part[0].left_edge.i:
        return None
    last = part[0].right_edge
    while last.i + 1 < verb.i and last.nbor(1).ent_type_ in ("DATE", "TIME"):
        last = last.nbor(1)  # "going to the polls Tuesday": the parser hung the day on the verb
    mention = trimmed(text, noun[0].left_edge.idx, last.idx + len(last))
    return mention, noun_phrase(text, noun[0])[1]


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


def noun_phrase(
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
    toks = _after_dateline(run) + _poll_date(head, run[-1])
    while len(toks) > 1 and (toks[0].text in (",", ";", ":") or _closing_quote_mark(toks[0])):
        toks = toks[1:]  # "“...,” Lee, 58, told": the parser hung the mark on the speaker
    full = _whole_words(text, token_span(text, toks))
    appositions = [
        c for c in head.children if c.i > head.i and c.dep_ == "appos" and _after_comma(c)
    ]
    core_toks = [t for t in toks if not any(_in_subtree(t, c) for c in appositions)]
    core_toks = [t for t in core_toks if t.i <= head.i or t.i - head.i < 12]
    core = _whole_words(text, token_span(text, core_toks)) if core_toks else full
    return full, core


def _poll_date(head: Token, last: Token) -> list[Token]:
    """ "A CNN poll last week found ...", "In a Fox survey in May, ...": the date right after
    a poll says which poll it is, though the parser hung it on the verb."""
    if lemma_of(head) not in cues.RECORD_NOUNS or head.tag_ == "NNS" or last.i + 1 >= len(head.doc):
        return []
    nxt = last.nbor(1)
    if nxt.head.i == head.i or _in_subtree(nxt, head):
        return []
    if nxt.dep_ == "prep" and nxt.lower_ == "in" and nxt.i + 1 < len(head.doc):
        date = [t for t in nxt.subtree if t.i > nxt.i]
        if date and all(t.ent_type_ == "DATE" for t in date):
            return [nxt, *date]
        return []
    date = []
    for t in head.doc[nxt.i : nxt.i + 4]:
        if t.ent_type_ != "DATE" or t.ent_iob_ == "B" and date:
            break
        date.append(t)
    if date and date[-1].i + 1 < len(head.doc) and date[-1].nbor(1).ent_type_ == "DATE":
        return []  # a longer date than four words: not a poll's
    if any(t.like_num for t in date):
        return []  # "Jan. 17-23": the days it was in the field, not which poll
    return date


def _closing_quote_mark(tok: Token) -> bool:
    """Whether ``tok`` closes a quotation: "”", "''", or a straight mark right after a word."""
    if tok.text in ("”", "''"):
        return True
    return tok.text == '"' and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_


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
