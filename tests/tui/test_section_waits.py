"""The section list says a section waits for a question nobody has answered yet, never
"(n/a)" before anyone asked (look-d 13); "(n/a)" only once an answer rules it out."""

from __future__ import annotations

from checklist_tui.core import edit
from tests.tui.helpers import copy_examples, make_app, plan_ready, wait_for


def _line(app, section_id: str) -> str:
    sections = app.screen.query_one("#sections")
    index = next(n for n in range(sections.option_count)
                 if sections.get_option_at_index(n).id == section_id)
    return str(sections.get_option_at_index(index).prompt)


async def test_section_list_says_what_a_section_waits_for(tmp_path) -> None:
    plans = copy_examples(tmp_path / "plans")
    app = make_app(plans, "early-pre-birth.toml")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: plan_ready(app))
        app.screen.apply(edit.clear_answer, "PBA-S08A")
        app.screen.refresh_state()
        # in words: the section the question waited for is in (rev7-tui 11: its id only)
        where = app.screen.session.checklist.checklist.section_of()["PBA-S08A"].title
        await wait_for(pilot, lambda: f"(waits for an answer in {where})"
                       in _line(app, "looked-after-parent"))
        assert "n/a" not in _line(app, "looked-after-parent")
        assert "PBA-" not in _line(app, "looked-after-parent")
        header = str(app.screen.query_one("#plan-header").render())
        # in words where the line has room, else "32/90+ answered"
        assert "answered, more questions may follow" in header or "+ answered" in header
        app.screen.apply(edit.set_answer, app.screen.session.checklist.checklist, "PBA-S08A", "no")
        app.screen.refresh_state()
        await wait_for(pilot, lambda: "(n/a)" in _line(app, "looked-after-parent"))
