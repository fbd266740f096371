"""``--as``: who is making the change, on every command that changes a plan (look-d D12);
without it the plan's practitioner (one rule: core.who.recorded_as), except ``open`` and
``fill``, whose app and plain mode ask."""

from __future__ import annotations

from checklist_tui.cli.parser import build_parser
from checklist_tui.cli.plans import said_who
from checklist_tui.core import store
from tests.cli.helpers import example_plans, run

TWINS = "family-t-like-twins.toml"


def test_answer_as_is_recorded_on_the_answer_and_the_history(tmp_path, capsys) -> None:
    plans = example_plans(tmp_path / "plans")
    code, _out, err = run(capsys, "answer", str(plans / TWINS), "PBA-A06", "yes",
                          "--as", "Morgan Example (Ward midwife)")
    assert code == 0, err
    plan = store.load(plans / TWINS).plan
    assert plan.history[-1].by == "Morgan Example (Ward midwife)"
    assert plan.answers["PBA-A06"].answered_by == "Morgan Example (Ward midwife)"


def test_without_as_the_practitioner(tmp_path, capsys) -> None:
    plans = example_plans(tmp_path / "plans")
    code, _out, err = run(capsys, "answer", str(plans / TWINS), "PBA-A06", "yes")
    assert code == 0, err
    plan = store.load(plans / TWINS).plan
    assert plan.history[-1].by == plan.practitioner


def test_reopen_takes_as_too(tmp_path, capsys) -> None:
    plans = example_plans(tmp_path / "plans")
    path = plans / "discharge-ready-for-sign-off.toml"
    code, _out, err = run(capsys, "reopen", str(path), "--reason",
                          "The baby's discharge date moved", "--as", "Morgan Example")
    assert code == 0, err
    assert store.load(path).plan.history[-1].by == "Morgan Example"


def test_who_open_fill_and_new_say() -> None:
    parse = build_parser().parse_args
    assert said_who(parse(["open", "p.toml", "--as", "Morgan Example"])) == \
        ("Morgan Example", "")
    assert said_who(parse(["fill", "p.toml", "--plain"])) == ("", "")  # asked
    assert said_who(parse(["new", "pre-birth-assessment", "--case-ref", "WHO-2",
                           "--practitioner", "Pat Example", "--role", "Social worker"])) == \
        ("Pat Example", "Social worker")
    assert said_who(parse(["new", "pre-birth-assessment", "--case-ref", "WHO-2"])) == ("", "")


def test_as_a_placeholder_is_refused_and_nothing_changes(tmp_path, capsys) -> None:
    """rev8-core 4: '--as ?' or '--as tbc' was recorded as the person making changes; the
    name rule the app's question uses (core.who.not_a) refuses it on the command line too."""
    import pytest

    plans = example_plans(tmp_path / "plans")
    before = (plans / TWINS).read_bytes()
    for placeholder in ("tbc", "?"):
        with pytest.raises(SystemExit) as exited:
            run(capsys, "answer", str(plans / TWINS), "PBA-A06", "yes", "--as", placeholder)
        assert exited.value.code == 2
        assert f"'{placeholder}' is not a name: say your name." in capsys.readouterr().err
    assert (plans / TWINS).read_bytes() == before
