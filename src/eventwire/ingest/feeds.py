"""Articles from RSS and Atom feeds, read from a file or fetched from a URL.

Each entry becomes one article: its full content when the feed carries it, else its
summary, as plain text; its title, link, publication time and the feed's title as publisher.
An entry without any text becomes a ``RejectedInput`` that says so.
"""

from __future__ import annotations

import html
import re
import urllib.request
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.ingest.metadata import local_date, parse_timestamp, vet_publication_date
from eventwire.records import Article, ArticleError, RejectedInput

FETCH_TIMEOUT_SECONDS = 20.0
_TAG = re.compile(r"<[^>]+>")
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def is_url(name: str) -> bool:
    return name.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = FETCH_TIMEOUT_SECONDS) -> bytes:
    """The body at ``url``; ``InputError`` with the reason if it cannot be fetched."""
    request = urllib.request.Request(url, headers={"User-Agent": "eventwire feed reader"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body: bytes = response.read()
            return body
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot fetch {url}: {exc}") from exc


def looks_like_feed(data: bytes) -> bool:
    """True for RSS, Atom or RDF documents (sniffed from the first kilobyte)."""
    head = data[:1024].lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(data: bytes, origin: str) -> Iterator[Article | RejectedInput]:
    """One article per feed entry; ``InputError`` if ``data`` is not a feed at all."""
    import feedparser  # noqa: PLC0415 - imported on first feed: most runs read none

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise InputError(f"{origin} is not an RSS or Atom feed")
    publisher = parsed.feed.get("title") or None
    # feedparser reads what it can of a broken feed; say so on what came out of it.
    broken = f" (the feed is malformed: {parsed.get('bozo_exception')})" if parsed.bozo else ""
    for number, entry in enumerate(parsed.entries, start=1):
        text = entry_text(entry)
        if not text:
            message = f"entry {number} of {origin} has no summary or content{broken}"
            error = ArticleError("ArticleInputError", message)
            yield RejectedInput(id=str(entry.get("id") or f"{origin}#{number}"), error=error)
            continue
        date, warning = vet_publication_date(
            local_date(parse_timestamp(entry.get("published") or entry.get("updated")))
        )
        yield Article(
            text=text,
            id=str(entry.get("id") or entry.get("link") or ""),
            title=entry.get("title") or None,
            date=date,
            warnings=tuple(w for w in (warning, broken.strip(" ()")) if w),
            publisher=publisher,
            url=entry.get("link") or None,
        )


def entry_text(entry: Any) -> str:
    """The entry's longest text (content over summary), HTML turned into plain paragraphs."""
    candidates = [c.get("value", "") for c in entry.get("content", [])]
    candidates.append(entry.get("summary", ""))
    best = max(candidates, key=len, default="")
    return html_to_text(best)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one line per paragraph."""
    marked = _BLOCK_END.sub("\n", fragment)
    text = html.unescape(_TAG.sub("", marked))
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
