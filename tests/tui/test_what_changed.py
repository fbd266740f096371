"""Opening a plan made with an earlier checklist version: the notice names the key, the key
shows what changed, and the dialog moves the plan to the current version."""

from __future__ import annotations

from textual.widgets import Button, Static

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_archived, load_catalogue
from checklist_tui.core.versions import VERSION
from checklist_tui.tui.screens.message import MessageScreen
from tests.core.helpers import answer, new_plan
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen


def _old_plan(folder, read_only_state=False):
    cat = load_catalogue(include_user=False)
    old = load_archived("pre-birth-assessment", "1.0.0", cat.sources)
    plan = answer(new_plan(old), old, **{"PBA-S07": "no", "PBA-F05": "no"})
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "old.toml"
    path.write_text(store.to_toml(plan), encoding="utf-8")
    return path, cat.get("pre-birth-assessment").checklist.version


def _dialog_text(app) -> str:
    return "\n".join(rendered(w) for w in app.screen.query(Static))


async def test_v_shows_what_changed_and_the_dialog_moves_the_plan(tmp_path) -> None:
    path, current = _old_plan(tmp_path / "plans")
    app = make_app(tmp_path / "plans", "old.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        notices = [n.message for n in app._notifications]
        assert any("made with version 1.0.0" in m and "Press v to see what changed" in m
                   for m in notices), notices
        plan_screen = app.screen
        await pilot.press("v")
        await wait_for_screen(pilot, MessageScreen)
        assert not app._notifications  # the notice no longer covers the buttons
        text = _dialog_text(app)
        assert app.focused is app.screen.query_one("#no", Button)  # the safe one, and
        assert f"Cancel is selected: Enter closes this and changes nothing. Tab goes to " \
            f"Move to version {current}." in " ".join(text.split())  # said in words
        assert "PBA-S07 ('No') is replaced by PBA-S07A, PBA-S07B" in text
        assert "PBA-F05 is not in version" in text
        assert f"Move to version {current} carries 2 answers" in text
        assert app.screen.query_one("#yes", Button).label.plain == f"Move to version {current}"
        await pilot.click("#yes")
        await wait_for(pilot, lambda: app.screen is plan_screen)
        session = plan_screen.session
        await wait_for(pilot, lambda: session.plan.checklist_version == current)
        assert session.plan.answers["PBA-S07A"].value == "one"
        assert session.plan.answers["PBA-F05"].value == "no"  # kept
        await wait_for(pilot, lambda: f'checklist_version = "{current}"' in
                       path.read_text(encoding="utf-8"), what="the move saved")
        await pilot.press("v")  # now current: says so, no dialog
        await pilot.pause()
        assert app.screen is plan_screen
        await pilot.press("ctrl+q")
    saved = store.load(path).plan
    assert saved.history[-1].what == VERSION and not store.load(path).edited_outside


async def test_a_read_only_plan_shows_what_changed_without_moving_it(tmp_path) -> None:
    path, _current = _old_plan(tmp_path / "plans")
    before = path.read_bytes()
    app = make_app(tmp_path / "plans", "old.toml", read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("v")
        await wait_for_screen(pilot, MessageScreen)
        assert "PBA-S07 ('No') is replaced by" in _dialog_text(app)
        assert not app.screen.query("#yes")  # nothing offered that would change it
        await pilot.press("escape")
        await pilot.press("ctrl+q")
    assert path.read_bytes() == before
