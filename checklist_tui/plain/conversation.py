"""The walk through a plan: one question at a time, with commands between answers.

Every change goes through the open session (the same lock, edit operations, history
and atomic save as the full-screen app) and is saved at once, so stopping at any
point (Ctrl+C, Ctrl+D, a closed pipe) keeps everything answered so far.
"""

from __future__ import annotations

from collections.abc import Callable

from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import display
from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Item, ItemType, Section, Source
from checklist_tui.core.errors import PlanError, ReasonNeeded, Refused, did_you_mean
from checklist_tui.core.reopen_words import change_words
from checklist_tui.core.review import challenges_on
from checklist_tui.core.session import PlanSession
from checklist_tui.core.versions import changes_since
from checklist_tui.plain import answering, between, listings, pause_point, reopening, words
from checklist_tui.plain.console import (
    QUIT_WORDS,
    Cancelled,
    Closed,
    Console,
    Quit,
    StepEnded,
)


class Conversation:
    def __init__(self, console: Console, session: PlanSession,
                 sources: dict[str, Source]) -> None:
        self.console = console
        self.session = session
        self.sources = sources
        self.checklist = session.checklist.checklist
        self.position = 0
        self.last_section = ""
        self.last_asked = ""
        self.ev = session.evaluate()
        self.changed = False
        """Whether the last ``change`` changed the plan (False: refused, or the same again)."""
        self.announce: Item | None = None
        """The question whose answer is being recorded: ``change`` says what became of it."""
        self.then: Callable[[], None] | None = None
        """What ``change`` says once a change is saved, before any red flag it raises
        (``change_then``)."""
        self.confirmer = ("", "")
        """Who confirmed a pause point last, name and role (offered again, as the app does)."""
        self.pending_reason: str | None = None
        """The reason given for changing a finished plan before the step asked the rest
        (``plain.reopening.reason_first``); used by the step's change."""
        self.commands: dict[str, Callable[[str], bool | None]] = between.table(self)
        """What can be typed between answers (plain.between)."""

    # -- the walk ---------------------------------------------------------------

    def visible(self) -> list[tuple[Section, Item]]:
        return [(s, i) for s, i in self.checklist.all_items() if i.id in self.ev.visible_items]

    def current(self) -> tuple[Section, Item] | None:
        shown = self.visible()
        return shown[self.position] if self.position < len(shown) else None

    def start(self) -> None:
        plan = self.session.plan
        c = self.console
        c.say(f"Plan {plan.case_ref}.", f"Checklist: {self.checklist.title}, version "
              f"{self.checklist.version}.")
        if plan.checklist_version != self.checklist.version:
            c.say(f"This plan was made with version {plan.checklist_version}. "
                  "What to look at again:")
            c.say(*(changes_since(plan, self.checklist, self.sources)
                    or ["Nothing in this plan is affected."]))
        if self.session.read_only:
            c.say(f"Read-only: {self.session.read_only_reason}. You can look but not change.")
        between.where(self, "")
        c.say("Type help for the commands." + (
            "" if self.session.read_only else " Every answer is saved as you go."))
        # start at the first visible question without an answer
        for n, (_s, item) in enumerate(self.visible()):
            answer = plan.answers.get(item.id)
            if answer is None or not answer.has_value:
                self.position = n
                break

    def run(self) -> int:
        """Talk until the person stops; returns the exit code."""
        try:
            self.start()
            while True:
                here = self.current()
                if here is None:
                    self.console.blank()
                    self.console.say("That was the last question.")
                    listings.outstanding(self)
                    if self._finished_prompt():
                        return self.close()
                    continue
                if self._ask(*here):
                    return self.close()
        except (Closed, KeyboardInterrupt):
            return self.close(interrupted=True)

    def _finished_prompt(self) -> bool:
        while True:
            text = self.console.command("Type a command, 'back', or 'quit':").lower()
            if text in (*QUIT_WORDS, ""):
                return True
            if self._command(text):
                return True
            if self.current() is not None:
                return False

    def _ask(self, section: Section, item: Item) -> bool:
        """Ask one question; True when the person wants to stop."""
        c = self.console
        if section.id != self.last_section:
            c.blank()
            c.say(f"Section: {section.title}.")
            if section.pause_point:
                c.say("This is a pause point: stop and confirm each line with the people present.")
            if section.description:
                c.say(section.description)
            self.last_section = section.id
        c.blank()
        number = self.position + 1
        if self.last_asked == item.id:
            # asked again after a command: the short form; 'repeat' reads it all
            c.say(f"Back to question {number}, {item.id}. Type repeat to hear it again.")
            return self._answer_line(item)
        self.last_asked = item.id
        c.say(f"Question {number} of {len(self.visible())}, {item.id}"
              + (", required" if item.required else "") + ".")
        c.say(item.prompt)
        for n, option in enumerate(item.options, 1):
            c.say(f"{n}. {option.label}")
        plan = self.session.plan
        answer = plan.answers.get(item.id)
        if answer is not None and answer.has_value:
            c.say(f"Current answer: {display(item, answer)}.")
        c.say(*listings.item_said(self, item))  # the state the app shows under it (look-d 5)
        if integ.missing_details(item, answer, plan):
            c.say("Type details to add what it is missing.")
        if any(ch.open for ch in challenges_on(plan, item.id)):
            c.say("Type respond to answer the challenge.")
        if answer is not None and answer.note:
            c.say(f"Note: {answer.note}")
        c.say(words.describe_allowed(item))
        return self._answer_line(item)

    def _answer_line(self, item: Item) -> bool:
        c = self.console
        text = c.command("Answer:")
        lowered = " ".join(text.lower().split())
        if item.type == ItemType.LONG_TEXT and lowered == "write":
            return self.writable() and self._step(lambda: self._write(item))
        key = self._command_in(lowered)
        if key is not None:
            rest = " ".join(text.split()[len(key.split()):])
            if (rest and words.could_answer(item, text)
                    and not between.names_what(self, key, rest)):
                if key != "go" and not self.writable():  # both would change it: said now
                    return False
                return self._step(lambda: self._which_meant(
                    item, text, key, rest, f"'{text}' begins with the command {key}"))
            return self._command(lowered, text)
        other = lowered != item.id.lower() and between.names_what(self, "go", lowered)
        if other and words.could_answer(item, text):  # "PBA-F01" alone: go there, or say?
            return self._step(lambda: self._which_meant(
                item, text, "go", text, f"'{text}' is the id of another question"))
        choice = words.parse(item, text)
        if choice is None:
            typo = "" if other else did_you_mean(lowered, [k for k in self.commands if k])
            c.say(f"'{text}' is not an answer to this question. " + words.describe_allowed(item)
                  + (f" To go to that question, type go {text}." if other else "")
                  + (f" A command: {typo}" if typo else " Type help for the commands."))
            return False
        return self._step(lambda: self._record(item, choice.value))

    def _which_meant(self, item: Item, text: str, key: str, rest: str, what: str) -> bool:
        """A line that is (or begins with) a command and could as well be the answer to
        ``item`` ("action done by police on Monday" at a question answered in words):
        neither run nor recorded until the person says which they meant; Enter does
        neither. ``what``: what the line looks like."""
        self.console.say(f"{what}, but it could be your answer to {item.id}.")
        meant = self.console.choose("Which did you mean?", [
            ("answer", f"Record it as the answer to {item.id}."),
            ("command", f"Run the command {key} {rest}.")])
        if meant is None:
            self.console.say("Nothing was recorded or run.")
            return False
        if meant == "command":
            return bool(self.commands[key](rest))
        choice = words.parse(item, text)
        return choice is not None and self._record(item, choice.value)

    def _write(self, item: Item) -> bool:
        written = self.console.ask_lines(item.prompt)
        return self._record(item, written) if written else False

    def _command_in(self, lowered: str) -> str | None:
        """The command ``lowered`` is: the whole of it, or one that takes what follows it
        (``go PBA-F01``, ``remove person 2``)."""
        if lowered in self.commands:
            return lowered
        return next((key for key in between.TAKES_WHICH if lowered.startswith(f"{key} ")
                     and between.FOLLOWED_BY.get(key, bool)(lowered[len(key) + 1:])), None)

    def _command(self, lowered: str, raw: str = "") -> bool:
        lowered = " ".join(lowered.split())
        key = self._command_in(lowered)
        if key is None:
            self.console.say(f"'{raw or lowered}' is not a command. Type help for the list.")
            return False
        if key not in between.READS and not self.writable():  # said before it asks
            return False
        handler = self.commands[key]
        arg = " ".join((raw or lowered).split()[len(key.split()):])
        return self._step(lambda: bool(handler(arg)))

    def _step(self, run: Callable[[], bool]) -> bool:
        """Run an answer or a command that may ask for more: ``cancel`` or ``quit`` typed
        at any of its prompts (console.answer) ends it there, said with what was kept;
        True when the person wants to stop."""
        before = self.session.changes
        try:
            return run()
        except StepEnded as ended:
            kept = ("what was saved before stays saved; nothing more was changed"
                    if self.session.changes != before else "this step changed nothing")
            self.console.say(("Cancelled" if isinstance(ended, Cancelled) else "Stopped")
                             + f": {kept}.")
            return isinstance(ended, Quit)
        finally:  # a reason given for this step is never used for a later one (rev7-core 1)
            self.pending_reason = None

    # -- changes ----------------------------------------------------------------

    def change(self, operation: Callable[..., object], *args: object, **kwargs: object) -> bool:
        """Apply one edit through the session and save it at once; False if refused."""
        if not self.writable():
            return False
        before = {f.rule_id for f in self.ev.fired}
        was_contradicted = {p.item_id for p in self.ev.contradicted}
        self.changed = False
        try:
            try:
                self.changed = self.session.edit(operation, *args, **kwargs)
            except ReasonNeeded as exc:
                reason, self.pending_reason = self.pending_reason, None
                reason = reason or reopening.ask_reason(
                    self, exc, change_words(self.checklist, args))
                if reason is None or not reopening.reopen(self, reason):
                    return False
                self.changed = True  # reopened, with the reason in its history
                self.session.edit(operation, *args, **kwargs)
        except PlanError as exc:  # every reason, one a line, when there are several
            self.console.say(*([f"Not changed: {exc.opening}:", *exc.reasons]
                               if isinstance(exc, Refused)
                               else [f"Not changed: {str(exc).rstrip('.')}."]))
            if self.changed:  # reopened: the reopening alone is kept
                self.save()
                self.ev = self.session.evaluate()
            self.changed = False
            return False
        self.save()
        self.ev = self.session.evaluate()
        said = ""
        if self.announce is not None:  # an answer: said first
            item, self.announce = self.announce, None
            answering.say_saved(self, item)
            said = item.id
        elif self.then is not None:  # any other change: said first too
            then, self.then = self.then, None
            then()
        self.console.say(*listings.contradicted_since(self, was_contradicted, said))
        for fired in self.ev.fired:
            if fired.rule_id not in before:
                listings.read_rule(self, fired, just_fired=True)
        return True

    def writable(self) -> bool:
        """Whether the plan may be changed; when not, said (before a step asks anything)."""
        if self.session.read_only:
            self.console.say("Not changed: the plan is read-only "
                             f"({self.session.read_only_reason}).")
            return False
        return True

    def change_then(self, said: Callable[[], None], operation: Callable[..., object],
                    *args: object, **kwargs: object) -> bool:
        """As ``change``, saying ``said()`` once it is saved, before the red flags and
        contradictions it raises are read out (``self.changed``: whether it changed)."""
        self.then = said
        try:
            return self.change(operation, *args, **kwargs)
        finally:
            self.then = None

    def save(self) -> None:
        if self.session.save():
            return
        self.console.say(f"{self.session.state.describe()}.",
                         "Your answers are kept while this runs; the next answer tries again.")

    def _record(self, item: Item, value: object) -> bool:
        self.announce = item
        try:
            if answering.answer(self, item, value):
                self._advance(item.id)
        finally:
            self.announce = None
        return False

    def _advance(self, item_id: str) -> None:
        shown = self.visible()
        ids = [i.id for _s, i in shown]
        if item_id not in ids:
            return
        self.position = ids.index(item_id) + 1
        section = shown[ids.index(item_id)][0]
        last_of_section = self.position >= len(shown) or shown[self.position][0].id != section.id
        if section.pause_point and last_of_section:
            step = pause_point.next_step(self, section.id)
            self.console.say(f"That was the last line of the pause point {section.title}. "
                             + (step or pause_point.HOLDS))

    def close(self, interrupted: bool = False) -> int:
        """Let the plan go, and say what became of this visit: what was changed (saved),
        or nothing, never more than was done (it said "Everything you answered is saved:
        40 answers" of a plan only looked at); a step stopped part-way says that what was
        being typed for it was not kept."""
        ok = self.session.close()
        s = self.session
        given = sum(1 for a in s.plan.answers.values() if a.has_value)
        still_open = len(s.evaluate().open_answers)
        try:
            self.console.blank()
            if not ok:
                self.console.say(f"{s.state.describe()}.", "Some answers could not be saved.")
                return 1
            if interrupted and self.console.in_step:
                self.console.say("Stopped part-way through a step: what you were typing for "
                                 "it was not saved.")
            self.console.say(("Stopped. " if interrupted else "") + (
                f"Everything you changed is saved: {plural(s.changes, 'change')}."
                if s.changes else "Nothing was changed."))
            self.console.say(f"The plan has {plural(given, 'answer')}" + (
                f"; {still_open} of them still to be found out or done." if still_open
                else "."))
        except Closed:
            pass
        return 0 if ok else 1
