"""Commands for review and sign-off: ``submit``, ``sign-off``, ``challenge``, ``respond``,
``report DIR`` and ``show DIR``. Thin over ``core.review``, ``core.index`` and
``export.report``; progress goes to stderr, only data to stdout."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from checklist_tui.cli.context import a_name, a_role, author, catalogue, plan_path, plans_dir
from checklist_tui.cli.output import err, out
from checklist_tui.core import clock
from checklist_tui.core.errors import Refused, UserFacingError

if TYPE_CHECKING:
    from checklist_tui.core.plan import SignOff


def refused(path: Path, what: str, exc: Refused) -> int:
    """Every reason a step was refused, one per line, after one sentence saying what was
    not done and why (it said the first reason and "and 42 more")."""
    from checklist_tui.cli.entry import EXIT_BAD_INPUT

    err(f"checklist-tui: {path.name} was not {what} (nothing was changed): {exc.opening}:")
    for reason in exc.reasons:
        err(f"  - {reason}")
    return EXIT_BAD_INPUT


def _change(args: argparse.Namespace, operation) -> tuple[Path, object]:
    from checklist_tui.core.review_file import LOCK_WAIT, Waiting, change_plan

    class Said(Waiting):
        """Says at once that the step waits, and for whom (look-c 8: 15 s of nothing)."""

        def held_by(self, words: str) -> None:
            err(f"checklist-tui: waiting up to {LOCK_WAIT:.0f} seconds: "
                f"{words.split('; it opens read-only')[0]}")

    path = plan_path(args)
    cat = catalogue(args)
    return path, change_plan(path, cat.get, operation, waiting=Said())


def _as(plan, args: argparse.Namespace) -> str:
    """Who a practitioner's step is recorded as: ``--name``/``--as``, else the plan's
    practitioner (the one rule, ``core.who.recorded_as``)."""
    from checklist_tui.core.who import recorded_as

    return recorded_as(plan, args.name)


def cmd_submit(args: argparse.Namespace) -> int:
    from checklist_tui.core import review

    now, today = clock.now(), clock.today()

    def step(plan, checklist):
        review.submit(plan, checklist, by=_as(plan, args),
                      now=now, today=today)
        return plan

    try:
        path, _ = _change(args, step)
    except Refused as exc:
        return refused(plan_path(args), "submitted", exc)
    out(f"{path.name}: submitted for sign-off")
    return 0


def cmd_sign_off(args: argparse.Namespace) -> int:
    from checklist_tui.core import review, store

    now, today = clock.now(), clock.today()
    # What the manager is deciding on: the plan as it is now. Another manager's decision
    # recorded between this read and ours is one this manager did not see: both are kept.
    name, role = decider(args)
    if not role:  # said before the plan is read, with both ways to give it
        raise UserFacingError("the manager's role is needed: give --role ROLE, or "
                              "--as \"NAME (ROLE)\"; nothing was changed")
    seen = len(store.load(plan_path(args)).plan.reviews)

    def step(plan, checklist):
        record = review.decide(plan, checklist, decision=args.decision,
                               rationale=args.rationale, name=name, role=role,
                               now=now, today=today, seen=seen)
        return record, review.describe_state(plan), review.conflict(plan)

    try:
        path, result = _change(args, step)
    except Refused as exc:
        return refused(plan_path(args), args.decision, exc)
    record, state, disagree = cast("tuple[SignOff, str, str]", result)
    from checklist_tui.core.vocabulary import signed

    out(f"{path.name}: {record.decision} by {signed(record.by, record.role)}")
    if disagree:
        out(f"{path.name}: {state}: {disagree}; not signed off until a manager decides "
            "again")
    elif state.lower() != record.decision:
        out(f"{path.name}: recorded beside another manager's decision made at the same "
            f"time; the plan is {state.lower()}")
    return 0


def cmd_challenge(args: argparse.Namespace) -> int:
    from checklist_tui.core import review

    now = clock.now()
    name, role = decider(args)
    path, found = _change(args, lambda plan, checklist: review.challenge(
        plan, checklist, args.item, args.text, name=name, role=role, now=now))
    out(f"{path.name}: challenge {found.id} on {found.item}")  # type: ignore[attr-defined]
    return 0


def cmd_respond(args: argparse.Namespace) -> int:
    from checklist_tui.core import review

    now = clock.now()

    def step(plan, _checklist):
        return review.respond(plan, args.challenge_id, args.text,
                              by=_as(plan, args), now=now)

    path, found = _change(args, step)
    out(f"{path.name}: challenge {found.id} on {found.item} answered")  # type: ignore[attr-defined]
    return 0


def cmd_reopen(args: argparse.Namespace) -> int:
    from checklist_tui.core import review

    now, today = clock.now(), clock.today()

    def step(plan, checklist):
        review.reopen(plan, checklist, args.reason,
                      by=_as(plan, args), now=now, today=today)
        return plan.state

    path, state = _change(args, step)
    out(f"{path.name}: open for changes ({state.label.lower()}); the reason is in its history")  # type: ignore[attr-defined]
    return 0


def _progress(done: int, total: int) -> None:
    if total >= 200 and sys.stderr.isatty():
        sys.stderr.write(f"\rReading plans: {done} of {total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _folder(args: argparse.Namespace) -> Path:
    folder = Path(args.folder).expanduser() if args.folder else plans_dir(args)
    if not folder.is_dir():
        raise UserFacingError(f"{folder}: not a folder of plans")
    return folder


def indexed_rows(args: argparse.Namespace, folder: Path):
    """Refresh the folder's index and return (rows, catalogue); each row says who has the
    plan open for editing elsewhere, if anyone does."""
    from checklist_tui.core.folder import mark_open_elsewhere, open_elsewhere
    from checklist_tui.core.index import PlanIndex

    cat = catalogue(args)
    with PlanIndex(folder, cat.checklists, args.checklists) as index:
        index.refresh(progress=_progress)
        return mark_open_elsewhere(index.rows(), open_elsewhere(folder)), cat


def cmd_report(args: argparse.Namespace) -> int:
    from checklist_tui.core.assurance import assess
    from checklist_tui.export.report import render_report

    folder = _folder(args)
    rows, cat = indexed_rows(args, folder)
    figures = assess(rows, cat.checklists, cat.sources, clock.today())
    text = render_report(rows, figures, args.format, args.part)
    if args.output and args.output != "-":
        target = Path(args.output).expanduser()
        if target.exists() and not args.force:
            raise UserFacingError(f"{target} already exists; use --force to replace it")
        if target.exists() and not target.is_file():
            raise UserFacingError(f"{target} is not an ordinary file; nothing was written")
        from checklist_tui.core.store import atomic_write

        atomic_write(target, text.encode("utf-8"), keep_backup=False)
        err(f"Wrote {target}")
        return 0
    out(text, end="")
    return 0


def cmd_show_folder(args: argparse.Namespace, folder: Path) -> int:
    from checklist_tui.cli.fill import wants_plain
    from checklist_tui.core.assurance import assess
    from checklist_tui.export.report import render_report

    if wants_plain(args):
        return _plain_folder(args, folder)
    rows, cat = indexed_rows(args, folder)
    figures = assess(rows, cat.checklists, cat.sources, clock.today())
    out(render_report(rows, figures, "table", "plans"), end="")
    return 0


def _plain_folder(args: argparse.Namespace, folder: Path) -> int:
    """Every plan in sentences, one per paragraph (screen readers, TERM=dumb)."""
    from checklist_tui.cli.fill import say_why_plain
    from checklist_tui.core.assurance import assess
    from checklist_tui.export.report_plain import render_plain

    say_why_plain(args, "the plans are listed as plain text")
    rows, cat = indexed_rows(args, folder)
    figures = assess(rows, cat.checklists, cat.sources, clock.today())
    out(render_plain(rows, figures, str(folder)), end="")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from checklist_tui.cli.fill import wants_plain

    folder = _folder(args)
    if wants_plain(args):
        return _plain_folder(args, folder)
    from checklist_tui.cli.plans import said_who
    from checklist_tui.tui.run import run

    name, role = said_who(args)  # --as: who decides, not asked at each decision
    return run(plans_dir=plans_dir(args), checklist_dirs=args.checklists, review_dir=folder,
               as_name=name, as_role=role)


def _decider(p: argparse.ArgumentParser) -> None:
    """The manager deciding: ``--name`` (or ``--as``, as on every other command) and
    ``--role``, by the rule for who is making changes (core.who: "tbc" or "?" refused);
    ``--as "Alex Manager (Team manager)"`` gives both."""
    p.add_argument("--name", "--as", dest="name", required=True, metavar="NAME", type=a_name,
                   help="your name, e.g. 'Alex Manager', or your name and role, "
                        "'Alex Manager (Team manager)'")
    p.add_argument("--role", default=None, type=a_role,
                   help="your role, e.g. Team manager (needed unless given with the name)")


def decider(args: argparse.Namespace) -> tuple[str, str]:
    """The manager's name and role: ``--role``, else the role in brackets after the name."""
    from checklist_tui.core.who import said_as

    if args.role:
        return args.name, args.role
    said = said_as(args.name)
    return said.name, said.role


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("submit", parents=[common], help="send a completed plan for sign-off")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--name", "--as", dest="name", default=None, metavar="NAME", type=a_name,
                   help="your name (default: the plan's practitioner)")
    p.set_defaults(handler=cmd_submit)
    p = sub.add_parser("sign-off", parents=[common],
                       help="approve or return a plan awaiting sign-off (managers)")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--decision", required=True, choices=["approved", "returned"])
    p.add_argument("--rationale", required=True, metavar="TEXT", help="the reasons, in full")
    _decider(p)
    p.set_defaults(handler=cmd_sign_off)
    p = sub.add_parser("challenge", parents=[common],
                       help="ask the practitioner about one item (managers)")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("item", metavar="ITEM_ID")
    p.add_argument("--text", required=True, help="your question")
    _decider(p)
    p.set_defaults(handler=cmd_challenge)
    p = sub.add_parser("respond", parents=[common], help="answer a manager's challenge")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("challenge_id", metavar="CHALLENGE_ID", help="as shown by 'show PLAN'")
    p.add_argument("--text", required=True, help="your answer")
    p.add_argument("--name", "--as", dest="name", default=None, metavar="NAME", type=a_name,
                   help="your name (default: the plan's practitioner)")
    p.set_defaults(handler=cmd_respond)
    p = sub.add_parser("reopen", parents=[common],
                       help="open a completed, submitted or approved plan for changes, "
                            "with the reason")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--reason", required=True, help="why the finished plan must change")
    p.add_argument("--name", "--as", dest="name", default=None, metavar="NAME", type=a_name,
                   help="your name (default: the plan's practitioner)")
    p.set_defaults(handler=cmd_reopen)
    p = sub.add_parser("review", parents=[common, author(
        "deciding", "asked at each decision", "Alex Manager (Team manager)")],
                       help="review and sign off every plan in a folder, on screen")
    p.add_argument("folder", metavar="DIR", nargs="?", help="folder (default: the plans folder)")
    p.add_argument("--plain", action="store_true",
                   help="every plan in plain sentences, one per paragraph, for screen "
                        "readers and braille displays (also when TERM=dumb)")
    p.set_defaults(handler=cmd_review)
    p = sub.add_parser("report", parents=[common],
                       help="every plan in a folder, and assurance across them")
    p.add_argument("folder", metavar="DIR", nargs="?", help="folder (default: the plans folder)")
    p.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table")
    p.add_argument("--part", default="all",
                   choices=["all", "plans", "recommendations", "items", "left-open", "agencies",
                            "past-due"],
                   help="which part (CSV holds one; default: all, or plans for CSV)")
    p.add_argument("-o", "--output", metavar="FILE", help="file to write (default: the screen)")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=cmd_report)
