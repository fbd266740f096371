"""Redacted copies of plans for supervision, audit and learning reviews.

What is replaced, and how (one design for the export issue and the security finding):

- **Names**, wherever they are: the people around the baby (their current names and
  every earlier name in the history, including people since removed), named
  practitioners, the plan's practitioner, whoever answered, acknowledged or signed
  off (a voided sign-off too), action owners. A person becomes their role
  ("Mother", "Father"); a practitioner their agency or role.
- In free text, a **whole name**, a single word of a name (names of one or two
  letters too, such as Li or Ng) and a name after **initials** ("R. Shah") are
  replaced as a whole; an ordinary word is never touched. A word of a name that is
  also an ordinary word (it appears in the checklist's own text, or is a common
  English word such as "Will" or "Care") is replaced only in the full name, after
  initials, or capitalised in the middle of a sentence.
- **Identifiers** in free text: email addresses, telephone numbers, NHS numbers,
  postcodes, street addresses and dates of birth ("DOB 01/02/1990", "born on ...").
- The **case reference** becomes a pseudonym: random for each export, or, when the
  user asks for the same pseudonym every time, an HMAC of the case reference with
  a secret key kept in the user's config folder. Neither can be reversed from the
  case reference alone. Linking fields (the plan id, record ids) are replaced.

This is pseudonymisation, not anonymisation: the rest of the content can still
identify a family to someone who knows it, so redacted exports remain sensitive.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections import Counter
from datetime import date
from pathlib import Path

from checklist_tui.core import clock
from checklist_tui.core.plan import Plan
from checklist_tui.export.identifiers import DATE, identifiers

REDACTED_NOTE = ("Redacted copy: the names recorded in People and Agencies, contact details "
                 "and dates of birth are replaced, and the case reference by a pseudonym. "
                 "Other names typed in answers and notes may remain: read it before sharing. "
                 "It may still identify the family to someone who knows them.")
UNKNOWN = "[name removed]"
RECIPIENT = "Recipient (name removed)"
KEY_FILE = "redaction.key"

#: Common English words that are also given names or surnames: alone they are
#: replaced only when capitalised in the middle of a sentence.
COMMON_WORDS = frozenset("""
amber april art august baker bell bill black bob brown care carter chuck cook daisy dawn
don duke earl faith field frank grace green guy hazel heather hill holly hope hunter iris
ivy jack joy june king lily long love major mark mason may miles noble page pat penny
price ray rice rich river rob rose ruby rusty sandy short sky smith stone sue summer
sunny sweet taylor victor victoria ward white will wood young
""".split())  # noqa: SIM905 (a word list reads better as text)

_TOKEN = re.compile(r"[^\W\d_]+")
_PAREN = re.compile(r"\([^)]*\)")


# -- pseudonyms ------------------------------------------------------------------

def key_path(config_dir: Path) -> Path:
    return config_dir / KEY_FILE


def load_or_create_key(config_dir: Path) -> bytes:
    """The user's secret redaction key, made on first use (owner-only file)."""
    from checklist_tui.core import store
    from checklist_tui.core.locations import ensure_private_dir

    path = key_path(config_dir)
    if path.exists():
        key = path.read_bytes().strip()
        if len(key) >= 32:
            return key
    ensure_private_dir(config_dir)
    key = secrets.token_hex(32).encode()
    store.atomic_write(path, key + b"\n", keep_backup=False)
    path.chmod(0o600)
    return key


def pseudonym(case_ref: str, key: bytes | None = None) -> str:
    """``CASE-`` and eight characters: random, or keyed (stable for the same key)."""
    if key is None:
        return f"CASE-{secrets.token_hex(4).upper()}"
    digest = hmac.new(key, case_ref.strip().upper().encode(), hashlib.sha256).hexdigest()
    return f"CASE-{digest[:8].upper()}"


# -- finding the names -----------------------------------------------------------

def _person_labels(plan: Plan) -> dict[str, str]:
    bases = [p.relationship.strip() or p.kind.label for p in plan.people]
    counts = Counter(bases)
    seen: Counter[str] = Counter()
    labels = {}
    for person, base in zip(plan.people, bases, strict=True):
        seen[base] += 1
        labels[person.id] = f"{base} {seen[base]}" if counts[base] > 1 else base
    return labels


def _bare(name: str) -> str:
    """A name without what is in brackets: "A Placeholder (social worker)" -> "A Placeholder"."""
    return " ".join(_PAREN.sub(" ", name).split())


class Redactor:
    """Knows every name in a plan (and its history) and what to put in its place."""

    def __init__(self, plan: Plan, vocabulary: frozenset[str] = frozenset(),
                 today: date | None = None):
        self.today = today or clock.today()
        self.names: dict[str, str] = {}
        self.ordinary = COMMON_WORDS | vocabulary
        labels = _person_labels(plan)
        for person in plan.people:
            self._add(person.name, labels[person.id])
        role = plan.practitioner_role.strip() or "Practitioner"
        self._add(plan.practitioner, role)
        for agency in plan.agencies:
            self._add(agency.practitioner, f"{agency.agency} practitioner")
        for so in [plan.signoff, *plan.reviews]:
            if so is not None:
                self._add(so.by, so.role or "Manager")
        for challenge in plan.challenges:
            self._add(challenge.by, challenge.role or "Manager")
            self._add(challenge.responded_by, UNKNOWN)
        for entry in plan.history:
            self._from_history(entry.what, entry.target, entry.old, labels)
            self._from_history(entry.what, entry.target, entry.new, labels)
        for entry in plan.history:
            self._add(entry.by, UNKNOWN)
        for answer in plan.answers.values():
            self._add(answer.answered_by, UNKNOWN)
            self._add(answer.owner or "", "Owner")
        self.whole_only: dict[str, str] = {}
        for shared in plan.distribution:
            self._add(shared.by, UNKNOWN)
            if not shared.parents and shared.to.strip() not in self.names:
                # often a team ("Health visiting team"): replaced whole, never word by word
                for form in {shared.to.strip(), _bare(shared.to)}:
                    self.whole_only.setdefault(form, UNKNOWN)
        for confirmation in plan.confirmations:
            for name in [confirmation.by, *confirmation.present]:
                self._add(name, UNKNOWN)
        for ack in plan.acknowledgements:
            self._add(ack.by, UNKNOWN)
        for action in plan.actions:
            self._add(action.owner, "Action owner")
        self._compile()

    def _from_history(self, what: str, target: str, value: str, labels: dict[str, str]) -> None:
        # split only where a field begins, as typed (a value may hold "; "); when used
        from checklist_tui.core.history_words import record_fields

        if not value:
            return
        if what.startswith("person."):
            fields = record_fields(value)
            label = labels.get(target, "Person (removed)")
            self._add(fields.get("name", ""), label)
        elif what.startswith(("agency.", "action.")):
            fields = record_fields(value)
            self._add(fields.get("practitioner", ""), f"{fields.get('agency', 'Agency')} "
                      "practitioner")
            self._add(fields.get("owner", ""), "Action owner")
        elif what == "signoff.void":
            self._add(value, "Manager")
        elif what == "details" and target == "practitioner":
            self._add(value, "Practitioner")

    def _add(self, name: str, label: str) -> None:
        for form in {name.strip(), _bare(name)}:
            if form and form not in self.names:
                self.names[form] = label

    def _compile(self) -> None:
        tokens: dict[str, set[str]] = {}
        self.full: dict[str, str] = {}
        for name, label in self.whole_only.items():
            if name:
                self.full[name.lower()] = label
        for name, label in self.names.items():
            self.full[name.lower()] = label
            for token in _TOKEN.findall(_bare(name)):
                if len(token) >= 2:
                    tokens.setdefault(token.lower(), set()).add(label)
        # A word shared by several people cannot say which of them is meant.
        self.words = {t: (next(iter(ls)) if len(ls) == 1 else UNKNOWN)
                      for t, ls in tokens.items()}
        alternatives = sorted({re.escape(n) for n in self.full}
                              | {re.escape(w) for w in self.words}, key=len, reverse=True)
        self.pattern = self.dob_after_name = None
        if alternatives:
            names = "|".join(alternatives)
            self.pattern = re.compile(
                r"(?<!\w)(?P<pre>(?-i:(?:[A-Z]\.\s?){1,3}|[A-Z]\s))?(?P<name>"
                + names + r")(?!\w)", re.IGNORECASE)
            self.dob_after_name = re.compile(
                r"(?<!\w)(?P<lead>(?:" + names + r")\s*,?\s*)(?P<open>\(\s*)?(?P<b>(?:b\.|born|"
                r"dob:?)\s*)?(?P<date>" + DATE + r")(?P<close>\s*\))?", re.IGNORECASE)

    # -- replacing -----------------------------------------------------------

    def name(self, name: str) -> str:
        """A field that holds a person's name: their role, never the name itself."""
        stripped = name.strip()
        if not stripped:
            return name
        for form in (stripped, _bare(stripped)):
            if form in self.names:
                return self.names[form]
        return UNKNOWN

    def text(self, text: str) -> str:
        if not text:
            return text
        text = identifiers(text)
        if self.pattern is None or self.dob_after_name is None:
            return text
        text = self.dob_after_name.sub(self._dob, text)
        return self.pattern.sub(self._replace, text)

    def _dob(self, m: re.Match[str]) -> str:
        """A date written straight after a name: a date of birth when it is in brackets
        ("Sam (01/02/1990)"), marked "b." or "born", or ten or more years ago (a date
        after a name can also be when they were seen: "saw Sam 20/11/2026")."""
        year = re.findall(r"\d{4}$", m.group("date"))
        if not (m.group("open") and m.group("close")) and not m.group("b") and not (
                year and int(year[0]) <= self.today.year - 10):
            return m.group(0)
        return (m.group("lead") + (m.group("open") or "") + (m.group("b") or "")
                + "[date of birth removed]" + (m.group("close") or ""))

    def _replace(self, m: re.Match[str]) -> str:
        word, pre = m.group("name"), m.group("pre") or ""
        key = word.lower()
        if key in self.full and (" " in key or key not in self.words):
            return self.full[key]
        label = self.words[key]
        if pre:
            return label
        if len(word) <= 2 and not word[0].isupper():
            return m.group(0)
        if key in self.ordinary:
            before = m.string[:m.start()].rstrip()
            if not word[0].isupper() or not before or before[-1] in ".!?:;\n\"'(":
                return m.group(0)
        return label


def vocabulary_of(texts: list[str]) -> frozenset[str]:
    """The ordinary words of a checklist, so that names are told apart from them."""
    return frozenset(w.lower() for t in texts for w in _TOKEN.findall(t))


def _record_ids(plan: Plan) -> dict[str, str]:
    """Each record id (which links back to the plan file) -> its position: person-1."""
    ids: dict[str, str] = {}
    for kind, records in (("person", [r.id for r in plan.people]),
                          ("agency", [r.id for r in plan.agencies]),
                          ("action", [r.id for r in plan.actions]),
                          ("challenge", [r.id for r in plan.challenges])):
        ids.update((rid, f"{kind}-{n}") for n, rid in enumerate(records, 1))
    return ids


def _without_ids(text: str, ids: dict[str, str]) -> str:
    for old, new in sorted(ids.items(), key=lambda kv: len(kv[0]), reverse=True):
        text = text.replace(old, new)
    return text


def redact_found(plan: Plan, found: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """What loading found edited outside the app, as a redacted export may say it."""
    if not found:
        return found
    return Redactor(plan, vocabulary).text(_without_ids(found, _record_ids(plan)))


def redact_plan(plan: Plan, case_pseudonym: str,
                vocabulary: frozenset[str] = frozenset(),
                place_keys: frozenset[str] = frozenset({"place"})) -> Plan:
    """A deep copy of ``plan`` with every name and identifier replaced; the original is
    untouched. Linking ids are replaced by their position; a place detail (an
    address) is removed whole."""
    r = Redactor(plan, vocabulary)
    record_ids = _record_ids(plan)
    # ids in the history (a people detail's old and new value, an edited-outside mark)
    # follow the records' positions; a removed record's id is never shown either
    every_id = record_ids | {e.target: "removed record" for e in plan.history
                             if e.what.startswith(("person.", "agency.", "action."))
                             and e.target not in record_ids}
    out = plan.model_copy(deep=True)
    labels = _person_labels(plan)
    ids: dict[str, str] = {"plan": "plan"}
    out.id = "redacted"
    out.case_ref = case_pseudonym
    out.practitioner = plan.practitioner_role.strip() or "Practitioner"
    for n, person in enumerate(out.people, 1):
        ids[person.id] = person.id = f"person-{n}"
        person.name = labels[plan.people[n - 1].id]
        person.role, person.involvement = r.text(person.role), r.text(person.involvement)
        person.notes, person.relationship = r.text(person.notes), r.text(person.relationship)
        person.assessment = r.text(person.assessment)
        person.reason_not_involved = r.text(person.reason_not_involved)
    for n, agency in enumerate(out.agencies, 1):
        ids[agency.id] = agency.id = f"agency-{n}"
        if agency.practitioner:
            agency.practitioner = f"{agency.agency} practitioner"
        agency.role, agency.contact = r.text(agency.role), r.text(agency.contact)
    for n, action in enumerate(out.actions, 1):
        ids[action.id] = action.id = f"action-{n}"
        action.what, action.outcome = r.text(action.what), r.text(action.outcome)
        if action.owner:
            action.owner = r.name(action.owner)
    for answer in out.answers.values():
        answer.note = r.text(answer.note)
        answer.answered_by = r.name(answer.answered_by)
        if isinstance(answer.value, str):
            answer.value = r.text(answer.value)
        elif isinstance(answer.value, list):
            answer.value = [r.text(v) for v in answer.value]
        if answer.owner:
            answer.owner = r.name(answer.owner)
        if answer.details:
            # people details hold person ids: they follow the people's new ids
            answer.details = {k: "[address removed]" if k in place_keys and v else
                              r.text(v) if isinstance(v, str) else
                              [ids.get(x, "removed person") for x in v]
                              if isinstance(v, list) else v
                              for k, v in answer.details.items()}
    for confirmation in out.confirmations:
        confirmation.by = r.name(confirmation.by)
        confirmation.present = [r.name(name) for name in confirmation.present]
    for ack in out.acknowledgements:
        ack.by, ack.reason = r.name(ack.by), r.text(ack.reason)
    for entry in out.history:
        entry.by = r.name(entry.by)
        if entry.target == "case_ref":
            entry.old = case_pseudonym if entry.old else ""
            entry.new = case_pseudonym if entry.new else ""
        elif entry.what == "signoff.void":
            entry.old = "Manager" if entry.old else ""
        elif entry.what == "detail" and entry.target.rpartition(".")[2] in place_keys:
            entry.old = "[address removed]" if entry.old else ""
            entry.new = "[address removed]" if entry.new else ""
        else:
            entry.old, entry.new = r.text(entry.old), r.text(entry.new)
        entry.old, entry.new = _without_ids(entry.old, every_id), _without_ids(entry.new,
                                                                               every_id)
        entry.target = ids.get(entry.target, entry.target)
        if entry.what.startswith(("person.", "agency.", "action.")) and \
                entry.target not in ids.values():
            entry.target = "removed record"
    for so in [out.signoff, *out.reviews]:
        if so is not None:
            so.by = so.role or "Manager"
            so.rationale = r.text(so.rationale)
    for shared in out.distribution:
        shared.role, shared.how = r.text(shared.role), r.text(shared.how)
        if not shared.parents:
            shared.to = r.names.get(shared.to.strip()) or RECIPIENT
        shared.by = r.name(shared.by) if shared.by else ""
    for n, challenge in enumerate(out.challenges, 1):
        challenge.id = f"challenge-{n}"
        challenge.by = challenge.role or "Manager"
        challenge.text, challenge.response = r.text(challenge.text), r.text(challenge.response)
        if challenge.responded_by:
            challenge.responded_by = r.name(challenge.responded_by)
    return _hashes_kept(plan, out)


def _hashes_kept(plan: Plan, out: Plan) -> Plan:
    """What rests on the content hash reads on the redacted copy as on the plan (rev7-core
    2: hashed before the names were replaced, every copy read OUT OF DATE, approvals void)."""
    from checklist_tui.core.review import WITH_CHALLENGES, content_hash

    now, redacted = content_hash(plan, False), content_hash(out, False)
    for before, after in zip(plan.distribution, out.distribution, strict=True):
        if before.content_hash == now:
            after.content_hash = redacted
    for so, so_out in zip([plan.signoff, *plan.reviews], [out.signoff, *out.reviews],
                          strict=True):
        challenges = so is not None and so.content_hash.startswith(WITH_CHALLENGES)
        if so and so_out and so.content_hash and so.content_hash == content_hash(plan, challenges):
            so_out.content_hash = content_hash(out, challenges)
    return out
