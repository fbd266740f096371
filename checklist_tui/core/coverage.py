"""Which items cite which sources, across a set of checklists; and in one plan, which
answers address each source and which raised a red flag or a concern (its learning trace)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.definition import Checklist, Item, Source
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.integrity import is_concern
from checklist_tui.core.plan import Answer, Plan
from checklist_tui.core.vocabulary import CONCERN, RULE_LABELS, gap_rank, rule_label


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


@dataclass(frozen=True)
class TraceRow:
    """One source in a plan's learning trace: the settled answers of the items that cite
    it, split into those that address it and those asked whose answers raised a red flag
    or a concern (never counted as addressing it), each with what it raised."""

    source: Source
    items: list[str]
    """Every item citing it with a settled answer (never a contradicted, incomplete or
    open one), in the checklist's order."""
    raised: list[tuple[str, str]] = field(default_factory=list)
    """(item id, what its answer raised: RED FLAG, ERROR, WARNING or CONCERN)."""

    @property
    def addressed(self) -> list[str]:
        """The items whose answers meet what they ask: no red flag, warning or concern."""
        found = {ident for ident, _found in self.raised}
        return [ident for ident in self.items if ident not in found]

    @property
    def raised_words(self) -> str:
        """"PBA-F03 (RED FLAG), PBA-H02 (CONCERN)"."""
        return ", ".join(f"{ident} ({found})" for ident, found in self.raised)


def raised_by(item: Item, answer: Answer | None, ev: Evaluation) -> str:
    """What an answer raised, in the words every view uses: the worst rule it fired (RED
    FLAG, ERROR, WARNING; a note does not count) or CONCERN (one of the item's concern
    answers); "" when it raised none."""
    labels = [rule_label(f) for f in ev.fired if f.item_id == item.id]
    labels = [label for label in labels if label in RULE_LABELS]
    if is_concern(item, answer):
        labels.append(CONCERN)
    return min(labels, key=gap_rank) if labels else ""


def plan_trace(checklist: Checklist, plan: Plan, ev: Evaluation,
               sources: dict[str, Source]) -> list[TraceRow]:
    """The learning trace of one plan (look-c 5): for each source its settled items cite
    (never a contradicted, incomplete or open answer), the items whose answers address it
    apart from those asked whose answers raised a red flag or a concern: "The father has
    not been seen on his own" is never counted as addressing "nobody asked the men"."""
    cited: dict[str, list[str]] = {}
    breached: dict[str, list[tuple[str, str]]] = {}
    for _section, item in checklist.all_items():
        if item.id not in ev.done_items:
            continue
        found = raised_by(item, plan.answers.get(item.id), ev)
        for ref in item.refs:
            cited.setdefault(ref, []).append(item.id)
            if found:
                breached.setdefault(ref, []).append((item.id, found))
    return [TraceRow(source, cited[ref], breached.get(ref, []))
            for ref, source in sources.items() if ref in cited]
