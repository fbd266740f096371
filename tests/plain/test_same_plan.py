"""The same answers give the same plan whichever way they are made: the full-screen app,
plain mode, or the scriptable ``answer`` and ``person`` commands (timestamps aside)."""

from __future__ import annotations

import io
from pathlib import Path

from checklist_tui.cli import main
from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import Catalogue
from checklist_tui.core.definition import ItemType
from checklist_tui.core.engine import evaluate
from checklist_tui.core.plan import Plan
from checklist_tui.core.session import PlanSession
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation
from tests.tui.helpers import make_app, plan_ready, wait_for

PBA = "pre-birth-assessment"
USER = "A. Worker"


def _new(plans: Path, catalogue: Catalogue, ref: str) -> Path:
    return store.create(plans, catalogue.get(PBA), case_ref=ref, now=clock.now(),
                        edd=clock.today().replace(year=clock.today().year + 1),
                        practitioner=USER).path


def _first_yes_no(catalogue: Catalogue, path: Path) -> list[str]:
    checklist = catalogue.get(PBA).checklist
    ev = evaluate(checklist, store.load(path).plan, clock.today())
    first = checklist.sections[0]
    return [i.id for i in first.items if i.id in ev.visible_items
            and i.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN)][:2]


def _content(plan: Plan) -> dict[str, object]:
    """What the plan says, without when it was said, by whom, or record ids."""
    return {
        "answers": {k: a.model_dump(exclude={"answered_at", "answered_by"})
                    for k, a in sorted(plan.answers.items())},
        "history": [(h.what, h.target, h.old, h.new) for h in plan.history
                    if h.what not in ("created",)],
        "state": plan.state,
    }


async def test_app_plain_mode_and_answer_command_make_the_same_plan(
        tmp_path, catalogue: Catalogue) -> None:
    plans = tmp_path / "plans"
    by_plain, by_cli, by_app = (_new(plans, catalogue, f"SAME-{n}") for n in (1, 2, 3))
    first, second = _first_yes_no(catalogue, by_plain)

    session = PlanSession.open(by_plain, catalogue.get)
    out = io.StringIO()
    console = Console(io.StringIO(f"go {first}\ny\ngo {second}\nn\nquit\n"), out, echo=True)
    assert Conversation(console, session, catalogue.sources).run() == 0, out.getvalue()

    assert main(["answer", str(by_cli), first, "yes"]) == 0
    assert main(["answer", str(by_cli), second, "no"]) == 0

    app = make_app(plans, by_app.name)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app), what="the plan")
        for ident, key in ((first, "y"), (second, "n")):
            app.screen.query_one(f"#answer-{ident}").focus()
            await pilot.press(key)
            await wait_for(pilot, lambda i=ident: i in app.screen.session.plan.answers,
                           what=f"the answer to {ident}")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: not app.is_running, what="the app to close")

    plain, cli, tui = (_content(store.load(p).plan) for p in (by_plain, by_cli, by_app))
    assert plain["answers"], plain
    assert plain == cli
    assert plain == tui
