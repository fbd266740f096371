"""Outstanding and Gaps and risks tell the whole truth: Outstanding's gaps groups are the
plan's one list (the header's number), and both list the pause points that do not hold,
in the words of the pause point and the exports."""

from __future__ import annotations

import re

import pytest

from checklist_tui.core.vocabulary import PAUSE_POINT, PAUSE_POINTS_HEADING
from checklist_tui.tui.screens.gaps_view import GapsScreen
from checklist_tui.tui.screens.outstanding_view import OutstandingScreen
from checklist_tui.tui.screens.plan import PlanScreen
from checklist_tui.tui.widgets.entry_list import EntryList
from tests.conftest import EXAMPLES, NOW
from tests.core.helpers import words_written_again
from tests.tui.helpers import make_app, plan_ready, rendered, wait_for, wait_for_screen

DISCHARGE = "discharge-ready-for-sign-off.toml"


def _rows(screen) -> list[str]:
    options = screen.query_one(EntryList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def _headings(rows: list[str]) -> dict[str, int]:
    """Each heading's count: "Gaps and risks: Everything else (29)" gives 29."""
    found = (re.fullmatch(r"(.+) \((\d+)\)", r) for r in rows)
    return {m.group(1): int(m.group(2)) for m in found if m}


def _header_count(app) -> int:
    text = str(app.screen.query_one("PlanHeader").render())
    found = re.search(r"Gaps and risks: (\d+)", text)
    return int(found.group(1)) if found else 0


async def _open(pilot, app, key: str, kind: type):
    await wait_for(pilot, lambda: plan_ready(app))
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, kind)
                   and app.screen.query_one(EntryList).option_count > 0, what=kind.__name__)
    return app.screen


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
async def test_outstanding_counts_the_gaps_the_header_counts(plans, example) -> None:
    """Outstanding's "Gaps and risks" groups are core.plan_gaps (it read the older engine
    list: 24 on the twins example where the header, G and `show` said 40)."""
    app = make_app(plans, example)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        expected = _header_count(app)
        screen = await _open(pilot, app, "o", OutstandingScreen)
        counts = _headings(_rows(screen))
        listed = sum(n for heading, n in counts.items() if heading.startswith("Gaps and risks"))
        assert listed == expected, (example, counts)
        total = sum(counts.values())
        title = str(screen.query_one("#out-title").render())
        assert title.startswith(f"Outstanding: {total} thing") or (
            total == 0 and title.startswith("Nothing is outstanding.")), title


def _confirmed_earlier(plan, _checklist) -> None:
    """DPM-K02 answered after the pause point's confirmation (by hand): it no longer holds
    (core.pause), as after a later change."""
    from datetime import timedelta

    c, k02 = plan.confirmations[-1], plan.answers["DPM-K02"]
    plan.answers["DPM-K02"] = k02.model_copy(update={"answered_at": c.at + timedelta(minutes=5)})


def _unconfirmed(plan, _checklist) -> None:
    """Never confirmed, and the checks it reads out made again today (their dates are
    today's: #12), so every item is done and it can be confirmed."""
    plan.confirmations.clear()
    for ident in ("DPM-H01", "DPM-H07", "DPM-C12"):
        answer = plan.answers[ident]
        plan.answers[ident] = answer.model_copy(
            update={"details": {**(answer.details or {}), "date": NOW.astimezone().date()}})
    words_written_again(plan, ("DPM-H01", "DPM-H07", "DPM-C12"))  # on the day (core.written)


@pytest.mark.parametrize(("change", "words"), [
    (_confirmed_earlier, "NO LONGER HOLDS: Confirmed by Drew Demo (example midwife)"),
    (_unconfirmed, "Pause point, not confirmed yet: every item is done, so it can be"),
])
@pytest.mark.parametrize("key", ["o", "G"])
async def test_a_pause_point_that_does_not_hold_is_listed(plans, catalogue, change, words,
                                                          key) -> None:
    """Completing the plan needs every pause point confirmed and holding, so what is left
    says so, in the words the pause point and the exports use; Enter goes to it."""
    from checklist_tui.core import store
    from checklist_tui.core.review_file import change_plan
    from checklist_tui.export.show_report import render_show
    from checklist_tui.export.summary import build

    path = plans / DISCHARGE
    change_plan(path, catalogue.get, change)
    loaded = store.load(path)
    shown = render_show(build(catalogue.get(loaded.plan.checklist_id), loaded.plan, NOW,
                              catalogue.sources))
    said = next(line.strip().removeprefix(f"{PAUSE_POINT}: ")  # in Gaps and risks too
                for line in shown.splitlines() if words in line)
    app = make_app(plans, DISCHARGE)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, app, key, OutstandingScreen if key == "o" else GapsScreen)
        rows = _rows(screen)
        assert f"{PAUSE_POINTS_HEADING} (1)" in rows
        index, row = next((n, r) for n, r in enumerate(rows)
                          if r.startswith(f"{PAUSE_POINT}: "))
        assert row.splitlines()[0].removeprefix(f"{PAUSE_POINT}: ") == said
        assert "type confirm in plain mode" in row  # what to do, in the app and plain mode
        title = str(screen.query_one(".title").render())
        if key == "G":
            assert "1 pause point not confirmed or no longer holding" in title
            assert title.startswith("Gaps and risks: 0 things")  # counted apart, as said
        else:
            assert title.startswith("Outstanding: 1 thing.")
        screen.query_one(EntryList).highlighted = index
        await pilot.press("enter")
        await wait_for_screen(pilot, PlanScreen)
        await wait_for(pilot, lambda: plan_ready(app) and app.screen.current == "confirm",
                       what="the pause point shown")


def _returned(path, catalogue, challenge: bool) -> None:
    from checklist_tui.core import review
    from checklist_tui.core.review_file import change_plan
    from tests.conftest import TODAY

    manager = {"name": "Sam Senior", "role": "Team manager", "now": NOW}
    change_plan(path, catalogue.get, lambda p, c: review.submit(p, c, by="Drew", now=NOW,
                                                                today=TODAY))
    if challenge:
        change_plan(path, catalogue.get, lambda p, c: review.challenge(
            p, c, "DPM-C15", "Has the father been seen alone?", **manager))
    change_plan(path, catalogue.get, lambda p, c: review.decide(
        p, c, decision="returned", rationale="See the father before discharge.",
        today=TODAY, **manager))


async def _enter_on(pilot, app, starts: str) -> None:
    screen = await _open(pilot, app, "o", OutstandingScreen)
    rows = _rows(screen)
    screen.query_one(EntryList).highlighted = next(
        n for n, r in enumerate(rows) if r.startswith(starts))
    await pilot.press("enter")


async def test_enter_on_a_return_shows_the_reason_and_what_stops_a_new_submission(
        plans, catalogue) -> None:
    """Enter on RETURNED went nowhere: it shows the manager's reason, the steps and what
    stops the plan being submitted again, and offers no submission that would be refused."""
    from textual.widgets import Button, Static

    from checklist_tui.tui.screens.message import MessageScreen

    _returned(plans / DISCHARGE, catalogue, challenge=True)
    app = make_app(plans, DISCHARGE)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(pilot, app, "RETURNED: ")
        await wait_for_screen(pilot, MessageScreen)
        said = "\n".join(rendered(s) for s in app.screen.query(Static))
        assert "Returned by the manager" in said
        assert "See the father before discharge." in said
        assert "What stops it being submitted now (1):" in said
        assert "- The manager's challenge on DPM-C15 is not answered yet." in said
        assert not [b for b in app.screen.query(Button) if b.id == "yes"]  # no submit offered
        await pilot.press("escape")
        await wait_for_screen(pilot, OutstandingScreen)


async def test_enter_on_a_return_can_submit_it_again_when_nothing_stops_it(
        plans, catalogue) -> None:
    from textual.widgets import Static

    from checklist_tui.core import store
    from checklist_tui.core.plan import PlanState
    from checklist_tui.tui.screens.message import MessageScreen

    path = plans / DISCHARGE
    _returned(path, catalogue, challenge=False)
    app = make_app(plans, DISCHARGE)
    async with app.run_test(size=(80, 24)) as pilot:
        await _enter_on(pilot, app, "RETURNED: ")
        await wait_for_screen(pilot, MessageScreen)
        said = "\n".join(rendered(s) for s in app.screen.query(Static))
        assert "only you can say" in said  # never that the manager's point is put right
        app.screen.query_one("#yes").press()
        await wait_for_screen(pilot, PlanScreen)
        await wait_for(pilot, lambda: app.screen.session.plan.state == PlanState.SUBMITTED,
                       what="submitted again")
        app.screen.flush()
        await wait_for(pilot, lambda: store.load(path).plan.state == PlanState.SUBMITTED,
                       what="saved")


@pytest.mark.parametrize("key", ["o", "G"])
async def test_wrapped_lines_keep_their_indent_at_80x24(plans, key) -> None:
    """look-b 15: a row's wrapped lines went back to column 0 ("again." under "What to
    do:"): every line drawn at column 0 now starts a row or is a heading."""
    app = make_app(plans, "family-t-like-twins.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(pilot, app, key, OutstandingScreen if key == "o" else GapsScreen)
        options = screen.query_one(EntryList)
        starts = {line for r in _rows(screen) for line in r.splitlines()[:1]}
        drawn = []
        for option in options.options:  # each row as drawn at this width, line by line
            style = options.get_visual_style("option-list--option")
            drawn += [strip.text for strip in options._get_option_render(option, style)]
        wrapped = [line for line in drawn if line.strip()]
        assert len(wrapped) > len(options.options)  # some rows do wrap at 80 columns
        at_zero = [line for line in wrapped if not line.startswith(" " * 2)]
        assert at_zero and all(any(s.startswith(line.strip()) for s in starts)
                               for line in at_zero), [
            line for line in at_zero if not any(s.startswith(line.strip()) for s in starts)]
        indented = [line for line in wrapped if line.startswith("  ")]
        assert indented  # continuation and "What to do" lines, all indented


@pytest.mark.parametrize(("change", "word"), [(_confirmed_earlier, "NO LONGER HOLDS"),
                                              (_unconfirmed, "NOT CONFIRMED")])
async def test_header_and_show_never_say_done_while_a_pause_point_does_not_hold(
        plans, catalogue, change, word) -> None:
    """look-a 1: with "Confirm before discharge" no longer holding, the header said "Gaps
    and risks: none found by the rules" and `show` called the section "complete"."""
    from checklist_tui.core import store
    from checklist_tui.core.review_file import change_plan
    from checklist_tui.export.show_report import render_show
    from checklist_tui.export.summary import build

    path = plans / DISCHARGE
    change_plan(path, catalogue.get, change)
    loaded = store.load(path)
    shown = render_show(build(catalogue.get(loaded.plan.checklist_id), loaded.plan, NOW,
                              catalogue.sources))
    section = next(line for line in shown.splitlines()
                   if line.startswith("  Confirm before discharge: ") and "answered" in line)
    assert "complete" not in section and section.endswith(f", pause point {word}"), section
    app = make_app(plans, DISCHARGE)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        header = " ".join(str(app.screen.query_one("PlanHeader").render()).split())
        assert f"Confirm before discharge: {word} (G)" in header, header
        assert "none found" not in header
