"""What every command needs from its arguments: the checklists, the plans folder, a plan."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from checklist_tui.cli.output import warn
from checklist_tui.core import locations, plancheck, store
from checklist_tui.core.catalogue import Catalogue, LoadedChecklist, load_catalogue
from checklist_tui.core.errors import DefinitionError, PlanError
from checklist_tui.core.folder import resolve_plan


def catalogue(args: argparse.Namespace, strict: bool = False) -> Catalogue:
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
    return resolve_plan(args.plan, plans_dir(args))


@dataclass
class OpenPlan:
    loaded: store.Loaded
    checklist: LoadedChecklist
    catalogue: Catalogue


def open_plan(args: argparse.Namespace) -> OpenPlan:
    path = plan_path(args)
    loaded = store.load(path)
    cat = catalogue(args)
    checklist = cat.get(loaded.plan.checklist_id)
    if checklist is None:
        raise PlanError(f"{path.name}: made from checklist '{loaded.plan.checklist_id}', "
                        "which is not installed here (use --checklists DIR)")
    plancheck.check_with_checklist(loaded.plan, checklist, path.name)
    return OpenPlan(loaded, checklist, cat)
