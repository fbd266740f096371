"""One plan, read-only, as a manager sees it: state and sign-off, challenges, then the
gaps and risks, then everything else. Approve, return or challenge from here."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from checklist_tui.core import clock, review, store
from checklist_tui.core.answers import display
from checklist_tui.core.dates import plural
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import Plan, PlanState
from checklist_tui.core.review_file import file_seen
from checklist_tui.core.vocabulary import NO_GAPS, signed
from checklist_tui.core.what_is_left import gaps_listing, gaps_title
from checklist_tui.tui import commands
from checklist_tui.tui.from_thread import call_while_attached
from checklist_tui.tui.hanging import hang_text
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.screens.decision import Decision, DecisionForm
from checklist_tui.tui.screens.waiting import PendingDecision, WaitingScreen, whose
from checklist_tui.tui.text import lit


def review_text(plan: Plan, loaded_checklist, sources: dict, edited_outside: str = "",
                found_outside: str = "") -> str:
    """The plan for a manager: gaps and risks first, then the full plain report.
    ``edited_outside`` is what every view says about edits outside the app;
    ``found_outside`` what loading found and the history does not mark yet."""
    from checklist_tui.export.show_report import render_show
    from checklist_tui.export.summary import build

    checklist = loaded_checklist.checklist
    lines = [f"{plan.case_ref}: {checklist.title} (version {plan.checklist_version})",
             f"Practitioner: {plan.practitioner or 'not recorded'}",
             f"State: {review.describe_state(plan, found_outside)}",
             *([edited_outside] if edited_outside else []),
             f"Sign-off: {review.describe_signoff(plan, found_outside)}"]
    waiting = review.open_challenges(plan)
    if plan.state == PlanState.SUBMITTED and waiting:
        lines.append(not_approvable(len(waiting)))
    changed = review.what_changed_since_approval(plan, found_outside)
    if review.decisions_open(plan, found_outside) == {review.CHALLENGE}:
        # a and r are not offered (check_action): said, or the keys seem to do nothing
        lines.append("It is not awaiting sign-off, so it cannot be approved or returned "
                     "until the practitioner submits it (m on the plan); c challenges an "
                     "item now.")
    if changed:  # what the manager is deciding about: a return or challenge is possible
        lines += ["What changed since approval:", *(f"  {line}" for line in changed),
                  "The approval no longer stands: r returns the plan, c challenges an item."]
    lines.append("")
    unseen = review.decisions_made_unseen(plan)
    for n, decision in enumerate(plan.reviews):
        unseeing = f" ({review.CONCURRENT})" if n in unseen else ""
        lines.append(f"  {decision.decision.capitalize()} by {signed(decision.by, decision.role)} "
                     f"on {decision.at:%d/%m/%Y}{unseeing}: {decision.rationale}")
    if plan.challenges:
        # each challenge at 2, its answer at 6: a wrapped line goes on at 4 (hanging)
        lines += ["", "Challenges:"] + [f"    {line}" if line.startswith(" ") else f"  {line}"
                                        for line in review.challenge_lines(plan)]
    # The plan's one list (the header's, show's and the exports'), the father and male
    # carers first, then the pause points that do not hold (core.what_is_left).
    listing = gaps_listing(checklist, plan, evaluate(checklist, plan, clock.today()))
    lines += ["", "GAPS AND RISKS", gaps_title(listing)]
    if not listing.groups:
        lines.append(f"  {NO_GAPS}")
    for heading, entries in listing.groups:
        lines.append(f"{heading}:")
        for entry in entries:
            lines.append(f"  [{entry.label}] {entry.text}")
            lines += [f"      {part}" for part in entry.note.splitlines()]
    lines += ["", f"SUMMARY ({FULL_PLAN_HINT})", ""]
    lines.append(render_show(build(loaded_checklist, plan, clock.now(), sources,
                                   found_outside=found_outside)))
    return "\n".join(lines)


#: Said over the summary: it is not the whole plan (no people, answers or history).
FULL_PLAN_HINT = "o opens the full plan, read-only: people, answers, agencies, actions"


def not_approvable(waiting: int) -> str:
    """Said before the manager types a rationale that could not be used."""
    are = "is" if waiting == 1 else "are"
    return (f"{plural(waiting, 'challenge')} {are} not yet answered, so this plan cannot be "
            "approved yet: r returns it to the practitioner.")


def chooser_label(item, plan: Plan) -> str:
    """An item as the manager chooses what to challenge: its whole question (the chooser
    wraps it, never cuts it) and the answer the plan gives it now."""
    answer = plan.answers.get(item.id)
    given = display(item, answer) if answer is not None else "(no answer)"
    return f"{item.id}: {item.prompt} Answer: {given}"


#: How long the app waits for the practitioner to close the plan (the manager sees it
#: waiting and can stop it; the command line waits review_file.LOCK_WAIT).
WAIT_IN_APP = 600.0

DECISION_WORDS = {review.APPROVED: "approve", review.RETURNED: "return it",
                  review.CHALLENGE: "challenge"}
#: The screen's actions and the decisions they make.
ACTION_KINDS = {"approve": review.APPROVED, "return_plan": review.RETURNED,
                "challenge": review.CHALLENGE}


class ReviewPlanScreen(AppScreen):
    COMMANDS_DECLARED = commands.REVIEW_PLAN
    CHECK_EVERY = 2.0
    """Seconds between looks at the file: a change (a challenge answered) is read again."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.plan: Plan | None = None
        self.checklist = None
        self.found_outside = ""
        self.text = ""
        self.seen_hash = ""
        """The content hash of the plan as shown (an approval covers what was read)."""
        self._signature: tuple[object, ...] | None = None
        self.pending: PendingDecision | None = None
        """The decision on its way to the file: no other until it is settled and the
        plan read again."""
        self._then = ""
        """The decision to ask for once the plan has been read again."""
        self._waiting: WaitingScreen | None = None

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Reviewing {self.path.name} (read-only)"), classes="title",
                     id="review-plan-title")
        with VerticalScroll(id="review-plan-body"):
            yield Static("Reading the plan…", id="review-plan-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-plan-body").focus()
        self.load()
        self.set_interval(self.CHECK_EVERY, self._look)

    def on_unmount(self) -> None:
        if self.pending is not None:
            self.pending.stop()

    def _look(self) -> None:
        """Read the plan again when its file changed (look-c 13: the screen still said a
        challenge was not answered after the practitioner answered it), however it
        changed: one that kept the file's time and size was missed until the next
        decision (core.review_file.file_seen). Looked at in a thread: on a slow shared
        drive the read must not hold up the keys."""
        if self.pending is None and self._signature is not None:
            self._look_at_file(self.app, self._signature)

    # The workers below are given the app: a screen left while they run has none to ask
    # from their thread (NoActiveAppError), and what they found is then dropped or said
    # by the app (tui.from_thread).
    @work(thread=True, exclusive=True, group="review-look")
    def _look_at_file(self, app, seen: tuple[object, ...]) -> None:
        if file_seen(self.path) != seen and not get_current_worker().is_cancelled:
            call_while_attached(app, self, self._changed_on_disk, seen)

    def _changed_on_disk(self, seen: tuple[object, ...]) -> None:
        if self.pending is None and self._signature == seen and self.is_attached:
            self._signature = None  # once: the read sets it again
            self.load()

    def _read(self, app) -> tuple:
        """The plan as it is on disk now, for ``_show`` (in a thread)."""
        signature = file_seen(self.path)
        try:
            loaded = store.load(self.path)
            plan = loaded.plan
            checklist = app.checklist(plan.checklist_id)
            if checklist is None:
                raise UserFacingError(f"{self.path.name}: made from checklist "
                                      f"'{plan.checklist_id}', which is not installed here")
            text = review_text(plan, checklist, app.sources(), loaded.edited_outside,
                               loaded.found_outside)
        except UserFacingError as exc:
            return None, None, str(exc), "", "", signature
        return (plan, checklist, text, loaded.found_outside, review.content_hash(plan),
                signature)

    def load(self) -> None:
        """Read the plan (in a thread) and show it."""
        self._load(self.app)

    @work(thread=True, exclusive=True, group="review-plan")
    def _load(self, app) -> None:
        shown = self._read(app)
        if not get_current_worker().is_cancelled:
            call_while_attached(app, self, self._show, *shown)

    def _show(self, plan: Plan | None, checklist, text: str, found_outside: str = "",
              seen_hash: str = "", signature: tuple[object, ...] | None = None) -> None:
        self.plan, self.checklist, self.found_outside = plan, checklist, found_outside
        self.text, self.seen_hash, self._signature = text, seen_hash, signature
        self._wrap()
        self.refresh_bindings()
        then, self._then = self._then, ""
        if then:
            self._decide_now(then)

    def _wrap(self) -> None:
        """The text wrapped to the window, each wrapped line indented under its start."""
        shown = self.query_one("#review-plan-text", Static)
        width = shown.size.width or self.app.size.width - 4
        shown.update(hang_text(self.app.console, lit(self.text), width - 1) if self.text
                     else lit("Reading the plan…"))

    def on_resize(self) -> None:
        self.call_after_refresh(self._wrap)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        plan = self.plan
        if action in ("approve", "return_plan", "challenge") and (
                self.pending is not None or self._then):
            return False  # one decision at a time, each on the plan read again
        kind = ACTION_KINDS.get(action)
        if kind is not None:  # the one rule the text above explains (core.review)
            return plan is not None and kind in review.decisions_open(plan, self.found_outside)
        return super().check_action(action, parameters)

    def _ask(self, kind: str) -> None:
        from checklist_tui.core.who import same_person

        said = self.app.who  # type: ignore[attr-defined]
        # as a plan opened for editing does (tui/screens/who_dialog.py): taken when said
        # and the app does not ask (``--as``), else asked, offering who said so last
        # (a manager's decision needs a role: a name alone, ``--as 'Alex Manager'``, is
        # asked with its role, never taken: the form had no role box to refuse it in)
        taken = said if said is not None and said.role.strip() \
            and not self.app.ask_who else None  # type: ignore[attr-defined]
        # offered: who said who they are in this run, never whoever last changed the plan
        # here, nor its practitioner ("I am <them>" approved their own work, rev9-tui 2)
        offer = said if taken is None and said is not None and said.name.strip() \
            and not same_person(said.name, self.plan.practitioner if self.plan else "") \
            else None
        items: list[tuple[str, str]] = []
        if self.checklist is not None and self.plan is not None:
            items = [(i.id, chooser_label(i, self.plan))
                     for _s, i in self.checklist.checklist.all_items()]

        # The decisions this manager has seen: one recorded meanwhile by someone else is
        # kept beside theirs, never lost (core.review.decide). And what the plan said:
        # an approval of a plan changed since is refused (review_file.unchanged_since).
        seen = len(self.plan.reviews) if self.plan is not None else None
        seen_hash = self.seen_hash

        def done(decision: Decision | None) -> None:
            if decision is not None and self.is_attached:
                self._said_by(decision)
                self.decide(decision, seen, seen_hash)

        plan = self.plan
        about = f"{plan.case_ref}, {self.path.name}" if plan is not None else self.path.name
        self.app.push_screen(DecisionForm(kind, items, about=about, taken=taken,
                                          offer=offer), done)

    def _said_by(self, decision: Decision) -> None:
        """Who decided is who is making changes from now on in this run (offered at the
        next decision and the next plan opened), and last on this plan on this computer,
        as the who question keeps them (core.who)."""
        from checklist_tui.core.who import Who, remember

        who = Who(decision.name, decision.role)
        self.app.who = who  # type: ignore[attr-defined]
        if self.plan is not None:
            remember(self.plan.id, who, clock.now())

    def _read_then(self, kind: str) -> None:
        """Read the plan again, then ask for the decision on it as it is now (look-c 13)."""
        self._then = kind
        self.refresh_bindings()
        self.load()

    def _decide_now(self, kind: str) -> None:
        plan = self.plan
        action = next(a for a, k in ACTION_KINDS.items() if k == kind)
        if plan is None or not self.check_action(action, ()):
            state = review.describe_state(plan, self.found_outside) if plan else "not readable"
            self.notify(f"The plan has changed: it is now {state.lower()}, so you cannot "
                        f"{DECISION_WORDS[kind]} it now. It is shown as it is.",
                        title="Read again", severity="warning", markup=False)
            return
        waiting = review.open_challenges(plan) if kind == "approved" else []
        if waiting:  # said now, before a rationale is typed that could not be used
            self.notify(not_approvable(len(waiting)), title="Not approved",
                        severity="warning", markup=False)
            return
        self._ask(kind)

    def action_approve(self) -> None:
        self._read_then("approved")

    def action_return_plan(self) -> None:
        self._read_then("returned")

    def action_challenge(self) -> None:
        self._read_then("challenge")

    def decide(self, decision: Decision, seen: int | None = None, seen_hash: str = "") -> None:
        """Record ``decision``: at once if nobody has the plan open, else after saying it
        waits (look-c 8). The screen takes no other decision until this one is settled
        and the plan read again."""
        app = self.app

        def held(words: str) -> None:  # (from the worker: the screen may have gone)
            call_while_attached(app, self, self._say_waiting, pending, words, decision.kind)

        pending: PendingDecision = PendingDecision(held)
        self.pending = pending
        self.refresh_bindings()
        self._record(app, decision, pending, seen, seen_hash)

    def _say_waiting(self, pending: PendingDecision, held: str, kind: str) -> None:
        if self.pending is not pending or not self.is_attached:
            return

        def stopped(settled: bool | None) -> None:
            self._waiting = None
            if settled:
                return
            if not pending.stop():
                self.notify("Too late to stop: the plan was closed a moment ago and your "
                            "decision is being recorded.", title="Recording",
                            severity="warning", markup=False)

        self._waiting = WaitingScreen(held, DECISION_WORDS[kind])
        self.app.push_screen(self._waiting, stopped)

    @work(thread=True, exclusive=True, group="review-decision")
    def _record(self, app, decision: Decision, pending: PendingDecision, seen: int | None,
                seen_hash: str) -> None:
        from checklist_tui.core.errors import PlanLockedError
        from checklist_tui.core.review_file import STOPPED, change_plan, unchanged_since

        now, today = clock.now(), clock.today()

        def step(plan, checklist):
            if decision.kind == "challenge":
                return review.challenge(plan, checklist, decision.item, decision.text,
                                        name=decision.name, role=decision.role, now=now)
            if decision.kind == "approved":
                unchanged_since(plan, seen_hash)
            return review.decide(plan, checklist, decision=decision.kind,
                                 rationale=decision.text, name=decision.name,
                                 role=decision.role, now=now, today=today, seen=seen)

        title, severity = "Saved", "information"
        try:
            change_plan(self.path, app.checklist, step, wait=WAIT_IN_APP,
                        waiting=pending)
            disagree = review.conflict(store.load(self.path).plan)
        except PlanLockedError as exc:
            title, severity = "Nothing was changed", "error"
            said = ("You stopped waiting: your decision was not recorded." if str(exc) ==
                    STOPPED else f"{whose(str(exc))}. Your decision was not recorded: "
                    "decide again once the plan is closed.")
        except UserFacingError as exc:
            title, severity, said = "Nothing was changed", "error", str(exc)
        else:
            said = {"approved": "Approved and signed off.",
                    "returned": "Returned to the practitioner with your reasons.",
                    "challenge": f"Challenge added to {decision.item}."}[decision.kind]
            if disagree:
                said = (f"Your decision is recorded, but another manager decided at the same "
                        f"time: {disagree}. Not signed off until a manager decides again.")
        shown = self._read(app)  # settled and read again in one step: no decision between
        # Said even if the screen has been left meanwhile (rev7-tui 7): the app is asked
        # only while it runs.
        call_while_attached(app, app, self._settled, pending, title, said, severity, shown)

    def _settled(self, pending: PendingDecision, title: str, said: str, severity: str,
                 shown: tuple) -> None:
        if not self.is_attached:  # left while it was recorded: what became of it is said
            self.app.notify(said, title=title, severity=severity,  # type: ignore[arg-type]
                            markup=False)
            return
        if self._waiting is not None and self.app.screen is self._waiting:
            self._waiting.dismiss(True)
        self._waiting = None
        self.notify(said, title=title, severity=severity, markup=False)  # type: ignore[arg-type]
        if self.pending is pending:
            self.pending = None
        self._show(*shown)

    def action_open_full(self) -> None:
        self.app.open_plan(self.path, read_only=True)

    def action_back(self) -> None:
        self.app.pop_screen()
