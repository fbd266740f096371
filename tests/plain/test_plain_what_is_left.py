"""Plain mode's ``outstanding`` and ``gaps`` say what the app's Outstanding and G say (one
builder, core.what_is_left): the same rows, the gaps the header counts, and the pause points
that do not hold, in the words of the pause point and the exports."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta

import pytest

from checklist_tui.core import store
from checklist_tui.core.engine import evaluate
from checklist_tui.core.review_file import change_plan
from checklist_tui.core.vocabulary import (
    NO_LONGER_HOLDS,
    NOT_CONFIRMED,
    PAUSE_POINT,
    PAUSE_POINTS_HEADING,
)
from checklist_tui.core.what_is_left import gaps_listing, outstanding_listing
from tests.conftest import EXAMPLES
from tests.core.helpers import check_again
from tests.plain.test_plain import _talk

TODAY = date(2026, 11, 25)


def _copy(tmp_path, example: str):
    path = tmp_path / "plans" / example
    path.parent.mkdir(exist_ok=True)
    shutil.copy(EXAMPLES / example, path)
    return path


@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.toml")))
@pytest.mark.parametrize("command", ["outstanding", "gaps"])
def test_plain_reads_every_row_the_app_lists(tmp_path, catalogue, example, command) -> None:
    """Every heading (with its count) and every row of the app's list, in its order."""
    path = _copy(tmp_path, example)
    plan = store.load(path).plan
    checklist = catalogue.get(plan.checklist_id).checklist
    build = outstanding_listing if command == "outstanding" else gaps_listing
    listing = build(checklist, plan, evaluate(checklist, plan, TODAY))
    _code, out = _talk(path, catalogue, [command, "quit"])
    said = out.partition(f"Answer: {command}")[2]
    expected = []
    for heading, rows in listing.groups:
        expected.append(f"{heading}: {len(rows)}.")
        expected += [f"{row.label}: {row.text}" for row in rows]
    lines = [line for line in said.splitlines() if line in expected]
    assert lines == expected
    if command == "outstanding":  # the gaps groups count what the header and show count
        counted = sum(int(n) for n in re.findall(r"^Gaps and risks: .+: (\d+)\.$", said, re.M))
        assert counted == listing.gaps


@pytest.mark.parametrize("command", ["outstanding", "gaps"])
def test_plain_says_a_pause_point_that_no_longer_holds(tmp_path, catalogue, command) -> None:
    path = _copy(tmp_path, "discharge-ready-for-sign-off.toml")

    def earlier(plan, _checklist) -> None:  # DPM-K02 answered after it, as if by hand
        c, k02 = plan.confirmations[-1], plan.answers["DPM-K02"]
        plan.answers["DPM-K02"] = k02.model_copy(
            update={"answered_at": c.at + timedelta(minutes=5)})

    change_plan(path, catalogue.get, earlier)
    _code, out = _talk(path, catalogue, [command, "quit"])
    said = out.partition(f"Answer: {command}")[2]
    assert f"{PAUSE_POINTS_HEADING}: 1." in said
    assert f"{PAUSE_POINT}: Confirm before discharge: NO LONGER HOLDS: Confirmed by" in said
    # confirming again today needs today's checks first: the step that works is said, and
    # never only "change the dates" (look-d 1: an old check then read as today's)
    assert "do them again today, and record in DPM-H01 and DPM-H07 today's date and the " \
        "words for today (new words, or the same words recorded again if they are still " \
        "true: never only the date), then press f on the pause point (type confirm in plain " \
        "mode) to confirm it again." in said
    if command == "gaps":
        assert "Gaps and risks: none found by the rules." in said
        assert "Also 1 pause point not confirmed or no longer holding, listed last." in said
    else:
        assert "Nothing is outstanding." not in said


def test_plain_confirm_with_an_open_red_flag_says_what_to_do_first(tmp_path, catalogue) -> None:
    """look-a A6 and A3: refused before any name is asked for, with the step that works;
    nothing on disk changed."""
    from checklist_tui.core import clock
    from checklist_tui.core.edit import set_answer
    from checklist_tui.core.review import reopen

    path = _copy(tmp_path, "discharge-ready-for-sign-off.toml")

    def flag(plan, checklist) -> None:  # the parents may leave with the baby
        reopen(plan, checklist, "New concern on the ward", by="t", now=clock.now(),
               today=clock.today())
        set_answer(plan, checklist, "DPM-R02", "yes", by="t", now=clock.now())

    change_plan(path, catalogue.get, flag)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, ["go DPM-K01", "confirm", "quit"])
    said = out.partition("Answer: confirm")[2]
    assert ("Confirm before discharge cannot be confirmed: a red flag is open on 'Is there any "
            "sign the parents may try to leave hospital with the baby…' (DPM-R02) and nobody "
            "has acknowledged it: Parents may leave hospital with the baby against the "
            "plan.") in said
    assert ("First acknowledge the red flag on 'Is there any sign the parents may try to "
            "leave hospital with the baby…' (DPM-R02) (type acknowledge), saying what is "
            "being done about it, then type confirm to confirm it again.") in said
    assert "Who is present?" not in said and "reason" not in said.lower()
    assert path.read_bytes() == before


@pytest.mark.parametrize(("change", "word"), [("confirmed_earlier", NO_LONGER_HOLDS),
                                              ("unconfirmed", NOT_CONFIRMED), (None, "")])
def test_opening_lines_and_where_name_a_pause_point_that_does_not_hold(
        tmp_path, catalogue, change, word) -> None:
    """look-c 4: the opening lines and ``where`` named nothing while the plan header, the
    exports' status line and the folder views said 'pause point NO LONGER HOLDS'."""
    from tests.core import test_folder_claims
    path = _copy(tmp_path, "discharge-ready-for-sign-off.toml")
    if change:
        change_plan(path, catalogue.get, getattr(test_folder_claims, change))
    _code, out = _talk(path, catalogue, ["where", "quit"])
    opening, _, where = out.partition("Answer: where")
    where = where.partition("Nothing was changed.")[0]
    said = f"Confirm before discharge: pause point {word}."
    for part in (opening, where):
        if change:
            assert said in part.splitlines(), part
            assert "Type gaps to hear what to do." in part.splitlines(), part
        else:  # it holds: nothing is said of it
            assert "pause point" not in part, part


def test_plain_confirm_reads_what_changed_and_the_items_and_asks_who(tmp_path,
                                                                   catalogue) -> None:
    """look-d 6: plain `confirm` recorded the plan's practitioner as the person confirming,
    unasked, and read neither what changed since the last confirmation nor the items. It
    reads both, asks name and role, offers People by number, and says the record back."""
    from checklist_tui.core import clock
    from checklist_tui.core.edit import Person, add_record
    from checklist_tui.core.plan import PersonKind
    from checklist_tui.core.review import reopen

    path = _copy(tmp_path, "discharge-ready-for-sign-off.toml")

    def changed(plan, checklist) -> None:  # a woman moved in; the checks done again today
        reopen(plan, checklist, "Grandmother moved in", by="t", now=clock.now(),
               today=clock.today())
        add_record(plan, Person, by="t", now=clock.now(), name="Sky Example",
                   kind=PersonKind.ADULT_IN_HOUSEHOLD, man=False, in_household=True,
                   relationship="Maternal aunt")
        for item in ("DPM-H01", "DPM-H07", "DPM-C12"):
            check_again(plan, checklist, item, clock.today(), by="t", now=clock.now())

    change_plan(path, catalogue.get, changed)
    _code, out = _talk(path, catalogue, [
        "go DPM-K01", "confirm", "Morgan Ward", "Ward midwife", "1, 2, Example Social Worker C",
        "yes", "quit"])
    said = out.partition("Answer: confirm")[2]
    assert f"{NO_LONGER_HOLDS}: Confirmed by Drew Demo" in said
    assert "Since then: " in said  # what changed (every change: look-d 1, core.pause)
    assert "Read each line aloud with the people present: 9 lines." in said
    assert "\n1. Each baby confirmed fit to go home and checked for any bruise or mark" in said
    assert said.index("Read each line") < said.index("Your name (you are confirming it):")
    assert "1. Quinn Example (Mother)" in said and "2. Riley Example (Father)" in said
    assert ("To be recorded: Confirm before discharge confirmed by Morgan Ward (Ward midwife), "
            "with Quinn Example (Mother); Riley Example (Father); Example Social Worker C "
            "present.") in said
    plan = store.load(path).plan
    latest = max(plan.confirmations, key=lambda c: c.at)
    assert latest.by == "Morgan Ward (Ward midwife)"
    assert latest.present == ["Quinn Example (Mother)", "Riley Example (Father)",
                              "Example Social Worker C"]
