"""Confirming a pause point in plain mode, as the app's dialog does it (look-d 6: plain
mode recorded the plan's practitioner as the person confirming, who was not asked and may
not be there, and read nothing first). First what changed since the last confirmation and
each item with its state, to be read aloud; then who is confirming (name and role,
remembered for the rest of the conversation), who is present (People and the agencies'
practitioners by number, or names typed), and the whole record is said back before it is
kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from checklist_tui.core import clock, edit
from checklist_tui.core.pause import PauseStatus, pause_status
from checklist_tui.core.present import candidates
from checklist_tui.core.vocabulary import signed
from checklist_tui.plain import listings
from checklist_tui.plain.reopening import reason_first

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation

#: How plain mode confirms a pause point and acknowledges a red flag, for the words
#: ``core.pause.PauseStatus.next_step`` says.
CONFIRM_WORDS = ("type confirm", "type acknowledge")
#: Said when confirming again is refused while the confirmation given stands.
HOLDS = "It is confirmed, and the confirmation still holds."


def _status(conv: Conversation, section_id: str) -> PauseStatus | None:
    return pause_status(conv.checklist, conv.session.plan, conv.session.evaluate(), section_id)


def next_step(conv: Conversation, section_id: str) -> str:
    """What to do next about the pause point, as the app's banner says it; "" when it holds."""
    status = _status(conv, section_id)
    return status.next_step(*CONFIRM_WORDS) if status is not None else ""


def _read_out(conv: Conversation, status: PauseStatus) -> None:
    """What changed since the last confirmation, then each item with its state."""
    c = conv.console
    if status.confirmation is not None:
        c.say(status.line())
    section = next(s for s in conv.checklist.sections if s.id == status.section_id)
    shown = [i for i in section.items if i.id in conv.ev.visible_items]
    c.say(f"Read each line aloud with the people present: {len(shown)} lines.")
    for n, item in enumerate(shown, 1):
        c.say(f"{n}. {item.prompt}", *listings.item_said(conv, item))


def _who(conv: Conversation) -> tuple[str, str]:
    """Who is confirming: name and role, the last ones given kept (Enter keeps them)."""
    kept_name, kept_role = conv.confirmer
    said = conv.session.said  # who said they are making the changes (look-d D12)
    if not kept_name and said is not None:
        kept_name, kept_role = said.name, said.role
    answers = []
    for label, kept in (("Your name (you are confirming it)", kept_name),
                        ("Your role", kept_role)):
        while True:
            typed = conv.console.answer(f"{label}" + (f", or Enter for {kept}:" if kept
                                                     else ":"))
            if typed or kept:
                answers.append(typed or kept)
                break
            conv.console.say("This one is needed.")
    conv.confirmer = (answers[0], answers[1])
    return conv.confirmer


def _present(conv: Conversation) -> list[str]:
    """Who is present: numbers from the list read out, or names typed, with commas."""
    offered = candidates(conv.session.plan.people, conv.session.plan.agencies)
    if offered:
        conv.console.say("In the plan:", *(f"{n}. {who}" for n, who in enumerate(offered, 1)))
    while True:
        typed = conv.console.answer("Who is present? Numbers from the list, or names and "
                                    "roles, separated by commas:")
        parts = [p.strip() for p in typed.split(",") if p.strip()]
        # a bare number is a place in the list, never a name (rev7-core 8: "12, 0" was
        # recorded as two people present)
        wrong = [p for p in parts if p.isdigit() and not 0 < int(p) <= len(offered)]
        if wrong:
            conv.console.say(_not_in_list(wrong, len(offered)))
            continue
        present = [offered[int(p) - 1] if p.isdigit() else p for p in parts]
        if present:
            return list(dict.fromkeys(present))
        conv.console.say("Say who is present: at least one person.")


def _not_in_list(wrong: list[str], count: int) -> str:
    """Why numbers typed for who is present were refused, and what to type instead."""
    numbers = " or ".join(wrong)
    if not count:
        return (f"There is no list to number from, so {numbers} is not a person. Type the "
                "names and roles of the people present.")
    return (f"There is no {numbers} in the list: type numbers from 1 to {count}, or names "
            "and roles. Nothing is recorded yet.")


def confirm(conv: Conversation, section_id: str) -> None:
    status = _status(conv, section_id)
    if status is None:
        return
    if status.refused:  # said before anyone types names
        conv.console.say(f"{status.title} cannot be confirmed: {status.refused}",
                         status.next_step(*CONFIRM_WORDS) or HOLDS)  # never an empty line
        return
    _read_out(conv, status)
    if not reason_first(conv, "who confirmed the pause point, and who was present"):
        return
    name, role = _who(conv)
    present = _present(conv)
    by = signed(name, role)
    conv.console.say(f"To be recorded: {status.title} confirmed by {by}, with "
                     f"{'; '.join(present)} present.")
    if conv.console.answer("Type yes to record it:").lower() not in ("y", "yes"):
        conv.console.say("Not recorded: nothing was changed.")
        return
    if conv.change(edit.confirm_pause_point, conv.checklist, section_id, present,
                   today=clock.today(), confirmed_by=by):
        conv.console.say(f"Pause point confirmed by {by}, with who was present.")
