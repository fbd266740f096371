"""What plain mode says is true of what it did (found using it end to end as a screen-reader
user would): a read-only plan refuses a change before asking for it, the last words say
what this visit changed (not every answer in the plan as "you answered"), a step stopped
part-way says what was lost, and stopping at the first question says so."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from checklist_tui.core import store
from checklist_tui.core.session import PlanSession
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation
from tests.cli.helpers import run
from tests.conftest import EXAMPLES
from tests.plain.test_plain import _talk

EARLY = "early-pre-birth.toml"


def _copy(tmp_path: Path, example: str = EARLY) -> Path:
    path = tmp_path / "plans" / example
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / example, path)
    return path


def test_a_read_only_plan_refuses_a_change_before_asking_for_it(tmp_path, catalogue) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()
    given = sum(1 for a in store.load(path).plan.answers.values() if a.has_value)
    _code, out = _talk(path, catalogue, ["note", "add person", "y", "quit"], read_only=True)
    assert "Every answer is saved as you go." not in out
    note = out.partition("Answer: note\n")[2]
    assert note.startswith("Not changed: the plan is read-only (opened read-only).\n")
    assert "Type the text" not in out  # the note was never asked for
    assert "Adding a person" not in out
    end = out.rpartition("Answer: quit\n")[2]
    assert "Nothing was changed." in end and "Everything you" not in end
    assert f"The plan has {given} answers;" in end
    assert path.read_bytes() == before


def test_the_last_words_count_what_this_visit_changed(tmp_path, catalogue) -> None:
    path = _copy(tmp_path)
    given = sum(1 for a in store.load(path).plan.answers.values() if a.has_value)
    _code, out = _talk(path, catalogue, ["y", "quit"])
    assert "Everything you changed is saved: 1 change." in out
    assert f"The plan has {given + 1} answers;" in out


def test_clear_and_note_say_when_nothing_was_there(tmp_path, catalogue) -> None:
    path = _copy(tmp_path)
    history = len(store.load(path).plan.history)
    _code, out = _talk(path, catalogue, ["clear", "note", "end", "go", "quit"])
    assert "Question 7 of 90, PBA-S03." in out  # the first without an answer
    assert "PBA-S03 has no answer to remove: nothing was changed." in out
    assert "Answer removed." not in out
    assert "There was no note: nothing was changed." in out
    assert "Note removed." not in out
    assert "Type go and the question's id, for example go PBA-S01." in out  # the first
    assert "There is no question ''" not in out
    assert len(store.load(path).plan.history) == history


class _Interrupted(io.StringIO):
    """Lines, then Ctrl+C at the next read (as a terminal sends it)."""

    def readline(self, size: int = -1) -> str:
        line = super().readline(size)
        if not line:
            raise KeyboardInterrupt
        return line


def test_ctrl_c_part_way_through_a_step_says_what_was_not_saved(tmp_path, catalogue) -> None:
    path = _copy(tmp_path)
    people = len(store.load(path).plan.people)
    stdout = io.StringIO()
    console = Console(_Interrupted("add person\nBlake Example\n"), stdout, echo=True)
    session = PlanSession.open(path, catalogue.get)
    assert Conversation(console, session, catalogue.sources).run() == 0
    out = stdout.getvalue()
    assert ("Stopped part-way through a step: what you were typing for it was not saved.\n"
            "Stopped. Nothing was changed.") in out
    assert len(store.load(path).plan.people) == people

    stdout = io.StringIO()  # between answers: nothing part-way
    console = Console(_Interrupted("y\n"), stdout, echo=True)
    session = PlanSession.open(path, catalogue.get)
    Conversation(console, session, catalogue.sources).run()
    assert "part-way" not in stdout.getvalue()
    assert "Stopped. Everything you changed is saved: 1 change." in stdout.getvalue()


def test_stopping_at_the_first_question_says_so(tmp_path, capsys, monkeypatch) -> None:
    path = _copy(tmp_path)
    before = path.read_bytes()
    for typed in ("quit\n", ""):  # quit, and the end of input (Ctrl+D)
        monkeypatch.setattr("sys.stdin", io.StringIO(typed))
        code, out, _err = run(capsys, "fill", str(path), "--plain")
        assert code == 0
        assert out.endswith("\nStopped before the first question: nothing was changed.\n")
    assert path.read_bytes() == before


def test_a_pasted_text_keeps_lines_that_are_short_command_words(tmp_path, catalogue) -> None:
    """A line "Q", "Exit" or "Help" in a pasted email is part of it: "q" stopped plain mode
    part-way through the paste (the text lost, the rest of it typed into the shell)."""
    path = _copy(tmp_path)
    _code, out = _talk(path, catalogue, [
        "go PBA-S03", "note", "help", "Rang the ward.", "Q", "exit", "Help", "h",
        "save and quit", "end", "quit"])
    assert "Note saved." in out
    assert "This asks: >" not in out  # help before the text began: said what is asked
    assert "Note on PBA-S03. Type the text" in out.partition("> help\n")[2]
    note = store.load(path).plan.answers["PBA-S03"].note
    assert note == "Rang the ward.\nQ\nexit\nHelp\nh\nsave and quit"

    _code, out = _talk(path, catalogue, ["go PBA-S03", "note", "New words", "quit"])
    assert "Stopped: this step changed nothing." in out  # the whole word still stops
    assert store.load(path).plan.answers["PBA-S03"].note == note


def test_confirm_refused_while_the_confirmation_holds_says_so(tmp_path, catalogue) -> None:
    """It said why confirming again today is refused, then an empty line."""
    from checklist_tui.plain.pause_point import HOLDS

    path = _copy(tmp_path, "discharge-ready-for-sign-off.toml")
    _code, out = _talk(path, catalogue, ["go DPM-K01", "confirm", "quit"])
    said = out.partition("Answer: confirm\n")[2].partition("\nBack to question")[0]
    lines = said.splitlines()
    assert lines[0].startswith("Confirm before discharge cannot be confirmed: ")
    assert lines[1:] == [HOLDS]  # (the old code said an empty line there)


def test_enter_at_a_numbered_list_says_nothing_was_done(tmp_path, catalogue) -> None:
    """Enter at "Which format?", "Where did the information come from?" or "Which one?"
    (acknowledge) went back to the question without a word."""
    path = _copy(tmp_path, "family-t-like-twins.toml")
    before = path.read_bytes()
    _code, out = _talk(path, catalogue, ["export", "", "source", "", "acknowledge", "",
                                         "quit"])

    def after(command: str) -> str:
        said = out.partition(f"Answer: {command}\n")[2].partition("\nBack to question")[0]
        return said.rstrip("\n").splitlines()[-1]

    assert after("export") == "Nothing was written."
    assert after("source") == "Nothing was changed."
    assert after("acknowledge") == "Nothing was acknowledged."
    assert path.read_bytes() == before


def test_a_command_with_words_after_it_is_not_taken_as_who_is_making_changes(
        tmp_path, capsys, monkeypatch) -> None:
    """s8who: "go PBA-S10" typed at the first question was recorded as the person making
    changes. "Go Yamada" is a name."""
    path = _copy(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(
        "go PBA-S10\naction done 1\nremove person Blake\nGo Yamada\nbirth 22/11/2026\n"
        "Ward midwife\nquit\n"))
    code, out, _err = run(capsys, "fill", str(path), "--plain")
    assert code == 0
    for typed in ("go PBA-S10", "action done 1", "remove person Blake"):
        assert f"'{typed}' is a command or an answer, not a name: say your name." in out
    assert "'birth 22/11/2026' is a command or an answer, not a role: say your role." in out
    assert "Every change will be recorded as made by Go Yamada (Ward midwife)." in out


def test_same_with_nobody_offered_is_not_a_name(tmp_path, capsys, monkeypatch) -> None:
    path = _copy(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("same\nAnn One\nsame\nMidwife\nquit\n"))
    code, out, _err = run(capsys, "fill", str(path), "--plain")
    assert code == 0 and "Last here" not in out
    assert "Nobody is offered to be the same as: type your name." in out
    assert "Nobody is offered to be the same as: type your role." in out
    assert "Every change will be recorded as made by Ann One (Midwife)." in out


def test_details_on_a_question_with_no_answer_says_so(tmp_path, catalogue) -> None:
    path = _copy(tmp_path)
    _code, out = _talk(path, catalogue, ["details", "quit"])
    said = out.partition("Answer: details\n")[2]
    assert said.startswith("PBA-S03 has no answer yet, so there are no details to add: "
                           "answer it first.\n")
    assert "Nothing is missing" not in out


def test_an_action_in_a_list_to_choose_from_is_said_as_sentences(tmp_path, catalogue) -> None:
    """'1. See the father on his own Owner: Alex Placeholder.' ran the action's words into
    its owner's for a screen reader."""
    path = _copy(tmp_path, "family-t-like-twins.toml")
    _code, out = _talk(path, catalogue, ["action status", "", "quit"])
    assert "1. See the father on his own. Owner: Alex Placeholder. Due 20/11/2026." in out


def test_stopping_at_the_first_question_of_a_new_plan_says_it_is_made(tmp_path, capsys,
                                                                       monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("quit\n"))
    code, out, _err = run(capsys, "new", "pre-birth-assessment", "--case-ref", "NEW-9",
                          "--edd", "20/05/2027", "--plain")
    assert code == 0
    assert out.endswith("\nStopped before the first question: the plan is made, with nothing "
                        "answered yet.\n")
    made = next((tmp_path / "plans").glob("*new-9*.toml"))
    assert not store.load(made).plan.answers


def test_only_looking_says_how_to_change_it_in_one_plain_sentence(tmp_path, capsys,
                                                                  monkeypatch) -> None:
    """It read "(nobody said who is making changes (type who to say, and change it))"."""
    path = _copy(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("cancel\ny\nquit\n"))
    code, out, _err = run(capsys, "fill", str(path), "--plain")
    assert code == 0
    assert ("Read-only: nobody said who is making changes: type who to say who you are and "
            "change it. You can look but not change.") in out
    assert ("Not changed: the plan is read-only (nobody said who is making changes: type who "
            "to say who you are and change it).") in out
    assert "((" not in out and "))" not in out
