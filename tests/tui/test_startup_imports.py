"""Start-up (#12.2): ``checklist-tui open PLAN`` loads only what the first frame needs.

Each check runs in a fresh interpreter (this one has loaded everything already) and lists
the modules loaded at a given moment: when the command line hands over to the app, and
when the app's first frame (the case reference) has been drawn; the plan screen is then
loaded in a thread, so that frame is not held back while it loads. The plan model, pydantic,
the export library, plain mode, review, the plan index and python-docx must wait."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLAN = "family-t-like-twins.toml"

#: Loaded later, never for the first frame (a prefix covers its submodules).
HEAVY = ("pydantic", "pydantic_core", "docx", "lxml", "checklist_tui.core.plan",
         "checklist_tui.core.definition", "checklist_tui.core.definition_base",
         "checklist_tui.core.definition_item", "checklist_tui.core.strict",
         "checklist_tui.core.catalogue",
         "checklist_tui.core.store", "checklist_tui.core.session", "checklist_tui.core.review",
         "checklist_tui.core.index", "checklist_tui.core.engine", "checklist_tui.core.engine_due",
         "checklist_tui.core.engine_result", "checklist_tui.plain",
         "checklist_tui.tui.screens.plan")

AT_HAND_OVER = """
import json, sys
from pathlib import Path
from checklist_tui.cli import main, plans
seen = []
plans.run_tui = lambda args, plan_path, read_only: seen.append(sorted(sys.modules)) or 0
assert main(["open", sys.argv[1]]) == 0
print(json.dumps(seen[0]))
"""

AT_FIRST_FRAME = """
import asyncio, json, sys, threading, time
from pathlib import Path
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens import opening
seen = {}

class Watch:  # which thread loads the plan screen's module
    def find_spec(self, name, path=None, target=None):
        if name == "checklist_tui.tui.screens.plan":
            seen.setdefault("loaded_on_main_thread",
                            threading.current_thread() is threading.main_thread())
        return None

sys.meta_path.insert(0, Watch())
original = opening.OpeningScreen.load_plan_screen
frames = []
display = ChecklistApp._display

def _display(self, screen, renderable):  # each frame drawn (headless: not written)
    if renderable is not None and isinstance(screen, opening.OpeningScreen):
        frames.append(str(screen.query_one("#plan-header").render()))
    return display(self, screen, renderable)

ChecklistApp._display = _display

def load_plan_screen(self):  # runs once the first frame has been drawn
    seen.setdefault("modules", sorted(sys.modules))
    seen.setdefault("header", str(self.query_one("#plan-header").render()))
    seen.setdefault("frames", list(frames))
    original(self)

opening.OpeningScreen.load_plan_screen = load_plan_screen

async def run():
    app = ChecklistApp(Path(sys.argv[2]), plan_path=Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 120
        while type(app.screen).__name__ != "PlanScreen" and time.monotonic() < deadline:
            await pilot.pause(0.02)
        seen["then"] = type(app.screen).__name__

asyncio.run(run())
print(json.dumps(seen))
"""


def _run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


def test_the_command_line_hands_over_to_the_app_without_the_core_models(plans) -> None:
    modules = json.loads(_run(AT_HAND_OVER, str(plans / PLAN)))
    assert "checklist_tui.cli.parser" in modules  # it did parse the command line
    assert _heavy(modules) == []
    assert [m for m in modules if m.startswith("checklist_tui.export")] == []
    assert "textual" not in modules  # the app itself loads it


def test_the_first_frame_names_the_case_before_the_plan_screen_loads(plans) -> None:
    seen = json.loads(_run(AT_FIRST_FRAME, str(plans / PLAN), str(plans)))
    assert seen["header"] == "Opening DEMO-0002-TWINS…"
    # the thread starts as soon as that frame is drawn, not a screen update later (Textual
    # draws it again at its next tick, 1/60 s on: about 16 ms of every start spent idle)
    assert seen["frames"] == ["Opening DEMO-0002-TWINS…"]
    assert _heavy(seen["modules"]) == []
    exports = [m for m in seen["modules"] if m.startswith("checklist_tui.export.")]
    assert exports == ["checklist_tui.export.safe"]  # literal text for the header
    assert seen["then"] == "PlanScreen"  # and then the plan screen takes its place
    # loaded off the event loop, which stays free to send that first frame to the terminal
    assert seen["loaded_on_main_thread"] is False


#: Loaded with the screens and commands that use them, never for the plan's first paint.
NOT_FOR_FIRST_PAINT = ("checklist_tui.tui.screens.confirm_pause", "checklist_tui.tui.screens.form",
                       "checklist_tui.core.plan_details", "checklist_tui.cli.records",
                       "checklist_tui.cli.share")

PLAN_SCREEN_LOADED = """
import json, sys
from checklist_tui.cli import main, plans
plans.run_tui = lambda args, plan_path, read_only: 0
assert main(["open", sys.argv[1]]) == 0
import checklist_tui.tui.screens.plan
print(json.dumps(sorted(sys.modules)))
"""


def test_the_plan_screen_loads_without_what_its_first_paint_does_not_need(plans) -> None:
    modules = json.loads(_run(PLAN_SCREEN_LOADED, str(plans / PLAN)))
    assert "checklist_tui.tui.screens.plan" in modules
    assert [m for m in NOT_FOR_FIRST_PAINT if m in modules] == []


AT_FIRST_ITEMS = """
import asyncio, json, sys, time
from pathlib import Path
from checklist_tui.tui import warm
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.plan import PlanScreen
seen = {}

def warm_up():  # called once the plan's first items are drawn: what was loaded then?
    seen.setdefault("pydantic", sorted(m for m in sys.modules if m.startswith("pydantic")))

warm.warm_up = warm_up

async def run():
    app = ChecklistApp(Path(sys.argv[2]), plan_path=Path(sys.argv[1]))
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 120
        while "pydantic" not in seen and time.monotonic() < deadline:
            await pilot.pause(0.02)
        seen["items"] = isinstance(app.screen, PlanScreen) and bool(app.screen.query("ItemView"))

asyncio.run(run())
print(json.dumps(seen))
"""


def test_an_unchanged_plan_is_painted_without_pydantic(plans) -> None:
    """The first start validates the checklist and the plan (and notes them); the next
    paints the plan's first items without loading pydantic at all (#12.2)."""
    first = json.loads(_run(AT_FIRST_ITEMS, str(plans / PLAN), str(plans)))
    assert first["items"] and first["pydantic"] != []
    again = json.loads(_run(AT_FIRST_ITEMS, str(plans / PLAN), str(plans)))
    assert again == {"pydantic": [], "items": True}


AT_FIRST_PAINT_AND_AFTER = """
import asyncio, json, sys, time
from pathlib import Path
from checklist_tui.tui import warm
from checklist_tui.tui.app import ChecklistApp
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.plan_header import PlanHeader
seen = {}
original = warm.warm_up
shown = PlanScreen._show

def _show(self, pane):  # the first section is shown: what its first frame was built with
    seen.setdefault("shown", sorted(sys.modules))
    from checklist_tui.core import dates, lazy, men_left, reasons, tomlfile
    patterns = [(f"{m.__name__}.{k}", v) for m in (dates, men_left, reasons, tomlfile)
                for k, v in vars(m).items() if isinstance(v, lazy.Pattern)]
    seen.setdefault("patterns", len(patterns))
    seen.setdefault("compiled", sorted(name for name, v in patterns if v._compiled))
    return shown(self, pane)

PlanScreen._show = _show

def after_first_frame(original):  # the first of what runs once the first frame is drawn
    def wrapped(self, *args):
        seen.setdefault("first_frame", sorted(sys.modules))
        return original(self, *args)
    return wrapped

PlanScreen._drawn = after_first_frame(PlanScreen._drawn)
PlanHeader._catch_up = after_first_frame(PlanHeader._catch_up)

def warm_up():  # called once the plan's first items are drawn
    seen.setdefault("at_paint", sorted(sys.modules))
    original()
    seen["after"] = sorted(sys.modules)

warm.warm_up = warm_up

async def run():
    ask = sys.argv[3:] == ["ask"]  # as the command line starts it: who is asked
    app = ChecklistApp(Path(sys.argv[2]), plan_path=Path(sys.argv[1]), ask_who=ask)
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = time.monotonic() + 120
        while ("after" not in seen or ask and type(app.screen).__name__ != "WhoScreen") \
                and time.monotonic() < deadline:
            await pilot.pause(0.02)
        seen["top"] = type(app.screen).__name__
        if ask:
            app.pop_screen()  # the question, put over the plan once it was drawn
        seen["items"] = isinstance(app.screen, PlanScreen) and bool(app.screen.query("ItemView"))

asyncio.run(run())
print(json.dumps(seen))
"""


def test_what_the_first_paint_goes_without_is_loaded_just_after_it(plans) -> None:
    """The modules in ``tui.warm.AFTER_FIRST_PAINT`` (editing, saving, what changed between
    checklist versions) are not loaded when the plan's first items are drawn, and are
    loaded in the warming thread right after, before a person's first key needs them."""
    from checklist_tui.tui import warm

    _run(AT_FIRST_PAINT_AND_AFTER, str(plans / PLAN), str(plans))  # the checklist validated
    seen = json.loads(_run(AT_FIRST_PAINT_AND_AFTER, str(plans / PLAN), str(plans)))
    assert seen["items"]
    assert [m for m in warm.AFTER_FIRST_PAINT if m in seen["at_paint"]] == []
    assert [m for m in warm.AFTER_FIRST_PAINT if m not in seen["after"]] == []
    assert [m for m in NOT_NEEDED_TO_PAINT if m in seen["shown"]] == []
    # no section of the pre-birth checklist is a pause point: its banner says none, without
    # loading what works out a pause point's state
    assert "checklist_tui.core.pause" not in seen["first_frame"]
    # regular expressions the first paint does not use (typed dates, the men removed, a
    # reason's words, a file's error) are not compiled for it (core.lazy.pattern)
    assert seen["patterns"] == 4 and seen["compiled"] == []


#: Not loaded for the first paint of a plan that does not need them (the twins' window has
#: yes/no questions and a list to tick).
NOT_NEEDED_TO_PAINT = (
    "textual.widgets._radio_button",  # no question is drawn with radio buttons
    "checklist_tui.tui.widgets.style_warmers",  # mounted hidden once the screen is idle
)


#: The question who is making changes and what it loads: put once the plan is drawn, so
#: not loaded for its first paint (#12.2: about 25 million instructions before it).
WHO_FORM = ("checklist_tui.tui.screens.who_dialog", "checklist_tui.tui.screens.form",
            "checklist_tui.tui.screens.message", "checklist_tui.tui.widgets.line_box")


def test_who_is_asked_once_the_plan_is_drawn_and_its_form_loads_only_then(plans) -> None:
    """As ``checklist-tui open PLAN`` starts the app (it asks who is making changes): the
    plan's first section is built without the question's form, which is put over the plan
    once it is drawn."""
    _run(AT_FIRST_PAINT_AND_AFTER, str(plans / PLAN), str(plans))  # the checklist validated
    seen = json.loads(_run(AT_FIRST_PAINT_AND_AFTER, str(plans / PLAN), str(plans), "ask"))
    assert seen["top"] == "WhoScreen" and seen["items"]
    assert [m for m in WHO_FORM if m in seen["shown"]] == []
    assert [m for m in NOT_NEEDED_TO_PAINT if m in seen["shown"]] == []
