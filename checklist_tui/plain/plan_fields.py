"""The plan's own details in plain mode: the date of birth, the EDD, the case reference,
babies expected, an early birth likely, the practitioner. Before this only the full-screen
app's Plan details (d) and the command line's ``details`` could record that the baby was
born (look-d D14), so in plain mode the plan went on reading as a pregnancy. The same
parser and checks as both (core.plan_details) and the same history entry (core.edit)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checklist_tui.core import clock, edit
from checklist_tui.core.dates import timing_summary, uk_date
from checklist_tui.core.plan import Plan
from checklist_tui.core.plan_details import DetailsError, asks_babies, date_boxes, parse_details
from checklist_tui.plain import asking
from checklist_tui.plain.reopening import reason_first

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation


@dataclass(frozen=True)
class Detail:
    key: str
    """The ``parse_details`` argument it is typed into."""
    label: str
    said: Callable[[Plan], str]
    """Its value now, as typed (a date as DD/MM/YYYY), '' when not recorded."""


#: The plan's dates as plain mode reads them (the forms' labels carry "(DD/MM/YYYY)").
DATE_LABELS = {"edd": "Expected delivery date", "dob": "Date of birth"}


def _date_of(field: str) -> Callable[[Plan], str]:
    def said(plan: Plan) -> str:
        value = getattr(plan, field)
        return uk_date(value) if value else ""
    return said


def details_of(conv: Conversation) -> list[Detail]:
    """The details this plan's checklist takes, in the app's order: an injury plan, about
    a baby already born, has a date of birth and no EDD, babies or early birth."""
    checklist = conv.checklist
    found = [Detail("case_ref", "Case reference", lambda p: p.case_ref)]
    found += [Detail(field, DATE_LABELS[field], _date_of(field))
              for field, _label in date_boxes(checklist, made=True)]
    if asks_babies(checklist):
        found += [Detail("babies", "Babies expected", lambda p: str(p.babies_expected)),
                  Detail("prematurity_likely", "An early birth is likely",
                         lambda p: "yes" if p.prematurity_likely else "no")]
    found += [Detail("practitioner", "Practitioner", lambda p: p.practitioner),
              Detail("role", "Practitioner's role", lambda p: p.practitioner_role)]
    return found


def _typed(plan: Plan) -> dict[str, str]:
    """Every detail as it would be typed, to be parsed again with one of them changed."""
    return {"case_ref": plan.case_ref, "edd": _date_of("edd")(plan),
            "dob": _date_of("dob")(plan), "babies": str(plan.babies_expected),
            "practitioner": plan.practitioner, "role": plan.practitioner_role}


def _save(conv: Conversation, detail: Detail, typed: str) -> bool:
    """Record ``typed`` as ``detail`` by the core's parser and checks; the refusal said
    in one sentence (False) when it cannot be used."""
    plan = conv.session.plan
    values = _typed(plan)
    early = plan.prematurity_likely
    if detail.key == "prematurity_likely":
        early = typed.lower() in asking.YES
    else:
        values[detail.key] = typed
    try:
        parsed = parse_details(
            case_ref=values["case_ref"], edd=values["edd"], dob=values["dob"],
            babies=values["babies"], practitioner=values["practitioner"], role=values["role"],
            prematurity_likely=early, checklist=conv.checklist, kept_case_ref=plan.case_ref)
    except DetailsError as exc:
        conv.console.say(f"Not changed: {exc.reason}.")
        return False
    before = detail.said(plan) or "not recorded"

    def said() -> None:  # before any red flag the change raises is read out
        conv.console.say(f"Saved: {detail.label}, {detail.said(plan) or 'not recorded'} "
                         f"(it was {before})." if conv.changed else
                         f"Not changed: {detail.label} was already {before}.")
    return conv.change_then(said, edit.set_details, **parsed.fields()) and conv.changed


def _timing(conv: Conversation) -> None:
    plan = conv.session.plan
    conv.console.say(f"Timing: {timing_summary(plan.edd, plan.dob, clock.today())}.")


def change(conv: Conversation, _typed_after: str = "") -> None:
    """Each detail read out numbered with its value; the number of one, then its new
    value, saved at once; Enter when done."""
    if not reason_first(conv, "the plan's details"):
        return
    c = conv.console
    shown = details_of(conv)

    def menu() -> list[str]:
        plan = conv.session.plan
        return [f"{n}. {d.label}: {(d.said(plan) or 'not recorded').rstrip('.')}."
                for n, d in enumerate(shown, 1)]

    c.say("Plan details. What to change:", *menu())
    while True:
        chosen = c.answer("Number of what to change, list to hear them again, or Enter "
                          "when done:", about="The number of a line read out, to change "
                          "it; list reads them again; Enter finishes.").lower()
        if not chosen:
            c.say("Finished changing the plan's details.")
            _timing(conv)
            return
        if chosen == "list":
            c.say(*menu())
            continue
        if not (chosen.isdigit() and 1 <= int(chosen) <= len(shown)):
            c.say(f"Type a number from 1 to {len(shown)}, or press Enter when done.")
            continue
        detail = shown[int(chosen) - 1]
        now = detail.said(conv.session.plan) or "not recorded"
        how = ("yes or no" if detail.key == "prematurity_likely" else
               "the date, day, month and year" if detail.key in ("edd", "dob") else
               "the number" if detail.key == "babies" else "the new words")
        clear = ", none to remove it" if detail.key in ("edd", "dob", "practitioner",
                                                        "role") else ""
        typed = c.answer(f"{detail.label}, now {now}. Type {how}{clear}, or Enter to keep it:")
        while detail.key == "prematurity_likely" and typed and typed.lower() not in (
                *asking.YES, *asking.NO):
            typed = c.answer("Type yes or no, or press Enter to keep it:")
        if not typed:
            c.say(f"Kept: {detail.label}, {now}.")
            continue
        _save(conv, detail, "" if clear and typed.lower() == "none" else typed)


def birth(conv: Conversation, typed: str = "") -> None:
    """Record that the baby has been born: the date of birth (``typed`` after the command,
    or asked), then where the plan now stands."""
    plan = conv.session.plan
    detail = next(d for d in details_of(conv) if d.key == "dob")
    if not reason_first(conv, "the baby's date of birth"):
        return
    if not typed:
        if plan.dob:
            conv.console.say(f"The date of birth recorded is {uk_date(plan.dob)}.")
        typed = conv.console.answer(
            f"The baby's date of birth? Day, month and year, such as {uk_date(clock.today())}"
            + (", or Enter to keep it:" if plan.dob else ":"))
        if not typed:
            conv.console.say("Nothing was changed.")
            return
    if _save(conv, detail, typed):
        _timing(conv)
