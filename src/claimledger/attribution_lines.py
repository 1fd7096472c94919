"""Attribution pass 3: text with no reporting verb of its own.

Colon quotations ("X: “...”"), speaker lines of transcripts and headlines ("WALLACE: ..."),
quotations signed with a dash ("“...” ― Ana Ruiz"), Title Case headlines whose verb the
parser took for a name ("Mayor Vows To Rebuild Pier"), and quotations that open or continue
a speaker's statement around its frame ("“A,” she said, “B.”"). Each function takes the
candidates found so far and returns new or grown ones; none reads the parse beyond ``doc``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from . import cues
from .attribution_spans import Candidate, is_quote_content, overlap, quote_content, trimmed
from .quotes import Quote


def colon_quotes(
    text: str, doc: Doc, quotes: tuple[Quote, ...], found: list[Candidate]
) -> list[Candidate]:
    """ "Ukraine's security service: “...”": a noun phrase, a colon, a quotation."""
    used = [c.content for c in found]
    out: list[Candidate] = []
    for q in quotes:
        if any(overlap((q.start, q.end), u) for u in used):
            continue
        line_start = text.rfind("\n", 0, q.open) + 1
        head = text[line_start : q.open]
        m = re.fullmatch(r"(\s*)(.+?)\s*:\s*", head)
        if not m or len(head) > 120:
            continue
        s, e = line_start + m.start(2), line_start + m.end(2)
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        if not any(t.pos_ in ("PROPN", "NOUN") for t in span):
            continue
        colon = text.index(":", e)
        out.append(
            Candidate(
                quote_content(text, q),
                (colon, colon + 1),
                (s, e),
                (s, e),
                ":",
                frame=(line_start, q.after),
            )
        )
    out.extend(_speaker_lines(text, doc, quotes, [*used, *(c.content for c in out)]))
    return out


def headline_verbs(text: str, doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """ "Mayor Vows To Rebuild Bridge": a Title Case headline whose reporting verb the
    parser took for a name.

    In a line of three or more words nearly all capitalised, with no report found in it,
    a capitalised word in -s whose stem is a reporting or stance verb ("Vows", "Slams",
    "Urges") splits the line: the words before it (after a leading phrase set off by a
    comma) are the source, the words after it the content. A document's first line, when
    more text follows, is its headline in any case ("Union hints at strike; "), and a verb
    in its base form after a plural subject reports too ("Nurses rebuke hospital"); there a
    word in -s after a modifier or before a verb of its own is a plural noun, and a verb
    after more than a bare noun phrase is left to the first pass.
    """
    out: list[Candidate] = []
    for line in re.finditer(r"[^\n]+", text):
        s0, e0 = line.span()
        words = re.findall(r"[A-Za-z][\w'’-]*", line.group())
        if len(words) < 3 or ":" in line.group():
            continue  # "Mayor: ..." is the colon pass's
        if any(c.cue is not None and s0 <= c.cue[0] < e0 for c in found):
            continue
        span = doc.char_span(s0, e0, alignment_mode="expand")
        if span is None:
            continue
        title = sum(w[0].isupper() for w in words) >= 0.8 * len(words)
        # "Trump calls for a ban": a headline in sentence case whose verb the parser took
        # for a plural noun leaves the line without a verb
        verbless = len(words) <= 16 and not any(t.tag_ in _FINITE for t in span)
        # ... and a document's first line is its headline, whatever the parser made of it
        headline = len(words) <= 16 and not text[:s0].strip() and bool(text[e0:].strip())
        if not (title or verbless or headline):
            continue
        for tok in span[1:]:
            stem = _headline_stem(tok.text if title else tok.text.capitalize()) or _plural_subject(
                tok, span
            )
            if stem is None or tok.i + 1 >= span.end or tok.ent_type_ in _NAME_TYPES:
                continue  # "United States" names a place
            if tok.nbor(-1).text == "United":
                continue  # ... even where the parser did not say so
            if not (title or verbless) and (_plural_noun(tok) or not _bare_subject(tok, span)):
                # a plural noun ("Blistering attacks upend ...", "his attacks on") is no
                # verb, and a verb after more than a bare name had its chance in the first
                # pass ("The mayor will resign if she thinks ...")
                continue
            start = max(s0, text.rfind(",", s0, tok.idx) + 1)
            source = trimmed(text, start, tok.idx)
            opener = (
                doc.char_span(*source, alignment_mode="expand") if source[1] > source[0] else None
            )
            if opener is not None and opener[0].pos_ in ("ADP", "SCONJ"):
                continue  # "Amid protests, ...": a leading phrase, no speaker
            content = trimmed(text, tok.idx + len(tok), e0)
            if source[1] <= source[0] or content[1] - content[0] < 3:
                break
            cue = (tok.idx, tok.idx + len(tok))
            nxt = tok.nbor(1)
            if nxt.lower_ in _HEADLINE_PREPOSITIONS and nxt.i + 1 < span.end:
                # "Mayor Calls For Ban", "Trump calls for a ban": the preposition is the cue's
                cue = (tok.idx, nxt.idx + len(nxt))
                content = trimmed(text, cue[1], e0)
            out.append(Candidate(content, cue, source, source, stem, frame=(s0, e0)))
            break
    return out


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})

#: Tags of a word before a noun that modifies it ("his attacks", "criminal charges").
_MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "VBG", "VBN", "DT", "PDT", "PRP$", "POS", "CD"})


def _plural_noun(tok: Token) -> bool:
    """Whether a sentence-case headline word in -s reads as a plural noun rather than a
    verb: after a modifier, a verb or another word in -s ("his attacks", "weigh plans",
    "turns attacks"), or before a verb of its own ("attacks upend", "questions are")."""
    prev, nxt = tok.nbor(-1), tok.nbor(1)
    if prev.tag_ in _MODIFIER_TAGS or prev.tag_.startswith("VB"):
        return True
    if prev.lower_.endswith("s") and prev.is_lower:
        return True
    return nxt.is_lower and (nxt.tag_ in _FINITE or nxt.pos_ == "AUX")


#: Prepositions a headline's verb takes its content with ("Calls For", "Warns Of").
_HEADLINE_PREPOSITIONS = frozenset({"for", "on", "of", "about", "against", "at"})

_NAME_TYPES = frozenset({"GPE", "ORG", "LOC", "FAC", "NORP", "WORK_OF_ART", "LAW", "EVENT"})


#: Tags of the words of a headline's subject before a verb in its base form.
_SUBJECT_TAGS = frozenset({"NNP", "NNPS", "NNS", "NN", "JJ", "HYPH", "CD", "CC", ","})


def _bare_subject(tok: Token, line: Span) -> bool:
    """Whether the words of a line before ``tok`` are only nouns, names and adjectives, as
    a headline's subject is ("Senate candidates", "Union leaders"), with no article."""
    return all(t.tag_ in _SUBJECT_TAGS for t in line.doc[line.start : tok.i])


def _plural_subject(tok: Token, line: Span) -> str | None:
    """The reporting verb a headline word in its base form is after a plural subject
    ("Lawmakers Rip Plan", "Experts rebuke proposal"), or None.

    The word before must be a plural in -s and every word before it a noun, adjective or
    name, and no verb of its own may follow the word.
    """
    low = tok.lower_
    if not (low in cues.SPEECH_VERBS or low in cues.STANCE_VERBS or low in cues.HEADLINE_VERBS):
        return None
    prev = tok.nbor(-1)
    if not re.fullmatch(r"[A-Za-z-]+[a-z]s", prev.text) or prev.tag_ not in _SUBJECT_TAGS:
        return None
    if _headline_stem(prev.text.capitalize()) is not None:
        return None  # "Reveals Report" puts the verb first
    if not _bare_subject(tok, line):
        return None
    nxt = tok.nbor(1)
    if nxt.is_lower and nxt.tag_ in _FINITE:
        return None  # "union campaign buys ads": a noun with a verb of its own
    return low


def _headline_stem(word: str) -> str | None:
    """The reporting verb a capitalised headline word in -s is the present of ("Vows" ->
    "vow", "Pushes" -> "push"), or None."""
    if not word[:1].isupper() or not word.endswith("s") or len(word) < 4:
        return None
    low = word.lower()
    for stem in (low[:-1], low[:-2] if low.endswith("es") else low[:-1]):
        if stem in cues.SPEECH_VERBS or stem in cues.STANCE_VERBS or stem in cues.HEADLINE_VERBS:
            return stem
    return None


#: "“...” ― Ana Ruiz": a quotation signed with a dash and a name, as under an epigraph or in
#: a collection of readers' comments. The name is one to five capitalised words or initials.
_SIGNATURE = re.compile(
    r"[^\S\n]*(?:[―—–]|--)[^\S\n]*"
    r"((?:[A-Z]\.|[A-Z][\w'’-]*)(?:[^\S\n]+(?:[A-Z]\.|[A-Z][\w'’-]*|de|la|del|van|von)){0,4})"
    r"(?=\.?(?:[^\S\n]*(?:\n|$|[“\"])|[^\S\n]{2}|\.[^\S\n]))"
)


def dash_quotes(text: str, quotes: tuple[Quote, ...]) -> list[tuple[Quote, Candidate]]:
    """ "“We deserve better.” ― Ana Ruiz": the dash is the cue and the name the source.

    The name must end the line or be followed by the next quotation, a period or a wide
    space; a dash that opens a clause ("” — and then he left") is not a signature.
    """
    out: list[tuple[Quote, Candidate]] = []
    for q in quotes:
        m = _SIGNATURE.match(text, q.after)
        if m is None:
            continue
        s, e = m.span(1)
        dash = next(i for i in range(q.after, s) if text[i] in "―—–-")
        cue_end = dash + (2 if text.startswith("--", dash) else 1)
        content = quote_content(text, q)
        out.append((q, Candidate(content, (dash, cue_end), (s, e), (s, e), "―", frame=(q.open, e))))
    return out


def signed_inside(c: Candidate, q: Quote) -> bool:
    return c.cue is not None and q.open < c.cue[0] < q.close


#: Labels that end in a colon but name no speaker ("Q:" and "A:" of an interview name the
#: two sides only by their roles).
_NOT_SPEAKERS = frozenset(
    """
    note update updated related photo photos video watch read listen editor correction
    source sources credit caption transcript excerpt summary background warning breaking
    live exclusive opinion analysis twitter facebook instagram email e-mail byline dateline
    contact follow q a latest wow boom busted bombshell look revealed leaked
    """.split()
)
_SPEAKER_LINE = re.compile(r"^[ \t]*[\"“]?([^:\n“”\"]{1,60}?)[ \t]*:[ \t]+(\S[^\n]*)", re.MULTILINE)


def _speaker_lines(
    text: str, doc: Doc, quotes: tuple[Quote, ...], used: list[tuple[int, int]]
) -> list[Candidate]:
    """Transcripts and headlines: "WALLACE: Let's start ...", "Pence: Flowers won't be there".

    A line that opens with a short name and a colon gives the rest of the line to that name.
    """
    out: list[Candidate] = []
    for m in _SPEAKER_LINE.finditer(text):
        line_start = m.start()
        s, e = m.span(1)
        label = text[s:e]
        words = label.split()
        if words[-1].lower() in _NOT_SPEAKERS or any(ch.isdigit() for ch in label):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or len(span) > 5 or any(t.pos_ in ("VERB", "AUX") for t in span):
            continue
        named = all(w[:1].isupper() for w in words) and len(words) <= 4
        if not (label.isupper() or named or any(t.pos_ == "PROPN" for t in span)):
            continue
        cs, ce = m.span(2)
        if text[ce - 1 : ce] in '"”' and text[line_start:s].strip() in ('"', "“"):
            ce -= 1  # a transcript paragraph inside one quotation mark
        content = trimmed(text, cs, ce)
        quote = next((q for q in quotes if q.open == cs), None)
        if quote is not None:
            continue  # "X: “...”" is the colon quotation above
        if content[1] - content[0] < 8:
            continue
        headline = not text[:line_start].strip()
        if not (label.isupper() or headline) and any(overlap(content, u) for u in used):
            # a transcript's "WALLACE:" owns its line even with reports inside, and so does
            # a headline's speaker ("Mayor: I still believe the pier can be saved")
            continue
        colon = text.index(":", e)
        out.append(
            Candidate(content, (colon, colon + 1), (s, e), (s, e), ":", frame=(line_start, ce))
        )
    return out


def opened_before_the_frame(
    text: str, quotes: tuple[Quote, ...], found: list[Candidate]
) -> list[Candidate]:
    """ "“A,” she said, “B.”": a quotation that ends just before its speaker's frame opens
    the statement that the quotation after the frame goes on with.

    The content of a candidate whose quotation follows its cue grows back to the start of a
    quotation that ends, in the same paragraph, where the frame begins ("," or a dash
    between), when no other candidate holds that quotation.
    """
    out = list(found)
    for n, c in enumerate(out):
        if c.cue is None or c.source is None or c.cue[1] > c.content[0]:
            continue
        if not any(q.start == c.content[0] for q in quotes):
            continue
        frame_start = min(c.cue[0], c.source[0])
        frame_end = max(c.cue[1], c.source[1])
        if not re.fullmatch(r"[^.!?:;]*,\s*(?:[“\"«]|''|``)\s*", text[frame_end : c.content[0]]):
            continue  # "“A,” she said. “B.”" is continued_quotes' to join; "said: “B”" opens
        before = [q for q in quotes if q.after <= frame_start]
        if not before:
            continue
        q = before[-1]
        if text[q.after : frame_start].strip(" ,—–") or "\n" in text[q.after : frame_start]:
            continue
        if any(overlap((q.start, q.end), o.content) for o in out if o is not c):
            continue
        out[n] = replace(c, content=(q.start, c.content[1]), frame=(q.open, c.frame[1]))
    return out


def subject_before_the_frame(
    text: str, doc: Doc, quotes: tuple[Quote, ...], found: list[Candidate]
) -> list[Candidate]:
    """ "An early loan, he said, “could pay off the debt.”": a noun phrase set off before the
    frame is the subject the quotation after it goes on with (it opens in lower case), so
    the content runs from the noun phrase; "Still, he said, “we ...”" keeps to the quote."""
    out = list(found)
    for n, c in enumerate(out):
        if c.cue is None or c.source is None or c.cue[1] > c.content[0]:
            continue
        q = next((q for q in quotes if q.start == c.content[0]), None)
        if q is None or not re.match(r"[^\w]*[a-z]", text[q.start : q.start + 4]):
            continue
        frame_start = min(c.cue[0], c.source[0])
        frame_end = max(c.cue[1], c.source[1])
        if not re.fullmatch(r"\s*,\s*", text[frame_end : q.open]):
            continue
        if text[max(c.cue[0], c.source[0]) - 1 : max(c.cue[0], c.source[0])] != " " or (
            text[min(c.cue[1], c.source[1]) : max(c.cue[0], c.source[0])].strip()
        ):
            continue  # only "he said" or "said Ms. Lee" between the two parts
        span = doc.char_span(frame_start, frame_end, alignment_mode="expand")
        if span is None:
            continue
        sent = span.sent
        lead = [t for t in sent if t.idx < frame_start]
        if len(lead) < 2 or lead[-1].text != "," or c.frame[0] < sent.start_char:
            continue
        words = lead[:-1]
        if words[0].pos_ in ("ADP", "SCONJ", "CCONJ", "ADV", "PUNCT") or any(
            t.pos_ in ("VERB", "AUX", "ADV") or t.text in ",;:" for t in words
        ):
            continue  # "If it fails, ...", "But, ...", "In short, ...": no subject
        if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in words):
            continue
        out[n] = replace(c, content=(words[0].idx, c.content[1]), frame=(words[0].idx, c.frame[1]))
    return out


def joined_quotes(text: str, quotes: tuple[Quote, ...], found: list[Candidate]) -> list[Candidate]:
    """ "She said the goal was not to “win big” but to “win well.”": a reported clause that
    ends with a quotation goes on to a second quotation later in the same sentence when no
    other report holds it or stands between them; the content grows over both."""
    out = list(found)
    for n, c in enumerate(out):
        if c.cue is None or c.cue[1] > c.content[0]:
            continue
        first = _closing_quote(c.content, quotes)
        if first is None:
            continue
        second = next((q for q in quotes if q.open >= first.after), None)
        if second is None or second.open - first.after > 120:
            continue
        if re.search(r"[.!?:;\n]", text[first.end - 1 : second.open]):
            continue  # the sentence ended with the first quotation
        if any(
            overlap((second.start, second.end), o.content)
            or (o.cue is not None and first.after <= o.cue[0] < second.open)
            for o in out
        ):
            continue
        out[n] = replace(c, content=(c.content[0], quote_content(text, second)[1]))
    return out


def continued_quotes(
    text: str, quotes: tuple[Quote, ...], found: list[Candidate]
) -> list[Candidate]:
    """A quotation with no speaker of its own that follows its speaker's earlier quotation.

    "“A,” she said. “B.”" in one paragraph is one statement: the earlier candidate's content
    grows to run from A to B (the speaker's frame inside it, as in a discontinuous span).
    A quotation that continues in a later paragraph becomes a candidate of its own with the
    same source and cue. Returns the new candidates; grown ones are replaced in ``found``.
    """
    out: list[Candidate] = []
    covered = [c.content for c in found]
    for q in quotes:
        content = quote_content(text, q)
        if any(overlap(content, c) for c in covered):
            continue
        if len(re.findall(r"\w+", text[content[0] : content[1]])) < 4 and not _whole_sentence(
            text, q
        ):
            continue
        prev = [
            c
            for c in found + out
            if c.content[1] <= q.open
            and c.cue is not None
            and q.open - c.content[1] < 400
            and not _aside_of_a_frame(c, found + out)
        ]
        if not prev:
            continue
        p = max(prev, key=lambda c: c.content[1])
        framed = [
            c
            for c in prev
            if c.frame == p.frame and c.source == p.source and c.content[1] <= p.content[0]
        ]
        if framed and not is_quote_content(text, p.content, quotes):
            # "“A,” she said, referring to the mayor. “B.”": the participle is the frame's
            # aside; the quotation goes on from A
            p = max(framed, key=lambda c: c.content[1])
        gap = text[p.content[1] : q.open]
        if "\n\n" in gap or not (
            is_quote_content(text, p.content, quotes) or _ends_quoted(p, quotes)
        ):
            continue
        # only the speaker's own sentences may sit between the two quotations; when the
        # frame ("..., Mr. Lee said.") sits there, only what follows its cue is looked at,
        # since a title's period ("Mr.") would pass for a sentence end
        after_cue = p.cue is not None and p.content[1] <= p.cue[0] < q.open
        tail = text[p.cue[1] : q.open] if after_cue and p.cue is not None else gap
        if re.search(r"[.!?]”?\s+[A-Z][^“\"]*[.!?]\s", tail) and "said" not in gap:
            continue
        if "\n" not in gap and p.cue is not None and p.cue[0] >= p.content[1]:
            grown = replace(p, content=(p.content[0], content[1]), frame=(p.frame[0], q.after))
            if p in found:
                found[found.index(p)] = grown
            else:
                out[out.index(p)] = grown
            covered.append(grown.content)
            continue
        out.append(replace(p, content=content, frame=(q.open, q.after), continued=True))
    return out


def _aside_of_a_frame(c: Candidate, found: list[Candidate]) -> bool:
    """Whether ``c`` is told inside the frame that follows another speaker's quotation ("“A,”
    said Ann Lee, a nurse who said she quit. “B.”", "“A,” said Lee, using a word the mayor
    used to describe them. “B.”"): the quotation after it goes on with that speaker's."""
    return c.cue is not None and any(
        o.cue is not None and o.content[1] <= o.cue[0] < c.cue[0] < o.frame[1]
        for o in found
        if o is not c and o.source != c.source
    )


def _ends_quoted(c: Candidate, quotes: tuple[Quote, ...]) -> bool:
    """Whether ``c``'s content ends with a quotation its frame follows ("Lee “lied again,”
    she said. “B.”"): the writer's words open the statement, the speaker's close it."""
    return (
        c.cue is not None
        and c.cue[0] >= c.content[1]
        and _closing_quote(c.content, quotes) is not None
    )


def _closing_quote(content: tuple[int, int], quotes: tuple[Quote, ...]) -> Quote | None:
    """The quotation opened inside ``content`` that the content ends in, or None."""
    return next(
        (q for q in quotes if content[0] <= q.open and q.start < content[1] <= q.after), None
    )


def _whole_sentence(text: str, q: Quote) -> bool:
    """Whether a quotation is a sentence of its own, or a clause set off by a comma
    ("...,” he said, “and then we ran.”"), rather than a phrase quoted in the writer's
    sentence ("he called it “strong”")."""
    i = q.open - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    words = text[q.start : q.end].rstrip()
    return (
        i >= 0
        and text[i] in ".!?,:\n”\"'"
        and (words[-1:] in (".", "!", "?") or text[q.after : q.after + 1] in (".", "!", "?"))
    )


__all__ = [
    "colon_quotes",
    "continued_quotes",
    "dash_quotes",
    "headline_verbs",
    "joined_quotes",
    "opened_before_the_frame",
    "signed_inside",
    "subject_before_the_frame",
]
