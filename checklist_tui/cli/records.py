"""Scriptable edits: ``answer``, ``person``, ``agency``, ``action`` and ``confirm``.

Each opens the plan through the same session as the app (lock, history, atomic save),
makes one change with the core's edit operations, saves, and prints where things stand.
Anything refused is one clear line and exit 1, with nothing on disk changed.
"""

from __future__ import annotations

import argparse
import io
import shlex
import sys
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stdout
from typing import TYPE_CHECKING, Any

from checklist_tui.cli.context import catalogue, changer, plan_path
from checklist_tui.cli.output import out
from checklist_tui.core import clock
from checklist_tui.core.dates import parse_date
from checklist_tui.core.errors import PlanError, ReasonNeeded, UserFacingError, did_you_mean
from checklist_tui.core.plan_kinds import ActionStatus, InfoSource, PersonKind

if TYPE_CHECKING:  # the core's models load inside the commands, not for every command line
    from checklist_tui.core.session import PlanSession

NA_WORDS = ("n/a", "na", "not applicable", "not_applicable")
YES_NO = {"yes": True, "y": True, "no": False, "n": False}


@contextmanager
def _session(args: argparse.Namespace) -> Iterator[PlanSession]:
    """The plan, locked for this one change; refused when it cannot be changed. A
    completed, submitted or approved plan is changed only with ``--reason`` (kept in its
    history; an approval is voided). What the command prints is held until the plan is
    saved: a reader that stops reading (``| head``) can no longer stop the save, and
    nothing says "Yes" that is not on disk."""
    from checklist_tui.core import review
    from checklist_tui.core.session import PlanSession

    cat = catalogue(args)
    session = PlanSession.open(plan_path(args), cat.get, user=getattr(args, "as_user", "") or "")
    name = session.loaded.path.name
    said = io.StringIO()  # printed once saved (look-c 9: "Yes" printed, nothing saved)
    try:
        if session.read_only:
            raise PlanError(f"{name}: cannot be changed: {session.read_only_reason}")
        reason = getattr(args, "reason", None)
        if reason is not None:
            session.apply(review.reopen, session.checklist.checklist, reason,
                          today=clock.today())
        try:
            with redirect_stdout(said):
                yield session
        except ReasonNeeded as exc:
            raise PlanError(f"{name}: {exc}; give it with --reason TEXT") from None
        if not session.save():
            raise PlanError(f"{session.loaded.path.name}: not saved: {session.state.error}")
        if session.state.conflict_copy is not None:
            raise PlanError(session.state.error)
    finally:
        if session.lock:
            session.lock.release()
    sys.stdout.write(said.getvalue())


def _date(flag: str, text: str | None):
    if text is None:
        return None
    try:
        return parse_date(text)
    except ValueError as exc:
        raise UserFacingError(f"{flag}: {exc}") from None


def _person_ids(session: PlanSession, names: str) -> list[str]:
    """People given by id or by name (comma-separated) as their ids in this plan."""
    people = session.plan.people
    ids = []
    for wanted in (n.strip() for n in names.split(",") if n.strip()):
        match = [p for p in people if wanted in (p.id, p.name)]
        if len(match) != 1:
            hint = did_you_mean(wanted, [p.name for p in people]) or \
                "add them first with 'checklist-tui person add'"
            raise UserFacingError(f"--detail: no one called '{wanted}' in this plan's People "
                                  f"({hint})")
        ids.append(match[0].id)
    return ids


def _details(pairs: list[str]) -> dict[str, list[str]]:
    """``--detail KEY=VALUE`` options, each key's values in the order given (look-c 10:
    a repeated people= kept only the last person)."""
    found: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep:
            raise UserFacingError(f"--detail '{pair}': write it as KEY=VALUE, e.g. "
                                  "date=02/12/2026")
        found.setdefault(key.strip(), []).append(text)
    return found


def _held_again(session, item, given: dict[str, list[str]], value: str) -> dict[str, str]:
    """``--again`` with no text= for them: each of ``item``'s words written before today
    that a check compares with today's date (core.written.earlier_words), to record again
    as they are; refused when there is none, or when the answer itself changes (a "no"
    given with --again kept the Yes's findings "recorded again as still true", rev9-core
    4): nothing is changed."""
    from checklist_tui.core.written import earlier_words

    answer = session.plan.answers.get(item.id)
    if answer is not None and str(answer.value).lower() != value.strip().lower():
        raise UserFacingError(
            f"--again records again the words an answer holds, as still true today; "
            f"{item.id}'s answer would change to '{value}', so there is nothing it vouches "
            "for again: give the answer without --again")
    earlier = earlier_words(session.plan, session.checklist.checklist, item, clock.today())
    held = {key: answer.details[key] for key in earlier
            if key not in given and answer is not None and answer.details}
    if not held and not any(d.key in given for d in item.details
                            if d.kind.value == "text"):
        raise UserFacingError(
            f"--again records again the words of a check written before today; {item.id} "
            "holds none written before today, so there is nothing to record again")
    return held


def _again_said(session, item, args: argparse.Namespace) -> str:
    """Under ``answer``'s output, when the item's words were written before the date they
    record (core.written.written_earlier, said just above) and before today: how to record
    them again, or give new ones (s8redate: ``--again`` was only in --help)."""
    from checklist_tui.core.written import earlier_words, written_earlier

    plan = session.plan
    earlier = earlier_words(plan, session.checklist.checklist, item, clock.today())
    if not earlier or not written_earlier(plan, item, plan.answers.get(item.id)):
        return ""
    keys = " ".join(f"--detail {key}=..." for key in earlier)
    # the command as this one was given: the same folders, and who is vouching for the
    # words (rev9-core 1: without --as, run as printed, the words were recorded again as
    # still true by the plan's practitioner, who never saw the baby that day)
    words = ["checklist-tui", "answer", args.plan, item.id, args.value]
    if getattr(args, "plans_dir", None):
        words += ["--plans-dir", str(args.plans_dir)]
    for folder in getattr(args, "checklists", None) or []:
        words += ["--checklists", str(folder)]
    words += ["--as", args.as_user or "YOUR NAME (YOUR ROLE)"]
    command = shlex.join(words)
    said = "" if args.as_user else " (with your own name and role after --as)"
    return (f"If these words are still true today, record them again as today's{said}: "
            f"{command} --again. If not, give today's words: {command} {keys}")


def cmd_answer(args: argparse.Namespace) -> int:
    from checklist_tui.core import edit
    from checklist_tui.core.definition import ItemType
    from checklist_tui.core.gaps import item_status
    from checklist_tui.core.vocabulary import acknowledged_said, not_shown_said, rule_label

    with _session(args) as session:
        checklist = session.checklist.checklist
        items = checklist.item_map()
        item = items.get(args.item)
        if item is None:
            hint = did_you_mean(args.item, items) or "see the item ids in 'checklist-tui show'"
            raise UserFacingError(f"no item '{args.item}' in checklist '{checklist.id}' ({hint})")
        ev = session.evaluate()
        if args.item not in ev.visible_items:
            waits = ev.waiting.get(args.item, ())
            said = not_shown_said(checklist, args.item, waits)
            # "yet" only while it waits: an answer given rules the other out (rev7-core 11)
            raise UserFacingError(f"{said}, so it cannot be answered{' yet' if waits else ''}")
        if (args.owner is None) != (args.by is None):
            raise UserFacingError("--owner and --by go together: who will find out, and by when")
        given = _details(args.detail or [])
        held = _held_again(session, item, given, args.value) if args.again else {}
        value: Any = args.value
        if item.type == ItemType.MULTI_CHOICE:
            value = [v.strip() for v in args.value.split(",") if v.strip()]
        if isinstance(value, str) and value.strip().lower() in NA_WORDS:
            session.apply(edit.set_not_applicable, checklist, args.item)
        else:
            session.apply(edit.set_answer, checklist, args.item, value, owner=args.owner,
                          by_date=_date("--by", args.by))
        for key, texts in given.items():
            detail = next((d for d in item.details if d.key == key), None)
            detail_value: Any = texts[-1]
            if detail is not None and detail.kind.value == "people":  # they add up
                detail_value = list(dict.fromkeys(
                    pid for text in texts for pid in _person_ids(session, text)))
            elif len(texts) > 1:
                raise UserFacingError(f"--detail {key}= is given {len(texts)} times: give it "
                                      "once (only people= adds up when repeated)")
            session.apply(edit.set_detail, checklist, args.item, key, detail_value,
                          again=args.again)
        for key, words in held.items():  # --again alone: the words it holds, as today's
            session.apply(edit.set_detail, checklist, args.item, key, words, again=True)
        if args.note is not None:
            session.apply(edit.set_note, args.item, args.note)
        if args.source is not None:
            session.apply(edit.set_source, args.item, InfoSource(args.source))
        ev = session.evaluate()
        for line in item_status(checklist, session.plan, ev, args.item):
            out(line)
        again = _again_said(session, item, args)
        if again:
            out(again)
        for fired in ev.fired:
            if fired.item_id == args.item and fired.severity.value != "info":
                out(f"{rule_label(fired)}: {fired.message}{acknowledged_said(fired)}")
                if fired.escalation:
                    out(f"    What to do: {fired.escalation}")
    return 0


# -- people, agencies, actions ---------------------------------------------------------

MODELS = {"person": "Person", "agency": "Agency", "action": "Action"}
"""The plan model of each record kind (its name in ``core.plan``)."""
#: option -> model field, per record kind (the fields a script may set)
FIELDS = {
    "person": ("name", "kind", "relationship", "role", "in_household", "man", "involvement",
               "assessment", "reason_not_involved", "notes"),
    "agency": ("agency", "practitioner", "role", "contact"),
    "action": ("what", "owner", "agency", "due", "status", "outcome"),
}
NAME_FIELD = {"person": "name", "agency": "agency", "action": "what"}


def _fields(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in FIELDS[kind]:
        value = getattr(args, name, None)
        if value is None:
            continue
        if name in ("man", "in_household"):
            value = YES_NO[value]
        elif name == "due":
            value = _date("--due", value)
        fields[name] = value
    return fields


def _find(session: PlanSession, kind: str, wanted: str):
    records = getattr(session.plan, {"person": "people", "agency": "agencies",
                                     "action": "actions"}[kind])
    match = [r for r in records if wanted in (r.id, getattr(r, NAME_FIELD[kind]))]
    if len(match) != 1:
        names = [getattr(r, NAME_FIELD[kind]) for r in records]
        many = "more than one matches; use the id" if match else (
            did_you_mean(wanted, names) or f"see 'checklist-tui {kind} list'")
        raise UserFacingError(f"no single {kind} '{wanted}' in this plan ({many})")
    return match[0]


def _print_record(kind: str, record) -> None:
    data = record.model_dump(mode="json", exclude_defaults=True)
    out(f"{kind} {record.id}: " + "; ".join(f"{k}={v}" for k, v in data.items() if k != "id"))


def cmd_record(args: argparse.Namespace) -> int:
    kind, verb = args.record_kind, args.verb
    if verb == "list":
        from checklist_tui.cli.context import open_plan

        opened = open_plan(args)
        for record in getattr(opened.loaded.plan, {"person": "people", "agency": "agencies",
                                                   "action": "actions"}[kind]):
            _print_record(kind, record)
        return 0
    from checklist_tui.core import edit, plan
    from checklist_tui.core.vocabulary import issue_label

    with _session(args) as session:
        model = getattr(plan, MODELS[kind])
        if verb == "add":
            record = session.apply(edit.add_record, model, **_fields(args, kind))
        elif verb == "edit":
            target = _find(session, kind, args.record)
            record = session.apply(edit.update_record, model, target.id,
                                   why=getattr(args, "why", "") or "", **_fields(args, kind))
        else:
            target = _find(session, kind, args.record)
            session.apply(edit.remove_record, model, target.id,
                          why=getattr(args, "why", "") or "")
            out(f"{kind} {target.id} removed")
            return 0
        _print_record(kind, record)
        for issue in session.evaluate().integrity:
            if issue.target_id == record.id:
                out(f"{issue_label(issue)}: {issue.message}")
    return 0


#: How the command line confirms a pause point, and where a red flag is acknowledged, for
#: the words ``core.pause.PauseStatus.next_step`` says.
CONFIRM_WORDS = ("run confirm", "with k in the app, or acknowledge in plain mode")


def cmd_confirm(args: argparse.Namespace) -> int:
    from checklist_tui.core import edit
    from checklist_tui.core.pause import pause_status

    with _session(args) as session:
        status = pause_status(session.checklist.checklist, session.plan, session.evaluate(),
                              args.section)
        if status is not None and status.refused:  # the reason, and what to do first
            raise PlanError(f"{status.title} cannot be confirmed: {status.refused} "
                            f"{status.next_step(*CONFIRM_WORDS)}")
        record = session.apply(edit.confirm_pause_point, session.checklist.checklist,
                               args.section, args.present, today=clock.today())
        out(f"Confirmed '{args.section}' by {record.by} at "
            f"{record.at.astimezone().strftime('%d/%m/%Y %H:%M')}; present: "
            + "; ".join(record.present))
    return 0


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    """The subcommands of this module (called by parser.build_parser)."""
    who = changer()
    p = sub.add_parser("answer", parents=[common, who], help="record one answer in a plan")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("item", metavar="ITEM", help="item id, e.g. PBA-F02")
    p.add_argument("value", metavar="VALUE",
                   help="yes, no, unknown, 'not yet', done, n/a, an option value (several: "
                        "a,b), a date, or text")
    p.add_argument("--note", help="a note on the answer")
    p.add_argument("--source", choices=[s.value for s in InfoSource],
                   help="where the information comes from")
    p.add_argument("--owner", metavar="NAME", help="who will find out (with 'not yet'/unknown)")
    p.add_argument("--by", metavar="DATE", help="by when they will find out")
    p.add_argument("--detail", action="append", metavar="KEY=VALUE",
                   help="what a yes carries, e.g. date=02/12/2026, people='Sam Example', "
                        "text=..., place=...; repeatable: each key once, except people=, "
                        "whose names add up (or give them separated by commas)")
    p.add_argument("--again", action="store_true",
                   help="record the text= given again as written today, even if unchanged "
                        "(a check done again that found the same)")
    p.set_defaults(handler=cmd_answer)

    for kind in ("person", "agency", "action"):
        kp = sub.add_parser(kind, help=f"list, add, edit or remove {kind} records in a plan")
        verbs = kp.add_subparsers(dest="verb", metavar="VERB", required=True)
        for verb in ("list", "add", "edit", "remove"):
            vp = verbs.add_parser(verb, parents=[common, who], help=f"{verb} {kind} records")
            vp.add_argument("plan", metavar="PLAN")
            if verb in ("edit", "remove"):
                vp.add_argument("record", metavar="ID_OR_NAME")
            if verb == "remove" and kind == "person":
                vp.add_argument("--why", metavar="TEXT", default="",
                                help="why they are removed (needed for a man, or anyone "
                                     "living in or visiting the home)")
            elif verb == "edit" and kind == "person":
                vp.add_argument("--why", metavar="TEXT", default="",
                                help="why (needed when a man is recorded as not a man, or "
                                     "someone around the baby as no longer around it)")
            if verb in ("add", "edit"):
                _record_options(vp, kind, required=verb == "add")
            vp.set_defaults(handler=cmd_record, record_kind=kind)

    p = sub.add_parser("confirm", parents=[common, who],
                       help="record that a pause point was read aloud and confirmed")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("section", metavar="SECTION", help="the pause point's section id")
    p.add_argument("--present", action="append", required=True, metavar="NAME",
                   help="someone who was there (name and role); repeatable")
    p.set_defaults(handler=cmd_confirm)


def _record_options(p: argparse.ArgumentParser, kind: str, required: bool) -> None:
    if kind == "person":
        p.add_argument("--name", required=required)
        p.add_argument("--kind", choices=[k.value for k in PersonKind], required=required,
                       help="mother, father, male_carer, adult_in_household, visiting_adult, "
                            "family_network, child, other")
        p.add_argument("--relationship", help="how they relate to the baby")
        p.add_argument("--role", help="their role around the baby")
        p.add_argument("--man", choices=list(YES_NO), help="is this person a man?")
        p.add_argument("--in-household", choices=list(YES_NO), dest="in_household")
        p.add_argument("--involvement", help="what has been done to involve them")
        p.add_argument("--assessment", help="what has been assessed about them")
        p.add_argument("--reason-not-involved", dest="reason_not_involved",
                       help="why he has not been involved or assessed")
        p.add_argument("--notes")
    elif kind == "agency":
        p.add_argument("--agency", required=required, help="the agency's name")
        p.add_argument("--practitioner", help="the named practitioner")
        p.add_argument("--role", help="their role and responsibility in this plan")
        p.add_argument("--contact", help="how to reach them")
    else:
        p.add_argument("--what", required=required)
        p.add_argument("--owner", help="who does it")
        p.add_argument("--agency")
        p.add_argument("--due", metavar="DATE")
        p.add_argument("--status", choices=[s.value for s in ActionStatus])
        p.add_argument("--outcome", help="the outcome this action serves (the plan lists "
                                         "actions under their outcome)")
