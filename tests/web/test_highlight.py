"""Highlighting and the measure chart, without a store: tables of cases."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from claimledger.api.reads import MeasureEstimate
from claimledger.web.chart import measure_svg
from claimledger.web.highlight import Mark, render


class Tree(HTMLParser):
    """Check well-formedness and collect (class, start, end, text) of every span."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict[str, str]] = []
        self.spans: list[tuple[str, int, int, str]] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "span", tag  # nothing but spans: markup in the text stays text
        self.stack.append({**{k: v or "" for k, v in attrs}, "_text": ""})

    def handle_endtag(self, tag: str) -> None:
        a = self.stack.pop()
        self.spans.append((a["class"], int(a["data-start"]), int(a["data-end"]), a["_text"]))

    def handle_data(self, data: str) -> None:
        self.text += data
        for a in self.stack:
            a["_text"] += data


def parse(html: str) -> Tree:
    t = Tree()
    t.feed(html)
    t.close()
    assert not t.stack, "unclosed span"
    return t


CASES = [
    # (text, marks as (start, end, class), expected spans (class, start, end) in close order)
    ("plain text", [], []),
    ("abcdef", [(1, 3, "x")], [("x", 1, 3)]),
    ("abcdef", [(0, 6, "out"), (2, 4, "in")], [("in", 2, 4), ("out", 0, 6)]),
    # Crossing spans: the inner one is cut at the outer's end and reopened after it.
    ("abcdef", [(0, 3, "a"), (2, 5, "b")], [("b", 2, 3), ("a", 0, 3), ("b", 3, 5)]),
    # Adjacent spans do not nest.
    ("abcdef", [(0, 2, "a"), (2, 4, "b")], [("a", 0, 2), ("b", 2, 4)]),
    # Same extent: the lower rank is outer.
    ("abcdef", [(1, 4, "a"), (1, 4, "b")], [("b", 1, 4), ("a", 1, 4)]),
    # Empty and out-of-range marks are skipped.
    ("abc", [(1, 1, "empty"), (2, 9, "outside"), (-1, 2, "negative")], []),
    # Astral characters count once each (code points), whatever UTF-16 says.
    ("🇺🇦 said 👨‍👩‍👧 ok", [(0, 2, "flag"), (8, 13, "family")],
     [("flag", 0, 2), ("family", 8, 13)]),
    ("Мы 東京区 <b>x</b>", [(3, 6, "cjk"), (7, 15, "markup")],
     [("cjk", 3, 6), ("markup", 7, 15)]),
]


@pytest.mark.parametrize(("text", "marks", "expected"), CASES)
def test_render(text: str, marks: list[tuple[int, int, str]], expected: list[object]) -> None:
    html = render(text, [Mark(s, e, c, rank=i) for i, (s, e, c) in enumerate(marks)])
    tree = parse(str(html))
    assert tree.text == text  # nothing lost, nothing added, everything escaped
    assert [(c, s, e) for c, s, e, _ in tree.spans] == expected
    for _, s, e, inner in tree.spans:
        assert inner == text[s:e]


def test_script_is_escaped() -> None:
    html = str(render('<script>alert("x")</script>', [Mark(0, 8, "hl")]))
    assert "<script>" not in html
    assert html.startswith('<span class="hl" data-start="0" data-end="8">&lt;script&gt;')


def test_attribute_values_are_escaped() -> None:
    html = str(render("abc", [Mark(0, 2, "hl", (("data-x", '"><script>'),), title="<i>")]))
    assert "<script>" not in html and "<i>" not in html
    assert parse(html).text == "abc"


def test_first_fragment_only_gets_the_id() -> None:
    html = str(render("abcdef", [Mark(0, 3, "a"), Mark(2, 5, "b", first=(("id", "b1"),))]))
    assert html.count('id="b1"') == 1
    assert 'data-span-start="2" data-span-end="5"' in html


def _estimate(i: int, low: float | None, high: float | None, *, date: str | None = "2025-01-01",
              source: str | None = "A", conflicts: tuple[int, ...] = (),
              approximate: bool = False) -> MeasureEstimate:
    return MeasureEstimate(
        index=i, quantity=f"q{i}", low=low, high=high, low_inclusive=True, high_inclusive=True,
        approximate=approximate, interval="", date=date, source=source, via=(), outlet=None,
        document="d", attribution=None, origin=None, conflicts_with=conflicts,
    )


@pytest.mark.parametrize(
    ("estimates", "marks", "conflicts", "log"),
    [
        ([], 0, 0, False),
        ([_estimate(0, 1000, None), _estimate(1, None, 4000, date="2025-01-11", source="B")],
         2, 0, False),
        ([_estimate(0, 200, 200, conflicts=(1,)), _estimate(1, 1000, None, conflicts=(0,))],
         2, 2, False),
        ([_estimate(0, 5, 5), _estimate(1, 50_000, 60_000, date=None)], 2, 0, True),
        ([_estimate(0, 10, 12, approximate=True), _estimate(1, -5, 3, date="2024")], 2, 0,
         False),
    ],
)
def test_chart(estimates: list[MeasureEstimate], marks: int, conflicts: int, log: bool) -> None:
    svg = str(measure_svg(estimates, title="t"))
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert len(re.findall(r'<g class="estimate', svg)) == marks
    assert len(re.findall(r'<g class="estimate conflict"', svg)) == conflicts
    assert ("undated" in svg) == any(e.date is None for e in estimates)
    if log:
        assert ">10<" in svg and ">10,000<" in svg


def test_chart_escapes_names() -> None:
    svg = str(measure_svg([_estimate(0, 1, 2, source="<script>x</script>")], title="<b>"))
    assert "<script>" not in svg and "<b>" not in svg
