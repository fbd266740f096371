"""Distribution: who was given a copy of the plan, and when the parents were given theirs.

Recorded also once the plan is approved (that is when plans are shared): who has a copy
is not part of what the plan says, so recording it does not reopen the plan or void the
approval (see core.sharing). Every record goes into the plan's history.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Input, Label, Static

from checklist_tui.core import clock, copies, sharing
from checklist_tui.core.dates import uk_date
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import PlanState
from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import PlanViewScreen
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.table_fill import add_columns
from checklist_tui.tui.text import lit, typed
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.marked import MarkedCheckbox

COLUMNS = (("Date", 10), ("Shared with", 18), ("Agency or role", 16), ("How", 12),
           ("Recorded by", 12))  # 78 columns with their padding: no scrolling at 80x24
NOT_RECORDED = "not recorded"


class ShareForm(FormScreen[dict[str, object]]):
    """Who was given a copy: name, agency or role, date, how; or the parents' copy."""

    TITLE = "Record who was given a copy"
    SAVE_WORDS = "Record"

    def fields(self) -> ComposeResult:
        yield Label("Shared with (name, team or agency) *", classes="field-label")
        yield LineBox(id="f-to", placeholder="e.g. Sam Example, or Health visiting team",
                      compact=True)
        yield MarkedCheckbox("This is the copy given to the parents", id="f-parents")
        yield Label("Their agency or role", classes="field-label")
        yield LineBox(id="f-role", placeholder="e.g. Health visitor, Example NHS Trust",
                      compact=True)
        yield Label("How it was given", classes="field-label")
        yield LineBox(id="f-how", placeholder="e.g. Secure email, by hand at the meeting",
                      compact=True)
        yield Label("Date given (DD/MM/YYYY) *", classes="field-label")
        yield LineBox(uk_date(clock.today()), id="f-on", compact=True)

    def on_mount(self) -> None:
        self.query_one("#f-to", Input).focus()

    def on_checkbox_changed(self, event: MarkedCheckbox.Changed) -> None:
        to = self.query_one("#f-to", Input)
        if event.value and not to.value.strip():
            to.value = "The parents"

    def save(self) -> None:
        values = {name: typed(self.query_one(f"#f-{name}", Input).value).strip()
                  for name in ("to", "role", "how", "on")}
        parents = self.query_one("#f-parents", MarkedCheckbox).value
        if not values["to"] and not parents:
            return self.refuse("Say who was given a copy.", self.query_one("#f-to", Input))
        try:
            on = typed_date(values["on"], "on")
        except DetailsError as exc:
            return self.refuse(str(exc), self.query_one("#f-on", Input))
        if on is None:
            return self.refuse("Enter the date the copy was given (DD/MM/YYYY).",
                               self.query_one("#f-on", Input))
        self.dismiss({"to": values["to"], "role": values["role"], "how": values["how"],
                      "on": on, "parents": parents})


class DistributionScreen(PlanViewScreen):
    COMMANDS_DECLARED = commands.DISTRIBUTION

    @property
    def read_only(self) -> bool:
        return sharing.cannot_record(self.session) is not None

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Distribution: who has a copy of plan {self.session.plan.case_ref}"),
                     classes="title")
        yield Static("", id="distribution-note")
        yield DataTable(id="distribution", cursor_type="row")
        yield Static("", id="parents-copy")
        yield Footer()

    def on_mount(self) -> None:
        table = add_columns(self.query_one(DataTable), COLUMNS)
        self.fill()
        table.focus()

    def fill(self) -> None:
        plan = self.session.plan
        reason = sharing.cannot_record(self.session)
        if reason is not None:
            note = f"Read-only: {reason}. Nothing can be recorded here."
        elif plan.state == PlanState.APPROVED:
            note = ("This plan is approved. Recording who has a copy does not change the plan "
                    "or its approval. Press + to record a copy.")
        else:
            note = "Press + to record who was given a copy."
        shared = [d for d in plan.distribution if not d.parents]
        if not shared:
            note = "Who the plan was shared with is not recorded yet. " + note
        stale = copies.out_of_date(plan)
        if stale:
            note = copies.out_of_date_words(stale) + " " + note
        self.query_one("#distribution-note", Static).update(lit(note))
        table = self.query_one(DataTable)
        table.clear()
        for n, d in enumerate(plan.distribution):
            late = f" ({copies.OUT_OF_DATE})" if any(d is s for s in stale) else ""
            table.add_row(*(lit(c) for c in (
                uk_date(d.on), d.to + (" (the parents' copy)" if d.parents else "") + late,
                d.role, d.how, d.by)), key=str(n))
        parents = [d for d in plan.distribution if d.parents]
        self.query_one("#parents-copy", Static).update(lit(
            "Copy given to the parents: " + (", ".join(
                uk_date(d.on) + (f" ({d.how})" if d.how else "")
                + (f" {copies.OUT_OF_DATE}" if any(d is s for s in stale) else "")
                for d in parents)
                if parents else NOT_RECORDED + ".")))

    def action_add_shared(self) -> None:
        self.app.push_screen(ShareForm(), self._record)

    def _record(self, values: dict[str, object] | None) -> None:
        if values is None:
            return
        on = values["on"]
        assert isinstance(on, date)
        try:
            shared = sharing.record(self.session, str(values["to"]), on,
                                    bool(values["parents"]), str(values["role"]),
                                    str(values["how"]))
        except UserFacingError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.fill()
        self.notify(f"Recorded: a copy given to {shared.to} on {uk_date(shared.on)}.",
                    markup=False)
