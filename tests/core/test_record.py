"""``core.record.Record``: a frozen record with equality, hash and repr written once means
what ``@dataclass(frozen=True)``'s own methods mean."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from checklist_tui.core.engine_result import FiredRule
from checklist_tui.core.record import MutableRecord, Record


@dataclass(frozen=True)
class Made:
    a: int
    b: str = "x"
    note: str = field(default="", compare=False, repr=False)
    kids: list[object] = field(default_factory=list, compare=False)


@dataclass(frozen=True, eq=False, repr=False)
class Written(Record):
    a: int
    b: str = "x"
    note: str = field(default="", compare=False, repr=False)
    kids: list[object] = field(default_factory=list, compare=False)


@dataclass(frozen=True, eq=False, repr=False)
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


@dataclass(eq=False, repr=False)
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
