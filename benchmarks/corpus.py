"""A synthetic news corpus for the benchmarks, written by this script from its own templates.

    .venv/bin/python benchmarks/corpus.py --articles 300 --output /tmp/corpus.jsonl
    .venv/bin/python benchmarks/corpus.py --articles 1 --words 25000 --output /tmp/long.jsonl

Every sentence comes from the templates below, filled with actors, places and days, so that
the corpus looks like wire copy to the parser (datelines, quotes, attributions, relative dates,
paragraphs) without using any text the project did not write. Articles are 300-800 words by
default, like the news the coder is meant for; ``--words`` asks for a fixed length instead
(long-document tests). The same seed gives the same corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from typing import Any

LEADERS = [
    ("President Emmanuel Macron", "France"),
    ("Chancellor Olaf Scholz", "Germany"),
    ("Prime Minister Narendra Modi", "India"),
    ("President Cyril Ramaphosa", "South Africa"),
    ("President Luiz Inacio Lula da Silva", "Brazil"),
    ("Prime Minister Fumio Kishida", "Japan"),
    ("President Recep Tayyip Erdogan", "Turkey"),
    ("Foreign Minister Sergei Lavrov", "Russia"),
    ("Secretary of State Antony Blinken", "the United States"),
    ("President William Ruto", "Kenya"),
    ("Prime Minister Anthony Albanese", "Australia"),
    ("President Andres Manuel Lopez Obrador", "Mexico"),
]
GROUPS = [
    "the army",
    "police",
    "rebels",
    "protesters",
    "opposition lawmakers",
    "the interior ministry",
    "striking teachers",
    "the central bank",
    "border guards",
    "a coalition of human rights groups",
    "the United Nations",
    "the European Union",
]
PLACES = [
    ("Nairobi", "Kenya"),
    ("Lima", "Peru"),
    ("Manila", "the Philippines"),
    ("Ankara", "Turkey"),
    ("Dakar", "Senegal"),
    ("Warsaw", "Poland"),
    ("Bogota", "Colombia"),
    ("Jakarta", "Indonesia"),
    ("Islamabad", "Pakistan"),
    ("Accra", "Ghana"),
    ("Hanoi", "Vietnam"),
    ("Tbilisi", "Georgia"),
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "in March"]
PUBLISHERS = ["Reuters", "AFP", "AP", "the state news agency", "local television"]
TOPICS = ["trade", "border security", "energy prices", "fishing rights", "the grain corridor", "debt relief"]

TEMPLATES = [
    "{leader} met {leader2} in {city} {day} to discuss {topic}.",
    "{Group} arrested dozens of demonstrators in {city} {day}, {publisher} reported.",
    '"We will not accept any interference in our affairs," {leader} told reporters in {city}.',
    "{country} recalled its ambassador from {country2} after the talks on {topic} collapsed.",
    "{Group} clashed with {group2} near {city} {day}, leaving at least {n} people injured.",
    "{leader} accused {country2} of violating the agreement on {topic}, according to {publisher}.",
    "The government of {country} imposed sanctions on officials from {country2} {day}.",
    "{Group} said it would hold new talks with {group2} on {topic} next month.",
    "Officials in {city} said {n} people had been detained during the protests {day}.",
    "{leader} praised the decision by {country2} to release {n} prisoners.",
    "{Group} fired tear gas at crowds gathered outside parliament in {city}, witnesses said.",
    "Negotiators from {country} and {country2} signed a deal on {topic} {day}.",
    "{country} threatened to cut aid to {country2} unless it changed its policy on {topic}.",
    "Analysts in {city} said the dispute over {topic} was unlikely to end soon.",
    "{leader} called for calm after {n} people died in the violence in {city}.",
    "{Group} denied that it had attacked a convoy near {city} {day}.",
    "The foreign ministry of {country} summoned the envoy of {country2} {day}.",
    "{Group} promised to investigate the deaths and to punish those responsible.",
    "Trade between {country} and {country2} grew by {n} percent last year, officials said.",
    "{leader} is expected to visit {city} next week for a summit on {topic}.",
    "{Group} blocked roads into {city} {day} to protest against rising prices.",
    "A spokesman for {group2} said the talks on {topic} had been constructive.",
    "{country} and {country2} agreed to reopen their border crossing {day}.",
    "Soldiers shelled positions held by {group2} outside {city}, the army said in a statement.",
]


def _fill(template: str, rng: random.Random) -> str:
    leader, leader2 = rng.sample(LEADERS, 2)
    (city, country), (_, country2) = rng.sample(PLACES, 2)
    group, group2 = rng.sample(GROUPS, 2)
    return template.format(
        leader=leader[0],
        leader2=leader2[0],
        city=city,
        country=leader[1] if rng.random() < 0.5 else country,
        country2=country2,
        Group=group[0].upper() + group[1:],
        group2=group2,
        day=rng.choice(DAYS),
        topic=rng.choice(TOPICS),
        publisher=rng.choice(PUBLISHERS),
        n=rng.randint(2, 90),
    )


def _body(rng: random.Random, words: int) -> str:
    """Paragraphs of two to four sentences until ``words`` words are written."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(_fill(rng.choice(TEMPLATES), rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(paragraphs)


def generate(n_articles: int, seed: int = 15, words: int | None = None) -> Iterator[dict[str, Any]]:
    """``n_articles`` contract input records, 300-800 words each unless ``words`` is given."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for number in range(n_articles):
        published = start + dt.timedelta(days=number % 365)
        city = rng.choice(PLACES)[0]
        length = words if words is not None else rng.randint(300, 800)
        dateline = f"{city.upper()}, {published.strftime('%B')} {published.day} ({rng.choice(PUBLISHERS)}) - "
        yield {
            "id": f"bench-{number:06d}",
            "date": published.isoformat(),
            "publisher": "eventwire benchmark desk",
            "text": dateline + _body(rng, length),
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--words", type=int, default=None, help="fixed length per article")
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--output", default="-", help="JSONL file (default: stdout)")
    args = parser.parse_args()
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    with out:
        for record in generate(args.articles, args.seed, args.words):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
