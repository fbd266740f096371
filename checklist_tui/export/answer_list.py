"""The checklist's answers as the written plan lists them (Appendix A), each with the lines
the app, plain mode and ``answer`` read under it, from the same core words
(core.carried: the details it carries, then what the history says of it: words written
before the date they record or recorded again, a man People recorded while a "no" stood).

rev8-core 8: the written plan printed "No (PBA-F11)" with nothing under it while the app
said who People recorded while that "No" stood.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklist_tui.core.answers import display
from checklist_tui.core.carried import detail_lines, history_lines
from checklist_tui.core.definition import Checklist, Item
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.plan import Answer, Plan
from checklist_tui.core.vocabulary import CONTRADICTED, INCOMPLETE, answered_said, waits_for


@dataclass(frozen=True)
class AnsweredItem:
    item_id: str
    prompt: str
    answer: str
    note: str
    source: str
    by: str
    at: str
    carried: tuple[tuple[str, str], ...] = ()
    """(label, text) for each detail the answer carries (core.carried.detail_lines)."""
    history: tuple[str, ...] = ()
    """What the history says under the answer, one sentence each
    (core.carried.history_lines)."""

    @property
    def extras(self) -> list[tuple[str, str]]:
        """The lines under the answer, in the order and words of the app's item: each
        (label, text), the label "" for a sentence that names what it is about itself."""
        return [*self.carried, *(("", line) for line in self.history),
                *((label, text) for label, text in (("Note", self.note),
                                                     ("Source of information", self.source))
                  if text)]


@dataclass(frozen=True)
class SectionPart:
    title: str
    progress: str
    items: list[AnsweredItem]


def answered(item_id: str, prompt: str, answer: Answer, item: Item | None, plan: Plan,
             not_done: dict[str, str] | None = None, under: bool = True) -> AnsweredItem:
    """One answer as listed. ``not_done``: id -> CONTRADICTED/INCOMPLETE, said by the
    answer (rev8-core 9). ``under``: with the lines read under it (not for an answer
    kept that no longer applies: the app lists those bare, as not counted)."""
    shown = item if under else None
    said = display(item, answer) + (f" ({not_done[item_id]}: see Gaps and risks)"
                                     if not_done and item_id in not_done else "")
    return AnsweredItem(item_id, prompt, said, answer.note,
                        answer.source.label if answer.source else "",
                        answer.answered_by, answer.answered_at.strftime("%d/%m/%Y"),
                        tuple(detail_lines(shown, answer, plan)) if shown else (),
                        tuple(history_lines(shown, answer, plan)) if shown else ())


def section_parts(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[SectionPart]:
    """Each section that applies with its answers (a question answered, or with a note),
    and each section waiting for an answer elsewhere, saying so."""
    not_done = {p.item_id: INCOMPLETE for p in ev.incomplete} | {
        p.item_id: CONTRADICTED for p in ev.contradicted}
    out = []
    for section in checklist.sections:
        progress = ev.section(section.id)
        if progress is not None and not progress.visible and progress.waits_for:
            waiting = waits_for(checklist, progress.waits_for)
            out.append(SectionPart(section.title, f"{waiting[:1].upper()}{waiting[1:]}.", []))
        if progress is None or not progress.visible:
            continue
        listed = [
            answered(i.id, i.prompt, plan.answers[i.id], i, plan, not_done)
            for i in section.items
            if i.id in ev.visible_items and i.id in plan.answers
            and (plan.answers[i.id].has_value or plan.answers[i.id].note)
        ]
        out.append(SectionPart(section.title, answered_said(
            progress.answered, progress.total, progress.contradicted, progress.incomplete,
            bool(progress.waiting), questions=""), listed))
    return out


def not_counted(checklist: Checklist, plan: Plan, ev: Evaluation) -> list[AnsweredItem]:
    """The answers kept that no longer apply, or that this checklist version has no
    question for: kept for the record, not counted."""
    items = checklist.item_map()
    out = []
    for stale in ev.no_longer_applies + ev.not_in_checklist:
        item = items.get(stale.item_id)
        out.append(answered(
            stale.item_id, item.prompt if item else "(item not in this checklist version)",
            stale.answer, item, plan, under=False))
    return out
