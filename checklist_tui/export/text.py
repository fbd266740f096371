"""Plain-text plan report for any terminal or screen reader (``checklist-tui show``)."""

from __future__ import annotations

from datetime import date

from checklist_tui.core.answers import display
from checklist_tui.core.catalogue import LoadedChecklist
from checklist_tui.core.dates import timing_summary, uk_date
from checklist_tui.core.engine import DueStatus, evaluate
from checklist_tui.core.plan import Plan
from checklist_tui.export.safe import plain


def section_mark(done: int, total: int, required_open: int, red_flags: int) -> str:
    """Single-width progress mark that does not rely on colour."""
    mark = "✓" if total and done == total and not required_open else "•"
    text = f"{mark} {done}/{total}"
    if red_flags:
        text += f" !{red_flags}"
    return text


def render_show(loaded: LoadedChecklist, plan: Plan, today: date) -> str:
    checklist = loaded.checklist
    ev = evaluate(checklist, plan, today)
    items = checklist.item_map()
    out: list[str] = []
    add = out.append
    add(f"Plan: {plain(plan.case_ref)}")
    add(f"Checklist: {checklist.title} (version {plan.checklist_version})")
    if plan.checklist_hash != loaded.content_hash or plan.checklist_version != checklist.version:
        add(f"  Note: made with checklist version {plan.checklist_version}; now shown against "
            f"version {checklist.version}.")
    add(f"Timing: {timing_summary(plan.edd, plan.dob, today)}")
    if plan.dob and plan.edd:
        add(f"EDD was: {uk_date(plan.edd)}")
    if plan.babies_expected > 1:
        add(f"Babies expected: {plan.babies_expected}")
    add(f"Practitioner: {plain(plan.practitioner) or 'not recorded'}"
        + (f" ({plain(plan.practitioner_role)})" if plan.practitioner_role else ""))
    add(f"State: {plan.state.label}")
    add(f"Progress: {ev.answered}/{ev.total} items answered ({ev.percent}%)")
    add("")
    add("Sections:")
    for sec in ev.sections:
        if not sec.visible:
            add(f"  -     {sec.title} (does not apply)")
            continue
        mark = section_mark(sec.answered, sec.total, sec.required_open, sec.red_flags)
        req = f", {sec.required_open} required open" if sec.required_open else ""
        add(f"  {mark:<9} {sec.title}{req}")
    add("")
    add(f"Red flags and warnings ({len(ev.fired)}):")
    for f in ev.fired or []:
        tag = "RED FLAG" if f.red_flag else f.severity.value.upper()
        ack = " [acknowledged]" if f.acknowledgement else ""
        add(f"  ! {tag} {f.item_id}: {f.message}{ack}")
        if f.escalation:
            add(f"      What to do: {f.escalation}")
    if not ev.fired:
        add("  none")
    add("")
    add(f"Required items still open ({len(ev.open_required)}):")
    for _sec, ident in ev.open_required:
        add(f"  - {ident}: {items[ident].prompt}")
    if not ev.open_required:
        add("  none")
    add("")
    add("Due points:")
    for d in ev.due:
        when = uk_date(d.due_date) if d.due_date else "no date (record the EDD)"
        extra = " (from EDD until the birth is recorded)" if d.provisional else ""
        status = d.status.value.upper() if d.status == DueStatus.OVERDUE else d.status.value
        add(f"  [{status}] {when}: {d.label}{extra}")
    if not ev.due:
        add("  none")
    if ev.integrity:
        add("")
        add("Plan checks:")
        for issue in ev.integrity:
            add(f"  - {plain(issue.message)}")
    if ev.no_longer_applies or ev.not_in_checklist:
        add("")
        add("Answers kept but not counted:")
        for stale in ev.no_longer_applies + ev.not_in_checklist:
            add(f"  - {stale.item_id}: {plain(display(items.get(stale.item_id), stale.answer))} "
                f"({stale.reason})")
    return "\n".join(out) + "\n"
