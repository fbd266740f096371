"""Plans and checklists filled with hostile text, made the way a user or an editor would."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from tests.security.cli import run
from tests.security.hostile import Hostile, short

#: Field limits: the models refuse longer text in these (case reference 80, names 200).
CASE_REF, SHORT = 80, 200
#: Checklist text is kept to a paragraph (a checklist file is not a place for 1 MB).
CHECKLIST_TEXT = 2000
#: Answer keys that are not item ids (finding 6) are only put in when asked for.
WITH_HOSTILE_KEYS = "answer-keys" in os.environ.get("CHECKLIST_FUZZ_OPEN", "").split(",") or \
    os.environ.get("CHECKLIST_FUZZ_OPEN") == "all"


def checklist(text: str) -> dict[str, Any]:
    """A valid checklist whose every piece of wording is ``text``."""
    t = short(text, CHECKLIST_TEXT) or "x"
    return {
        "id": "hostile", "title": t, "version": "1.0.0", "audience": t, "description": t,
        "owner": t, "review_date": dt.date(2027, 11, 1),
        "sections": [{
            "id": "s1", "title": t, "description": t,
            "items": [
                {"id": "q1", "prompt": t, "type": "yes_no", "guidance": t, "refs": ["R3a"],
                 "rules": [{"id": "r1", "severity": "warning", "if_answer": ["no"],
                            "red_flag": True, "message": t, "escalation": t}]},
                {"id": "q2", "prompt": t, "type": "single_choice", "refs": ["R3a"],
                 "options": [{"value": "a", "label": t}, {"value": "b", "label": "Other"}]},
                {"id": "q3", "prompt": t, "type": "long_text", "refs": ["R3a"],
                 "due": {"weeks": 20, "label": t}},
                {"id": "q4", "prompt": t, "type": "multi_choice", "refs": ["R3a"],
                 "options": [{"value": "a", "label": t}, {"value": "b", "label": "Other"}]},
            ],
        }],
    }


def _answer(value: Any, note: str) -> dict[str, Any]:
    return {"value": value, "not_applicable": False, "note": note,
            "answered_at": dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC),
            "answered_by": "Example Practitioner"}


def make(folder: Path, hostile: Hostile, checklist_text: bool = True) -> tuple[Path, Path]:
    """(plan, checklists folder): a plan with ``hostile`` in every user field.

    The plan is created by the real ``new`` command, then filled in as a person
    editing the file would (the format is documented for that).
    """
    checklists = folder / "checklists"
    checklists.mkdir(parents=True, exist_ok=True)
    (checklists / "hostile.toml").write_text(
        tomli_w.dumps(checklist(hostile.text if checklist_text else "Plain words")), "utf-8")
    plans = folder / "plans"
    made = run("new", "hostile", "--case-ref", "HOSTILE-1", "--edd", "20/05/2027", "--no-open",
               "--plans-dir", str(plans), "--checklists", str(checklists))
    assert made.code == 0, made.err
    path = Path(made.out.strip().splitlines()[-1])
    doc = tomllib.loads(path.read_text("utf-8"))
    t, s = hostile.text, short(hostile.text, SHORT) or "x"
    doc["case_ref"] = short(t, CASE_REF).strip() or "x"
    doc["practitioner"], doc["practitioner_role"] = s, s
    doc["answers"] = {"q1": _answer("no", t), "q2": _answer("a", t), "q3": _answer(t, t),
                     "q4": _answer(["a"], t)}
    if WITH_HOSTILE_KEYS:
        doc["answers"][short(t, SHORT) or "x"] = _answer("yes", t)
    doc["people"] = [
        {"id": "p1", "name": s, "kind": "father", "relationship": s, "role": s,
         "in_household": True, "involvement": t, "notes": t},
        {"id": "p2", "name": s, "kind": "mother", "relationship": s, "role": s,
         "in_household": True, "involvement": t, "notes": t},
    ]
    doc["agencies"] = [{"id": "a1", "agency": s, "practitioner": s, "role": t, "contact": s}]
    doc["actions"] = [{"id": "x1", "what": t, "owner": s, "agency": s,
                       "due": dt.date(2026, 12, 1), "status": "not_started"}]
    doc["acknowledgements"] = [{"rule": "q1.r1", "by": s, "reason": t,
                                "at": dt.datetime(2026, 11, 25, 10, 0, tzinfo=dt.UTC)}]
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return path, checklists
