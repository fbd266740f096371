"""Plan details: case reference, dates, babies, practitioner."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label

from checklist_tui.core.dates import uk_date
from checklist_tui.core.definition import Checklist
from checklist_tui.core.plan import Plan
from checklist_tui.core.plan_details import (
    Details,
    DetailsError,
    asks_babies,
    date_boxes,
    parse_details,
)
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.marked import MarkedCheckbox


class DetailsScreen(FormScreen[Details]):
    """The plan's details as typed; the plan screen applies the result to the session."""

    TITLE = "Plan details"

    def __init__(self, plan: Plan, checklist: Checklist | None = None):
        super().__init__()
        self.plan = plan
        self.checklist = checklist
        """The plan's checklist: what it needs of the EDD (core.plan_details)."""

    def fields(self) -> ComposeResult:
        p = self.plan
        # The dates the checklist's plans take (core.plan_details.date_boxes: an injury
        # plan has the baby's date of birth, never an EDD, nor babies expected).
        dates = {"edd": p.edd, "dob": p.dob}
        babies = asks_babies(self.checklist)
        with VerticalScroll():
            for ident, label, value in [
                ("case_ref", "Case reference *", p.case_ref),
                *((field, label, uk_date(dates[field]) if dates[field] else "")
                  for field, label in date_boxes(self.checklist, made=True)),
                *((("babies_expected", "Number of babies expected",
                    str(p.babies_expected)),) if babies else ()),
                ("practitioner", "Practitioner", p.practitioner),
                ("practitioner_role", "Role", p.practitioner_role),
            ]:
                yield Label(label, classes="field-label")
                yield LineBox(value, id=f"d-{ident}", compact=True)
            if babies:
                yield MarkedCheckbox("An early birth is likely (moves pre-birth due dates "
                                     "earlier)", value=p.prematurity_likely,
                                     id="d-prematurity_likely")

    def on_mount(self) -> None:
        self.query_one("#d-case_ref", Input).focus()  # typing goes somewhere visible

    def save(self) -> None:
        value = {(i.id or "")[2:]: i.value.strip() for i in self.query(Input)}
        early = self.query(MarkedCheckbox)
        try:
            details = parse_details(
                case_ref=value["case_ref"], edd=value.get("edd", ""), dob=value.get("dob", ""),
                babies=value.get("babies_expected", str(self.plan.babies_expected)),
                practitioner=value["practitioner"], role=value["practitioner_role"],
                prematurity_likely=early.first().value if early else
                self.plan.prematurity_likely, checklist=self.checklist,
                kept_case_ref=self.plan.case_ref)
        except DetailsError as exc:
            wrong = self.query(f"#d-{exc.field}")
            self.refuse(str(exc), wrong.first() if wrong else None)
            return
        self.dismiss(details)
