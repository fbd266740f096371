"""The published JSON Schema of the exported plan (docs/export-schema.json).

The ``plan`` part comes from the plan model itself, so it cannot drift from what
is stored; the rest is written out here. Every listed field is required: a value
that is not known is ``null``, never a missing key (the one exception is
``plan.id``, left out of redacted exports because it links back to the plan file).
"""

from __future__ import annotations

from typing import Any

from checklist_tui.core import checked
from checklist_tui.core.engine import DueStatus
from checklist_tui.core.plan import Plan
from checklist_tui.core.plan_part import PlanPart
from checklist_tui.core.vocabulary import NO_LONGER_HOLDS, NOT_CONFIRMED
from checklist_tui.export.json_export import SCHEMA, SCHEMA_VERSION

S = {"type": "string"}
NS = {"type": ["string", "null"]}
B = {"type": "boolean"}
I = {"type": "integer", "minimum": 0}  # noqa: E741


def _obj(props: dict[str, Any], added: tuple[str, ...] = ()) -> dict[str, Any]:
    """An object with every field required but those ``added`` within a schema_version:
    an export made before they were stays valid (rev9-core 10)."""
    return {"type": "object", "additionalProperties": False,
            "required": sorted(set(props) - set(added)), "properties": props}


def _list(of: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": of}


ANSWER_ROW = _obj({
    "section_id": S, "section": S, "item_id": S, "prompt": S,
    "plan_part": {"enum": [*(p.value for p in PlanPart), None]},
    "type": S, "required": B, "applies": B, "waits_for": _list(S), "answered": B,
    "value": {"type": ["string", "boolean", "array", "null"], "items": S},
    "not_applicable": B, "label": NS, "note": NS,
    "source": {"enum": ["seen", "parent", "agency", "unchecked", None]},
    "answered_by": NS, "answered_at": {"type": ["string", "null"], "format": "date-time"},
    "from_history": _list(S),
}, added=("from_history",))

COMPUTED = _obj({
    "today": {"type": "string", "format": "date"},
    "timing": S,
    "progress": _obj({"answered": I, "total": I, "percent": I, "more_may_follow": B,
                      "done": I, "contradicted": I, "incomplete": I}),
    "can_complete": B,
    "sections": _list(_obj({"id": S, "title": S, "applies": B, "waits_for": _list(S),
                            "answered": I, "total": I,
                            "required_open": I, "red_flags": I, "done": I,
                            "contradicted": I, "incomplete": I, "waiting": I})),
    "open_required": _list(S),
    "gaps": _list(_obj({"label": S, "text": S, "guidance": NS, "note": NS, "about_men": B})),
    "pause_points_not_holding": _list(_obj({
        "section": S, "title": S, "status": {"enum": [NOT_CONFIRMED, NO_LONGER_HOLDS]},
        "named": B, "text": S, "guidance": NS})),
    "men_left": _list(_obj({"name": S, "relationship": S, "what": S,
                            "at": {"type": "string", "format": "date-time"}, "by": S,
                            "why": S})),
    "fired_rules": _list(_obj({"rule": S, "item": S, "section": NS,
                               "severity": {"enum": ["error", "warning", "info"]},
                               "red_flag": B, "message": S, "escalation": NS,
                               "acknowledged": B})),
    "due_points": _list(_obj({"item": S, "label": S,
                              "due": {"type": ["string", "null"], "format": "date"},
                              "status": {"enum": [s.value for s in DueStatus]},
                              "counted_from_edd": B, "counted_from_plan_start": B})),
    "born_today": {"anyOf": [{"type": "null"}, _obj({
        "title": S, "headline": S, "entries": _list(_obj({"text": S, "why": S, "item": NS}))},
        added=("title",))]},
    "plan_checks": _list(_obj({"kind": S, "target": S, "message": S})),
    "plan_parts": _list(_obj({
        "part": {"enum": [p.value for p in PlanPart]}, "heading": S, "in_checklist": B, "asked": B,
        "waits_for": _list(S),
        "recorded": B,
        "rows": _list(_obj({"item": S, "what": S, "text": S, "recorded": B}))})),
    "outcomes": _list(_obj({"outcome": NS, "actions": _list(S)})),
    "challenges": _list(_obj({
        "id": S, "item": S, "question": S, "challenged_by": S,
        "challenged_at": {"type": "string", "format": "date-time"}, "challenge": S,
        "answered": B, "label": S, "answer": NS, "answered_by": NS,
        "answered_at": {"type": ["string", "null"], "format": "date-time"}})),
    "no_longer_applies": _list(S),
    "not_in_checklist": _list(S),
    "learning_trace": _list(_obj({
        "source": S, "title": S, "items": _list(S), "addressed": _list(S),
        "raised": _list(_obj({"item": S, "found": S}))})),
})


def export_schema() -> dict[str, Any]:
    plan = checked.json_schema(Plan, mode="serialization")
    defs = plan.pop("$defs", {})
    plan["required"] = [r for r in plan.get("required", []) if r != "id"]
    schema = _obj({
        "schema": {"const": SCHEMA},
        "schema_version": {"const": SCHEMA_VERSION},
        "generated": {"type": "string", "format": "date-time"},
        "redacted": B,
        "headline": S,
        "edited_outside": NS,
        "checklist": _obj({"id": S, "title": S, "version": S, "hash": S}),
        "plan": plan,
        "answers": _list(ANSWER_ROW),
        "computed": COMPUTED,
    })
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "checklist-tui/plan-summary/v2",
            "title": "checklist-tui exported plan (JSON)", **schema, "$defs": defs}
