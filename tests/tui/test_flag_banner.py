"""look-a 12: at 80x24 a section with a red flag used the banner's lines (a flag, what to
do, the other sections' count) and left room for about one question. In a short window
the banner is one line, in words (RED FLAG, acknowledged, F1), with its full text in Help
and in place while it has the focus; a tall window shows it in full, as before."""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet

from checklist_tui.tui.screens.help import HelpScreen
from checklist_tui.tui.widgets.flag_banner import FlagBanner
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen

OTHERS = "6 more red flags in other sections: press o"


async def _agencies(pilot) -> FlagBanner:
    """The twins' plan at its agencies section (an acknowledged red flag there)."""
    app = pilot.app
    await wait_for(pilot, lambda: plan_ready(app))
    app.screen.jump("agencies", "PBA-A01")
    await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "agencies"
                   and app.focused is not None and app.focused.id == "answer-PBA-A01",
                   what="the agencies section")
    banner = app.screen.query_one(FlagBanner)
    await wait_for(pilot, lambda: banner.region.height > 0, what="the banner laid out")
    return banner


async def test_a_short_window_shows_the_banner_as_one_line_in_words(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        banner = await _agencies(pilot)
        line = rendered(banner)
        assert banner.region.height == 1 and "\n" not in line
        assert line.startswith("! RED FLAG: An agency has not shared what it knows.")
        assert "(acknowledged)" in line and line.endswith("(F1: all)")
        # The room goes to the questions: 24 rows less the header (4), the section title,
        # the banner and the footer (it had 16 with the banner's two lines here, and 12 or
        # fewer with a flag's "What to do" line and another flag).
        assert app.screen.shown.region.height == 17

        await pilot.press("f1")  # Help gives the banner in full
        await wait_for_screen(pilot, HelpScreen)
        said = "\n".join(rendered(s) for s in app.screen.query("Static"))
        assert "This section's banner in full:" in said and OTHERS in said
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, HelpScreen))

        await pilot.click(FlagBanner)  # focused, it shows everything in place
        await wait_for(pilot, lambda: app.focused is banner and OTHERS in rendered(banner),
                       what="the full banner while focused")
        assert banner.region.height == 2
        await pilot.press("tab")  # on to the questions: one line again
        await wait_for(pilot, lambda: app.focused is not banner
                       and banner.region.height == 1, what="the banner compact again")


async def test_a_tall_window_shows_the_banner_in_full_and_does_not_stop_tab(plans) -> None:
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        banner = await _agencies(pilot)
        assert rendered(banner).splitlines() == [
            "! RED FLAG: An agency has not shared what it knows. (acknowledged)", OTHERS]
        assert not banner.can_focus  # nothing hidden: no Tab stop


async def test_showing_the_banner_styles_it_once(plans, monkeypatch) -> None:
    """Shown, the banner takes its classes (shown, compact in a short window) and is styled
    again once for all of them: each class set on its own styled it again (twice before a
    plan's first paint, #12.2). The styles it ends with are those a full pass gives."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        banner = await _agencies(pilot)
        fired = [f for f in app.screen.session.evaluate().fired if f.section_id == "agencies"]
        assert fired
        banner.show([], 0)  # hidden, and without any of the classes showing sets
        banner.remove_class("compact", "pause-only")
        styled: list[object] = []
        original = Stylesheet.apply

        def counting(self, node, *args, **kwargs):
            styled.append(node)
            return original(self, node, *args, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counting)
        banner.show(fired, 7)
        assert banner.has_class("shown") and banner.has_class("compact")
        assert styled.count(banner) == 1
        before = banner.styles.base.css_lines
        app.stylesheet.update_nodes([banner], animate=False)
        assert banner.styles.base.css_lines == before
