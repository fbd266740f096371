"""Plain mode, driven through a pipe and in-process: the same session, engine and saves
as the full-screen app, in lines a screen reader reads well."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from checklist_tui.core import clock, edit, store
from checklist_tui.core.catalogue import Catalogue
from checklist_tui.core.definition import ItemType, Severity
from checklist_tui.core.engine import evaluate
from checklist_tui.core.locking import lock_path
from checklist_tui.core.plan import Person, PersonKind
from checklist_tui.core.session import PlanSession
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation
from tests.conftest import ROOT

PBA = "pre-birth-assessment"
# what a screen reader would read aloud as symbols, and terminal control
DECORATION = re.compile(r"[\u2500-\u257f\u2580-\u259f\u2713\u2714\u2022\u25cf\x1b\x07]")


def _new(plans: Path, catalogue: Catalogue, ref: str = "PLAIN-1") -> Path:
    loaded = store.create(plans, catalogue.get(PBA), case_ref=ref, now=clock.now(),
                          edd=clock.today().replace(year=clock.today().year + 1))
    return loaded.path


def _talk(path: Path, catalogue: Catalogue, lines: list[str], read_only: bool = False
          ) -> tuple[int, str]:
    stdout = io.StringIO()
    console = Console(io.StringIO("".join(f"{x}\n" for x in lines)), stdout, echo=True)
    session = PlanSession.open(path, catalogue.get, read_only=read_only)
    code = Conversation(console, session, catalogue.sources).run()
    return code, stdout.getvalue()


def _first_visible(catalogue: Catalogue, path: Path, n: int = 1):
    checklist = catalogue.get(PBA).checklist
    ev = evaluate(checklist, store.load(path).plan, clock.today())
    return [i for _s, i in checklist.all_items() if i.id in ev.visible_items][:n]


def test_answers_are_saved_and_match_the_same_edits_made_directly(tmp_path, catalogue) -> None:
    plans = tmp_path / "plans"
    path = _new(plans, catalogue)
    items = _first_visible(catalogue, path, 3)
    assert all(i.type in (ItemType.YES_NO, ItemType.YES_NO_UNKNOWN) for i in items[:2])
    code, out = _talk(path, catalogue, ["y", "n", "quit"])
    assert code == 0
    assert "Everything you changed is saved: 2 changes.\nThe plan has 2 answers." in out
    plan = store.load(path).plan
    assert plan.answers[items[0].id].value == "yes"
    assert plan.answers[items[1].id].value == "no"

    twin = store.load(_new(plans, catalogue, "PLAIN-2")).plan
    checklist = catalogue.get(PBA).checklist
    for item, value in zip(items[:2], ("yes", "no"), strict=False):
        edit.set_answer(twin, checklist, item.id, value, by=plan.practitioner or "practitioner",
                        now=clock.now())
    assert {k: (a.value, a.note) for k, a in plan.answers.items()} == {
        k: (a.value, a.note) for k, a in twin.answers.items()}
    assert [(h.what, h.target, h.new) for h in plan.history if h.what == "answer"] == [
        (h.what, h.target, h.new) for h in twin.history if h.what == "answer"]


def test_output_is_plain_lines_without_symbols_or_escapes(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, ["?", "where", "outstanding", "people", "help", "quit"])
    assert not DECORATION.search(out), DECORATION.search(out)
    assert "Answers: yes, no" in out
    assert all(len(line) < 400 for line in out.splitlines())


def test_a_wrong_word_is_explained_and_nothing_changes(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, ["perhaps", "quit"])
    assert "'perhaps' is not an answer to this question." in out
    assert path.read_bytes() == before


def _red_flag_warning(catalogue: Catalogue, path: Path):
    """The first question on show whose answer raises a red flag to acknowledge."""
    checklist = catalogue.get(PBA).checklist
    ev = evaluate(checklist, store.load(path).plan, clock.today())
    for _s, item in checklist.all_items():
        for r in item.rules:
            if (item.id in ev.visible_items and r.red_flag and r.if_answer
                    and r.severity == Severity.WARNING):
                return item, r
    raise AssertionError("no red flag to acknowledge")


def test_red_flag_is_read_out_with_escalation_and_acknowledged_with_reason(
        tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    target, rule = _red_flag_warning(catalogue, path)
    value = str(rule.if_answer[0]).lower()
    _code, out = _talk(path, catalogue, [f"go {target.id}", value, "Discussed with manager",
                                         "quit"])
    assert f"RED FLAG: {rule.message}" in out
    assert f"What to do now: {rule.escalation}" in out
    plan = store.load(path).plan
    ack = plan.acknowledgements[0]
    assert ack.reason == "Discussed with manager"
    assert ack.rule.startswith(target.id)


def test_a_red_flag_is_not_acknowledged_with_y_or_ok(tmp_path, catalogue) -> None:
    """look-d 11: a screen-reader user answering "y" when the red flag was read out had
    acknowledged it with the reason "y". The core's rule for a reason: asked again."""
    path = _new(tmp_path / "plans", catalogue)
    target, rule = _red_flag_warning(catalogue, path)
    value = str(rule.if_answer[0]).lower()
    _code, out = _talk(path, catalogue, [f"go {target.id}", value, "y", "ok",
                                         "Police told; seen with the manager", "quit"])
    assert ("'y' is a command or an answer, not a reason. Say what you have done or "
            "decided.") in out
    assert "'ok' is not a reason. Say what you have done or decided." in out
    assert [a.reason for a in store.load(path).plan.acknowledgements] == [
        "Police told; seen with the manager"]


def test_end_of_input_keeps_everything_and_says_so(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    code, out = _talk(path, catalogue, ["y"])  # then end of input, as Ctrl+D
    assert code == 0
    assert "Stopped. Everything you changed is saved: 1 change." in out
    assert store.load(path).plan.answers
    assert not lock_path(path).exists()


def test_ctrl_c_keeps_everything(tmp_path, catalogue) -> None:
    class Interrupting(io.StringIO):
        def readline(self, *args):  # type: ignore[override]
            line = super().readline(*args)
            if not line:
                raise KeyboardInterrupt
            return line

    path = _new(tmp_path / "plans", catalogue)
    stdout = io.StringIO()
    session = PlanSession.open(path, catalogue.get)
    code = Conversation(Console(Interrupting("y\nn\n"), stdout, echo=False), session,
                        catalogue.sources).run()
    assert code == 0
    assert "Stopped." in stdout.getvalue()
    assert len(store.load(path).plan.answers) == 2


def test_read_only_plan_refuses_changes_in_one_sentence(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, ["y", "quit"], read_only=True)
    assert "Read-only: opened read-only." in out
    assert "Not changed: the plan is read-only (opened read-only)." in out
    assert path.read_bytes() == before


def test_add_person_agency_and_action(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    _talk(path, catalogue, [
        "add person", "Testy McTestface", "2", "Father of the baby", "Shares care", "no",
            "Seen at home", "Assessed by a fictional worker",
        "add agency", "Fictional Health Trust", "A. Midwife", "Community midwife", "01234",
        "add action", "Visit the father at home", "A. Worker", "Children's services",
        "31/12/2099", "The baby sleeps safely (fictional)", "quit"])
    plan = store.load(path).plan
    assert plan.people[0].name == "Testy McTestface" and plan.people[0].kind.value == "father"
    assert plan.agencies[0].role == "Community midwife"
    assert plan.actions[0].due is not None and plan.actions[0].due.year == 2099
    # as the app's forms ask: a person's role around the baby, the outcome an action serves
    assert plan.people[0].role == "Shares care"
    assert plan.actions[0].outcome == "The baby sleeps safely (fictional)"


def test_hostile_text_in_the_plan_is_shown_not_obeyed(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    loaded = store.load(path)
    edit.add_record(loaded.plan, edit.Person, by="x", now=clock.now(),
                    name="\x1b]0;owned\x07[bold]Evil[/bold]", kind="father")
    store.save(loaded)
    _code, out = _talk(path, catalogue, ["people", "quit"])
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07[bold]Evil[/bold]" in out


def _cli(args: list[str], stdin: str, env_extra: dict[str, str] | None = None,
         tmp_path: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TERM"} | (env_extra or {})
    return subprocess.run([sys.executable, "-m", "checklist_tui", *args], input=stdin,
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def test_new_plain_through_a_pipe(tmp_path) -> None:
    """The practitioner making the plan is who makes its changes: not asked."""
    result = _cli(["new", PBA, "--case-ref", "PIPE-1", "--edd", "20/05/2027", "--plain",
                   "--practitioner", "Pat Example", "--role", "Social worker"],
                  "y\nn\nquit\n")
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.splitlines()[0])
    assert "Question 1 of" in result.stdout
    assert len(store.load(path).plan.answers) == 2


def test_term_dumb_opens_in_plain_mode(tmp_path, catalogue) -> None:
    path = _new(tmp_path / "plans", catalogue)
    result = _cli(["fill", str(path)], "Morgan Example\nWard midwife\nquit\n", {"TERM": "dumb"})
    assert result.returncode == 0, result.stderr
    assert "plain mode" in result.stderr
    assert "Question 1 of" in result.stdout


@pytest.mark.parametrize("command", ["fill", "open"])
def test_plain_flag_on_fill_and_open(tmp_path, catalogue, command) -> None:
    path = _new(tmp_path / "plans", catalogue)
    result = _cli([command, str(path), "--plain"], "Morgan Example\nWard midwife\ny\nquit\n")
    assert result.returncode == 0, result.stderr
    assert "Saved: Yes." in result.stdout


def test_show_reads_as_words_without_symbols(capsys) -> None:
    from checklist_tui.cli import main
    from tests.conftest import EXAMPLES

    assert main(["show", str(EXAMPLES / "family-t-like-twins.toml")]) == 0
    out = capsys.readouterr().out
    assert not DECORATION.search(out), DECORATION.search(out)
    assert not re.search(r"^\s*[-!\[]", out, re.MULTILINE)
    assert "answered, complete" in out or "answered" in out


def test_no_gaps_read_out_in_the_plan_headers_words(tmp_path, catalogue) -> None:
    """Nothing found is not nothing wrong: with questions unanswered, plain mode says "none
    found yet", the words the TUI's plan header uses, never that none are recorded."""
    path = _new(tmp_path / "plans", catalogue)
    _code, out = _talk(path, catalogue, ["gaps", "quit"])
    # the plan's own list (core.plan_gaps), as show counts it: no man recorded is a gap
    assert "PLAN CHECK: No father or other man is recorded." in out
    assert "none found" not in out and "none recorded" not in out
    loaded = store.load(path)
    edit.add_record(loaded.plan, Person, by="t", now=clock.now(), name="Test Father",
                    kind=PersonKind.FATHER, man=True, in_household=True,
                    involvement="Seen at home with the mother.",
                    assessment="Assessed with the mother; no concerns raised.")
    store.save(loaded)
    _code, out = _talk(path, catalogue, ["gaps", "quit"])
    assert "Gaps and risks: none found yet." in out, out
    assert "none recorded" not in out


def test_add_person_may_leave_whether_a_man_not_recorded(tmp_path, catalogue) -> None:
    """As the app's People form: "Is this person a man?" and "lives in the household" take
    Enter for not recorded yet (kept as nothing, never as no). An unrecorded adult is never
    counted as a man nor as not one; a partner who visits, recorded as a man, counts."""
    path = _new(tmp_path / "plans", catalogue)
    visiting = str(list(PersonKind).index(PersonKind.VISITING_ADULT) + 1)
    _code, out = _talk(path, catalogue, [
        "add person", "Sam Visitor", visiting, "Mother's friend", "", "", "", "Phoned once",
        "add person", "Pat Partner", visiting, "Mother's boyfriend, visits", "", "no", "yes",
        "Met once", "Checks requested",
        "people", "quit"])
    plan = store.load(path).plan
    sam, pat = plan.people
    assert (sam.man, sam.in_household) == (None, None) and sam.man_unrecorded
    assert (pat.man, pat.in_household, pat.assessment) == (True, False, "Checks requested")
    assert "Whether Sam Visitor is a man is not recorded" in out
    assert "Sam Visitor, Adult who visits or stays, not recorded whether a man" in out
    assert "household not recorded." in out
    assert "Pat Partner, Adult who visits or stays, a man" in out
    ev = evaluate(catalogue.get(PBA).checklist, plan, clock.today())
    assert [p.name for p in ev.men] == ["Pat Partner"]
    assert any("record whether Sam Visitor" in i.message for i in ev.integrity)


def test_the_father_is_chosen_from_the_fathers_in_people(tmp_path, catalogue) -> None:
    """look-c 2: plain mode offered everyone in People, the mother first, as the father."""
    path = _new(tmp_path / "plans", catalogue)
    loaded = store.load(path)
    for name, kind in (("Kim Example", PersonKind.MOTHER), ("Jordan Sample", PersonKind.FATHER)):
        edit.add_record(loaded.plan, Person, by="t", now=clock.now(), name=name, kind=kind)
    store.save(loaded)
    code, out = _talk(path, catalogue, ["go PBA-F01", "y", "1", "quit"])
    assert code == 0
    assert "1. Jordan Sample, Father" in out and "Kim Example, Mother" not in out
    answer = store.load(path).plan.answers["PBA-F01"]
    assert answer.details == {"people": [loaded.plan.people[1].id]}


def test_the_current_answer_says_what_the_yes_carries_and_not_after_a_no(tmp_path,
                                                                          catalogue) -> None:
    """look-c 16: "Current answer: Yes." for PBA-F01 did not say who was named; look-c 6:
    after a change to No, what the Yes carried is not read out as if in place."""
    path = _new(tmp_path / "plans", catalogue)
    loaded = store.load(path)
    edit.add_record(loaded.plan, Person, by="t", now=clock.now(), name="Jordan Sample",
                    kind=PersonKind.FATHER)
    store.save(loaded)
    code, out = _talk(path, catalogue, ["go PBA-F01", "y", "1", "go PBA-F01", "quit"])
    assert code == 0
    assert ("Current answer: Yes.\nThe father (add him on the People page): Jordan Sample.\n"
            in out)
    code, out = _talk(path, catalogue, ["go PBA-F01", "n", "", "go PBA-F01", "quit"])
    assert code == 0
    after = out[out.index("Current answer: No."):]
    assert after.startswith("Current answer: No.\nDetails recorded with an earlier Yes are "
                            "not shown now the answer is No (the history keeps them).\n")
    # not read as what is in place; the state line says the answer is contradicted instead
    assert "The father (add him on the People page): Jordan Sample" not in after
    assert "CONTRADICTED: People records the father: Jordan Sample (father)." in after
    code, out = _talk(path, catalogue, ["go PBA-F01", "y", "", "quit"])
    assert code == 0  # No back to Yes: the Yes's person is not brought back, and it says so
    assert ("Saved: Yes.\nThe details given with the earlier Yes are not carried over: the "
            "answer was No before this Yes. Give them again if they still hold (the history "
            "keeps the old ones).\n") in out
    assert store.load(path).plan.answers["PBA-F01"].details is None


def test_a_question_is_read_with_the_state_the_app_shows(tmp_path, catalogue) -> None:
    """look-d 5: plain mode read PBA-F11 ("any other man ...?") as "Current answer: No."
    while People recorded a visiting man, and said nothing when he was added; `where` gave
    no count of the gaps and risks. It reads the app's state line, in the engine's words."""
    import shutil

    from tests.conftest import EXAMPLES

    path = Path(shutil.copy(EXAMPLES / "early-pre-birth.toml", tmp_path / "plain5.toml"))
    visiting = str(list(PersonKind).index(PersonKind.VISITING_ADULT) + 1)
    code, out = _talk(path, catalogue, [
        "where", "add person", "Lee Visitor", visiting, "Mother's boyfriend", "", "no", "yes",
        "Met once", "Checks requested", "go PBA-F11", "quit"])
    assert code == 0
    opening = out[:out.index("Answer: where")]
    assert re.search(r"Gaps and risks: \d+ things?, \d+ about the father and male carers\.",
                     opening)
    added = out[out.index("Added Lee Visitor."):]
    assert ("'Apart from the father, is there any other man in or visiting the home…' "
            "(PBA-F11) is now CONTRADICTED: People records a man other than the father: Lee "
            "Visitor (adult who visits or stays).") in added  # said after what was done
    asked = added[added.index("Question"):]
    assert ("Current answer: No.\nCONTRADICTED: People records a man other than the father: "
            "Lee Visitor (adult who visits or stays).\n") in asked
    assert "1 answer contradicted by the plan: type gaps to hear why." not in opening
    code, out = _talk(path, catalogue, ["where", "quit"])
    assert "1 answer contradicted by the plan: type gaps to hear why." in out


def test_a_long_text_keeps_its_paragraphs_and_says_what_it_took(tmp_path, catalogue) -> None:
    """look-d 7: an empty line ended a long text, so a pasted second paragraph was lost and
    its lines were taken as answers ("No") and commands ("clear") on the next questions.
    A text ends with "end" on a line of its own; empty lines between paragraphs are kept."""
    import shutil

    from tests.conftest import EXAMPLES

    path = Path(shutil.copy(EXAMPLES / "early-pre-birth.toml", tmp_path / "plain7.toml"))
    before = store.load(path).plan
    code, out = _talk(path, catalogue, [
        "note", "Seen at home on Tuesday.", "", "No", "clear", "end", "quit"])  # on PBA-S03
    assert code == 0
    assert "Type end on a line of its own to finish" in out
    assert "Taken: 2 paragraphs, 34 characters." in out
    plan = store.load(path).plan
    assert plan.answers["PBA-S03"].note == "Seen at home on Tuesday.\n\nNo\nclear"
    assert {k: a.value for k, a in plan.answers.items() if a.has_value} == {
        k: a.value for k, a in before.answers.items() if a.has_value}  # nothing answered
