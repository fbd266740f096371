"""Checks that need the whole checklist: ids, references, values, cycles, pause points."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from checklist_tui.core.definition import (
    CHOICE_TYPES,
    FIXED_VALUES,
    NOT_YET,
    TICK_TYPES,
    Checklist,
    Condition,
    DateKind,
    DetailKind,
    Item,
    Scalar,
    Source,
)
from checklist_tui.core.errors import Problem, did_you_mean
from checklist_tui.core.plan_part import written_parts
from checklist_tui.core.tomlfile import line_of_id

MAX_PAUSE_POINT_ITEMS = 9


def possible_values(item: Item) -> tuple[Scalar, ...] | None:
    """The values an answer to ``item`` can take, or None for free text and dates."""
    if item.type in FIXED_VALUES:
        return FIXED_VALUES[item.type] + ((NOT_YET,) if item.not_yet else ())
    if item.type in CHOICE_TYPES:
        return tuple(o.value for o in item.options)
    return None


def _walk(cond: Condition) -> Iterator[Condition]:
    yield cond
    for sub in (cond.all or []) + (cond.any or []):
        yield from _walk(sub)
    if cond.not_ is not None:
        yield from _walk(cond.not_)


def check_checklist(
    checklist: Checklist, path: Path, text: str, sources: Mapping[str, Source]
) -> list[Problem]:
    problems: list[Problem] = []

    def at(ident: str, kind: str) -> str:
        line = line_of_id(text, ident)
        return f"{kind} '{ident}'" + (f" (line {line})" if line else "")

    def add(place: str, message: str, hint: str = "") -> None:
        problems.append(Problem(path, message, place, hint))

    items: dict[str, Item] = {}
    section_ids: set[str] = set()
    for section in checklist.sections:
        if section.id in section_ids:
            add(at(section.id, "section"), f"duplicate section id '{section.id}'",
                "each section needs its own id")
        section_ids.add(section.id)
        if section.pause_point and len(section.items) > MAX_PAUSE_POINT_ITEMS:
            add(at(section.id, "section"),
                f"a pause point has {len(section.items)} items; keep it to "
                f"{MAX_PAUSE_POINT_ITEMS} or fewer killer items")
        for item in section.items:
            if item.id in items:
                add(at(item.id, "item"), f"duplicate item id '{item.id}'",
                    "ids must be unique across the whole checklist")
            items[item.id] = item

    def check_condition(cond: Condition, place: str, owner: Item | None) -> None:
        for sub in _walk(cond):
            ref = sub.item or sub.answered
            if ref is None:
                continue
            target = items.get(ref)
            if target is None:
                add(place, f"condition names item '{ref}', which does not exist",
                    did_you_mean(ref, items) or "check the item id")
                continue
            wanted: list[Scalar] = []
            if sub.equals is not None:
                wanted = [sub.equals]
            elif sub.in_ is not None:
                wanted = list(sub.in_)
            if wanted:
                allowed = possible_values(target)
                if allowed is None:
                    add(place, f"item '{ref}' is {target.type.value}; a condition on it can "
                        "only use 'answered'")
                    continue
                for value in wanted:
                    if value not in allowed:
                        shown = ", ".join(repr(v) for v in allowed)
                        add(place, f"item '{ref}' can never be {value!r}",
                            f"its possible answers are {shown}")

    seen_dates = [i for _s, i in checklist.all_items() if i.date_detail is not None
                  and i.date_detail.date_kind == DateKind.SEEN]
    for section in checklist.sections:
        if section.show_if:
            check_condition(section.show_if, at(section.id, "section"), None)
            inside = {i.id for i in section.items} & section.show_if.items()
            if inside:
                add(at(section.id, "section"), "the section's condition depends on its own "
                    f"item '{sorted(inside)[0]}', so it could never be shown")
        for item in section.items:
            place = at(item.id, "item")
            if not checklist.takes_edd and ((item.due is not None and item.due.weeks is not None)
                                            or item.needed_at_birth):
                add(place, "the checklist says takes_edd = false, but this item is counted "
                    "from the expected delivery date (a due point in weeks, or needed at birth)",
                    "remove 'takes_edd = false', or the item's due point in weeks")
            if item.due is not None and item.due.days_after_seen is not None and not seen_dates:
                add(place, "this item is due days after the day it was seen, but no item "
                    "records that day", "give one item a date detail with "
                    "date_kind = \"seen\"")
            if item.type in CHOICE_TYPES:
                if len(item.options) < 2:
                    add(place, f"a {item.type.value} item needs at least two options")
                values = [o.value for o in item.options]
                for value in {v for v in values if values.count(v) > 1}:
                    add(place, f"duplicate option value '{value}'")
            elif item.options:
                add(place, f"only choice items have options; this is {item.type.value}",
                    "remove 'options' or change 'type'")
            if item.show_if:
                check_condition(item.show_if, place, item)
            rule_ids: set[str] = set()
            for n, rule in enumerate(item.rules, start=1):
                rplace = f"{place} > rule {rule.id or n}"
                if rule.id:
                    if rule.id in rule_ids:
                        add(rplace, f"duplicate rule id '{rule.id}'")
                    rule_ids.add(rule.id)
                if rule.when:
                    check_condition(rule.when, rplace, item)
                if rule.if_answer is not None:
                    allowed = possible_values(item)
                    if allowed is None:
                        add(rplace, f"'if_answer' does not work on a {item.type.value} item",
                            "use 'when' with 'answered'")
                    else:
                        for wanted_answer in rule.if_answer:
                            if wanted_answer not in allowed:
                                add(rplace, "this item can never be answered "
                                    f"{wanted_answer!r}",
                                    f"its possible answers are "
                                    f"{', '.join(repr(v) for v in allowed)}")
            _check_integrity_fields(item, place, items, add, check_condition)
            _check_replaces(item, place, items, add)
            for ref in item.refs:
                if ref not in sources:
                    add(place, f"refers to unknown source '{ref}'",
                        did_you_mean(ref, sources) or "add it to sources.toml or fix the id")
    _check_plan_parts(checklist, at, add)
    problems.extend(_cycles(checklist, path, text, items))
    return problems


def _check_plan_parts(checklist: Checklist, at: Callable[[str, str], str],
                      add: Callable[..., None]) -> None:
    """Every item's plan_part is a part of the checklist's written plan (its plan_parts,
    else the default parts): an answer is never left out of the written plan unseen."""
    declared = checklist.plan_parts or []
    for part in sorted({p for p in declared if declared.count(p) > 1}):
        add("plan_parts", f"'{part}' is listed twice", "list each part once")
    parts = written_parts(checklist.plan_parts)
    for _section, item in checklist.all_items():
        if item.plan_part is not None and item.plan_part not in parts:
            add(at(item.id, "item"), f"plan_part '{item.plan_part}' is not a part of this "
                "checklist's written plan", "add it to the checklist's 'plan_parts'"
                if declared else f"'{item.plan_part}' is not one of the default parts: list "
                "the parts of this checklist's written plan in 'plan_parts'")


def _check_integrity_fields(item: Item, place: str, items: Mapping[str, Item],
                            add: Callable[..., None],
                            check_condition: Callable[..., None]) -> None:
    """not_yet, concern, details and cross_checks: only where they can mean something."""
    tick = item.type.value in TICK_TYPES
    if item.not_yet and not tick:
        add(place, f"'not_yet' works on check, yes_no and yes_no_unknown items, not "
            f"{item.type.value}")
    if item.concern:
        allowed = possible_values(item)
        if allowed is None:
            add(place, f"'concern' does not work on a {item.type.value} item")
        else:
            for value in item.concern:
                if value not in allowed:
                    add(place, f"'concern' names {value!r}, which this item can never be",
                        f"its possible answers are {', '.join(repr(v) for v in allowed)}")
    if (item.details or item.cross_checks) and not tick:
        add(place, f"'details' and 'cross_checks' go on check, yes_no and yes_no_unknown items "
            f"(they qualify a yes); this is {item.type.value}")
    keys = [d.key for d in item.details]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        add(place, f"two details share the id '{key}'", "give each its own 'id'")
    for n, check in enumerate(item.cross_checks, start=1):
        cplace = f"{place} > cross-check {n}"
        for ref in (check.items_yes or []) + (check.dates_on_day or []):
            if ref not in items:
                add(cplace, f"cross-check names item '{ref}', which does not exist",
                    did_you_mean(ref, items) or "check the item id")
            elif ref == item.id:
                add(cplace, "an item cannot cross-check itself")
            elif ref in (check.dates_on_day or []) and items[ref].date_detail is None:
                add(cplace, f"'dates_on_day' names '{ref}', which records no date",
                    "give that item a detail of kind \"date\", or name another item")
        for ref in check.men_named or []:
            if ref not in items:
                add(cplace, f"cross-check names item '{ref}', which does not exist",
                    did_you_mean(ref, items) or "check the item id")
            elif not any(d.kind == DetailKind.PEOPLE for d in items[ref].details):
                add(cplace, f"'men_named' names '{ref}', which records no people",
                    "give that item a detail of kind \"people\", or name another item")
        if check.when is not None:
            check_condition(check.when, cplace, item)


def _cycles(
    checklist: Checklist, path: Path, text: str, items: Mapping[str, Item]
) -> list[Problem]:
    """Items whose show_if conditions depend on each other in a loop."""
    deps = {i.id: (i.show_if.items() if i.show_if else set()) for i in items.values()}
    for section in checklist.sections:
        if section.show_if:
            for item in section.items:
                deps[item.id] = deps[item.id] | section.show_if.items()
    state: dict[str, int] = {}
    problems: list[Problem] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(deps.get(node, ())):
            if nxt not in deps:
                continue
            if state.get(nxt) == 1:
                loop = [*stack[stack.index(nxt):], nxt] if nxt in stack else [node, nxt]
                line = line_of_id(text, node)
                problems.append(Problem(
                    path, "conditions go round in a loop: " + " -> ".join(loop),
                    f"item '{node}'" + (f" (line {line})" if line else ""),
                    "an item cannot depend, directly or indirectly, on itself",
                ))
            elif state.get(nxt) is None:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for node in deps:
        if node not in state:
            visit(node, [node])
    return problems


def dependency_order(checklist: Checklist) -> list[str]:
    """Item ids ordered so every item comes after the items its visibility depends on."""
    items = checklist.item_map()
    section_of = checklist.section_of()
    deps: dict[str, set[str]] = {}
    for ident, item in items.items():
        d = set(item.show_if.items()) if item.show_if else set()
        sec = section_of[ident]
        if sec.show_if:
            d |= sec.show_if.items()
        deps[ident] = {x for x in d if x in items}
    order: list[str] = []
    done: set[str] = set()

    def visit(node: str, seen: frozenset[str]) -> None:
        if node in done or node in seen:
            return
        for nxt in sorted(deps[node]):
            visit(nxt, seen | {node})
        done.add(node)
        order.append(node)

    for ident in items:
        visit(ident, frozenset())
    return order


def _check_replaces(item: Item, place: str, items: Mapping[str, Item],
                    add: Callable[[str, str, str], None]) -> None:
    """An item replaces only items that are gone, and maps old answers to possible ones."""
    for old_id, answers in item.replaces.items():
        if old_id in items:
            add(place, f"'replaces' names '{old_id}', which is still an item of this checklist",
                "an item can replace only an item an earlier version had and this one has not")
        allowed = possible_values(item)
        if answers and allowed is None:
            add(place, f"'replaces' maps answers of '{old_id}', but a {item.type.value} item "
                "has no fixed answers to map them to", "leave the table empty: {}")
            continue
        for old_value, new_value in answers.items():
            if allowed is not None and new_value not in allowed:
                add(place, f"'replaces' maps '{old_id}' = {old_value!r} to {new_value!r}, "
                    "which this item can never be",
                    f"its possible answers are {', '.join(repr(v) for v in allowed)}")
