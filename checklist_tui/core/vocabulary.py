"""The words and marks every view uses, defined once: the TUI, ``show``, the exports and
the outstanding list all say "RED FLAG", "OVERDUE" or "NO OWNER" the same way, and draw
the same progress mark by the same rule. Marks never rely on colour."""

from __future__ import annotations

from datetime import date

from checklist_tui.core.dates import plural, uk_date
from checklist_tui.core.definition import Checklist, Severity
from checklist_tui.core.engine import DueState, DueStatus, Evaluation, FiredRule, OpenAnswer
from checklist_tui.core.integrity import IntegrityIssue, overdue_action
from checklist_tui.core.plan import Action

RED_FLAG = "RED FLAG"
ERROR = Severity.ERROR.value.upper()
WARNING = Severity.WARNING.value.upper()
#: The rule labels that need action (INFO does not): red flags, errors, warnings.
RULE_LABELS = (RED_FLAG, ERROR, WARNING)
OVERDUE = "OVERDUE"
DUE_SOON = DueStatus.DUE_SOON.value.upper()
OPEN = "OPEN"
"""A required item not answered yet."""
# plan integrity (#10): what an answer does not bear out
CONCERN = "CONCERN"
CONTRADICTED = "CONTRADICTED"
NOT_KNOWN = "NOT KNOWN"
NOT_YET = "NOT YET"
UNKNOWN = "UNKNOWN"
INCOMPLETE = "INCOMPLETE"
PLAN_CHECK = "PLAN CHECK"
#: The EDD has passed and no date of birth is recorded (core.dates.birth_not_recorded):
#: listed first wherever gaps or what needs doing are listed.
NO_BIRTH_DATE = "NO DATE OF BIRTH"
BIRTH_HEADING = "Has the baby been born?"
RECORD_BIRTH = ("Record it in the plan's details: d in the app, or checklist-tui details PLAN "
                "--dob DD/MM/YYYY.")
#: Where a gap is put right when it is the plan's details (``Where.page``), not a records page.
DETAILS_PAGE = "details"
#: A question nobody has answered that the plan's own records answer (People, Agencies,
#: Actions): what they hold, instead of a finding nobody made.
IN_RECORDS = "IN THE RECORDS"
#: A manager's decision and questions still waiting on the practitioner (Outstanding).
RETURNED = "RETURNED"
CHALLENGE = "CHALLENGE NOT ANSWERED"
NO_LONGER_SIGNED_OFF = "NO LONGER SIGNED OFF"
#: A pause point not confirmed, or whose confirmation no longer holds (Outstanding, G).
PAUSE_POINT = "PAUSE POINT"
NOT_CONFIRMED = "NOT CONFIRMED"
#: A confirmed pause point that something since (a change, a red flag) has undone.
NO_LONGER_HOLDS = "NO LONGER HOLDS"
PAUSE_POINTS_HEADING = "Pause points not confirmed or no longer holding"
#: What every view says when there are no gaps or risks: never an assurance.
NO_GAPS = ("None found by the checklist's rules and plan checks (this is not a judgement "
           "that the baby is safe).")
#: Its short form, while questions are still unanswered and then once all are answered
#: (the plan header, plain mode): nothing found is not nothing wrong.
NONE_FOUND_YET = "Gaps and risks: none found yet"
NONE_FOUND = "Gaps and risks: none found by the rules"
NO_OWNER = "NO OWNER"
NO_ROLE = "NO ROLE STATED"
NO_DATE = "NO DATE"
NOTE = "Note"
ACKNOWLEDGED = "acknowledged"
DONE_MARK = "✓"
OPEN_MARK = "•"
ALERT_MARK = "!"
NOT_DONE_MARK = "✗"
"""Before the count of answers given that do not count as done (contradicted or
incomplete): ``• 12/12 ✗1`` (rev8-tui 6: only the bullet said so, beside a ``!1`` that
counts red flags)."""

#: The order gaps and risks are read in, within the men's group and within everything
#: else: the core's gaps and the export's (which add fired rules and overdue dates).
GAP_ORDER = (NO_BIRTH_DATE, RED_FLAG, ERROR, CONCERN, CONTRADICTED, WARNING, OVERDUE, NOT_KNOWN,
             INCOMPLETE, PLAN_CHECK)


def gap_rank(label: str) -> int:
    """A gap's place in ``GAP_ORDER`` by its label, ignoring a note in brackets such as
    ``WARNING (acknowledged)``; a label not in the order comes last."""
    word = label.split(" (")[0]
    return GAP_ORDER.index(word) if word in GAP_ORDER else len(GAP_ORDER)


def no_gaps_found(answered: int, total: int) -> str:
    """What the plan says when no gap or risk is found: "none found yet" while any question
    is unanswered, then only that the rules found none (never an assurance)."""
    return NONE_FOUND_YET if answered < total else NONE_FOUND


def pause_point_said(title: str, word: str) -> str:
    """``Confirm before discharge: pause point NO LONGER HOLDS``: a pause point that does not
    hold, named where the plan is summed up (the exports' status line, the folder views'
    Needs attention, plain mode's opening lines and ``where``)."""
    return f"{title}: pause point {word}"


def signed(name: str, role: str) -> str:
    """Who made a decision, a challenge or a record, as every view writes it: "Name (Role)",
    or the name alone when no role is recorded or when the role stands in the name's place
    (a redacted copy names the manager by their role)."""
    return f"{name} ({role})" if role.strip() and role != name else name


def rule_label(rule: FiredRule) -> str:
    """``RED FLAG``, ``ERROR``, ``WARNING`` or ``INFO``."""
    return RED_FLAG if rule.red_flag else rule.severity.value.upper()


def acknowledged_said(rule: FiredRule, ask: str = "") -> str:
    """What a fired rule's line ends with: `` (acknowledged)`` once someone has weighed it,
    ``ask`` in brackets while it waits for that (``press k to acknowledge``), else nothing.
    Every view that lists fired rules says it so."""
    if rule.acknowledgement:
        return f" ({ACKNOWLEDGED})"
    return f" ({ask})" if ask and rule.needs_acknowledgement else ""


def rule_tag(rule: FiredRule) -> str:
    """The tag beside a fired rule on screen: ``!`` for what needs action, ``Note`` not."""
    if not rule.red_flag and rule.severity == Severity.INFO:
        return NOTE
    return f"{ALERT_MARK} {rule_label(rule)}"


def due_label(status: DueStatus) -> str:
    """``OVERDUE`` in capitals so it stands out without colour; the others as words."""
    return OVERDUE if status == DueStatus.OVERDUE else status.value


def counted_from(due: DueState, short: bool = False) -> str:
    """What a due date rests on, said wherever the date shows, when it is not yet the
    plan's own: `` (counted from the day this plan was started: record the day it was
    seen, NAI-03)`` (look-d 9: "DUE SOON" today when the mark was seen yesterday), or
    `` (counted from the EDD until the birth is recorded)``; '' when it is the plan's.
    ``short`` for a table cell or a state line."""
    if due.seen_item:
        return (f" (from the plan's start: record the day seen, {due.seen_item})" if short
                else " (counted from the day this plan was started: record the day it was "
                f"seen, {due.seen_item})")
    if due.provisional:
        return " (from the EDD)" if short else " (counted from the EDD until the birth is recorded)"
    return ""


def find_out_too_late(open_answer: OpenAnswer) -> str:
    """Said after who will find out and by when, wherever that is shown, while the date
    to find out by has not passed but is too late: ``; that date is after it is due
    (16/12/2026) and after the EDD (10/02/2027): find out sooner`` (look-d 21); ''."""
    if open_answer.overdue or not open_answer.too_late:
        return ""
    return f"; that date is {open_answer.too_late}: find out sooner"


def recorded_late(due: date, recorded: date | None) -> str:
    """``the date recorded is 13/11/2026, 16 days late`` for a milestone whose date (a
    meeting, a visit) came or comes after its due date, so that a meeting held late never
    reads as one not held; '' otherwise."""
    if recorded is None or recorded <= due:
        return ""
    return f"the date recorded is {uk_date(recorded)}, {plural((recorded - due).days, 'day')} late"


def action_overdue(action: Action, today: date) -> bool:
    """An action past its due date and not done (the rule itself is in integrity)."""
    return overdue_action(action, today)


def issue_label(issue: IntegrityIssue) -> str:
    """``OVERDUE`` for an overdue action, ``PLAN CHECK`` for any other check on the records."""
    return OVERDUE if issue.kind == "action_overdue" else PLAN_CHECK


#: A section or question that an answer given rules out; said only then (``waits_for``).
DOES_NOT_APPLY = "does not apply"
#: Said beside a count of questions while answers still to come may add questions.
MAY_FOLLOW = "more questions may follow"
#: Its mark after a total where there is no room for the words ("78/119+ answered").
MAY_FOLLOW_MARK = "+"


def waits_for(checklist: Checklist, ids: tuple[str, ...], verb: str = "waits") -> str:
    """What a section or question not shown says while its condition rests on questions
    not answered yet, in every view: ``waits for PBA-S08A: 'Is either parent looked after
    now, or a care leaver?', not yet answered``; ``does not apply`` only when no question
    is waited for (an answer given rules it out). ``verb``: "wait" for a plural subject."""
    if not ids:
        return DOES_NOT_APPLY
    items = checklist.item_map()
    asked = [f"{i}: '{items[i].prompt}'" if i in items else i for i in ids]
    return f"{verb} for {' and '.join(asked)}, not yet answered"


def not_shown_said(checklist: Checklist, item_id: str, waits: tuple[str, ...]) -> str:
    """Why a question cannot be answered now, where a command or plain mode names one
    not shown: ``PBA-F02 is not asked yet: it waits for PBA-F01: '...', not yet
    answered``, or, only when an answer given rules it out, ``earlier answers hide it``."""
    if waits:
        return f"{item_id} is not asked yet: it {waits_for(checklist, waits)}"
    return f"{item_id} is not shown in this plan: earlier answers hide it"


def no_such_question(checklist: Checklist, typed: str, waiting: dict[str, tuple[str, ...]]) -> str:
    """Plain mode's answer to ``go ID`` for a question it cannot go to: not in the
    checklist, or not asked yet and why (``not_shown_said``; ``waiting`` is
    ``Evaluation.waiting``)."""
    ident = next((i for i in checklist.item_map() if i.lower() == typed.strip().lower()), None)
    if ident is None:
        return f"There is no question '{typed}' in this checklist."
    return f"{not_shown_said(checklist, ident, waiting.get(ident, ()))}."


def waits_for_short(checklist: Checklist, ids: tuple[str, ...]) -> str:
    """The short form for a list line, in words (rev7-tui 11: a list line named the
    question by its id only): ``waits for an answer in Both parents' history``, ``waits
    for answers in Household and 1 other section``; ``n/a`` when ruled out."""
    if not ids:
        return "n/a"
    section_of = checklist.section_of()
    titles = list(dict.fromkeys(section_of[i].title for i in ids if i in section_of))
    answers = "an answer" if len(ids) == 1 else "answers"
    if not titles:  # (a question the checklist no longer has)
        return f"waits for {answers} not yet given"
    more = f" and {plural(len(titles) - 1, 'other section')}" if len(titles) > 1 else ""
    return f"waits for {answers} in {titles[0]}{more}"


def may_follow(may_grow: bool, joiner: str = "; ") -> str:
    """The end of a count of questions answered: ``; more questions may follow`` while
    questions not shown wait for answers still to come ("0/69" may become "4/80"), else
    nothing: a total is never read as all there will be (``Evaluation.may_grow``)."""
    return f"{joiner}{MAY_FOLLOW}" if may_grow else ""


def not_done_said(contradicted: int, incomplete: int) -> str:
    """Of the answers counted as answered, those that do not count as done, said after the
    count: ``1 contradicted, 2 incomplete``; '' when none (look-d 30: a contradicted answer
    is an answer, never "nothing answered", and never counted as done)."""
    return ", ".join(f"{n} {word}" for n, word in ((contradicted, "contradicted"),
                                                 (incomplete, "incomplete")) if n)


def answered_said(answered: int, total: int, contradicted: int = 0, incomplete: int = 0,
                  may_grow: bool = False, *, short: bool = False, joiner: str = ", ",
                  percent: int | None = None, questions: str = " questions") -> str:
    """A count of the questions answered, as every view says it: ``2 of 69 questions
    answered (1% done, 1 contradicted), more questions may follow`` (``percent``: of those
    done); ``short`` for a header:
    ``1/69+ answered (1 contradicted)`` ("+": more may follow); ``questions=""`` for a
    section's ``9 of 9 answered``."""
    if short:
        count = f"{answered}/{total}{MAY_FOLLOW_MARK * may_grow} answered"
    else:
        count = f"{answered} of {total}{questions} answered"
    within = ", ".join(filter(None, [f"{percent}% done" if percent is not None else "",
                                     not_done_said(contradicted, incomplete)]))
    said = f"{count} ({within})" if within else count
    return said if short else f"{said}{may_follow(may_grow, joiner)}"


def evaluation_answered(ev: Evaluation, *, short: bool = False, joiner: str = ", ",
                        percent: bool = False, questions: str = " questions") -> str:
    """:func:`answered_said` for a plan's evaluation (the header, show, the exports and
    plain mode say the same)."""
    return answered_said(ev.answered, ev.total, len(ev.contradicted), len(ev.incomplete),
                         ev.may_grow, short=short, joiner=joiner,
                         percent=ev.percent if percent else None, questions=questions)


def progress_words(answered: int, total: int, required_open: int = 0, red_flags: int = 0,
                   not_done: str = "", waiting: bool = False) -> str:
    """The progress mark's meaning in words, for plain text and screen readers:
    ``7 of 7 answered, complete`` or ``3 of 9 answered, 1 contradicted, 1 required open,
    2 red flags, more questions may follow`` (``not_done``: ``not_done_said``)."""
    parts = [f"{answered} of {total} answered", not_done]
    if _complete(answered, total, required_open, not_done, waiting):
        parts.append("complete")
    if required_open:
        parts.append(f"{required_open} required open")
    if red_flags:
        parts.append("1 red flag" if red_flags == 1 else f"{red_flags} red flags")
    if waiting:
        parts.append(MAY_FOLLOW)
    return ", ".join(p for p in parts if p)


def _complete(answered: int, total: int, required_open: int, not_done: object,
              waiting: bool) -> bool:
    """The one rule for ✓: every question answered and done, none required open, and
    none waiting for an answer that may bring more (rev7-tui 3)."""
    return bool(total and answered == total and not required_open and not not_done
                and not waiting)


def progress_mark(answered: int, total: int, required_open: int = 0, red_flags: int = 0,
                  not_done: int = 0, waiting: bool = False) -> str:
    """``✓ 5/5`` when everything is answered and done, ``• 3/5`` otherwise, ``• 5/5 ✗1``
    while ``not_done`` answers are contradicted or incomplete, ``• 5/5+`` while questions
    wait for an answer (more may follow), with ``!2`` red flags."""
    done = _complete(answered, total, required_open, not_done, waiting)
    text = f"{DONE_MARK if done else OPEN_MARK} {answered}/{total}{MAY_FOLLOW_MARK * waiting}"
    if not_done:
        text += f" {NOT_DONE_MARK}{not_done}"
    if red_flags:
        text += f" {ALERT_MARK}{red_flags}"
    return text
