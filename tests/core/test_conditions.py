"""Every condition operator, on every kind of answer."""

from __future__ import annotations

from datetime import date

import pytest

from checklist_tui.core.conditions import holds
from checklist_tui.core.definition import Condition
from checklist_tui.core.plan import Answer
from tests.conftest import NOW


def ans(value=None, na=False) -> Answer:
    return Answer(value=value, not_applicable=na, answered_at=NOW, answered_by="t")


def cond(**kw) -> Condition:
    return Condition.model_validate(kw)


ANSWERS = {"yn": ans("yes"), "no": ans("no"), "multi": ans(["a", "c"]), "chk": ans(True),
           "na": ans(na=True), "txt": ans("hello"), "day": ans(date(2027, 1, 1)),
           "blank": ans(None)}


@pytest.mark.parametrize(("spec", "expected"), [
    ({"item": "yn", "equals": "yes"}, True),
    ({"item": "yn", "equals": "no"}, False),
    ({"item": "chk", "equals": True}, True),
    ({"item": "chk", "equals": "yes"}, False),
    ({"item": "multi", "equals": "c"}, True),
    ({"item": "multi", "equals": "b"}, False),
    ({"item": "missing", "equals": "yes"}, False),
    ({"item": "na", "equals": "yes"}, False),
    ({"item": "no", "in": ["no", "unknown"]}, True),
    ({"item": "yn", "in": ["no", "unknown"]}, False),
    ({"item": "multi", "in": ["b", "a"]}, True),
    ({"answered": "txt"}, True),
    ({"answered": "na"}, True),
    ({"answered": "blank"}, False),
    ({"answered": "missing"}, False),
    ({"answered": "day"}, True),
    ({"all": [{"answered": "txt"}, {"item": "yn", "equals": "yes"}]}, True),
    ({"all": [{"answered": "txt"}, {"item": "yn", "equals": "no"}]}, False),
    ({"any": [{"answered": "missing"}, {"item": "no", "equals": "no"}]}, True),
    ({"any": [{"answered": "missing"}, {"item": "no", "equals": "yes"}]}, False),
    ({"not": {"item": "yn", "equals": "yes"}}, False),
    ({"not": {"answered": "missing"}}, True),
    ({"not": {"any": [{"answered": "missing"}, {"all": [{"answered": "txt"}]}]}}, False),
])
def test_operator(spec, expected) -> None:
    assert holds(cond(**spec), ANSWERS) is expected


@pytest.mark.parametrize("spec", [
    {}, {"item": "x"}, {"equals": "yes"}, {"item": "x", "equals": "a", "in": ["a"]},
    {"all": []}, {"any": []}, {"answered": "x", "not": {"answered": "y"}},
])
def test_malformed_conditions_are_refused(spec) -> None:
    with pytest.raises(ValueError):
        Condition.model_validate(spec)


def test_condition_lists_its_items() -> None:
    c = cond(all=[{"item": "a", "equals": "yes"}, {"not": {"answered": "b"}},
                  {"any": [{"item": "c", "in": ["x"]}]}])
    assert c.items() == {"a", "b", "c"}
