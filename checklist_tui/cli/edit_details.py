"""``checklist-tui details``: change a plan's details (date of birth, EDD, case reference,
babies, practitioner) as the app's Plan details (d) does, by the same checks and with the
same history entry. Before it, only the full-screen app could record that the baby was
born (look-d D14): the plan went on reading as a pregnancy."""

from __future__ import annotations

import argparse

from checklist_tui.cli.context import changer
from checklist_tui.cli.output import out
from checklist_tui.cli.records import _session
from checklist_tui.core import clock
from checklist_tui.core.errors import UserFacingError

FLAGS = {"case_ref": "case-ref", "edd": "edd", "dob": "dob", "babies_expected": "babies",
         "practitioner": "practitioner", "practitioner_role": "role"}


def cmd_details(args: argparse.Namespace) -> int:
    from checklist_tui.core import edit
    from checklist_tui.core.dates import timing_summary, uk_date
    from checklist_tui.core.plan_details import DetailsError, parse_details

    with _session(args) as session:
        p = session.plan

        def given(typed: str | None, now: str) -> str:
            return now if typed is None else typed

        try:
            details = parse_details(
                case_ref=given(args.case_ref, p.case_ref),
                edd=given(args.edd, uk_date(p.edd) if p.edd else ""),
                dob=given(args.dob, uk_date(p.dob) if p.dob else ""),
                babies=given(args.babies, str(p.babies_expected)),
                practitioner=given(args.practitioner, p.practitioner),
                role=given(args.role, p.practitioner_role),
                prematurity_likely=(p.prematurity_likely if args.early is None
                                    else args.early == "yes"),
                checklist=session.checklist.checklist, kept_case_ref=p.case_ref)
        except DetailsError as exc:
            raise UserFacingError(f"--{FLAGS.get(exc.field, exc.field)}: {exc.reason}") from None
        session.apply(edit.set_details, **details.fields())
        out(f"Case reference: {p.case_ref}")
        out(f"Timing: {timing_summary(p.edd, p.dob, clock.today()) or 'not known'}")
        out(f"Babies expected: {p.babies_expected}; early birth likely: "
            f"{'yes' if p.prematurity_likely else 'no'}")
    return 0


def add_parsers(sub, common: argparse.ArgumentParser) -> None:
    who = changer()
    p = sub.add_parser("details", parents=[common, who],
                       help="change a plan's details: record the birth (--dob), a new EDD, "
                            "the case reference, babies or practitioner")
    p.add_argument("plan", metavar="PLAN")
    p.add_argument("--dob", metavar="DATE", help="the baby's date of birth, DD/MM/YYYY")
    p.add_argument("--edd", metavar="DATE", help="expected delivery date, DD/MM/YYYY "
                   "('' clears it)")
    p.add_argument("--case-ref", metavar="REF", help="case reference (no names)")
    p.add_argument("--babies", metavar="N", help="number of babies expected")
    p.add_argument("--practitioner", metavar="NAME", help="the plan's practitioner")
    p.add_argument("--role", metavar="ROLE", help="the practitioner's role")
    p.add_argument("--early", choices=["yes", "no"], help="an early birth is likely")
    p.set_defaults(handler=cmd_details)
