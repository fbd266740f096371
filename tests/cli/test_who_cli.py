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


def test_as_name_and_role_keeps_the_role_and_is_offered_next_time(tmp_path, capsys,
                                                                  monkeypatch) -> None:
    """s8who's leftover: ``--as`` had no role, so the person was remembered without one
    and never offered. "Name (Role)" is both, as every view writes them."""
    import io

    from checklist_tui.core.who import Who, remember, remembered

    parse = build_parser().parse_args
    assert said_who(parse(["open", "p.toml", "--as", "Morgan  Example (Ward midwife)"])) == \
        ("Morgan Example", "Ward midwife")
    assert said_who(parse(["fill", "p.toml", "--as", "Morgan Example (née Smith) (GP)"])) \
        == ("Morgan Example (née Smith)", "GP")
    plans = example_plans(tmp_path / "plans")
    plan_id = store.load(plans / TWINS).plan.id
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nquit\n"))
    code, out, err = run(capsys, "fill", str(plans / TWINS), "--plain",
                         "--as", "Morgan Example (Ward midwife)")
    assert code == 0, err
    assert "Who is making changes" not in out  # said: not asked
    assert remembered(plan_id) == Who("Morgan Example", "Ward midwife")
    assert store.load(plans / TWINS).plan.history[-1].by == "Morgan Example (Ward midwife)"

    # a name alone is recorded as given, but forgets nobody: it could not be offered
    remember(plan_id, Who("Sam Screen", "Social worker"), store.load(plans / TWINS).plan
             .history[-1].at)
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    code, _out, err = run(capsys, "fill", str(plans / TWINS), "--plain", "--as", "Ann One")
    assert code == 0, err
    assert remembered(plan_id) == Who("Sam Screen", "Social worker")


def test_as_with_a_placeholder_role_is_refused(tmp_path, capsys) -> None:
    import pytest

    plans = example_plans(tmp_path / "plans")
    before = (plans / TWINS).read_bytes()
    with pytest.raises(SystemExit) as exited:
        run(capsys, "answer", str(plans / TWINS), "PBA-A06", "yes",
            "--as", "Morgan Example (tbc)")
    assert exited.value.code == 2
    assert "'tbc' is not a role: say your role." in capsys.readouterr().err
    assert (plans / TWINS).read_bytes() == before


def test_review_as_says_who_decides_and_the_app_does_not_ask(tmp_path, monkeypatch) -> None:
    """``review --as``: the manager's decisions are recorded as them, not asked at each
    (tests/tui/test_review_who.py: the form shows who)."""
    from checklist_tui.cli import main
    from checklist_tui.tui import run as tui_run

    seen: dict[str, object] = {}
    monkeypatch.setattr(tui_run, "run", lambda **kwargs: seen.update(kwargs) or 0)
    plans = example_plans(tmp_path / "plans")
    assert main(["review", str(plans), "--as", "Alex Manager (Team manager)"]) == 0
    assert (seen["as_name"], seen["as_role"]) == ("Alex Manager", "Team manager")
    assert main(["review", str(plans)]) == 0
    assert (seen["as_name"], seen["as_role"]) == ("", "")


def test_a_managers_decision_says_who_by_the_same_rule(tmp_path, capsys) -> None:
    """sign-off and challenge take ``--as`` as every other command does ("Name (Role)"
    gives both), and refuse a placeholder; submit, respond and reopen's ``--as`` too (they
    recorded "tbc")."""
    import pytest

    plans = example_plans(tmp_path / "plans")
    path = plans / "discharge-ready-for-sign-off.toml"
    assert run(capsys, "submit", str(path), "--as", "Drew Demo")[0] == 0
    before = path.read_bytes()
    for argv in (["sign-off", str(path), "--decision", "approved", "--rationale",
                  "Carers named; safe to sign off", "--name", "tbc", "--role", "Team manager"],
                 ["sign-off", str(path), "--decision", "approved", "--rationale",
                  "Carers named; safe to sign off", "--as", "Alex Manager", "--role", "?"],
                 ["challenge", str(path), "DPM-M02", "--text", "Who?", "--as", "x"],
                 ["reopen", str(path), "--reason", "More to add", "--as", "tbc"]):
        with pytest.raises(SystemExit) as exited:
            run(capsys, *argv)
        assert exited.value.code == 2
        assert "is not a" in capsys.readouterr().err
    assert path.read_bytes() == before

    code, out, err = run(capsys, "challenge", str(path), "DPM-M02", "--text",
                         "Who spoke to the father?", "--as", "Alex Manager (Team manager)")
    assert code == 0, err
    code, out, err = run(capsys, "sign-off", str(path), "--decision", "returned",
                         "--rationale", "Answer the challenge first",
                         "--as", "Alex Manager (Team manager)")
    assert code == 0, err
    assert "returned by Alex Manager (Team manager)" in out
    plan = store.load(path).plan
    assert (plan.challenges[-1].by, plan.challenges[-1].role) == ("Alex Manager",
                                                                  "Team manager")
    assert (plan.reviews[-1].by, plan.reviews[-1].role) == ("Alex Manager", "Team manager")


def test_a_sign_off_without_a_role_says_both_ways_to_give_it(tmp_path, capsys) -> None:
    plans = example_plans(tmp_path / "plans")
    path = plans / "discharge-ready-for-sign-off.toml"
    assert run(capsys, "submit", str(path), "--as", "Drew Demo")[0] == 0
    before = path.read_bytes()
    code, _out, err = run(capsys, "sign-off", str(path), "--decision", "approved",
                          "--rationale", "Carers named; safe to sign off",
                          "--as", "Alex Manager")
    assert code == 1
    assert err.strip() == ("checklist-tui: the manager's role is needed: give --role ROLE, "
                           "or --as \"NAME (ROLE)\"; nothing was changed")
    assert path.read_bytes() == before
