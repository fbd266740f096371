"""Plain-text plan report for any terminal or screen reader (``checklist-tui show``),
laid out from the same :class:`Summary` as the Markdown, HTML and JSON exports.

Words, not symbols: no marks, bullets or brackets that a screen reader would read aloud
("check mark", "bullet", "left bracket")."""

from __future__ import annotations

from collections.abc import Callable

from checklist_tui.core.answers import display
from checklist_tui.core.carried import FROM_HISTORY
from checklist_tui.core.dates import uk_date
from checklist_tui.core.gaps import NO_BIRTH_VIEW
from checklist_tui.core.men_left import HEADING as MEN_LEFT
from checklist_tui.core.review import challenge_lines, describe_signoff, describe_state
from checklist_tui.core.vocabulary import (
    PAUSE_POINTS_HEADING,
    acknowledged_said,
    counted_from,
    due_label,
    evaluation_answered,
    not_done_said,
    progress_words,
    rule_label,
    waits_for,
)
from checklist_tui.core.what_is_left import pause_word
from checklist_tui.export.safe import inert, isolate
from checklist_tui.export.summary import Summary, gaps_groups, gaps_sentence


def u(text: str) -> str:
    """User, plan-file or checklist text for a terminal: controls shown, right-to-left
    isolated (an unterminated override in a shared checklist cannot run on)."""
    return isolate(inert(text))


def _gaps_lines(summary: Summary, add: Callable[[str], None]) -> None:
    """Gaps and risks under the headings Outstanding, G and the exports use (the father
    and male carers first), then each pause point that does not hold."""
    add(f"Gaps and risks ({len(summary.gaps)}):")
    if not summary.gaps:
        add(f"  {gaps_sentence(summary)}")
    for heading, gaps in gaps_groups(summary):
        add(f"  {heading}:")
        for gap in gaps:
            add(f"  {gap.label}: {u(gap.text)}")
            if gap.note:
                add(f"      {u(gap.note)}")
    if summary.pauses:
        add(f"  {PAUSE_POINTS_HEADING}:")
        for entry in summary.pauses:
            add(f"  {entry.label}: {u(entry.text)}")
            add(f"      What to do: {u(entry.guidance)}")


def _history_lines(summary: Summary, add: Callable[[str], None]) -> None:
    """Each answer the plan's history says something under (words written before the date
    they record, or recorded again; a man People recorded while a "no" stood), with the
    lines the app shows under it (rev8-core 8: only the app, plain mode and ``answer``
    said them)."""
    said = [item for part in summary.sections for item in part.items if item.history]
    if not said:
        return
    add("")
    add(f"{FROM_HISTORY}, under the answers ({len(said)}):")
    for item in said:
        add(f"  {u(item.item_id)}: {u(item.prompt)} Answered: {u(item.answer)}")
        for line in item.history:
            add(f"      {u(line)}")


def _born_today_lines(summary: Summary, add: Callable[[str], None]) -> None:
    view = summary.born_today
    if view is None:
        return
    add(f"{view.title}:")
    add(f"  {view.headline}")
    for entry in view.entries:
        add(f"  {u(entry.text)}: {u(entry.why)}")


def render_born_today(summary: Summary) -> str:
    """Only the born-today view (``show --born-today``)."""
    out: list[str] = [f"Plan: {u(summary.plan.case_ref)}", f"Timing: {summary.timing}"]
    if summary.born_today is None:  # the checklist has no such view (look-d 31)
        out.append(NO_BIRTH_VIEW)
    _born_today_lines(summary, out.append)
    return "\n".join(out) + "\n"


def render_show(summary: Summary) -> str:
    """``summary`` laid out as plain lines (the same summary the exports lay out)."""
    loaded, plan, ev = summary.checklist, summary.plan, summary.evaluation
    checklist = loaded.checklist
    items = checklist.item_map()
    out: list[str] = []
    add = out.append
    add(f"Plan: {u(plan.case_ref)}")
    add(f"Checklist: {u(checklist.title)} (version {u(plan.checklist_version)})")
    if plan.checklist_version != checklist.version:
        add(f"  Note: made with checklist version {plan.checklist_version}; now shown against "
            f"version {checklist.version}.")
        for line in summary.version_changes:
            add(f"  {u(line)}")
    add(f"Timing: {summary.timing}")
    if plan.dob and plan.edd:
        add(f"EDD was: {uk_date(plan.edd)}")
    if plan.babies_expected > 1:
        add(f"Babies expected: {plan.babies_expected}")
    add(f"Practitioner: {u(plan.practitioner) or 'not recorded'}"
        + (f", {u(plan.practitioner_role)}" if plan.practitioner_role else ""))
    add(f"State: {describe_state(plan, summary.found_outside)}")
    if summary.edited_outside:
        add(f"  {u(summary.edited_outside)}")
    add(f"Sign-off: {u(describe_signoff(plan, summary.found_outside))}")
    add(f"Progress: {evaluation_answered(ev, joiner='; ', percent=True)}")
    add("")
    _gaps_lines(summary, add)
    if summary.men_left:  # look-d D2: beside what is missing about the men
        add(f"{MEN_LEFT}:")
        for man in summary.men_left:
            add(f"  {u(man.line)}")
    _history_lines(summary, add)
    add("")
    if summary.born_today is not None:
        _born_today_lines(summary, add)
        add("")
    add("Sections:")
    pauses = {p.section_id: p for p in summary.not_holding}
    for sec in ev.sections:
        if not sec.visible:
            add(f"  {u(sec.title)}: {u(waits_for(summary.checklist.checklist, sec.waits_for))}")
            continue
        words = progress_words(sec.answered, sec.total, sec.required_open, sec.red_flags,
                               not_done_said(sec.contradicted, sec.incomplete),
                               bool(sec.waiting))
        if sec.section_id in pauses:  # never "complete" while its pause point does not hold
            words = ", ".join([w for w in words.split(", ") if w != "complete"]
                              + [f"pause point {pause_word(pauses[sec.section_id])}"])
        add(f"  {u(sec.title)}: {words}")
    add("")
    add(f"Red flags and warnings ({len(ev.fired)}):")
    for f in ev.fired or []:
        tag = rule_label(f)
        add(f"  {tag} {u(f.item_id)}: {u(f.message)}{acknowledged_said(f)}")
        if f.escalation:
            add(f"      What to do: {u(f.escalation)}")
    if not ev.fired:
        add("  none")
    add("")
    add(f"Required items still open ({len(ev.open_required)}):")
    for _sec, ident in ev.open_required:
        add(f"  {u(ident)}: {u(items[ident].prompt)}")
    if not ev.open_required:
        add("  none")
    add("")
    add("Due points:")
    for d in ev.due:
        when = uk_date(d.due_date) if d.due_date else "no date (record the EDD)"
        add(f"  {due_label(d.status).upper()} {when}: {u(d.label)}{counted_from(d)}")
    if not ev.due:
        add("  none")
    if summary.pause_states:
        add("")
        add("Pause points:")
        for status in summary.pause_states:
            add(f"  {u(status.title)}: {u(status.line())}")
    if ev.integrity:
        add("")
        add("Plan checks:")
        for issue in ev.integrity:
            add(f"  {u(issue.message)}")
    if ev.no_longer_applies or ev.not_in_checklist:
        add("")
        add("Answers kept but not counted:")
        for stale in ev.no_longer_applies + ev.not_in_checklist:
            add(f"  {u(stale.item_id)}: {u(display(items.get(stale.item_id), stale.answer))} "
                f"({stale.reason})")
    if plan.challenges:
        add("")
        waiting = sum(1 for c in plan.challenges if c.open)
        add("Manager's challenges and the answers ("
            + (f"{waiting} not yet answered: answer each with 'checklist-tui respond PLAN ID "
               "--text ...', ID being the one in square brackets):" if waiting
               else "all answered):"))
        for line in challenge_lines(plan):
            add(f"  {u(line)}")
    return "\n".join(out) + "\n"
