"""The strict decoder's faster ways (#12.2) build exactly what they built before: the
field types as typing.get_type_hints gives them, a union tried only on the arms that can
take the value, a list of text checked without a call per value."""

from __future__ import annotations

import json
import typing
from enum import Enum
from typing import Annotated, Any, Literal

import pytest

from checklist_tui.core import definition, definition_base, definition_item, plan, strict_decode
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.definition import Checklist, SourcesFile
from checklist_tui.core.strict import Limit, Strict, dump
from checklist_tui.core.strict_decode import Damaged, decode
from tests.core.test_plan_cache import _same

MODELS = sorted({value for module in (definition, definition_base, definition_item, plan)
                 for value in vars(module).values()
                 if isinstance(value, type) and issubclass(value, Strict)
                 and value.__module__.startswith("checklist_tui.")},
                key=lambda m: m.__qualname__)


def _shape(hint: Any) -> Any:
    """A hint as comparable data (an Annotated mark by its constraints, not its identity)."""
    if isinstance(hint, Limit):
        return ("Limit", tuple(sorted(hint.constraints.items())))
    origin = typing.get_origin(hint)
    if origin is None:
        return hint if isinstance(hint, type | str | int | bool) else (type(hint), id(hint))
    if origin is typing.Annotated:
        base, *marks = typing.get_args(hint)
        return ("Annotated", _shape(base), tuple(_shape(m) if isinstance(m, Limit)
                                                 else type(m) for m in marks))
    return (origin, tuple(_shape(a) for a in typing.get_args(hint)))


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__qualname__)
def test_field_types_are_those_get_type_hints_gives(model: type[Strict]) -> None:
    ours = strict_decode._hints(model)
    theirs = typing.get_type_hints(model, include_extras=True)
    assert list(ours) == list(theirs)
    assert {k: _shape(v) for k, v in ours.items()} == {k: _shape(v) for k, v in theirs.items()}


class Colour(Enum):
    RED = "red"


class Quoted(Strict):
    """A name left quoted: get_type_hints resolves it."""

    __annotations__ = {"later": "list['Quoted'] | None"}


class Nested(Strict):
    """A name only the class defines: get_type_hints finds it there, after the module."""

    class Inner(Enum):
        ONE = "one"

    __annotations__ = {"inner": "Inner | None", "colour": "Colour"}


class Shadow(Strict):
    """A builtin's name the class defines: get_type_hints takes the class's."""

    __annotations__ = {"count": "int"}
    int = bool


@pytest.mark.parametrize("model", [Quoted, Nested, Shadow])
def test_annotations_it_cannot_resolve_alone_go_to_get_type_hints(
        model: type[Strict], monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[type] = []
    original = typing.get_type_hints
    monkeypatch.setattr(typing, "get_type_hints",
                        lambda model, **kw: asked.append(model) or original(model, **kw))
    assert strict_decode._hints(model) == original(model, include_extras=True)
    assert asked == [model]
    asked.clear()
    strict_decode._hints(plan.Plan)
    assert asked == []


@pytest.mark.parametrize(("annotation", "value", "built"), [
    (str | None, None, None), (str | None, "x", "x"), (int | str, "1", "1"), (int | str, 1, 1),
    (bool | int, True, True), (list[str] | None, ["a"], ["a"]),
    (Annotated[str, Limit(max_length=3)] | None, "abc", "abc"),
    (Literal["a", "b"] | int, "b", "b"), (Colour | None, "red", Colour.RED),
    (Colour | str, "blue", "blue"), (list[str], ["a", "b"], ["a", "b"]),
])
def test_unions_and_lists_build_what_they_take(annotation: Any, value: Any, built: Any) -> None:
    result = strict_decode._decoder(annotation, False)(value)
    assert result == built and type(result) is type(built)
    if isinstance(value, list):
        assert result is not value  # a list of its own, as before


@pytest.mark.parametrize(("annotation", "value"), [
    (str | None, 1), (int | str, 1.5), (int | None, True), (list[str] | None, ["a", 1]),
    (list[str], ("a",)), (Literal["a"] | int, "c"), (Colour | None, "blue"),
    (list[int], [True]),
])
def test_unions_and_lists_refuse_what_no_arm_takes(annotation: Any, value: Any) -> None:
    with pytest.raises(Damaged):
        strict_decode._decoder(annotation, False)(value)


def test_every_built_in_checklist_decodes_exactly_as_validated() -> None:
    catalogue = load_catalogue(include_user=False)
    assert catalogue.checklists
    for loaded in catalogue.checklists.values():
        data = json.loads(json.dumps(dump(loaded.checklist, mode="json")))
        _same(decode(Checklist, data), Checklist.model_validate(data), loaded.id)
    sources = {"sources": [dump(s, mode="json") for s in catalogue.sources.values()]}
    _same(decode(SourcesFile, sources), SourcesFile.model_validate(sources))


def test_the_models_field_types_are_taken_as_made_not_compiled_from_text() -> None:
    """The checklist's and the plan's models are read on every start: their field types
    are made as their modules load (no ``from __future__ import annotations`` there), so
    no annotation's text is compiled (it cost about 12 million instructions, #12.2); only
    ``Strict``'s own ``ClassVar`` is text."""
    strict_decode._compiled.cache_clear()
    for model in MODELS:
        strict_decode._hints(model)
    assert strict_decode._compiled.cache_info().misses <= 1
