"""Switching sections on a slow machine: only the current section is ever drawn, its title
changes with its content, and leaving or quitting while a section is still being built
is quiet (#12 bugs 1 and 6, the title lag).

A slow machine is imitated with a gate: item widgets of the chosen items wait at their
mount until the test opens the gate (the widget mounting is slowed; the test never sleeps).
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Callable
from contextlib import asynccontextmanager

import pytest

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.home import HomeScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.item_view import ItemView
from tests.tui.helpers import WAIT_SECONDS, _holds, plan_ready, rendered, wait_for

LETTERS = "abcdefgh"


def sections_app(tmp_path, sizes: list[int], extra: dict[str, str] | None = None,
                 types: dict[str, str] | None = None) -> ChecklistApp:
    """A plan on a generated checklist: section n is titled "Part n" and its items are
    yes/no questions with ids like ``c007`` (the section's letter, then the number);
    ``extra`` adds TOML lines to the items it names, ``types`` gives some another type."""
    text = ('id = "parts"\ntitle = "Parts"\nversion = "1.0.0"\naudience = "a"\n'
            'description = "d"\nowner = "o"\nreview_date = 2027-01-01\n')
    for n, size in enumerate(sizes):
        letter = LETTERS[n]
        text += f'\n[[sections]]\nid = "{letter}"\ntitle = "Part {n + 1}"\n'
        for i in range(size):
            ident = f"{letter}{i:03d}"
            text += (f'\n[[sections.items]]\nid = "{ident}"\nprompt = "Question {i + 1} '
                     f'of part {n + 1}"\ntype = "{(types or {}).get(ident, "yes_no")}"\n'
                     'refs = ["R1"]\n' + (extra or {}).get(ident, ""))
    (tmp_path / "parts.toml").write_text(text)
    catalogue = load_catalogue([tmp_path], include_user=False)
    loaded = store.create(tmp_path / "plans", catalogue.get("parts"), case_ref="PARTS-1",
                          now=clock.now())
    return ChecklistApp(tmp_path / "plans", [str(tmp_path)], plan_path=loaded.path)


async def held_wait(predicate: Callable[[], bool], what: str = "") -> None:
    """Wait for a condition while widgets are held at their mount: Pilot's own waits (press,
    pause) wait for every widget to be idle, which a held widget never is."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not _holds(predicate):
        if time.monotonic() > deadline:
            predicate()
            raise AssertionError(f"timed out waiting for the app: {what}")
        await asyncio.sleep(0.02)


async def key(app, action: str) -> None:
    """What a key press does, without Pilot's wait for every widget to be idle."""
    await app.screen.run_action(action)


OPEN_AT_THE_END: list[Gate] = []


@asynccontextmanager
async def running(app: ChecklistApp, size: tuple[int, int]):
    """``app.run_test``, with every gate opened before the app closes: a failed assertion
    must not leave widgets held (the app could not close)."""
    async with app.run_test(size=size) as pilot:
        try:
            yield pilot
        finally:
            for gate in OPEN_AT_THE_END:
                gate.open()
            OPEN_AT_THE_END.clear()


class Gate:
    """Holds back the mounting of chosen item widgets until opened (a slow machine)."""

    def __init__(self, monkeypatch, held: Callable[[str], bool]) -> None:
        self.held = held
        self.opened = asyncio.Event()
        self.waiting = 0
        self.passed = 0
        original = getattr(ItemView, "on_mount", lambda _view: None)  # (another gate's)
        gate = self

        async def slow_mount(view: ItemView) -> None:
            if gate.held(view.item.id) and not gate.opened.is_set():
                gate.waiting += 1
                await gate.opened.wait()
                gate.passed += 1
            result = original(view)
            if inspect.isawaitable(result):  # another gate's
                await result

        monkeypatch.setattr(ItemView, "on_mount", slow_mount, raising=False)
        OPEN_AT_THE_END.append(self)

    def open(self) -> None:
        self.opened.set()


def shown_panes(screen) -> list[str]:
    """The ids of the section panes drawn on the screen."""
    return [pane.id for pane in screen.query(".section-pane") if pane.display]


def title(screen) -> str:
    return rendered(screen.query_one("#section-title"))


async def test_quick_switches_on_a_slow_machine_leave_only_the_current_section(
        tmp_path, monkeypatch) -> None:
    app = sections_app(tmp_path, [3, 12, 12, 12, 12, 3])
    gate = Gate(monkeypatch, lambda ident: ident[0] in "bcde")
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        screen = app.screen
        for _ in range(4):  # ] four times, to part 5, while parts 2 to 5 are being built
            await key(app, "step_section(1)")
            await held_wait(lambda: gate.waiting > 0, what="a section being built")
        gate.open()
        await held_wait(lambda: gate.passed == gate.waiting, what="building finished")
        await wait_for(pilot, lambda: screen.ready and screen.current == "e",
                       what="part 5 shown")
        await pilot.pause()
        assert shown_panes(screen) == ["sec-e"]
        assert title(screen).startswith("Section 5 of 6: Part 5")
        await pilot.press("]")  # and on to the last part: still one section drawn
        await wait_for(pilot, lambda: screen.ready and screen.current == "f")
        assert shown_panes(screen) == ["sec-f"]
        assert title(screen).startswith("Section 6 of 6: Part 6")


async def test_the_title_changes_with_the_content(tmp_path, monkeypatch) -> None:
    """While part 2 is still being built, part 1 stays on screen under its own title, even
    when part 1's own later items finish meanwhile; then both change together."""
    app = sections_app(tmp_path, [30, 12, 3])
    # (part 1's first window is built at once, the next window after it is drawn)
    first_rest = Gate(monkeypatch, lambda ident: ident[0] == "a" and int(ident[1:]) >= 4)
    async with running(app, (80, 24)):
        await held_wait(lambda: isinstance(app.screen, PlanScreen) and app.screen.ready
                        and first_rest.waiting > 0, what="part 1")
        screen = app.screen
        second = Gate(monkeypatch, lambda ident: ident[0] == "b")
        await key(app, "step_section(1)")
        await held_wait(lambda: second.waiting > 0, what="part 2 being built")
        first_rest.open()  # part 1 finishes its later items while part 2 is held
        await held_wait(lambda: first_rest.passed == first_rest.waiting, what="part 1 built")
        for _ in range(10):  # let what part 1's finishing causes be drawn
            await asyncio.sleep(0.01)
        assert shown_panes(screen) == ["sec-a"]
        assert title(screen).startswith("Section 1 of 3: Part 1")
        second.open()
        await held_wait(lambda: screen.ready and screen.current == "b"
                        and second.passed == second.waiting, what="part 2 shown")
        assert shown_panes(screen) == ["sec-b"]
        assert title(screen).startswith("Section 2 of 3: Part 2")


@pytest.mark.parametrize("leave", ["back", "app.quit"])
async def test_leaving_or_quitting_while_a_long_section_is_built_is_quiet(
        tmp_path, monkeypatch, leave) -> None:
    app = sections_app(tmp_path, [3, 200, 3])
    gate = Gate(monkeypatch, lambda ident: ident[0] == "b" and int(ident[1:]) >= 6)
    async with running(app, (120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        await key(app, "step_section(1)")
        await held_wait(lambda: gate.waiting > 0, what="part 2 being built")
        await key(app, leave)
        if leave == "back":
            await held_wait(lambda: isinstance(app.screen, HomeScreen), what="home")
        gate.open()
        await held_wait(lambda: gate.passed == gate.waiting or not app.is_running,
                        what="the held items let go")
        for _ in range(20):
            await asyncio.sleep(0.01)
        assert app._exception is None, repr(app._exception)
    assert app.return_code in (None, 0)


@pytest.mark.parametrize("what", ["resize", "f12"])
async def test_drawing_held_for_a_section_is_let_go_by_a_resize_or_f12(
        tmp_path, monkeypatch, what) -> None:
    """rev7-tui 6: while a section is built the app's drawing is held (plan_sections._hold).
    A window resized meanwhile was laid out but never drawn (a stale, garbled frame until
    the next change), and F12 (hide the plan: someone walked in) was not drawn for up to a
    second. Either lets the drawing go at once, and the screen on top is drawn whole."""
    from textual import events
    from textual.geometry import Size
    from textual.screen import Screen
    from textual.widget import Widget

    from checklist_tui.tui.screens import plan_sections
    from checklist_tui.tui.screens.privacy import PrivacyScreen

    monkeypatch.setattr(plan_sections, "HOLD_PAINT_SECONDS", 600.0)  # only what happens
    drawn_whole: list[tuple[Screen, int]] = []  # lets the drawing go here

    def refresh(screen, *regions, **kwargs):
        if not regions and not kwargs:
            drawn_whole.append((screen, screen.app._batch_count))
        return Widget.refresh(screen, *regions, **kwargs)

    app = sections_app(tmp_path, [3, 12, 3])
    async with running(app, (80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        gate = Gate(monkeypatch, lambda ident: ident[0] == "b")
        await key(app, "step_section(1)")
        await held_wait(lambda: gate.waiting > 0 and app._batch_count > 0,
                        what="part 2 being built, the drawing held")
        monkeypatch.setattr(Screen, "refresh", refresh, raising=False)
        if what == "resize":
            app._driver._size = Size(100, 30)
            app.post_message(events.Resize(Size(100, 30), Size(100, 30)))
        else:
            app.post_message(events.Key("f12", None))
        await held_wait(lambda: app._batch_count == 0 and (
            what == "resize" or isinstance(app.screen, PrivacyScreen)),
            what="the drawing let go")
        await held_wait(lambda: (app.screen, 0) in drawn_whole, what="drawn whole")
        assert gate.waiting > gate.passed  # still being built: not the section shown
