"""Confirm a pause point: who confirmed (name and role), when (now), and who was present.

The people present are chosen from the plan's People and its agencies' named
practitioners, or typed. The form returns what was given; the plan screen records it
through the session (core ``confirm_pause_point``, as ``checklist-tui confirm`` does),
which refuses it, in one sentence, if the plan does not bear the pause point out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from checklist_tui.core.pause import when
from checklist_tui.core.plan import Agency, Person
from checklist_tui.core.present import candidates
from checklist_tui.core.vocabulary import signed
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.names_list import NamesList


@dataclass(frozen=True)
class Confirmed:
    """What the form gives back."""

    name: str
    role: str
    present: list[str]

    @property
    def by(self) -> str:
        return signed(self.name, self.role)


def typed_names(text: str) -> list[str]:
    """Names typed into the "others" box, separated by semicolons or new lines."""
    return [part.strip() for part in re.split(r"[;\n]", text) if part.strip()]


class ConfirmPauseScreen(FormScreen[Confirmed]):
    """Always opens in its first box (look-a 2: opened on the list of names the second
    time, so the Space in a typed name ticked the mother as present and the role went
    into "Others present"). A name remembered from last time is there, selected: typing
    replaces it, Tab keeps it."""

    SAVE_WORDS = "Confirm"

    def __init__(self, title: str, at: datetime, people: list[Person], agencies: list[Agency],
                 name: str = "", role: str = ""):
        super().__init__()
        self.section_title, self.at = title, at
        self.choices = candidates(people, agencies)
        self.given_name, self.given_role = name, role
        self.title = "Confirm this pause point"

    def fields(self) -> ComposeResult:
        yield Static(join(lit(self.section_title, "bold"), f"  ·  now, {when(self.at)}\n",
                          "Read each item aloud with the people present first."))
        yield Label("Confirmed by (your name) *", classes="field-label")
        yield LineBox(self.given_name, id="name", placeholder="e.g. Pat Sample", compact=True)
        yield Label("Your role *", classes="field-label")
        yield LineBox(self.given_role, id="role", placeholder="e.g. Safeguarding midwife",
                      compact=True)
        yield Label("Who was present (Space ticks the name marked >) *",
                    classes="field-label")
        if not self.choices:
            yield Static("No one is in People or named for an agency yet: type the "
                         "names below.")
        yield NamesList(*[(lit(c), c) for c in self.choices], id="present")
        yield Label("Others present (name and role; separate people with ;)",
                    classes="field-label")
        yield LineBox("", id="others", placeholder="e.g. Kim Example, ward sister",
                      compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#name", Input), scroll_visible=False)

    def save(self) -> None:
        name = self.query_one("#name", Input)
        role = self.query_one("#role", Input)
        chosen = [str(v) for v in self.query_one("#present", NamesList).selected]
        present = list(dict.fromkeys(chosen + typed_names(self.query_one("#others",
                                                                         Input).value)))
        for box, what in ((name, "Say who is confirming."), (role, "Say your role.")):
            if not box.value.strip():
                self.refuse(what, box)
                return
        if not present:
            self.refuse("Say who was present: tick them in the list or type their names.",
                        self.query_one("#present"))
            return
        self.dismiss(Confirmed(name.value.strip(), role.value.strip(), present))
