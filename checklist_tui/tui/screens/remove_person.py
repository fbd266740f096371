"""Why a man, or anyone living in or visiting the home, is removed from People (look-d D2).

One Delete used to remove a visiting man with no word, and "Is there any other man in or
visiting the home? No" then read as true. The core refuses the removal without a reason
(``core.edit_records.around_the_baby``); this dialog asks for it, by the core's rule, and
the history keeps it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from checklist_tui.core.edit_records import REMOVE_WHY
from checklist_tui.core.reasons import not_a_reason
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.line_box import LineBox


class RemovePersonScreen(FormScreen[str]):
    """Dismisses with the reason, or None when cancelled (nothing is removed)."""

    SAVE_WORDS = "Remove"
    CANCEL_WORDS = "Keep them"

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name_said = name
        self.title = f"Remove {name} from People: why?"

    def fields(self) -> ComposeResult:
        yield Static(lit(f"{self.name_said} is counted among the people around the baby. "
                         "The plan's history keeps who removed them, when and why."))
        yield Label("Why they are removed *", classes="field-label")
        yield LineBox(id="why", placeholder="e.g. Moved out on 20/11/2026", compact=True,
                      max_length=300)

    def on_mount(self) -> None:
        self.query_one("#why", LineBox).focus()

    def save(self) -> None:
        box = self.query_one("#why", LineBox)
        problem = not_a_reason(box.value, REMOVE_WHY)
        if problem:
            self.refuse(problem, box)
            return
        self.dismiss(box.value.strip())
