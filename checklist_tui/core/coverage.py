"""Which items cite which sources, across a set of checklists."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Source


@dataclass(frozen=True)
class CoverageRow:
    source: Source
    citations: tuple[tuple[str, str], ...]  # (checklist id, item id)

    @property
    def missing(self) -> bool:
        return self.source.must_cover and not self.citations and not self.source.served_by


def coverage(
    sources: dict[str, Source], checklists: Iterable[LoadedChecklist]
) -> list[CoverageRow]:
    cited: dict[str, list[tuple[str, str]]] = {s: [] for s in sources}
    for loaded in checklists:
        for _section, item in loaded.checklist.all_items():
            for ref in item.refs:
                cited.setdefault(ref, []).append((loaded.id, item.id))
    return [CoverageRow(src, tuple(cited[src.id])) for src in sources.values()]
