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


def _record_answers(plan, cl, who: str, clock: Clock, rows: list[tuple]) -> None:
    """Answer items as a case file records them: (item, value, details, note, follow-up),
    where details is {key: value}, and follow-up (owner, by date) goes with "not yet" or
    "unknown"; "n/a" marks an item not applicable."""
    for item, value, details, note, follow in rows:
        if value == "n/a":
            set_not_applicable(plan, cl, item, by=who, now=clock())
        else:
            owner, by_date = follow or (None, None)
            set_answer(plan, cl, item, value, by=who, now=clock(), owner=owner,
                       by_date=by_date)
        for key, detail in (details or {}).items():
            set_detail(plan, cl, item, key, detail, by=who, now=clock())
        if note:
            set_note(plan, item, note, by=who, now=clock())


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
    _record_answers(plan, cl, who, clock, _EARLY_HISTORY + _EARLY_PLAN)
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


# What the early example records by 23/11/2026 (15 weeks): the mother's history, and the
# plan so far. Sam, the father, has not been seen, so nothing says what he thinks yet.
_EARLY_HISTORY = [
    ("PBA-S09", date(2026, 10, 28), None,
     "Referred by the community midwife after the booking appointment.", None),
    ("PBA-S10", "no", None, "Booked at 9 weeks.", None),
    ("PBA-S11", "no", None, None, None),
    ("PBA-P03", "no", None, None, None),
    ("PBA-P04", "no", None, "Asked privately at booking and again on 16/11/2026.", None),
    ("PBA-P05", "no", None, None, None),
    ("PBA-P09", "yes", None, "Depression and self-harm at 17, treated by CAMHS; well for "
     "four years without treatment (her account and the GP's).", None),
    ("PBA-P10", "yes", None, None, None),
    ("PBA-P11", "no", None, None, None),
    ("PBA-P06", "unknown", None, "Police checks on Sam wait for his date of birth.",
     ("Pat Sample", date(2026, 12, 2))),
    ("PBA-W01A", "n/a", None, "Threshold for a strategy discussion not met: agreed with the "
     "team manager on 23/11/2026.", None),
]
_EARLY_PLAN = [
    ("PBA-X01", "yes", {"text": "Robin was depressed and harmed herself at 17. She has been "
                                "well for four years, but pregnancy, broken nights and a cold, "
                                "damp flat can bring depression back. Nothing is known yet "
                                "about Sam: he has not been seen or checked. The worry is that "
                                "if Robin becomes unwell, no one checked and ready is there to "
                                "care for the baby, especially at night."}, None,
     None),
    ("PBA-X02", "yes", {"text": "Robin booked at 9 weeks, keeps every appointment and asked "
                                "for help herself. Her own mother lives nearby and has offered "
                                "to help. Robin says Sam wants to live with her and the baby "
                                "and is working; not yet heard from him."}, None, None),
    ("PBA-X06", "cin", None, "Recommended by Pat Sample on 23/11/2026, so that help with "
     "Robin's mental health and the housing starts before 20 weeks. The assessment of Sam "
     "is not done: it may change this recommendation, and the team manager's decision "
     "waits for it (PBA-X07).", None),
    ("PBA-X10", "no", None, None, None),
    ("PBA-X07", "not_yet", None, None, ("Example Team Manager", date(2026, 12, 4))),
    ("PBA-WP01", "Robin: \"I was really ill at 17 and I'm scared it will come back when the "
     "baby is here. I want help before, not after.\"\nSam: not yet asked; he has not been "
     "seen (PBA-F02). Robin says he thinks social services are making a fuss about nothing.",
     None, None, None),
    ("PBA-WP02", "Someone well and rested is always there to look after the baby at night, "
     "even if Robin becomes unwell.\nRobin tells her midwife or GP straight away if her low "
     "mood comes back, and they act on it the same week.\nThe baby has a warm, dry home "
     "with a cot before the birth.", None, None, None),
    ("PBA-O03", "The baby is cared for by someone well enough to respond, day and night: "
     "the perinatal team's reviews at 20 and 32 weeks, and Robin's own account at every "
     "midwife visit.\nIf Robin becomes unwell, a named adult steps in at once: the family "
     "network meeting names who, by 28 weeks.", None, None, None),
    ("PBA-O06", "The baby comes home to a warm, dry flat with room for a cot (the worry: a "
     "cold, damp one-bedroom flat): the housing officer confirms the move by 32 weeks.",
     None, None, None),
    ("PBA-E01", "Go to every perinatal mental health appointment; help: the perinatal team, "
     "and the same midwife at each visit.\nTell the midwife or GP within a day if her low "
     "mood comes back; help: the crisis numbers in her maternity notes.\nCome to the family "
     "network meeting by 28 weeks; help: Pat Sample arranges it at a time Sam can attend.",
     None, None, None),
    ("PBA-E02", "Not yet agreed with him: Sam has not been seen. Proposed: meet Pat Sample "
     "by 02/12/2026 (an evening phone or video call, as he works nights); agree to police "
     "and health checks; come to the family network meeting.\nHelp: appointments outside "
     "his working hours, and the plan in writing.", None, None, None),
    ("PBA-E04", "not_yet", None, "Robin heard and agreed hers on 23/11/2026; Sam has not "
     "been seen.", ("Pat Sample", date(2026, 12, 2))),
    ("PBA-BP09", "yes", {"place": "Example General Hospital maternity unit"}, None, None),
    ("PBA-BP01", "not_yet", None, "Written once Sam has been assessed; the midwife drafts it.",
     ("Example Midwife A", date(2027, 3, 11))),
    ("PBA-BP03", "n/a", None, "No one is known who must be kept off the unit; asked again "
     "when Sam's checks are back.", None),
    ("PBA-D01", "not_yet", None, "Depends on the housing move.",
     ("Pat Sample", date(2027, 3, 25))),
    ("PBA-D02", "unknown", None, "Not known until Sam has been seen and checked.",
     ("Pat Sample", date(2026, 12, 2))),
    ("PBA-D03", True, {"date": date(2026, 12, 14)}, None, None),
    ("PBA-D04", True, {"date": date(2027, 3, 8)}, None, None),
]


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
    _record_answers(plan, cl, who, clock, _TWINS_PATHWAY)
    # After the conference on 13/11/2026: the written plan, the birth plan and what
    # happens after the birth, with the actions linked to the outcomes they serve.
    clock.jump(datetime(2026, 11, 16, 9, 0, tzinfo=UTC))
    people = {"jordan": jordan.id, "casey": casey.id, "morgan": morgan.id, "jesse": jesse.id}
    _record_answers(plan, cl, who, clock, [
        (item, value, {k: [people[n] for n in v] if isinstance(v, tuple) else v
                       for k, v in (details or {}).items()}, note, follow)
        for item, value, details, note, follow in _TWINS_PLAN])
    update_record(plan, Person, jesse.id, by=who, now=clock(), involvement="Told by phone "
                  "on 16/11/2026 that he is kept off the unit and must not be alone with the "
                  "babies; a letter follows.")
    for action, outcome in [(see_father, "Every adult who looks after the babies has been seen "
                             "and checked"),
                            (dash, "Jordan has a safety plan that she agreed")]:
        update_record(plan, Action, action.id, by=who, now=clock(), outcome=outcome)
    for what, owner, agency, due, status, outcome in _TWINS_ACTIONS:
        add_record(plan, Action, by=who, now=clock(), what=what, owner=owner, agency=agency,
                   due=due, status=status, outcome=outcome)
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
    acknowledge(plan, "PBA-A05.declined", "Raised with the service manager on 20/11/2026.",
                by=who, now=clock())
    return _fixed_id(loaded, "family-t-like-twins.toml")


# Family T-like: the pathway from the late referral to the conference (04/11/2026).
_TWINS_PATHWAY = [
    ("PBA-S09", date(2026, 10, 26), None, "Referred by the community midwife at the first "
     "maternity contact.", None),
    ("PBA-S10", "yes", None, "First maternity contact at 22 weeks.", None),
    ("PBA-S11", "no", None, None, None),
    ("PBA-W01A", "yes", {"date": date(2026, 11, 3)}, "Police, the safeguarding midwife and "
     "children's social care; the leaving care team's view was taken by phone.", None),
    ("PBA-W01B", "yes", None, None, None),
    ("PBA-W02", "yes", None, None, None),
    ("PBA-X06", "icpc", None, None, None),
    ("PBA-X10", "no", None, "Not at this stage: the team manager will review it if the "
     "father will not engage or the checks show violence.", None),
    ("PBA-X07", True, {"text": "Example Team Manager agreed on 04/11/2026 that the threshold "
                               "for a pre-birth conference is met: domestic abuse in the "
                               "father's history, daily cannabis use by both parents, the "
                               "mother's care history and twins likely to come early. The "
                               "father's assessment continues after the conference."},
     None, None),
    ("PBA-X08", True, {"date": date(2026, 11, 13)}, "The earliest date the chair could give; "
     "later than the twins' 27-week point because the referral came at 26 weeks.", None),
]

# Family T-like: what the plan says after the conference (recorded 16/11/2026). Names in
# a tuple are people in the plan (their ids are filled in when the plan is built).
_TWINS_PLAN = [
    ("PBA-X03", "yes", None, "Agreed at the conference on 13/11/2026: see the outcomes and "
     "Actions.", None),
    ("PBA-X01", "yes", {"text": "Jordan grew up in care and has had little help to learn "
                                "how to look after a baby, let alone two. Casey has a history "
                                "of domestic abuse with a former partner, and both parents "
                                "smoke cannabis every day. Twins are likely to come early and "
                                "need feeding and settling day and night: tired, intoxicated "
                                "or angry carers are how babies get hurt. Casey has not been "
                                "seen on his own and his violence history is not yet known."},
     None, None),
    ("PBA-X02", "yes", {"text": "Jordan has kept every appointment since booking, talks "
                                "openly with her personal adviser and wants help. Casey comes "
                                "to appointments with her and says he wants to be a good "
                                "father. Taylor Example, Jordan's former foster carer, lives "
                                "nearby and offers help in the day."}, None, None),
    ("PBA-X04", "yes", {"text": "If the twins come before the birth plan is in the notes, the "
                                "labour ward calls the emergency duty team, who have a copy of "
                                "the plan. If Casey or Jordan leave the ward with the babies "
                                "against advice, the ward calls the police and the emergency "
                                "duty team at once. If the family move, the leaving care team "
                                "tells the social worker the same day."}, None, None),
    ("PBA-X05", "no", None, "One action still has no owner and one no date: to be settled at "
     "the first core group.", None),
    ("PBA-F14", "yes", None, "The chair asked for the father's expectations and the help "
     "offered to him to be written into the plan (PBA-E02).", None),
    ("PBA-X09", "not_yet", None, "The twins' consultant wants it before 33 weeks; the ward is "
     "finding a date.", ("Example Midwife B", date(2026, 11, 27))),
    ("PBA-WP01", "Jordan: \"They think Casey's temper and us smoking weed mean we can't look "
     "after two babies. I grew up in care and I want my girls to stay with me.\"\nCasey: "
     "\"The police call-outs were years ago with my ex. Weed helps me sleep, it's not a "
     "problem.\" (Said at the conference with Jordan there; not yet heard from him alone.)",
     None, None, None),
    ("PBA-WP02", "Nobody who has smoked cannabis or been drinking looks after the babies, by "
     "day or by night.\nNo shouting, pushing or hitting at home; if it happens, Jordan calls "
     "the police and tells the social worker.\nCasey meets the social worker on his own and "
     "tells the truth about his past.\nThe babies sleep on their backs in their own cots, "
     "never on a sofa or in the parents' bed.", None, None, None),
    ("PBA-O01", "Jordan has a safety plan that she agreed: the domestic abuse risk assessment "
     "is done and the core group checks the plan at every meeting.\nThe babies live in a "
     "home free from domestic abuse: no police call-outs, and Jordan tells the midwife on "
     "her own that she feels safe.", None, None, None),
    ("PBA-O02", "The babies are only ever cared for by a sober adult: the drug service's "
     "tests, and what every visitor sees.\nNo cannabis is smoked in the flat: unannounced "
     "visits by the social worker and the health visitor.", None, None, None),
    ("PBA-O06", "Every adult who looks after the babies has been seen and checked (the worry: "
     "Casey, Morgan and Jesse are not yet assessed): the People page shows an assessment for "
     "each of them before the birth.", None, None, None),
    ("PBA-E01", "Keep every antenatal appointment (the twins' clinic is every two weeks); "
     "help: transport from the leaving care team.\nStop smoking cannabis by 34 weeks; help: "
     "the drug service's young persons' worker.\nTell the midwife or social worker at once "
     "if Casey or Jesse frightens her; help: a domestic abuse support worker.", None, None,
     None),
    ("PBA-E02", "Meet the social worker on his own by 04/12/2026; help: an evening "
     "appointment.\nAgree to the police and probation checks, and tell the truth about his "
     "past.\nStop smoking cannabis by 34 weeks; help: the adult drug service (referral made "
     "16/11/2026).\nNever look after the babies after using cannabis or drinking.", None,
     None, None),
    ("PBA-E03", "Morgan Example (the father's brother): does not babysit until he has been "
     "seen and checked; the social worker visits him by 09/12/2026.\nJesse Example (the "
     "mother's ex-partner): does not stay at the flat or see the babies; Jordan agreed this "
     "at the conference.", None, None, None),
    ("PBA-E04", "not_yet", None, "Jordan heard and agreed hers at the conference; Casey "
     "hears his at his meeting on his own.", ("Alex Placeholder", date(2026, 12, 4))),
    ("PBA-R07", "yes", {"text": "Only Casey and Taylor Example may visit. If Jesse Example "
                                "arrives, staff do not let him onto the unit, call hospital "
                                "security and the police, and tell the social worker (the "
                                "emergency duty team out of hours). If Casey is drunk, high "
                                "or aggressive, staff ask him to leave."}, None, None),
    ("PBA-BP01", "yes", {"text": "Agreed at the conference on 13/11/2026 and sent to the "
                                 "named safeguarding midwife on 16/11/2026: the ward calls "
                                 "on arrival; Jesse Example is kept off the unit; the babies "
                                 "do not leave the ward until the discharge planning meeting "
                                 "has agreed it is safe. Full copy in the maternity "
                                 "safeguarding folder."}, None, None),
    ("PBA-BP09", "yes", {"place": "Example General Hospital: labour ward and neonatal unit "
                                  "(consultant-led twin birth)"}, None, None),
    ("PBA-BP02", "yes", {"text": "In hours: Alex Placeholder, through the assessment team "
                                 "duty line. Out of hours: the emergency duty team. The ward "
                                 "calls as soon as Jordan arrives, not after the birth."},
     None, None),
    ("PBA-BP03", "yes", {"people": ("jesse",),
                         "text": "Jordan asked for it: she says he frightens her, and his "
                                 "violence history is not known. Alex Placeholder told him by "
                                 "phone on 16/11/2026 and is writing to him."}, None, None),
    ("PBA-BP04A", "yes", None, None, None),
    ("PBA-BP04B", "not_yet", None, "The parents' copy is given at the next visit.",
     ("Example Midwife B", date(2026, 11, 27))),
    ("PBA-BP05A", "yes", None, None, None),
    ("PBA-BP05B", "yes", None, "Added after the conference made the plan on 13/11/2026.",
     None),
    ("PBA-BP06", "n/a", None, "No sign the family will move: Jordan's flat is a leaving care "
     "tenancy until March 2027.", None),
    ("PBA-BP07", "yes", {"text": "Twins are likely to come early. If they are born at home or "
                                 "on the way, Jordan or Casey call 999; the community midwife "
                                 "tells the emergency duty team the same day."}, None, None),
    ("PBA-BP08", "yes", None, None, None),
    ("PBA-D01", "yes", {"place": "Jordan's flat (leaving care tenancy), Nowhere-on-Sea",
                        "people": ("jordan", "casey")},
     "If Casey's checks show violence, or either parent cannot stop using cannabis, the core "
     "group meets at once and a legal planning meeting is asked for.", None),
    ("PBA-L07", "yes", {"place": "Jordan's flat (leaving care tenancy), Nowhere-on-Sea"},
     None, None),
    ("PBA-N03", "yes", {"place": "Jordan's flat (leaving care tenancy), Nowhere-on-Sea"},
     "The tenancy runs to March 2027; the leaving care team is asking to extend it.", None),
    ("PBA-B06", "not_yet", None, "Two cots ordered by the leaving care team; the health "
     "visitor checks them at the antenatal visit.", ("Example Personal Adviser",
                                                      date(2026, 12, 16))),
    ("PBA-P13", "yes", None, "The neonatal team will watch the twins for withdrawal.", None),
    ("PBA-D02", "yes", {"people": ("jesse", "morgan"),
                        "text": "Jesse Example: the mother's ex-partner, violence history "
                                "not known. Morgan Example: not yet seen or checked. Jordan "
                                "and Casey were told at the conference and agreed; Alex "
                                "Placeholder told Jesse on 16/11/2026; Morgan is told at the "
                                "home visit by 09/12/2026."}, None, None),
    ("PBA-D03", True, {"date": date(2026, 11, 27)}, "Ten working days after the conference.",
     None),
    ("PBA-D04", True, {"date": date(2027, 2, 11)}, "Review conference, within four weeks of "
     "the birth if the twins come at 37 weeks; brought forward if they come earlier.", None),
]

_TWINS_ACTIONS = [
    ("Refer Casey to the adult drug and alcohol service", "Alex Placeholder",
     "Children's social care", date(2026, 11, 16), ActionStatus.DONE,
     "The babies are only ever cared for by a sober adult"),
    ("Unannounced home visit, one a fortnight", "Alex Placeholder", "Children's social care",
     date(2026, 11, 30), ActionStatus.NOT_STARTED, "No cannabis is smoked in the flat"),
    ("Visit Morgan Example at home, tell him the plan and ask for his checks",
     "Alex Placeholder", "Children's social care", date(2026, 12, 9), ActionStatus.NOT_STARTED,
     "Every adult who looks after the babies has been seen and checked"),
]


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
        "DPM-C15": {"people": [mother.id, father.id, supervisor.id]},
        "DPM-H01": {"date": date(2026, 11, 22),
                    "text": "Example Paediatrician, at 09:15, for the one baby."},
        "DPM-H07": {"date": date(2026, 11, 22),
                    "text": "Drew Demo (safeguarding midwife) checked the baby at 09:30: "
                            "no bruises or marks."},
        "DPM-S01": {"people": [mother.id, father.id, supervisor.id],
                    "text": "Drew Demo, on 21/11/2026, to each of them in person on the ward."},
        "DPM-S02": {"people": [mother.id, father.id, supervisor.id],
                    "text": "Drew Demo, on 21/11/2026, to each of them in person on the ward."},
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
