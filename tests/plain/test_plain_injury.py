"""Plain mode on the injury checklist (look-d 8 and 31): a "yes" to "can the baby move
about on their own?" for a 17-day-old baby is refused with the baby's age, and "born
today" says the checklist has no such view, as the app and ``show`` do."""

from __future__ import annotations

from datetime import timedelta

from checklist_tui.core import store
from checklist_tui.core.gaps import NO_BIRTH_VIEW
from tests.conftest import NOW, TODAY
from tests.plain.test_plain import _talk


def test_the_injury_checklist_in_plain_mode(tmp_path, catalogue) -> None:
    made = store.create(tmp_path / "plans", catalogue.get("injury-non-mobile-baby"),
                        case_ref="INJ-P1", now=NOW, dob=TODAY - timedelta(days=17))
    _code, out = _talk(made.path, catalogue, ["born today", "n", "y", "quit"])
    assert NO_BIRTH_VIEW in out and "would not be in place if the baby" not in out.replace(
        NO_BIRTH_VIEW, "")
    assert "the baby is 17 days old today" in out and "under 6 months" in out
    assert "NAI-02B" not in store.load(made.path).plan.answers  # refused: nothing saved
