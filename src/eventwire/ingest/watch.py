"""``--watch FOLDER``: hand each new file's articles to a callback as files arrive.

Polling (not inotify) so it works the same on every OS and on network drives. A file is
read once its size has stayed the same for one poll, so a file still being copied in is
not read half-written. Stop it with a ``threading.Event`` or bound it with ``max_polls``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.sources import Item, iter_folder, read_file
from eventwire.ingest.tabular import CsvMapping


def watch_folder(
    folder: str | Path,
    callback: Callable[[Item], None],
    poll_seconds: float = 2.0,
    *,
    stop: threading.Event | None = None,
    max_polls: int | None = None,
    include_existing: bool = False,
    csv_mapping: CsvMapping | None = None,
    on_poll: Callable[[int], None] | None = None,
) -> int:
    """Poll ``folder`` until ``stop`` is set (or ``max_polls`` polls); returns files read.

    Files present at the start are skipped unless ``include_existing``. ``on_poll(n)`` is
    called after each poll (a heartbeat for a CLI, a synchronisation point for tests).
    """
    root = Path(folder)
    if not root.is_dir():
        raise InputError(f"cannot watch {root}: not a folder")
    stop = stop or threading.Event()
    done: set[Path] = set() if include_existing else set(iter_folder(root))
    pending: dict[Path, int] = {}  # path -> size at the previous poll
    polls = read = 0
    while not stop.is_set() and (max_polls is None or polls < max_polls):
        polls += 1
        for path in _settled(root, done, pending):
            done.add(path)
            read += 1
            for item in read_file(path, csv_mapping):
                callback(item)
        if on_poll is not None:
            on_poll(polls)
        if max_polls is None or polls < max_polls:
            stop.wait(poll_seconds)
    return read


def _settled(root: Path, done: set[Path], pending: dict[Path, int]) -> list[Path]:
    """New files whose size did not change since the previous poll; updates ``pending``."""
    ready: list[Path] = []
    for path in iter_folder(root):
        if path in done:
            continue
        size = _size(path)
        if size is not None and pending.get(path) == size:
            ready.append(path)
            del pending[path]
        else:
            pending[path] = size if size is not None else -1
    return ready


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None  # deleted between listing and stat: try again next poll
