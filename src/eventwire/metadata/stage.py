"""The ``metadata.dateline`` stage: the article's missing date and publisher from its dateline.

Given values win: the dateline only fills what the input left empty. The dateline itself is
kept on the article's state (later stages use its place as the fallback location of events)
and in the diagnostics users see.
"""

from __future__ import annotations

import dataclasses

from eventwire.metadata.dateline import parse_dateline
from eventwire.nlp.parsed import ParsedArticle
from eventwire.records import Article, Dateline
from eventwire.registry import StageContext, stage_factory


class MetadataStage:
    """Reads the dateline and completes the article's metadata."""

    name = "metadata.dateline"

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle:
        dateline = parse_dateline(parsed.article.text, parsed.article.date)
        diagnostics = dataclasses.replace(parsed.diagnostics, dateline=dateline)
        article = with_dateline_metadata(parsed.article, dateline)
        return parsed.with_(article=article, dateline=dateline, diagnostics=diagnostics)


def with_dateline_metadata(article: Article, dateline: Dateline | None) -> Article:
    """Fill the article's missing publisher and date from its dateline; given values win."""
    if dateline is None:
        return article
    return dataclasses.replace(
        article,
        publisher=article.publisher or dateline.publisher,
        date=article.date or dateline.date,
    )


@stage_factory("metadata.dateline", provides=("metadata",))
def metadata_stage(context: StageContext) -> MetadataStage:
    """Dateline place, agency and date; fills the article's missing date and publisher."""
    return MetadataStage()
