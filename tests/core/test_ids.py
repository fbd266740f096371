"""Record ids: random in use; derived from a seed for the example plans, per kind of record."""

from __future__ import annotations

from checklist_tui.core.ids import new_id, seeded_ids, temp_tag
from tests.conftest import EXAMPLES, load_script


def test_ids_are_random_outside_a_seeded_block() -> None:
    ids = {new_id("Person") for _ in range(50)}
    assert len(ids) == 50
    assert all(len(i) == 8 and int(i, 16) >= 0 for i in ids)


def test_the_same_seed_gives_the_same_ids_and_each_kind_counts_on_its_own() -> None:
    with seeded_ids("one"):
        first = [new_id("Person"), new_id("Action"), new_id("Person")]
    with seeded_ids("one"):
        again = [new_id("Person"), new_id("Person")]
        action = new_id("Action")
    assert again == [first[0], first[2]]  # an Action in between shifts no Person id
    assert action == first[1]
    with seeded_ids("two"):
        assert new_id("Person") != first[0]
    assert new_id("Person") not in first  # random again after the block


def test_temporary_file_names_never_use_the_seed() -> None:
    with seeded_ids("one"):
        tags = {temp_tag() for _ in range(20)}
        person = new_id("Person")
    with seeded_ids("one"):
        assert new_id("Person") == person  # temp names in between shifted nothing
    assert len(tags) == 20


def _generator():
    return load_script(EXAMPLES / "make_examples.py", "make_examples")


def test_the_examples_are_exactly_what_the_generator_makes(catalogue, tmp_path) -> None:
    """Regenerating the examples twice gives the same bytes as the files in examples/."""
    gen = _generator()
    runs = []
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        runs.append(gen.build(catalogue, tmp_path / name))
    first, second = runs
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), f"{a.name} differs between two runs"
        assert (EXAMPLES / a.name).read_bytes() == a.read_bytes(), (
            f"examples/{a.name} is out of date: run python examples/make_examples.py "
            "and look at the diff")
