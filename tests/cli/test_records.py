"""`answer`, `person`/`agency`/`action` and `confirm`: one change through the app's session."""

from __future__ import annotations

import shlex
import subprocess
import sys

import pytest

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.edit import set_answer
from checklist_tui.core.locking import PlanLock
from checklist_tui.core.plan import SignOff
from checklist_tui.core.review import reopen
from tests.cli.helpers import example_plans, run
from tests.conftest import NOW, ROOT


@pytest.fixture
def plans(isolated):
    return example_plans(isolated / "plans")


def test_answer_records_through_history_and_prints_state(plans, capsys) -> None:
    path = plans / "family-t-like-twins.toml"
    before = len(store.load(path).plan.history)
    code, out, err = run(capsys, "answer", str(path), "PBA-F03", "yes", "--note", "Seen alone",
                         "--source", "seen", "--as", "Script User")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "PBA-F03: Yes" and "Counts as answered" in out
    plan = store.load(path).plan
    assert plan.answers["PBA-F03"].value == "yes" and plan.answers["PBA-F03"].note == "Seen alone"
    assert [h.what for h in plan.history[before:]] == ["answer", "note", "source"]
    assert plan.history[-1].by == "Script User"


def test_answer_not_yet_with_owner_and_date(plans, capsys) -> None:
    path = plans / "early-pre-birth.toml"
    code, out, _err = run(capsys, "answer", str(path), "PBA-F08", "not yet", "--owner", "Pat",
                          "--by", "10/12/2026")
    assert code == 0
    assert "NOT KNOWN (not yet done): Pat, by 10/12/2026" in out
    answer = store.load(path).plan.answers["PBA-F08"]
    assert (answer.value, answer.owner, str(answer.by_date)) == ("not_yet", "Pat", "2026-12-10")


def test_answer_prints_red_flag(plans, capsys) -> None:
    code, out, _err = run(capsys, "answer", str(plans / "discharge-ready-for-sign-off.toml"),
                          "DPM-R07", "yes", "--reason", "Ward round disagreed")
    assert code == 0
    assert "RED FLAG: Professionals disagree about discharge." in out
    assert "What to do: Escalate now" in out


def test_answer_details_people_by_name(plans, capsys) -> None:
    path = plans / "discharge-ready-for-sign-off.toml"
    code, out, _err = run(capsys, "answer", str(path), "DPM-C08B", "yes", "--detail",
                          "people=Blake Example, Quinn Example", "--reason", "Names added")
    assert code == 0
    assert "Who must not be alone with the baby: Blake Example, Quinn Example" in out
    code, out, _err = run(capsys, "answer", str(plans / "early-pre-birth.toml"), "PBA-X04", "yes")
    assert code == 0 and "INCOMPLETE: missing: The contingency plan" in out


def test_answer_given_again_with_the_same_value_changes_nothing(plans, capsys) -> None:
    """#12: DPM-K01 was ticked on 22/11/2026 with that day's dates, and its pause point
    confirmed then; ticking it again three days later changes nothing, so it is neither
    refused ("ticked on" another day) nor a change that asks for a reason, logs history or
    voids the confirmation: the file is left as it was."""
    path = plans / "discharge-ready-for-sign-off.toml"
    before = path.read_bytes()
    code, out, err = run(capsys, "answer", str(path), "DPM-K01", "yes")
    assert (code, err) == (0, "") and out.splitlines()[0] == "DPM-K01: Done"
    assert "Counts as answered" in out and "CONTRADICTED" not in out
    assert path.read_bytes() == before
    code, out, _err = run(capsys, "show", str(path))
    assert code == 0 and "NO LONGER HOLDS" not in out


@pytest.mark.parametrize(("argv", "message"), [
    (["PBA-F99", "yes"], "no item 'PBA-F99' in checklist 'pre-birth-assessment' (did you mean"),
    (["PBA-F03", "maybe"], "PBA-F03: answer must be one of: yes, no, not yet"),
    (["PBA-F01R", "text"], "PBA-F01R is not shown in this plan"),
    (["PBA-P06", "unknown", "--owner", "", "--by", "01/12/2026"], "needs who will find out"),
    (["PBA-P06", "unknown", "--owner", "Alex"], "--owner and --by go together"),
    (["PBA-F08", "not yet", "--owner", "A", "--by", "31/02/2026"], "--by: '31/02/2026' is not"),
    (["PBA-X04", "yes", "--detail", "nonsense"], "write it as KEY=VALUE"),
    (["PBA-X04", "yes", "--detail", "date=01/01/2027"], "no detail 'date'"),
    (["PBA-F12", "yes"], "PBA-F12: Yes cannot be recorded: "),
    (["PBA-S05", "n/a"], "cannot be answered 'not applicable'"),
])
def test_answer_refusals_are_one_line_and_change_nothing(plans, capsys, argv, message) -> None:
    path = plans / "family-t-like-twins.toml"
    before = path.read_bytes()
    code, out, err = run(capsys, "answer", str(path), *argv)
    assert code == 1 and out == ""
    assert err.startswith("checklist-tui: ") and message in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_answer_refused_on_locked_plan(plans, capsys) -> None:
    path = plans / "early-pre-birth.toml"
    lock = PlanLock(path)
    lock.acquire()
    try:
        before = path.read_bytes()
        code, _out, err = run(capsys, "answer", str(path), "PBA-F08", "yes")
    finally:
        lock.release()
    assert code == 1 and "cannot be changed" in err and path.read_bytes() == before


def test_confirming_again_days_later_with_that_days_dates_is_refused(plans, capsys) -> None:
    """The example's pause point was confirmed on 22/11/2026 with that day's dates; to
    confirm it again on 25/11/2026 would say they are today's (#12): one line, exit 1,
    nothing written, even with a reason."""
    path = plans / "discharge-ready-for-sign-off.toml"
    before = path.read_bytes()
    code, out, err = run(capsys, "confirm", str(path), "confirm", "--present",
                         "Drew (midwife)", "--reason", "Read aloud again")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert ("Confirm before discharge cannot be confirmed: 'Each baby confirmed fit to go "
            "home and checked for any bruise or mark…' (DPM-K01): the date recorded with "
            "DPM-H01 is Sunday 22 November 2026, 3 days before today, Wednesday 25 November "
            "2026.") in err
    assert path.read_bytes() == before


def _approved(path):
    loaded = store.load(path)
    loaded.plan.signoff = SignOff(by="A Manager", role="Team manager", at=NOW,
                                  decision="approved")  # approved needs its sign-off
    loaded.plan.state = "approved"
    store.save(loaded)


@pytest.mark.parametrize("state", ["completed", "submitted_for_review", "approved"])
@pytest.mark.parametrize("argv", [["answer", "DPM-R07", "yes"],
                                  ["person", "add", "--name", "Ash Example", "--kind", "other"]])
def test_finished_plan_refused_without_a_reason(plans, capsys, state, argv) -> None:
    path = plans / "discharge-ready-for-sign-off.toml"
    if state == "approved":
        _approved(path)
    elif state == "submitted_for_review":
        run(capsys, "submit", str(path))
    assert store.load(path).plan.state == state
    before = path.read_bytes()
    code, _out, err = run(capsys, *_argv(argv, path))
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert "needs a reason" in err and "--reason TEXT" in err
    assert ("voids the sign-off" in err) == (state == "approved")
    assert path.read_bytes() == before
    code, _out, err = run(capsys, *_argv(argv, path), "--reason", "Ward round disagreed")
    assert code == 0, err
    plan = store.load(path).plan
    assert plan.state == "amended" and plan.signoff is None
    assert ("reason", state, "Ward round disagreed") in [(h.what, h.old, h.new)
                                                         for h in plan.history]


def _argv(argv, path):
    """The command line with the plan in its place (after the verb for records)."""
    if argv[0] == "person":
        return ["person", "add", str(path), *argv[2:]]
    if argv[0] == "confirm":
        return ["confirm", str(path), *argv[1:]]
    return ["answer", str(path), *argv[1:]]


def test_person_agency_action_records(plans, capsys) -> None:
    path = str(plans / "family-t-like-twins.toml")
    code, out, _ = run(capsys, "person", "add", path, "--name", "Lee Example", "--kind",
                       "adult_in_household", "--relationship", "Lodger")
    assert code == 0 and "record whether Lee Example" in out
    code, out, _ = run(capsys, "person", "edit", path, "Lee Example", "--man", "yes")
    assert code == 0 and "Lee Example (Lodger) has no involvement or assessment" in out
    plan = store.load(plans / "family-t-like-twins.toml").plan
    lee = next(p for p in plan.people if p.name == "Lee Example")
    assert lee.man is True and lee.is_man
    code, out, _ = run(capsys, "agency", "add", path, "--agency", "Probation")
    assert code == 0 and "no named practitioner and no contact details" in out
    code, out, _ = run(capsys, "action", "add", path, "--what", "Ask probation", "--owner",
                       "Alex", "--due", "01/11/2026")
    assert code == 0 and "OVERDUE: action 'Ask probation' is overdue" in out
    code, out, _ = run(capsys, "action", "edit", path, "Ask probation", "--status", "done")
    assert code == 0 and "OVERDUE" not in out
    code, out, _ = run(capsys, "action", "list", path)
    assert "Ask probation" in out and "status=done" in out
    code, _, err = run(capsys, "person", "remove", path, "Lee Example")  # look-d D2
    assert code == 1 and "Say why they are removed from People" in err
    code, out, _ = run(capsys, "person", "remove", path, "Lee Example", "--why",
                       "Added to the wrong plan")
    assert code == 0 and "removed" in out
    history = [h.what for h in store.load(plans / "family-t-like-twins.toml").plan.history]
    assert history[-6:] == ["person.add", "person.edit", "agency.add", "action.add",
                            "action.edit", "person.remove"]


def test_a_man_recorded_as_not_a_man_needs_why(plans, capsys) -> None:
    """look-d D2: `person edit ... --kind family_network --man no` took a visiting man out
    of the men without a word; it needs --why, one line and nothing written without it."""
    path = plans / "family-t-like-twins.toml"
    assert run(capsys, "person", "add", str(path), "--name", "Max Partner", "--kind",
               "visiting_adult", "--man", "yes", "--relationship", "Mother's boyfriend")[0] == 0
    before = path.read_bytes()
    change = ("person", "edit", str(path), "Max Partner", "--kind", "family_network",
              "--man", "no")
    code, out, err = run(capsys, *change)
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert "Max Partner is counted among the people around the baby: Say why" in err
    assert path.read_bytes() == before
    code, out, err = run(capsys, *change, "--why", "Recorded as a man by mistake")
    assert code == 0, err
    last = store.load(path).plan.history[-1]
    assert last.what == "person.edit" and last.new.endswith("; why=Recorded as a man by mistake")


@pytest.mark.parametrize(("argv", "message"), [
    (["person", "edit", "{p}", "Nobody", "--man", "yes"], "no single person 'Nobody'"),
    (["action", "add", "{p}", "--what", "X", "--due", "31/02/2026"], "--due: '31/02/2026'"),
    (["agency", "remove", "{p}", "Nowhere"], "no single agency 'Nowhere'"),
    (["person", "add", "{p}", "--name", "x" * 300, "--kind", "other"], "person name"),
    (["confirm", "{p}", "father", "--present", "Sam"], "is not a pause point"),
])
def test_record_refusals(plans, capsys, argv, message) -> None:
    path = plans / "family-t-like-twins.toml"
    before = path.read_bytes()
    code, _out, err = run(capsys, *[a.replace("{p}", str(path)) for a in argv])
    assert code == 1 and message in err and err.count("\n") == 1
    assert path.read_bytes() == before


def test_confirm_pause_point(plans, capsys) -> None:
    """Confirmed again three days later, once the checks it reads out were made again
    that day (their dates changed to today's)."""
    path = plans / "discharge-ready-for-sign-off.toml"
    for n, item in enumerate(("DPM-H01", "DPM-H07", "DPM-C12")):
        reason = ["--reason", "Discharge put off to today"] if n == 0 else []
        code, _out, err = run(capsys, "answer", str(path), item, "yes", "--detail",
                              "date=25/11/2026", "--detail", f"text=Checked again ({item})",
                              *reason)
        assert code == 0, err
    code, out, _ = run(capsys, "confirm", str(path), "confirm", "--present", "Drew (midwife)",
                       "--present", "Quinn Example", "--reason", "Read aloud at discharge")
    assert code == 0 and "present: Drew (midwife); Quinn Example" in out
    assert store.load(path).plan.confirmations[-1].present == ["Drew (midwife)", "Quinn Example"]


def test_again_records_the_same_words_as_written_on_the_day(plans, capsys) -> None:
    """look-d D1 (c): the dates alone typed again leave the words written on the 22nd, which
    do not stand for the 25th, and confirming is refused saying so; ``--again`` records the
    same words again (a check done again that found the same), and then it is confirmed."""
    path = plans / "discharge-ready-for-sign-off.toml"
    items = ("DPM-H01", "DPM-H07", "DPM-C12")
    texts = {i: store.load(path).plan.answers[i].details["text"] for i in items}
    for n, item in enumerate(items):
        reason = ["--reason", "Discharge put off to today"] if n == 0 else []
        code, _out, err = run(capsys, "answer", str(path), item, "yes", "--detail",
                              "date=25/11/2026", *reason)
        assert code == 0, err
    confirm = ("confirm", str(path), "confirm", "--present", "Drew (midwife)")
    code, _out, err = run(capsys, *confirm)
    assert code == 1 and "(DPM-H01) was written on Sunday 22 November 2026, before the " \
        "date it records, Wednesday 25 November 2026" in err
    for item in items:  # the same words given without --again are no change
        assert run(capsys, "answer", str(path), item, "yes", "--detail",
                   f"text={texts[item]}")[0] == 0
    assert run(capsys, *confirm)[0] == 1
    for item in items:
        assert run(capsys, "answer", str(path), item, "yes", "--detail",
                   f"text={texts[item]}", "--again")[0] == 0
    code, _out, err = run(capsys, *confirm)
    assert code == 0, err
    plan = store.load(path).plan
    assert {i: plan.answers[i].details["text"] for i in items} == texts


def test_answer_in_a_real_process(plans) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "checklist_tui", "answer", "early-pre-birth", "PBA-F08", "no"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert "CONCERN: listed under Gaps and risks" in result.stdout


def test_confirm_refused_with_the_reason_when_the_plan_contradicts_it(plans, capsys) -> None:
    """The father was not given the safer-sleep advice after all: the pause point's tick
    on it is contradicted, so confirming again is refused in one sentence."""
    path = plans / "discharge-ready-for-sign-off.toml"
    edited = store.load(path)
    lc = load_catalogue(include_user=False).get(edited.plan.checklist_id)
    reopen(edited.plan, lc.checklist, "The father says he was not given the advice.", by="t",
           now=NOW, today=NOW.date())
    set_answer(edited.plan, lc.checklist, "DPM-S02", "no", by="t", now=NOW)
    store.save(edited)
    before = path.read_bytes()
    code, out, err = run(capsys, "confirm", str(path), "confirm", "--present", "Sam")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert ("Confirm before discharge cannot be confirmed: 'Safer sleep and crying advice "
            "given to every carer, any other man in …' (DPM-K04)") in err
    assert "contradicted by the plan" in err
    assert path.read_bytes() == before


def test_confirming_with_an_open_red_flag_is_refused_with_the_step_first(plans, capsys) -> None:
    """look-a A6: 'the parents may leave with the baby' raised after the items were ticked;
    the confirmation is refused in one line that says what to do first, exit 1, nothing
    written (the reason given with --reason included)."""
    path = plans / "discharge-ready-for-sign-off.toml"
    today = NOW.astimezone().strftime("%d/%m/%Y")
    assert run(capsys, "reopen", str(path), "--reason", "Discharge delayed to today")[0] == 0
    for item in ("DPM-H01", "DPM-H07", "DPM-C12"):  # checked again today
        assert run(capsys, "answer", str(path), item, "yes", "--detail", f"date={today}",
                   "--detail", f"text=Checked again ({item})")[0] == 0
    assert run(capsys, "answer", str(path), "DPM-R02", "yes")[0] == 0
    before = path.read_bytes()
    code, out, err = run(capsys, "confirm", str(path), "confirm", "--present", "Quinn (mother)")
    assert (code, out) == (1, "") and err.count("\n") == 1
    assert ("Confirm before discharge cannot be confirmed: a red flag is open on 'Is there any "
            "sign the parents may try to leave hospital with the baby…' (DPM-R02) and nobody "
            "has acknowledged it: Parents may leave hospital with the baby against the "
            "plan. First acknowledge the red flag on 'Is there any sign the parents may try to "
            "leave hospital with the baby…' (DPM-R02)") in err
    assert path.read_bytes() == before


def test_a_man_added_to_people_after_the_confirmation_undoes_it_in_show(plans, capsys) -> None:
    """look-c 1: Jay Lodger moved into the flat after 'Confirm before discharge' was
    confirmed; show no longer reads the confirmation as holding, and says who."""
    path = plans / "discharge-ready-for-sign-off.toml"
    code, _out, err = run(capsys, "person", "add", str(path), "--name", "Jay Lodger", "--kind",
                          "adult_in_household", "--man", "yes", "--in-household", "yes",
                          "--involvement", "Not yet seen", "--assessment", "Checks requested",
                          "--reason", "A man moved into the flat last night")
    assert (code, err) == (0, "")
    code, out, _err = run(capsys, "show", str(path))
    assert code == 0
    assert "Confirm before discharge: NO LONGER HOLDS: Confirmed by Drew Demo" in out
    # Since discharge planning meeting 2.5.0 the lists of who lives there and who was
    # given the advice are compared with People: the ticks resting on them are
    # contradicted, naming him, and that is said first.
    assert ("Since then: 'Discharge address, named carers and everyone who lives at, stays "
            "at o…' (DPM-K02) is contradicted by the plan: Jay Lodger is not named in 'Who "
            "lives at, stays at or often visits the discharge address' (DPM-C15)") in out
    assert ("CONTRADICTED: Safer sleep and crying advice given to every carer, any other man "
            "in or visiting the home included; a safe sleep space ready. Ticked, but Jay "
            "Lodger is not named in 'Who was given the safer-sleep advice' (DPM-S01) or 'Who "
            "was given the coping-with-crying advice' (DPM-S02)") in out


def test_answer_says_how_to_record_words_again_and_again_alone_does(plans, capsys) -> None:
    """s8redate: ``answer`` printed "... was written on Sunday 22 November 2026, before the
    date it records ..." and nothing said what to do; ``--again`` was only in --help. It
    now says how, and ``--again`` alone records the words the answer holds as today's."""
    path = plans / "discharge-ready-for-sign-off.toml"
    words = store.load(path).plan.answers["DPM-H07"].details["text"]
    code, out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--detail",
                         "date=25/11/2026", "--reason", "Discharge put off to today")
    assert code == 0, err
    assert "(DPM-H07) was written on Sunday 22 November 2026, before the date it records" in out
    command = f"checklist-tui answer {path} DPM-H07 yes --as 'YOUR NAME (YOUR ROLE)'"
    assert (f"If these words are still true today, record them again as today's (with your "
            f"own name and role after --as): {command} --again. If not, give today's words: "
            f"{command} --detail text=...") in out
    before = path.read_bytes()
    with pytest.raises(SystemExit):  # run as printed: the words in capitals are refused
        run(capsys, *shlex.split(f"{command} --again")[1:])
    assert "'YOUR NAME' is not a name" in capsys.readouterr().err
    assert path.read_bytes() == before
    code, out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--again",
                         "--as", "Morgan Example (Ward midwife)")
    assert code == 0, err
    assert "was written on Sunday" not in out and "If these words" not in out
    assert "was recorded again as still true on Wednesday 25 November 2026" in out
    plan = store.load(path).plan
    assert plan.answers["DPM-H07"].details["text"] == words
    last = plan.history[-1]
    assert (last.what, last.target, last.old, last.new) == ("detail", "DPM-H07.text", words,
                                                            words)
    assert last.by == "Morgan Example (Ward midwife)"
    before = path.read_bytes()  # nothing written before today any more: refused, unchanged
    code, _out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--again")
    assert code == 1 and "nothing to record again" in err and path.read_bytes() == before


def test_answer_says_nothing_of_again_for_words_written_on_their_day(plans, capsys) -> None:
    path = plans / "discharge-ready-for-sign-off.toml"
    code, out, _err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--reason",
                          "Looked again")
    assert code == 0 and "--again" not in out and "was written on" not in out


def test_the_command_to_record_words_again_keeps_who_said_it(plans, capsys) -> None:
    """rev9-core 1: the printed command left out --as, and run as printed it recorded the
    bruise check "recorded again as still true" by the plan's practitioner."""
    path = plans / "discharge-ready-for-sign-off.toml"
    code, out, err = run(capsys, "answer", str(path), "DPM-H07", "yes", "--detail",
                         "date=25/11/2026", "--reason", "Discharge put off to today",
                         "--as", "Morgan Example (Ward midwife)")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("If these words are still true"))
    printed = line.partition("as today's: ")[2].partition(" --again.")[0] + " --again"
    assert "--as 'Morgan Example (Ward midwife)'" in printed
    code, _out, err = run(capsys, *shlex.split(printed)[1:])
    assert code == 0, err
    assert store.load(path).plan.history[-1].by == "Morgan Example (Ward midwife)"


def test_again_with_an_answer_that_changes_is_refused(plans, capsys) -> None:
    """rev9-core 4: ``answer DPM-H07 no --again`` kept the Yes's findings under the No and
    recorded them "again as still true"; refused, nothing changed."""
    path = plans / "discharge-ready-for-sign-off.toml"
    assert store.load(path).plan.answers["DPM-H07"].value == "yes"
    before = path.read_bytes()
    code, _out, err = run(capsys, "answer", str(path), "DPM-H07", "no", "--again")
    assert code == 1 and "would change to 'no'" in err and path.read_bytes() == before
