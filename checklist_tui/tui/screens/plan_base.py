"""The typed base of the plan screen: the commands that open other screens.

Other screens are given the session (or return a typed result); none is given this
screen. Each ``action_*`` is declared in ``commands.PLAN``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from checklist_tui.core import clock, lazy, review
from checklist_tui.core import integrity as integ
from checklist_tui.core.answers import YES_NO_LABELS
from checklist_tui.core.engine import Evaluation
from checklist_tui.core.errors import Refused
from checklist_tui.core.plan import DetailValue, PlanState
from checklist_tui.core.session import PlanSession
from checklist_tui.core.who import only_looking
from checklist_tui.tui.screens.plan_keys import KeysHeld
from checklist_tui.tui.screens.plan_saving import SavingScreen
from checklist_tui.tui.widgets.item_view import ItemView

if TYPE_CHECKING:  # loaded with the screens that return them, not for the first paint
    from checklist_tui.core import edit, pause
    from checklist_tui.core.outstanding import Entry
    from checklist_tui.core.plan_details import Details
    from checklist_tui.tui.screens.confirm_pause import Confirmed
else:  # for the first edit, not the first paint: loaded once the plan is painted (tui/warm.py)
    edit = lazy.module("checklist_tui.core.edit")
    pause = lazy.module("checklist_tui.core.pause")

#: How this screen confirms a pause point and acknowledges a red flag, for the words
#: ``core.pause.PauseStatus.next_step`` says (the banner and the refusal).
CONFIRM_KEYS = ("press f", "go to it and press k")


#: Said under a list of what blocks completion or sign-off.
OUTSTANDING_HINT = ("", "Press o to see everything outstanding.")


class PlanScreenBase(KeysHeld, SavingScreen):
    session: PlanSession | None
    current: str | None

    async def on_mount(self) -> None:
        from checklist_tui.tui.screens.reason_first import gate

        gate(self.app)  # a finished plan's text boxes ask for the reason first

    # -- provided by the plan screen ---------------------------------------------
    def show_section(self, section_id: str, focus_item: str | None = None) -> None:
        raise NotImplementedError

    def refresh_state(self) -> Evaluation | None:
        raise NotImplementedError

    def restore_item(self, item_id: str) -> None:
        """Show the item's control as the plan has it (after a refusal or a cancel)."""
        raise NotImplementedError

    # -- answers that carry more: who will find out, and details ----------------------
    def record_answer(self, item_id: str, value: object) -> bool:
        """Record an answer. "Not yet", or "unknown" on a required or risk question, first
        asks who will find out and by when; a yes that carries details asks for them. A
        refusal (a tick the plan contradicts) is said with its reason and the control goes
        back to the answer the plan keeps."""
        session = self._session()
        checklist = session.checklist.checklist
        item = checklist.item_map()[item_id]
        if integ.value_needs_follow_up(item, value):
            from checklist_tui.tui.screens.follow_up import FollowUpScreen

            current = session.plan.answers.get(item_id)
            label = YES_NO_LABELS.get(str(value).replace(" ", "_").lower(), str(value))
            self.app.push_screen(
                FollowUpScreen(item.prompt, label, (current.owner or "") if current else "",
                               current.by_date if current else None),
                lambda result: self._followed_up(item_id, value, result))
            return False
        changed = self.apply(edit.set_answer, checklist, item_id, value)
        if not changed:
            self.restore_item(item_id)
        elif integ.missing_details(item, session.plan.answers.get(item_id), session.plan):
            self.ask_details(item_id)
        return changed

    def _followed_up(self, item_id: str, value: object, result: tuple[str, Any] | None) -> None:
        if result is None or not self.apply(edit.set_answer, self._session().checklist.checklist,
                                            item_id, value, owner=result[0],
                                            by_date=result[1]):
            self.restore_item(item_id)
        self.refresh_state()

    def ask_details(self, item_id: str) -> None:
        from checklist_tui.core.written import earlier_words
        from checklist_tui.tui.screens.detail_form import DetailForm

        session = self._session()
        checklist = session.checklist.checklist
        item = checklist.item_map()[item_id]
        answer = session.plan.answers.get(item_id)
        form = DetailForm(item, dict((answer.details or {}) if answer else {}),
                          list(session.plan.people), session.plan.dob,
                          earlier_words(session.plan, checklist, item, clock.today()))
        self.app.push_screen(form, lambda values: self._details_given(item_id, values,
                                                                      form.again))

    def _details_given(self, item_id: str, values: dict[str, DetailValue | None] | None,
                       again: set[str] | frozenset[str] = frozenset()) -> None:
        if values:
            checklist = self._session().checklist.checklist
            for key, value in values.items():
                self.apply(edit.set_detail, checklist, item_id, key, value,
                           again=key in again)
        self.refresh_state()

    # -- shared --------------------------------------------------------------------
    def _session(self) -> PlanSession:
        assert self.session is not None, "commands are refused until the plan is open"
        return self.session

    def apply(self, operation: Any, *args: Any, **kwargs: Any) -> bool:
        """An edit through the session; True if the plan changed."""
        return self.apply_edit(self._session(), operation, *args, **kwargs)

    def after_reason(self, changed: bool, args: tuple[Any, ...]) -> None:
        """Show the item as the plan now has it: its new answer once the reason was given,
        the answer it keeps (typed text too) when the dialog was cancelled."""
        from textual.css.query import NoMatches

        session = self._session()
        items = session.checklist.checklist.item_map()
        for item_id in (a for a in args if isinstance(a, str) and a in items):
            try:
                view = self.query_one(f"#item-{item_id}", ItemView)
            except NoMatches:
                continue
            answer = session.plan.answers.get(item_id)
            view.reset(answer)
            if changed:  # e.g. cleared: its box no longer shows the text let go of
                view.show_plan_text(answer)
            else:
                _put_back_text(view, answer)
        self.refresh_state()

    def jump(self, section_id: str, item_id: str | None = None) -> None:
        self.show_section(section_id, focus_item=item_id)

    # -- commands ------------------------------------------------------------------
    def action_outstanding(self) -> None:
        from checklist_tui.tui.screens.outstanding_view import OutstandingScreen

        self.app.push_screen(OutstandingScreen(self._session()), self._follow)

    def action_gaps(self) -> None:
        from checklist_tui.tui.screens.gaps_view import GapsScreen

        self.app.push_screen(GapsScreen(self._session()), self._follow)

    def _follow(self, target: Entry | None) -> None:
        """Go where an Outstanding or Gaps and risks row is put right. A return, or an approval
        no longer standing, comes back once Outstanding's "Submit it again" is chosen: submit."""
        from checklist_tui.core.vocabulary import DETAILS_PAGE, NO_LONGER_SIGNED_OFF, RETURNED
        if target is None:
            return
        if target.label in (RETURNED, NO_LONGER_SIGNED_OFF):
            self.action_submit()
        elif target.page == DETAILS_PAGE:  # the plan's details (d): a date of birth
            self.action_details()
        elif target.page:
            self.action_records(target.page)
        elif target.section_id:
            self.jump(target.section_id, target.item_id)

    def action_records(self, page: str) -> None:
        """p, g and a: the People, Agencies or Actions table."""
        from checklist_tui.tui.screens.records import RecordsScreen

        self.app.push_screen(RecordsScreen(self._session(), page), self._returned)

    def _returned(self, _result: object = None) -> None:
        self.refresh_state()

    def action_timeline(self) -> None:
        from checklist_tui.tui.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(self._session()))

    def action_export(self) -> None:
        from checklist_tui.tui.screens.export import ExportScreen

        self.save_in_background()
        self.app.push_screen(ExportScreen(self._session(), self.app.sources()))

    def action_distribution(self) -> None:
        from checklist_tui.tui.screens.distribution import DistributionScreen

        self.flush()
        self.app.push_screen(DistributionScreen(self._session()), self._returned)

    def action_details(self) -> None:
        from checklist_tui.tui.screens.details import DetailsScreen

        session = self._session()
        self.app.push_screen(DetailsScreen(session.plan, session.checklist.checklist),
                             self._details)

    def _details(self, details: Details | None) -> None:
        if details is not None:
            self.apply(edit.set_details, **details.fields())
        self.refresh_state()

    def action_acknowledge(self) -> None:
        from checklist_tui.tui.screens.acknowledge import AcknowledgeScreen

        ev = self._session().evaluate()
        pending = [f for f in ev.fired if f.section_id == self.current
                   and f.needs_acknowledgement]
        if not pending:
            self.notify("No warnings to acknowledge in this section.")
            return
        self.app.push_screen(AcknowledgeScreen(pending[0]), self._acknowledged)

    def _acknowledged(self, result: tuple[str, str] | None) -> None:
        if result:
            rule_id, reason = result
            self.apply(edit.acknowledge, self._session().checklist.checklist, rule_id, reason)
            self.refresh_state()

    def action_complete(self) -> None:
        from checklist_tui.tui.screens.message import MessageScreen

        session = self._session()
        blockers = pause.completion_blockers(session.checklist.checklist, session.plan,
                                             session.evaluate())
        if blockers:  # every one (it said 12, then "…and 31 more")
            self.app.push_screen(MessageScreen(
                "Not ready to mark complete", ["Still to do:", *[f"- {b}" for b in blockers],
                                               *OUTSTANDING_HINT]))
            return
        if self.apply(edit.change_state, session.checklist.checklist, PlanState.COMPLETED,
                      today=clock.today()):
            self.notify("Plan marked complete.")
        self.refresh_state()

    def action_what_changed(self) -> None:
        from checklist_tui.tui.screens import what_changed

        what_changed.show(self, self._session(), self.app.sources())

    # -- a manager's challenges ----------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "who":  # while it can be changed, or is only looked at (nobody said)
            return self.session is not None and (not self.session.read_only or only_looking(
                self.session.read_only_reason))
        if action == "answer_challenge" and (
                self.session is None or not review.open_challenges(self.session.plan)):
            return False  # nothing to answer: not offered
        return super().check_action(action, parameters)

    def action_answer_challenge(self) -> None:
        """r: the focused item's challenge not yet answered, else the plan's first one."""
        from checklist_tui.tui.screens.challenge import ChallengeAnswerScreen

        session = self._session()
        waiting = review.open_challenges(session.plan)
        if not waiting:
            self.notify("No challenges are waiting for an answer.", markup=False)
            return
        focused = self.app.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        found = next((c for c in waiting if view is not None and c.item == view.item.id),
                     waiting[0])
        checklist = session.checklist.checklist
        item = checklist.item_map().get(found.item)
        if item is not None and (view is None or view.item.id != found.item):
            self.jump(checklist.section_of()[found.item].id, found.item)
        prompt = item.prompt if item else "(an item this version of the checklist does not have)"
        self.app.push_screen(ChallengeAnswerScreen(found, prompt, len(waiting) - 1),
                             lambda text: self._challenge_answered(found.id, text))

    def action_submit(self) -> None:
        """m: send the plan to a manager (it is marked complete first if nothing blocks)."""
        session = self._session()
        self._refusing = "Not submitted for sign-off"
        try:
            if self.apply(review.submit, session.checklist.checklist, today=clock.today()):
                self.notify("Submitted for sign-off: a manager can now approve it or return "
                            "it with reasons.", markup=False)
        finally:
            self._refusing = None
        self.refresh_state()

    _refusing: str | None = None
    """The title of a refusal said now (what was not done), if not "Nothing was changed"."""

    def refused(self, exc: Refused, title: str = "Nothing was changed",
                after: tuple[str, ...] = ()) -> None:
        """Every reason, then where to see everything still open."""
        super().refused(exc, self._refusing or title, after or OUTSTANDING_HINT)

    def _challenge_answered(self, challenge_id: str, text: str | None) -> None:
        if text is not None and self.apply(review.respond, challenge_id, text):
            self.notify("Your answer is saved with the challenge.", markup=False)
        self.refresh_state()
        self.refresh_bindings()


    # -- pause points -------------------------------------------------------------
    def pause_line(self, ev: Evaluation, section_id: str | None) -> str:
        """A section's pause-point state in words ("" if it is not one)."""
        session = self._session()
        checklist = session.checklist.checklist
        if not any(s.pause_point for s in checklist.sections if s.id == section_id):
            return ""  # (as pause_status says) without loading core.pause for it (#12.2)
        status = pause.pause_status(checklist, session.plan, ev, section_id or "")
        if status is None:
            return ""
        if status.holds or session.read_only:
            return status.line()
        return f"{status.line()} {status.next_step(*CONFIRM_KEYS)}"

    def action_confirm_pause(self) -> None:
        from checklist_tui.tui.screens.confirm_pause import ConfirmPauseScreen

        session = self._session()
        checklist = session.checklist.checklist
        status = pause.pause_status(checklist, session.plan, session.evaluate(),
                                    self.current or "")
        if status is None:
            points = [s.title for s in checklist.sections if s.pause_point]
            self.notify("This section is not a pause point. " + (
                f"Pause points: {'; '.join(points)}." if points else
                "This checklist has no pause points."), markup=False)
            return
        if status.refused:  # refused before anyone fills in the form, with what to do
            self.notify(f"{status.title} cannot be confirmed: {status.refused} "
                        f"{status.next_step(*CONFIRM_KEYS)}",
                        title="Not confirmed", severity="error", markup=False, timeout=12)
            return
        name, role = self.app.confirmer
        if not name and session.said is not None:  # who said they are making the changes
            name, role = session.said.name, session.said.role
        self.app.push_screen(ConfirmPauseScreen(status.title, clock.now(), session.plan.people,
                                                session.plan.agencies, name, role),
                             lambda given: self._confirmed(status.section_id, given))

    def _confirmed(self, section_id: str, given: Confirmed | None) -> None:
        if given is None:
            return
        self.app.confirmer = (given.name, given.role)
        if self.apply(edit.confirm_pause_point, self._session().checklist.checklist,
                      section_id, given.present, today=clock.today(), confirmed_by=given.by):
            self.notify(f"Pause point confirmed by {given.by}.", markup=False)
        self.refresh_state()

    def action_who(self) -> None:
        """W: say who is making the changes from now on (someone else took the keyboard)."""
        from checklist_tui.tui.screens import who_dialog

        who_dialog.ask(self, changing=True)  # type: ignore[arg-type]

    def action_help(self) -> None:
        from checklist_tui.tui.screens.help import HelpScreen

        focused = self.app.focused
        view = next((w for w in (focused.ancestors_with_self if focused else [])
                     if isinstance(w, ItemView)), None)
        plan = self.session.loaded.path if self.session is not None else None
        self.app.push_screen(HelpScreen(view.item if view else None, self.screen_help, plan))


def _put_back_text(view: ItemView, answer: Any) -> None:
    """A cancelled change to a typed answer or note: the boxes show what the plan keeps."""
    from datetime import date

    from textual.widgets import Input, TextArea

    from checklist_tui.core.dates import uk_date

    value = answer.value if answer else None
    shown = uk_date(value) if isinstance(value, date) else value if isinstance(value, str) else ""
    kept = {f"answer-{view.item.id}": shown,
            f"note-{view.item.id}": answer.note if answer else ""}
    with view.prevent(Input.Changed, TextArea.Changed):
        for box in view.query(Input):
            if box.id in kept and box.value != kept[box.id]:
                box.value = kept[box.id] or ""
        for area in view.query(TextArea):
            if area.id in kept and area.text != kept[area.id]:
                area.text = kept[area.id] or ""
