import pytest
import spacy
from spacy.language import Language

from eventwire.errors import ModelNotFoundError
from eventwire.nlp.model import load_model
from eventwire.records import CodedArticle


def test_component_leaves_a_coded_article_on_the_doc() -> None:
    nlp = load_model("en_core_web_sm")
    nlp.add_pipe("eventwire", config={"overrides": {"stages": ["metadata.dateline", "actors.kb"]}})
    doc = nlp("The talks ended. Both delegations left Vienna.")
    coded = doc._.eventwire
    assert isinstance(coded, CodedArticle)
    assert [s.text for s in coded.sentences] == ["The talks ended.", "Both delegations left Vienna."]
    assert doc._.events == coded.events


def test_model_alias_loads_the_pypi_packaging(nlp: Language) -> None:
    assert "parser" in nlp.pipe_names
    assert nlp.pipe_names.index("eventwire_paragraphs") < nlp.pipe_names.index("parser")


def test_unknown_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="no_such_pipeline"):
        load_model("no_such_pipeline")
    assert spacy.__version__.startswith("3.8")
