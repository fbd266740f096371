"""New plan: pick a checklist, give the case details, and the plan is created and opened."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import timing_summary
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan_details import (
    DetailsError,
    asks_babies,
    date_boxes,
    parse_details,
    typed_date,
)
from checklist_tui.tui import commands
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox

FIELD_INPUTS = {"case_ref": "case-ref", "edd": "edd", "dob": "dob", "babies_expected": "babies"}
#: Every date box a checklist may take, and the line under it (the weeks of pregnancy,
#: the baby's age); the chosen checklist's are shown (``_show_boxes``).
DATES = {"edd": "gestation", "dob": "age"}


class NewPlanScreen(AppScreen):
    COMMANDS_DECLARED = commands.NEW_PLAN
    _error_about: str | None = None
    """The box the error line is about (None: the form as a whole)."""
    _refused: dict[str, str] = {}
    """What every box held when creating was last refused."""

    def compose(self) -> ComposeResult:
        yield Static("New plan", classes="title")
        yield Static(
            "1. Choose a checklist, Enter.  2. Fill in each box, Enter.  3. Create plan.",
            classes="hint",
        )
        with Horizontal():
            yield OptionList(id="checklists")
            # Not focusable itself: Tab from the list goes straight to the case reference.
            with VerticalScroll(id="new-form", can_focus=False):
                yield Static("", id="checklist-info")
                yield Label("Case reference (no names)", classes="field-label")
                yield LineBox(
                    placeholder="e.g. DEMO-0001", id="case-ref", max_length=80, compact=True
                )
                # The plan's dates the chosen checklist takes (core.plan_details.date_boxes:
                # an injury plan asks the baby's date of birth, never an EDD); the others
                # are hidden, and Tab passes them by.
                labels = dict(date_boxes(None, made=True))
                for field, hint in DATES.items():
                    yield Label(labels[field], id=f"{field}-label",
                                classes=f"field-label for-{field}")
                    yield LineBox(placeholder="DD/MM/YYYY", id=field, compact=True,
                                  classes=f"for-{field}")
                    yield Static("", id=hint, classes=f"hint for-{field}")
                # Your name straight after the EDD: a name typed after Tab went into the
                # number of babies, which takes digits only, and vanished (look-a 15).
                yield Label("Your name", classes="field-label")
                yield LineBox(id="practitioner", max_length=120, compact=True)
                yield Label("Your role", classes="field-label")
                yield LineBox(
                    placeholder="e.g. Assessing social worker",
                    id="role",
                    max_length=120,
                    compact=True,
                )
                yield Label("Number of babies expected (a number)",
                            classes="field-label for-babies")
                yield LineBox(value="1", id="babies", type="integer", max_length=1, compact=True,
                              classes="for-babies")
                yield Static("", id="form-error", classes="error-line")
                yield Button("Create plan", id="create", variant="primary", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).loading = True
        self.load_checklists()

    @work(thread=True, exclusive=True)
    def load_checklists(self) -> None:
        catalogue = self.app.catalogue()
        self.app.call_from_thread(self._fill, catalogue.ordered())

    def _fill(self, checklists: list[LoadedChecklist]) -> None:
        self._checklists = {c.id: c for c in checklists}
        options = self.query_one(OptionList)
        options.loading = False
        options.add_options([Option(lit(c.checklist.title), id=c.id) for c in checklists])
        options.highlighted = 0
        options.focus()

    def _current(self) -> LoadedChecklist | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return self._checklists.get(options.get_option_at_index(options.highlighted).id or "")

    def on_option_list_option_highlighted(self, _event: OptionList.OptionHighlighted) -> None:
        chosen = self._current()
        if chosen is None:
            return
        c = chosen.checklist
        self._show_boxes(c)
        self.query_one("#checklist-info", Static).update(
            join(
                lit(c.title, "bold"),
                "\n",
                "For: ",
                lit(c.audience),
                "\n",
                f"{c.item_count()} items in {len(c.sections)} sections · version {c.version}\n",
                lit(c.description),
            )
        )

    def _show_boxes(self, checklist: Checklist) -> None:
        """The boxes the checklist's plans take (core.plan_details): the EDD, or the
        baby's date of birth for a baby already born, and the number of babies; the
        others are hidden (what was typed in them is kept, and not used)."""
        dates = dict(date_boxes(checklist))
        shown = {*dates, *(("babies",) if asks_babies(checklist) else ())}
        for field in [*DATES, "babies"]:
            for widget in self.query(f".for-{field}"):
                widget.display = field in shown
        for field, label in dates.items():
            self.query_one(f"#{field}-label", Label).update(label)

    def _boxes(self) -> list[Input]:
        """The boxes shown, in order."""
        return [box for box in self.query(Input) if box.display]

    def on_option_list_option_selected(self, _event: OptionList.OptionSelected) -> None:
        self.query_one("#case-ref", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose_checklist":  # Enter on the list
            return self.focused is self.query_one(OptionList) and self._current() is not None
        if action == "next_box":  # Enter in a box (on Create plan, the button's own)
            return isinstance(self.focused, Input)
        return super().check_action(action, parameters)

    def action_next_box(self) -> None:
        """Enter in a box: the next box, as in every form (screens.form), before the next
        key is read, so that what is typed after Enter lands there; in the last box,
        Create plan. (It created the plan from any box, half the details not given.)"""
        boxes = self._boxes()
        box = self.focused
        if box is boxes[-1]:
            self.create()
        elif box in boxes:
            self.set_focus(boxes[boxes.index(box) + 1])

    def action_choose_checklist(self) -> None:
        self.set_focus(self.query_one("#case-ref", Input))  # now, not after the next key

    def on_input_changed(self, event: Input.Changed) -> None:
        error = self.query_one("#form-error", Static)
        # Put right (or being): not named. A change the refusal already saw (its message
        # handled after Enter refused the value) leaves the error said.
        if self._error_about in (None, event.input.id) and \
                self._refused.get(event.input.id or "") != event.value:
            error.update("")
        field = event.input.id or ""
        if field not in DATES:
            return
        label = self.query_one(f"#{DATES[field]}", Static)
        if not event.value.strip():
            label.update("")
            return
        try:
            when = typed_date(event.value, field)
        except DetailsError as exc:
            label.update(lit(str(exc)))
            return
        edd, dob = (when, None) if field == "edd" else (None, when)
        label.update(lit(timing_summary(edd, dob, clock.today())))

    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        self.create()

    def create(self) -> None:
        error = self.query_one("#form-error", Static)
        chosen = self._current()
        value = {i.id or "": i.value for i in self._boxes()}
        try:
            if chosen is None:
                raise UserFacingError("choose a checklist first")
            details = parse_details(case_ref=value["case-ref"], edd=value.get("edd", ""),
                                    dob=value.get("dob", ""), babies=value.get("babies", "1"),
                                    practitioner=value["practitioner"], role=value["role"],
                                    checklist=chosen.checklist)
            loaded = store.create(
                self.app.plans_dir,
                chosen,
                case_ref=details.case_ref,
                now=clock.now(),
                edd=details.edd,
                practitioner=details.practitioner,
                role=details.practitioner_role,
                babies_expected=details.babies_expected,
                dob=details.dob,
            )
        except UserFacingError as exc:
            self._refused = value
            error.update(lit(str(exc)))
            field = FIELD_INPUTS.get(getattr(exc, "field", ""))
            self._error_about = field
            if field:  # at once: keys typed after the refused Enter go into it
                self.set_focus(self.query_one(f"#{field}", Input))
            return
        except OSError as exc:
            self._refused = value
            error.update(lit(f"the plan could not be created: {exc.strerror or exc}"))
            self._error_about = None
            return
        from checklist_tui.tui.who_said import made_by

        made_by(self.app, loaded.path, details.practitioner, details.practitioner_role)
        self.app.pop_screen()
        self.app.open_plan(loaded.path)

    def action_back(self) -> None:
        """Escape: back to Home at once if nothing was typed; otherwise ask first, as
        every form does (it threw away the case reference, EDD and name unasked)."""
        typed = [i.value for i in self.query(Input) if i.value != ("1" if i.id == "babies"
                                                                    else "")]
        if not typed:
            self.app.pop_screen()
            return
        from checklist_tui.tui.screens.message import MessageScreen

        self.app.push_screen(MessageScreen("Discard what you typed for the new plan?", [
            "The case reference and the other details you typed will not be kept; no plan "
            "is created."], confirm="Discard"), self._discard)

    def _discard(self, yes: bool | None) -> None:
        if yes and self.is_current:
            self.app.pop_screen()

