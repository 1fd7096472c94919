"""Quotation spans: pair opening and closing marks, across sentences and paragraphs.

News convention lets a quotation run over several paragraphs: a paragraph that ends inside a
quotation has no closing mark, and the next paragraph opens with a fresh opening mark. Any
other unbalanced mark is reported as a diagnostic and skipped, so one stray mark never costs
the rest of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Diagnostic

OPENING = "“«„"
CLOSING = "”»"

_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation from its opening mark at ``open`` to its closing mark at ``close``.

    ``open`` and ``close`` index the marks themselves; the quoted words are
    ``text[open + 1 : close]``. A quotation continued across paragraphs keeps its first
    opening and last closing mark.
    """

    open: int
    close: int
    open_len: int = 1  # "''" and "``" (typewriter quotation marks) are two characters
    close_len: int = 1

    @property
    def start(self) -> int:
        return self.open + self.open_len

    @property
    def after(self) -> int:
        """The offset just past the closing mark."""
        return self.close + self.close_len

    @property
    def end(self) -> int:
        return self.close


def find_quotes(text: str) -> tuple[tuple[Quote, ...], tuple[Diagnostic, ...]]:
    """Every quotation of ``text``, in order, and a diagnostic for every unbalanced mark."""
    marks = _marks(text)
    lengths = {pos: n for pos, _, _, _, n in marks}
    quotes: list[Quote] = []
    diagnostics: list[Diagnostic] = []
    opened: int | None = None  # offset of the pending opening mark
    pending_paragraph_end: int | None = None
    for pos, is_open, para_start, para_end, _ in marks:
        if (
            opened is not None
            and pending_paragraph_end is not None
            and para_start > pending_paragraph_end
        ):
            # The quotation ran to the end of its paragraph without closing. It continues
            # only if this next paragraph starts with an opening mark.
            if not (is_open and _starts_paragraph(text, pos, para_start)):
                diagnostics.append(_unbalanced(text, opened, "opening"))
                opened = None
            pending_paragraph_end = None
            if opened is not None:
                pending_paragraph_end = para_end
                continue
        if is_open:
            if opened is not None:
                diagnostics.append(_unbalanced(text, opened, "opening"))
            opened = pos
            pending_paragraph_end = para_end
        else:
            if opened is None:
                diagnostics.append(_unbalanced(text, pos, "closing"))
                continue
            quotes.append(Quote(opened, pos, lengths[opened], lengths[pos]))
            opened = None
            pending_paragraph_end = None
    if opened is not None:
        diagnostics.append(_unbalanced(text, opened, "opening"))
    return tuple(quotes), tuple(diagnostics)


_MARK = re.compile(r"``|''(?!')|[“«„”»\"]")


def _marks(text: str) -> list[tuple[int, bool, int, int, int]]:
    """Each quotation mark as (offset, is_opening, paragraph start, paragraph end, length).

    Typewriter marks count too: "``" opens, and "''" pairs like a straight double mark.
    """
    out: list[tuple[int, bool, int, int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        straight_open = False
        curly_open = False  # a pending “ that a straight mark may close (mixed typing)
        p0, p1 = para.start(), para.end()
        for m in _MARK.finditer(text, p0, p1):
            i, mark = m.start(), m.group()
            if mark == "``":
                straight_open = True  # its partner is a "''"
                out.append((i, True, p0, p1, 2))
            elif mark == "''":
                # Typewriter double mark: it opens unless one is pending.
                straight_open = not straight_open
                out.append((i, straight_open, p0, p1, 2))
            elif mark in OPENING:
                # An opening mark typed for a closing one ("“Not yet,“ he said"): it follows
                # a stop while a quotation is open, and a space or the paragraph's end follows
                closes = (
                    curly_open
                    and text[i - 1 : i] in (",", ".", "?", "!")
                    and (i + 1 >= p1 or text[i + 1].isspace())
                )
                curly_open = not closes
                out.append((i, not closes, p0, p1, 1))
            elif mark in CLOSING:
                # A closing mark that opens a paragraph before a word is a mistyped opening
                # mark ("”Fear is all I feel.”"): nothing precedes it that it could close.
                opens = _starts_paragraph(text, i, p0) and text[i + 1 : i + 2].isalnum()
                curly_open = opens
                out.append((i, opens, p0, p1, 1))
            else:
                # A straight mark opens unless one is already open, or it sits right after a
                # word and before a space or punctuation (a stray closing mark).
                before = text[i - 1] if i > p0 else " "
                after = text[i + 1] if i + 1 < p1 else " "
                if curly_open and not straight_open and not after.isalnum():
                    # “...." typed with two kinds of mark: the straight one closes
                    curly_open = False
                    out.append((i, False, p0, p1, 1))
                    continue
                if straight_open:
                    is_open = False
                else:
                    is_open = not (before.isalnum() and (after.isspace() or after in ".,;:!?)"))
                straight_open = is_open
                out.append((i, is_open, p0, p1, 1))
    return out


def _starts_paragraph(text: str, pos: int, para_start: int) -> bool:
    return text[para_start:pos].strip() == ""


def _unbalanced(text: str, pos: int, which: str) -> Diagnostic:
    context = text[max(0, pos - 20) : pos + 20].replace("\n", " ")
    return Diagnostic(
        code="unbalanced_quote",
        message=f"{which} quotation mark at {pos} has no partner; skipped ({context!r})",
        start=pos,
        end=pos + 1,
    )
