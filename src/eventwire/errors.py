"""eventwire's exceptions: one shallow tree, so callers can catch ``EventwireError``."""


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""


class ConfigError(EventwireError):
    """A setting, stage name or user file is invalid."""


class ModelNotFoundError(ConfigError):
    """The requested spaCy pipeline is not installed."""


class InputError(EventwireError):
    """An input file or stream cannot be read at all."""


class OutputError(EventwireError):
    """An output file cannot be written (no permission, disk full)."""


class ArticleInputError(EventwireError):
    """One article is malformed (bad JSON, missing or empty text, bad date)."""


class KnowledgeBaseError(ConfigError):
    """A knowledge-base or dictionary file breaks its schema."""


class StoreError(EventwireError):
    """The event store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """An article, event or actor asked for by id is not in the store."""
