"""Who may have been present when a pause point was confirmed, as they are written into the
record: the plan's people with their relationship, then each agency's named practitioner.
The app's Confirm dialog ticks them; plain mode offers them by number."""

from __future__ import annotations

from checklist_tui.core.plan import Agency, Person


def candidates(people: list[Person], agencies: list[Agency]) -> list[str]:
    """Each person and practitioner once, in People's order, then the agencies'."""
    out = [f"{p.name} ({p.relationship or p.kind.label})" for p in people if p.name.strip()]
    out += [f"{a.practitioner} ({a.agency})" for a in agencies if a.practitioner.strip()]
    return list(dict.fromkeys(out))
