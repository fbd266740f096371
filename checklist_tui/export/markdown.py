"""The plan summary as Markdown, for pasting into a case record."""

from __future__ import annotations

from checklist_tui.core.vocabulary import NO_OWNER, NO_ROLE, OVERDUE
from checklist_tui.export.markdown_safe import md_cell, md_text
from checklist_tui.export.summary import (
    FOOTER,
    REDACTED_NOTE,
    SENSITIVITY,
    Summary,
    due_text,
    grouped_attention,
    header_rows,
    person_rows,
)


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(md_cell(c) or " " for c in row) + " |" for row in rows]
    return [*out, ""]


def render(s: Summary) -> str:
    out: list[str] = [f"# {md_text(s.title)}", "", f"**{SENSITIVITY}**", ""]
    if s.redacted:
        out += [f"> **{REDACTED_NOTE}**", ""]
    out += _table(["", ""], [[k, v] for k, v in header_rows(s)])

    out += ["## What needs attention first", ""]
    if not s.attention:
        out += ["Nothing is outstanding.", ""]
    for heading, items in grouped_attention(s):
        out += [f"### {heading}", ""]
        for a in items:
            out.append(f"- **{a.label}** {md_text(a.text)}")
            if a.guidance:
                out.append(f"  - What to do: {md_text(a.guidance)}")
            if a.note:
                out.append(f"  - {md_text(a.note)}")
        out.append("")

    out += ["## Action plan", ""]
    if s.actions:
        out += _table(["What", "Owner", "Agency", "Due", "Status"], [
            [a.what, a.owner or NO_OWNER, a.agency, due_text(a.due),
             a.status.label + (f" ({OVERDUE})" if late else "")] for a, late in s.actions])
    else:
        out += ["No actions recorded.", ""]

    out += ["## Agencies and their roles", ""]
    if s.agencies:
        out += _table(["Agency", "Named practitioner", "Role and responsibility", "Contact"], [
            [g.agency, g.practitioner, g.role or NO_ROLE, g.contact]
            for g in s.agencies])
    else:
        out += ["No agencies recorded.", ""]

    out += ["## People around the baby", "", "### The father and other male carers", ""]
    headers = ["Name", "Relationship", "In household", "Role", "Involvement and assessment"]
    if s.men:
        out += _table(headers, [list(r) for r in person_rows(s.men)])
    else:
        out += ["**No father or male carer is recorded.**", ""]
    out += ["### Others", ""]
    out += _table(headers, [list(r) for r in person_rows(s.others)]) if s.others \
        else ["No one else recorded.", ""]

    for part in s.sections:
        out += [f"## {md_text(part.title)}", "", f"*{part.progress}*", ""]
        if not part.items:
            out += ["No answers yet.", ""]
        for item in part.items:
            out.append(f"- **{md_text(item.prompt)}** {md_text(item.answer)} "
                       f"({item.item_id})")
            if item.note:
                out.append(f"  - Note: {md_text(item.note)}")
            if item.source:
                out.append(f"  - Source of information: {md_text(item.source)}")
        out.append("")

    if s.no_longer_applies:
        out += ["## Answers that no longer apply", "",
                "Kept for the record; not counted in this plan.", ""]
        for item in s.no_longer_applies:
            out.append(f"- {md_text(item.prompt)} {md_text(item.answer)} ({item.item_id})")
        out.append("")

    out += ["## Learning trace", "",
            "The recommendations and practice sources that this plan's answered items address.",
            ""]
    out += _table(["Source", "Title", "Items"], [
        [row.source.id, row.source.title, ", ".join(row.items)] for row in s.trace])
    out += ["---", "", f"*{SENSITIVITY} {FOOTER}*", ""]
    return "\n".join(out)
