"""What a "yes" carries: a date, people from the plan's People, a text, a place."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from checklist_tui.core import clock
from checklist_tui.core.answers import date_refused
from checklist_tui.core.dates import parse_date, uk_date
from checklist_tui.core.definition import DetailKind, Item
from checklist_tui.core.detail_people import none_offered, offered
from checklist_tui.core.plan import DetailValue, Person
from checklist_tui.core.written import form_hint
from checklist_tui.tui.screens.form import FormScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.marked import MarkedCheckbox
from checklist_tui.tui.widgets.names_list import NamesList


class DetailForm(FormScreen[dict[str, DetailValue | None]]):
    """Returns each detail's value (None: left empty). ``written``: the words written on an
    earlier day that a check done again may record again unchanged (core.written), each
    with a tick box; ``again`` holds those ticked when the form is saved."""

    TITLE = "What the answer carries"

    def __init__(self, item: Item, current: dict[str, DetailValue], people: list[Person],
                 dob: date | None = None, written: dict[str, date] | None = None):
        super().__init__()
        self.item, self.current, self.people, self.dob = item, current, people, dob
        self.written = written or {}
        self.again: set[str] = set()

    def fields(self) -> ComposeResult:
        yield Static(join(lit(self.item.prompt, "bold"), "\n",
                          "A yes without these is shown as incomplete and blocks completion."))
        with VerticalScroll():
            for detail in self.item.details:
                value = self.current.get(detail.key)
                ident = f"d-{detail.key}"
                yield Label(detail.label + (" *" if detail.required else ""),
                            classes="field-label")
                if detail.kind == DetailKind.PEOPLE:
                    chosen = set(value) if isinstance(value, list) else set()
                    people = offered(detail, self.people, chosen)
                    if not people:
                        yield Static(f"{none_offered(detail)}: add them there first "
                                     "(p on the plan screen).")
                    yield NamesList(
                        *[(f"{p.name} ({p.relationship or p.kind.label})", p.id,
                           p.id in chosen) for p in people], id=ident)
                elif detail.kind == DetailKind.TEXT:
                    yield TextArea(value if isinstance(value, str) else "", id=ident,
                                   soft_wrap=True, show_line_numbers=False,
                                   classes="detail-text")
                    if detail.key in self.written:
                        yield Static(form_hint(self.written[detail.key]), classes="hint")
                        yield MarkedCheckbox("The same words are true today: record them "
                                             "again", id=f"again-{detail.key}")
                elif detail.kind == DetailKind.DATE:
                    yield LineBox(uk_date(value) if isinstance(value, date) else "",
                                  placeholder="DD/MM/YYYY", id=ident, compact=True)
                else:
                    yield LineBox(value if isinstance(value, str) else "", id=ident,
                                  placeholder="Address", compact=True)

    def on_mount(self) -> None:
        self.set_focus(self.query(".dialog Input, .dialog TextArea, .dialog SelectionList")
                       .first(), scroll_visible=False)

    def save(self) -> None:
        result: dict[str, DetailValue | None] = {}
        for detail in self.item.details:
            widget = self.query_one(f"#d-{detail.key}")
            if isinstance(widget, NamesList):
                chosen = [str(v) for v in widget.selected]
                result[detail.key] = chosen or None
            elif isinstance(widget, TextArea):
                result[detail.key] = widget.text.strip() or None
                if detail.key in self.written and result[detail.key] \
                        and self.query_one(f"#again-{detail.key}", MarkedCheckbox).value:
                    self.again.add(detail.key)
            elif isinstance(widget, Input):
                text = widget.value.strip()
                if detail.kind == DetailKind.DATE and text:
                    try:
                        day = parse_date(text)
                    except ValueError as exc:
                        self.refuse(f"{detail.label}: {exc}", widget)
                        return
                    refused = date_refused(detail, day, self.dob, clock.today())
                    if refused:
                        self.refuse(refused, widget)
                        return
                    result[detail.key] = day
                else:
                    result[detail.key] = text or None
        self.dismiss(result)
