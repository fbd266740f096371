"""Every kind of broken definition gives one clear line naming the file and place."""

from __future__ import annotations

import pytest

from checklist_tui.cli import main
from checklist_tui.core.catalogue import validate_paths
from tests.conftest import DATA

BROKEN = DATA / "broken"

CASES = {
    "unknown_key.toml": ("item 'father_seen' (line 34)", "unknown key 'promt'",
                         "did you mean 'prompt'?"),
    "dup.toml": ("item 'father_seen'", "duplicate item id 'father_seen'"),
    "missing_item.toml": ("item 'father_seen'", "names item 'father_knwn', which does not exist",
                          "did you mean 'father_known'?"),
    "impossible.toml": ("section 'care'", "item 'lac' can never be 'maybe'"),
    "cycle.toml": ("item 'father_", "conditions go round in a loop"),
    "badref.toml": ("item 'lac'", "unknown source 'R2z'", "did you mean 'R2d'?"),
    "baddue.toml": ("item 'pa_told'", "a due point needs either 'weeks'"),
    "badtype.toml": ("item 'lac'", "'type': must be one of: 'check'"),
    "malformed.toml": ("line 15, column 16", "is not valid TOML"),
    "empty.toml": ("is empty",),
    "latin1.toml": ("line 4", "is not UTF-8 text"),
    "badver.toml": ("'version'", "not a semantic version"),
    "badpart.toml": ("item 'father_seen' (line 34)", "'plan_part': must be one of: 'why_plan'"),
    "answered_by.toml": ("item 'father_known'", "answered_by': must be one of: 'agency_recorded'"),
    "edd_for_born.toml": ("item 'father_known' (line 15)", "takes_edd = false, but this item "
                          "is counted from the expected delivery date"),
}


def test_every_broken_file_is_covered() -> None:
    assert {p.name for p in BROKEN.glob("*.toml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_definition_gives_one_located_line(name: str) -> None:
    count, problems = validate_paths([BROKEN / name])
    assert count == 1
    relevant = [p for p in problems if name in str(p.file)]
    assert relevant, f"{name} was accepted"
    line = relevant[0].line()
    assert "\n" not in line
    assert str(BROKEN / name) in line
    for fragment in CASES[name]:
        assert fragment in line, line
    if name != "dup.toml":
        assert len(relevant) == 1, [p.line() for p in relevant]


@pytest.mark.parametrize("name", sorted(CASES))
def test_cli_validate_rejects_with_exit_1_and_no_traceback(name, capsys) -> None:
    assert main(["validate", str(BROKEN / name)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert name in err


def test_cli_validate_accepts_good_and_builtins(capsys) -> None:
    assert main(["validate", str(DATA / "good")]) == 0
    assert main(["validate"]) == 0
    assert "4 checklists valid" in capsys.readouterr().out


def test_validate_missing_path(tmp_path) -> None:
    _count, problems = validate_paths([tmp_path / "nope.toml"])
    assert "does not exist" in problems[0].line()


def test_condition_needs_exactly_one_form(tmp_path) -> None:
    text = (DATA / "good" / "mini.toml").read_text()
    bad = text.replace('show_if = { item = "father_known", equals = "yes" }',
                       'show_if = { item = "father_known", equals = "yes", answered = "lac" }')
    path = tmp_path / "two_forms.toml"
    path.write_text(bad)
    _count, problems = validate_paths([path])
    assert "a condition needs exactly one of" in problems[0].line()
    assert "item 'father_seen'" in problems[0].line()


def test_red_flag_needs_escalation(tmp_path) -> None:
    text = (DATA / "good" / "mini.toml").read_text()
    path = tmp_path / "flag.toml"
    path.write_text(text.replace('escalation = "Discuss with your manager within a working day."',
                                 ""))
    _count, problems = validate_paths([path])
    assert "a red flag needs 'escalation'" in problems[0].line()


def test_pause_point_over_nine_items(tmp_path) -> None:
    items = "\n".join(
        f'[[sections.items]]\nid = "k{n}"\nprompt = "Item {n}"\ntype = "check"\nrefs = ["R8"]\n'
        for n in range(10))
    path = tmp_path / "pause.toml"
    path.write_text(
        'id = "p"\ntitle = "P"\nversion = "1.0.0"\naudience = "a"\ndescription = "d"\n'
        'owner = "o"\nreview_date = 2027-01-01\n\n[[sections]]\nid = "s"\ntitle = "S"\n'
        f'pause_point = true\n\n{items}')
    _count, problems = validate_paths([path])
    assert "pause point has 10 items" in problems[0].line()


def test_options_only_on_choice_items_and_if_answer_values(tmp_path) -> None:
    text = (DATA / "good" / "mini.toml").read_text()
    path = tmp_path / "opts.toml"
    path.write_text(text.replace('if_answer = ["no", "unknown"]', 'if_answer = ["no", "maybe"]'))
    _count, problems = validate_paths([path])
    assert "can never be answered 'maybe'" in problems[0].line()
