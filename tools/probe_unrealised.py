"""The unrealised-event probe: simple sentences turned hypothetical, negated or cancelled.

Each record of the probe file (event gold, ``{"id", "text", "date", "events"}``) is one
simple past-tense clause with one event ("Mali expelled the French ambassador."). The probe
rewrites it by templates over its parse into forms that report no event ("Mali may expel
...", "Officials denied that Mali expelled ...", "Analysts expect Mali to expel ...") and
counts, over the records whose plain form the coder gets right, the share of rewrites where
the gold type is no longer claimed (a negated event claims nothing). A coder that reads
modality and negation drops them all; the plain forms must stay coded.

    python tools/probe_unrealised.py tests/gold/probe-unrealised.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from eventwire.api import coder
from eventwire.nlp.model import load_model

Template = Callable[[str, str, str, str], str]  # (subject, base verb, rest, whole clause) -> text

TEMPLATES: dict[str, Template] = {
    "may": lambda s, v, r, c: f"{_cap(s)} may {v}{r}.",
    "could_if": lambda s, v, r, c: f"{_cap(s)} could {v}{r} if the talks fail.",
    "did_not": lambda s, v, r, c: f"{_cap(s)} did not {v}{r}.",
    "question": lambda s, v, r, c: f"Did {s} {v}{r}?",
    "forecast": lambda s, v, r, c: f"Analysts expect {s} to {v}{r}.",
    "denied_that": lambda s, v, r, c: f"Officials denied that {c}.",
    "whether": lambda s, v, r, c: f"Diplomats would not say whether {c}.",
    "in_condition": lambda s, v, r, c: f"If {c}, the region would be calmer today.",
    "shelved_plan": lambda s, v, r, c: f"Plans for {s} to {v}{r} were shelved.",
    "no_reports": lambda s, v, r, c: f"There were no reports that {c}.",
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def parts(doc: Doc) -> tuple[str, str, str, str] | None:
    """(subject, base form of the main verb, the rest, the clause) of a simple clause, as they
    read inside a sentence ("the Thai prime minister"), or None when the verb is not a plain
    past-tense word ("test-fired" cannot take "may")."""
    root = next(t for t in doc if t.dep_ == "ROOT")
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if root.tag_ != "VBD" or not subjects or (root.i and doc[root.i - 1].text == "-"):
        return None
    subject = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1].text
    rest = doc[root.i + 1 :].text.rstrip(" .")
    clause = doc.text.rstrip(" .")
    if doc[0].pos_ != "PROPN" and not doc[0].ent_type_:  # a common first word: lower-cased
        subject, clause = subject[0].lower() + subject[1:], clause[0].lower() + clause[1:]
    return subject, root.lemma_.lower(), f" {rest}" if rest else "", clause


def _claims(coded_events: list, plover: str) -> bool:
    return any(e.plover == plover and not e.negated for e in coded_events)


def run(path: Path) -> dict[str, object]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_model("en_core_web_sm")
    plain_right, dropped, tried = 0, Counter[str](), Counter[str]()
    kept_examples: list[str] = []
    with coder() as c:
        for record in records:
            plover = record["events"][0]["plover"]
            if not _claims(list(c.code(record["text"], record["date"]).events), plover):
                continue
            plain_right += 1
            split = parts(nlp(record["text"]))
            if split is None:
                continue
            for name, template in TEMPLATES.items():
                text = template(*split)
                tried[name] += 1
                if _claims(list(c.code(text, record["date"]).events), plover):
                    kept_examples.append(f"{name}: {text}")
                else:
                    dropped[name] += 1
    return {
        "records": len(records),
        "plain_correct": round(plain_right / len(records), 3),
        "dropped": round(sum(dropped.values()) / max(1, sum(tried.values())), 3),
        "per_template": {n: round(dropped[n] / tried[n], 3) for n in tried},
        "still_claimed": kept_examples,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("probe", type=Path)
    args = parser.parse_args()
    print(json.dumps(run(args.probe), indent=2))  # a tool script: printing is its output


if __name__ == "__main__":
    main()
