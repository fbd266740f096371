"""Handing the plan on in plain mode: writing its summary to a file, recording who was
given a copy (also once it is approved: core.sharing), hearing who holds one and whether it
is out of date (core.copies), marking it complete and submitting it for review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core import clock, copies, edit, review, sharing
from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.pause import completion_blockers
from checklist_tui.core.plan import PlanState, Shared
from checklist_tui.plain import asking

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation


def export(conv: Conversation) -> None:
    from checklist_tui.export.writer import (
        FORMAT_LABELS,
        ExportExistsError,
        default_name,
        write_summary,
    )

    fmt = conv.console.choose("Which format?", list(FORMAT_LABELS.items()))
    if fmt is None:
        conv.console.say("Nothing was written.")
        return
    s = conv.session
    usual = s.loaded.path.parent / default_name(s.plan, s.checklist.id, fmt, False,
                                                plan_file=s.loaded.path)
    typed = conv.console.answer(f"File to write, or Enter for {usual}:")
    target = Path(typed).expanduser() if typed else usual
    try:
        try:
            path = write_summary(s.checklist, s.plan, fmt, conv.sources, target, force=False,
                                 found_outside=s.loaded.found_outside)
        except ExportExistsError as exc:
            conv.console.say(f"{exc}.")
            if conv.console.answer("Replace it? yes or no:").lower() not in ("y", "yes"):
                conv.console.say("Not written.")
                return
            path = write_summary(s.checklist, s.plan, fmt, conv.sources, target, force=True,
                                 found_outside=s.loaded.found_outside)
    except UserFacingError as exc:
        conv.console.say(f"Not written: {exc}.")
        return
    conv.console.say(f"Written to {path}.")


def complete(conv: Conversation) -> None:
    blockers = completion_blockers(conv.checklist, conv.session.plan, conv.ev)
    if blockers:
        conv.console.say("The plan cannot be marked complete yet: "
                         f"{plural(len(blockers), 'reason')}.")
        conv.console.say(*blockers)
        return
    if conv.change(edit.change_state, conv.checklist, PlanState.COMPLETED,
                   today=clock.today()):
        conv.console.say("The plan is marked complete.")


def submit(conv: Conversation) -> None:
    if conv.change(review.submit, conv.checklist, today=clock.today()):
        conv.console.say("Submitted for review. A manager can now approve it or return it.")


def _copy_words(d: Shared, stale: list[Shared]) -> str:
    """One copy given out, as a sentence: to whom, when, how, who recorded it, and OUT OF
    DATE when the plan has changed since (core.copies)."""
    to = "The parents' copy" if d.parents and d.to == "The parents" else (
        d.to + (" (the parents' copy)" if d.parents else ""))
    parts = [to + (f", {d.role}" if d.role else ""), f"given {uk_date(d.on)}"]
    if d.how:
        parts.append(d.how)
    if d.by:
        parts.append(f"recorded by {d.by}")
    late = f" {copies.OUT_OF_DATE}: the plan has changed since." if any(
        d is s for s in stale) else ""
    return ", ".join(parts) + "." + late


def distribution(conv: Conversation) -> None:
    """Who has been given a copy, as the app's Distribution lists it."""
    plan = conv.session.plan
    if not plan.distribution:
        conv.console.say("Nobody is recorded as given a copy of this plan yet. Type share "
                         "to record a copy given.")
        return
    stale = copies.out_of_date(plan)
    conv.console.say(f"Copies given: {len(plan.distribution)}.",
                     *(f"{n}. {_copy_words(d, stale)}"
                       for n, d in enumerate(plan.distribution, 1)))
    if not any(d.parents for d in plan.distribution):
        conv.console.say("A copy given to the parents is not recorded.")
    if stale:
        conv.console.say(copies.out_of_date_words(stale, record_it="type share"))


def share(conv: Conversation) -> None:
    """Record that a copy was given: to whom (or the parents' copy), their agency or role,
    how, and on what day (today unless said). An approved plan stays approved: who has a
    copy is not part of what the plan says (core.sharing)."""
    refused = sharing.cannot_record(conv.session)
    if refused is not None:
        conv.console.say(f"Not recorded: {refused}.")
        return
    c = conv.console
    c.say("Recording a copy of the plan given out.")
    parents = asking.yes_or_no(conv, "Is this the copy given to the parents? yes or no:")
    to = asking.ask_text(conv, "Given to (name, team or agency)"
                         + (", or Enter for the parents:" if parents else ":"),
                         required=not parents) or "The parents"
    role = asking.ask_text(conv, "Their agency or role (or Enter):")
    how = asking.ask_text(conv, "How it was given, such as secure email (or Enter):")
    today = clock.today()
    on = asking.ask_date(conv, f"The day it was given, or Enter for today, {uk_date(today)}:")
    on = on or today
    try:
        shared = sharing.record(conv.session, to, on, parents, role, how)
    except UserFacingError as exc:
        c.say(f"Not recorded: {str(exc).rstrip('.')}.")
        return
    conv.save()
    conv.ev = conv.session.evaluate()
    c.say(f"Recorded: a copy given to {copies.who(shared)}"
          + (f" ({shared.role})" if shared.role else "") + f" on {uk_date(shared.on)}"
          + (f", {shared.how}" if shared.how else "") + ".")
    if not shared.content_hash:  # an earlier day: what that copy said is not known
        c.say("Given on an earlier day, so this copy is not counted as saying what the plan "
              "says now.")
