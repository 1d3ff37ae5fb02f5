"""docs/examples/dyad_timeline.py runs as documented and writes its plot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "examples" / "dyad_timeline.py"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_dyad_timeline_example_writes_a_png(tmp_path: Path) -> None:
    plot = tmp_path / "dyad.png"
    env = {**os.environ, "DYAD_PLOT": str(plot), "MPLCONFIGDIR": str(tmp_path / "mpl")}
    command = [sys.executable, str(EXAMPLE)]
    result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert plot.read_bytes().startswith(PNG_MAGIC) and plot.stat().st_size > 10_000
    assert "RUS->UKR" in result.stdout  # the sample's troop build-up made it into the series
