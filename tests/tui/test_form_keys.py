"""Keys in forms and dialogs, typed as fast typists type them (one burst, reaching the app
before the key before them is handled): Enter moves to the next box and saves only from
the last one; keys typed after Enter land in the box Enter moved to; keys typed while a
dialog opens go into the dialog, never onto the screen behind it (look-a 4, 13, 15)."""

from __future__ import annotations

from textual.widgets import Button, Input, Select, SelectionList, TabbedContent, TextArea

from checklist_tui.core.detail_people import offered
from checklist_tui.core.plan import PersonKind
from checklist_tui.tui.screens.confirm_pause import ConfirmPauseScreen
from checklist_tui.tui.screens.detail_form import DetailForm
from checklist_tui.tui.screens.form import QUIT_TITLE
from checklist_tui.tui.screens.message import KEEP_EDITING, MessageScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.widgets.names_list import NamesList
from tests.conftest import NOW
from tests.tui.helpers import (
    make_app,
    open_from_plan,
    plan_ready,
    rendered,
    wait_for,
    wait_for_screen,
)
from tests.tui.test_new_plan import _burst


async def _records(pilot, page_key: str) -> RecordsScreen:
    app = pilot.app
    await open_from_plan(pilot, "p", RecordsScreen)
    screen = app.screen
    tabs = screen.query_one(TabbedContent)
    await pilot.press(page_key)
    page = {"p": "people", "g": "agencies", "a": "actions"}[page_key]
    await wait_for(pilot, lambda: tabs.active == page and app.focused is not None
                   and screen.query_one(f"#table-{page}").has_focus, what=page)
    return screen


async def test_enter_moves_through_add_agency_and_typed_keys_follow_it(plans) -> None:
    """look-a 4a: '+', then the agency, Enter, the practitioner, Enter, the role, Enter,
    the contact, Enter, in one burst: each goes into its own box, and the last Enter
    saves. It saved 'Health visitingPat' with role 'VisitorAn', and the rest of the
    text fell on the records screen (its 'a' switched the table to Actions)."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _records(pilot, "g")
        agencies = screen.session.plan.agencies
        before = len(agencies)
        _burst(pilot, ["+", *"Health visiting", "enter", *"Pat Visitor", "enter",
                       *"Antenatal contact and new birth visit", "enter", *"01632 960123",
                       "enter"])
        await wait_for(pilot, lambda: len(screen.session.plan.agencies) == before + 1
                       and app.screen is screen, what="the agency saved")
        added = screen.session.plan.agencies[-1]
        assert (added.agency, added.practitioner, added.role, added.contact) == (
            "Health visiting", "Pat Visitor", "Antenatal contact and new birth visit",
            "01632 960123")
        assert screen.query_one(TabbedContent).active == "agencies"


async def test_enter_never_saves_half_a_record(plans) -> None:
    """Enter in the first box went straight to saving (and, refused, to Role, past the
    named practitioner); a second Enter saved the agency with no practitioner or
    contact. Now Enter goes box by box, and only the last box's Enter saves."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _records(pilot, "g")
        before = len(screen.session.plan.agencies)
        _burst(pilot, ["+", *"Police", "enter", "enter"])
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.focused is not None and app.focused.id == "f-role",
                       what="Enter, Enter: on the role")
        form = app.screen
        assert form.query_one("#f-agency", Input).value == "Police"
        assert form.query_one("#f-practitioner", Input).value == ""
        _burst(pilot, ["enter", "enter"])  # role left empty, contact left empty: save
        await wait_for(pilot, lambda: app.focused is not None
                       and app.focused.id == "f-role"
                       and "needed" in rendered(form.query_one("#form-error")),
                       what="refused, back on the role")
        assert app.screen is form and len(screen.session.plan.agencies) == before


async def test_enter_moves_through_add_action_and_saves_from_the_last_box(plans) -> None:
    """Every record form: Enter moves on in one-line boxes and in choices alike."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _records(pilot, "a")
        before = len(screen.session.plan.actions)
        _burst(pilot, ["+", *"Request police checks", "enter", *"Sam Carter", "enter",
                       *"Children's services", "enter", *"04/12/2026", "enter", "enter",
                       *"The baby is safe at home", "enter"])
        await wait_for(pilot, lambda: len(screen.session.plan.actions) == before + 1
                       and app.screen is screen, what="the action saved")
        added = screen.session.plan.actions[-1]
        assert (added.what, added.owner, added.agency, added.outcome) == (
            "Request police checks", "Sam Carter", "Children's services",
            "The baby is safe at home")
        assert added.due.isoformat() == "2026-12-04"
        assert screen.query_one(TabbedContent).active == "actions"


async def test_add_person_burst_keeps_every_box(plans) -> None:
    """People: the choice first (chosen, as it starts empty: Enter keeps it and moves on),
    then name, relationship, role, two choices, and a long box: an empty long box's Enter
    moves on (it put a blank first line in 'What has been assessed')."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _records(pilot, "p")
        before = len(screen.session.plan.people)
        await pilot.press("+")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.focused is app.screen.query_one("#f-kind"), what="the form")
        app.screen.query_one("#f-kind", Select).value = PersonKind.FAMILY_NETWORK
        _burst(pilot, ["enter", *"Drew Uncle", "enter", *"Maternal uncle", "enter",
                       *"Babysits", "enter", "enter", "enter", "enter",
                       *"Checks requested", "tab", "tab", "tab"])
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.focused is not None and app.focused.id == "save",
                       what="on Save")
        form = app.screen
        assert form.query_one("#f-name", Input).value == "Drew Uncle"
        assert form.query_one("#f-relationship", Input).value == "Maternal uncle"
        assert form.query_one("#f-role", Input).value == "Babysits"
        assert form.query_one("#f-involvement", TextArea).text == ""
        assert form.query_one("#f-assessment", TextArea).text == "Checks requested"
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(screen.session.plan.people) == before + 1)
        assert screen.session.plan.people[-1].name == "Drew Uncle"
        assert screen.session.plan.people[-1].kind is PersonKind.FAMILY_NETWORK


async def test_enter_in_the_list_of_names_saves_and_keeps_the_tick(plans) -> None:
    """look-a 13: Space ticks a name, Enter means done: it unticked the name instead, and
    the dialog stayed open."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        session = app.screen.session
        item = session.checklist.checklist.item_map()["PBA-F01"]
        results: list = []
        app.push_screen(DetailForm(item, {}, list(session.plan.people)), results.append)
        _burst(pilot, ["space", "enter"])
        await wait_for(pilot, lambda: bool(results), what="saved by Enter")
        people = results[0][item.details[0].key]
        first = offered(item.details[0], session.plan.people)[0]  # the father (look-c 2)
        assert people == [first.id]


async def test_keys_typed_as_a_dialog_opens_go_into_it(plans) -> None:
    """look-a 4c: the first letters typed while a dialog opened were lost."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "g")
        _burst(pilot, ["+", *"Sam"])
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.screen.query_one("#f-agency", Input).value == "Sam",
                       what="'Sam' in the first box")


async def test_ctrl_a_in_a_long_box_selects_all(plans) -> None:
    """look-a 15: Ctrl+A went to the start of the line, and new text went in front of
    the old."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _records(pilot, "p")
        _burst(pilot, ["+"])
        await wait_for_screen(pilot, RecordForm)
        form = app.screen
        box = form.query_one("#f-notes", TextArea)
        box.text = "Old words"
        form.set_focus(box)
        await wait_for(pilot, lambda: app.focused is box)
        _burst(pilot, ["ctrl+a", *"New"])
        await wait_for(pilot, lambda: "New" in box.text)
        assert box.text == "New"
        assert screen is not None


async def test_the_form_says_what_enter_does_in_a_long_box(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "p")
        _burst(pilot, ["+"])
        await wait_for_screen(pilot, RecordForm)
        form = app.screen
        box = form.query_one("#f-involvement", TextArea)
        box.text = "Seen alone"
        form.set_focus(box)
        await wait_for(pilot, lambda: "new line" in rendered(form.query_one("#form-keys")))
        form.set_focus(form.query_one("#f-name", Input))
        await wait_for(pilot, lambda: "next box" in rendered(form.query_one("#form-keys")))


async def test_no_tab_stop_in_a_form_is_invisible(plans) -> None:
    """Every Tab stop of a form is a box or a button (a scrolling frame was a stop
    where nothing showed)."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "g")
        _burst(pilot, ["+"])
        await wait_for_screen(pilot, RecordForm)
        form = app.screen
        chain = form.focus_chain
        kinds = {type(w).__name__ for w in chain}
        assert kinds <= {"Input", "LineBox", "Button", "Select", "TextArea", "SelectionList",
                         "MarkedSelectionList", "Checkbox", "MarkedCheckbox"}, kinds
        assert isinstance(chain[0], Input)  # the first box first
        assert not isinstance(app.focused, SelectionList)


async def test_ctrl_q_with_a_half_filled_form_asks_first(plans) -> None:
    """look-a 7: Ctrl+Q in a half-filled Add person quit at once and the person was
    gone, though Escape asks. Now it asks; Keep editing goes back with the typing kept;
    quitting without saving it then quits."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "p")
        _burst(pilot, ["+", "tab", *"Drew Uncle", "ctrl+q"])
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.is_mounted and app.focused is not None, what="asked")
        question = app.screen
        assert question.title_text == QUIT_TITLE
        assert str(question.query_one("#no", Button).label) == KEEP_EDITING
        assert app.focused is question.query_one("#no")
        _burst(pilot, ["enter"])  # the default: keep editing
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm))
        assert app.screen.query_one("#f-name", Input).value == "Drew Uncle"
        assert app.return_code is None
        _burst(pilot, ["ctrl+q"])  # (keys typed before a question is shown are not its
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)  # answer)
                       and app.screen.is_mounted and app.focused is not None)
        _burst(pilot, ["tab", "enter"])  # Quit without saving
        await wait_for(pilot, lambda: app.return_code == 0, what="quit")


async def test_ctrl_q_with_nothing_typed_quits_at_once(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "p")
        _burst(pilot, ["+", "ctrl+q"])
        await wait_for(pilot, lambda: app.return_code == 0, what="quit")


async def test_small_dialogs_have_two_tab_stops_both_marked(plans) -> None:
    """look-a 14: 'Discard this agency?' had a third Tab stop where nothing was marked,
    and its 'Cancel' meant 'keep what I typed'."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "g")
        _burst(pilot, ["+", *"Police", "escape"])
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.is_mounted and app.focused is not None,
                       what="the discard question")
        dialog = app.screen
        assert dialog.title_text == "Discard the new agency?"
        assert [str(b.label) for b in dialog.query(Button)] == ["Discard", KEEP_EDITING]
        assert app.focused is dialog.query_one("#no")
        seen = []
        for _ in range(4):
            before = app.focused
            _burst(pilot, ["tab"])
            await wait_for(pilot, lambda b=before: app.focused is not b, what="Tab moved")
            seen.append(app.focused.id)
        assert seen == ["yes", "no", "yes", "no"]


async def test_the_pause_point_form_opens_on_the_name_every_time(plans) -> None:
    """look-a 2: the second time (name and role remembered) it opened on the list of
    names: the Space in a typed 'Morgan Ward' ticked the mother as present, and the
    role went into 'Others present'. It opens on the name, selected: typing replaces
    it; letters typed into the list tick nobody; the highlighted name shows '>'."""
    app = make_app(plans, "discharge-ready-for-sign-off.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen.session.plan
        results: list = []
        app.push_screen(ConfirmPauseScreen("Confirm before discharge", NOW, plan.people,
                                           plan.agencies, "Morgan Ward", "Ward midwife"),
                        results.append)
        _burst(pilot, [*"Morgan Ward", "tab", *"Ward midwife", "tab", *"Morgan Ward"])
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmPauseScreen)
                       and "ticks nobody" in rendered(app.screen.query_one("#form-keys")),
                       what="the list says letters tick nobody")
        form = app.screen
        present = form.query_one("#present", NamesList)
        assert form.query_one("#name", Input).value == "Morgan Ward"
        assert form.query_one("#role", Input).value == "Ward midwife"
        assert form.query_one("#others", Input).value == ""
        assert present.selected == []
        assert app.focused is present
        shown = [present.render_line(y).text for y in range(2)]
        assert shown[0].startswith("> ") and shown[1].startswith("  "), shown
        _burst(pilot, ["down", "space", "enter", "enter"])  # tick, to Others, confirm
        await wait_for(pilot, lambda: bool(results), what="confirmed")
        assert results[0].present == [present.get_option_at_index(1).value]


def test_the_reason_question_says_the_state_and_what_cancel_does() -> None:
    """look-a 15: "Change a finished plan? Cancel changes nothing" read oddly."""
    from checklist_tui.tui.screens.reason import ReasonScreen

    assert ReasonScreen("x", False, state="Completed").title == (
        "This plan is completed: why change it?")
    assert ReasonScreen.CANCEL_WORDS == "Don't change it"
