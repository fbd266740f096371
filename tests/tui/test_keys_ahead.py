"""Keys typed quickly act in the order they were pressed, on what is on the screen: a key
typed just after ] never changes the question just left (on a busy machine keys queue up
and reach the app together, as they do here)."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea

from checklist_tui.core import store
from tests.tui.helpers import go_to, make_app, plan_ready, wait_for


def _burst(app, *keys: tuple[str, str | None]) -> None:
    """Keys as a fast typist's burst: all queued before the app handles the first."""
    for key, char in keys:
        app.post_message(events.Key(key, char))


def _typing(text: str) -> list[tuple[str, str | None]]:
    return [(_character_to_key(c), c) for c in text]


async def test_a_key_typed_just_after_next_section_never_reaches_the_question_left(
        plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "PBA-H01")
        screen = app.screen
        plan = screen.session.plan
        assert plan.answers["PBA-H01"].value == "yes"
        _burst(app, ("right_square_bracket", "]"), ("n", "n"))
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "father",
                       what="the next section")
        for _ in range(5):
            await pilot.pause()
        assert plan.answers["PBA-H01"].value == "yes"  # not turned into a concern unseen


async def test_a_bracket_typed_in_a_text_box_is_text(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-H01")
        screen = app.screen
        note = screen.query_one("#item-PBA-H01 .note")
        note.focus()
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "note-PBA-H01", what="the note")
        await pilot.press("left_square_bracket", *"see", "right_square_bracket")
        await wait_for(pilot, lambda: "[see]" in app.focused.text)
        assert screen.current == "household"
        assert not isinstance(app.focused, Input)


async def test_a_section_opening_on_a_text_question_is_not_typed_into(plans) -> None:
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-A01")
        screen = app.screen
        answers = screen.session.plan.answers
        before = answers.get("PBA-B01")
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "baby"
                       and app.focused is not None, what="the baby section")
        assert isinstance(app.focused, ItemView) and app.focused.id == "item-PBA-B01"
        assert "Enter or Tab: type the answer" in str(
            app.focused.query_one(".stop-hint").render())
        await pilot.press("y", "right_square_bracket")  # a stray y, then on
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "analysis",
                       what="the next section: ] works on a text question")
        assert answers.get("PBA-B01") == before


async def test_escape_steps_out_of_a_text_answer_then_leaves_the_plan(plans) -> None:
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.screens.plan import PlanScreen

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-A01")
        screen = app.screen
        await pilot.press("right_square_bracket")
        await wait_for(pilot, lambda: plan_ready(app) and screen.current == "baby"
                       and app.focused is not None and app.focused.id == "item-PBA-B01")
        await pilot.press("enter")  # into the box
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "answer-PBA-B01", what="the text box")
        await pilot.press(*"Gran by day", "escape")
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "item-PBA-B01", what="stepped out")
        assert isinstance(app.screen, PlanScreen)
        await wait_for(pilot, lambda: screen.session.plan.answers["PBA-B01"].value
                       == "Gran by day", what="the typed answer kept")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="Home")


async def test_quitting_straight_after_typing_a_note_keeps_it(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "PBA-H01")
        app.screen.query_one("#item-PBA-H01 .note").focus()
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "note-PBA-H01", what="the note")
        _burst(app, *_typing("Father seen 25/11"), ("ctrl+q", None))
        await wait_for(pilot, lambda: not app.is_running, what="the app quit")
    assert app.return_code == 0 and not app.lost_answers
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-H01"].note \
        == "Father seen 25/11"


async def test_leaving_straight_after_typing_an_answer_keeps_it(plans, monkeypatch) -> None:
    from checklist_tui.tui.screens.home import HomeScreen
    from checklist_tui.tui.widgets import item_view

    monkeypatch.setattr(item_view, "TEXT_COMMIT_SECONDS", 600.0)  # no pause in typing
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-B01")
        await pilot.press(*"Gran")
        await wait_for(pilot, lambda: app.focused.text == "Gran")
        app.screen.leave_plan()  # as Home from the command palette does, at once
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen), what="Home")
    assert store.load(plans / "early-pre-birth.toml").plan.answers["PBA-B01"].value \
        == "Gran"


async def test_a_date_typed_on_the_date_question_itself_goes_into_its_box(plans) -> None:
    """look-c 16: a date typed while the date question itself (not its box) had the focus
    was dropped without a word ("12/11/2026" lost). A digit there steps into the box and
    is typed in it, with the rest of the date after it."""
    from checklist_tui.core.definition_base import ItemType
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        session = screen.session
        visible = session.evaluate().visible_items
        item = next(i for _s, i in session.checklist.checklist.all_items()
                    if i.type == ItemType.DATE and i.id in visible)
        await go_to(pilot, item.id)
        view = screen.query_one(f"#item-{item.id}", ItemView)
        view.focus_control(step_in=False)
        await wait_for(pilot, lambda: app.focused is view, what="the question itself")
        screen.on_item_view_answered(ItemView.Answered(item.id, None, clear=True))
        box = view.query_one(f"#answer-{item.id}", Input)
        await wait_for(pilot, lambda: session.plan.answers[item.id].value is None,
                       what="the date cleared")
        assert box.value == ""  # the box shows what the plan holds (test_cleared_box)
        _burst(app, *_typing("12/11/2026"))
        await wait_for(pilot, lambda: box.value == "12/11/2026", what="the date in its box")
        assert app.focused is box


async def test_a_letter_typed_on_the_text_question_itself_goes_into_its_box(plans) -> None:
    """A letter typed while a text question itself (not its box) had the focus was dropped
    without a word, where a digit is taken: "Home visit" lost its H. A letter no key of
    the plan takes steps into the box and is typed there, the rest after it. The plan's
    keys still act (w); y, typed just after ] for a yes or no question, is said not an
    answer here, never typed in as one."""
    from checklist_tui.core.definition_base import ItemType
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        session = screen.session
        visible = session.evaluate().visible_items
        item = next(i for _s, i in session.checklist.checklist.all_items()
                    if i.type in (ItemType.SHORT_TEXT, ItemType.LONG_TEXT)
                    and i.id in visible and i.guidance and i.id not in session.plan.answers)
        await go_to(pilot, item.id)
        view = screen.query_one(f"#item-{item.id}", ItemView)
        before = session.plan.answers.get(item.id)
        view.focus_control(step_in=False)
        await wait_for(pilot, lambda: app.focused is view, what="the question itself")
        _burst(app, ("w", "w"), ("y", "y"))  # the plan's keys: why it matters; not an answer
        await wait_for(pilot, lambda: view.query(".guidance") and any(
            str(n.message)
            == "'Yes' is not an answer to this question: press Enter to type the answer."
            for n in app._notifications), what="the guidance, and y said not an answer")
        assert app.focused is view and session.plan.answers.get(item.id) == before
        _burst(app, *_typing("Home visit"))
        await wait_for(pilot, lambda: isinstance(app.focused, Input | TextArea) and (
            app.focused.value if isinstance(app.focused, Input) else app.focused.text)
            == "Home visit", what="the text in its box")
        assert app.focused.id == f"answer-{item.id}"
        await pilot.press("tab")
        await wait_for(pilot, lambda: session.plan.answers[item.id].value == "Home visit",
                       what="the text saved")


async def test_a_stray_letter_on_an_answered_text_question_changes_nothing(plans) -> None:
    """rev7-tui 2: one 'r' typed on a long-text question holding a parent's quoted words
    was typed into them and saved ('rRobin: ...'). On a question with an answer a key is
    not typed in: it says so, and the answer stays as the plan holds it."""
    from checklist_tui.core.definition_base import ItemType
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        session = screen.session
        visible = session.evaluate().visible_items
        item = next(i for _s, i in session.checklist.checklist.all_items()
                    if i.type in (ItemType.SHORT_TEXT, ItemType.LONG_TEXT)
                    and i.id in visible and session.plan.answers.get(i.id) is not None
                    and session.plan.answers[i.id].has_value)
        before = session.plan.answers[item.id].value
        await go_to(pilot, item.id)
        view = screen.query_one(f"#item-{item.id}", ItemView)
        view.focus_control(step_in=False)
        await wait_for(pilot, lambda: app.focused is view, what="the question itself")
        _burst(app, ("q", "q"))
        await wait_for(pilot, lambda: any("'q' was not typed: this question has an answer"
                                          in str(n.message) for n in app._notifications))
        assert app.focused is view and session.plan.answers[item.id].value == before


async def test_a_quick_key_that_is_no_answer_says_so_in_the_answers_words(plans) -> None:
    """rev7-tui 9: x on a text question said "'na' is not an answer" (the stored value); on
    a list question it said to type the answer; n on a Done tick box did nothing, unsaid."""
    from checklist_tui.core.definition_base import ItemType
    from checklist_tui.tui.widgets.item_view import ItemView

    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        session = screen.session
        visible = session.evaluate().visible_items
        items = [i for _s, i in session.checklist.checklist.all_items() if i.id in visible]
        said = {
            ItemType.LONG_TEXT: ("x", "'Not applicable' is not an answer to this question: "
                                      "press Enter to type the answer."),
            ItemType.CHECK: ("n", "'No' is not an answer to this question: y or Space "
                                  "ticks it as done, Delete clears it."),
            ItemType.SINGLE_CHOICE: ("y", "This question's answers are in its list: press "
                                          "Enter to open it."),
            ItemType.MULTI_CHOICE: ("u", "This question's answers are in its list: the "
                                         "arrow keys move, Space chooses."),
        }
        for kind, (key, words) in said.items():
            item = next(i for i in items if i.type == kind)
            before = session.plan.answers.get(item.id)
            await go_to(pilot, item.id)
            view = screen.query_one(f"#item-{item.id}", ItemView)
            view.focus_control(step_in=False)
            await wait_for(pilot, lambda view=view: app.focused is not None and (
                app.focused is view or app.focused in view.ancestors_with_self
                or view in app.focused.ancestors), what=f"{item.id}")
            app._notifications.clear()
            _burst(app, (key, key))
            await wait_for(pilot, lambda words=words: [
                str(n.message) for n in app._notifications] == [words], what=words)
            assert session.plan.answers.get(item.id) == before
