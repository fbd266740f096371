"""look-sw 6 on the command line (#12): once People records the father, `show` no longer
says his question is "not yet recorded" as a red flag, and says what People holds."""

from __future__ import annotations

from pathlib import Path

from tests.cli.helpers import run


def test_show_reads_the_father_in_people(isolated, capsys) -> None:
    code, out, err = run(capsys, "new", "pre-birth-assessment", "--case-ref", "SW-TEST-01",
                         "--edd", "03/02/2027", "--no-open")  # 30 weeks today
    assert code == 0, err
    plan = Path(out.strip())
    code, out, _err = run(capsys, "show", str(plan))
    assert "Not yet recorded: is the baby's father identified" in out
    assert run(capsys, "person", "add", str(plan), "--name", "Jordan Sample",
               "--kind", "father")[0] == 0
    code, out, _err = run(capsys, "show", str(plan))
    assert code == 0
    assert "Not yet recorded: is the baby's father identified" not in out
    assert "not answered, though People records the father: Jordan Sample (father)" in out
