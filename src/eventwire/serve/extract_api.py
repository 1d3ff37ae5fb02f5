"""Coding over HTTP: ``POST /extract`` (contract lines), ``/extract/sentences`` and ``POST /articles``.

Coding is bounded: an article longer than ``max_article_chars`` gets an error line instead of
minutes of parsing, and articles not yet started when ``extract_seconds`` have passed get an
error line saying so, so one request cannot hold the server for ever. As with the readers, an
article detected as not English gets an error line unless the request sets ``any_language``.
``POST /articles``
stores what it coded, and exists only on a server started with ``--allow-ingest`` and a token.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

import eventwire
from eventwire.errors import ArticleInputError
from eventwire.ingest.language import screen_languages
from eventwire.ingest.readers import article_from_record
from eventwire.records import Article, ArticleError, CodedArticle, RejectedInput
from eventwire.serve.guards import ServeOptions, require_token

MAX_ARTICLES_PER_REQUEST = 200
# Articles coded together between two looks at the clock: small enough to stop soon after the
# time budget, large enough for spaCy's batching to pay.
_CHUNK = 4


class ArticleIn(BaseModel):
    """One input record of the contract; only ``text`` is required."""

    text: str
    id: str | None = None
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    url: str | None = None


class ExtractRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)
    any_language: bool = Field(
        default=False,
        description="code articles detected as not English as if they were (else they get an error line)",
    )


def _to_input(record: ArticleIn, position: int, max_chars: int) -> Article | RejectedInput:
    fallback_id = record.id or f"request:{position}"
    if len(record.text) > max_chars:
        message = (
            f"article {position}: {len(record.text):,} characters, above this server's limit of {max_chars:,}"
        )
        return RejectedInput(id=fallback_id, error=ArticleError("ArticleTooLongError", message))
    try:
        return article_from_record(record.model_dump(exclude_none=True))
    except ArticleInputError as exc:
        return RejectedInput(
            id=fallback_id, error=ArticleError(type(exc).__name__, f"article {position}: {exc}")
        )


def _out_of_time(item: Article | RejectedInput, seconds: float) -> RejectedInput:
    if isinstance(item, RejectedInput):
        return item
    message = f"not coded: the request used up this server's time limit of {seconds:g} s; send it again"
    return RejectedInput(id=item.id, error=ArticleError("TimeLimitError", message))


def code_request(
    coder: eventwire.Coder, request: ExtractRequest, options: ServeOptions
) -> list[CodedArticle]:
    """Code the request's articles in order, within the server's length and time limits."""
    read = (_to_input(record, i, options.max_article_chars) for i, record in enumerate(request.articles))
    # The readers' language check: a German article is not coded as English unless asked.
    inputs = list(screen_languages(read, request.any_language, how_to_allow='"any_language": true'))
    deadline = time.monotonic() + options.extract_seconds
    coded: list[CodedArticle] = []
    for start in range(0, len(inputs), _CHUNK):
        chunk = inputs[start : start + _CHUNK]
        if time.monotonic() >= deadline:
            chunk = [_out_of_time(item, options.extract_seconds) for item in chunk]
        coded.extend(coder.code_many(chunk))
    return coded


router = APIRouter(tags=["coding"])


def _options(request: Request) -> ServeOptions:
    options: ServeOptions = request.app.state.options
    return options


@router.post("/extract", summary="Contract input records in, one coded contract line per article out")
def extract(request: Request, body: ExtractRequest) -> list[dict[str, Any]]:
    require_token(request, _options(request).token)
    coded = code_request(request.app.state.coder, body, _options(request))
    return [article.to_contract_dict() for article in coded]


@router.post("/extract/sentences", summary="Like /extract, with each article's sentences as evidence")
def extract_with_sentences(request: Request, body: ExtractRequest) -> list[dict[str, Any]]:
    require_token(request, _options(request).token)
    coded = code_request(request.app.state.coder, body, _options(request))
    return [{**c.to_contract_dict(), "sentences": [s.to_dict() for s in c.sentences]} for c in coded]


@router.post("/articles", summary="Code and store articles (server started with --allow-ingest and a token)")
def ingest_articles(request: Request, body: ExtractRequest) -> dict[str, Any]:
    options = _options(request)
    if not options.allow_ingest or request.app.state.store is None:
        raise HTTPException(
            status_code=403, detail="storing articles is off: start with --allow-ingest --token"
        )
    require_token(request, options.token)
    coded = code_request(request.app.state.coder, body, options)
    lock: threading.Lock = request.app.state.write_lock
    with lock:  # one writer at a time: the store's event index is not shared between threads
        results = request.app.state.store.add_many(coded, source_name="api")
    return {
        "stored": [{"id": r.article_id, "status": r.status, "new_events": r.new_events} for r in results],
        "articles": [c.to_contract_dict() for c in coded],
    }
