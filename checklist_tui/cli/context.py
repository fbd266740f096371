"""What every command needs from its arguments: the checklists, the plans folder, a plan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.cli.output import warn
from checklist_tui.core import locations
from checklist_tui.core.errors import DefinitionError, PlanError
from checklist_tui.core.record import MutableRecord

if TYPE_CHECKING:  # loaded by the commands that use them: `open` starts the app without them
    from checklist_tui.core import store
    from checklist_tui.core.catalogue import Catalogue, LoadedChecklist


def author(doing: str = "making the change",
           otherwise: str = "the plan's practitioner",
           example: str = "Morgan Example (Ward midwife)") -> argparse.ArgumentParser:
    """``--as NAME``, for every command that changes a plan: who is doing it (by default
    ``otherwise``; ``core.who.recorded_as`` is the rule), their role in brackets after
    the name (``core.who.said_as``). A parent parser: ``parents=[common, author()]``."""
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--as", dest="as_user", metavar="NAME", type=a_name,
                     help=f"who is {doing}, your name and role, e.g. '{example}': "
                          f"recorded on every change (default: {otherwise})")
    return who


def a_name(text: str) -> str:
    """``--as``: a name, by the rule the app's and plain mode's question use
    (``core.who.not_a``: not a placeholder such as "tbc" or "?", not one character;
    rev8-core 4: "--as ?" was recorded as the person making changes)."""
    from checklist_tui.core.who import not_a, said_as

    who = said_as(text)
    problem = not_a("name", who.name) or (not_a("role", who.role) if who.role else None)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return who.by


def a_role(text: str) -> str:
    """``--role`` of a manager's decision: a role by the same rule (``core.who.not_a``)."""
    from checklist_tui.core.who import not_a

    problem = not_a("role", text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return " ".join(text.split())


def changer() -> argparse.ArgumentParser:
    """``--as NAME`` and ``--reason TEXT``: for every command that changes what a plan says
    (a finished plan changes only with a reason). A parent parser."""
    who = author()
    who.add_argument("--reason", metavar="TEXT",
                     help="why a completed, submitted or approved plan is being changed "
                          "(needed for those; kept in its history; voids a sign-off)")
    return who


def catalogue(args: argparse.Namespace, strict: bool = False) -> Catalogue:
    from checklist_tui.core.catalogue import load_catalogue

    cat = load_catalogue(args.checklists)
    if cat.problems:
        if strict:
            raise DefinitionError(cat.problems)
        for problem in cat.problems:
            warn(problem.line())
    return cat


def plans_dir(args: argparse.Namespace) -> Path:
    return locations.plans_dir(args.plans_dir)


def plan_path(args: argparse.Namespace) -> Path:
    return locations.resolve_plan(args.plan, plans_dir(args))


class OpenPlan(MutableRecord):
    loaded: store.Loaded
    checklist: LoadedChecklist
    catalogue: Catalogue


def open_plan(args: argparse.Namespace) -> OpenPlan:
    from checklist_tui.core import plancheck, store

    path = plan_path(args)
    loaded = store.load(path)
    cat = catalogue(args)
    checklist = cat.get(loaded.plan.checklist_id)
    if checklist is None:
        raise PlanError(f"{path.name}: made from checklist '{loaded.plan.checklist_id}', "
                        "which is not installed here (use --checklists DIR)")
    plancheck.check_with_checklist(loaded.plan, checklist, loaded.path)
    return OpenPlan(loaded, checklist, cat)
