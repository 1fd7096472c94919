"""Near-duplicate detection on hand-made wire copies."""

from __future__ import annotations

import pytest

from claimledger.ledger.syndication import find_syndicated, shingles

WIRE = (
    "WASHINGTON (AP) — The Senate voted 62-38 on Tuesday to advance a spending bill that "
    "would keep the government open through March, sending the measure to the House, where "
    "its fate remains uncertain. Senate Majority Leader Mitch McConnell said the bill "
    "reflected weeks of negotiations and urged members of both parties to support it. "
    "Democrats said the measure did too little for disaster relief and for veterans' health "
    "care, and several conservatives objected to its overall cost. The House is expected to "
    "take up the bill later this week, aides said, with a final vote possible by Friday. "
    "The White House has said the president would sign the measure if it reached his desk."
)
# A reprint: new headline and dateline, one sentence dropped, a line added at the end.
REPRINT = (
    "Senate advances stopgap spending bill.\n\n"
    + WIRE.replace("WASHINGTON (AP) — ", "").replace(
        " and several conservatives objected to its overall cost", ""
    )
    + " Follow our live coverage for updates."
)
# Same event, written independently.
OTHER = (
    "Lawmakers in the upper chamber pushed forward a temporary funding measure on Tuesday, "
    "a step that averts a shutdown for now. McConnell praised the compromise after a long "
    "stretch of talks, while Democrats complained about disaster aid and veterans' care. "
    "Conservatives grumbled about the price tag. House leaders plan to schedule their own "
    "vote within days, according to aides, and the White House signalled support for the "
    "package as it stands. The bill now heads to the House of Representatives for a vote."
)


def test_reprint_is_a_near_duplicate_and_independent_story_is_not() -> None:
    result, diags = find_syndicated([("ap", WIRE), ("reprint", REPRINT), ("other", OTHER)])
    assert result.groups == (("ap", "reprint"),)
    assert [(p.a, p.b) for p in result.pairs] == [("ap", "reprint")]
    assert result.pairs[0].similarity >= 0.5
    assert result.group_of() == {"ap": 0, "reprint": 0}
    assert diags == ()


def test_groups_close_transitively() -> None:
    third = REPRINT.replace("Follow our live coverage for updates.", "Reporting by staff.")
    result, _ = find_syndicated([("a", WIRE), ("b", REPRINT), ("c", third), ("x", OTHER)])
    assert result.groups == (("a", "b", "c"),)


def test_short_documents_are_skipped_with_a_diagnostic() -> None:
    result, diags = find_syndicated([("s1", "Breaking news."), ("s2", "Breaking news.")])
    assert result.groups == ()
    assert [d.code for d in diags] == ["too_short", "too_short"]


@pytest.mark.parametrize("threshold", [0, 1.5])
def test_bad_threshold_raises(threshold: float) -> None:
    with pytest.raises(ValueError, match="threshold"):
        find_syndicated([], threshold=threshold)


def test_repeated_id_raises() -> None:
    with pytest.raises(ValueError, match="twice"):
        find_syndicated([("a", WIRE), ("a", WIRE)])


def test_shingles() -> None:
    assert shingles("One two three", k=5) == {"one two three"}
    assert shingles("a b c d e f", k=5) == {"a b c d e", "b c d e f"}
    assert shingles("", k=5) == set()
    with pytest.raises(ValueError):
        shingles("x", k=0)
