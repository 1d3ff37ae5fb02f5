"""Stage components, chosen by name.

Built-in stages are found the same way as a user's plugin: by name, either in the
table below or through the ``eventwire.stages`` entry-point group of any installed
package, so the product's own components use the extension point users get.

A stage factory takes the run's ``Settings`` and returns a callable that maps a
``ParsedArticle`` to a ``ParsedArticle`` with its own results added.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from eventwire.config import Settings
    from eventwire.nlp.parsed import ParsedArticle

ENTRY_POINT_GROUP = "eventwire.stages"


class Stage(Protocol):
    """One pipeline component: it reads what earlier stages found and adds its own."""

    name: str

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle: ...


StageFactory = Callable[["Settings"], Stage]

# name -> "module:factory"; imported only when a pipeline asks for the stage.
BUILTIN_STAGES: Mapping[str, str] = MappingProxyType(
    {
        "actors.kb": "eventwire.actors.stage:make_actor_stage",
        "events.rules": "eventwire.events.stage:make_rule_coder",
        "events.intent": "eventwire.events.intent:make_intent_stage",
        "quotes.rules": "eventwire.quotes.stage:make_quote_stage",
        "when_where.default": "eventwire.when_where.stage:make_when_where_stage",
    }
)


def available_stages() -> dict[str, str]:
    """Every stage name this installation knows, with where its factory lives."""
    found = dict(BUILTIN_STAGES)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep.value)
    return found


def load_stage_factory(name: str, extra: Mapping[str, StageFactory] | None = None) -> StageFactory:
    """The factory registered under ``name``; ``extra`` lets a caller add factories in code."""
    if extra and name in extra:
        return extra[name]
    target = available_stages().get(name)
    if target is None:
        known = ", ".join(sorted(available_stages()))
        raise ConfigError(f"no stage named {name!r}; known stages: {known}")
    module_name, _, attr = target.partition(":")
    try:
        factory: StageFactory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise ConfigError(f"stage {name!r} points at {target!r}, which cannot be loaded: {exc}") from exc
    return factory
