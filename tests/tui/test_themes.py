"""No theme makes any text unreadable (rev8-tui 7). Every theme Textual offers in the
command palette is tried on the app's main screens, and every cell of text drawn is
measured: its colour against the colour under it, as the WCAG contrast ratio. Below
``FLOOR`` (3:1, WCAG's least for large text and for a control's parts) counts as
unreadable; the words under each question (where the information came from, NOT KNOWN,
CONCERN, RED FLAG) must read as well as the theme's own body text.

The ANSI themes are left out: they leave the colours to the terminal's own palette,
which the app cannot know. Dim text is measured as Textual's own dim filter draws it
(half way to the background), the most a terminal dims it."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.color import Color
from textual.theme import BUILTIN_THEMES
from textual.widgets import DataTable

from checklist_tui.tui.screens.gaps_view import GapsScreen
from checklist_tui.tui.screens.help import HelpScreen
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.new_plan import NewPlanScreen
from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.records import RecordsScreen
from checklist_tui.tui.screens.review import ReviewScreen
from checklist_tui.tui.screens.timeline import TimelineScreen
from checklist_tui.tui.widgets.item_head import ItemHead
from tests.tui.helpers import make_app, open_from_plan, plan_ready, wait_for, wait_for_screen

FLOOR = 3.0
THEMES = sorted(name for name in BUILTIN_THEMES if not name.startswith("ansi"))


def _luminance(color: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = color
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """The WCAG contrast ratio of two colours, 1 (the same) to 21 (black on white)."""
    high, low = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(color, default: tuple[int, int, int]) -> tuple[int, int, int]:
    if color is None or color.is_default:
        return default
    true = color.get_truecolor()
    return true.red, true.green, true.blue


def drawn(app) -> list[tuple[float, int, str]]:
    """(contrast, row, text) of every run of words on the screen as drawn."""
    found = []
    for row, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            text, style = segment.text, segment.style
            if style is None or not any(ch.isalnum() for ch in text):
                continue
            found.append((_ratio(segment), row, text.strip()))
    return found


def _ratio(segment: Segment) -> float:
    style = segment.style
    assert style is not None
    fore, back = _rgb(style.color, (255, 255, 255)), _rgb(style.bgcolor, (0, 0, 0))
    if style.reverse:
        fore, back = back, fore
    if style.dim:
        fore = (fore[0] + back[0]) // 2, (fore[1] + back[1]) // 2, (fore[2] + back[2]) // 2
    return contrast(fore, back)


async def _themed(pilot, name: str) -> None:
    """The app in the theme ``name``, its styles worked out again and drawn."""
    app = pilot.app
    app.theme = name
    await wait_for(pilot, lambda: app.screen._css_update_count == app._css_update_count,
                   what=f"the theme {name} applied")
    await pilot.pause()
    await pilot.pause()


async def _every_theme(pilot) -> dict[str, str]:
    """Per theme, the text drawn below the floor (the worst few, said short)."""
    unreadable = {}
    for name in THEMES:
        await _themed(pilot, name)
        low: dict[str, float] = {}
        for ratio, row, text in sorted(drawn(pilot.app)):
            if ratio < FLOOR:
                low.setdefault(f"row {row} {text[:24]!r}", ratio)
        if low:
            unreadable[name] = "; ".join(f"{w} {r:.2f}" for w, r in list(low.items())[:4])
    return unreadable


def test_every_theme_in_the_palette_is_tried() -> None:
    """The list is Textual's own: a theme Textual adds is tried too (and there are some)."""
    assert len(THEMES) >= 10 and "textual-light" in THEMES and "textual-dark" in THEMES


def test_the_measure_can_fail() -> None:
    assert contrast((255, 255, 255), (250, 250, 250)) < FLOOR  # rev8-tui 7's white on white
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert _ratio(Segment("x", _style("#777777", "#808080"))) < FLOOR


def _style(fore: str, back: str):
    from rich.style import Style

    return Style(color=fore, bgcolor=back)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_plan_screen_is_readable_in_every_theme(plans, size) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert await _every_theme(pilot) == {}


async def test_the_read_only_plan_is_readable_in_every_theme(plans) -> None:
    """A manager's review opens the plan read-only: its answers are not greyed out of
    reach."""
    app = make_app(plans, "discharge-ready-for-sign-off.toml", read_only=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        assert await _every_theme(pilot) == {}


@pytest.mark.parametrize("key, kind", [("o", OutstandingScreen), ("p", RecordsScreen),
                                       ("f1", HelpScreen), ("t", TimelineScreen),
                                       ("G", GapsScreen)])
async def test_the_plan_s_screens_are_readable_in_every_theme(plans, key, kind) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, key, kind)
        assert await _every_theme(pilot) == {}


@pytest.mark.parametrize("key", ["d", "e"])
async def test_the_plan_s_dialogs_are_readable_in_every_theme(plans, key) -> None:
    """The details form (its first box's text selected) and the export dialog (a list of
    formats with its cursor)."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await pilot.press(key)
        await wait_for(pilot, lambda: app.screen.is_modal and app.screen.is_mounted
                       and app.focused is not None, what="the dialog")
        assert await _every_theme(pilot) == {}


async def test_new_plan_and_review_are_readable_in_every_theme(plans) -> None:
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("n")
        await wait_for_screen(pilot, NewPlanScreen)
        assert await _every_theme(pilot) == {}
        await pilot.press("escape")
        await wait_for_screen(pilot, HomeScreen)
        await pilot.press("r")
        await wait_for_screen(pilot, ReviewScreen)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 3)
        assert await _every_theme(pilot) == {}


async def test_home_is_readable_in_every_theme(plans) -> None:
    (plans / "broken.toml").write_text("case_ref = \"DEMO-BROKEN", encoding="utf-8")
    app = make_app(plans)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, HomeScreen)
        assert await _every_theme(pilot) == {}


@pytest.mark.parametrize("name", ["textual-light", "solarized-light", "catppuccin-latte"])
async def test_the_words_under_a_question_read_as_well_as_the_theme_s_text(
        plans, name) -> None:
    """rev8-tui 7: they were drawn white on the light themes (contrast 1.03 to 1.18),
    also in a plan opened in that theme, not only after a switch."""
    app = make_app(plans, "family-t-like-twins.toml")
    app.theme = name
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        heads = [h for h in app.screen.query(ItemHead) if h.state and h.region.height]
        assert heads
        system = app.current_theme.to_color_system().generate()
        body = Color.parse(system["foreground"]), Color.parse(system["background"])
        best = contrast(body[0].rgb, body[1].rgb)
        rows = {y for h in heads for y in range(h.region.y, h.region.bottom)}
        lines = [(ratio, text) for ratio, row, text in drawn(app)
                 if row in rows and text.startswith("Source")]
        assert lines, rows
        assert all(ratio >= min(4.5, best) * 0.95 for ratio, _text in lines), lines


async def test_a_drop_down_with_nothing_chosen_is_readable_in_every_theme(plans) -> None:
    """rev9-tui 4: "Choose one" in a new person's empty "Who they are" (and the challenge
    form's "Choose the item") was drawn at half the text colour: under 3:1 on 11 themes."""
    from checklist_tui.tui.screens.record_form import RecordForm
    from checklist_tui.tui.screens.records import RecordsScreen

    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_plan(pilot, "p", RecordsScreen)
        await pilot.press("plus")
        await wait_for(pilot, lambda: isinstance(app.screen, RecordForm)
                       and app.focused is not None, what="the form")
        assert "Choose one" in " ".join(text for _r, _n, text in drawn(app))
        assert await _every_theme(pilot) == {}
