"""Articles from HTML pages: main text, title, publication time, publisher and URL.

trafilatura finds the main text and most metadata; the publication time is read from the
page's JSON-LD ``datePublished`` first, because that is where news sites put the exact time
and zone, which trafilatura reduces to a day.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.errors import ArticleInputError
from eventwire.ingest.metadata import local_date, parse_timestamp, vet_publication_date
from eventwire.records import Article

# Fewer words than this is navigation or a caption that the extractor fell back to, not a story.
MIN_WORDS = 8
_JSON_LD = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Page:
    """What a news page says about itself; ``published`` keeps time and zone when given."""

    text: str
    title: str | None
    published: dt.datetime | dt.date | None
    publisher: str | None
    url: str | None

    def to_article(self) -> Article:
        date, warning = vet_publication_date(local_date(self.published))
        return Article(
            text=self.text,
            title=self.title,
            date=date,
            warnings=(warning,) if warning else (),
            publisher=self.publisher,
            url=self.url,
        )


def page_from_html(html: str, url: str | None = None) -> Page:
    """The page's main text and metadata; ``ArticleInputError`` if it has no main text."""
    # imported here: trafilatura costs half a second to import and most runs read no HTML
    import trafilatura  # noqa: PLC0415

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = _as_dict(extracted)
    text = _without_title(meta.get("text") or "", meta.get("title"))
    words = len(text.split())
    if words < MIN_WORDS:
        raise ArticleInputError(f"the page has no main text (the extractor found {words} word(s))")
    linked = _json_ld_fields(html)
    published = parse_timestamp(linked.get("datePublished")) or parse_timestamp(meta.get("date"))
    return Page(
        text=text,
        title=meta.get("title") or linked.get("headline"),
        published=published,
        publisher=meta.get("sitename") or linked.get("publisher"),
        url=meta.get("url") or url,
    )


def article_from_html(html: str, url: str | None = None) -> Article:
    """An ``Article`` from an HTML page (see ``page_from_html``)."""
    return page_from_html(html, url).to_article()


def _as_dict(extracted: Any) -> dict[str, Any]:
    """trafilatura 2 returns a Document, older versions a dict; None when nothing was found."""
    if extracted is None:
        return {}
    return dict(extracted) if isinstance(extracted, dict) else dict(extracted.as_dict())


def _without_title(text: str, title: str | None) -> str:
    """Drop the headline when the extractor repeats it as the text's first line."""
    first, _, rest = text.partition("\n")
    return rest.lstrip() if title and first.strip() == title.strip() else text


def _json_ld_fields(html: str) -> dict[str, str]:
    """datePublished, headline and publisher name from the page's JSON-LD, first found wins."""
    found: dict[str, str] = {}
    for block in _JSON_LD.findall(html):
        try:
            data = json.loads(block)
        except json.JSONDecodeError:
            continue  # a broken JSON-LD block is common and not the article's fault
        for node in _nodes(data):
            for key in ("datePublished", "headline"):
                if isinstance(node.get(key), str):
                    found.setdefault(key, node[key])
            publisher = node.get("publisher")
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                found.setdefault("publisher", publisher["name"])
    return found


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document (top level, lists and ``@graph``)."""
    if isinstance(data, list):
        for item in data:
            yield from _nodes(item)
    elif isinstance(data, dict):
        yield data
        yield from _nodes(data.get("@graph", []))
