"""Cross-document entity merging: one canonical entity for the name variants of many documents.

Each document's entities (``Extraction.entities``) are already canonical *within* that
document. This module merges them *across* documents. A wrong merge is worse than a missed one,
so every rule is conservative:

1. **Same name.** Names are compared after stripping titles ("President", "Sen.", "Mr."),
   a leading "the", possessives and punctuation, and after folding case, accents, doubled
   letters and the y/iy/yy endings of transliterations ("Zelensky", "Zelenskyy", "Zelenskiy").
   Generational suffixes stay part of the name ("Donald Trump Jr." is not "Donald Trump").
2. **Middle initials.** "Donald Trump" joins "Donald J. Trump" only when the corpus holds a
   single middle-initial variant of that first and last name: with both "George W. Bush" and
   "George H. W. Bush" present, "George Bush" stays apart.
3. **Surname only.** Across documents a bare surname is never merged. Inside one document,
   with ``link_surnames=True``, "Clinton" joins a full name when exactly one person of that
   document has that surname: that is for records taken from raw NER mentions. Records from
   ``Extraction.entities`` are already canonical per document, and two of them with one surname
   were kept apart by the in-document linker on purpose ("Obama" the president beside
   "Michelle Obama"), so by default they stay apart.
4. **Acronyms.** "SBU" joins "Security Service of Ukraine" when some document declares it
   ("Security Service of Ukraine (SBU)" or "SBU (Security Service of Ukraine)") and no document
   declares another expansion for it. Without a declaration, an acronym joins an expansion
   by initials ("NIS" = "National Intelligence Service") only when that is the corpus's only
   expansion with those initials and both appear in one same document.
5. **Proper names only.** A name without a capital letter ("state") is never merged.
6. **Types.** Only entities of compatible types merge: PERSON with PERSON, ORG with ORG,
   GPE with LOC, and otherwise equal types.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Diagnostic, Extraction
from .unionfind import DisjointSets

#: Titles and honorifics dropped from the front of a name (lower case, no final period).
_TITLES_WORDS = """
    mr mrs ms miss dr prof president vice sen senator rep representative gov governor
    secretary minister prime foreign defense defence interior chancellor premier mayor gen
    general lt col colonel maj major capt captain sgt sergeant adm admiral cmdr judge justice
    king queen prince princess sheikh pope rev reverend sir dame lord lady former ex acting
    deputy chairman chairwoman chair speaker leader ambassador attorney commissioner director
    chief u.s us state house senate republican democratic democrat candidate nominee
    presidential first sec
"""
TITLES = frozenset(_TITLES_WORDS.split())
#: Generational suffixes: part of the identity, never dropped.
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: Words skipped when taking the initials of an expansion.
_INITIAL_STOP = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "&"})

_TYPE_CLASS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE"}

_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,6}$|^[A-Z][A-Za-z]?[A-Z]{1,5}$")
# "Security Service of Ukraine (SBU)" and "SBU (Security Service of Ukraine)".
_DECL_AFTER = re.compile(
    r"\b((?:[A-Z][\w'’.-]*|of|the|and|for|on|in|&)(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|on|in|&)){1,9})"
    r"\s+\(((?:[A-Z]\.?){2,6}|[A-Z][a-z]?[A-Z]{1,5})\)"
)
_DECL_BEFORE = re.compile(
    r"\b((?:[A-Z]\.?){2,6}|[A-Z][a-z]?[A-Z]{1,5})\s+\(((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|of|the|and|for|on|in|&)){1,9})\)"
)


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One entity of one document, as the merge sees it.

    ``date`` (ISO) dates the roles, so a role history can be kept over time.
    """

    document_id: str
    name: str
    type: str
    roles: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True, slots=True)
class CanonicalEntity:
    """A cross-document entity: its display name, type, every alias and its roles over time.

    ``roles`` holds ``(role, first date seen, last date seen)``; ``members`` indexes the
    records merged into it.
    """

    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[tuple[str, str | None, str | None], ...]
    members: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class EntityMerge:
    """The result of a merge: the canonical entities and, per record, its entity's index."""

    entities: tuple[CanonicalEntity, ...]
    assignment: tuple[int, ...]
    records: tuple[NameRecord, ...]

    def entity_of(self, document_id: str, name: str) -> CanonicalEntity | None:
        """The canonical entity of ``name`` in ``document_id``, or ``None`` if unknown.

        Builds the lookup each call; use :meth:`index` for many lookups.
        """
        index = self.index().get((document_id, name))
        return None if index is None else self.entities[index]

    def index(self) -> dict[tuple[str, str], int]:
        """``(document id, name) -> entity index`` for every record."""
        return {(r.document_id, r.name): self.assignment[i] for i, r in enumerate(self.records)}

    def same(self, i: int, j: int) -> bool:
        """Whether records ``i`` and ``j`` were merged."""
        return self.assignment[i] == self.assignment[j]


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name reduced to what identity depends on."""

    tokens: tuple[str, ...]  # folded tokens without titles, initials and suffixes
    middles: tuple[str, ...]  # middle initials of a person ("w" of George W. Bush)
    suffix: str  # jr, sr, ii ... or ""
    acronym: str | None  # the letters of an acronym-shaped name ("SBU", "U.S." -> "US")
    display: str  # the name without titles, for display


def fold(token: str) -> str:
    """Fold one name token: case, accents, doubled letters, transliterated ``-y`` endings.

    A short all-capital token ("VA", "U.S.", "UN") is an acronym and keeps a mark, so it never
    folds into an ordinary word ("Va." for Virginia, "Us"); "&" is kept ("Q&A" is not "QA").
    """
    letters = token.replace(".", "")
    if 2 <= len(letters) <= 4 and letters.isalpha() and letters.isupper():
        return "#" + letters.lower()
    t = unicodedata.normalize("NFKD", token)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = re.sub(r"[^a-z0-9&]", "", t)
    t = re.sub(r"(?:yy|iy|ii|yi|ij)$", "y", t) if len(t) > 4 else t
    return re.sub(r"(.)\1+", r"\1", t)


def parse_name(name: str, type_: str) -> ParsedName:
    """Strip titles, possessives and punctuation from ``name`` and fold what is left.

    Never raises: an empty or all-title name gives empty ``tokens``.
    """
    text = re.sub(r"['’]s\b", "", name.strip())
    raw = [w for w in re.split(r"[\s\-–—,]+", text) if w]
    acronym = None
    if len(raw) == 1 and _ACRONYM.match(raw[0]):
        acronym = raw[0].replace(".", "").upper()
    words = list(raw)
    if words and words[0].lower() == "the":
        words = words[1:]
    if _TYPE_CLASS.get(type_) == "PERSON":
        # Titles only come off people; "Secretary of State" as an ORG keeps them.
        while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
            words = words[1:]
    suffix = ""
    if words and words[-1].lower().rstrip(".") in SUFFIXES and len(words) > 1:
        suffix = words[-1].lower().rstrip(".")
        words = words[:-1]
    middles: list[str] = []
    tokens: list[str] = []
    for i, w in enumerate(words):
        is_initial = bool(re.fullmatch(r"(?:[A-Z]\.){1,3}|[A-Z]", w))
        if _TYPE_CLASS.get(type_) == "PERSON" and is_initial and 0 < i < len(words) - 1:
            middles.extend(c.lower() for c in w if c.isalpha())
            continue
        f = fold(w)
        if f:
            tokens.append(f)
    display = " ".join(words + ([name.split()[-1]] if suffix else []))
    return ParsedName(tuple(tokens), tuple(middles), suffix, acronym, display or name.strip())


def initials(expansion: str) -> str:
    """The capital initials of an expansion, skipping "of", "the", ...: ``NIS``."""
    words = [w for w in re.split(r"[\s\-]+", expansion) if w]
    return "".join(w[0].upper() for w in words if w.lower() not in _INITIAL_STOP and w[0].isalpha())


def find_acronyms(text: str) -> list[tuple[str, str]]:
    """``(acronym, expansion)`` pairs declared in ``text``, in order of appearance.

    A declaration is "Expansion (ACR)" or "ACR (Expansion)". The expansion is cut back from
    the left to the shortest run of words that still covers the acronym's letters in order
    (so "the head of the National Intelligence Service (NIS)" gives the service), and pairs
    whose letters do not appear in the expansion in order (SBU is Ukrainian initials of an
    English expansion) are still kept when the expansion is a capitalised phrase, since the
    declaration itself is the evidence.
    """
    out: list[tuple[str, str]] = []
    for m in _DECL_AFTER.finditer(text):
        exp, acr = _trim_expansion(m.group(1), m.group(2)), m.group(2).replace(".", "")
        if exp:
            out.append((acr, exp))
    for m in _DECL_BEFORE.finditer(text):
        acr, exp = m.group(1).replace(".", ""), _trim_expansion(m.group(2), m.group(1))
        if exp:
            out.append((acr, exp))
    return out


def _trim_expansion(expansion: str, acronym: str) -> str | None:
    words = expansion.split()
    letters = acronym.replace(".", "").upper()
    # Prefer the suffix of words whose initials equal the acronym exactly.
    for k in range(len(words)):
        cand = " ".join(words[k:])
        if words[k].lower() in _INITIAL_STOP:
            continue
        if initials(cand) == letters:
            return cand
    # Otherwise keep the longest capitalised tail (a foreign acronym of an English name).
    k = 0
    while k < len(words) and (words[k].lower() in _INITIAL_STOP or not words[k][0].isupper()):
        k += 1
    tail = words[k:]
    while tail and tail[0].lower() in _INITIAL_STOP:
        tail = tail[1:]
    if len(tail) < 2 or any(w[0].islower() and w.lower() not in _INITIAL_STOP for w in tail):
        return None
    # A long capitalised run is usually a sentence start plus a name; trust only short ones.
    return " ".join(tail) if len(tail) <= 6 else None


def type_class(type_: str) -> str:
    """The class within which entity types may merge (PERSON, ORG, PLACE, or the type)."""
    return _TYPE_CLASS.get(type_, type_)


def merge_names(
    records: Sequence[NameRecord],
    *,
    acronyms: Iterable[tuple[str, str]] = (),
    link_surnames: bool = False,
) -> tuple[EntityMerge, tuple[Diagnostic, ...]]:
    """Merge the entities of many documents into canonical cross-document entities.

    Args:
        records: one record per (document, entity); names that are empty after stripping
            titles stay single entities.
        acronyms: ``(acronym, expansion)`` declarations seen in the documents
            (:func:`find_acronyms`); an acronym with two different expansions is ambiguous and
            is merged with neither (a diagnostic ``ambiguous_acronym`` says so).
        link_surnames: apply rule 3 inside documents (for raw NER mentions only).

    Returns:
        The merge and its diagnostics. Never raises on odd names.
    """
    recs = tuple(records)
    parsed = [parse_name(r.name, r.type) for r in recs]
    uf = DisjointSets(len(recs))
    diags: list[Diagnostic] = []

    # Rule 1: identical folded names (and middles, suffix) within a type class.
    exact: dict[tuple[str, tuple[str, ...], tuple[str, ...], str], int] = {}
    for i, (r, p) in enumerate(zip(recs, parsed, strict=True)):
        if not p.tokens or not any(c.isupper() for c in p.display):
            continue  # no capital letter: a tagger's slip ("state"), not a proper name
        cls = type_class(r.type)
        if cls == "PERSON" and len(p.tokens) < 2:
            continue  # a bare surname: rule 3 only
        key = (cls, p.tokens, p.middles, p.suffix)
        if key in exact:
            uf.union(exact[key], i)
        else:
            exact[key] = i

    # Rule 2: a person without middle initials joins the single middle-initial variant.
    variants: dict[tuple[tuple[str, ...], str], set[tuple[str, ...]]] = defaultdict(set)
    first_of: dict[tuple[tuple[str, ...], str, tuple[str, ...]], int] = {}
    for (cls, tokens, middles, suffix), i in exact.items():
        if cls != "PERSON":
            continue
        variants[(tokens, suffix)].add(middles)
        first_of.setdefault((tokens, suffix, middles), i)
    for (tokens, suffix), mids in variants.items():
        if () in mids and len(mids) == 2:
            other = next(m for m in mids if m)
            uf.union(first_of[(tokens, suffix, ())], first_of[(tokens, suffix, other)])

    # Rule 3: surnames, within their own document only.
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(recs):
        by_doc[r.document_id].append(i)
    for members in by_doc.values() if link_surnames else ():
        full: dict[str, set[int]] = defaultdict(set)
        for i in members:
            p = parsed[i]
            if type_class(recs[i].type) == "PERSON" and len(p.tokens) >= 2:
                full[p.tokens[-1]].add(uf.find(i))
        for i in members:
            p = parsed[i]
            if type_class(recs[i].type) == "PERSON" and len(p.tokens) == 1:
                roots = full.get(p.tokens[0], set())
                if len(roots) == 1:
                    uf.union(i, next(iter(roots)))

    # Rule 4: acronyms.
    _merge_acronyms(recs, parsed, uf, acronyms, diags)

    return _assemble(recs, parsed, uf), tuple(diags)


def _merge_acronyms(
    recs: Sequence[NameRecord],
    parsed: Sequence[ParsedName],
    uf: DisjointSets,
    declared: Iterable[tuple[str, str]],
    diags: list[Diagnostic],
) -> None:
    # Expansions by folded tokens, per type class (only multi-word names can be expansions).
    expansions: dict[tuple[str, tuple[str, ...]], list[int]] = defaultdict(list)
    by_initials: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    for i, (r, p) in enumerate(zip(recs, parsed, strict=True)):
        cls = type_class(r.type)
        if p.acronym is None and len(p.tokens) >= 2 and cls != "PERSON":
            expansions[(cls, p.tokens)].append(i)
            ini = initials(p.display)
            if len(ini) >= 2:
                by_initials[(cls, ini)].add(p.tokens)
    declared_map: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for acr, exp in declared:
        toks = parse_name(exp, "ORG").tokens
        if toks:
            declared_map[acr.replace(".", "").upper()].add(toks)
    for acr, exps in sorted(declared_map.items()):
        if len(exps) > 1:
            diags.append(
                Diagnostic(
                    "ambiguous_acronym",
                    f"{acr} is declared with {len(exps)} expansions; merged with none",
                )
            )
    doc_of = [r.document_id for r in recs]
    acronym_docs: dict[str, set[str]] = defaultdict(set)
    for r, p in zip(recs, parsed, strict=True):
        if p.acronym is not None:
            acronym_docs[p.acronym].add(r.document_id)
    for i, (r, p) in enumerate(zip(recs, parsed, strict=True)):
        if p.acronym is None:
            continue
        cls = type_class(r.type)
        if cls == "PERSON":
            continue
        exps = declared_map.get(p.acronym, set())
        if exps:
            if len(exps) == 1:
                target = next(iter(exps))
                for j in expansions.get((cls, target), []):
                    uf.union(i, j)
            continue
        cands = by_initials.get((cls, p.acronym), set())
        if len(cands) != 1:
            continue
        target = next(iter(cands))
        members = expansions.get((cls, target), [])
        # Initials alone are weak evidence: demand that acronym and expansion meet in a document.
        if any(doc_of[j] in acronym_docs[p.acronym] for j in members):
            for j in members:
                uf.union(i, j)


def _assemble(
    recs: Sequence[NameRecord], parsed: Sequence[ParsedName], uf: DisjointSets
) -> EntityMerge:
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(recs)):
        groups[uf.find(i)].append(i)
    entities: list[CanonicalEntity] = []
    assignment = [0] * len(recs)
    for root in sorted(groups):
        members = groups[root]
        names = Counter(parsed[i].display for i in members)
        # The most frequent form, longer forms first on ties, then alphabetical for stability.
        name = min(names, key=lambda n: (-names[n] - 0.001 * len(n.split()), -len(n), n))
        full = [n for n in names if len(n.split()) > 1 and not _ACRONYM.match(n)]
        if len(name.split()) == 1 and full:
            name = min(full, key=lambda n: (-names[n], -len(n), n))
        types = Counter(recs[i].type for i in members)
        roles: dict[str, list[str | None]] = {}
        for i in members:
            for role in recs[i].roles:
                seen = roles.setdefault(role, [None, None])
                d = recs[i].date
                if d is not None:
                    seen[0] = d if seen[0] is None or d < seen[0] else seen[0]
                    seen[1] = d if seen[1] is None or d > seen[1] else seen[1]
        eid = len(entities)
        for i in members:
            assignment[i] = eid
        entities.append(
            CanonicalEntity(
                id=eid,
                name=name,
                type=types.most_common(1)[0][0],
                aliases=tuple(sorted({recs[i].name for i in members})),
                roles=tuple(
                    (role, v[0], v[1])
                    for role, v in sorted(roles.items(), key=lambda kv: (kv[1][0] or "", kv[0]))
                ),
                members=tuple(members),
            )
        )
    return EntityMerge(tuple(entities), tuple(assignment), tuple(recs))


def records_of(extractions: Iterable[Extraction]) -> tuple[list[NameRecord], list[tuple[str, str]]]:
    """The name records and acronym declarations of many extractions."""
    records: list[NameRecord] = []
    declared: list[tuple[str, str]] = []
    for ex in extractions:
        date = ex.document.meta.published
        for e in ex.entities:
            records.append(NameRecord(ex.document.id, e.name, e.type, e.roles, date))
        declared.extend(find_acronyms(ex.document.text))
    return records, declared
