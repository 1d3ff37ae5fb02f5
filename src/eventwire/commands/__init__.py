"""Subcommands of the ``eventwire`` CLI: one module each, each with ``register(subparsers)``."""
