"""One plan, read-only, as a manager sees it: state and sign-off, challenges, then the
gaps and risks, then everything else. Approve, return or challenge from here."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from checklist_tui.core import clock, review, store
from checklist_tui.core.answers import display
from checklist_tui.core.dates import plural
from checklist_tui.core.engine import evaluate
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.plan import Plan, PlanState
from checklist_tui.core.vocabulary import NO_GAPS, signed
from checklist_tui.core.what_is_left import gaps_listing, gaps_title
from checklist_tui.tui import commands
from checklist_tui.tui.hanging import hang_text
from checklist_tui.tui.screens.base import AppScreen
from checklist_tui.tui.screens.decision import Decision, DecisionForm
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
    lines += ["", "THE WHOLE PLAN", ""]
    lines.append(render_show(build(loaded_checklist, plan, clock.now(), sources,
                                   found_outside=found_outside)))
    return "\n".join(lines)


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


class ReviewPlanScreen(AppScreen):
    COMMANDS_DECLARED = commands.REVIEW_PLAN

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self.plan: Plan | None = None
        self.checklist = None
        self.found_outside = ""
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Static(lit(f"Reviewing {self.path.name} (read-only)"), classes="title",
                     id="review-plan-title")
        with VerticalScroll(id="review-plan-body"):
            yield Static("Reading the plan…", id="review-plan-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#review-plan-body").focus()
        self.load()

    @work(thread=True, exclusive=True, group="review-plan")
    def load(self) -> None:
        app = self.app
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
            app.call_from_thread(self._show, None, None, str(exc))
            return
        app.call_from_thread(self._show, plan, checklist, text, loaded.found_outside)

    def _show(self, plan: Plan | None, checklist, text: str, found_outside: str = "") -> None:
        self.plan, self.checklist, self.found_outside = plan, checklist, found_outside
        self.text = text
        self._wrap()
        self.refresh_bindings()

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
        if action == "approve":
            return plan is not None and plan.state == PlanState.SUBMITTED
        if action == "return_plan":  # also a plan whose approval no longer stands
            return plan is not None and (plan.state == PlanState.SUBMITTED
                                         or review.approval_void(plan, self.found_outside))
        if action == "challenge":
            return plan is not None and plan.state != PlanState.ENTERED_IN_ERROR and (
                plan.state != PlanState.APPROVED
                or review.approval_void(plan, self.found_outside))
        return super().check_action(action, parameters)

    def _ask(self, kind: str) -> None:
        name, role = getattr(self.app, "reviewer", ("", ""))
        items: list[tuple[str, str]] = []
        if self.checklist is not None and self.plan is not None:
            items = [(i.id, chooser_label(i, self.plan))
                     for _s, i in self.checklist.checklist.all_items()]

        # The decisions this manager has seen: one recorded meanwhile by someone else is
        # kept beside theirs, never lost (core.review.decide).
        seen = len(self.plan.reviews) if self.plan is not None else None

        def done(decision: Decision | None) -> None:
            if decision is not None:
                self.app.reviewer = (decision.name, decision.role)  # type: ignore[attr-defined]
                self.decide(decision, seen)

        plan = self.plan
        about = f"{plan.case_ref}, {self.path.name}" if plan is not None else self.path.name
        self.app.push_screen(DecisionForm(kind, name, role, items, about=about), done)

    def action_approve(self) -> None:
        waiting = review.open_challenges(self.plan) if self.plan is not None else []
        if waiting:  # said now, before a rationale is typed that could not be used
            self.notify(not_approvable(len(waiting)), title="Not approved",
                        severity="warning", markup=False)
            return
        self._ask("approved")

    def action_return_plan(self) -> None:
        self._ask("returned")

    def action_challenge(self) -> None:
        self._ask("challenge")

    @work(thread=True, exclusive=True, group="review-decision")
    def decide(self, decision: Decision, seen: int | None = None) -> None:
        from checklist_tui.core.review_file import change_plan

        now, today = clock.now(), clock.today()

        def step(plan, checklist):
            if decision.kind == "challenge":
                return review.challenge(plan, checklist, decision.item, decision.text,
                                        name=decision.name, role=decision.role, now=now)
            return review.decide(plan, checklist, decision=decision.kind,
                                 rationale=decision.text, name=decision.name,
                                 role=decision.role, now=now, today=today, seen=seen)

        try:
            change_plan(self.path, self.app.checklist, step)
            disagree = review.conflict(store.load(self.path).plan)
        except UserFacingError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Nothing was changed",
                                      severity="error", markup=False)
        else:
            said = {"approved": "Approved and signed off.",
                    "returned": "Returned to the practitioner with your reasons.",
                    "challenge": f"Challenge added to {decision.item}."}[decision.kind]
            if disagree:
                said = (f"Your decision is recorded, but another manager decided at the same "
                        f"time: {disagree}. Not signed off until a manager decides again.")
            self.app.call_from_thread(self.notify, said, title="Saved", markup=False)
        self.load()

    def action_open_full(self) -> None:
        self.app.open_plan(self.path, read_only=True)

    def action_back(self) -> None:
        self.app.pop_screen()
