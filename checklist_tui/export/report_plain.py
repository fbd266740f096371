"""A folder of plans in plain sentences, one plan per paragraph: the review list for a
screen reader or braille display (``review --plain``, ``show DIR --plain``, TERM=dumb).

Every figure has its words ("3 red flags", never a bare "3" under a heading that a
screen reader has long since read), every state is said whole, and a figure that is
not known (a file that cannot be read) is said to be not known. The figures are the
folder table's own (core.index_view), in the same order (core.index_view.ORDER_WORDS).
"""

from __future__ import annotations

from datetime import date

from checklist_tui.core.assurance import Assurance
from checklist_tui.core.dates import plural
from checklist_tui.core.index_row import PlanRow
from checklist_tui.core.index_view import (
    NOT_KNOWN,
    NOT_KNOWN_YET,
    ORDER_WORDS,
    attention,
    gaps_words,
    ordered,
    overdue_words,
    red_flags_value,
    state_words,
)
from checklist_tui.core.vocabulary import NO_GAPS, answered_said
from checklist_tui.export.safe import plain

HOW_TO_ACT = (
    "To act on a plan, give its file name: 'checklist-tui show FILE' reads the whole "
    "plan; 'checklist-tui challenge FILE ITEM_ID --text \"your question\" --name NAME "
    "--role ROLE' asks about one item; 'checklist-tui sign-off FILE --decision approved "
    "(or returned) --rationale \"your reasons\" --name NAME --role ROLE' decides.")


HOW_TO_OPEN = (
    "To open a plan one question at a time, give its file name: 'checklist-tui fill FILE "
    "--plain'. 'checklist-tui show FILE' reads the whole plan.")
HOW_TO_START = (
    "To start a plan: 'checklist-tui new CHECKLIST_ID --case-ref REF --plain' (add --edd "
    "DD/MM/YYYY for an unborn baby); 'checklist-tui list' names the checklists.")


def _say(text: str) -> str:
    return plain(text).replace("\n", " ")


def plan_paragraph(row: PlanRow, today: date) -> list[str]:
    """One plan in sentences."""
    if row.error:
        case = (f"Case {row.case_ref} (as the file's first lines say)" if row.case_ref
                else "Case reference not known")
        return [_say(f"{case}, file {row.path}: this file cannot be read, so nothing "
                     f"about it is known: no figures, no state, no sign-off."),
                _say(f"Problem: {row.error}")]
    title = row.checklist_title or f"{row.checklist_id} (checklist not installed here)"
    lines = [_say(f"{row.case_ref or 'Case reference not recorded'}, {title}, "
                  f"file {row.path}."),
             _say(f"State: {state_words(row, today)}."),
             _say(f"Sign-off: {row.signoff}.")]
    why = attention(row, today)
    lines.append(_say(f"Needs attention: {why}." if why else "Needs attention: nothing "
                      "the folder list checks (challenges, sign-off, gaps and risks)."))
    lines.append(_say(
        f"{answered_said(row.answered, row.total, row.contradicted, row.incomplete)}, "
        f"{row.percent} percent done; "
        f"{plural(row.open_required, 'required question')} open."))
    lines.append(_say(f"Gaps and risks: {gaps_words(row.gaps)}." if row.gaps
                      else f"Gaps and risks: {NOT_KNOWN_YET}." if row.nothing_answered
                      else f"Gaps and risks: {NO_GAPS}"))
    def said(value: object) -> object:  # a sentence says why it is not known
        return NOT_KNOWN_YET if value == NOT_KNOWN else value
    lines.append(_say(f"Red flags: {said(red_flags_value(row))}. "
                      f"Overdue: {said(overdue_words(row))}. "
                      f"Challenges not answered: {row.open_challenges}."))
    when = row.updated.strftime("%d/%m/%Y %H:%M") if row.updated else "not recorded"
    timing = row.timing(today)
    lines.append(_say(f"{timing[:1].upper()}{timing[1:]}. Practitioner: "
                      f"{row.practitioner or 'not recorded'}. Last changed {when}."))
    return lines


def render_plain(rows: list[PlanRow], a: Assurance, folder: str = "",
                 how: str = HOW_TO_ACT) -> str:
    """The whole folder: what was read, then one paragraph per plan, then how to act
    (``how``: a manager's commands by default)."""
    readable = [r for r in rows if not r.error]
    waiting = sum(1 for r in readable if r.awaiting_signoff)
    need = sum(1 for r in rows if r.needs_attention(a.today))
    where = f" in {folder}" if folder else ""
    head = [_say(f"{plural(len(rows), 'plan file')}{where}, read on {a.today:%d/%m/%Y}: "
                 f"{need} need attention; {waiting} awaiting sign-off; "
                 f"{len(rows) - len(readable)} cannot be read. "
                 "One plan per paragraph."), _say(f"In this order: {ORDER_WORDS}.")]
    head += [_say(line) for line in a.counted_lines() if line.startswith("Warning")]
    out = ["\n".join(head)]
    for n, row in enumerate(ordered(rows), start=1):
        out.append("\n".join([f"Plan {n} of {len(rows)}.", *plan_paragraph(row, a.today)]))
    out.append(how)
    return "\n\n".join(out) + "\n"
