"""``core.record.Record``: a frozen record whose methods are written once (``__init__``,
``__setattr__``, ``__delattr__``, equality, hash and repr) means what
``@dataclass(frozen=True)``'s own methods mean; ``MutableRecord`` what ``@dataclass``'s
mean."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from checklist_tui.core.engine_result import FiredRule
from checklist_tui.core.record import MADE_OFTEN, MADE_OFTEN_MARK, MutableRecord, Record


@dataclass(frozen=True)
class Made:
    a: int
    b: str = "x"
    note: str = field(default="", compare=False, repr=False)
    kids: list[object] = field(default_factory=list, compare=False)


class Written(Record):
    a: int
    b: str = "x"
    note: str = field(default="", compare=False, repr=False)
    kids: list[object] = field(default_factory=list, compare=False)


class Other(Record):
    a: int
    b: str = "x"


CASES = [(1, "x", ""), (1, "x", "a note"), (2, "x", ""), (1, "y", "")]


@pytest.mark.parametrize("left", CASES)
@pytest.mark.parametrize("right", CASES)
def test_equality_and_hash_as_dataclass_makes_them(left: tuple, right: tuple) -> None:
    assert (Written(*left) == Written(*right)) == (Made(*left) == Made(*right))
    assert (Written(*left) != Written(*right)) == (Made(*left) != Made(*right))
    if Written(*left) == Written(*right):
        assert hash(Written(*left)) == hash(Written(*right))
    assert hash(Written(*left)) == hash(Made(*left))  # both hash the compared fields


def test_records_of_another_class_are_never_equal() -> None:
    assert Written(1) != Other(1)
    assert Written(1) != (1, "x")
    assert Written(1).__eq__(Other(1)) is NotImplemented


def test_repr_as_dataclass_makes_it_even_when_it_holds_itself() -> None:
    assert repr(Written(1, "y", "hidden")) == repr(Made(1, "y", "hidden")).replace(
        "Made", "Written")
    looped = Written(1)
    looped.kids.append(looped)
    assert repr(looped) == "Written(a=1, b='x', kids=[...])"


def test_still_frozen_and_still_a_dataclass() -> None:
    record = Written(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.a = 2  # type: ignore[misc]
    assert dataclasses.replace(record, a=2) == Written(2)
    assert dataclasses.asdict(Other(3)) == {"a": 3, "b": "x"}
    assert {Written(1), Written(1, note="other")} == {Written(1)}


def test_the_engine_records_compare_by_their_fields() -> None:
    args = dict(rule_id="R1", item_id="I1", section_id="S1", severity="warning",
                message="m", escalation="e", red_flag=True)
    assert FiredRule(**args) == FiredRule(**args)
    assert FiredRule(**args) != FiredRule(**{**args, "red_flag": False})
    assert repr(FiredRule(**args)).startswith("FiredRule(rule_id='R1', item_id='I1'")


@dataclass
class MadeMutable:
    a: int
    b: list[int] = field(default_factory=list)
    hidden: str = field(default="", repr=False, compare=False)


class WrittenMutable(MutableRecord):
    a: int
    b: list[int] = field(default_factory=list)
    hidden: str = field(default="", repr=False, compare=False)


def test_a_changeable_record_compares_and_shows_as_dataclass_makes_it_and_is_unhashable() -> None:
    one, two = WrittenMutable(1, [2], "x"), WrittenMutable(1, [2], "y")
    assert one == two and (MadeMutable(1, [2], "x") == MadeMutable(1, [2], "y"))
    two.b.append(3)
    assert one != two
    assert repr(one) == repr(MadeMutable(1, [2], "x")).replace("MadeMutable", "WrittenMutable")
    with pytest.raises(TypeError):
        hash(one)
    with pytest.raises(TypeError):
        hash(MadeMutable(1))
    one.a = 5  # still changeable
    assert one.a == 5


@dataclass(frozen=True)
class MadeKw:
    a: int
    b: list[int] = field(default_factory=list)
    c: str = field(default="c", kw_only=True)
    d: int = field(kw_only=True, default=0)


class WrittenKw(Record):
    a: int
    b: list[int] = field(default_factory=list)
    c: str = field(default="c", kw_only=True)
    d: int = field(kw_only=True, default=0)


CALLS = [((), {}), ((1,), {}), ((1, [2]), {}), ((1,), {"b": [3]}), ((), {"a": 1, "c": "x"}),
         ((1, [2], "x"), {}), ((1,), {"a": 2}), ((1,), {"e": 2}), ((1,), {"d": 4, "c": "y"}),
         ((), {"b": [1]}), ((1, [2]), {"b": [3]})]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_made_as_dataclass_makes_it_or_refused_as_it_refuses(args: tuple, kwargs: dict) -> None:
    try:
        made = MadeKw(*args, **kwargs)
    except TypeError as refused:
        with pytest.raises(TypeError) as ours:
            WrittenKw(*args, **kwargs)
        kinds = ("missing", "unexpected", "takes", "multiple")
        assert [k for k in kinds if k in str(refused)] == [k for k in kinds if k in str(ours.value)]
        return
    written = WrittenKw(*args, **kwargs)
    assert dataclasses.astuple(written) == dataclasses.astuple(made)
    assert list(vars(written)) == list(vars(made))  # set in the fields' order


def test_each_default_factory_makes_a_new_value() -> None:
    one, two = WrittenKw(1), WrittenKw(1)
    assert one.b == [] and one.b is not two.b


def test_frozen_against_assigning_and_deleting_any_field() -> None:
    record = WrittenKw(1)
    for name in ("a", "b", "c", "new"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(record, name, 2)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(record, name)
    assert dataclasses.replace(record, c="z") == WrittenKw(1, c="z")


def test_a_field_without_a_default_after_one_with_is_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        class Wrong(Record):
            a: int = 0
            b: int

    class Right(Record, kw_only=True):  # by keyword only: any order
        a: int = 0
        b: int

    assert Right(b=1) == Right(a=0, b=1)


def test_post_init_runs_after_the_fields_are_set() -> None:
    seen = []

    class Checked(MutableRecord):
        a: int
        b: int = 2

        def __post_init__(self) -> None:
            seen.append((self.a, self.b))

    Checked(1)
    Checked(b=3, a=4)
    assert seen == [(1, 2), (4, 3)]


def test_a_record_is_still_a_dataclass_with_its_fields_and_words() -> None:
    assert [f.name for f in dataclasses.fields(WrittenKw)] == ["a", "b", "c", "d"]
    assert WrittenKw.__match_args__ == MadeKw.__match_args__
    assert dataclasses.is_dataclass(WrittenKw) and WrittenKw.__doc__ == "WrittenKw(a, b, c, d)"
    assert FiredRule.__doc__.startswith("A rule of the checklist")  # its own docstring kept


def _records(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_records(sub)]
    return found


def test_no_record_in_the_app_has_methods_compiled_by_dataclass() -> None:
    """A record declared with ``@dataclass`` as well (as before #12.2) would compile its
    methods again, and make its default factories required: every record in the app is
    declared bare."""
    import importlib
    import pkgutil

    import checklist_tui

    for module in pkgutil.walk_packages(checklist_tui.__path__, "checklist_tui."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    records = [r for r in _records(Record) + _records(MutableRecord)
               if r.__module__.startswith("checklist_tui.")]
    assert len(records) > 30
    made = [f"{r.__qualname__}.{name}" for r in records for name, value in vars(r).items()
            if getattr(getattr(value, "__code__", None), "co_filename", "") == "<string>"
            and not getattr(value, MADE_OFTEN_MARK, False)]  # (see test_a_record_made_often)
    assert made == []


@pytest.mark.parametrize("kind", [WrittenKw, WrittenMutable])
def test_a_record_made_often_gets_dataclass_s_own_init_with_the_same_meaning(kind: type) -> None:
    class Often(kind):  # type: ignore[valid-type, misc]
        """The same fields, made afresh (its count starts at 0)."""

    assert not hasattr(vars(Often)["__init__"], MADE_OFTEN_MARK)  # the written one, its own
    made = [Often(n) for n in range(MADE_OFTEN + 5)]
    assert getattr(vars(Often)["__init__"], MADE_OFTEN_MARK)  # compiled once, kept
    assert [m.a for m in made] == list(range(MADE_OFTEN + 5))
    for args, kwargs in CALLS:
        try:
            expected = (True, dataclasses.astuple(kind(*args, **kwargs)))
        except TypeError:
            expected = (False, ())
        try:
            got = (True, dataclasses.astuple(Often(*args, **kwargs)))
        except TypeError:
            got = (False, ())
        assert got == expected, (args, kwargs)
    if kind is WrittenKw:
        with pytest.raises(dataclasses.FrozenInstanceError):
            made[0].a = 1


def test_a_record_made_often_never_lends_its_compiled_init_to_a_subclass() -> None:
    """rev7-core 5: once a record class was made MADE_OFTEN times its compiled __init__ was
    found by its record subclasses, which then raised TypeError (Where -> Gap, Entry)."""
    from dataclasses import field

    from checklist_tui.core.record import MADE_OFTEN, Record

    class Base(Record):
        x: int
        y: list = field(default_factory=list)

    class Child(Base):
        z: int = 0

    for n in range(MADE_OFTEN + 2):
        Base(n)
    child = Child(1, [], 7)
    assert (child.x, child.y, child.z) == (1, [], 7)
    for n in range(MADE_OFTEN + 2):
        Child(n, z=n)
    assert Child(2, z=3).z == 3 and Base(4).x == 4
