"""The checklist format's building blocks (``core.definition`` re-exports them): ids, the
values an answer can be compared with, the answer types, severities and conditions. Every
model of the format derives from ``core.strict.Strict``.
"""

# No `from __future__ import annotations`: the field types are made as the module loads
# (from its bytecode), not compiled from their text on every start (core.strict_decode).

from enum import StrEnum
from typing import Annotated

from checklist_tui.core.strict import Limit, Strict

ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_-]*$"
Id = Annotated[str, Limit(pattern=ID_PATTERN, max_length=64)]

#: A value a condition or rule can compare an answer with.
Scalar = bool | str


class ItemType(StrEnum):
    CHECK = "check"
    YES_NO = "yes_no"
    YES_NO_UNKNOWN = "yes_no_unknown"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    DATE = "date"


#: The stored value of a "not yet" answer (items with ``not_yet = true``).
NOT_YET = "not_yet"
#: Item types that can be answered "not yet" and carry details.
TICK_TYPES = {"check", "yes_no", "yes_no_unknown"}
CHOICE_TYPES = {ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE}
TEXT_TYPES = {ItemType.SHORT_TEXT, ItemType.LONG_TEXT, ItemType.DATE}
FIXED_VALUES: dict[ItemType, tuple[Scalar, ...]] = {
    ItemType.CHECK: (True,),
    ItemType.YES_NO: ("yes", "no"),
    ItemType.YES_NO_UNKNOWN: ("yes", "no", "unknown"),
}


class Severity(StrEnum):
    ERROR = "error"  # blocks completion
    WARNING = "warning"  # needs an acknowledgement, which is recorded
    INFO = "info"  # just shows


class Condition(Strict):
    """When something applies. Exactly one form per table:

    ``{ item = "ID", equals = "yes" }``, ``{ item = "ID", in = ["no", "unknown"] }``,
    ``{ answered = "ID" }``, ``{ all = [...] }``, ``{ any = [...] }``, ``{ not = {...} }``.
    """

    item: Id | None = None
    """The item whose answer is compared (with `equals` or `in`)."""
    equals: Scalar | None = None
    """True when the item's answer is this value (for multiple choice: includes it)."""
    in_: list[Scalar] | None = None
    """True when the item's answer is one of these values."""
    answered: Id | None = None
    """True when this item has an answer that counts."""
    all: list["Condition"] | None = None
    """True when every condition in the list is true."""
    any: list["Condition"] | None = None
    """True when at least one condition in the list is true."""
    not_: "Condition | None" = None
    """True when the condition inside is false."""

    def validated(self) -> None:
        has = {
            name
            for name in ("item", "equals", "in_", "answered", "all", "any", "not_")
            if getattr(self, name) is not None
        }
        forms = [{"item", "equals"}, {"item", "in_"}, {"answered"}, {"all"}, {"any"}, {"not_"}]
        if has not in forms:
            shown = ", ".join(sorted(n.rstrip("_") for n in has)) or "nothing"
            raise ValueError(
                f"a condition needs exactly one of: item+equals, item+in, answered, all, any, "
                f"not (found {shown})"
            )
        for name in ("all", "any"):
            value = getattr(self, name)
            if value is not None and not value:
                raise ValueError(f"'{name}' needs at least one condition")

    def items(self) -> set[str]:
        """Every item id this condition depends on."""
        found: set[str] = set()
        if self.item:
            found.add(self.item)
        if self.answered:
            found.add(self.answered)
        for sub in (self.all or []) + (self.any or []):
            found |= sub.items()
        if self.not_ is not None:
            found |= self.not_.items()
        return found
