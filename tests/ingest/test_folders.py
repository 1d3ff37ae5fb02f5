"""Folders of mixed files, per-file errors, the contract readers, URLs and --watch polling."""

from __future__ import annotations

import http.server
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest.readers import check_readable, read_inputs
from eventwire.ingest.sources import iter_articles, iter_folder
from eventwire.ingest.watch import watch_folder
from eventwire.records import Article, RejectedInput

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"
MIXED = FIXTURES / "mixed"


def test_folder_is_read_recursively_by_extension() -> None:
    names = [p.relative_to(MIXED).as_posix() for p in iter_folder(MIXED)]
    assert names == [
        "broken.txt",
        "empty.html",
        "lines.jsonl",
        "notes.xml",
        "one.txt",
        "sub/monitor.atom",
        "sub/page.html",
        "wrong-columns.csv",
    ]  # picture.png (unsupported) and .hidden/ are skipped


def test_mixed_folder_lists_unreadable_files_with_reasons() -> None:
    found = list(iter_articles([MIXED]))
    titles = {a.title for a in found if isinstance(a, Article)}
    assert {"Coast guard detains trawler", "Port strike ends", "Harbour talks end without deal"} <= titles
    assert sum(isinstance(a, Article) for a in found) == 5
    reasons = {Path(r.id).name: r.error.message for r in found if isinstance(r, RejectedInput)}
    assert "binary" in reasons["broken.txt"]
    assert "no main text" in reasons["empty.html"]
    assert "not an RSS or Atom feed" in reasons["notes.xml"]
    assert "no 'text' column" in reasons["wrong-columns.csv"]
    assert "'text' must be a string, got a number" in reasons["m-2"]  # a bad line inside a good JSONL file


def test_read_inputs_keeps_the_contract_formats() -> None:
    found = list(read_inputs([str(MIXED / "lines.jsonl"), str(MIXED / "one.txt")]))
    assert [type(a).__name__ for a in found] == ["Article", "RejectedInput", "Article"]
    assert isinstance(found[0], Article) and found[0].id == "m-1"


def test_check_readable(tmp_path: Path) -> None:
    check_readable([str(MIXED), str(MIXED / "one.txt"), "-", "https://feeds.example.org/x.xml"])
    with pytest.raises(InputError, match="cannot read"):
        check_readable([str(tmp_path / "missing.jsonl")])


@pytest.fixture
def local_server() -> Iterator[str]:
    """A loopback HTTP server over the fixtures folder (no outside network is used)."""
    handler = lambda *a: http.server.SimpleHTTPRequestHandler(*a, directory=str(FIXTURES))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_and_page_urls(local_server: str) -> None:
    found = list(iter_articles([f"{local_server}/feed.rss", f"{local_server}/page.html"]))
    titles = [a.title for a in found if isinstance(a, Article)]
    assert titles == [
        "Ministers agree on river treaty",
        "Opposition calls for new vote",
        "Harbour talks end without deal",
    ]


def test_unreachable_url_is_a_rejected_input(local_server: str) -> None:
    [rejected] = list(iter_articles([f"{local_server}/no-such-feed.xml"]))
    assert isinstance(rejected, RejectedInput) and "cannot fetch" in rejected.error.message


def test_watch_folder_reads_new_files_once_they_settle(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("An old story about a vote in the senate.", encoding="utf-8")
    seen: list[Article | RejectedInput] = []
    stop = threading.Event()
    result: list[int] = []
    polled = threading.Event()
    watcher = threading.Thread(
        target=lambda: result.append(
            watch_folder(tmp_path, seen.append, poll_seconds=0.05, stop=stop, on_poll=lambda n: polled.set())
        )
    )
    watcher.start()
    assert polled.wait(timeout=20)  # the watcher has taken its first look before files arrive
    shutil.copy(FIXTURES / "feed.atom", tmp_path / "new.atom")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "late.txt").write_text("Rebels freed two hostages on Friday.", encoding="utf-8")
    deadline = time.monotonic() + 20  # generous: the machine may be busy; the loop ends early
    while len(seen) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    watcher.join(timeout=5)
    assert not watcher.is_alive() and result == [2]  # the file present at the start is not re-read
    texts = {a.text for a in seen if isinstance(a, Article)}
    assert "Rebels freed two hostages on Friday." in texts
    assert any(t.startswith("Dock workers") for t in texts) and len(seen) == 3


def test_watch_folder_stops_when_asked(tmp_path: Path) -> None:
    stop = threading.Event()
    stop.set()
    assert watch_folder(tmp_path, lambda item: None, poll_seconds=5, stop=stop) == 0


def test_watch_folder_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a folder"):
        watch_folder(tmp_path / "nope", lambda item: None, max_polls=1)
