"""Generate a folder of realistic, fictional plans for the scale benchmarks and tests.

    python -m benchmarks.make_plans FOLDER [COUNT] [--seed N]

Plans use the shipped checklists, with varied progress, answers (including
"unknown" and answers that raise concerns and red flags), notes, people,
agencies, actions with due dates around today, a history of every answer, and
every lifecycle state (submitted, approved, returned with a challenge). About
one file in 250 is broken in a different way (empty, cut short, not UTF-8, a
newer format, a missing field), as a real shared folder would have. Same seed,
same files. Every name is invented and obviously so.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.definition import ItemType
from checklist_tui.core.plan import (
    Action,
    ActionStatus,
    Agency,
    Answer,
    Challenge,
    HistoryEntry,
    InfoSource,
    Person,
    PersonKind,
    Plan,
    PlanState,
    SignOff,
)
from checklist_tui.core.review import content_hash
from checklist_tui.core.store import to_toml

TODAY = date(2026, 11, 25)
AGENCIES = ["Children's social care", "Community midwifery", "Health visiting", "GP practice",
            "Adult mental health", "Substance misuse service", "Police", "Housing"]
BROKEN = [
    b"",
    b"format_version = 1\nid = \"cut\"\ncase_ref = \"DEMO-CUT\nanswers = {",
    b"\xff\xfe\x00garbage\x00\x01",
    b"format_version = 99\nid = \"x\"\n",
    b"format_version = 1\nid = \"nochecklist\"\ncase_ref = \"DEMO-NO-CHECKLIST\"\n",
]


def _value(rng: random.Random, item) -> object:
    kind = item.type
    if kind == ItemType.CHECK:
        return True
    if kind == ItemType.YES_NO:
        return rng.choice(["yes", "yes", "yes", "no"])
    if kind == ItemType.YES_NO_UNKNOWN:
        return rng.choice(["yes", "yes", "yes", "no", "unknown"])
    if kind == ItemType.SINGLE_CHOICE:
        return rng.choice(item.options).value
    if kind == ItemType.MULTI_CHOICE:
        return [o.value for o in item.options if rng.random() < 0.5] or [item.options[0].value]
    if kind == ItemType.DATE:
        return TODAY - timedelta(days=rng.randint(0, 120))
    words = ["Seen at home.", "Discussed at the core group.", "Father seen on his own.",
             "Mother reports the flat is now ready.", "Awaiting the GP's reply."]
    return " ".join(rng.sample(words, rng.randint(1, 3)))


def make_plan(rng: random.Random, n: int, cat) -> Plan:
    loaded = rng.choice(cat.ordered())
    checklist = loaded.checklist
    worker = f"Example Worker {n % 37} (fictional)"
    created = datetime(2026, 6, 1, 9, 0, tzinfo=UTC) + timedelta(hours=rng.randint(0, 3500))
    t = created
    edd = TODAY + timedelta(days=rng.randint(-60, 200))
    dob = edd - timedelta(days=rng.randint(0, 20)) if edd < TODAY and rng.random() < 0.7 else None
    plan = Plan(id=f"{n:08x}", checklist_id=loaded.id, checklist_version=checklist.version,
                checklist_hash=loaded.content_hash, case_ref=f"DEMO-{n:05d}", edd=edd, dob=dob,
                babies_expected=2 if rng.random() < 0.03 else 1, practitioner=worker,
                practitioner_role="Social worker", created=created, updated=created)
    plan.history.append(HistoryEntry(at=t, by=worker, what="created", target="plan",
                                     new=f"{loaded.id} {checklist.version}"))
    share = rng.choice([0.1, 0.4, 0.7, 0.9, 1.0, 1.0])
    for _section, item in checklist.all_items():
        if rng.random() > share:
            continue
        t += timedelta(minutes=rng.randint(1, 90))
        value = _value(rng, item)
        na = item.allow_na and rng.random() < 0.05
        plan.answers[item.id] = Answer(
            value=None if na else value, not_applicable=na, answered_at=t, answered_by=worker,
            note=rng.choice(["", "", "", "Checked with the health visitor."]),
            source=rng.choice([None, InfoSource.SEEN, InfoSource.PARENT, InfoSource.AGENCY]))
        plan.history.append(HistoryEntry(at=t, by=worker, what="answer", target=item.id,
                                         new="n/a" if na else str(value)))
    plan.people = [Person(id=f"p{i}", name=f"Person {i} Example", kind=kind,
                          relationship=kind.label, in_household=i < 2)
                   for i, kind in enumerate([PersonKind.MOTHER, PersonKind.FATHER,
                                             PersonKind.FAMILY_NETWORK][:rng.randint(1, 3)])]
    plan.agencies = [Agency(id=f"a{i}", agency=a, role="Part of the plan")
                     for i, a in enumerate(rng.sample(AGENCIES, rng.randint(1, 4)))]
    plan.actions = [Action(id=f"x{i}", what=f"Example action {i}", owner="Example Owner",
                           agency=rng.choice(AGENCIES),
                           due=TODAY + timedelta(days=rng.randint(-30, 60)),
                           status=rng.choice(list(ActionStatus)))
                    for i in range(rng.randint(0, 5))]
    plan.updated = t
    roll = rng.random()
    if roll < 0.10:
        plan.state = PlanState.SUBMITTED
    elif roll < 0.18:
        plan.state = PlanState.COMPLETED
    elif roll < 0.26:
        plan.state = PlanState.APPROVED
        so = SignOff(by="Example Manager (fictional)", role="Team manager", at=t,
                     decision="approved", rationale="Plan is proportionate.",
                     content_hash=content_hash(plan), checklist_version=plan.checklist_version)
        plan.reviews.append(so)
        plan.signoff = so.model_copy()
    elif roll < 0.30:
        plan.state = PlanState.RETURNED
        item = next(iter(plan.answers), None) or checklist.all_items()[0][1].id
        plan.challenges.append(Challenge(id="c1", item=item, text="How was this checked?",
                                         by="Example Manager (fictional)", at=t))
        plan.reviews.append(SignOff(by="Example Manager (fictional)", role="Team manager", at=t,
                                    decision="returned", rationale="See the challenge."))
    return plan


def generate(folder: Path, count: int, seed: int = 14, broken_every: int = 250) -> int:
    """Write ``count`` plans (some broken) into ``folder`` and sub-folders; returns the count."""
    rng = random.Random(seed)
    cat = load_catalogue(include_user=False)
    for n in range(count):
        sub = folder / f"team-{n % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"plan-{n:05d}.toml"
        if broken_every and n % broken_every == broken_every - 1:
            path.write_bytes(BROKEN[(n // broken_every) % len(BROKEN)])
            continue
        path.write_text(to_toml(make_plan(rng, n, cat)), encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=10_000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    generate(args.folder, args.count, args.seed)
    print(f"{args.count} plans in {args.folder}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
