"""A readable briefing in the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from bot.models import Briefing
from bot.render_chat import quoted

_LABELS = {
    "de": {
        "summary": "Zusammenfassung",
        "actors": "Akteure",
        "positions": "Positionen",
        "name": "Name",
        "kind": "Art",
        "roles": "Rollen",
        "none": "Keine Positionen gefunden.",
        "unknown": "unbekannt",
    },
    "en": {
        "summary": "Summary",
        "actors": "Actors",
        "positions": "Positions",
        "name": "Name",
        "kind": "Kind",
        "roles": "Roles",
        "none": "No positions found.",
        "unknown": "unknown",
    },
}


def print_briefing(briefing: Briefing, console: Console | None = None) -> None:
    console = console or Console()
    labels = _LABELS[briefing.language]
    heading = briefing.title or briefing.source or "Briefing"
    meta = " · ".join(x for x in (briefing.date, briefing.language.upper(), briefing.source) if x)
    summary = "\n".join(s.text for s in briefing.summary)
    console.print(f"[bold]{heading}[/bold]", highlight=False)
    console.print(Panel(summary, title=labels["summary"], subtitle=meta, title_align="left"), highlight=False)

    actors = Table(title=labels["actors"], title_justify="left", show_lines=False)
    actors.add_column(labels["name"], style="bold")
    actors.add_column(labels["kind"])
    actors.add_column(labels["roles"])
    for listed in briefing.actors:
        name = listed.name if not listed.english_name else f"{listed.name} ({listed.english_name})"
        actors.add_row(name, listed.kind, ", ".join(listed.roles))
    console.print(actors)

    console.print(f"[bold]{labels['positions']}[/bold]")
    if not briefing.positions:
        console.print(f"  {labels['none']}")
    for position in briefing.positions:
        actor = briefing.actor(position.actor)
        who = actor.name if actor else labels["unknown"]
        console.print(
            f"  [bold]{who}[/bold] [dim]({position.kind})[/dim]: {quoted(position.text)}", highlight=False
        )
