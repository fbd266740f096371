"""The plan summary as JSON for other systems: the full plan plus the computed state.

The layout is documented in docs/export-json.md and versioned by ``schema_version``.
"""

from __future__ import annotations

import json
from typing import Any

from checklist_tui.export.summary import Summary

SCHEMA = "checklist-tui/plan-summary"
SCHEMA_VERSION = 1


def document(s: Summary) -> dict[str, Any]:
    ev = s.evaluation
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "generated": s.generated.isoformat(),
        "redacted": s.redacted,
        "checklist": {
            "id": s.checklist.id, "title": s.checklist.checklist.title,
            "version": s.checklist.checklist.version, "hash": s.checklist.content_hash,
        },
        "plan": s.plan.model_dump(mode="json", exclude_none=True),
        "computed": {
            "today": ev.today.isoformat(),
            "timing": s.timing,
            "progress": {"answered": ev.answered, "total": ev.total, "percent": ev.percent},
            "can_complete": ev.can_complete,
            "sections": [
                {"id": p.section_id, "title": p.title, "applies": p.visible,
                 "answered": p.answered, "total": p.total, "required_open": p.required_open,
                 "red_flags": p.red_flags} for p in ev.sections],
            "open_required": [i for _s, i in ev.open_required],
            "fired_rules": [
                {"rule": f.rule_id, "item": f.item_id, "severity": f.severity.value,
                 "red_flag": f.red_flag, "message": f.message, "escalation": f.escalation,
                 "acknowledged": f.acknowledgement is not None} for f in ev.fired],
            "due_points": [
                {"item": d.item_id, "label": d.label, "due": d.due_date.isoformat()
                 if d.due_date else None, "status": d.status.value,
                 "counted_from_edd": d.provisional} for d in ev.due],
            "plan_checks": [{"kind": i.kind, "target": i.target_id, "message": i.message}
                            for i in ev.integrity],
            "no_longer_applies": [a.item_id for a in ev.no_longer_applies],
            "not_in_checklist": [a.item_id for a in ev.not_in_checklist],
            "learning_trace": [{"source": r.source.id, "items": r.items} for r in s.trace],
        },
    }


def render(s: Summary) -> str:
    return json.dumps(document(s), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
