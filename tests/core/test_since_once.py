"""core.since reads the history after a confirmation once (``Since``), however many answers
are then asked about: it must say exactly what reading it again for each answer said
(the reference below is the code it replaced, kept here as the oracle)."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checklist_tui.core.edit import confirm_pause_point
from checklist_tui.core.plan import HistoryEntry
from checklist_tui.core.since import _ANSWER_ENTRIES, Since, _now_says, after
from tests.conftest import NOW, TODAY
from tests.core.helpers import new_plan
from tests.core.test_integrity import EDD, pause_point_ready, put


def _concern_passed(plan, c, ident, concerns):
    wanted = concerns.get(ident, frozenset())
    entries = [e for e in after(plan, c)
               if _ANSWER_ENTRIES.get(e.what) == "answer" and e.target == ident]
    for entry in entries[:-1]:
        if wanted & {v.strip().lower() for v in entry.new.split(",")}:
            return entry.new, entry.at
    return None


def _changed_since(plan, c, ids, concerns=None):
    wanted = set(ids)
    before, last = {}, {}
    for entry in after(plan, c):
        part = _ANSWER_ENTRIES.get(entry.what)
        ident, _dot, key = entry.target.partition(".")
        if part is None or ident not in wanted:
            continue
        slot = (ident, part, key)
        before.setdefault(slot, entry.old)
        last[slot] = entry.at
    found = []
    for ident in ids:
        answer = plan.answers.get(ident)
        slots = [slot for slot in before if slot[0] == ident]
        differ = [slot for slot in slots
                  if _now_says(answer, slot[1], slot[2]) != before[slot]
                  or (slot[1] == "answer" and concerns is not None
                      and _concern_passed(plan, c, ident, concerns) is not None)]
        if differ:
            slot = max(differ, key=lambda s: last[s])
            found.append((ident, slot[1], last[slot]))
        elif not slots and answer is not None and answer.answered_at > c.at:
            found.append((ident, "answer", answer.answered_at))
    return found


IDS = ["k_agencies", "k_men", "k_sleep", "sleep", "contingency", "f_known", "gone"]
VALUES = ["", "yes", "no", "unknown", "True", "False", "n/a", "Plan B.", "no, yes"]
ENTRY = st.tuples(
    st.sampled_from(["answer", "clear", "detail", "note", "person.add", "confirm", "ack"]),
    st.sampled_from([*IDS, "contingency.text", "confirm", "k_men.x"]),
    st.sampled_from(VALUES), st.sampled_from(VALUES), st.integers(-3, 40))


def _confirmed(lc):
    plan = new_plan(lc, edd=EDD)
    pause_point_ready(plan, lc)
    put(plan, lc, "f_known", "yes")
    confirm_pause_point(plan, lc.checklist, "confirm", ["Sam"], by="Lead", now=NOW,
                        today=TODAY)
    return plan


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, max_size=30), ids=st.lists(st.sampled_from(IDS), max_size=8),
       concerned=st.sets(st.sampled_from(VALUES)))
def test_one_reading_says_what_a_reading_per_answer_said(lc, entries, ids, concerned) -> None:
    plan = _confirmed(lc)
    c = plan.confirmations[-1]
    history = plan.history + [
        HistoryEntry(at=c.at + timedelta(minutes=minutes), by="t", what=what, target=target,
                     old=old, new=new) for what, target, old, new, minutes in entries]
    seen_plan = SimpleNamespace(history=history, answers=plan.answers)
    concerns = {ident: frozenset(concerned) for ident in IDS}
    seen = Since(seen_plan, c)
    assert seen.changed(ids) == _changed_since(seen_plan, c, ids)
    assert seen.changed(ids, concerns) == _changed_since(seen_plan, c, ids, concerns)
    for ident in IDS:
        assert seen.concern_passed(ident, concerns) == _concern_passed(seen_plan, c, ident,
                                                                       concerns)
