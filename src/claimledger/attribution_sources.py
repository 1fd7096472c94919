"""Who reported: the source of a reporting verb, and the noun phrase that names it.

The verb pass of ``claimledger.attribution`` finds a reporting verb; these functions find
its speaker where the parse gives it (the subject, through "who", a participle's owner, a
frame's subject, a speaker after a quotation; where the parser lost it, see
``attribution_speakers``), and read the speaker's noun phrase (``noun_phrase``): its
mention, without the reporter's asides, the statement's time or medium, a dateline or a
relative clause that is a report of its own.
Pure functions of the parse; spans are characters of the canonical text.
"""

from __future__ import annotations

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
    date_run_end,
    lemma_of,
    quote_content,
    token_span,
    trimmed,
)
from .quotes import Quote


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
        and lemma_of(noun) in cues.POLL_NOUNS
        and noun.dep_ == "pobj"
        and not any(
            c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in noun.children
        )
        and any(c.dep_ in ("dobj", "ccomp") and c.i > verb.i for c in verb.children)
    )


#: Participles by which a poll reports: "polls showing", "a survey finding".
_FINDING = frozenset({"show", "find", "indicate", "suggest"})


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
            (c for c in head.children if c.dep_ in SUBJECTS),
            key=lambda c: c.lower_ in cues.RELATIVE_PRONOUNS,
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
            if s.lower_ in cues.RELATIVE_PRONOUNS and head.dep_ == "relcl":
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
    # "going to the polls Tuesday": the parser hung the day on the verb
    last = date_run_end(part[0].right_edge, stop=verb.i)
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
    if near.lower_ in cues.RELATIVE_PRONOUNS:
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
