"""Which language an article is written in, so that only English is coded as English.

The rules, lexicons and spaCy model are English: a German or Russian article coded anyway
gives wrong or no events with no sign that anything was amiss. Detection uses py3langid (an
offline n-gram model shipped inside the package). Short English news sentences often get a
low-confidence guess of some other language ("Modi met Xi in Delhi." scores Slovenian at
0.09), so an article counts as non-English only when the detector is confident and has
enough letters to go on; otherwise it is "und" (undetermined) and coded as English.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from eventwire.records import Article, ArticleError, RejectedInput

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

log = logging.getLogger(__name__)
CODED_LANGUAGE = "en"
UNDETERMINED = "und"
# Measured on the project's gold files, samples and the PLOVER dev set: no English text there
# is guessed as another language at 0.5 or above; real German/French/Spanish news sentences
# score 0.85-0.99. 0.8 leaves a margin on both sides.
MIN_CONFIDENCE = 0.8
MIN_LETTERS = 20
# The detector's cost grows with the text; the first pages say which language it is.
SAMPLE_CHARS = 4000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The detected language (ISO 639-1, or "und") and the detector's probability."""

    code: str
    probability: float


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier | None:
    """The detector, or None when its model cannot be loaded (it unpacks to a temporary file,
    which fails on a full disk): coding then goes on with every language undetermined.

    Cached: loading takes half a second and the model is read-only once loaded.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier  # noqa: PLC0415 - loaded on first use

    try:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except OSError as exc:
        log.warning("language detection is off: cannot load the py3langid model (%s)", exc)
        return None


def detect_language(text: str) -> LanguageGuess:
    """The language of ``text``; "und" when the detector is unsure or there is too little text."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return LanguageGuess(UNDETERMINED, 0.0)
    identifier = _identifier()
    if identifier is None:
        return LanguageGuess(UNDETERMINED, 0.0)
    # surrogatepass: a lone surrogate must not make detection raise; the reader reports it.
    code, probability = identifier.classify(sample.encode("utf-8", "surrogatepass"))
    if code != CODED_LANGUAGE and probability < MIN_CONFIDENCE:
        return LanguageGuess(UNDETERMINED, probability)
    return LanguageGuess(str(code), float(probability))


def screen_languages(
    items: Iterable[Article | RejectedInput], any_language: bool = False, how_to_allow: str = "--any-language"
) -> Iterator[Article | RejectedInput]:
    """Note each article's language; leave non-English ones uncoded unless ``any_language``.

    An article left uncoded becomes a ``RejectedInput`` that keeps the article, so its output
    line still says which language it is in, with an error that says how to code it anyway
    (``how_to_allow``: the command-line flag, or the API's request field).
    """
    for item in items:
        if not isinstance(item, Article) or not item.text.strip():
            yield item
            continue
        guess = detect_language(item.text)
        article = dataclasses.replace(item, language=guess.code)
        if guess.code in (CODED_LANGUAGE, UNDETERMINED):
            yield article
        elif any_language:
            note = f"article looks {guess.code} (p={guess.probability:.2f}); coded as English as asked"
            yield dataclasses.replace(article, warnings=(*article.warnings, note))
        else:
            yield _uncoded(article, guess, how_to_allow)


def _uncoded(article: Article, guess: LanguageGuess, how_to_allow: str) -> RejectedInput:
    message = (
        f"article looks {guess.code}, not English (p={guess.probability:.2f}); eventwire codes English "
        f"only: pass {how_to_allow} to code it as English anyway"
    )
    return RejectedInput(article.id, ArticleError("UnsupportedLanguageError", message), article=article)
