"""The REST API and web explorer: a thin FastAPI layer over the library."""

from eventwire.serve.app import create_app

__all__ = ["create_app"]
