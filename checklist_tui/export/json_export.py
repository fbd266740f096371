"""The exported plan as JSON for dashboards and other systems.

The layout is published as a JSON Schema (docs/export-schema.json, described in
docs/export-json.md) and versioned by ``schema_version``. Every field is always
present; a value that is not known is ``null``, never a missing key. Answers carry
the item's prompt, section title and option labels alongside the codes, so a
dashboard need not load the checklists.
"""

from __future__ import annotations

import json
import re
from typing import Any

from checklist_tui.core.answers import display
from checklist_tui.core.carried import history_lines
from checklist_tui.core.pause import completion_blockers
from checklist_tui.core.what_is_left import pause_word, said_by_name
from checklist_tui.export.summary import Summary, headline

SCHEMA = "checklist-tui/plan-summary"
SCHEMA_VERSION = 3


def _value(value: object) -> object:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list):
        return [str(v) for v in value]
    return value if isinstance(value, bool | str) else str(value)


def answer_rows(s: Summary) -> list[dict[str, Any]]:
    """One row per item of the checklist, in order: the shape of the CSV too."""
    ev, plan = s.evaluation, s.plan
    rows = []
    for section in s.checklist.checklist.sections:
        for item in section.items:
            answer = plan.answers.get(item.id)
            has = answer is not None and answer.has_value
            rows.append({
                "section_id": section.id, "section": section.title,
                "item_id": item.id, "prompt": item.prompt, "type": item.type.value,
                "plan_part": item.plan_part.value if item.plan_part else None,
                "required": item.required, "applies": item.id in ev.visible_items,
                "waits_for": list(ev.waiting.get(item.id, ())),
                "answered": has,
                "value": None if answer is None or answer.not_applicable
                else _value(answer.value),
                "not_applicable": bool(answer and answer.not_applicable),
                "label": display(item, answer) if has and answer is not None else None,
                "note": (answer.note or None) if answer else None,
                "source": answer.source.value if answer and answer.source else None,
                "answered_by": answer.answered_by if answer else None,
                "answered_at": answer.answered_at.isoformat() if answer else None,
                "from_history": history_lines(item, answer, plan)
                if answer is not None and item.id in ev.visible_items else [],
            })
    return rows


def _time(at) -> str | None:
    return at.isoformat() if at is not None else None


def challenge_rows(s: Summary) -> list[dict[str, Any]]:
    """Each manager's challenge and the practitioner's answer (the summary's list, as the
    Markdown, HTML and Word copies show it). ``label`` is the answer as a person reads it:
    NOT YET ANSWERED while ``answered`` is false and ``answer`` null."""
    return [{"id": c.id, "item": c.item_id, "question": c.question,
             "challenged_by": c.asked_by, "challenged_at": c.asked_at.isoformat(),
             "challenge": c.text, "answered": c.answered,
             "label": c.answer_words,
             "answer": c.answer or None, "answered_by": c.answered_by or None,
             "answered_at": _time(c.answered_at)} for c in s.challenges]


def pause_points(s: Summary) -> list[dict[str, Any]]:
    """Each pause point not confirmed, or no longer holding, as the other exports list it
    after the gaps (``Summary.pauses``: its own words and what to do), with its section and
    its word (``NOT CONFIRMED``, ``NO LONGER HOLDS``); ``named``: the status line names it."""
    return [{"section": st.section_id, "title": st.title, "status": pause_word(st),
             "named": said_by_name(st), "text": row.text, "guidance": row.guidance or None}
            for st, row in zip(s.not_holding, s.pauses, strict=True)]


def document(s: Summary) -> dict[str, Any]:
    ev = s.evaluation
    plan = s.plan.model_dump(mode="json")
    if s.redacted:
        del plan["id"]  # it links a redacted copy back to the plan file
    sections = {sec.id: sec.title for sec in s.checklist.checklist.sections}
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generated": s.generated.isoformat(),
        "redacted": s.redacted,
        "headline": headline(s),
        "edited_outside": s.edited_outside or None,
        "checklist": {
            "id": s.checklist.id, "title": s.checklist.checklist.title,
            "version": s.checklist.checklist.version, "hash": s.checklist.content_hash,
        },
        "plan": plan,
        "answers": answer_rows(s),
        "computed": {
            "today": ev.today.isoformat(),
            "timing": s.timing,
            "progress": {"answered": ev.answered, "total": ev.total, "percent": ev.percent,
                         "more_may_follow": ev.may_grow, "done": ev.done,
                         "contradicted": len(ev.contradicted),
                         "incomplete": len(ev.incomplete)},
            "can_complete": not completion_blockers(s.checklist.checklist, s.plan, ev,
                                                    s.pause_states),
            "sections": [
                {"id": p.section_id, "title": p.title, "applies": p.visible,
                 "waits_for": list(p.waits_for),
                 "answered": p.answered, "total": p.total, "required_open": p.required_open,
                 "red_flags": p.red_flags, "done": p.done, "contradicted": p.contradicted,
                 "incomplete": p.incomplete, "waiting": p.waiting} for p in ev.sections],
            "open_required": [i for _s, i in ev.open_required],
            "gaps": [{"label": g.label, "text": g.text, "guidance": g.guidance or None,
                      "note": g.note or None, "about_men": g.about_men} for g in s.gaps],
            "pause_points_not_holding": pause_points(s),
            "men_left": [{"name": m.name, "relationship": m.about, "what": m.what,
                          "at": m.at.isoformat(), "by": m.by, "why": m.why}
                         for m in s.men_left],
            "fired_rules": [
                {"rule": f.rule_id, "item": f.item_id, "section": sections.get(f.section_id),
                 "severity": f.severity.value, "red_flag": f.red_flag, "message": f.message,
                 "escalation": f.escalation or None,
                 "acknowledged": f.acknowledgement is not None} for f in ev.fired],
            "due_points": [
                {"item": d.item_id, "label": d.label, "due": d.due_date.isoformat()
                 if d.due_date else None, "status": d.status.value,
                 "counted_from_edd": d.provisional,
                 "counted_from_plan_start": bool(d.seen_item)} for d in ev.due],
            "born_today": None if s.born_today is None else {
                "title": s.born_today.title, "headline": s.born_today.headline,
                "entries": [{"text": e.text, "why": e.why, "item": e.item_id or None}
                            for e in s.born_today.entries]},
            "plan_checks": [{"kind": i.kind, "target": i.target_id, "message": i.message}
                            for i in ev.integrity],
            "plan_parts": [
                {"part": v.part.value, "heading": v.heading, "in_checklist": v.in_checklist,
                 "asked": v.asked, "waits_for": list(v.waits_for),
                 "recorded": v.recorded,
                 "rows": [{"item": r.item_id, "what": r.what, "text": r.text,
                           "recorded": r.recorded} for r in v.rows]} for v in s.parts],
            "outcomes": [{"outcome": g.outcome or None, "actions": [a.id for a, _ in g.actions]}
                         for g in s.outcomes],
            "challenges": challenge_rows(s),
            "no_longer_applies": [a.item_id for a in ev.no_longer_applies],
            "not_in_checklist": [a.item_id for a in ev.not_in_checklist],
            "learning_trace": [{"source": r.source.id, "title": r.source.title,
                                "items": r.items, "addressed": r.addressed,
                                "raised": [{"item": i, "found": f} for i, f in r.raised]}
                               for r in s.trace],
        },
    }


# json.dumps escapes C0 controls but leaves DEL and the C1 controls (8-bit CSI, OSC...)
# raw; they only occur inside strings, where \u escapes keep the JSON valid and inert
# (and a terminal-safe filter has nothing left to rewrite in it).
_RAW_CONTROL = re.compile("[\x7f-\x9f]")


def render(s: Summary) -> str:
    text = json.dumps(document(s), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    return _RAW_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
