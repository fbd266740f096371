"""A key typed while a section is switching lands on the item it was typed for: ] ] y
typed quickly answers Yes on the first question of the section two along, once it is
shown (it was dropped without a word: nothing had the focus while the section was built).
A key that cannot be delivered (the section took far too long) is said, not lost unseen.

The slow machine is the gate of tests/tui/test_sections.py: the section's item widgets
wait at their mount until the test opens it."""

from __future__ import annotations

import pytest
from textual import events

from checklist_tui.tui import typed_ahead
from tests.tui.helpers import plan_ready, wait_for
from tests.tui.test_sections import Gate, held_wait, running, sections_app


def _burst(app, *keys: tuple[str, str | None]) -> None:
    """Keys as a fast typist's burst: all queued before the app handles the first."""
    for key, char in keys:
        app.post_message(events.Key(key, char))


BRACKET = ("right_square_bracket", "]")


def _no_typed_ahead_timers(app) -> None:
    """The key queue's own timers never fire during the test: keys held must go on at the
    moment what holds them is over (the section shown, the screen built, the screen on
    top changed), not when a poll next looks (it looked every 20 ms)."""
    real = app.set_timer

    def set_timer(delay, callback=None, *args, **kwargs):
        target = getattr(callback, "__self__", None) or getattr(
            getattr(callback, "func", None), "__self__", None)
        if target is app._typed_ahead:
            delay = 3600
        return real(delay, callback, *args, **kwargs)

    app.set_timer = set_timer


async def test_a_key_typed_while_the_section_is_built_lands_on_its_first_question(
        tmp_path, monkeypatch) -> None:
    app = sections_app(tmp_path, [3, 3, 5, 3])
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        _no_typed_ahead_timers(app)
        screen = app.screen
        gate = Gate(monkeypatch, lambda ident: ident[0] == "c")
        _burst(app, BRACKET, BRACKET, ("y", "y"))
        await held_wait(lambda: gate.waiting > 0 and screen.current == "c",
                        what="part 3 being built")
        gate.open()
        await held_wait(lambda: screen.ready and screen.current == "c", what="part 3 shown")
        await wait_for(pilot, lambda: "c000" in screen.session.plan.answers,
                       what="the y answering part 3's first question")
        assert screen.session.plan.answers["c000"].value == "yes"
        assert not any(a.startswith(("a", "b")) for a in screen.session.plan.answers)


async def test_keys_typed_one_after_another_go_to_their_own_sections(
        tmp_path, monkeypatch) -> None:
    """] y ] n: the y is for part 2's first question, the n for part 3's."""
    app = sections_app(tmp_path, [3, 3, 5, 3])
    async with running(app, (120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        _no_typed_ahead_timers(app)
        screen = app.screen
        gate = Gate(monkeypatch, lambda ident: ident[0] in "bc")
        _burst(app, BRACKET, ("y", "y"), BRACKET, ("n", "n"))
        await held_wait(lambda: gate.waiting > 0, what="part 2 being built")
        gate.open()
        await wait_for(pilot, lambda: {"b000", "c000"} <= set(screen.session.plan.answers),
                       what="both answers")
        assert screen.session.plan.answers["b000"].value == "yes"
        assert screen.session.plan.answers["c000"].value == "no"
        assert screen.current == "c"


async def test_a_key_held_too_long_is_said_not_taken(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(typed_ahead, "HOLD_PATIENCE", 0.3)
    app = sections_app(tmp_path, [3, 3, 5, 3])
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        gate = Gate(monkeypatch, lambda ident: ident[0] == "b")
        _burst(app, BRACKET, ("y", "y"))
        await held_wait(lambda: any("not taken" in str(n.message).lower()
                                    for n in app._notifications), what="the notice")
        notice = next(str(n.message) for n in app._notifications
                      if "not taken" in str(n.message).lower())
        assert "y" in notice
        gate.open()
        await held_wait(lambda: screen.ready and screen.current == "b", what="part 2 shown")
        for _ in range(5):
            await pilot.pause()
        assert "b000" not in screen.session.plan.answers  # not typed later, unseen


async def test_keys_held_for_a_plan_that_could_not_be_opened_do_not_act_on_home(
        plans, monkeypatch) -> None:
    """A ] typed while a plan opens waits for it; if it cannot be opened, the app goes back
    Home, and it must not act there: it is said not taken (as the n typed with it is at
    once: n would start a new plan)."""
    import threading

    from checklist_tui.core.errors import UserFacingError
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.screens.plan import PlanScreen
    from tests.tui.helpers import make_app, wait_for_screen

    release = threading.Event()

    def slow_then_refused(path, checklist_for, read_only=False):
        release.wait(60)
        raise UserFacingError(f"{path.name}: cannot be read (a test)")

    monkeypatch.setattr(PlanScreen, "open_plan", staticmethod(slow_then_refused))
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        _no_typed_ahead_timers(app)
        app.push_screen(PlanScreen(plans / "early-pre-birth.toml"))
        await wait_for_screen(pilot, PlanScreen)
        _burst(app, BRACKET, ("n", "n"))
        await held_wait(lambda: app._typed_ahead.waiting, what="the ] held")
        release.set()
        await wait_for(pilot, lambda: any("Not taken: ]" in str(n.message)
                                          for n in app._notifications), what="the notice")
        for _ in range(5):
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no New plan started


async def test_a_key_typed_while_the_plan_opens_acts_once_it_is_shown(
        plans, monkeypatch) -> None:
    """look-c 16: ] pressed the moment the plan was painted (the case reference, while it
    was being read) was dropped; it waits for the plan screen and then acts there."""
    import threading

    from checklist_tui.tui.screens.opening import OpeningScreen
    from checklist_tui.tui.screens.plan import PlanScreen
    from tests.tui.helpers import make_app, wait_for_screen

    release = threading.Event()
    really_open = PlanScreen.open_plan

    def slow(path, checklist_for, read_only=False):
        release.wait(60)
        return really_open(path, checklist_for, read_only)

    monkeypatch.setattr(PlanScreen, "open_plan", staticmethod(slow))
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, OpeningScreen)  # (the app's first screen)
        await wait_for(pilot, lambda: app.screen.is_mounted, what="the opening frame")
        _no_typed_ahead_timers(app)  # (and no deadline: a busy machine is slow to open)
        _burst(app, BRACKET)
        await held_wait(lambda: app._typed_ahead.waiting, what="the key held")
        release.set()
        await wait_for(pilot, lambda: plan_ready(app), what="the plan shown")
        screen = app.screen
        visible = [s.section_id for s in screen.session.evaluate().sections if s.visible]
        first, _item = screen.session.last_place(screen.session.evaluate())
        await wait_for(pilot, lambda: screen.current == visible[visible.index(first) + 1]
                       and screen.ready, what="the next section, by the ] typed")



async def test_keys_held_go_on_when_the_hold_ends_not_when_a_poll_looks(
        tmp_path, monkeypatch) -> None:
    """] ] while part 3 is built, then l (on its first question: not yet, which opens "who
    will find out", built while the name is typed) and "Sam": every key lands where it
    was typed for, in order, with the key queue's timers stopped."""
    from textual.widgets import Input

    from checklist_tui.tui.screens.follow_up import FollowUpScreen

    app = sections_app(tmp_path, [3, 3, 5, 3], extra={"c000": "not_yet = true\n"})
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        _no_typed_ahead_timers(app)
        screen = app.screen
        gate = Gate(monkeypatch, lambda ident: ident[0] == "c")
        _burst(app, BRACKET, BRACKET, ("l", "l"), *((c, c) for c in "Sam"))
        await held_wait(lambda: gate.waiting > 0 and screen.current == "c",
                        what="part 3 being built")
        gate.open()
        await held_wait(lambda: isinstance(app.screen, FollowUpScreen)
                        and app.screen.query_one("#owner", Input).value == "Sam",
                        what="l opening who will find out, and the name in it")
        assert screen.current == "c" and not screen.session.plan.answers


async def test_a_key_that_could_answer_typed_while_the_plan_opens_is_not_taken(
        plans, monkeypatch) -> None:
    """look-d 18: "n" typed as the plan opened (the window still blank) answered the
    question the plan reopens on, which the person had not seen: a Yes became No. Keys
    typed before the plan is shown are not taken, and said; ] is kept and acts."""
    import threading

    from checklist_tui.tui.screens.opening import OpeningScreen
    from checklist_tui.tui.screens.plan import PlanScreen
    from tests.tui.helpers import make_app, wait_for_screen

    release = threading.Event()
    really_open = PlanScreen.open_plan

    def slow(path, checklist_for, read_only=False):
        release.wait(60)
        return really_open(path, checklist_for, read_only)

    monkeypatch.setattr(PlanScreen, "open_plan", staticmethod(slow))
    from checklist_tui.core import store

    before = {k: a.value for k, a in store.load(plans / "early-pre-birth.toml")
              .plan.answers.items()}
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, OpeningScreen)
        _no_typed_ahead_timers(app)
        _burst(app, ("n", "n"), ("y", "y"), ("delete", None), ("1", "1"), BRACKET)
        await held_wait(lambda: app._typed_ahead.waiting, what="the ] held")
        await held_wait(lambda: any("Not taken: n, y, Delete and 1, typed while the plan was "
                                    "still opening" in str(n.message)
                                    for n in app._notifications), what="the notice")
        release.set()
        await wait_for(pilot, lambda: plan_ready(app), what="the plan shown")
        screen = app.screen
        ev = screen.session.evaluate()
        visible = [s.section_id for s in ev.sections if s.visible]
        first, _item = screen.session.last_place(ev)
        await wait_for(pilot, lambda: screen.current == visible[visible.index(first) + 1]
                       and screen.ready, what="the next section, by the ] typed")
        assert {k: a.value for k, a in screen.session.plan.answers.items()} == before


async def test_a_key_typed_with_the_enter_that_opens_a_plan_is_not_taken(plans) -> None:
    """Enter on Home and y at once: the y reached the plan as it opened and answered the
    question it reopened on, unseen (look-d 18, from Home). It is said not taken."""
    from textual.widgets import DataTable

    from checklist_tui.core import store
    from tests.tui.helpers import make_app

    before = {path.name: {k: a.value for k, a in store.load(path).plan.answers.items()}
              for path in plans.glob("*.toml")}
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 3 and app.focused is table)
        _no_typed_ahead_timers(app)
        _burst(app, ("enter", "\r"), ("y", "y"), ("n", "n"))
        await wait_for(pilot, lambda: plan_ready(app), what="the plan shown")
        screen = app.screen
        await wait_for(pilot, lambda: any("Not taken: y and n, typed while the plan was "
                                          "still opening" in str(n.message)
                                          for n in app._notifications), what="the notice")
        assert {k: a.value for k, a in screen.session.plan.answers.items()} \
            == before[screen.path.name]


def test_what_was_pasted_and_not_taken_is_to_be_pasted_again() -> None:
    """rev7-tui 13: "Not taken: the text pasted, ... press it again"."""
    why = "the plan was still opening"
    paste, y = events.Paste("Seen at home"), events.Key("y", "y")
    assert typed_ahead.not_taken([paste], why).endswith(
        "Nothing was changed by it: paste it again if you still mean it.")
    assert typed_ahead.not_taken([y], why).endswith(
        "Nothing was changed by it: press it again if you still mean it.")
    assert typed_ahead.not_taken([y, paste], why) == (
        "Not taken: y and the text pasted, typed while the plan was still opening. Nothing "
        "was changed by them: press or paste them again if you still mean them.")


def _slow_open(monkeypatch):
    """The plan's file is read from a slow shared drive: it opens when the test says."""
    import threading

    from checklist_tui.tui.screens.plan import PlanScreen

    release, reading = threading.Event(), threading.Event()
    really_open = PlanScreen.open_plan

    def slow(path, checklist_for, read_only=False):
        reading.set()
        release.wait(60)
        return really_open(path, checklist_for, read_only)

    monkeypatch.setattr(PlanScreen, "open_plan", staticmethod(slow))
    return release, reading


@pytest.mark.parametrize("from_home", [False, True])
async def test_escape_while_a_slow_plan_opens_goes_back_and_lets_it_go(
        plans, monkeypatch, from_home) -> None:
    """rev7-tui 15: Escape was refused while a plan opened ("not taken"), and on a slow
    shared drive Ctrl+Q was the only way out. It goes back (to Home: with `open PLAN`,
    Home is built), the plan read meanwhile is never shown, and its lock is let go.
    rev7-tui 14: the opening screen left under Home refuses and holds no more keys."""
    from textual.widgets import DataTable

    from checklist_tui.core.locking import lock_path
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.screens.opening import OpeningScreen
    from checklist_tui.tui.screens.plan import PlanScreen
    from tests.tui.helpers import make_app, wait_for_screen

    release, reading = _slow_open(monkeypatch)
    path = plans / "early-pre-birth.toml"
    app = make_app(plans, None if from_home else path.name)
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            if from_home:
                table = app.screen.query_one(DataTable)
                await wait_for(pilot, lambda: table.row_count == 3 and app.focused is table)
                app.open_plan(path)  # as Enter on its row does
            await wait_for_screen(pilot, OpeningScreen)
            opening = app.screen
            await held_wait(reading.is_set, what="the plan being read")
            _burst(app, ("escape", None))
            await held_wait(lambda: isinstance(app.screen, HomeScreen)
                            and app.screen.is_mounted, what="Home")
            assert not any("Not taken" in str(n.message) for n in app._notifications)
            assert opening.key_refused(events.Key("y", "y")) is None
            assert opening.key_hold(events.Key("y", "y")) is None
        finally:
            release.set()
        await wait_for(pilot, lambda: not lock_path(path).exists(), what="the lock let go")
        await wait_for(pilot, lambda: all(w.is_finished for w in app.workers))
        assert isinstance(app.screen, HomeScreen)
        assert not [s for s in app.screen_stack if isinstance(s, PlanScreen)]
        assert app.is_running and app.return_code is None


def _key_just_before_shown(monkeypatch, section: str, key: str) -> list[str]:
    """``key`` reaches the app just as ``section`` is shown: queued before the focus the
    section asks for (keys typed a moment earlier, on a busy machine)."""
    from checklist_tui.tui.screens.plan_sections import PlanSections

    sent: list[str] = []
    real_show = PlanSections._show
    typed = events.Key(key, key)  # made here: made in the screen's handler, it would stop
    #                               bubbling at the screen, as if the screen had sent it

    def show(screen, pane) -> None:
        if pane.section.id == section and not sent:
            sent.append(key)
            screen.app.post_message(typed)
        real_show(screen, pane)

    monkeypatch.setattr(PlanSections, "_show", show)
    return sent


async def test_a_key_arriving_as_a_section_is_shown_lands_on_its_first_question(
        tmp_path, monkeypatch) -> None:
    """rev7-tui 5: a key already on its way as a section is shown reaches the app before
    the focus the section asks for; it now waits for that focus to land (``landing``).
    (On a section switch it also landed before, by timing: a binding is looked up only
    once the focus has landed, and a text question's focus is given at once; the plan's
    first showing, below, is where keys were lost.)"""
    from textual.widgets import TextArea

    app = sections_app(tmp_path, [3, 12, 3], types={"b000": "long_text"})
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        sent = _key_just_before_shown(monkeypatch, "b", "H")
        await screen.run_action("step_section(1)")
        await wait_for(pilot, lambda: sent and screen.current == "b" and plan_ready(app)
                       and isinstance(app.focused, TextArea) and app.focused.text == "H",
                       what="the H in part 2's first question's box")
        assert app.focused.id == "answer-b000"
        assert not any("Not taken" in str(n.message) for n in app._notifications)


async def test_a_key_arriving_before_a_fresh_plan_is_first_drawn_is_not_taken(
        tmp_path, monkeypatch) -> None:
    """rev7-tui 5: on a plan with nothing to go back to, keys were refused only while it
    was read; one arriving as its first section was shown answered a question never
    seen (or was dropped unsaid). Until the plan is first drawn it is not taken, and
    said, as while it opens (look-d 18)."""
    app = sections_app(tmp_path, [3, 12, 3])
    sent = _key_just_before_shown(monkeypatch, "a", "n")
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: sent and plan_ready(app), what="the plan shown")
        await wait_for(pilot, lambda: any(
            "Not taken: n, typed while the plan was still opening" in str(n.message)
            for n in app._notifications), what="the notice")
        assert not app.screen.session.plan.answers
