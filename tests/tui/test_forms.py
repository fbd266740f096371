"""Pilot tests of the dialogs and forms: dropdowns, focus, multi-line text, asking first."""

from __future__ import annotations

import re

import pytest
from textual import events
from textual.widgets import Button, Input, Select, TextArea
from textual.widgets._select import SelectOverlay

from checklist_tui.core.plan import PersonKind
from checklist_tui.tui.screens.export import ExportScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.screens.privacy import PrivacyScreen
from checklist_tui.tui.screens.record_form import RecordForm
from checklist_tui.tui.screens.records import RecordsScreen
from tests.tui.helpers import (
    go_to,
    make_app,
    open_from_plan,
    plan_ready,
    rendered,
    wait_for,
    wait_for_screen,
)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_dropdown_shows_every_option(plans, size) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.push_screen(RecordForm("people"))
        await wait_for_screen(pilot, RecordForm)
        select = app.screen.query_one("#f-kind", Select)
        select.focus()
        await pilot.press("space")  # (Enter moves to the next box)
        overlay = app.screen.query_one(SelectOverlay)
        await wait_for(pilot, lambda: select.expanded and overlay.region.height > 0)
        assert overlay.region.height >= min(len(PersonKind), 6), overlay.region


async def _person_form(pilot, app) -> RecordForm:
    await open_from_plan(pilot, "p", RecordsScreen)
    await pilot.press("plus")
    await wait_for_screen(pilot, RecordForm)
    return app.screen


async def test_escape_on_a_half_filled_record_asks_first(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(pilot, app)
        people = list(app.screen_stack[-2].session.plan.people)
        await pilot.press("escape")  # nothing typed: leaves at once
        await wait_for_screen(pilot, RecordsScreen)
        await pilot.press("plus")
        await wait_for_screen(pilot, RecordForm)
        form = app.screen
        form.query_one("#f-name", Input).focus()
        await pilot.press(*"AB")
        await wait_for(pilot, lambda: form.query_one("#f-name", Input).value == "AB")
        await pilot.press("escape")
        await wait_for_screen(pilot, MessageScreen)
        assert "Discard the new person?" in rendered(app.screen.query_one(".title"))
        await pilot.press("enter")  # the safe choice is focused: keep typing
        await wait_for(pilot, lambda: app.screen is form)
        assert form.query_one("#f-name", Input).value == "AB"
        await pilot.press("escape")
        await wait_for_screen(pilot, MessageScreen)
        app.screen.query_one("#yes", Button).press()
        await wait_for_screen(pilot, RecordsScreen)
        assert app.screen.session.plan.people == people


PASTED = "Dear colleague,\r\n\r\nFirst line.\nSecond \x1b[31mline\x1b[0m.\n\tThird line\x07."


async def test_involvement_keeps_paragraphs_in_order_without_escape_bytes(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(pilot, app)
        records = app.screen_stack[-2]
        form.query_one("#f-kind", Select).value = PersonKind.MALE_CARER
        form.query_one("#f-name", Input).value = "Test Partner"
        area = form.query_one("#f-involvement", TextArea)
        area.focus()
        await wait_for(pilot, lambda: app.focused is area)
        app._driver.send_message(events.Paste(PASTED))  # as a terminal paste arrives
        await wait_for(pilot, lambda: "Third" in area.text)
        form.query_one("#save", Button).press()
        added = lambda: next(p for p in records.session.plan.people  # noqa: E731
                             if p.name == "Test Partner")
        await wait_for(pilot, lambda: app.screen is records and added())
        assert added().involvement == (
            "Dear colleague,\n\nFirst line.\nSecond line.\n\tThird line.")


async def test_export_takes_enter_and_offers_to_create_a_missing_folder(plans, tmp_path) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    target = tmp_path / "new" / "exports"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "e", ExportScreen)
        export = app.screen
        export.query_one("#folder", Input).value = str(target)
        await pilot.press("enter")  # the Export button has the focus
        await wait_for_screen(pilot, MessageScreen)
        assert "Create the folder?" in rendered(app.screen.query_one(".title"))
        app.screen.query_one("#yes", Button).press()
        await wait_for(pilot, lambda: "Written:" in rendered(export.query_one("#export-result")))
        assert len(list(target.glob("*summary*"))) == 2
        export.query_one("#folder", Input).focus()
        await pilot.press("enter")  # Enter in the folder box exports too
        await wait_for_screen(pilot, MessageScreen)
        assert "Replace" in rendered(app.screen.query_one(".title"))


async def test_f12_hides_everything_and_enter_shows_it_again(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        plan = app.screen
        await pilot.press("f12")
        await wait_for_screen(pilot, PrivacyScreen)
        shown = app.export_screenshot()
        assert "DEMO-0002" not in shown and "Hidden" in shown
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is plan)


async def test_help_names_sources_not_codes(plans) -> None:
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await go_to(pilot, "PBA-S01")
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen.query_one("#item-help"))
        text = rendered(app.screen.query_one("#item-help"))
        assert "Family T recommendation:" in text
        assert not re.search(r"\bR\d+[a-z]?\b|PBA-", text), text


async def test_counts_read_as_words(plans) -> None:
    (plans / "early-pre-birth.toml").rename(plans.parent / "kept.toml")
    (plans / "discharge-ready-for-sign-off.toml").unlink()
    app = make_app(plans)
    async with app.run_test(size=(100, 30)) as pilot:
        status = app.screen.query_one("#plans-status")
        await wait_for(pilot, lambda: "plan" in rendered(status) and "Loading" not in
                       rendered(status))
        assert rendered(status).startswith("1 plan in ")
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("o")
        await wait_for(pilot, lambda: app.screen.query_one("#out-title"))
        title = rendered(app.screen.query_one("#out-title"))
        assert re.search(r"Outstanding: \d+ things?\.", title) and "(s)" not in title


async def test_a_person_saved_without_household_or_man_records_neither_as_no(plans) -> None:
    """look-sw 11: nobody said whether Casey lives in the household or is a man, so the plan
    holds neither as "no"; the People table says "Not recorded"; the form does not star a
    field it saves without."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(pilot, app)
        records = app.screen_stack[-2]
        labels = [str(label.render()) for label in form.query(".field-label")]
        assert not [t for t in labels if t.endswith(" *") and ("man" in t or "house" in t)]
        form.query_one("#f-kind", Select).value = PersonKind.VISITING_ADULT
        form.query_one("#f-name", Input).value = "Casey Partner"
        form.query_one("#save", Button).press()
        added = lambda: next((p for p in records.session.plan.people  # noqa: E731
                              if p.name == "Casey Partner"), None)
        await wait_for(pilot, lambda: app.screen is records and added() is not None)
        casey = added()
        assert casey.in_household is None and casey.man is None and casey.man_unrecorded
        assert casey.household_words == "Not recorded"


async def test_create_the_folder_is_enters_and_cancel_says_nothing_was_exported(
        plans, tmp_path) -> None:
    """look-d 28: "Create the folder? ... Create it and export there?" had the focus on
    Cancel: Enter closed it and the Export dialog looked as before, nothing said, though
    nothing was written; and Left did not move between the buttons. Create (which destroys
    nothing and is what was asked for) is Enter's; Right goes to Cancel, and Cancel is
    said in the result line."""
    from textual._time import get_time

    app = make_app(plans, "family-t-like-twins.toml")
    target = tmp_path / "new" / "exports"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "e", ExportScreen)
        export = app.screen
        export.query_one("#folder", Input).value = str(target)

        async def asked() -> MessageScreen:
            await pilot.press("enter")  # the Export button has the focus
            await wait_for_screen(pilot, MessageScreen)
            dialog = app.screen
            await wait_for(pilot, lambda: get_time() >= dialog._takes_keys_from,
                           what="the dialog readable")
            return dialog

        dialog = await asked()
        assert app.focused is dialog.query_one("#yes", Button)  # Create
        await pilot.press("right")
        await wait_for(pilot, lambda: app.focused is dialog.query_one("#no", Button))
        await pilot.press("enter")
        result = export.query_one("#export-result")
        await wait_for(pilot, lambda: app.screen is export and "Not exported: the folder"
                       in rendered(result), what="Cancel said")
        assert "was not created" in " ".join(rendered(result).split())
        assert not target.exists()
        export.set_focus(export.query_one("#go", Button))
        await asked()
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Written:" in rendered(result), what="exported")
        assert target.is_dir()


async def test_f12_acts_at_once_even_behind_keys_still_being_handled(plans) -> None:
    """rev7-tui 1: F12 typed behind keys a slow section switch held waited behind them and
    was then dropped: the plan stayed on screen. It never waits now, and the keys waiting
    when the screen is hidden are let go (an Enter among them would show it again)."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        typed = app._typed_ahead
        typed.in_flight = events.Key("right_square_bracket", "]")  # one still being handled
        typed.waiting.append(events.Key("enter", "\r"))  # and one waiting behind it
        await typed.arrived(events.Key("f12", None))
        assert not typed.waiting  # neither queued nor left to show the plan again
        await wait_for_screen(pilot, PrivacyScreen)
        typed.in_flight = None


async def test_who_they_are_starts_empty_and_must_be_chosen(plans) -> None:
    """A new person's "Who they are" starts empty, never at "Mother": tabbed past, the
    person was recorded as the baby's mother (s9tui in tmux). Saved empty, it is refused
    and nothing is added; chosen, the person is saved as chosen."""
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(pilot, app)
        people = list(app.screen_stack[-2].session.plan.people)
        kind = form.query_one("#f-kind", Select)
        assert kind.is_blank()
        form.query_one("#f-name", Input).value = "Example Visitor"
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: "'Who they are' is needed: choose one." in rendered(
            form.query_one("#form-error")), what="the refusal")
        assert app.screen is form and app.focused is kind
        records = app.screen_stack[-2]
        assert records.session.plan.people == people
        kind.value = PersonKind.VISITING_ADULT
        form.query_one("#save", Button).press()
        await wait_for(pilot, lambda: len(records.session.plan.people) == len(people) + 1,
                       what="the person saved")
        added = records.session.plan.people[-1]
        assert added.kind is PersonKind.VISITING_ADULT and added.name == "Example Visitor"
