"""A practitioner's words in plain mode are never run as a command, nor taken as an answer
they did not give (rev8-core 12): a line that begins with a command and could as well be
the answer asked for is neither until they say which; a yes or no that is recorded is
never taken from Enter."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from checklist_tui.core import clock, store
from checklist_tui.core.plan import ActionStatus
from tests.conftest import EXAMPLES
from tests.plain.test_plain import _talk

WORDS = "action done by police on Monday, ref 123 (fictional)"


def _injury(tmp_path: Path, catalogue, ref: str = "INJ-W1") -> Path:
    loaded = store.create(tmp_path / "plans", catalogue.get("injury-non-mobile-baby"),
                          case_ref=ref, now=clock.now(), dob=date(2026, 11, 8))
    return loaded.path


def _with_an_action(tmp_path: Path, catalogue) -> Path:
    path = _injury(tmp_path, catalogue)
    _code, _out = _talk(path, catalogue, [
        "add action", "Ring the police about the referral", "Sam Screen", "", "", "", "quit"])
    assert len(store.load(path).plan.actions) == 1
    return path


def test_words_beginning_like_a_command_are_neither_run_nor_recorded_until_said(
        tmp_path, catalogue) -> None:
    path = _with_an_action(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", WORDS, "", "quit"])
    said = out.partition(f"Answer: {WORDS}\n")[2]
    assert (f"'{WORDS}' begins with the command action done, but it could be your answer "
            "to NAI-06.") in said
    assert "1. Record it as the answer to NAI-06." in said
    assert f"2. Run the command {WORDS}." in said
    assert "Nothing was recorded or run." in said
    plan = store.load(path).plan
    assert "NAI-06" not in plan.answers
    assert plan.actions[0].status != ActionStatus.DONE

    _code, out = _talk(path, catalogue, ["go NAI-06", WORDS, "1", "quit"])
    plan = store.load(path).plan
    assert plan.answers["NAI-06"].value == WORDS
    assert f"Saved: {WORDS}." in out
    assert plan.actions[0].status != ActionStatus.DONE


def test_the_command_runs_when_the_person_says_so(tmp_path, catalogue) -> None:
    path = _with_an_action(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", "action done by the police", "2",
                                         "1", "quit"])
    assert "There is no action 'by the police' in the list." in out
    plan = store.load(path).plan
    assert plan.actions[0].status == ActionStatus.DONE
    assert "NAI-06" not in plan.answers


def test_a_command_naming_what_it_works_on_runs_at_once(tmp_path, catalogue) -> None:
    """``action done 1``, ``go NAI-07``, ``birth`` with a whole date: nothing to ask."""
    path = _with_an_action(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", "action done 1", "go NAI-07",
                                         "birth 09/11/2026", "quit"])
    assert "could be your answer" not in out
    plan = store.load(path).plan
    assert plan.actions[0].status == ActionStatus.DONE
    assert plan.dob == date(2026, 11, 9)
    assert "Question 11 of 22, NAI-07" in out.partition("Answer: go NAI-07\n")[2]
    assert not plan.answers


def test_birth_followed_by_words_that_are_no_date_is_asked_about(tmp_path, catalogue) -> None:
    path = _injury(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", "birth 2 weeks early, MASH told",
                                         "1", "quit"])
    assert "begins with the command birth, but it could be your answer to NAI-06." in out
    plan = store.load(path).plan
    assert plan.answers["NAI-06"].value == "birth 2 weeks early, MASH told"
    assert plan.dob == date(2026, 11, 8)


def test_at_a_question_those_words_cannot_answer_the_command_runs(tmp_path, catalogue) -> None:
    """NAI-01 is answered yes or no: the words are no answer to it, so it is the command."""
    path = _with_an_action(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-01", WORDS, "", "quit"])
    assert "could be your answer" not in out
    assert "There is no action 'by police on Monday, ref 123 (fictional)' in the list." in out
    assert not store.load(path).plan.answers


def test_share_never_takes_enter_as_not_the_parents_copy(tmp_path, catalogue) -> None:
    path = tmp_path / "plans" / "early-pre-birth.toml"
    path.parent.mkdir(parents=True)
    shutil.copy(EXAMPLES / "early-pre-birth.toml", path)
    before = len(store.load(path).plan.distribution)
    _code, out = _talk(path, catalogue, ["share", "", "maybe", "cancel", "quit"])
    said = out.partition("Answer: share\n")[2]
    assert said.count("Is this the copy given to the parents? yes or no:") == 3
    assert "Type yes or no. Type cancel to record nothing." in said
    assert "Type yes or no: 'maybe' is neither. Type cancel to record nothing." in said
    assert "Cancelled: this step changed nothing." in said
    assert len(store.load(path).plan.distribution) == before

    _code, out = _talk(path, catalogue, ["share", "", "yes", "", "", "By hand", "", "quit"])
    copies = store.load(path).plan.distribution
    assert len(copies) == before + 1 and copies[-1].parents


def test_no_shipped_option_is_typed_as_a_command(catalogue) -> None:
    """Commands are read before answers: an option whose words were a command ("Back")
    could only be chosen by its number, and its words would run the command."""
    from typing import cast

    from checklist_tui.plain import between
    from checklist_tui.plain.conversation import Conversation

    commands = set(between.table(cast(Conversation, None)))
    shadowed = [(loaded.checklist.id, item.id, typed)
                for loaded in catalogue.checklists.values()
                for _s, item in loaded.checklist.all_items() for option in item.options
                for typed in (option.value.lower(), option.label.lower())
                if typed in commands or any(typed.startswith(f"{key} ")
                                            for key in between.TAKES_WHICH)]
    assert not shadowed
    assert len(catalogue.checklists) >= 4


def test_a_question_id_alone_goes_there_only_when_the_person_says_so(tmp_path,
                                                                     catalogue) -> None:
    """Typed without go, a question's id at a question answered in words was recorded as
    the answer ("NAI-07" as the referral's reference); at a yes or no question it is no
    answer, and how to go there is said."""
    path = _injury(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", "nai-07", "", "NAI-07", "2",
                                         "go NAI-01", "NAI-07", "quit"])
    first = out.partition("Answer: nai-07\n")[2]
    assert "'nai-07' is the id of another question, but it could be your answer to NAI-06." \
        in first
    assert "2. Run the command go nai-07." in first
    assert "Nothing was recorded or run." in first
    assert "Question 11 of 22, NAI-07" in out.partition("leave it): 2\n")[2]
    assert ("'NAI-07' is not an answer to this question. Answers: yes, no. To go to that "
            "question, type go NAI-07.") in out.rpartition("Answer: NAI-07\n")[2]
    assert not store.load(path).plan.answers


def test_a_mistyped_command_is_named(tmp_path, catalogue) -> None:
    path = _injury(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["peple", "blah", "quit"])
    assert ("'peple' is not an answer to this question. Answers: yes, no. A command: did you "
            "mean 'people'?") in out
    assert ("'blah' is not an answer to this question. Answers: yes, no. Type help for the "
            "commands.") in out


def test_a_read_only_plan_is_said_before_asking_which_was_meant(tmp_path, catalogue) -> None:
    path = _injury(tmp_path, catalogue)
    _code, out = _talk(path, catalogue, ["go NAI-06", WORDS, "quit"], read_only=True)
    said = out.partition(f"Answer: {WORDS}\n")[2]
    assert said.startswith("Not changed: the plan is read-only (opened read-only).\n")
    assert "Which did you mean?" not in out
