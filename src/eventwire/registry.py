"""Stage components: declared, registered by name, and checked before a pipeline runs.

    >>> @stage_factory("events.mine", requires=("mentions",), provides=("events",))
    ... def make_my_coder(context: StageContext) -> Stage:
    ...     return MyCoder(context.knowledge.lexicon)

A stage is built by a factory from a ``StageContext`` (the run's settings, the knowledge
bundle and the stage's typed options) and maps a ``ParsedArticle`` to a ``ParsedArticle``
with its results added. ``stage_factory`` wraps the factory in a ``StageSpec`` that says
what the stage reads (``requires``), what it adds (``provides``) and which earlier results
it changes (``rewrites``), like spaCy's ``Language.factory(requires=..., assigns=...)``.

Built-in stages are found the same way as a user's plugin: by name, in the catalogue of
extension points (``eventwire.plugins``, group ``eventwire.stages``), whose entries point
at ``StageSpec`` objects. ``check_order`` refuses a configured list
in which a stage needs something no earlier stage provides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol

from eventwire import plugins
from eventwire.errors import ConfigError

if TYPE_CHECKING:
    from eventwire.config import Settings
    from eventwire.knowledge import Knowledge
    from eventwire.nlp.parsed import ParsedArticle

ENTRY_POINT_GROUP = plugins.STAGES

# What a ParsedArticle carries, and what stages may require or provide. The parse itself
# provides "doc" and "sentences"; the rest come from stages.
ARTIFACTS: Mapping[str, str] = MappingProxyType(
    {
        "doc": "the spaCy parse (tokens, sentences, entities)",
        "sentences": "Sentence records with character offsets",
        "metadata": "the article's date, publisher and dateline, completed from the text",
        "mentions": "actor mentions with resolved actors (coreference applied)",
        "actor_chains": "one ActorChain per coreference chain, with the reason it resolved",
        "places": "toponyms the actor stage saw used as places",
        "events": "coded Event records",
        "quotes": "Quote records with speakers and reporting chains",
        "reported_by": "each event's reporting chain and quoted speaker",
        "dates": "each event's date and precision",
        "locations": "each event's location",
    }
)
PARSE_PROVIDES = frozenset({"doc", "sentences"})
# Components with an [options."<name>"] table that are not stages.
OPTION_OWNERS = frozenset({"store"})


class Stage(Protocol):
    """One pipeline component: it reads what earlier stages found and adds its own."""

    name: str

    def __call__(self, parsed: ParsedArticle) -> ParsedArticle: ...


@dataclass(frozen=True)
class NoOptions:
    """The options of a stage that has none."""


@dataclass(frozen=True)
class StageContext:
    """What a factory gets: the settings, the shared knowledge and its own typed options."""

    settings: Settings
    knowledge: Knowledge
    options: Any


@dataclass(frozen=True)
class StageSpec:
    """A registered stage: its factory and its declared contract."""

    name: str
    factory: Callable[[StageContext], Stage]
    requires: frozenset[str] = frozenset()
    provides: frozenset[str] = frozenset()
    rewrites: frozenset[str] = frozenset()
    options: type[Any] = NoOptions
    description: str = ""

    def build(self, settings: Settings, knowledge: Knowledge) -> Stage:
        """The stage for one pipeline: options read and checked, then the factory called."""
        options = settings.options_for(self.name, self.options)
        return self.factory(StageContext(settings, knowledge, options))


def stage_factory(
    name: str,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
    rewrites: Iterable[str] = (),
    options: type[Any] = NoOptions,
) -> Callable[[Callable[[StageContext], Stage]], StageSpec]:
    """Declare a stage factory; the decorated name becomes its ``StageSpec``."""

    def declare(factory: Callable[[StageContext], Stage]) -> StageSpec:
        spec = StageSpec(
            name,
            factory,
            frozenset(requires),
            frozenset(provides),
            frozenset(rewrites),
            options,
            (factory.__doc__ or "").strip().split("\n")[0].rstrip("."),
        )
        _check_artifacts(spec)
        return spec

    return declare


def _check_artifacts(spec: StageSpec) -> None:
    unknown = sorted((spec.requires | spec.provides | spec.rewrites) - set(ARTIFACTS))
    if unknown:
        raise ConfigError(
            f"stage {spec.name!r} declares unknown artifact(s) {', '.join(unknown)}; "
            f"known: {', '.join(ARTIFACTS)}"
        )


def available_stages() -> dict[str, str]:
    """Every stage name this installation knows (built-ins and plugins), with where its spec lives."""
    return plugins.available(plugins.STAGES)


def load_stage_spec(name: str, extra: Mapping[str, StageSpec] | None = None) -> StageSpec:
    """The spec registered under ``name``; ``extra`` lets a caller add stages in code."""
    if extra and name in extra:
        return extra[name]
    spec = plugins.load(plugins.STAGES, name)
    if not isinstance(spec, StageSpec):
        raise ConfigError(f"stage {name!r} is not a StageSpec (declare its factory with @stage_factory)")
    return spec


def check_order(specs: Sequence[StageSpec]) -> None:
    """Refuse a stage list that repeats a stage or runs one before what it needs."""
    available = set(PARSE_PROVIDES)
    seen: dict[str, int] = {}
    for position, spec in enumerate(specs):
        if spec.name in seen:
            raise ConfigError(
                f"stage {spec.name!r} is listed twice (positions {seen[spec.name]} and {position})"
            )
        seen[spec.name] = position
        missing = sorted((spec.requires | spec.rewrites) - available)
        if missing:
            raise ConfigError(_missing_message(spec, missing, specs[position + 1 :]))
        available |= spec.provides


def check_option_tables(options: Mapping[str, object], extra: Iterable[str] = ()) -> None:
    """Refuse an ``[options."<name>"]`` table whose name is no known component (a typo)."""
    known = {*available_stages(), *OPTION_OWNERS, *extra}
    unknown = sorted(set(options) - known)
    if unknown:
        raise ConfigError(
            f"options given for unknown component(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}"
        )


def _missing_message(spec: StageSpec, missing: list[str], later: Sequence[StageSpec]) -> str:
    providers = {a: s.name for s in later for a in s.provides}
    hints = [f"{a} (provided by {providers[a]}, which comes later)" for a in missing if a in providers]
    hints += [f"{a} (no configured stage provides it)" for a in missing if a not in providers]
    return f"stage {spec.name!r} needs {'; '.join(hints)}; fix the order of the 'stages' setting"
