"""FastAPI application: code articles over HTTP and explore coded events in a browser.

    >>> from eventwire.serve import create_app
    >>> app = create_app()            # uvicorn.run(app) or `eventwire serve`

Endpoints: ``GET /health``, ``POST /extract`` (contract input records in, contract output lines
out), ``GET /stages``, and ``GET /`` — a small explorer page that codes pasted text and shows each
event with the sentence it came from.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, Field

from eventwire import __version__
from eventwire.errors import ArticleInputError
from eventwire.ingest.readers import article_from_record
from eventwire.pipeline import Pipeline
from eventwire.records import ArticleError, RejectedInput

MAX_ARTICLES_PER_REQUEST = 200


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


def _to_input(record: ArticleIn, position: int) -> Any:
    try:
        return article_from_record(record.model_dump(exclude_none=True))
    except ArticleInputError as exc:
        error = ArticleError(type(exc).__name__, f"article {position}: {exc}")
        return RejectedInput(id=record.id or f"request:{position}", error=error)


def create_app(pipeline: Pipeline | None = None) -> FastAPI:
    """The API around ``pipeline`` (built from the packaged defaults when not given)."""
    app = FastAPI(title="eventwire", version=__version__, description="News in, political event data out.")
    coder = pipeline or Pipeline.from_config()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__, "model": coder.settings.model}

    @app.get("/stages")
    def stages() -> dict[str, list[str]]:
        return {"stages": [stage.name for stage in coder.stages]}

    @app.post("/extract")
    def extract(request: ExtractRequest) -> list[dict[str, Any]]:
        inputs = [_to_input(record, i) for i, record in enumerate(request.articles)]
        return [coded.to_contract_dict() for coded in coder.run(inputs)]

    @app.post("/extract/sentences")
    def extract_with_sentences(request: ExtractRequest) -> list[dict[str, Any]]:
        """Like /extract, with each article's sentences, so a client can show the evidence."""
        inputs = [_to_input(record, i) for i, record in enumerate(request.articles)]
        return [
            {**coded.to_contract_dict(), "sentences": [s.to_dict() for s in coded.sentences]}
            for coded in coder.run(inputs)
        ]

    @app.get("/", response_class=HTMLResponse)
    def explorer() -> str:
        page = resources.files("eventwire.serve").joinpath("explorer.html")
        if not page.is_file():
            raise HTTPException(status_code=404, detail="explorer page is not installed")
        return page.read_text("utf-8")

    return app
