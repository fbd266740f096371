"""A model's ``__doc__`` when it has no docstring: what ``@dataclass`` writes, worked out
once for every model rather than with ``inspect.signature`` for each (#12.2: about
0.05 ms a model, on every start)."""

from __future__ import annotations

import inspect

import pytest

from checklist_tui.core import definition, plan
from checklist_tui.core.strict import Strict


def _models(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_models(sub)]
    return found


def test_a_model_without_a_docstring_reads_as_dataclass_makes_it() -> None:
    undocumented = [m for m in _models(Strict) if m.__doc__.startswith(f"{m.__name__}(")]
    assert len(undocumented) > 5  # Plan, Answer, Item, Section, Checklist...
    for model in undocumented:
        made = model.__name__ + str(inspect.signature(model)).replace(" -> None", "")
        assert model.__doc__ == made


def test_declaring_a_model_does_not_ask_for_its_signature(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    def refused(*args, **kwargs):
        raise AssertionError("inspect.signature called while declaring a model")

    with monkeypatch.context() as patched:
        patched.setattr(inspect, "signature", refused)

        class Undocumented(Strict):
            name: str = ""

        class Documented(Strict):
            """Said here."""

            name: str = ""

    assert Undocumented.__doc__ == "Undocumented(**data: 'Any') -> 'None'"
    assert Documented.__doc__ == "Said here."
    assert Undocumented(name="a") == Undocumented(name="a")


@pytest.mark.parametrize("model", [plan.Plan, definition.Checklist, plan.Answer])
def test_the_schema_takes_no_description_from_the_made_docstring(model) -> None:
    from checklist_tui.core import checked

    schema = checked.json_schema(model)
    assert "description" not in schema or not schema["description"].startswith(
        f"{model.__name__}(")
