"""A modal form for one person, agency or action; checked by the core on save."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Select, TextArea

from checklist_tui.core.dates import uk_date
from checklist_tui.core.plan import ActionStatus, PersonKind
from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import typed
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.marked import MarkedCheckbox


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "text"  # text, long (paragraphs), choice, date, bool
    required: bool = False
    choices: tuple[tuple[str, Any], ...] = ()
    hint: str = ""
    chosen: bool = False
    """A choice nobody has made until they make it: a new record's box starts empty and
    is refused empty (s9tui: "Who they are" started at "Mother", so a person tabbed past
    it was recorded as the baby's mother)."""


#: A yes or no that nobody may have said yet: "Not recorded yet" is kept as None, never as
#: "no" (look-sw 11). Not starred: a person is saved without it, and a plan check lists
#: each adult not yet recorded as a man or not under Gaps and risks.
UNRECORDED_YES_NO = (("Not recorded yet", "unrecorded"), ("Yes", "yes"), ("No", "no"))
YES_NO_FIELDS = ("man", "in_household")

FIELDS: dict[str, list[Field]] = {
    "people": [
        Field("kind", "Who they are", "choice", True, tuple((k.label, k) for k in PersonKind),
              chosen=True),
        Field("name", "Name (or initials)", required=True),
        Field("relationship", "Relationship to the baby", hint="e.g. Maternal grandmother"),
        Field("role", "Their role around the baby", hint="e.g. Will babysit at weekends"),
        Field("man", "Is this person a man? (a father or male carer counts as one)", "choice",
              choices=UNRECORDED_YES_NO),
        Field("in_household", "Lives in the household", "choice", choices=UNRECORDED_YES_NO),
        Field(
            "involvement",
            "What has been done to involve them",
            "long",
            hint="Seen alone? Invited to meetings? Advice given?",
        ),
        Field("assessment", "What has been assessed about them", "long",
              hint="Checks with police, health, drug services; their part in the plan"),
        Field("reason_not_involved", "If a man is not involved or assessed: why not"),
        Field("notes", "Notes", "long"),
    ],
    "agencies": [
        Field("agency", "Agency", required=True, hint="e.g. Health visiting"),
        Field("practitioner", "Named practitioner"),
        Field(
            "role",
            "Their role and responsibility in this plan",
            required=True,
            hint="Every agency's role must be stated in the plan",
        ),
        Field("contact", "Contact (phone, email, out of hours)"),
    ],
    "actions": [
        Field("what", "What will be done", required=True, hint="Start with a verb"),
        Field("owner", "Named owner", required=True),
        Field("agency", "Agency"),
        Field("due", "Due date (DD/MM/YYYY)", "date", required=True),
        Field("status", "Status", "choice", True, tuple((s.label, s) for s in ActionStatus)),
        Field("outcome", "Outcome it serves", hint="e.g. The baby sleeps safely every night"),
    ],
}
TITLES = {"people": "Person", "agencies": "Agency", "actions": "Action"}
YES_NO_VALUES: dict[str, bool | None] = {"unrecorded": None, "yes": True, "no": False}
YES_NO_CHOICES = {None: "unrecorded", True: "yes", False: "no"}


class RecordForm(FormScreen[dict[str, Any]]):
    def __init__(self, page: str, values: dict[str, Any] | None = None):
        super().__init__()
        self.page, self.values = page, values or {}
        self.title = f"{'Edit' if values else 'Add'} {TITLES[page].lower()}"

    def fields(self) -> ComposeResult:
        with VerticalScroll():
            for f in FIELDS[self.page]:
                value = self.values.get(f.name)
                if f.name in YES_NO_FIELDS:
                    value = YES_NO_CHOICES[value if isinstance(value, bool) else None]
                label = f.label + (" *" if f.required else "")
                if f.kind == "bool":
                    yield MarkedCheckbox(label, value=bool(value), id=f"f-{f.name}")
                    continue
                yield Label(label, classes="field-label")
                if f.kind == "choice":
                    yield Select(
                        list(f.choices),
                        value=value if value is not None else (
                            Select.NULL if f.chosen else f.choices[0][1]),
                        allow_blank=f.chosen and value is None,
                        prompt="Choose one",
                        id=f"f-{f.name}",
                        compact=True,
                    )
                elif f.kind == "long":
                    yield TextArea(str(value or ""), placeholder=f.hint, id=f"f-{f.name}",
                                   compact=True, soft_wrap=True, classes="long")
                elif f.kind == "date":
                    yield LineBox(
                        uk_date(value) if isinstance(value, date) else "",
                        placeholder="DD/MM/YYYY",
                        id=f"f-{f.name}",
                        compact=True,
                    )
                else:
                    yield LineBox(
                        str(value or ""), placeholder=f.hint, id=f"f-{f.name}", compact=True
                    )

    def on_mount(self) -> None:
        self.set_focus(self.query(".dialog Input, .dialog Select").first(),
                       scroll_visible=False)  # the first label stays in sight

    def discard_question(self) -> str:
        """Editing, "Discard this person?" read as removing the person."""
        what = TITLES[self.page].lower()
        return (f"Discard your changes to this {what}?" if self.values
                else f"Discard the new {what}?")

    def save(self) -> None:
        result: dict[str, Any] = {}
        for f in FIELDS[self.page]:
            if f.kind == "bool":
                result[f.name] = self.query_one(f"#f-{f.name}", MarkedCheckbox).value
                continue
            if f.kind == "choice":
                select = self.query_one(f"#f-{f.name}", Select)
                if select.is_blank():
                    self.refuse(f"'{f.label}' is needed: choose one.", select)
                    return
                result[f.name] = select.value
                if f.name in YES_NO_FIELDS:
                    result[f.name] = YES_NO_VALUES[str(result[f.name])]
                continue
            widget: Input | TextArea = (self.query_one(f"#f-{f.name}", TextArea)
                                        if f.kind == "long" else
                                        self.query_one(f"#f-{f.name}", Input))
            text = typed(widget.text if isinstance(widget, TextArea) else widget.value).strip()
            if f.required and not text:
                self.refuse(f"'{f.label}' is needed.", widget)
                return
            if f.kind == "date":
                try:
                    result[f.name] = typed_date(text, f.name)
                except DetailsError as exc:
                    self.refuse(str(exc), widget)
                    return
            else:
                result[f.name] = text
        self.dismiss(result)
