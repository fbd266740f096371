"""Adding a field to the plan model must not make every existing plan look edited
outside the app: the seal leaves out fields at their default value, and seals written
before that (over every field) still verify."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import field

import pytest

from checklist_tui.core import history, store
from checklist_tui.core.plan import Plan
from tests.conftest import EXAMPLES

NAMES = sorted(p.name for p in EXAMPLES.glob("*.toml"))


@pytest.mark.parametrize("name", NAMES)
def test_seals_written_over_every_field_still_verify(tmp_path, name) -> None:
    """A plan sealed by the first sealing code (over every field, before Action.outcome,
    Shared.role and Shared.how existed) still opens as not edited outside the app."""
    path = tmp_path / name
    shutil.copy(EXAMPLES / name, path)
    loaded = store.load(path)
    store.save(loaded)
    head, count = loaded.chain.head, len(loaded.plan.history)
    old, new = history.first_seal_of(loaded.plan, head, count), history.seal_of(
        loaded.plan, head, count)
    assert old != new
    text = path.read_text(encoding="utf-8")
    assert f'seal = "{new}"' in text
    path.write_text(text.replace(f'seal = "{new}"', f'seal = "{old}"'), encoding="utf-8")
    assert tomllib.loads(path.read_text(encoding="utf-8"))["seal"] == old
    assert store.load(path).found_outside == ""
    path.write_text(text.replace(f'seal = "{new}"', f'seal = "{"0" * 64}"'), encoding="utf-8")
    assert store.load(path).found_outside  # and a wrong seal is still found


class LaterPlan(Plan):
    """The plan as a later version might have it, with two fields more."""

    keyworker: str = ""
    flags: list[str] = field(default_factory=list)


def test_a_seal_survives_a_field_added_later(tmp_path) -> None:
    path = tmp_path / NAMES[0]
    shutil.copy(EXAMPLES / NAMES[0], path)
    loaded = store.load(path)
    store.save(loaded)  # sealed the new way
    assert store.load(path).found_outside == ""
    plan = loaded.plan
    newer = LaterPlan.model_validate(plan.model_dump())
    head, count = loaded.chain.head, len(plan.history)
    assert history.seal_of(newer, head, count) == history.seal_of(plan, head, count)
    newer.keyworker = "someone"  # a value that is not the default is sealed
    assert history.seal_of(newer, head, count) != history.seal_of(plan, head, count)


def test_a_new_field_with_a_value_is_covered_by_the_seal(tmp_path) -> None:
    path = tmp_path / NAMES[0]
    shutil.copy(EXAMPLES / NAMES[0], path)
    loaded = store.load(path)
    assert loaded.plan.actions
    store.save(loaded)
    text = path.read_text(encoding="utf-8")
    marker = 'outcome = ""'
    assert marker in text
    path.write_text(text.replace(marker, 'outcome = "Added by hand"', 1), encoding="utf-8")
    assert "content" in store.load(path).found_outside
