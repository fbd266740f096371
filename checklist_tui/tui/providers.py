"""Command palette: jump to any section or item of the open plan (Ctrl+P)."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from checklist_tui.tui.screens.plan_base import PlanScreenBase


class PlanPlaces(Provider):
    """Sections and items of the plan on screen, by title, prompt or id."""

    def _places(self) -> list[tuple[str, str, str, str | None]]:
        screen = self.screen
        session = screen.session if isinstance(screen, PlanScreenBase) else None
        if session is None:
            return []
        ev = session.evaluate()
        places: list[tuple[str, str, str, str | None]] = []
        for section in session.checklist.checklist.sections:
            if section.id not in ev.visible_sections:
                continue
            places.append((f"Go to section: {section.title}", "Section", section.id, None))
            for item in section.items:
                if item.id in ev.visible_items:
                    places.append((f"Go to {item.id}: {item.prompt}", section.title,
                                   section.id, item.id))
        return places

    def _jump(self, section_id: str, item_id: str | None = None) -> None:
        if isinstance(self.screen, PlanScreenBase):
            self.screen.jump(section_id, item_id)

    async def discover(self) -> Hits:
        for title, help_text, section_id, item_id in self._places():
            if item_id is None:
                yield DiscoveryHit(Text(title), partial(self._jump, section_id),
                                   help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, section_id, item_id in self._places():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title),
                          partial(self._jump, section_id, item_id), text=title,
                          help=help_text)
