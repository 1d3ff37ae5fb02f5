from eventwire.config import Settings
from eventwire.pipeline import Pipeline
from eventwire.records import Article, ArticleError, RejectedInput
from eventwire.registry import StageContext, stage_factory


def test_empty_article_gets_its_own_error_and_the_batch_goes_on(pipeline: Pipeline) -> None:
    articles = [
        Article(text="The minister arrived in Paris.", id="a"),
        Article(text="   ", id="b"),
        RejectedInput(id="c", error=ArticleError("ArticleInputError", "bad line")),
        Article(text="Talks resumed on Monday.", id="d"),
    ]
    coded = list(pipeline.run(articles))
    assert [c.article.id for c in coded] == ["a", "b", "c", "d"]
    assert [c.error is None for c in coded] == [True, False, False, True]
    assert coded[1].error is not None and "empty" in coded[1].error.message


def test_sentences_split_at_line_breaks(pipeline: Pipeline) -> None:
    coded = pipeline.code_text("Headline without a full stop\nThe talks ended early. Both sides left.")
    assert [s.text.strip() for s in coded.sentences][:1] == ["Headline without a full stop"]
    assert len(coded.sentences) == 3


def test_default_settings_name_every_stage() -> None:
    settings = Settings.load()
    assert settings.stages[:2] == ("metadata.dateline", "actors.kb")
    assert settings.model == "en_core_web_sm"


class Exploding:
    name = "events.exploding"

    def __call__(self, parsed):  # type: ignore[no-untyped-def]
        if "boom" in parsed.article.text:
            raise ValueError("cannot code this one")
        return parsed


@stage_factory("events.exploding", provides=("events",))
def exploding(context: StageContext) -> Exploding:
    return Exploding()


def test_a_stage_failure_is_recorded_on_that_article_only() -> None:
    pipeline = Pipeline.from_config(
        Settings.load(stages=["events.exploding"]), extra_stages={"events.exploding": exploding}
    )
    coded = list(pipeline.run([Article(text="All calm.", id="a"), Article(text="boom", id="b")]))
    assert coded[0].error is None
    assert coded[1].error is not None
    assert coded[1].error.type == "InternalError.ValueError"
    assert coded[1].error.message == "in stage events.exploding: cannot code this one"
