"""The name and role boxes of "who is making changes", the same wherever it is asked (the
who question when a plan is opened for editing, a manager's decision form): empty, never
filled in for the person, with an example as the hint; whoever may be offered
(``core.who.offered``, or who said so earlier in this run) is a button "I am NAME" under
them, never pressed by Enter in a box. The ids are ``PREFIX-name``, ``PREFIX-role`` and
``PREFIX-same``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Button, Label, Static

from checklist_tui.core.who import Who
from checklist_tui.tui.text import lit
from checklist_tui.tui.widgets.line_box import LineBox


def who_boxes(prefix: str, offer: Who | None, name_example: str,
              role_example: str) -> ComposeResult:
    yield Label("Your name *", classes="field-label")
    yield LineBox("", id=f"{prefix}-name", placeholder=f"e.g. {name_example}",
                  max_length=120, compact=True)
    yield Label("Your role *", classes="field-label")
    yield LineBox("", id=f"{prefix}-role", placeholder=f"e.g. {role_example}",
                  max_length=120, compact=True)
    if offer is not None:
        yield Static(lit(f"Last here: {offer.by}. If that is you, Tab to the button under "
                         "this line."), classes="hint")
        yield Button(lit(f"I am {offer.name}"), id=f"{prefix}-same", compact=True)
