"""Finishing attribution candidates: de-duplication, kind, hedge, frame and relay chains.

The last stage of ``claimledger.attribution``: candidates found by the passes are
de-duplicated (one attribution per content span), resolved to entities, given their ``kind``
(direct, indirect, mixed, according_to), the reporter's hedge and their channel, and linked
into relay chains (``via``, grounded in ``relays``) and reports inside reports
(``nested_in``). The outlet's own voice ("we" outside quotations, the outlet as source) is
no attribution. Pure functions of the text, the entities and the candidates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import cues
from .attribution_spans import Candidate, trimmed
from .entities import EntityIndex
from .model import Attribution, Kind, Relay, Span
from .quotes import Quote

_MEDIA = re.compile(
    r"\b(?:News|Agency|Press|Times|Post|Journal|Reuters|AP|AFP|Bloomberg|CNN|BBC|Tribune|"
    r"Gazette|Herald|Telegraph|Guardian|Daily|Radio|TV|Television|Broadcasting|Network|"
    r"newspaper|outlet|broadcaster|magazine|wire service)\b"
)
_VOICE_OF_OUTLET = frozenset({"we", "us"})


def _after(text: str, c: Candidate) -> bool:
    """Whether ``c``'s frame closely follows its quoted content ("“A,” he wrote")."""
    return (
        c.cue is not None
        and 0 <= c.cue[0] - c.content[1] <= 60
        and re.match(r"\W?(?:[,?!]\s*[”\"']|[”\"']\s*,)", text[c.content[1] : c.cue[0]]) is not None
    )


def _says_rather(text: str, c: Candidate, prev: Candidate) -> bool:
    """Whether ``c`` is a verb of saying that opens its quotation ("added, “A”") and
    ``prev``, with the same content, is no verb of saying."""
    return (
        c.cue is not None
        and prev.cue is not None
        and prev.lemma != ":"
        and c.lemma in cues.SPEECH_VERBS
        and prev.lemma not in cues.SPEECH_VERBS
        and not text.startswith("to ", c.cue[0])  # "wanted to know, “A”": the wish frames it
        and (
            _after(text, c)
            or re.fullmatch(r"[,:]?\s*(?:[“\"]|'')", text[c.cue[1] : c.content[0]]) is not None
        )
    )


def dedupe(text: str, found: list[Candidate]) -> list[Candidate]:
    seen: dict[tuple[int, int], Candidate] = {}
    for c in found:
        key = c.content
        if key not in seen:
            seen[key] = c
        elif (_after(text, c) and not _after(text, seen[key])) or _says_rather(text, c, seen[key]):
            # two frames for one content: the one right after the quotation reports it
            # ("..., which backs up his statements: “A,” he wrote"), and a verb of saying
            # rather than a stance verb the parser linked to it ("X, who campaigned here,
            # tweeted, “A”")
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


def finish(
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
        relays: tuple[Relay, ...] = ()
        if c.relay is not None:
            mention, core, relay_cue = c.relay
            relay_name, _ = entities.resolve(core[0], core[1], recent_sources=tuple(recent))
            via = (relay_name or text[core[0] : core[1]],)
            relays = (
                Relay(
                    Span.of(text, *mention),
                    relay_name,
                    Span.of(text, *relay_cue),
                    Span.of(text, *_relayed(text, c, min(mention[0], relay_cue[0]))),
                ),
            )
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
                relays=relays,
            )
        )
    return _chain(attrs, found)


def _relayed(text: str, c: Candidate, frame_start: int) -> tuple[int, int]:
    """The report as a relay gives it: from the first of the inner report's spans to the
    relay's frame ("“C,” X said in May, [Y reported]"), or to the inner report's last span
    when the relay's frame comes first."""
    spans = [s for s in (c.content, c.source, c.cue) if s is not None]
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    if frame_start > end:
        end = max(end, trimmed(text, start, frame_start)[1])
    return start, end


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
        word: str = text[c.cue[0] : c.cue[1]].split()[-1]
        return word.lower()
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
            if name and outer.source is not None:
                here = Relay(outer.source, outer.source_entity, outer.cue, outer.content)
                by_id[inner.id] = replace(
                    by_id[inner.id],
                    via=(name, *outer.via),
                    relays=(here, *outer.relays),
                )
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


def outlet_voice(text: str, c: Candidate, outlet: str | None) -> bool:
    if c.source is None:
        return False
    src = text[c.source[0] : c.source[1]].strip().lower()
    if src in _VOICE_OF_OUTLET and not any(ch in text[c.frame[0] : c.frame[1]] for ch in '“"'):
        return True
    if not outlet:
        return False
    return src.removeprefix("the ") == outlet.strip().lower().removeprefix("the ")
