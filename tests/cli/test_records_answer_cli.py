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


def test_answer_refuses_the_mother_as_the_father_and_changes_nothing(isolated, capsys) -> None:
    """look-c 2: `answer PBA-F01 yes --detail people=Kim Example` took the mother as the
    father and printed the milestone done."""
    code, out, err = run(capsys, "new", "pre-birth-assessment", "--case-ref", "SW-TEST-02",
                         "--edd", "03/02/2027", "--no-open")
    assert code == 0, err
    plan = Path(out.strip())
    for name, kind in (("Kim Example", "mother"), ("Jordan Sample", "father")):
        assert run(capsys, "person", "add", str(plan), "--name", name, "--kind", kind)[0] == 0
    before = plan.read_bytes()
    code, out, err = run(capsys, "answer", str(plan), "PBA-F01", "yes", "--detail",
                         "people=Kim Example")
    assert code == 1 and plan.read_bytes() == before
    assert len(err.strip().splitlines()) == 1
    assert ("Kim Example is recorded in People as the mother, not as the father; People "
            "records the father: Jordan Sample") in err
    code, out, err = run(capsys, "answer", str(plan), "PBA-F01", "yes", "--detail",
                         "people=Jordan Sample")
    assert code == 0, err
    assert "The father (add him on the People page): Jordan Sample" in out
