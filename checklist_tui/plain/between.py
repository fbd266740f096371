"""What can be typed between answers in plain mode: moving about (skip, back, go, repeat),
hearing more (help, why, where, the listings), and the changes that are not an answer
(note, source, clear, details, confirm, respond, and the records). The walk itself is
``plain.conversation``; each command here reads or changes the plan through it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from checklist_tui.core import review
from checklist_tui.core.dates import birth_not_recorded, plural
from checklist_tui.core.definition import Item
from checklist_tui.core.plan_details import DetailsError, typed_date
from checklist_tui.core.reasons import ANSWER
from checklist_tui.core.review import challenges_on, respond
from checklist_tui.core.state_words import state_sentences
from checklist_tui.core.vocabulary import evaluation_answered, no_gaps_found, no_such_question
from checklist_tui.core.what_is_left import gaps_count, gaps_listing
from checklist_tui.plain import (
    answering,
    asking,
    handing_over,
    listings,
    pause_point,
    plan_fields,
    records,
    removing,
    who_question,
    words,
)
from checklist_tui.plain.console import QUIT_WORDS
from checklist_tui.plain.records import PLURAL, SINGULAR

if TYPE_CHECKING:
    from checklist_tui.plain.conversation import Conversation

Command = Callable[[str], bool | None]
#: Commands that take what is typed after them: a question's id, or which record.
TAKES_WHICH = ("go", *(f"{verb} {kind}" for verb in ("change", "edit", "remove", "delete")
                        for kind in ("person", "agency", "action")),
               "action done", "action status", "birth")
#: What may follow a command of TAKES_WHICH for it to be that command, where an answer
#: could begin with it too: "birth 22/11/2026" records a birth, "birth at home planned"
#: is an answer.
FOLLOWED_BY: dict[str, Callable[[str], bool]] = {"birth": lambda rest: rest[:1].isdigit()}


#: Commands that only read the plan or move about in it (and ``who``, which says itself
#: what it can do on a plan only looked at): every other command changes the plan, and
#: on a read-only plan is refused before it asks anything (a note was typed in full and
#: then refused).
READS = frozenset({"help", "h", "?", "why", "skip", "", "back", "go", "where", "who",
                   "repeat", "r", "outstanding", "gaps", "born today", "timeline", "people",
                   "agencies", "actions", "distribution", "copies", "export", "cancel",
                   *QUIT_WORDS})


def names_what(conv: Conversation, key: str, rest: str) -> bool:
    """Whether ``rest``, typed after the command ``key`` of TAKES_WHICH, names what that
    command works on: a question's id after ``go``, a whole date after ``birth``, one
    record (by its number or a part of its name only it has) after the others. When it
    does not, and the same line could be the answer to the question asked, nothing is run
    or recorded until the person says which they meant (``Conversation``, rev8-core 12:
    "action done by police on Monday" was taken as the command, the answer not recorded)."""
    if key == "go":
        return rest.lower() in {i.id.lower() for _s, i in conv.visible()}
    if key == "birth":
        try:
            return typed_date(rest, "dob") is not None
        except DetailsError:
            return False
    model = next(m for m in SINGULAR if key.split()[-1] == SINGULAR[m]
                 or key.split()[0] == SINGULAR[m])
    held = list(getattr(conv.session.plan, PLURAL[model]))
    return len(asking.matches(held, records.name_of, rest)) == 1


def table(conv: Conversation) -> dict[str, Command]:
    """Each command's words, and what it does (True from a command: stop)."""

    def on(run: Callable[[Conversation, str], bool | None]) -> Command:
        return lambda arg: run(conv, arg)

    def plain(run: Callable[[Conversation], bool | None]) -> Command:
        return lambda _arg: run(conv)

    return {
        "help": on(help_), "h": on(help_),
        "?": on(why), "why": on(why),
        "skip": on(skip), "": on(skip),
        "back": on(back),
        "go": on(go),
        "note": on(note),
        "source": on(source),
        "clear": on(clear),
        "details": on(details),
        "confirm": on(confirm),
        "respond": on(respond_),
        "where": on(where),
        "who": lambda _a: who_question.change(conv.console, conv.session),
        "repeat": on(repeat), "r": on(repeat),
        "outstanding": plain(listings.outstanding),
        "gaps": plain(listings.gaps),
        "born today": plain(listings.born_today),
        "timeline": plain(listings.timeline),
        "people": plain(listings.people),
        "agencies": plain(listings.agencies),
        "actions": plain(listings.actions),
        "add person": plain(records.add_person),
        "add agency": plain(records.add_agency),
        "add action": plain(records.add_action),
        **{f"{verb} {SINGULAR[model]}": on(records.changing(model))
           for model in SINGULAR for verb in ("change", "edit")},
        **{f"{verb} {SINGULAR[model]}": on(removing.removing(model))
           for model in SINGULAR for verb in ("remove", "delete")},
        "action done": on(records.mark_done),
        "action status": on(records.action_status),
        "acknowledge": plain(answering.acknowledge_any),
        "plan details": on(plan_fields.change),
        "birth": on(plan_fields.birth),
        "share": plain(handing_over.share),
        "distribution": plain(handing_over.distribution),
        "copies": plain(handing_over.distribution),
        "export": plain(handing_over.export),
        "complete": plain(handing_over.complete),
        "submit": plain(handing_over.submit),
        "cancel": lambda _a: conv.console.say(
            "There is nothing to cancel here: nothing is being changed."),
        **dict.fromkeys(QUIT_WORDS, lambda _a: True),
    }


def help_(conv: Conversation, _arg: str) -> None:
    conv.console.say(*words.HELP)


def why(conv: Conversation, _arg: str) -> None:
    here = conv.current()
    if here is None:
        return
    item = here[1]
    conv.console.say(item.guidance or "There is no guidance for this question.")
    for ref in item.refs:
        found = conv.sources.get(ref)
        if found is not None:
            conv.console.say(f"Serves: {found.title}. {found.summary}")


def repeat(conv: Conversation, _arg: str) -> None:
    conv.last_asked = ""


def skip(conv: Conversation, _arg: str) -> None:
    conv.position += 1


def back(conv: Conversation, _arg: str) -> None:
    conv.position = max(0, conv.position - 1)


def go(conv: Conversation, arg: str) -> None:
    ids = [i.id.lower() for _s, i in conv.visible()]
    if not arg.strip():
        conv.console.say("Type go and the question's id, for example go "
                         f"{conv.visible()[0][1].id if ids else 'PBA-F01'}.")
    elif arg.strip().lower() in ids:
        conv.position = ids.index(arg.strip().lower())
    else:
        conv.console.say(no_such_question(conv.checklist, arg, conv.ev.waiting))


def note(conv: Conversation, _arg: str) -> None:
    here = conv.current()
    if here is not None:
        text = conv.console.ask_lines(f"Note on {here[1].id}.")
        answering.note(conv, here[1], text)


def on_question(change: Callable[[Conversation, Item], object]) -> Callable[
        [Conversation, str], None]:
    """A command that changes the current question (its source, answer or details)."""
    def command(conv: Conversation, _arg: str) -> None:
        here = conv.current()
        if here is not None:
            change(conv, here[1])
    return command


source, clear, details = (on_question(answering.source), on_question(answering.clear),
                          on_question(answering.details_command))


def confirm(conv: Conversation, _arg: str) -> None:
    here = conv.current() or (conv.visible()[-1] if conv.visible() else None)
    if here is None or not here[0].pause_point:
        conv.console.say("This question is not in a pause point.")
        return
    pause_point.confirm(conv, here[0].id)


def respond_(conv: Conversation, _arg: str) -> None:
    here = conv.current()
    waiting = [ch for ch in challenges_on(conv.session.plan, here[1].id)
               if not ch.response] if here else []
    if not waiting:
        conv.console.say("There is no challenge waiting on this question.")
        return
    # refused before it is sent, and asked again (rev7-core 11: "ok" was lost)
    asked = f"Your response to: {waiting[0].text}"
    text = asking.ask_reason(conv, "", ANSWER, lambda: conv.console.ask_lines(asked))
    if not text:
        conv.console.say("No response saved: the challenge still waits.")
        return
    if conv.change(respond, waiting[0].id, text):
        conv.console.say("Response saved.")


def where(conv: Conversation, _arg: str) -> None:
    """How far the plan has got: answered, its state, then what is wrong or not known,
    counted as the app's header counts it (look-d 5), and the pause points."""
    ev, plan = conv.ev, conv.session.plan
    conv.console.say(f"{evaluation_answered(ev, joiner='; ')}.",
                     *state_sentences(plan, conv.session.edited_outside))
    born = birth_not_recorded(plan.edd, plan.dob, ev.today)
    if born:  # asked first, as every view asks it (look-d 20), with this mode's way
        conv.console.say(born, listings.RECORD_BIRTH_HERE)
    listing = gaps_listing(conv.checklist, plan, ev)
    conv.console.say(gaps_count(listing) if listing.gaps
                     else f"{no_gaps_found(ev.answered, ev.total)}.")
    if ev.contradicted:
        conv.console.say(f"{plural(len(ev.contradicted), 'answer')} contradicted by the plan: "
                         "type gaps to hear why.")
    reds = [f for f in ev.red_flags if f.acknowledgement is None]
    if reds:
        conv.console.say(f"Red flags not acknowledged: {len(reds)}.")
    listings.pause_points(conv)
    if review.open_challenges(conv.session.plan):
        conv.console.say("Type outstanding to hear the challenges and where to answer them.")
