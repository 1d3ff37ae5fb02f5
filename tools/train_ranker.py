"""Train the PLOVER-type ranker (stage ``events.ranker``) and write its packaged weights.

    nice .venv/bin/python tools/train_ranker.py \\
        --synthetic ../shared/data/synthetic-stories-plover.csv.zip \\
        --gold tests/gold/events.jsonl \\
        --output src/eventwire/data/ranker/plover-ranker.npz

The corpus is the lead sentence of every synthetic story (weak labels: the story's PLOVER
type) plus the *training half* of the project gold (``ranker_corpus.gold_split``); the other
half of the gold and the blind batches in tests/gold/blind are never read. Synthetic stories
are weighted so that every type counts the same (``example_weights``). Texts are parsed
with the project's spaCy model, their features hashed (``ranker_model``) and a softmax
regression fitted with numpy. About two minutes on one core; the weights are ~1 MB.
A summary (corpus sizes, accuracy on the gold test half) goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from spacy.language import Language

from eventwire.events.ontology import Ontology
from eventwire.events.ranker_corpus import Example, gold_examples, synthetic_examples
from eventwire.events.ranker_model import Fit, RankerModel, TrainingRow, buckets, sentence_features, train
from eventwire.nlp.model import load_model

DEFAULT_OUTPUT = Path("src/eventwire/data/ranker/plover-ranker.npz")
# A gold sentence is worth several weak labels: it is in the project's own coding conventions.
GOLD_WEIGHT = 3.0


def read_csv_text(path: Path) -> str:
    """The CSV text of ``path``, or of the one CSV inside it when it is a zip archive."""
    if path.suffix != ".zip":
        return path.read_text("utf-8")
    with zipfile.ZipFile(path) as archive:
        names = [n for n in archive.namelist() if n.endswith(".csv")]
        if len(names) != 1:
            raise ValueError(f"{path}: expected one .csv inside, found {len(names)}")
        return archive.read(names[0]).decode("utf-8")


def build_corpus(synthetic: Path | None, gold: Sequence[Path], types: Sequence[str]) -> list[Example]:
    """Every training example: synthetic leads, then the training half of each gold file."""
    examples = synthetic_examples(read_csv_text(synthetic), types) if synthetic else []
    for path in gold:
        found = gold_examples(path.read_text("utf-8"), "train")
        examples += [e for e in found if set(e.labels) <= set(types)]
    return examples


def example_weights(examples: Sequence[Example]) -> list[float]:
    """Each example's weight: synthetic stories balanced over their types, gold ``GOLD_WEIGHT``.

    The synthetic corpus has six times more CONCEDE stories than AGREE ones; unweighted, the
    model learns that prior and reads every "agreed" as a concession. Balanced, each type
    weighs as much as the others, and the rule's own type decides what the text leaves open.
    """
    counts = Counter(e.labels[0] for e in examples if e.origin == "synthetic")
    mean = sum(counts.values()) / len(counts) if counts else 0.0
    return [GOLD_WEIGHT if e.origin == "gold" else mean / counts[e.labels[0]] for e in examples]


def featurise(nlp: Language, examples: Sequence[Example], types: Sequence[str]) -> list[TrainingRow]:
    """Parse each text; a synthetic lead gives its first sentence, a gold record all of it."""
    rows = []
    texts = (e.text for e in examples)
    docs = nlp.pipe(texts, batch_size=64)
    for example, doc, weight in zip(examples, docs, example_weights(examples), strict=True):
        span = next(doc.sents) if example.origin == "synthetic" else doc[:]
        target = np.array([float(t in example.labels) for t in types], dtype=np.float32)
        rows.append(TrainingRow(buckets(sentence_features(span)), target / target.sum(), weight))
    return rows


def accuracy(nlp: Language, model: RankerModel, examples: Sequence[Example]) -> float:
    """Share of examples whose most probable type is one of their labels."""
    if not examples:
        return 0.0
    hits = 0
    for example, doc in zip(examples, nlp.pipe(e.text for e in examples), strict=True):
        probs = model.probabilities(doc[:])
        hits += max(probs, key=probs.__getitem__) in example.labels
    return hits / len(examples)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, fit the model, write the weights, report on the gold test half."""
    args = _parser().parse_args(argv)
    types = Ontology.load().plover_types()
    started = time.monotonic()
    examples = build_corpus(args.synthetic, args.gold, types)
    nlp = load_model(args.model)
    rows = featurise(nlp, examples, types)
    model = train(rows, types, Fit(epochs=args.epochs, rate=args.rate, l2=args.l2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(model.to_bytes())
    held_out = [e for path in args.gold for e in gold_examples(path.read_text("utf-8"), "test")]
    _report(examples, args.output, accuracy(nlp, model, held_out), time.monotonic() - started)
    return 0


def _report(examples: Sequence[Example], output: Path, held_out: float, seconds: float) -> None:
    origins = {o: sum(e.origin == o for e in examples) for o in ("synthetic", "gold")}
    print(
        f"trained on {origins['synthetic']} synthetic leads + {origins['gold']} gold records "
        f"in {seconds:.0f}s; wrote {output} ({output.stat().st_size // 1024} KB); "
        f"top-type accuracy on the gold test half: {held_out:.3f}",
        file=sys.stderr,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=Path, help="CSV (or zipped CSV) of labelled synthetic stories")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="gold JSONL (train half used)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--epochs", type=int, default=Fit.epochs)
    parser.add_argument("--rate", type=float, default=Fit.rate)
    parser.add_argument("--l2", type=float, default=Fit.l2)
    return parser


if __name__ == "__main__":
    sys.exit(main())
