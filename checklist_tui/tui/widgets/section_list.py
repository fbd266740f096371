"""The list of sections with progress marks that do not rely on colour."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from checklist_tui.core.definition import Checklist
from checklist_tui.core.engine import SectionProgress
from checklist_tui.core.vocabulary import progress_mark, waits_for_short
from checklist_tui.tui.text import join, lit


def _mark(p: SectionProgress) -> str:
    return "-" if not p.visible else progress_mark(
        p.answered, p.total, p.required_open, p.red_flags, p.contradicted + p.incomplete,
        bool(p.waiting))


def _prompt(p: SectionProgress, checklist: Checklist, mark: str, width: int):
    """The section's ``mark``, padded to ``width`` (the widest in the list, so the titles
    line up: rev8-tui 6), then its title; a hidden one says what it waits for."""
    if not p.visible:  # what it waits for in words (checklist text: literal)
        return join(f"{mark:<{width}} ", lit(p.title, "italic"),  # (dim fell under 3:1)
                    lit(f" ({waits_for_short(checklist, p.waits_for)})"))
    return join(f"{mark:<{width}} ", lit(p.title))


class SectionList(OptionList):
    _shown: dict[str, str]

    def show(self, progress: list[SectionProgress], checklist: Checklist) -> None:
        """Show progress; only labels whose text changed are replaced."""
        marks = {p.section_id: _mark(p) for p in progress}  # each worked out once
        width = max([8, *map(len, marks.values())])
        prompts = {p.section_id: _prompt(p, checklist, marks[p.section_id], width)
                   for p in progress}
        if self.option_count != len(progress):
            self.clear_options()
            self.add_options([Option(prompts[p.section_id], id=p.section_id)
                              for p in progress])
        else:
            for ident, prompt in prompts.items():
                if self._shown.get(ident) != prompt.plain:
                    self.replace_option_prompt(ident, prompt)
        self._shown = {ident: prompt.plain for ident, prompt in prompts.items()}
