"""What Home's rows say (look-a 9, look-b 15): when the plan itself last changed (not its
file: a copied or restored plan read "changed today"), the birth date once a baby is
born (not the EDD), the file name when two files share a case reference, and what the
"!7" in the progress column means."""

from __future__ import annotations

import os
import shutil

from textual.widgets import DataTable

from tests.tui.helpers import make_app, rendered, wait_for
from tests.tui.test_review_state import column_text


async def test_home_rows_say_what_they_show(plans) -> None:
    shutil.copy(plans / "discharge-ready-for-sign-off.toml", plans / "dpm-copy.toml")
    for path in plans.iterdir():
        os.utime(path, None)  # every file new today: as when copied from a shared drive
    app = make_app(plans)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        table = screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 4
                       and "Checked at" in rendered(screen.query_one("#plans-status")))
        changed = column_text(table, "Changed")
        cases = column_text(table, "Case reference")
        born = column_text(table, "EDD / born")
        twins = next(k for k, v in cases.items() if v.startswith("DEMO-0002-TWINS"))
        assert changed[twins] == "20/11 14:00"  # the plan's own, as its header says
        order = [str(table.get_row_at(i)[0]).split()[0] for i in range(4)]
        assert order[-1] == "DEMO-0002-TWINS"  # the plan changed longest ago last
        copies = sorted(v for v in cases.values() if v.startswith("DEMO-0003"))
        # the file's name under the case reference (a long one wraps where it must)
        assert [(c.split()[0], "".join(c.split()[1:])) for c in copies] == [
            ("DEMO-0003", "discharge-ready-for-sign-off.toml"), ("DEMO-0003", "dpm-copy.toml")]
        assert cases[twins] == "DEMO-0002-TWINS"  # no file name where the case is alone
        dpm = next(k for k, v in cases.items() if v.startswith("DEMO-0003"))
        assert born[dpm] == "born 22/11/2026" and born[twins] == "27/01/2027"
        hint = rendered(screen.query(".hint").first())
        assert "!N red flags" in hint
