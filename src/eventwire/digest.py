"""A human-readable digest of one coded article, printed with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from eventwire.records import Actor, CodedArticle, Event


def actor_label(actors: tuple[Actor, ...]) -> str:
    """'Antony Blinken (USA GOV)' style labels, joined; '?' when a side is empty."""
    if not actors:
        return "?"
    parts = []
    for actor in actors:
        code = " ".join(c for c in (actor.country, actor.sector) if c)
        parts.append(f"{actor.name or actor.text} ({code})" if code else (actor.name or actor.text))
    return " + ".join(parts)


def event_line(event: Event) -> str:
    """'source → TYPE/mode → target' with the flags a reader must not miss."""
    kind = event.plover + (f"/{event.mode}" if event.mode else "")
    flags = [
        f
        for f in ("NOT" if event.negated else "", "" if event.modality == "asserted" else event.modality)
        if f
    ]
    flag_text = f" [{', '.join(flags)}]" if flags else ""
    return f"{actor_label(event.source)} → {kind} ({event.cameo}) → {actor_label(event.target)}{flag_text}"


def _when_where(event: Event) -> str:
    place = event.location.name if event.location else None
    return ", ".join(p for p in (event.date, place) if p) or "—"


def print_digest(coded: CodedArticle, console: Console | None = None) -> None:
    """Events as 'source → type → target (date, place): sentence', then actors and quotes."""
    console = console or Console()
    title = coded.article.title or coded.article.id
    console.rule(f"[bold]{title}")
    if coded.error:
        console.print(f"[red]error[/red] {coded.error.type}: {coded.error.message}")
        return
    for event in coded.events:
        sentence = coded.sentences[event.sentence].text if event.sentence < len(coded.sentences) else ""
        console.print(f"[bold]{event_line(event)}[/bold] ({_when_where(event)})", highlight=False)
        console.print(f"    [dim]{sentence.strip()}[/dim]", highlight=False)
    if not coded.events:
        console.print("[dim]no events coded[/dim]")
    _print_actors(coded, console)
    _print_quotes(coded, console)


def _print_actors(coded: CodedArticle, console: Console) -> None:
    if not coded.actors:
        return
    table = Table("actor", "country", "sector", "kind", title="actors", title_justify="left")
    for actor in coded.actors:
        table.add_row(actor.name or actor.text, actor.country or "", actor.sector or "", actor.kind or "")
    console.print(table)


def _print_quotes(coded: CodedArticle, console: Console) -> None:
    for quote in coded.quotes:
        speaker = actor_label((quote.speaker,)) if quote.speaker else "unknown speaker"
        via = f" (via {actor_label(quote.reported_by)})" if quote.reported_by else ""
        console.print(f'[italic]"{quote.text}"[/italic] — {speaker}{via}', highlight=False)
