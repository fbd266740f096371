"""Regenerate the fictional example plans in this folder.

    python examples/make_examples.py

Every name here is invented and obviously so. The plans are built through the
core's own edit operations, so they carry a realistic history. Every time comes from
a fixed clock and every record id is derived from the example's name
(``ids.seeded_ids``), so the files are the same every time: regenerating them
changes only what really changed.
"""

from __future__ import annotations

import sys
import tomllib
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from anywhere, without installing the package

from checklist_tui.core import store  # noqa: E402
from checklist_tui.core.catalogue import load_catalogue  # noqa: E402
from checklist_tui.core.edit import (  # noqa: E402
    acknowledge,
    add_record,
    change_state,
    confirm_pause_point,
    set_answer,
    set_detail,
    set_details,
    set_not_applicable,
    set_note,
    set_source,
    update_record,
)
from checklist_tui.core.ids import seeded_ids  # noqa: E402
from checklist_tui.core.plan import (  # noqa: E402
    Action,
    ActionStatus,
    Agency,
    InfoSource,
    Person,
    PersonKind,
    PlanState,
)

T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)
TODAY = date(2026, 11, 25)


class Clock:
    """Each change a minute after the last, so history reads like real work."""

    def __init__(self, start: datetime):
        self.t = start

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t

    def jump(self, to: datetime) -> None:
        """Later work: the next change is at ``to``."""
        self.t = to - timedelta(minutes=1)


def _fixed_id(loaded: store.Loaded, name: str) -> store.Loaded:
    """Write the finished plan under a stable name beside its working file (and drop that)."""
    target = loaded.path.parent.parent / name
    store.atomic_write(target, store.to_toml(loaded.plan).encode("utf-8"), keep_backup=False)
    loaded.path.unlink()
    return store.Loaded(target, loaded.plan, store.fingerprint(target.read_bytes()))


def _answers(part: str) -> list[dict]:
    """What an example records, as its case file would: rows of data/answers.toml (whose
    opening comment says what a row holds)."""
    return tomllib.loads((HERE / "data" / "answers.toml").read_text(encoding="utf-8"))[part]


def _record_answers(plan, cl, who: str, clock: Clock, rows: list[dict],
                    people: dict[str, str] | None = None) -> None:
    """Answer items as a case file records them (rows of data/answers.toml); a list in
    an answer's details names people by their keys in ``people``."""
    for row in rows:
        item, value = row["item"], row["value"]
        if value == "n/a":
            set_not_applicable(plan, cl, item, by=who, now=clock())
        else:
            follow = row.get("follow_up", {})
            set_answer(plan, cl, item, value, by=who, now=clock(), owner=follow.get("owner"),
                       by_date=follow.get("by"))
        for key, detail in row.get("details", {}).items():
            if isinstance(detail, list):
                detail = [(people or {})[name] for name in detail]
            set_detail(plan, cl, item, key, detail, by=who, now=clock())
        if "note" in row:
            set_note(plan, item, row["note"], by=who, now=clock())


def early_pre_birth(cat, out: Path) -> store.Loaded:
    checklist = cat.get("pre-birth-assessment")
    clock = Clock(T0)
    who = "Pat Sample (example social worker)"
    loaded = store.create(out / "_tmp", checklist, case_ref="DEMO-0001", now=clock(),
                          edd=date(2027, 5, 20), practitioner=who, role="Assessing social worker")
    plan, cl = loaded.plan, checklist.checklist
    for item, value in [("PBA-S01", "yes"), ("PBA-S08A", "no"), ("PBA-S08B", "no"),
                        ("PBA-S07A", "one"), ("PBA-S07B", "no"), ("PBA-S04", "yes"),
                        ("PBA-H01", "yes"), ("PBA-F01", "yes"), ("PBA-F11", "no")]:
        set_answer(plan, cl, item, value, by=who, now=clock())
    set_answer(plan, cl, "PBA-F02", "not_yet", by=who, now=clock(), owner="Pat Sample",
               by_date=date(2026, 12, 2))
    set_note(plan, "PBA-F02", "Father works nights; evening phone call offered for next week.",
             by=who, now=clock())
    add_record(plan, Person, by=who, now=clock(), name="Robin Example", kind=PersonKind.MOTHER,
               relationship="Mother", in_household=True)
    sam = add_record(plan, Person, by=who, now=clock(), name="Sam Example", kind=PersonKind.FATHER,
               relationship="Father", role="Plans to live with the mother after the birth",
               in_household=False,
               involvement="Identified; not yet contacted directly.",
               assessment="Not started: waits for the first direct contact.")
    set_detail(plan, cl, "PBA-F01", "people", [sam.id], by=who, now=clock())
    add_record(plan, Agency, by=who, now=clock(), agency="Community midwifery",
               practitioner="Example Midwife A", role="Antenatal care; shares booking information",
               contact="Maternity safeguarding office")
    add_record(plan, Action, by=who, now=clock(), what="Contact the father directly by phone",
               owner="Pat Sample", agency="Children's social care", due=date(2026, 12, 2),
               outcome="If Robin becomes unwell, a named adult steps in at once")
    # Three weeks on: the history explored, and a child in need plan agreed while the
    # assessment of the father goes on (the team manager's decision waits for it).
    clock.jump(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    _record_answers(plan, cl, who, clock, _answers("early"))
    add_record(plan, Agency, by=who, now=clock(), agency="Perinatal mental health team",
               practitioner="Example Perinatal Nurse", role="Reviews Robin at 20 and 32 weeks; "
               "advises the midwife and GP", contact="Perinatal team office")
    add_record(plan, Action, by=who, now=clock(),
               what="Perinatal mental health review of Robin", owner="Example Perinatal Nurse",
               agency="Perinatal mental health team", due=date(2026, 12, 31),
               outcome="The baby is cared for by someone well enough to respond")
    add_record(plan, Action, by=who, now=clock(),
               what="Family network meeting: name who steps in if Robin is unwell",
               owner="Pat Sample", agency="Children's social care", due=date(2027, 2, 25),
               outcome="If Robin becomes unwell, a named adult steps in at once")
    add_record(plan, Action, by=who, now=clock(), what="Housing application for a move before "
               "the birth", owner="Example Housing Officer", agency="Housing",
               due=date(2027, 3, 25), outcome="The baby comes home to a warm, dry flat")
    return _fixed_id(loaded, "early-pre-birth.toml")


def family_t_like(cat, out: Path) -> store.Loaded:
    checklist = cat.get("pre-birth-assessment")
    clock = Clock(T0)
    who = "Alex Placeholder (example social worker)"
    loaded = store.create(out / "_tmp", checklist, case_ref="DEMO-0002-TWINS", now=clock(),
                          edd=date(2027, 1, 27), practitioner=who, role="Assessing social worker",
                          babies_expected=2)
    plan, cl = loaded.plan, checklist.checklist
    set_details(plan, by=who, now=clock(), prematurity_likely=True)
    answers = [
        ("PBA-S01", "yes"), ("PBA-S08A", "yes"), ("PBA-S08B", "yes"), ("PBA-S07A", "two"),
        ("PBA-S07B", "yes"), ("PBA-S03", "yes"),
        ("PBA-S04", "yes"), ("PBA-S05", True), ("PBA-S06", True),
        ("PBA-H01", "yes"), ("PBA-H02", "no"), ("PBA-H03", "yes"),
        ("PBA-F01", "yes"), ("PBA-F02", "yes"), ("PBA-F03", "no"), ("PBA-F04", "yes"),
        ("PBA-F07B", ["police"]), ("PBA-F08", "no"), ("PBA-F08B", "no"), ("PBA-F11", "yes"),
        ("PBA-F12", "no"),
        ("PBA-P01", ["childhood", "care", "abuse", "substances", "mental_health"]),
        ("PBA-P02", ["substances", "offending"]),
        ("PBA-P03", "no"), ("PBA-P04", "yes"), ("PBA-P05", "yes"),
        ("PBA-R01", "yes"), ("PBA-R02", "yes"), ("PBA-R05A", "no"),
        ("PBA-L01", "yes"), ("PBA-L02", "no"), ("PBA-L03A", "yes"), ("PBA-L04", "yes"),
        ("PBA-A01", "yes"), ("PBA-A02", ["police", "maternity", "substances", "leaving_care"]),
        ("PBA-A05", "yes"),
        ("PBA-B03", "no"),
        ("PBA-X03", "no"),
    ]
    for item, value in answers:
        set_answer(plan, cl, item, value, by=who, now=clock())
    jordan = add_record(plan, Person, by=who, now=clock(), name="Jordan Example",
                        kind=PersonKind.MOTHER, relationship="Mother (care leaver)",
                        in_household=True,
                        involvement="Seen four times, twice alone; personal adviser involved.")
    casey = add_record(plan, Person, by=who, now=clock(), name="Casey Example",
                       kind=PersonKind.FATHER,
               relationship="Father", role="Lives with the mother; will share care",
               in_household=True,
               involvement="Seen with the mother twice; not yet seen alone.",
               assessment="Police call-outs known; violence history not yet known.")
    set_detail(plan, cl, "PBA-F01", "people", [casey.id], by=who, now=clock())
    set_detail(plan, cl, "PBA-L03A", "date", date(2026, 10, 28), by=who, now=clock())
    set_detail(plan, cl, "PBA-L04", "text", "A place to live with the babies, money for the "
               "birth and a young parents' group; her personal adviser arranges each.",
               by=who, now=clock())
    morgan = add_record(plan, Person, by=who, now=clock(), name="Morgan Example",
               kind=PersonKind.MALE_CARER, relationship="Father's brother",
               role="Stays at weekends; may babysit", in_household=False,
               involvement="Not yet spoken to.")
    jesse = add_record(plan, Person, by=who, now=clock(), name="Jesse Example",
               kind=PersonKind.VISITING_ADULT, man=True, in_household=False,
               relationship="Mother's ex-partner; visits and sometimes stays",
               role="Not a carer; the mother says he will not be around the babies")
    add_record(plan, Person, by=who, now=clock(), name="Taylor Example",
               kind=PersonKind.FAMILY_NETWORK, man=False, relationship="Former foster carer",
               in_household=False,
               role="Offers support in the day")
    add_record(plan, Agency, by=who, now=clock(), agency="Children's social care",
               practitioner="Alex Placeholder", role="Leads the pre-birth assessment",
               contact="Assessment team duty line")
    add_record(plan, Agency, by=who, now=clock(), agency="Leaving care team",
               practitioner="Example Personal Adviser", role="Mother's personal adviser; "
               "support plan for the mother", contact="Leaving care team office")
    add_record(plan, Agency, by=who, now=clock(), agency="Adult drug and alcohol service",
               practitioner="", role="", contact="")
    add_record(plan, Agency, by=who, now=clock(), agency="Community midwifery",
               practitioner="Example Midwife B", role="Antenatal care; twin pregnancy "
               "consultant-led", contact="Maternity safeguarding office")
    see_father = add_record(plan, Action, by=who, now=clock(), what="See the father on his own",
               owner="Alex Placeholder", agency="Children's social care", due=date(2026, 11, 20),
               status=ActionStatus.IN_PROGRESS)
    add_record(plan, Action, by=who, now=clock(),
               what="Agree how the two social workers share information", owner="",
               agency="Leaving care team", due=date(2026, 12, 1))
    dash = add_record(plan, Action, by=who, now=clock(), what="Domestic abuse risk assessment",
                      owner="Alex Placeholder", agency="Children's social care", due=None)
    # The referral was late (first maternity contact at 22 weeks): a strategy discussion
    # the next day, and a pre-birth conference as soon as it could be held.
    clock.jump(datetime(2026, 11, 4, 9, 0, tzinfo=UTC))
    _record_answers(plan, cl, who, clock, _answers("twins_pathway"))
    # After the conference on 13/11/2026: the written plan, the birth plan and what
    # happens after the birth, with the actions linked to the outcomes they serve.
    clock.jump(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))
    people = {"jordan": jordan.id, "casey": casey.id, "morgan": morgan.id, "jesse": jesse.id}
    _record_answers(plan, cl, who, clock, _answers("twins_plan"), people)
    update_record(plan, Person, jesse.id, by=who, now=clock(), involvement="Told by phone "
                  "on 16/11/2026 that he is kept off the unit and must not be alone with the "
                  "babies; a letter follows.")
    for action, outcome in [(see_father, "Every adult who looks after the babies has been seen "
                             "and checked"),
                            (dash, "Jordan has a safety plan that she agreed")]:
        update_record(plan, Action, action.id, by=who, now=clock(), outcome=outcome)
    for action in _answers("twins_actions"):
        add_record(plan, Action, by=who, now=clock(),
                   **action | {"status": ActionStatus(action["status"])})
    # Two and three weeks on: checks asked for, what came back, a warning raised.
    clock.jump(datetime(2026, 11, 18, 10, 0, tzinfo=UTC))
    set_answer(plan, cl, "PBA-P06", "unknown", by=who, now=clock(), owner="Alex Placeholder",
               by_date=date(2026, 12, 4))
    set_answer(plan, cl, "PBA-B04", "unknown", by=who, now=clock(), owner="Alex Placeholder",
               by_date=date(2026, 12, 9))
    set_note(plan, "PBA-P06", "Police and probation checks on the father asked for on "
             "18/11/2026; no reply yet.", by=who, now=clock())
    set_source(plan, "PBA-P04", InfoSource.AGENCY, by=who, now=clock())
    set_note(plan, "PBA-P04", "Police report two call-outs for arguments at the father's previous "
             "address (2025). Mother reports no abuse in this relationship.", by=who, now=clock())
    set_source(plan, "PBA-P05", InfoSource.PARENT, by=who, now=clock())
    set_note(plan, "PBA-P05", "Both parents describe daily cannabis use; the midwife's referral "
             "raised it at booking.", by=who, now=clock())
    set_note(plan, "PBA-L02", "Mother's personal adviser and baby's worker have not yet met.",
             by=who, now=clock())
    set_note(plan, "PBA-A05", "Adult drug service has not replied to two requests for the "
             "father's records.", by=who, now=clock())
    clock.jump(datetime(2026, 11, 20, 14, 0, tzinfo=UTC))
    acknowledge(plan, cl, "PBA-A05.declined", "Raised with the service manager on 20/11/2026.",
                by=who, now=clock())
    return _fixed_id(loaded, "family-t-like-twins.toml")


def discharge_ready(cat, out: Path) -> store.Loaded:
    checklist = cat.get("discharge-planning-meeting")
    clock = Clock(T0 + timedelta(days=20))
    who = "Drew Demo (example midwife)"
    loaded = store.create(out / "_tmp", checklist, case_ref="DEMO-0003", now=clock(),
                          edd=date(2026, 11, 26), practitioner=who, role="Safeguarding midwife")
    plan, cl = loaded.plan, checklist.checklist
    set_details(plan, by=who, now=clock(), dob=date(2026, 11, 22))
    mother = add_record(plan, Person, by=who, now=clock(), name="Quinn Example",
                        kind=PersonKind.MOTHER, relationship="Mother", in_household=True)
    father = add_record(plan, Person, by=who, now=clock(), name="Riley Example",
                        kind=PersonKind.FATHER,
               relationship="Father", in_household=True, role="Shares care",
               involvement="Attended the meeting; ICON and safer sleep discussed with him.",
               assessment="Seen alone twice; police and health checks back with nothing known.")
    supervisor = add_record(plan, Person, by=who, now=clock(), name="Avery Example",
                            kind=PersonKind.FAMILY_NETWORK, man=False, in_household=False,
                            relationship="Maternal grandmother",
               role="Daytime supervisor under the written agreement")
    barred = add_record(
        plan, Person, by=who, now=clock(), name="Blake Example", kind=PersonKind.VISITING_ADULT,
        man=True, in_household=False, relationship="Mother's former partner",
        role="Must not be alone with the baby",
        reason_not_involved="Not a carer; the police advise he has no unsupervised contact "
                            "with any child (conviction for violence, 2019).")
    for agency, person, role in [
        ("Children's social care", "Example Social Worker C", "Lead professional; visits weekly"),
        ("Health visiting", "Example Health Visitor", "New-birth visit on day 10; weekly after"),
        ("Community midwifery", "Example Midwife C", "Postnatal visits days 1, 3 and 5"),
        ("GP practice", "Example GP surgery", "Registers the baby; 6 to 8 week check"),
    ]:
        add_record(plan, Agency, by=who, now=clock(), agency=agency, practitioner=person,
                   role=role, contact="Office hours; out of hours via emergency duty team")
    details: dict[str, dict[str, object]] = {
        "DPM-M01": {"date": date(2026, 10, 8)},
        "DPM-C01": {"place": "Flat 0, Example House, Sample Street, Nowhere-on-Sea"},
        "DPM-C08B": {"people": [barred.id],
                     "text": "Police advice (violence conviction); Example Social Worker C "
                             "decided on 08/10/2026 at the discharge planning meeting."},
        "DPM-C13": {"text": "Sunday 22/11/2026 at 15:00: out of hours, agreed by Example "
                            "Social Worker C at the strategy discussion on 20/11/2026; the "
                            "emergency duty team has the plan."},
        "DPM-V01": {"date": date(2026, 11, 22)},  # the day of the meeting and the pause point
        "DPM-R03": {"text": "If the parents miss two visits or leave the baby with anyone not "
                            "in the plan, the health visitor tells the social worker the same "
                            "day; out of hours, the emergency duty team has the plan."},
        "DPM-R08": {"date": date(2026, 12, 18)},
        "DPM-C12": {"date": date(2026, 11, 22),
                    "text": "Example Social Worker C agreed at 10:30 that discharge to "
                            "both parents, with daytime supervision, is safe."},
        "DPM-C02": {"people": [mother.id, father.id]},
        # Blake Example visits (supervised): the list of everyone at the address names him,
        # and he was given the advice, as every man in or visiting the home must be.
        "DPM-C15": {"people": [mother.id, father.id, supervisor.id, barred.id]},
        "DPM-H01": {"date": date(2026, 11, 22),
                    "text": "Example Paediatrician, at 09:15, for the one baby."},
        "DPM-H07": {"date": date(2026, 11, 22),
                    "text": "Drew Demo (safeguarding midwife) checked the baby at 09:30: "
                            "no bruises or marks."},
        "DPM-S01": {"people": [mother.id, father.id, supervisor.id, barred.id],
                    "text": "Drew Demo, on 21/11/2026, to each of them in person on the ward "
                            "(Blake Example with Example Social Worker C present)."},
        "DPM-S02": {"people": [mother.id, father.id, supervisor.id, barred.id],
                    "text": "Drew Demo, on 21/11/2026, to each of them in person on the ward "
                            "(Blake Example with Example Social Worker C present)."},
        "DPM-H04": {"text": "Example Midwife C at the postnatal visits (days 1, 3 and 5); the "
                            "GP at the six-week check."},
        "DPM-C07": {"text": "Example Social Worker C visited the flat on 15/11/2026 and saw "
                            "the cot."},
        "DPM-C04": {"people": [supervisor.id]},
        "DPM-V05": {"date": date(2026, 12, 2)},
        "DPM-V03": {"date": date(2026, 11, 23)},
        "DPM-V04": {"text": "Social worker weekly (one visit a fortnight unannounced); health "
                            "visitor weekly for six weeks; community midwife days 1, 3 and 5."},
    }
    for item in cl.item_map().values():
        if item.id in ("DPM-C05", "DPM-C06", "DPM-C09", "DPM-C11", "DPM-M05"):
            continue  # only when the baby will not go home with the parents, or risk changed
        if item.id == "DPM-C14":
            set_not_applicable(plan, cl, item.id, by=who, now=clock())  # one baby
            continue
        value: object = {"check": True, "yes_no": "yes", "yes_no_unknown": "no"}.get(item.type)
        if item.id == "DPM-M03":
            value = ["mother", "father", "social_worker", "safeguarding_midwife", "health_visitor"]
        elif item.id == "DPM-C03":
            value = "daytime"
        elif item.id in ("DPM-R07",):
            value = "no"
        elif item.id == "DPM-C08B":
            value = "yes"  # Blake Example must not be alone with the baby
        elif item.id == "DPM-H03":
            value = "Both parents fed and settled the baby calmly; the father asked for help " \
                    "with winding."
        if value is not None:
            set_answer(plan, cl, item.id, value, by=who, now=clock())
        for key, detail in details.get(item.id, {}).items():
            set_detail(plan, cl, item.id, key, detail, by=who, now=clock())
    at = clock()  # confirmed on the day of discharge, as its dates say
    confirm_pause_point(plan, cl, "confirm", ["Drew Demo (safeguarding midwife)",
                                              "Example Social Worker C", "Quinn Example",
                                              "Riley Example"],
                        by=who, now=at, today=at.astimezone().date())
    add_record(plan, Action, by=who, now=clock(), what="Review meeting after discharge",
               owner="Example Social Worker C", agency="Children's social care",
               due=date(2026, 12, 18))
    change_state(plan, cl, PlanState.COMPLETED, by=who, now=clock(), today=TODAY)
    return _fixed_id(loaded, "discharge-ready-for-sign-off.toml")


def build(cat, out: Path) -> list[Path]:
    """Write the example plans into ``out``; the same files every time."""
    written = []
    for make in (early_pre_birth, family_t_like, discharge_ready):
        with seeded_ids(make.__name__):
            written.append(make(cat, out).path)
    (out / "_tmp").rmdir()
    return written


def main() -> int:
    cat = load_catalogue(include_user=False)
    if cat.problems:
        print("\n".join(p.line() for p in cat.problems), file=sys.stderr)
        return 1
    for path in build(cat, HERE):
        print(path.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
