"""#8.13, #8.18, #8.11 (state) and the stated limits: damaged or impossible plan files
are refused with one line naming the file and the place; they never stop a listing."""

from __future__ import annotations

import re
import shutil

import pytest

from checklist_tui.cli import main
from checklist_tui.core import limits, store
from checklist_tui.core.errors import PlanError
from checklist_tui.core.session import PlanSession
from tests.conftest import EXAMPLES

NAME = "early-pre-birth.toml"


@pytest.fixture
def text() -> str:
    return (EXAMPLES / NAME).read_text(encoding="utf-8")


def _write(folder, body: str):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / NAME
    path.write_text(body, encoding="utf-8")
    return path


DAMAGE = {
    "deep nesting": lambda t: t + "\nx = " + "[" * 600 + "]" * 600 + "\n",
    "year 1": lambda t: t.replace("edd = 2027-05-20", "edd = 0001-01-01"),
    "year 9999": lambda t: t.replace("edd = 2027-05-20", "edd = 9999-12-31"),
    "answer in year 9999": lambda t: t.replace(
        "answered_at = 2026-11-02 09:32:00+00:00", "answered_at = 9999-12-31 23:59:59+00:00",
        1),
    "edd in 1900": lambda t: t.replace("edd = 2027-05-20", "edd = 1900-05-20"),
    "edd in 2100": lambda t: t.replace("edd = 2027-05-20", "edd = 2100-05-20"),
    "birth before conception": lambda t: t.replace("edd = 2027-05-20",
                                                   "edd = 2027-05-20\ndob = 2026-01-01"),
    "format 0": lambda t: re.sub(r"^format_version = \d+", "format_version = 0", t, flags=re.M),
    "format true": lambda t: re.sub(r"^format_version = \d+", "format_version = true", t,
                                    flags=re.M),
    "format -3": lambda t: re.sub(r"^format_version = \d+", "format_version = -3", t, flags=re.M),
    "approved, no sign-off": lambda t: re.sub(r'^state = "\w+"', 'state = "approved"', t,
                                              flags=re.M),
    "huge note": lambda t: t.replace('note = ""', f'note = "{"x" * (limits.MAX_TEXT + 1)}"', 1),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_damaged_plan_is_refused_in_one_line(tmp_path, text, kind, capsys) -> None:
    damaged = DAMAGE[kind](text)
    assert damaged != text
    path = _write(tmp_path / "plans", damaged)
    before = path.read_bytes()
    with pytest.raises(PlanError) as err:
        store.load(path)
    message = str(err.value)
    assert message.startswith(NAME) and "\n" not in message
    # the CLI names the file, exits 1, never says "unexpected"
    assert main(["show", str(path)]) == 1
    out = capsys.readouterr().err
    assert NAME in out and "unexpected" not in out and len(out.strip().splitlines()) == 1
    # a listing carries on past it
    shutil.copy(EXAMPLES / "family-t-like-twins.toml", path.parent)
    listed = {p.path.name: p for p in store.list_plans(path.parent)}
    assert listed[NAME].plan is None and NAME in listed[NAME].error
    assert listed["family-t-like-twins.toml"].plan is not None
    assert path.read_bytes() == before


def test_plan_file_over_the_size_limit_is_not_read(tmp_path, text, monkeypatch) -> None:
    monkeypatch.setattr(limits, "MAX_PLAN_BYTES", 1000)
    path = _write(tmp_path, text)
    with pytest.raises(PlanError, match=f"{NAME}: is too large"):
        store.load(path)


@pytest.mark.parametrize(("item", "value", "why"), [
    ("PBA-S01", '["yes", "no"]', "yes/no"),
    ("PBA-S01", '"maybe"', "must be one of"),
    ("PBA-S05", '"maybe"', "check item"),
    ("PBA-S05", "false", "check item"),
])
def test_garbage_answers_are_refused_at_load(tmp_path, text, catalogue, item, value,
                                             why) -> None:
    lc = catalogue.get("pre-birth-assessment")
    body = re.sub(r'^checklist_hash = "\w+"', f'checklist_hash = "{lc.content_hash}"', text,
                  flags=re.M)
    body += (f'\n[answers.{item}]\nvalue = {value}\nnot_applicable = false\n'
             'answered_at = 2026-11-02 09:32:00+00:00\nanswered_by = "x"\n')
    path = _write(tmp_path, _drop_answer(body, item, value))
    with pytest.raises(PlanError, match=rf"{NAME}: answers\.{item}: .*{re.escape(why)}"):
        PlanSession.open(path, catalogue.get)
    assert not list(tmp_path.glob("*.lock"))


def _drop_answer(body: str, item: str, keep_value: str) -> str:
    """Keep only the last table for ``item`` (the garbage one)."""
    tables = body.split("\n[")
    wanted = [t for t in tables if t.startswith(f"answers.{item}]")]
    drop = wanted[:-1]
    return "\n[".join(t for t in tables if t not in drop)
