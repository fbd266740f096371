"""The message dialog: a key typed before it could be read chooses nothing and is said
("Not taken: Escape, typed as this appeared"); it was dropped without a word, so
a key that seemed to do nothing went unexplained."""

from __future__ import annotations

from textual.widgets import Static

from checklist_tui.tui.screens.message import MessageScreen
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for

EARLY = "early-pre-birth.toml"


async def test_a_key_typed_before_the_dialog_could_be_read_is_said_not_taken(
        plans, monkeypatch) -> None:
    # Every key counts as typed before it could be read (not a race with the clock).
    monkeypatch.setattr(MessageScreen, "READ_FIRST", 3600.0)
    app = make_app(plans, EARLY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, MessageScreen)
                       and app.screen.is_mounted, what="the dialog")
        dialog = app.screen
        said = dialog.query_one("#message-not-taken", Static)
        assert not said.display  # nothing said before a key is typed
        await pilot.press("escape")
        await wait_for(pilot, lambda: "Escape" in rendered(said) and said.display,
                       what="the key said not taken")
        assert rendered(said) == ("Not taken: Escape, typed as this appeared. "
                                  "Read it, then choose.")
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Escape and Enter" in rendered(said))
        assert app.screen is dialog  # neither chose for them
        monkeypatch.setattr(dialog, "_takes_keys_from", 0.0)  # now read
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, MessageScreen),
                       what="the dialog closed by a key typed once it was read")
