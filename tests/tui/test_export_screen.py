"""The export screen: files written, and asked before replacing."""


from __future__ import annotations

from tests.tui.helpers import (
    make_app,
    plan_ready,
    rendered,
    wait_for,
)


async def test_export_writes_files_and_asks_before_replacing(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#go"))
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Written:" in rendered(app.screen.query_one(
            "#export-result")))
        written = sorted(p.name for p in plans.glob("*summary*"))
        assert written == [  # the plan file's name keeps same-case plans apart
            "demo-0002-twins-pre-birth-assessment-family-t-like-twins-summary.html",
            "demo-0002-twins-pre-birth-assessment-family-t-like-twins-summary.md"]
        assert "Written:" in str(app.screen.query_one("#export-result").render())
        app.screen.query_one("#go").press()
        await wait_for(pilot, lambda: "Replace" in rendered(app.screen.query_one(".title")))


async def test_after_exporting_every_format_the_buttons_stay_in_the_dialog(plans) -> None:
    """look-sw 15: at 80x24 the list of files written pushed Export and Close out of the
    dialog, and a toast covered what was left. The dialog names the folder once and each
    file by its name, and its buttons stay in view."""
    from textual.widgets import SelectionList

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#go"))
        dialog = app.screen
        dialog.query_one(SelectionList).select_all()
        dialog.query_one("#go").press()
        result = dialog.query_one("#export-result")
        await wait_for(pilot, lambda: "Written:" in rendered(result))
        await pilot.pause()
        frame = dialog.query_one(".dialog").region
        for button in ("#go", "#close"):
            region = dialog.query_one(button).region
            assert region.height and frame.contains_region(region), (button, region, frame)
            assert app.screen.region.contains_region(region)
        assert rendered(result).startswith(f"Written: 5 files in {plans}\n")
        assert "demo-0002-twins-pre-birth-assessment-family-t-like-twins-summary.docx" \
            in rendered(result).splitlines()
        assert not app._notifications  # nothing drawn over the dialog


async def test_ctrl_a_in_the_folder_box_selects_all(plans) -> None:
    """look-c 16: Ctrl+A in the Folder box went to the start of the line (it selects all
    in every form), so a folder typed after it was put in front of the old one."""
    from textual.widgets import Input

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press("e")
        await wait_for(pilot, lambda: app.screen.query_one("#folder", Input))
        folder = app.screen.query_one("#folder", Input)
        app.screen.set_focus(folder)
        await wait_for(pilot, lambda: app.focused is folder)
        await pilot.press("ctrl+a", *"/tmp/new")
        await wait_for(pilot, lambda: folder.value.endswith("new"), what="typed")
        assert folder.value == "/tmp/new"
