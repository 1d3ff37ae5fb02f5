"""A monthly dyad series from the sample news, plotted with matplotlib.

Run it as a script (``python docs/examples/dyad_timeline.py``) or cell by cell in an editor that
understands ``# %%`` cells (VS Code, PyCharm, Jupytext). It codes ``samples/news.jsonl`` into a
temporary event store, reads the events back as a pandas DataFrame with ``eventwire.events_frame``,
counts events and averages Goldstein scores per dyad and month, and writes a PNG
(``dyad_timeline.png``, or the path in the ``DYAD_PLOT`` environment variable).
"""

# %% Setup: paths, and matplotlib's file-only backend (no window needed)
import json
import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

import eventwire
from eventwire.store import EventStore

REPO = Path(__file__).resolve().parents[2] if "__file__" in globals() else Path.cwd()
SAMPLES = REPO / "samples" / "news.jsonl"
OUTPUT = Path(os.environ.get("DYAD_PLOT", "dyad_timeline.png"))

# %% Ingest: code each article (dicts in the input shape) and store it
articles = [json.loads(line) for line in SAMPLES.read_text("utf-8").splitlines() if line.strip()]
store_path = Path(tempfile.mkdtemp()) / "events.duckdb"
with EventStore.open(store_path) as store:
    store.add_many(list(eventwire.code_many(articles)))
print(f"{len(articles)} articles coded into {store_path}")

# %% One row per (deduplicated) event, with flat columns
events = eventwire.events_frame(store_path)
print(events[["date", "dyad", "plover", "goldstein", "trigger"]].to_string(index=False))

# %% Monthly dyad series: events and mean Goldstein per dyad and month
# Negated events ("did not open fire") are reports that something did not happen: left out.
dated = events[~events["negated"]].dropna(subset=["dyad", "date"]).copy()
dated["month"] = dated["date"].dt.to_period("M").dt.to_timestamp()
series = (
    dated.groupby(["dyad", "month"])
    .agg(events=("plover", "size"), goldstein=("goldstein", "mean"))
    .reset_index()
    .sort_values(["dyad", "month"])
)
print(series.to_string(index=False))

# %% Plot: one row per dyad, a dot per month (size = events, colour = mean Goldstein)
dyads = sorted(series["dyad"].unique())
fig, ax = plt.subplots(figsize=(9, 0.45 * len(dyads) + 1.5))
dots = ax.scatter(
    series["month"],
    [dyads.index(d) for d in series["dyad"]],
    s=80 * series["events"],
    c=series["goldstein"],
    cmap="RdYlGn",
    vmin=-10,
    vmax=10,
    edgecolors="black",
)
ax.set_yticks(range(len(dyads)), dyads)
ax.set_xlabel("month")
ax.set_title("Sample news: events per dyad and month")
fig.colorbar(dots, ax=ax, label="mean Goldstein score")
fig.autofmt_xdate()
fig.tight_layout()
fig.savefig(OUTPUT, dpi=100)
print(f"plot written to {OUTPUT}")
