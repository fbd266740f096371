"""The manager's side of a plan: submit, approve or return, challenge an item, answer it.

Every step is one function over a plan, recorded in its history. An approval
keeps a hash of the plan's content and the checklist version; any later change
to the content voids it visibly ("changed since approval"), wherever the state
is shown (``describe_state``). Saving under the plan's lock lives in
``core.review_file``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

# Each challenge and its answer as plain lines; kept in its own module, read here too.
from checklist_tui.core.challenge_words import challenge_lines as challenge_lines
from checklist_tui.core.challenge_words import challenges_on as challenges_on
from checklist_tui.core.challenge_words import item_challenge_lines as item_challenge_lines
from checklist_tui.core.dates import plural
from checklist_tui.core.definition import Checklist
from checklist_tui.core.errors import PlanError, Refused
from checklist_tui.core.history import MARK_WHAT as EDITED_OUTSIDE_MARK
from checklist_tui.core.ids import new_id
from checklist_tui.core.plan import APPROVED as APPROVED
from checklist_tui.core.plan import DECISIONS as DECISIONS
from checklist_tui.core.plan import RETURNED as RETURNED
from checklist_tui.core.plan import Challenge, HistoryEntry, Plan, PlanState, SignOff
from checklist_tui.core.reasons import ANSWER, APPROVE, RETURN, refuse_non_reason
from checklist_tui.core.reopen_words import REASON_MISSING
from checklist_tui.core.strict import copy, dump
from checklist_tui.core.vocabulary import signed
from checklist_tui.core.who import approving_own

#: What a manager does to one item rather than to the plan (``challenge``).
CHALLENGE = "challenge"
CHANGED_SINCE_APPROVAL = "changed since approval"
DECISIONS_CONFLICT = "two decisions conflict"
CONCURRENT = "made without seeing the decision before it"
"""A decision's history entry says this (in ``old``) when it was made at the same time as
another manager's, without seeing it."""
CONFLICT_WHAT = "review.conflict"

#: What an approval covers: everything except the record of the review itself.
_NOT_CONTENT = {"state", "signoff", "reviews", "challenges", "history", "updated",
                "distribution", "format_version"}  # the file format is not what it says
#: An approval's hash that also covers the challenges and their answers (what the manager
#: read before approving) starts with this; one without it (made before) does not.
WITH_CHALLENGES = "challenges+"


def content_hash(plan: Plan, with_challenges: bool = True) -> str:
    """A hash of what the plan says (answers, people, agencies, actions, dates, checklist)
    and, unless ``with_challenges`` is false (approvals made before it counted), the
    manager's challenges and the practitioner's answers to them."""
    data = dump(plan, mode="json", exclude=_NOT_CONTENT)
    if with_challenges:
        data["challenges"] = [dump(c, mode="json") for c in plan.challenges]
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return WITH_CHALLENGES + digest if with_challenges else digest


def approval_void(plan: Plan, found_outside: str = "") -> bool:
    """True when the plan says it is approved but its content changed afterwards (or, for
    an approval that covered them, a challenge or its answer: an answer changed by hand
    after the approval is not what the manager approved), or it was edited outside the
    app after the approval: what changed is then not known, so the approval cannot be
    said to stand. ``found_outside`` is what loading found edited outside the app and
    not yet marked in the history (store.Loaded.found_outside): made after the last
    save, so after any approval."""
    so = plan.signoff
    if plan.state != PlanState.APPROVED or so is None:
        return False
    if found_outside or _marked_after(plan, so):
        return True
    covered = content_hash(plan, with_challenges=so.content_hash.startswith(WITH_CHALLENGES))
    return (not so.content_hash or so.content_hash != covered
            or so.checklist_version != plan.checklist_version)


def _marked_after(plan: Plan, so: SignOff) -> bool:
    """Whether the history marks an edit outside the app found after the approval (by
    place in the history: the mark of an edit found while approving comes before it)."""
    history = plan.history
    start = next((n for n in range(len(history) - 1, -1, -1)
                  if history[n].what in (f"review.{APPROVED}", "signoff")
                  and history[n].at == so.at), None)
    if start is None:
        return any(e.what == EDITED_OUTSIDE_MARK and e.at > so.at for e in history)
    return any(e.what == EDITED_OUTSIDE_MARK for e in history[start + 1:])


def decisions_open(plan: Plan, found_outside: str = "") -> set[str]:
    """What a manager can decide on the plan now, the one rule the review screen offers
    and explains by: APPROVED while it awaits sign-off; RETURNED then, or when its
    approval no longer stands; CHALLENGE unless the approval stands or it was entered
    in error (``decide`` and ``challenge`` refuse the rest, with the reason)."""
    void = approval_void(plan, found_outside)
    submitted = plan.state == PlanState.SUBMITTED
    return {kind for kind, open_ in (
        (APPROVED, submitted), (RETURNED, submitted or void),
        (CHALLENGE, plan.state != PlanState.ENTERED_IN_ERROR
         and (plan.state != PlanState.APPROVED or void))) if open_}


def describe_state(plan: Plan, found_outside: str = "") -> str:
    """The plan's state in words, the same everywhere it is shown."""
    label = plan.state.label
    if conflict(plan):
        return f"{label}: {DECISIONS_CONFLICT}"
    if approval_void(plan, found_outside):
        return f"{label}, {CHANGED_SINCE_APPROVAL}"
    return label


def describe_signoff(plan: Plan, found_outside: str = "") -> str:
    """Who decided what, and when; says plainly when nobody has signed the plan off."""
    disagree = conflict(plan)
    if disagree:
        return f"{disagree}; not signed off until a manager decides again"
    if plan.reviews:
        last = plan.reviews[-1]
        text = (f"{last.decision.capitalize()} by {signed(last.by, last.role)}, "
                f"{last.at.strftime('%d/%m/%Y')}")
        if last.decision == APPROVED and (approval_void(plan, found_outside)
                                          or plan.state != PlanState.APPROVED):
            text += f"; {CHANGED_SINCE_APPROVAL}, so no longer signed off"
        elif last.decision == RETURNED and plan.state != PlanState.RETURNED:
            again = _submitted_again(plan, last.at)
            if again is not None:
                return (f"Submitted again on {again:%d/%m/%Y} after being returned by "
                        f"{signed(last.by, last.role)}, {last.at:%d/%m/%Y}; not yet signed off")
            text += "; not yet signed off"
        return text
    if plan.signoff is not None:
        return (f"{plan.signoff.decision} by {signed(plan.signoff.by, plan.signoff.role)}, "
                f"{plan.signoff.at.strftime('%d/%m/%Y')}")
    return "Not yet signed off"


def _submitted_again(plan: Plan, after: datetime) -> datetime | None:
    """When a plan awaiting sign-off was last submitted, if that was after ``after``."""
    if plan.state != PlanState.SUBMITTED:
        return None
    for entry in reversed(plan.history):
        if entry.what == "state" and entry.new == PlanState.SUBMITTED.value:
            return entry.at if entry.at >= after else None
    return None


def returned_because(plan: Plan) -> str:
    """For a returned plan: who returned it, when and why ('' otherwise)."""
    if plan.state != PlanState.RETURNED or not plan.reviews:
        return ""
    last = plan.reviews[-1]
    if last.decision != RETURNED:
        return ""
    return f"Returned by {signed(last.by, last.role)}, {last.at:%d/%m/%Y}: {last.rationale}"


def open_challenges(plan: Plan) -> list[Challenge]:
    return [c for c in plan.challenges if c.open]


def _log(plan: Plan, by: str, now: datetime, what: str, target: str, old: str = "",
         new: str = "") -> None:
    plan.history.append(HistoryEntry(at=now, by=by, what=what, target=target, old=old, new=new))
    plan.updated = now


def _required(value: str, what: str) -> str:
    value = value.strip()
    if not value:
        raise PlanError(f"{what} is needed")
    if len(value) > 2000:
        raise PlanError(f"{what} is too long (at most 2,000 characters)")
    return value


def submit(plan: Plan, checklist: Checklist, *, by: str, now: datetime, today: date) -> None:
    """Send a completed plan to a manager. A plan that is complete is marked so first."""
    from checklist_tui.core.edit import change_state  # not loaded to read a plan's state
    if plan.state == PlanState.SUBMITTED:
        raise PlanError("this plan is already awaiting sign-off")
    waiting = open_challenges(plan)
    if waiting:
        raise Refused(f"answer the manager's challenge on {waiting[0].item} first"
                      + (f" (and {len(waiting) - 1} more)" if len(waiting) > 1 else ""),
                      _not_answered(waiting), [waiting_line(c) for c in waiting])
    if plan.state != PlanState.COMPLETED:
        change_state(plan, checklist, PlanState.COMPLETED, by=by, now=now, today=today)
    change_state(plan, checklist, PlanState.SUBMITTED, by=by, now=now, today=today)


def decide(plan: Plan, checklist: Checklist, *, decision: str, rationale: str, name: str,
           role: str, now: datetime, today: date, seen: int | None = None) -> SignOff:
    """A manager approves or returns a plan awaiting sign-off, with reasons.

    ``seen`` is how many decisions the plan had when the manager looked at it. If
    another manager decided in between (the plan is no longer awaiting sign-off because
    of a decision this one never saw), the decision is still recorded, marked as made
    without seeing the other (``concurrent``); if the two differ, any sign-off is voided
    and the plan goes back to awaiting sign-off with the conflict stated
    (``conflict``) until a manager decides again, having seen both."""
    from checklist_tui.core.edit import change_state  # not loaded to read a plan's state
    if decision not in DECISIONS:
        raise PlanError(f"the decision must be '{APPROVED}' or '{RETURNED}', not '{decision}'")
    name = _required(name, "the manager's name")
    role = _required(role, "the manager's role")
    rationale = _required(rationale, "a rationale for the decision")
    refuse_non_reason(rationale, APPROVE if decision == APPROVED else RETURN)
    if decision == APPROVED and (own := approving_own(name, plan.practitioner)):
        raise PlanError(own)  # a manager's approval is another person's check
    unseen = plan.reviews[seen:] if seen is not None and seen < len(plan.reviews) else []
    if unseen and (plan.state != PlanState.SUBMITTED or conflict(plan)):
        return _concurrent(plan, decision, rationale, name, role, now, unseen)
    if approval_void(plan):  # the approval no longer stands: return it, never approve
        if decision == APPROVED:
            raise PlanError(f"this plan was approved, but it {CHANGED_SINCE_APPROVAL}, so "
                            "the approval no longer stands; return it or challenge an item "
                            "(it must be submitted again before it can be approved); "
                            "nothing was changed")
        return _return_void(plan, rationale, name, role, now)
    if plan.state != PlanState.SUBMITTED:
        earlier = f" ({describe_signoff(plan)})" if plan.reviews else ""
        raise PlanError(f"this plan is {describe_state(plan).lower()}, not awaiting sign-off"
                        f"{earlier}; nothing was changed")
    waiting = open_challenges(plan)
    if decision == APPROVED and waiting:
        raise Refused("this plan has challenges not yet answered; return it instead",
                      f"{_not_answered(waiting)}; return the plan instead, or wait for "
                      "the answers", [waiting_line(c) for c in waiting])
    if decision == APPROVED:
        change_state(plan, checklist, PlanState.APPROVED, by=name, now=now, today=today)
    else:
        change_state(plan, checklist, PlanState.RETURNED, by=name, now=now, today=today)
    record = SignOff(by=name, role=role, at=now, decision=decision, rationale=rationale,
                     content_hash=content_hash(plan) if decision == APPROVED else "",
                     checklist_version=plan.checklist_version)
    plan.reviews.append(record)
    if decision == APPROVED:
        plan.signoff = copy(record)
    _log(plan, name, now, f"review.{decision}", "plan", "", f"{role}: {rationale}")
    return record


def _return_void(plan: Plan, rationale: str, name: str, role: str,
                 now: datetime) -> SignOff:
    """Return a plan whose approval no longer stands: the approval is voided on record."""
    record = SignOff(by=name, role=role, at=now, decision=RETURNED, rationale=rationale,
                     checklist_version=plan.checklist_version)
    if plan.signoff is not None:
        _log(plan, name, now, "signoff.void", "plan", plan.signoff.by,
             CHANGED_SINCE_APPROVAL)
        plan.signoff = None
    _log(plan, name, now, "state", "plan", plan.state.value, PlanState.RETURNED.value)
    plan.state = PlanState.RETURNED
    plan.reviews.append(record)
    _log(plan, name, now, f"review.{RETURNED}", "plan", "", f"{role}: {rationale}")
    return record


#: History entries that record the review itself, not a change to what the plan says.
_NOT_A_CHANGE = ("review.", "challenge", "signoff", "state", "reason", "distribution",
                 "shared", "history.", "edited-outside")
NOT_KNOWN_WHAT_CHANGED = ("What changed is not recorded in the plan's history (it was "
                          "changed outside the app, or without a record), so it is not "
                          "known.")


def what_changed_since_approval(plan: Plan, edited_outside: str = "") -> list[str]:
    """What changed after the approval, from the plan's history, in words; or that it is
    not known (an edit outside the app leaves no record of what it changed)."""
    so = plan.signoff
    if not approval_void(plan, edited_outside) or so is None:
        return []
    lines = []
    if so.checklist_version != plan.checklist_version:
        lines.append(f"Checklist version: approved on {so.checklist_version}, now "
                     f"{plan.checklist_version}.")
    for e in plan.history:
        if e.at > so.at and not e.what.startswith(_NOT_A_CHANGE):
            change = f"{e.old or '(nothing)'} to {e.new or '(nothing)'}" \
                if e.old or e.new else "changed"
            lines.append(f"{e.at:%d/%m/%Y %H:%M} {e.by}: {e.what} {e.target}: {change}"
                         .replace("  ", " "))
    outside = edited_outside or _marked_after(plan, so)
    if outside or not lines:
        lines.append(NOT_KNOWN_WHAT_CHANGED)
    return lines


def _who(record: SignOff) -> str:
    return f"{record.decision} by {signed(record.by, record.role)} on {record.at:%d/%m/%Y}"


def _concurrent(plan: Plan, decision: str, rationale: str, name: str, role: str,
                now: datetime, unseen: list[SignOff]) -> SignOff:
    """Record a decision made without seeing ``unseen``; a disagreement is a conflict."""
    already = conflict(plan)
    record = SignOff(by=name, role=role, at=now, decision=decision, rationale=rationale,
                     checklist_version=plan.checklist_version)
    plan.reviews.append(record)
    _log(plan, name, now, f"review.{decision}", "plan", CONCURRENT, f"{role}: {rationale}")
    disagree = any(r.decision != decision for r in unseen)
    if disagree and plan.state in (PlanState.APPROVED, PlanState.RETURNED):
        if plan.signoff is not None:
            _log(plan, name, now, "signoff.void", "plan", plan.signoff.by, "")
            plan.signoff = None
        _log(plan, name, now, "state", "plan", plan.state.value, PlanState.SUBMITTED.value)
        plan.state = PlanState.SUBMITTED
    if plan.state == PlanState.SUBMITTED and (disagree or already):
        words = "; ".join(_who(r) for r in [*unseen, record])
        _log(plan, name, now, CONFLICT_WHAT, "plan", "", words[0].upper() + words[1:])
    return record


def decisions_made_unseen(plan: Plan) -> set[int]:
    """Which of ``plan.reviews`` (by position) were made without seeing the one before."""
    decisions = [e for e in plan.history if e.what in (f"review.{APPROVED}",
                                                        f"review.{RETURNED}")]
    if len(decisions) != len(plan.reviews):  # history and reviews disagree: claim nothing
        return set()
    return {n for n, entry in enumerate(decisions) if entry.old == CONCURRENT}


def conflict(plan: Plan) -> str:
    """The decisions that disagree, in words, until a manager decides again; else ''."""
    if plan.state != PlanState.SUBMITTED or len(plan.reviews) < 2:
        return ""
    for entry in reversed(plan.history):
        if entry.what == CONFLICT_WHAT:
            return entry.new
        if entry.what.startswith("review.") or entry.what == "state":
            return ""
    return ""


def challenge(plan: Plan, checklist: Checklist, item_id: str, text: str, *, name: str,
              role: str, now: datetime) -> Challenge:
    """Attach a manager's question to one item; the practitioner sees it there."""
    if item_id not in checklist.item_map():
        raise PlanError(f"there is no item '{item_id}' in checklist '{checklist.id}'")
    if plan.state == PlanState.APPROVED and not approval_void(plan):
        raise PlanError("this plan is approved and the approval stands; it cannot be "
                        "challenged (the practitioner can reopen it, with a reason)")
    if plan.state == PlanState.ENTERED_IN_ERROR:
        raise PlanError(f"this plan is {plan.state.label.lower()}; it cannot be challenged")
    found = Challenge(id=new_id("Challenge"), item=item_id, text=_required(text, "the challenge"),
                      by=_required(name, "the manager's name"), role=role.strip(), at=now)
    plan.challenges.append(found)
    _log(plan, found.by, now, "challenge", item_id, "", found.text)
    return found


def respond(plan: Plan, challenge_id: str, text: str, *, by: str, now: datetime) -> Challenge:
    """The practitioner's answer to a challenge."""
    found = next((c for c in plan.challenges if c.id == challenge_id), None)
    if found is None:
        known = ", ".join(c.id for c in plan.challenges) or "none"
        raise PlanError(f"no challenge '{challenge_id}' on this plan (challenges: {known})")
    if not found.open:
        raise PlanError(f"challenge {challenge_id} was already answered by {found.responded_by}")
    response = _required(text, "an answer to the challenge")
    refuse_non_reason(response, ANSWER)
    found.response = response
    found.responded_by = by or "practitioner"
    found.responded_at = now
    _log(plan, found.responded_by, now, "challenge.answer", found.item, found.text,
         found.response)
    return found


def reopen(plan: Plan, checklist: Checklist, reason: str, *, by: str, now: datetime,
           today: date) -> None:
    """Open a completed, submitted or approved plan for changes, giving the reason: one
    with a word in it (``core.reopen_words.not_a_reason``, the rule the app's dialog and
    plain mode ask by), so "ok" is refused here too, whatever asked for it."""
    from checklist_tui.core.edit import NEEDS_REASON, change_state
    if plan.state not in NEEDS_REASON:
        return
    reason = _required(reason, "a reason for changing a finished plan")
    refuse_non_reason(reason, REASON_MISSING)
    _log(plan, by, now, "reason", "plan", plan.state.value, reason)
    if plan.state == PlanState.SUBMITTED:
        change_state(plan, checklist, PlanState.RETURNED, by=by, now=now, today=today)
    change_state(plan, checklist, PlanState.AMENDED, by=by, now=now, today=today)


def _not_answered(waiting: list[Challenge]) -> str:
    return (f"{plural(len(waiting), 'challenge')} from a manager "
            f"{'is' if len(waiting) == 1 else 'are'} not yet answered")


def waiting_line(c: Challenge) -> str:
    """A challenge not yet answered, in one line: the item, the challenge's id (to answer
    it with ``respond``), who asked, when, and the question."""
    return (f"{c.item}: challenge {c.id} from {signed(c.by, c.role)}, "
            f"{c.at.astimezone():%d/%m/%Y}, not yet answered: {c.text}")
