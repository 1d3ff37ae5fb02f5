"""One loaded coder per Dask worker process, built when the worker starts, not by its first task.

    >>> from distributed import Client
    >>> client = Client("tcp://10.0.0.5:8786")
    >>> start_coders(client, Settings.load())   # every worker loads the model, all at once

``start_coders`` registers a ``CoderPlugin`` on the cluster: each worker (and any worker that
joins later, as a SLURM or Kubernetes cluster scales up) builds ``eventwire.coder(settings)``
in its own process, in a thread beside its event loop, and codes one sentence so that the
knowledge tables loaded on first use are loaded too. The workers load in parallel; the plugin
crosses the network as its settings only (the model is never pickled). ``code_corpus``'s
tasks then take that coder (``worker_coder``) instead of building one.

The plugin's name carries a digest of the settings: registering the same settings again is a
no-op (a resumed run or a benchmark round does not reload), and a run with other settings gets
its own coder beside the first.
"""

from __future__ import annotations

import asyncio
import hashlib
import json

import dask.config
from distributed import Client, LocalCluster, Worker, WorkerPlugin, get_worker

import eventwire
from eventwire.config import Settings
from eventwire.ingest.language import detect_language

# Written for the warm-up: a meeting, a place, a date and a quote, so that the tables each of
# them needs are loaded before the first partition.
_WARM_UP = (
    "Kenya's foreign minister met officials in Geneva on Monday, a spokesman said. "
    '"We agreed on the talks," he said.'
)

# What a LocalCluster of coders changes from Dask's defaults, each worth a few per cent of a
# worker's time. The statistical profiler samples the coding thread's stack 100 times a
# second (for a dashboard a batch run does not look at), and the nanny sets
# MALLOC_TRIM_THRESHOLD_ so that glibc returns freed memory at every 64 KiB: spaCy's
# allocations then page-fault six times as often (sys time +4 % of coding, measured). Without
# it a worker keeps memory as an ``extract`` process does (its peak RSS stays flat).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def local_cluster(workers: int | None = None) -> LocalCluster:
    """A LocalCluster of ``workers`` single-threaded worker processes (default: one per core)."""
    with dask.config.set(LOCAL_CLUSTER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=":0")  # type: ignore[no-untyped-call]


def plugin_name(settings: Settings) -> str:
    """The plugin's name for ``settings``: equal settings, equal names."""
    text = json.dumps(settings.as_mapping(), sort_keys=True, default=str)
    return "eventwire-coder-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class CoderPlugin(WorkerPlugin):
    """Builds a worker's coder for ``settings`` when the plugin reaches the worker."""

    idempotent = True  # registered again (same name, same settings): left as it is

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coder: eventwire.Coder | None = None

    async def setup(self, worker: Worker) -> None:
        # In a thread: a few seconds of loading must not stall the worker's heartbeats.
        self.coder = await asyncio.to_thread(_loaded_coder, self.settings)

    def teardown(self, worker: Worker) -> None:
        self.coder = None


def _loaded_coder(settings: Settings) -> eventwire.Coder:
    coder = eventwire.coder(settings)
    coder.code(_WARM_UP)
    # What a partition needs beside the coder, loaded on first use too: the language
    # detector's model (half a second) and pyarrow's Parquet writer.
    detect_language(_WARM_UP)
    import pyarrow.parquet  # noqa: F401, PLC0415

    return coder


def start_coders(client: Client, settings: Settings) -> None:
    """Have every worker of ``client``'s cluster build its coder for ``settings`` now."""
    client.register_plugin(CoderPlugin(settings), name=plugin_name(settings))


def worker_coder(settings: Settings) -> eventwire.Coder | None:
    """The coder this Dask worker built at start for ``settings``; None outside a worker or
    when no plugin was registered for them (a task then builds its own)."""
    try:
        plugin = get_worker().plugins.get(plugin_name(settings))
    except ValueError:  # not running in a distributed worker
        return None
    return plugin.coder if isinstance(plugin, CoderPlugin) else None
