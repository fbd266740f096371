"""Keys typed straight after the key that opens a dialog land in the dialog's first box
(look-c 16: `l` then "Sam Carter" typed together saved "am Carter" as who will find out:
the dialog is opened by a message the item posts, and the S was handled before it)."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input

from checklist_tui.tui.screens.follow_up import FollowUpScreen
from tests.tui.helpers import go_to, make_app, wait_for

EARLY = "early-pre-birth.toml"


def _burst(app, text: str) -> None:
    for char in text:
        app.post_message(events.Key(_character_to_key(char), char))


async def test_a_name_typed_with_not_yet_lands_whole_in_who_will_find_out(plans) -> None:
    app = make_app(plans, EARLY)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "PBA-A01")
        _burst(app, "lSam Carter")
        await wait_for(pilot, lambda: isinstance(app.screen, FollowUpScreen)
                       and app.screen.is_mounted, what="who will find out")
        owner = app.screen.query_one("#owner", Input)
        await wait_for(pilot, lambda: owner.value.endswith("Carter"), what="the name typed")
        assert owner.value == "Sam Carter"


async def test_a_choice_made_with_enter_and_left_with_enter_stays_made(plans) -> None:
    """look-c 11: on "Is this person a man?", Space Down Enter Enter in one burst, then
    the next box's text: the list opened again at the second Enter and the letters moved
    the choice (Yes became "Not recorded yet"), and the text was lost."""
    from textual.widgets import Select

    from checklist_tui.tui.screens.record_form import RecordForm
    from tests.tui.test_form_keys import _records
    from tests.tui.test_new_plan import _burst as burst

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await _records(pilot, "p")
        burst(pilot, ["+", "enter", *"Drew Uncle", "enter", *"Maternal uncle", "enter",
                      *"Babysits", "enter", "space", "down", "enter", "enter",
                      *"Unknown"])
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.screen.query_one("#f-role", Input).value == "Babysits",
                       what="the form filled")
        form = app.screen
        typed = app._typed_ahead
        await wait_for(pilot, lambda: not typed.waiting and typed.in_flight is None
                       and app.focused is not None and app.focused.id != "f-role",
                       what="every key handled")
        for _ in range(10):
            await pilot.pause()
        man = form.query_one("#f-man", Select)
        assert (man.value, man.expanded) == ("yes", False)
        household = form.query_one("#f-in_household", Select)
        assert household.value == "unrecorded" and not household.expanded
        assert app.focused is household  # Enter after the choice moved on
