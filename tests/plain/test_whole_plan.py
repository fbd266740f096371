"""The issue's test of plain mode: a whole pre-birth plan created, completed, acknowledged,
exported and submitted for review with plain mode alone. A scripted practitioner reads
each prompt and answers as a person would, so the test follows the checklist's content
rather than a fixed list of keystrokes."""

from __future__ import annotations

import io

from checklist_tui.core import clock, store
from checklist_tui.core.catalogue import Catalogue
from checklist_tui.core.conditions import matches
from checklist_tui.core.definition import Item, ItemType, Severity
from checklist_tui.core.plan import PlanState
from checklist_tui.core.session import PlanSession
from checklist_tui.plain.console import Console
from checklist_tui.plain.conversation import Conversation

PBA = "pre-birth-assessment"
SETUP = [
    "add person", "Testy Father", "2", "Father of the baby", "", "no", "Seen at home",
    "Assessed by a fictional worker",
    "add person", "Testy Mother", "1", "Mother", "", "yes", "Seen at home",
    "add agency", "Fictional Health Trust", "A. Midwife", "Community midwife", "01234 000000",
    "add action", "Review the plan", "A. Worker", "Children's services", "31/12/2099", "",
]


def _fires(item: Item, value: object, severities: set[Severity]) -> bool:
    return any(rule.if_answer is not None and rule.severity in severities
               and matches(value, list(rule.if_answer)) for rule in item.rules)


#: Facts about this fictional household: no other man, so PBA-F12 (which needs him in
#: People before it can be "yes") is not asked.
FACTS = {"PBA-F11": "no"}


def _reply_for(item: Item) -> str:
    """What a careful practitioner would answer: nothing that is a concern or a red flag
    where the item allows it, otherwise an answer that only needs acknowledging."""
    if item.id in FACTS:
        return FACTS[item.id]
    if item.type == ItemType.CHECK:
        return "done"
    if item.type == ItemType.DATE:
        return clock.today().strftime("%d/%m/%Y")
    if item.type == ItemType.SHORT_TEXT:
        return "Fictional answer"
    if item.type == ItemType.LONG_TEXT:
        return "write"
    if item.type in (ItemType.SINGLE_CHOICE, ItemType.MULTI_CHOICE):
        candidates = [(str(n), o.value) for n, o in enumerate(item.options, 1)]
    else:
        candidates = [(v, v) for v in ("yes", "no", "unknown")]
    for severities in ({Severity.ERROR, Severity.WARNING, Severity.INFO},
                       {Severity.ERROR, Severity.WARNING}, {Severity.ERROR}):
        for typed, value in candidates:
            if value not in item.concern and not _fires(item, value, severities):
                if item.type in (ItemType.YES_NO,) and value == "unknown":
                    continue
                return typed
    return candidates[0][0]


class Practitioner(io.StringIO):
    """Stdin that answers the last prompt written to ``out``."""

    def __init__(self, out: io.StringIO) -> None:
        super().__init__()
        self.out = out
        self.conv: Conversation | None = None
        self.script = list(SETUP)
        self.finish = ["complete", "export", "submit", "quit"]
        self.turns = 0

    def readline(self, *_args: object) -> str:  # type: ignore[override]
        self.turns += 1
        assert self.turns < 5000, "the conversation did not end"
        return self._reply() + "\n"

    def _reply(self) -> str:
        text = self.out.getvalue()
        tail = text[-600:]
        last = tail.rstrip().splitlines()[-1]
        if self.script:
            return self.script.pop(0)
        if "type your reason" in last:
            return "Discussed in supervision (fictional)"
        if last.startswith("Who will find out"):
            return "A. Worker"
        if "Day, month and year" in last:
            return clock.today().strftime("%d/%m/%Y")
        if last.startswith("Numbers:"):
            return "1"
        if last.startswith(">"):
            lines = tail.rstrip().splitlines()
            return "end" if len(lines) > 1 and lines[-2].startswith("> Fictional") else \
                "Fictional text"
        if last.startswith("Who is present?"):
            return "A. Worker, B. Midwife (fictional)"
        if "yes or no" in last:
            return "no"
        if last.startswith("Type a command"):
            return self.finish.pop(0) if self.finish else "quit"
        if last.startswith("Number"):
            return "1"
        if last.startswith("File to write"):
            return ""
        assert self.conv is not None
        if "Type confirm" in text[-1500:] and not text[-1500:].count("Pause point confirmed"):
            return "confirm"
        here = self.conv.current()
        assert here is not None, tail
        if last.startswith("Answer:") and "Not changed" in tail:
            return "skip"
        return _reply_for(here[1])


def test_a_whole_pre_birth_plan_in_plain_mode(tmp_path, catalogue: Catalogue) -> None:
    plans = tmp_path / "plans"
    loaded = store.create(plans, catalogue.get(PBA), case_ref="PLAIN-WHOLE", now=clock.now(),
                          edd=clock.today().replace(year=clock.today().year + 1),
                          practitioner="A. Worker")
    out = io.StringIO()
    stdin = Practitioner(out)
    session = PlanSession.open(loaded.path, catalogue.get)
    conv = Conversation(Console(stdin, out, echo=True), session, catalogue.sources)
    stdin.conv = conv
    assert conv.run() == 0, out.getvalue()[-3000:]
    transcript = out.getvalue()
    plan = store.load(loaded.path).plan
    assert plan.state == PlanState.SUBMITTED, transcript[-3000:]
    assert "The plan is marked complete." in transcript
    assert "Submitted for review." in transcript
    assert "Written to " in transcript
    assert list(plans.glob("*-summary.md"))
    assert plan.people and plan.agencies and plan.actions
