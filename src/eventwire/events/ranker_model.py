"""A sentence-level classifier over the 16 PLOVER types: hashed parse features, softmax weights.

    >>> model = load_ranker()
    >>> model.probabilities(doc[0:12].as_doc()[:])["PROTEST"]

The features are what the rule coder also looks at, but without its lexicon: the lemmas of
the content words (named entities replaced by their label, so "Mali" and "Chad" are one
feature), lemma bigrams, and head-dependent pairs of the parse ("dobj:detain>student").
Each feature is hashed with CRC-32 (stable across runs and machines, unlike ``hash``) into
``BUCKETS`` rows of a weight matrix; a sentence's scores are the sums of its rows plus a
bias, turned into probabilities by a softmax. ``train`` fits the weights by full-batch
AdaGrad on a cross-entropy loss with an L2 penalty: numpy only, a few seconds on
a CPU, and the packaged weights stay under a megabyte.
"""

from __future__ import annotations

import io
import itertools
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from spacy.tokens import Span, Token

from eventwire.errors import KnowledgeBaseError
from eventwire.resources import read_bytes

BUCKETS = 2**15
WEIGHTS_FILE = "ranker/plover-ranker.npz"
# Entity labels that stand for a name: the name itself says nothing about the event type.
NAMED_ENTITY_TYPES = frozenset(
    {"GPE", "NORP", "PERSON", "ORG", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY"}
)
# Relations whose head-dependent pair says what was done to what.
PAIR_DEPS = frozenset(
    {"ROOT", "dobj", "nsubj", "nsubjpass", "pobj", "xcomp", "ccomp", "compound", "amod", "prep"}
)

Floats = NDArray[np.float32]


def word(token: Token) -> str:
    """The token as a feature word: its entity label for a name, else its lower-cased lemma."""
    if token.ent_type_ in NAMED_ENTITY_TYPES:
        return token.ent_type_
    return token.lemma_.lower()


def _content(token: Token) -> bool:
    return (token.is_alpha and not token.is_stop) or token.lower_ in ("not", "no", "never")


def sentence_features(sent: Span) -> list[str]:
    """The feature strings of one sentence (or any span)."""
    words = [word(t) for t in sent if _content(t)]
    features = [f"w={w}" for w in words]
    features += [f"b={a}_{b}" for a, b in itertools.pairwise(words)]
    for token in sent:
        if token.dep_ in PAIR_DEPS and _content(token):
            head = "ROOT" if token.dep_ == "ROOT" else word(token.head)
            features.append(f"d={token.dep_}:{head}>{word(token)}")
    return features


def buckets(features: Iterable[str]) -> NDArray[np.int64]:
    """The distinct weight rows of ``features``."""
    rows = {zlib.crc32(f.encode("utf-8")) % BUCKETS for f in features}
    return np.fromiter(sorted(rows), dtype=np.int64, count=len(rows))


@dataclass(frozen=True, eq=False)
class RankerModel:
    """The classes (PLOVER types, in weight-column order), the weight rows and the bias."""

    classes: tuple[str, ...]
    weights: Floats
    bias: Floats

    def scores(self, rows: NDArray[np.int64]) -> Floats:
        """Class probabilities for one sentence's weight rows (a softmax over the classes)."""
        logits = self.weights[rows].sum(axis=0) + self.bias
        probs: Floats = _softmax(logits[np.newaxis, :])[0]
        return probs

    def probabilities(self, sent: Span) -> dict[str, float]:
        """P(type | sentence) for every PLOVER type the model knows."""
        probs = self.scores(buckets(sentence_features(sent)))
        return {name: float(p) for name, p in zip(self.classes, probs, strict=True)}

    def to_bytes(self) -> bytes:
        """The model as a compressed ``.npz`` (weights stored as float16 to keep it small)."""
        out = io.BytesIO()
        np.savez_compressed(
            out, classes=np.array(self.classes), weights=self.weights.astype(np.float16), bias=self.bias
        )
        return out.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, label: str = "<ranker>") -> RankerModel:
        """A model read back from ``to_bytes``; a broken file is a ``KnowledgeBaseError``."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as stored:
                classes = tuple(str(c) for c in stored["classes"])
                weights = stored["weights"].astype(np.float32)
                bias = stored["bias"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise KnowledgeBaseError(f"{label}: not a ranker weights file: {exc}") from exc
        if weights.shape != (BUCKETS, len(classes)) or bias.shape != (len(classes),):
            shape = weights.shape
            raise KnowledgeBaseError(f"{label}: weights of shape {shape} do not fit {len(classes)} types")
        return cls(classes, weights, bias)


def load_ranker(name: str | Path = WEIGHTS_FILE) -> RankerModel:
    """The packaged ranker (built by ``tools/train_ranker.py``), or the weights file ``name``."""
    return RankerModel.from_bytes(read_bytes(name), str(name))


@dataclass(frozen=True)
class TrainingRow:
    """One training sentence: its weight rows, its target distribution and its weight."""

    rows: NDArray[np.int64]
    target: Floats
    weight: float = 1.0


@dataclass(frozen=True)
class Fit:
    """How to fit: passes over the data, step size and L2 penalty."""

    epochs: int = 60
    rate: float = 0.3
    l2: float = 1e-4


def train(rows: Sequence[TrainingRow], classes: Sequence[str], fit: Fit = Fit()) -> RankerModel:
    """Softmax regression on hashed features, by full-batch AdaGrad.

    AdaGrad scales each weight's step by its own gradient history, so a feature seen in
    three sentences learns as fast as one seen in three thousand (plain gradient descent
    on sparse features leaves the rare ones, often the telling ones, near zero).
    """
    flat, owner = _flatten(rows)
    targets = np.stack([r.target for r in rows]).astype(np.float32)
    sample_weight = np.array([r.weight for r in rows], dtype=np.float32)[:, np.newaxis]
    sample_weight /= sample_weight.sum()
    weights = np.zeros((BUCKETS, len(classes)), dtype=np.float32)
    bias = np.zeros(len(classes), dtype=np.float32)
    history_w, history_b = np.full_like(weights, 1e-8), np.full_like(bias, 1e-8)
    for _ in range(fit.epochs):
        logits = np.zeros((len(rows), len(classes)), dtype=np.float32)
        np.add.at(logits, owner, weights[flat])
        residual = (_softmax(logits + bias) - targets) * sample_weight
        grad_w = np.zeros_like(weights)
        np.add.at(grad_w, flat, residual[owner])
        grad_w += fit.l2 * weights
        grad_b = residual.sum(axis=0)
        history_w += grad_w**2
        history_b += grad_b**2
        weights -= fit.rate * grad_w / np.sqrt(history_w)
        bias -= fit.rate * grad_b / np.sqrt(history_b)
    return RankerModel(tuple(classes), weights, bias)


def _flatten(rows: Sequence[TrainingRow]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """All weight rows in one array, with the index of the sentence each belongs to."""
    flat = np.concatenate([r.rows for r in rows])
    owner = np.concatenate([np.full(len(r.rows), i, dtype=np.int64) for i, r in enumerate(rows)])
    return flat, owner


def _softmax(logits: Floats) -> Floats:
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    result: Floats = (shifted / shifted.sum(axis=1, keepdims=True)).astype(np.float32)
    return result
