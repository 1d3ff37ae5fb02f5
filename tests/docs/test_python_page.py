"""docs/python.md teaches the API as it is: every ``>>>`` example on the page runs and prints
what the page says."""

from __future__ import annotations

import doctest
import re
from pathlib import Path
from typing import Any

PAGE = Path(__file__).resolve().parents[2] / "docs" / "python.md"
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def test_the_python_page_examples_run_as_printed() -> None:
    text = PAGE.read_text("utf-8")
    # One namespace for the page, as a reader's session: later blocks use names from earlier ones.
    namespace: dict[str, Any] = {}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for found in BLOCK.finditer(text):
        if ">>>" not in found.group(1):
            continue  # a sketch with names the reader supplies (read_articles, folders)
        line = text.count("\n", 0, found.start()) + 1
        test = doctest.DocTestParser().get_doctest(found.group(1), namespace, "python.md", str(PAGE), line)
        runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # a DocTest runs in a copy of the namespace it was given
    result = runner.summarize(verbose=False)
    assert result.attempted >= 10 and result.failed == 0
