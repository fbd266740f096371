"""The opening screen (the first frame of ``open PLAN``) is styled once, as it is mounted
(#12.2): Textual's first ScreenResume would style it all again, changing nothing; its
frame has the styles a full restyle gives."""

from __future__ import annotations

import threading
from typing import Any

from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.opening import OpeningScreen
from tests.tui.helpers import make_app, plan_ready, wait_for, wait_for_screen

PLAN = "family-t-like-twins.toml"


async def test_the_opening_screen_is_styled_once_with_the_styles_a_restyle_gives(
        plans, monkeypatch) -> None:
    from checklist_tui.core.session import PlanSession

    restyled: list[Any] = []
    update = ChecklistApp.update_styles

    def counting(self: ChecklistApp, node: Any, animate: bool = True) -> None:
        restyled.append(node)
        update(self, node, animate=animate)

    monkeypatch.setattr(ChecklistApp, "update_styles", counting)
    entered, gate = threading.Event(), threading.Event()
    original = PlanSession.open.__func__  # type: ignore[attr-defined]

    def slow(cls, *args, **kwargs):  # the opening screen stays while the test looks at it
        entered.set()
        gate.wait(120)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(PlanSession, "open", classmethod(slow))
    app = make_app(plans, PLAN)
    async with app.run_test(size=(80, 24)) as pilot:
        try:
            await wait_for_screen(pilot, OpeningScreen)
            await wait_for(pilot, entered.is_set, what="the plan to start opening")
            screen = app.screen
            assert screen.stack_updates == 1  # shown, once
            assert not [node for node in restyled if node is screen]
            nodes = list(screen.walk_children(with_self=True))
            before = [node._css_styles.css for node in nodes]
            app.stylesheet.update_nodes(nodes, animate=False)
            assert [node._css_styles.css for node in nodes] == before
        finally:
            gate.set()
        await wait_for(pilot, lambda: plan_ready(app))
