"""The quote stage's word lists, read once from ``eventwire/data/quotes/cues.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from eventwire.resources import load_resource

CUES_RESOURCE = "quotes/cues.yaml"


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """Cue verbs, document nouns and outlet names that the attribution rules consult."""

    speech_verbs: frozenset[str]
    report_verbs: frozenset[str]
    document_nouns: frozenset[str]
    media_words: frozenset[str]
    news_organizations: frozenset[str]
    first_person: frozenset[str]
    speaker_pronouns: frozenset[str]

    def is_cue_verb(self, lemma: str) -> bool:
        return lemma in self.speech_verbs or lemma in self.report_verbs

    def is_media_phrase(self, text: str) -> bool:
        """True for an outlet: a known news organisation, or a media word heading the phrase.

        A media word counts at the end ("state television") or before a name only
        ("newspaper Jutarnji List"): "a news conference" and "a press release" are not outlets.
        """
        raw = text.replace("'s", " ").replace("-", " ").split()
        words = [w.lower() for w in raw]
        if not words:
            return False
        suffixes = {" ".join(words[i:]) for i in range(len(words))}
        if any(" ".join(name.replace("-", " ").split()) in suffixes for name in self.news_organizations):
            return True
        for i, word in enumerate(words):
            if word in self.media_words and all(w[:1].isupper() for w in raw[i + 1 :]):
                return True
        return False


def load_cues(source: str | Path = CUES_RESOURCE) -> QuoteLexicon:
    """The quote cues of ``source`` (the packaged file by default; the knowledge bundle reads
    them once per pipeline). Every word list of ``QuoteLexicon`` must be there."""
    names = QuoteLexicon.__dataclass_fields__
    raw = load_resource(source, dict.fromkeys(names, list))
    return QuoteLexicon(**{name: frozenset(str(w).lower() for w in raw[name]) for name in names})
