"""Why a man, or anyone living in or visiting the home, is removed from People (look-d D2).

One Delete used to remove a visiting man with no word, and "Is there any other man in or
visiting the home? No" then read as true. The core refuses the removal without a reason
(``core.edit_records.around_the_baby``); this dialog asks for it, by the core's rule, and
the history keeps it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from checklist_tui.core.edit_records import CHANGE_WHY, REMOVE_WHY
from checklist_tui.core.reasons import not_a_reason
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.line_box import LineBox


class RemovePersonScreen(FormScreen[str]):
    """Dismisses with the reason, or None when cancelled (nothing is removed). With
    ``changed``, it asks why a change takes them out of the men or the people around the
    baby (``core.edit_records.leaves_the_men``), and nothing is changed when cancelled."""

    SAVE_WORDS = "Remove"
    CANCEL_WORDS = "Keep them"

    def __init__(self, name: str, changed: str = "") -> None:  # see ChangedPersonScreen
        """``changed``: what the change takes them out of (core.edit_records.change_words);
        "" for a removal."""
        super().__init__()
        self.name_said, self.changed = name, changed
        self.title = (f"With this change {name} is {changed}: why?" if changed
                      else f"Remove {name} from People: why?")

    def fields(self) -> ComposeResult:
        yield Static(lit(
            f"{self.name_said} is counted among the people around the baby now. The plan's "
            f"history keeps who {'changed' if self.changed else 'removed'} them, when and "
            "why."))
        yield Label("Why *" if self.changed else "Why they are removed *",
                    classes="field-label")
        yield LineBox(id="why", compact=True, max_length=300, placeholder=(
            "e.g. Recorded as a man by mistake" if self.changed
            else "e.g. Moved out on 20/11/2026"))

    def on_mount(self) -> None:
        self.query_one("#why", LineBox).focus()

    def save(self) -> None:
        box = self.query_one("#why", LineBox)
        problem = not_a_reason(box.value, CHANGE_WHY if self.changed else REMOVE_WHY)
        if problem:
            self.refuse(problem, box)
            return
        self.dismiss(box.value.strip())


class ChangedPersonScreen(RemovePersonScreen):
    """Why a change takes a person out of the men or the people around the baby (a man
    recorded as not a man, a visiting man recorded as family network): dismisses with
    the reason, or None (nothing is changed)."""

    SAVE_WORDS = "Save the change"
    CANCEL_WORDS = "Do not change"

    def __init__(self, name: str, changed: str) -> None:
        super().__init__(name, changed=changed)
