"""The models are plain dataclasses that pydantic validates only when something is validated
(#12.2): every value that enters a plan is still checked as pydantic's models checked it,
with the same errors; a model written out is exactly what pydantic wrote; and opening an
unchanged checklist and plan loads no pydantic at all."""

from __future__ import annotations

import dataclasses
import inspect
import itertools
import shutil
import subprocess
import sys
from datetime import date, datetime

import pytest
from pydantic import TypeAdapter

from checklist_tui.core import store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.definition import Checklist, Condition, DuePoint, Item
from checklist_tui.core.plan import Action, Agency, Answer, HistoryEntry, Person, Plan, Shared
from checklist_tui.core.strict import Invalid, Strict, dump
from tests.conftest import EXAMPLES, NOW, ROOT

PLANS = sorted(EXAMPLES.glob("*.toml"))


def _plan() -> Plan:
    return Plan(id="p1", checklist_id="c", checklist_version="1.0.0", checklist_hash="h",
                case_ref="CASE-1", created=NOW, updated=NOW)


def _error(exc: pytest.ExceptionInfo[Invalid]) -> tuple[str, tuple[object, ...]]:
    err = exc.value.errors()[0]
    return err["type"], tuple(err["loc"])


@pytest.mark.parametrize(("name", "value", "kind"), [
    ("case_ref", "", "string_too_short"),
    ("case_ref", "x" * 81, "string_too_long"),
    ("babies_expected", 0, "greater_than_equal"),
    ("babies_expected", 9, "less_than_equal"),
    ("babies_expected", "two", "int_parsing"),
    ("edd", "not a date", "date_from_datetime_parsing"),
    ("state", "finished", "enum"),
    ("updated", "yesterday", "datetime_from_date_parsing"),
    ("people", [{"id": "x"}], "missing"),
])
def test_every_value_set_on_a_plan_is_checked_and_a_refused_one_changes_nothing(
        name: str, value: object, kind: str) -> None:
    plan = _plan()
    before = getattr(plan, name)
    with pytest.raises(Invalid) as exc:
        setattr(plan, name, value)
    assert _error(exc)[0] == kind
    assert getattr(plan, name) == before


def test_a_value_set_is_converted_as_pydantic_converts_it() -> None:
    plan = _plan()
    plan.babies_expected = "2"  # type: ignore[assignment]
    plan.edd = "2027-03-01"  # type: ignore[assignment]
    plan.state = "approved"  # type: ignore[assignment]
    assert (plan.babies_expected, plan.edd, plan.state.label) == (2, date(2027, 3, 1),
                                                                  "Approved")


@pytest.mark.parametrize("model", [Person, Agency, Action, Shared])
def test_short_texts_in_records_are_checked_when_made_and_when_set(model: type) -> None:
    fields = {Person: {"id": "a", "name": "N", "kind": "father"},
              Agency: {"id": "a", "agency": "A"}, Action: {"id": "a", "what": "W"},
              Shared: {"to": "T", "on": date(2026, 1, 1)}}[model]
    record = model(**fields)
    short = next(n for n in ("name", "agency", "owner", "to") if n in record.__dict__)
    with pytest.raises(Invalid) as exc:
        model(**fields | {short: "x" * 201})
    assert _error(exc) == ("string_too_long", (short,))
    with pytest.raises(Invalid) as exc:
        setattr(record, short, "x" * 201)
    assert _error(exc) == ("string_too_long", (short,))
    setattr(record, short, "x" * 200)


def test_making_a_model_checks_it_as_pydantic_did() -> None:
    with pytest.raises(Invalid) as exc:
        Answer(value=True, answered_at=NOW, answered_by="A", colour="red")
    assert _error(exc) == ("extra_forbidden", ("colour",))
    with pytest.raises(Invalid) as exc:
        Answer(value=True, answered_by="A")
    assert _error(exc) == ("missing", ("answered_at",))
    with pytest.raises(Invalid) as exc:
        DuePoint(days_after_birth=3, days=2)
    assert "'days' goes with 'weeks'" in exc.value.errors()[0]["msg"]
    with pytest.raises(Invalid) as exc:  # a nested model's own check, at its place
        Condition(any=[{"item": "A", "equals": "yes", "answered": "B"}])
    assert _error(exc) == ("value_error", ("any", 0))
    assert HistoryEntry(at="2026-11-25T10:00:00Z", by="A", what="w").at == NOW


@pytest.mark.parametrize("path", PLANS, ids=[p.stem for p in PLANS])
def test_a_plan_is_written_out_exactly_as_pydantic_wrote_it(path) -> None:
    plan = store.load(path).plan
    pydantic_dump = TypeAdapter(Plan).dump_python
    options = [dict(zip(("mode", "exclude_defaults", "exclude_none"), combo, strict=True))
               for combo in itertools.product(("python", "json"), (False, True), (False, True))]
    for opts in options:
        for exclude in (None, {"history"}, {"state", "history", "updated"}):
            ours = dump(plan, exclude=exclude, **opts)  # type: ignore[arg-type]
            theirs = pydantic_dump(plan, exclude=exclude, **opts)
            assert ours == theirs, (opts, exclude)
            assert list(ours) == list(theirs)
    moment = datetime(2026, 11, 25, 10, 0, 0, 120000)  # no time zone, and microseconds
    plan.history.append(HistoryEntry(at=moment, by="A", what="w"))
    assert dump(plan, mode="json") == pydantic_dump(plan, mode="json")


def test_a_checklist_is_kept_exactly_as_pydantic_dumped_it() -> None:
    for loaded in load_catalogue(include_user=False).checklists.values():
        assert dump(loaded.checklist, mode="json") == TypeAdapter(Checklist).dump_python(
            loaded.checklist, mode="json")
    item = Item(id="A1", prompt="Q", type="check", refs=["R1"],
                show_if={"not": {"in": ["no"], "item": "B"}})
    assert item.show_if is not None and item.show_if.not_ is not None
    assert item.show_if.not_.in_ == ["no"]


OPEN_TWICE = """
import sys
from pathlib import Path
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.session import PlanSession
cat = load_catalogue()
session = PlanSession.open(Path(sys.argv[1]), cat.get, remember=True)
session.evaluate()
seen = sorted(m for m in sys.modules
              if m.split(".")[0] in ("pydantic", "pydantic_core", "annotated_types"))
session.close()
print(seen)
"""


def test_opening_an_unchanged_checklist_and_plan_loads_no_pydantic(tmp_path) -> None:
    path = tmp_path / "plans" / PLANS[0].name
    path.parent.mkdir()
    shutil.copy(PLANS[0], path)
    env = {"CHECKLIST_TUI_CACHE_DIR": str(tmp_path / "cache"),
           "CHECKLIST_TUI_CONFIG_DIR": str(tmp_path / "config"),
           "CHECKLIST_TUI_PLANS_DIR": str(path.parent), "PATH": "/usr/bin:/bin"}

    def run() -> str:
        done = subprocess.run([sys.executable, "-c", OPEN_TWICE, str(path)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip().splitlines()[-1]

    assert run() != "[]"  # the first time, pydantic validates both
    assert run() == "[]"  # then neither is validated again


def test_models_compare_by_their_fields_and_are_never_dict_keys() -> None:
    a, b = _plan(), _plan()
    assert a == b and a is not b
    b.case_ref = "CASE-2"
    assert a != b and a != "CASE-1"
    with pytest.raises(TypeError):
        hash(a)
    assert repr(Shared(to="T", on=date(2026, 1, 1))).startswith("Shared(to='T', on=")


def _models(base: type = Strict) -> list[type]:
    return [m for sub in base.__subclasses__() for m in (sub, *_models(sub))]


def test_every_model_is_made_a_dataclass_once_by_strict() -> None:
    """``Strict`` makes each model a dataclass with its options, declared once; a model that
    carried ``@dataclass`` as well would be made twice, and its fields with a default
    factory would become required."""
    models = [m for m in _models() if m.__module__.startswith("checklist_tui.")]
    assert {Checklist, Item, Plan, Person, Shared} <= set(models)
    for model in models:
        params = model.__dataclass_params__
        assert not (params.init or params.repr or params.eq), model
        assert all(f.kw_only for f in dataclasses.fields(model)), model
        assert not inspect.getsource(model).startswith("@"), f"{model.__name__}: no decorator"
    assert Plan(id="p", checklist_id="c", checklist_version="1", checklist_hash="h",
                case_ref="C", created=NOW, updated=NOW).people == []
