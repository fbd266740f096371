"""Keys that reach the app together (a busy laptop, a remote session) are handled in
the order typed. Textual ran a key's binding (Backspace, the arrows) when the key came
back up to the app, after the letters typed behind it had gone in: "AB", Backspace,
"CD" gave "ABC", and a Backspace in one box deleted a letter typed in the next."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.helpers import make_app, wait_for
from tests.tui.test_new_plan import _burst, _new_plan_form


async def test_editing_keys_typed_ahead_apply_in_the_order_typed(tmp_path) -> None:
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        case_ref = screen.query_one("#case-ref", Input)
        _burst(pilot, ["enter", "A", "B", "backspace", "C", "D", "left", "left", "X",
                       "end", "Z"])
        try:
            await wait_for(pilot, lambda: case_ref.value.endswith("Z"))
        except AssertionError:
            raise AssertionError(case_ref.value) from None
        assert case_ref.value == "AXCDZ"


async def test_a_key_typed_ahead_in_one_box_stays_in_that_box(tmp_path) -> None:
    """Backspace in the number of babies, Tab, a name: the Backspace is the babies'."""
    app = make_app(tmp_path / "plans")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _new_plan_form(pilot)
        box = {i.id: i for i in screen.query(Input)}
        _burst(pilot, ["enter", "tab", "tab", "right", "backspace", "3", "tab", *"Ann",
                       "tab"])
        await wait_for(pilot, lambda: app.focused is box["role"])
        assert (box["babies"].value, box["practitioner"].value) == ("3", "Ann")
