"""In-document entities: canonical names, aliases, roles, and resolution of source mentions.

``link_entities`` groups spaCy's named-entity mentions into one ``Entity`` per referent:

- names are cleaned of a leading "the", honorifics and titles ("Mr. Trump" -> "Trump"), and of
  possessives ("Ukraine’s");
- people are grouped by first name and surname (middle names and initials ignored, doubled
  letters collapsed so that transliterations such as "Zelensky"/"Zelenskyy" meet); a bare
  surname joins the only person of that surname, or, with several named before it, the one
  named in full in this or the previous sentence, else the one named first (the article's
  principal: writers name the secondary "Ivanka Trump" in full). A wrong merge is worse than
  a missed one, so a bare surname stays alone when several people of that name come only
  after it (an ``ambiguous_name`` diagnostic), when it was used bare twice before any full
  name, or when gender cues disagree ("Mrs. Clinton" is not "Bill Clinton": honorifics,
  kin words, pronouns after the name, common given names);
- acronyms join their expansion, from "Security Service of Ukraine (SBU)" or by initials
  ("NIS" = "[South Korean] National Intelligence Service") when exactly one name fits;
- a single word that spaCy mis-typed (a surname tagged ORG or GPE) takes the type of the
  entity it joins, and later mentions that spaCy missed are found by their exact spelling.

The canonical name is the longest cleaned name among an entity's mentions.
``EntityIndex.resolve`` maps a source mention as written (a name, an acronym, a pronoun, a
description such as "the agency") to ``(canonical name, role)``; see its docstring for the
rules and the decisions on anonymous sources and spokespeople.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .model import Diagnostic, Entity, Span
from .roles import (
    ANONYMOUS,
    DOCUMENTS,
    FEMALE_NAMES,
    FEMALE_PRONOUNS,
    FEMALE_ROLE,
    GENERIC_ORG_HEADS,
    HONORIFICS,
    MALE_NAMES,
    MALE_PRONOUNS,
    MALE_ROLE,
    MEDIA_HEADS,
    MEDIA_WORDS,
    ORG_KINDS,
    PERSON_HEADS,
    POSSESSIVE_PRONOUNS,
    PRONOUNS_PERSON,
    PRONOUNS_PLURAL,
    PRONOUNS_THING,
    RELATIVE_PRONOUNS,
    SPOKESPEOPLE,
    STATE_DESCRIPTIONS,
    STATE_HEADS,
    expand_abbreviations,
    roles_of,
)

#: spaCy labels kept as entities.
ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})

#: Titles spaCy sometimes leaves inside a PERSON span ("President Trump").
_TITLE_WORDS = HONORIFICS | frozenset(
    {
        "president", "senator", "sen", "rep", "representative", "gov", "governor", "secretary",
        "minister", "general", "gen", "judge", "justice", "pope", "king", "queen", "prince",
        "princess", "lord", "lady", "chancellor", "mayor", "ambassador", "speaker", "rev",
        "lt", "col", "sgt", "capt", "adm", "prime", "vice", "former", "candidate", "leader",
        "sheriff", "commissioner", "director", "chairman", "chairwoman", "chief", "coach",
        "officer", "detective", "sergeant", "agent", "anchor", "host", "pollster", "professor",
        "prof", "attorney", "councilman", "councilwoman", "congressman", "congresswoman",
        "assemblyman", "delegate", "premier", "emir", "sheikh", "ayatollah", "cardinal",
        "team", "camp",
    }
)
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_STOP_INITIALS = frozenset({"of", "the", "for", "and", "on", "in", "at", "to", "&", "de", "du"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

#: A compatibility test of an antecedent.
_Fits = Callable[[Entity], bool]

_WORD_RE = re.compile(r"\w+")
_EDGE_STRIP = " \t\r\n,;:.!?\"“”'‘’()[]—–-"


@dataclass(frozen=True, slots=True)
class _Mention:
    """One cleaned mention: its offsets, its entity's index and the role written at it."""

    start: int
    end: int
    entity: int
    role: str | None


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """The entities of one document and a way to resolve a mention to one of them.

    ``entities`` and ``diagnostics`` are the result; the other fields are lookup tables for
    ``resolve`` (the parsed ``doc`` is only read, never changed).
    """

    entities: tuple[Entity, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    mentions: tuple[_Mention, ...] = field(default=(), repr=False)
    aliases: tuple[tuple[str, int], ...] = field(default=(), repr=False)
    genders: tuple[str, ...] = field(default=(), repr=False)
    text: str = field(default="", repr=False)
    doc: Doc | None = field(default=None, repr=False, compare=False, hash=False)

    def resolve(
        self, start: int, end: int, *, recent_sources: Sequence[str] = ()
    ) -> tuple[str | None, str | None]:
        """The canonical name and role of the entity the mention ``text[start:end]`` denotes.

        Pronouns and descriptions ("It", "the agency", "he") resolve to the named entity
        they refer to; ``recent_sources`` lists the canonical names of the sources of earlier
        attributions, most recent last, as the most salient antecedents, before the entities
        mentioned earlier in the text. Compatibility: he/she -> PERSON; it -> ORG or GPE;
        they -> ORG or NORP; "the agency" -> an ORG whose name says so (Agency, Service ...)
        or, failing that, the most recent ORG source; "the newspaper" -> a news outlet;
        "the president" -> a PERSON with a role containing "president".

        Decisions: an anonymous source ("officials", "sources familiar with the matter",
        "Russian officials", "a spokesman", "Clinton allies") gives ``(None, None)``; a
        spokesperson *for* a named organisation speaks for it, so "a spokesman for the State
        Department" gives ``("State Department", "spokesman")``; "Trump's campaign" and "her
        campaign" give the person with role "campaign"; a document gives its named maker
        ("an editorial in The Des Moines Register"); but an unnamed person described through
        a name ("the GOP candidate", "Clinton's lawyer") is not that name: it resolves only to
        a person whose role says so, else to nothing. "which"/"who" resolve to the noun their
        clause modifies. A definite singular description that fits no named entity ("the
        POW") names a specific but unnamed referent and is returned as written, no role.

        Raises:
            ValueError: offsets outside the text, or ``start > end``.
        """
        if self.doc is None:
            return None, None
        text = self.text
        if not (0 <= start <= end <= len(text)):
            raise ValueError(f"mention offsets must satisfy 0 <= start <= end <= {len(text)}")
        while start < end and text[start] in _EDGE_STRIP:
            start += 1
        while end > start and text[end - 1] in _EDGE_STRIP:
            end -= 1
        if start == end:
            return None, None
        lower = _norm(text[start:end])
        recent = self._recent(recent_sources)
        if lower in PRONOUNS_PERSON:
            return self._person_pronoun(start, lower, recent)
        if lower in PRONOUNS_THING:
            return self._pick(start, recent, lambda e: e.type in {"ORG", "GPE"})
        if lower in PRONOUNS_PLURAL:
            return self._pick(start, recent[:1], lambda e: e.type in {"ORG", "NORP"}, near=True)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None, None
        root = _head_of(span)
        if lower in RELATIVE_PRONOUNS:
            return self._relative(span[0])
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        hit = next((m for m in inside if m.start <= root.idx < m.end), None)
        if hit is not None:
            return self._answer(hit.entity, hit.role)
        # "Carter’s press secretary, Peter Cook": the name in apposition is the source.
        for m in inside:
            mroot = self._root_of(m)
            if mroot is not None and mroot.dep_ == "appos" and mroot.head.i == root.i:
                return self._answer(m.entity, m.role)
        # Only a capitalised mention is a name: "the department" is a description, even
        # where the text also has a "Department".
        key = _strip_det(lower)
        if any(c.isupper() for c in _strip_det(text[start:end])):
            for alias, idx in self.aliases:
                if alias == key:
                    return self._answer(idx, None)
        head = root.lemma_.lower()
        definite = lower.startswith("the ") and root.tag_ not in {"NNS", "NNPS"}
        if (head in ANONYMOUS or root.lower_ in ANONYMOUS) and not (
            definite and head in PERSON_HEADS
        ):
            return None, None
        if head in DOCUMENTS:
            # "The Monmouth poll", "an editorial in The Des Moines Register": its maker.
            return self._modified(root, inside) if inside else (None, None)
        if root.pos_ == "PROPN" and root.text[:1].isupper() and not _is_acronym(root.text):
            # A name spaCy did not tag ("Breitbart News’ Michael Patrick Leahy"): the
            # proper nouns compounded on the head.
            first = root.i
            while first > span.start and (
                self.doc[first - 1].dep_ == "compound"
                and self.doc[first - 1].pos_ == "PROPN"
                and self.doc[first - 1].head.i == root.i
            ):
                first -= 1
            name_start = self.doc[first].idx
            if not any(m.start < root.idx + len(root.text) and name_start < m.end for m in inside):
                return text[name_start : root.idx + len(root.text)], None
        singular = root.tag_ not in {"NNS", "NNPS"}
        if (
            inside
            and singular
            and head in PERSON_HEADS
            and head not in SPOKESPEOPLE
            and (lower.startswith("the ") or any(c.dep_ == "poss" for c in root.children))
        ):
            # "The GOP candidate", "Clinton's campaign manager": a person the text gave
            # that role, before the organisation or person that modifies it.
            person = self._described(start, head, recent, definite=True)
            if person != (None, None):
                return person
        if inside and head in PERSON_HEADS and head not in SPOKESPEOPLE:
            # Someone unnamed who is not a spokesperson does not speak for the organisation
            # or person modifying the description ("the GOP candidate", "Clinton's lawyer").
            return None, None
        if inside:
            return self._modified(root, inside)
        # "her campaign": the possessive pronoun's antecedent, as for "she".
        for child in root.lefts:
            if child.dep_ == "poss" and child.lower_ in POSSESSIVE_PRONOUNS:
                owner = self.resolve(
                    child.idx, child.idx + len(child.text), recent_sources=recent_sources
                )
                if owner[0] is not None:
                    return owner[0], root.text
        # A possessor or modifier spaCy did not tag but the text names elsewhere:
        # "Sanders’ campaign".
        for child in root.lefts:
            if child.dep_ in {"poss", "compound"} and child.pos_ == "PROPN":
                wanted = _key(child.text)
                for alias, idx in self.aliases:
                    if alias == wanted and self.entities[idx].type in {"PERSON", "ORG"}:
                        return self.entities[idx].name, root.text
        if head in SPOKESPEOPLE:
            return None, None
        # "the president" is someone; "attorneys for the family" and "the two countries"
        # are not one named entity.
        described = self._described(start, head, recent, definite=definite)
        if described != (None, None):
            return described
        if root.tag_ in {"NN", "NNP"} and lower.startswith("the ") and len(span) <= 4:
            return "the " + text[start + 4 : end], None
        return None, None

    # -- helpers of resolve -------------------------------------------------------------

    def _relative(self, pronoun: Token) -> tuple[str | None, str | None]:
        """"Fox News and the Drudge Report, which devoted ...": the noun the clause is on."""
        verb = pronoun.head
        if verb.dep_ != "relcl":
            return None, None
        antecedent = verb.head
        for m in self.mentions:
            if m.start <= antecedent.idx < m.end:
                return self._answer(m.entity, m.role)
        return None, None

    def _person_pronoun(
        self, start: int, pronoun: str, recent: list[int]
    ) -> tuple[str | None, str | None]:
        """He/she: the latest person source, unless another person of that gender was named
        after that source's last mention, in this sentence or the one before."""
        gender = "f" if pronoun in {"she", "her", "herself"} else "m"
        # Anyone not marked as the other gender fits: first names, honorifics, gendered
        # roles and pronouns after the name mark most people in news.
        found: tuple[str | None, str | None] = (None, None)
        for allowed in ({"", gender},):
            found = self._salient_person(start, recent, allowed)
            if found != (None, None):
                break
        return found

    def _salient_person(
        self, start: int, recent: list[int], allowed: set[str]
    ) -> tuple[str | None, str | None]:
        def fits(i: int) -> bool:
            return self.entities[i].type == "PERSON" and self.genders[i] in allowed

        source = next((i for i in recent if fits(i)), None)
        floor = self._sentence_floor(start)
        for m in reversed(self.mentions):
            if m.end > start or not fits(m.entity):
                continue
            if source is not None and m.entity != source:
                # Someone named as the subject of this or the previous sentence, after the
                # latest source was last named, has become the topic ("Amadou Magassa, 13,
                # sold water ... He said"); a name in passing ("a Trump presidency") has not.
                mroot = self._root_of(m)
                subject = mroot is not None and (
                    mroot.dep_ in {"nsubj", "nsubjpass"}
                    or (mroot.dep_ == "poss" and mroot.head.dep_ in {"nsubj", "nsubjpass"})
                )
                # Not inside a quotation: those are the speaker's own words ("Obama had
                # will.i.am. Hillary has nobody," he said).
                earlier = not self._quoted_at(m.start)
                if (
                    subject
                    and earlier
                    and m.start >= floor
                    and m.start > self._last_before(source, start)
                ):
                    return self._answer(m.entity, None)
                break
            if source is None:
                return self._answer(m.entity, None)
            break
        return self._answer(source, None) if source is not None else (None, None)

    def _root_of(self, m: _Mention) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _quoted_at(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
        para = self.text.rfind("\n", 0, pos) + 1
        before = self.text[para:pos]
        curly = before.count("“") > before.count("”")
        straight = (before.count('"') + before.count("''") + before.count("``")) % 2 == 1
        return curly or straight

    def _sentence_start(self, start: int) -> int:
        if self.doc is None:
            return 0
        span = self.doc.char_span(start, min(start + 1, len(self.text)), alignment_mode="expand")
        return span[0].sent.start_char if span is not None and len(span) else start

    def _sentence_floor(self, start: int) -> int:
        """Where the sentence before the one holding ``start`` begins."""
        if self.doc is None:
            return 0
        span = self.doc.char_span(start, min(start + 1, len(self.text)), alignment_mode="expand")
        if span is None or len(span) == 0:
            return start
        first = span[0].sent.start
        return self.doc[first - 1].sent.start_char if first > 0 else 0

    def _recent(self, names: Sequence[str]) -> list[int]:
        """Entity indices of ``names``, most recent first, unknown names skipped."""
        by_name = {e.name.lower(): i for i, e in enumerate(self.entities)}
        out: list[int] = []
        for name in reversed(names):
            idx = by_name.get(str(name).lower())
            if idx is not None and idx not in out:
                out.append(idx)
        return out

    def _answer(self, idx: int, role: str | None) -> tuple[str | None, str | None]:
        entity = self.entities[idx]
        return entity.name, role or (entity.roles[0] if entity.roles else None)

    def _preceding(self, start: int) -> list[int]:
        """Entities mentioned before ``start``, nearest first."""
        out: list[int] = []
        for m in reversed(self.mentions):
            if m.end <= start and m.entity not in out:
                out.append(m.entity)
        return out

    def _pick(
        self, start: int, recent: list[int], fits: _Fits, *, near: bool = False
    ) -> tuple[str | None, str | None]:
        """The most salient entity that ``fits``: a recent source, else a preceding mention.

        With ``near``, preceding mentions count only within the sentence before ``start``'s.
        """
        for idx in recent:
            if fits(self.entities[idx]):
                return self._answer(idx, None)
        preceding = self._preceding(start)
        if near:
            floor = self._sentence_floor(start)
            preceding = [i for i in preceding if self._last_before(i, start) >= floor]
        for idx in preceding:
            if fits(self.entities[idx]):
                return self._answer(idx, None)
        return None, None

    def _last_before(self, idx: int, start: int) -> int:
        starts = (m.start for m in self.mentions if m.entity == idx and m.end <= start)
        return max(starts, default=-1)

    def _modified(
        self, root: Token, inside: list[_Mention]
    ) -> tuple[str | None, str | None]:
        """A description containing a name: "Ukraine’s SBU intelligence service", "a
        spokesman for the State Department", "Trump's campaign", "the Ukrainian government".

        The name must modify the description's head directly (possessor, compound, or the
        object of "for"/"of"/"at"/"from" on the head): "a mix of Sanders supporters" is not
        Sanders. A place names only the state ("the Ukrainian government"), never the head
        ("the Oregon native").
        """
        doc = self.doc
        assert doc is not None
        head = root.lemma_.lower()
        best: tuple[int, _Mention] | None = None
        for m in inside:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            mroot = span.root
            direct = mroot.head.i == root.i and mroot.dep_ in {"poss", "compound", "nmod", "amod"}
            prep = (
                mroot.dep_ == "pobj"
                and mroot.head.lower_ in {"for", "of", "at", "from", "in", "by"}
                and mroot.head.head.i == root.i
            )
            if not (direct or prep):
                continue
            entity = self.entities[m.entity]
            if entity.type in {"GPE", "NORP", "LOC"}:
                if head not in STATE_HEADS:
                    continue
                rank = 1
            else:
                rank = 2
            # Prefer a person or organisation, then the name nearest the head.
            score = rank * 10_000_000 - abs(root.idx - m.start)
            if best is None or score > best[0]:
                best = (score, m)
        if best is None:
            return None, None
        chosen = best[1]
        entity = self.entities[chosen.entity]
        if entity.type == "NORP":
            state = _state_of(entity.name, self.entities)
            return (self.entities[state].name, None) if state is not None else (None, None)
        if entity.type in {"GPE", "LOC"}:
            return entity.name, None
        role = root.text
        if chosen.end <= root.idx:
            between = self.text[chosen.end : root.idx + len(root.text)].strip()
            between = re.sub(r"^[’']s?(?!\w)", "", between).strip(_EDGE_STRIP)
            # "White House and Pentagon spokesmen": the head alone is the role.
            if not re.search(r"\b(and|or|&)\b", between):
                role = between
        return entity.name, role or None

    def _described(
        self, start: int, head: str, recent: list[int], *, definite: bool = True
    ) -> tuple[str | None, str | None]:
        """A description without a name: "the agency", "the newspaper", "the president"."""
        if head in MEDIA_HEADS:
            return self._pick(
                start, recent, lambda e: e.type == "ORG" and _has(e.name, MEDIA_WORDS)
            )
        if head in ORG_KINDS:
            words = ORG_KINDS[head]
            found = self._pick(start, recent, lambda e: e.type == "ORG" and _has(e.name, words))
            if found != (None, None):
                return found
            # Failing a name that says so, "the agency" is the most recent organisation that
            # spoke; "Sanders’ campaign" (a possessor spaCy missed) is not.
            if not definite or head not in GENERIC_ORG_HEADS:
                return None, None
            orgs = [i for i in recent if self.entities[i].type == "ORG"]
            return self._answer(orgs[0], None) if orgs else (None, None)
        if head in STATE_DESCRIPTIONS and definite:
            gpes = [i for i in recent if self.entities[i].type == "GPE"]
            return self._answer(gpes[0], None) if gpes else (None, None)
        if head in PERSON_HEADS and definite:
            return self._pick(
                start,
                recent,
                lambda e: e.type == "PERSON"
                and any(_has(expand_abbreviations(r), (head,)) for r in e.roles),
            )
        return None, None


def link_entities(doc: Doc) -> EntityIndex:
    """Group the mentions of ``doc`` into canonical entities with their roles.

    Never raises on a parsed document. A bare name that could be several people named before
    it is left unlinked with an ``ambiguous_name`` diagnostic; spaCy entities that are no
    names (a lower-case "department", a quoted slogan typed PERSON) are dropped.

    Raises:
        TypeError: ``doc`` is not a spaCy ``Doc``.
    """
    if not isinstance(doc, Doc):
        raise TypeError(f"link_entities needs a spaCy Doc, got {type(doc).__name__}")
    builder = _Builder(doc)
    return builder.build()


# -- building -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Raw:
    """A cleaned mention during building (mutable: its cluster is assigned later)."""

    start: int  # token indices
    end: int
    label: str
    text: str
    cluster: int = -1


class _Builder:
    """Builds one document's entities; used once by ``link_entities``."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        # ``Doc.text`` is rebuilt from the tokens at every access: read it once.
        self.text = doc.text
        self.common_acronyms = _common_acronyms(self.text)
        self.diagnostics: list[Diagnostic] = []
        self.raws: list[_Raw] = []
        self.clusters: list[list[_Raw]] = []

    def build(self) -> EntityIndex:
        for ent in self.doc.ents:
            if ent.label_ in ENTITY_TYPES:
                raw = self._clean(ent.start, ent.end, ent.label_)
                if raw is not None:
                    self.raws.append(raw)
        self._acronyms_in_parentheses()
        self._cluster_people()
        self._cluster_rest()
        self._scan_missed()
        return self._finish()

    def _clean(self, start: int, end: int, label: str) -> _Raw | None:
        doc = self.doc
        # spaCy sometimes runs a name into its parenthesised acronym: "Bureau (FBI".
        for i in range(start + 1, end):
            if doc[i].text in {"(", "["}:
                end = i
                break
            # ... or into the next words of the sentence: "Politico, Democratic party".
            if doc[i].text == "," and i + 1 < end and _bare(doc[i + 1].lower_) not in _SUFFIXES | {
                "inc", "ltd", "llc", "co", "corp", "plc", "sa", "ag"
            }:
                end = i
                break
        # A possessor inside the span is a different entity: "Ukraine’s Tactical Group".
        for i in range(end - 2, start - 1, -1):
            if doc[i].text in _POSSESSIVE:
                start = i + 1
                break
        while start < end and (
            doc[start].lower_ in {"the", "a", "an"}
            or (label == "PERSON" and end - start > 1 and _bare(doc[start].lower_) in _TITLE_WORDS)
        ):
            start += 1
        while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
            end -= 1
        if start >= end:
            return None
        # spaCy sometimes leaves a first name out ("Nate" in "Nate Cohn", "Keith" in "Keith
        # Lamont Scott"): take back untagged proper nouns compounded on the name.
        for _ in range(2):
            prev = doc[start - 1] if label == "PERSON" and start > 0 else None
            if (
                prev is not None
                and prev.pos_ == "PROPN"
                and prev.dep_ == "compound"
                and start <= prev.head.i < end
                and prev.text.istitle()
                and not prev.ent_type_
                and _bare(prev.lower_) not in _TITLE_WORDS
            ):
                start -= 1
        text = self.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]
        if not any(c.isalpha() for c in text):
            return None
        if text.removesuffix("s") in self.common_acronyms:
            # "prisoners of war (POWs)": an acronym of a common noun names a kind, not an
            # entity; "the POW" is then a description.
            return None
        if label in {"PERSON", "ORG"} and not any(c.isupper() for c in text):
            # "the department" tagged ORG is a description, resolved as one.
            return None
        if label == "PERSON" and (not text[0].isupper() or self._quoted(start, end)):
            # A lower-case "name" ("pro-Clinton") or one in quotation marks ("''Leave''",
            # a slogan) is not a person.
            return None
        return _Raw(start, end, label, text)

    def _quoted(self, start: int, end: int) -> bool:
        doc = self.doc
        quotes = {'"', "“", "”", "''", "``", "‘", "’", "'"}
        return start > 0 and end < len(doc) and doc[start - 1].text in quotes and (
            doc[end].text in quotes
        )

    def _acronyms_in_parentheses(self) -> None:
        """"Security Service of Ukraine (SBU)": the acronym joins its expansion."""
        doc = self.doc
        self.acronym_of: dict[int, _Raw] = {}
        known = {(r.start, r.end): r for r in self.raws}
        for raw in list(self.raws):
            e = raw.end
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
                tok = doc[e + 1]
                if _is_acronym(tok.text) and tok.text[0] == raw.text[0].upper():
                    acr = known.get((e + 1, e + 2)) or _Raw(e + 1, e + 2, raw.label, tok.text)
                    if (e + 1, e + 2) not in known:
                        self.raws.append(acr)
                    acr.label = raw.label
                    self.acronym_of[id(acr)] = raw
        self.raws.sort(key=lambda r: r.start)

    def _new_cluster(self, raws: list[_Raw]) -> int:
        self.clusters.append([])
        idx = len(self.clusters) - 1
        for r in raws:
            r.cluster = idx
            self.clusters[idx].append(r)
        return idx

    def _cluster_people(self) -> None:
        """Full names by (first name, surname, suffix); bare names by the rules above."""
        by_key: dict[tuple[str, str, str], int] = {}
        self.full: list[tuple[_Raw, tuple[str, str, str]]] = []
        for raw in self.raws:
            if raw.label == "PERSON" and (key := self._person_key(raw)) is not None:
                if key in by_key:
                    raw.cluster = by_key[key]
                    self.clusters[raw.cluster].append(raw)
                else:
                    by_key[key] = self._new_cluster([raw])
                self.full.append((raw, key))
        self.person_clusters = set(by_key.values())
        surname_owners: dict[str, set[int]] = {}
        first_owners: dict[str, set[int]] = {}
        for raw, key in self.full:
            surname_owners.setdefault(key[1], set()).add(raw.cluster)
            first_owners.setdefault(key[0], set()).add(raw.cluster)
        self.surname_owners = surname_owners
        # A surname used bare at least twice before any full name with it names someone the
        # writer takes as known ("Trump" before "Ivanka Trump"): its bare uses stay apart.
        first_full: dict[str, int] = {}
        for raw, key in self.full:
            first_full.setdefault(key[1], raw.start)
        early = Counter(
            _fold(_bare(self.doc[r.start].lower_))
            for r in self.raws
            if r.cluster < 0 and r.end - r.start == 1 and r.label != "NORP"
            and r.start < first_full.get(_fold(_bare(self.doc[r.start].lower_)), -1)
        )
        self.established = {w for w, n in early.items() if n >= 2}
        # Genders of the full names, so that "Mrs. Clinton" never joins "Bill Clinton".
        self.early_gender = {
            c: self._gender(
                self.clusters[c],
                [x for r in self.clusters[c] for x in roles_of(self.doc, r.start, r.end)],
            )
            for c in self.person_clusters
        }
        for raw in self.raws:
            if raw.cluster >= 0 or raw.end - raw.start != 1 or raw.label == "NORP":
                continue
            idx = self._person_for(raw, surname_owners, first_owners)
            if idx is not None:
                raw.cluster = idx
                self.clusters[idx].append(raw)

    def _person_key(self, raw: _Raw) -> tuple[str, str, str] | None:
        words = [_bare(t.lower_) for t in self.doc[raw.start : raw.end] if t.text != "-"]
        words = [w for w in words if w]
        suffix = words.pop() if len(words) > 2 and words[-1] in _SUFFIXES else ""
        if len(words) < 2:
            return None
        return _fold(words[0]), _fold(words[-1]), suffix

    def _pronoun_after(self, raw: _Raw) -> str:
        """"m" or "f" when the name is a subject followed in its sentence by he/she."""
        root = self.doc[raw.end - 1]
        if root.dep_ not in {"nsubj", "nsubjpass"}:
            return ""
        for tok in self.doc[raw.end : min(root.sent.end, raw.end + 25)]:
            if tok.lower_ in MALE_PRONOUNS:
                return "m"
            if tok.lower_ in FEMALE_PRONOUNS:
                return "f"
        return ""

    def _person_for(
        self, raw: _Raw, surnames: dict[str, set[int]], firsts: dict[str, set[int]]
    ) -> int | None:
        """The person a one-word mention names, or ``None`` when unknown or ambiguous."""
        word = _fold(_bare(self.doc[raw.start].lower_))
        owners = surnames.get(word)
        if not owners and raw.label == "PERSON":
            owners = firsts.get(word) if len(firsts.get(word, ())) == 1 else None
            if owners and word in surnames:
                owners = None
        honorific = _bare(self.doc[raw.start - 1].lower_) if raw.start > 0 else ""
        gender = "m" if honorific == "mr" else "f" if honorific in {"mrs", "ms", "miss"} else ""
        if owners and gender:
            # Never across genders; and "Mrs. Clinton" takes a woman the text marks as one
            # over a name without cues, as most people named in news without cues are men.
            owners = {c for c in owners if self.early_gender.get(c, "") in {"", gender}}
            marked = {c for c in owners if self.early_gender.get(c, "") == gender}
            if gender == "f" and marked:
                owners = marked
        said = self._pronoun_after(raw)
        if owners and said:
            # "Trump ... he" is not "Ivanka Trump".
            owners = {c for c in owners if self.early_gender.get(c, "") in {"", said}}
        if owners and word in self.established:
            return None
        if not owners:
            return None
        before = [r for r, _ in self.full if r.start < raw.start and r.cluster in owners]
        if before:
            if len({r.cluster for r in before}) == 1:
                return before[-1].cluster
            # Two people of one name: a full name in this sentence or the one before wins
            # ("Bill Clinton spoke. Hillary Clinton said ... Clinton added"); otherwise the
            # one named first, the article's principal ("Donald Trump ... Ivanka Trump, his
            # daughter, ... Trump said"), as writers name the secondary one in full.
            sent = self.doc[raw.start].sent
            floor = self.doc[sent.start - 1].sent.start if sent.start > 0 else 0
            if before[-1].start >= floor:
                return before[-1].cluster
            return before[0].cluster
        if len(owners) == 1:
            return next(iter(owners))
        names = sorted({self._longest(c) for c in owners})
        tok = self.doc[raw.start]
        self.diagnostics.append(
            Diagnostic(
                "ambiguous_name",
                f"{raw.text!r} may be any of {', '.join(names)}; left unlinked",
                tok.idx,
                tok.idx + len(tok.text),
            )
        )
        return None

    def _cluster_rest(self) -> None:
        by_key: dict[str, int] = {}
        pending_acronyms: list[_Raw] = []
        for raw in self.raws:
            if raw.cluster >= 0:
                continue
            if id(raw) in self.acronym_of:
                continue
            key = _key(raw.text)
            if key in by_key:
                raw.cluster = by_key[key]
                self.clusters[raw.cluster].append(raw)
            else:
                by_key[key] = self._new_cluster([raw])
            if _is_acronym(raw.text):
                pending_acronyms.append(raw)
        for raw in self.raws:
            if id(raw) in self.acronym_of:
                target = self.acronym_of[id(raw)]
                key = _key(raw.text)
                if key in by_key and by_key[key] != target.cluster:
                    self._merge(by_key[key], target.cluster)
                elif raw.cluster < 0:
                    raw.cluster = target.cluster
                    self.clusters[target.cluster].append(raw)
                by_key[key] = target.cluster
        # Acronyms without an expansion in parentheses: by initials, when exactly one fits.
        names = {c: self._longest(c) for c in range(len(self.clusters)) if self.clusters[c]}
        for raw in pending_acronyms:
            if raw.cluster < 0 or len(self.clusters[raw.cluster]) == 0:
                continue
            if any(not _is_acronym(r.text) for r in self.clusters[raw.cluster]):
                continue
            fits = [
                c
                for c, name in names.items()
                if c != raw.cluster and self.clusters[c] and _initials_fit(raw.text, name)
                and c not in self.person_clusters
            ]
            if len(fits) == 1:
                self._merge(raw.cluster, fits[0])
        # A one-word name that begins exactly one longer organisation name: "Yonhap".
        for raw in self.raws:
            c = raw.cluster
            if raw.end - raw.start != 1 or raw.label not in {"PERSON", "ORG"} or c < 0:
                continue
            if len(self.clusters[c]) != 1 or c in self.person_clusters or _is_acronym(raw.text):
                continue
            first = raw.text.lower()
            fits = [
                o
                for o in range(len(self.clusters))
                if o != c and self.clusters[o] and o not in self.person_clusters
                and self._label(o) == "ORG"
                and self._longest(o).lower().split()[0] == first
                and len(self._longest(o).split()) > 1
            ]
            if len(fits) == 1:
                self._merge(c, fits[0])

    def _merge(self, src: int, dst: int) -> None:
        for r in self.clusters[src]:
            r.cluster = dst
        self.clusters[dst].extend(self.clusters[src])
        self.clusters[src] = []

    def _longest(self, c: int) -> str:
        return max((r.text for r in self.clusters[c]), key=len, default="")

    def _label(self, c: int) -> str:
        raws = self.clusters[c]
        if c in self.person_clusters:
            return "PERSON"
        if any(id(r) in self.acronym_of for r in raws):
            return self.acronym_of[next(id(r) for r in raws if id(r) in self.acronym_of)].label
        votes = Counter(r.label for r in raws)
        return votes.most_common(1)[0][0]

    def _gender(self, raws: list[_Raw], roles: Sequence[str]) -> str:
        """"m", "f" or "" from the text alone: honorifics, gendered role words, and the first
        personal pronoun after the name in its sentence when the name is a subject."""
        doc = self.doc
        votes = Counter[str]()
        for r in raws:
            if r.end - r.start > 1:
                first = doc[r.start].lower_
                if first in FEMALE_NAMES:
                    votes["f"] += 3
                elif first in MALE_NAMES:
                    votes["m"] += 3
            before = _bare(doc[r.start - 1].lower_) if r.start > 0 else ""
            if before == "mr":
                votes["m"] += 3
            elif before in {"mrs", "ms", "miss"}:
                votes["f"] += 3
            root = doc[r.end - 1]
            if root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            limit = min(root.sent.end, r.end + 25)
            for tok in doc[r.end : limit]:
                if tok.lower_ in MALE_PRONOUNS:
                    votes["m"] += 1
                    break
                if tok.lower_ in FEMALE_PRONOUNS:
                    votes["f"] += 1
                    break
        for role in roles:
            low = role.lower()
            if re.search(FEMALE_ROLE, low):
                votes["f"] += 3
            elif re.search(MALE_ROLE, low):
                votes["m"] += 3
        m, f = votes["m"], votes["f"]
        # Pronouns after a name are noisy ("Trump said she lied"): one is not enough, and
        # the evidence must be a clear majority.
        if m >= 2 and m > 2 * f:
            return "m"
        if f >= 2 and f > 2 * m:
            return "f"
        return ""

    def _is_thing(self, raws: list[_Raw]) -> bool:
        """Whether the subject uses of a name are followed by "it"/"its" rather than he/she."""
        votes = Counter[str]()
        for r in raws:
            root = self.doc[r.end - 1]
            if root.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            for tok in self.doc[r.end : min(root.sent.end, r.end + 25)]:
                low = tok.lower_
                if low in {"it", "its", "itself"} or low in MALE_PRONOUNS | FEMALE_PRONOUNS:
                    votes["thing" if low in {"it", "its", "itself"} else "person"] += 1
                    break
        return votes["thing"] >= 2 and votes["thing"] > 2 * votes["person"]

    def _scan_missed(self) -> None:
        """Later mentions spaCy missed, found by the exact spelling of a known name."""
        doc = self.doc
        alias_to: dict[str, int] = {}
        for c, raws in enumerate(self.clusters):
            for r in raws:
                if len(r.text) >= 3 and r.text[0].isupper():
                    alias_to.setdefault(r.text, c)
            if c in self.person_clusters:
                for r in raws:
                    surname = doc[r.end - 1].text
                    owners = self.surname_owners.get(_fold(_bare(surname.lower())), set())
                    folded = _fold(_bare(surname.lower()))
                    if (
                        len(owners) == 1
                        and len(surname) >= 3
                        and surname[0].isupper()
                        and folded not in self.established
                    ):
                        alias_to.setdefault(surname, c)
        if not alias_to:
            return
        # Longest first, so that "Volodymyr Zelensky" wins over "Zelensky" at the same place.
        names = sorted(alias_to, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)")
        taken = [False] * (len(doc) + 1)
        for ent in doc.ents:
            # Other kinds of entity ("Trump assured Jones" as a WORK_OF_ART) are misreadings
            # more often than titles: names inside them are still found.
            if ent.label_ in ENTITY_TYPES:
                for i in range(ent.start, ent.end):
                    taken[i] = True
        for r in self.raws:
            for i in range(r.start, r.end):
                taken[i] = True
        lower_words = {t.text for t in doc if t.is_lower}
        added: list[_Raw] = []
        for match in pattern.finditer(self.text):
            span = doc.char_span(match.start(), match.end())
            if span is None or any(taken[i] for i in range(span.start, span.end)):
                continue
            # A proper noun, or a word the text never writes in lower case ("Swers said",
            # tagged as a plural noun); "Young voters" is not "Young" the surname.
            if not any(t.tag_ == "NNP" or t.pos_ == "PROPN" for t in span) and (
                len(span) != 1 or span[0].pos_ != "NOUN" or span[0].lower_ in lower_words
            ):
                continue
            prev = doc[span.start - 1] if span.start > 0 else None
            if (
                prev is not None
                and prev.pos_ == "PROPN"
                and prev.dep_ == "compound"
                and prev.text.istitle()
                and _bare(prev.lower_) not in _TITLE_WORDS
            ):
                # "Ivanka Trump" untagged is not a further mention of "Donald Trump".
                continue
            c = alias_to[match.group(0)]
            raw = _Raw(span.start, span.end, self._label(c), match.group(0), c)
            self.clusters[c].append(raw)
            added.append(raw)
        self.raws.extend(added)

    def _finish(self) -> EntityIndex:
        doc = self.doc
        order = sorted(
            (c for c in range(len(self.clusters)) if self.clusters[c]),
            key=lambda c: min(r.start for r in self.clusters[c]),
        )
        entities: list[Entity] = []
        mentions: list[_Mention] = []
        aliases: dict[str, int] = {}
        for new, c in enumerate(order):
            raws = sorted(self.clusters[c], key=lambda r: (r.start, r.end))
            label = self._label(c)
            if label == "PERSON" and c not in self.person_clusters and self._is_thing(raws):
                # "Twitter ... it": a one-word "person" spoken of as a thing is an organisation.
                label = "ORG"
            roles: list[str] = []
            spans: list[Span] = []
            seen: set[tuple[int, int]] = set()
            for r in raws:
                s, e = doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1].text)
                if (s, e) in seen:
                    continue
                seen.add((s, e))
                spans.append(Span(s, e, self.text[s:e]))
                found = roles_of(doc, r.start, r.end) if label in {"PERSON", "ORG"} else ()
                roles.extend(found)
                mentions.append(_Mention(s, e, new, found[0] if found else None))
                aliases.setdefault(_key(r.text), new)
            name = max((r.text for r in raws), key=len)
            unique_roles = tuple(dict.fromkeys(roles))
            entity = Entity(name=name, type=label, roles=unique_roles, mentions=tuple(spans))
            entities.append(entity)
        mentions.sort(key=lambda m: (m.start, m.end))
        genders = tuple(
            self._gender(self.clusters[c], entities[new].roles)
            if entities[new].type == "PERSON"
            else ""
            for new, c in enumerate(order)
        )
        return EntityIndex(
            entities=tuple(entities),
            diagnostics=tuple(self.diagnostics),
            mentions=tuple(mentions),
            aliases=tuple(aliases.items()),
            genders=genders,
            text=self.text,
            doc=doc,
        )


# -- small pure helpers -------------------------------------------------------------------


def _head_of(span: SpacySpan) -> Token:
    """The head of a mention: of the tokens whose head lies outside it, the last one (an
    English noun phrase ends in its head, and a misparse may hang two tokens outside)."""
    outside = [
        t
        for t in span
        if not t.is_punct and (t.head.i == t.i or not span.start <= t.head.i < span.end)
    ]
    return outside[-1] if outside else span.root


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def _key(text: str) -> str:
    """The grouping key of an entity name: case, periods, "the" and apostrophes ignored."""
    key = _norm(text).replace(".", "")
    return _strip_det(key)


def _strip_det(text: str) -> str:
    for det in ("the ", "a ", "an "):
        if text.startswith(det):
            text = text[len(det) :]
    if text.endswith("'s"):
        text = text[:-2]
    return text.rstrip("'").strip()


def _bare(word: str) -> str:
    """A lower-cased word without its periods ("mr." -> "mr")."""
    return word.replace(".", "")


def _fold(word: str) -> str:
    """A surname's comparison form: accents dropped, doubled letters collapsed ("zelenskyy")."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"(.)\1+", r"\1", plain)


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_LOWER_EXPANSION = re.compile(
    r"\b([a-z][a-z-]*(?:\s+[a-z][a-z-]*){1,5})\s*\(([A-Z]{2,6})s?\)"
)


def _common_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text introduces for lower-case phrases: "prisoners of war (POWs)"."""
    found: set[str] = set()
    for m in _LOWER_EXPANSION.finditer(text):
        words = m.group(1).split()
        acronym = m.group(2)
        for n in range(2, len(words) + 1):
            tail = words[-n:]
            initials = "".join(w[0] for w in tail).upper()
            content = "".join(w[0] for w in tail if w not in _STOP_INITIALS).upper()
            if acronym in (initials, content):
                found.add(acronym)
                break
    return frozenset(found)


def _initials_fit(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name`` (or of its last words, so that
    "NIS" fits "South Korean National Intelligence Service")."""
    words = [w for w in _WORD_RE.findall(name) if w.lower() not in _STOP_INITIALS]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words).upper()
    letters = acronym.replace(".", "").upper()
    return initials == letters or (len(letters) >= 3 and initials.endswith(letters))


def _has(name: str, words: Sequence[str]) -> bool:
    low = _norm(name)
    tokens = set(_WORD_RE.findall(low))
    return any((w in tokens) if " " not in w else (w in low) for w in words)


def _state_of(demonym: str, entities: Sequence[Entity]) -> int | None:
    """The GPE a national adjective names ("Ukrainian" -> "Ukraine"), by a shared stem."""
    low = demonym.lower()
    for i, e in enumerate(entities):
        if e.type != "GPE":
            continue
        stem = e.name.lower().rstrip("aey")
        if len(stem) >= 4 and low.startswith(stem):
            return i
    return None
