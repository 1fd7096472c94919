"""Independent origins of a claim cluster: how many sources really stand behind a claim.

Within one cluster, two attributions share an origin when any of these holds (closed
transitively):

1. **Same root source.** Their canonical source entities are equal. The source is the root of
   the attribution chain, never a relay: "The NIS said ..., Yonhap reported" has origin NIS,
   and so has "The NIS said ..." printed directly.
2. **Same statement.** Same source (canonical entity, else the source mention as written,
   case-folded), near-identical text (token Dice ≥ :data:`QUOTE_DICE`) and the same
   ``said_on`` day. This catches one statement relayed under unresolved or anonymous sources
   ("a spokesman said").
3. **Same article.** Their documents are near-duplicates (syndicated copies): copies share all
   their origins.

An attribution with no source and no copy is its own origin. The cluster reports its number of
independent origins, its number of mentions (attributions) and its outlets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..evaluation.common import dice
from .records import ClaimRecord
from .unionfind import DisjointSets

#: Token Dice at or above which two texts of one source and day are one statement.
QUOTE_DICE = 0.9


@dataclass(frozen=True, slots=True)
class Origin:
    """One independent origin: a label (the root source, when known) and its attributions."""

    id: int
    source: str | None
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OriginReport:
    """The origins of one cluster, with the counts a reader wants."""

    origins: tuple[Origin, ...]
    mentions: int
    outlets: tuple[str, ...]

    @property
    def independent(self) -> int:
        """The number of independent origins."""
        return len(self.origins)

    def origin_of(self) -> dict[str, int]:
        """``claim key -> origin id``."""
        return {k: o.id for o in self.origins for k in o.members}


def find_origins(
    members: Sequence[ClaimRecord],
    *,
    copies: Mapping[str, int] | None = None,
    quote_dice: float = QUOTE_DICE,
) -> OriginReport:
    """The independent origins of one cluster's attributions.

    Args:
        members: the cluster's claims; keys must be unique.
        copies: ``document id -> near-duplicate group`` (``Syndication.group_of()``);
            documents missing from it have no copy.
        quote_dice: token Dice for rule 2, in (0, 1].

    Raises:
        ValueError: a repeated key, or ``quote_dice`` outside (0, 1].
    """
    if not 0 < quote_dice <= 1:
        raise ValueError(f"quote_dice must be in (0, 1], got {quote_dice}")
    keys = [m.key for m in members]
    if len(set(keys)) != len(keys):
        raise ValueError("claim keys must be unique within a cluster")
    sets = DisjointSets(len(members))
    union, find = sets.union, sets.find
    first: dict[tuple[str, object], int] = {}
    statements: dict[tuple[str, str], list[int]] = defaultdict(list)
    copies = copies or {}
    for i, m in enumerate(members):
        if m.source_key is not None:
            k = ("source", m.source_key)
            union(first.setdefault(k, i), i)
        group = copies.get(m.document_id)
        if group is not None:
            # A copy repeats each of its original's claims: the same speaker (or, unresolved,
            # the same source words and content) in the same group is one origin; different
            # speakers inside a syndicated story stay apart.
            who: object = m.source_key or ((m.source or "").casefold(), m.text.casefold())
            union(first.setdefault(("copy", (group, who)), i), i)
        speaker = m.source_key or (m.source.casefold() if m.source else None)
        if speaker is not None and m.said_on:
            statements[(speaker, m.said_on[:10])].append(i)
    # Rule 2 compares texts only inside one (speaker, day) block: small, never all pairs.
    for block in statements.values():
        for x, i in enumerate(block):
            for j in block[x + 1 :]:
                if find(i) != find(j) and dice(members[i].text, members[j].text) >= quote_dice:
                    union(i, j)
    origins = []
    for n, idx in enumerate(sets.groups()):
        labels = sorted({s for i in idx if (s := members[i].source)})
        origins.append(
            Origin(
                id=n,
                source=" / ".join(labels) if labels else None,
                members=tuple(members[i].key for i in idx),
            )
        )
    outlets = tuple(sorted({m.outlet for m in members if m.outlet}))
    return OriginReport(origins=tuple(origins), mentions=len(members), outlets=outlets)
