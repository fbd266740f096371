"""The exported plan as Markdown, for pasting into a case record or converting with pandoc.

Tables hold only single-line cells (a pipe table cannot keep a line break through
every converter); a table with any multi-line cell is written as a list instead.
"""

from __future__ import annotations

from checklist_tui.export import document
from checklist_tui.export.markdown_safe import md_cell, md_text
from checklist_tui.export.summary import Summary


def _cell(text: str) -> str:
    cell = md_cell(text)
    return f"**{cell}**" if isinstance(text, document.Strong) and cell else (cell or " ")


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    if any("\n" in c or "\r" in c for row in rows for c in row):
        return _as_list(headers, rows)
    out = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _as_list(headers: list[str], rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.append(f"- **{md_text(row[0]) or '(none)'}**")
        out += [f"  - {h}: {md_text(c)}" for h, c in zip(headers[1:], row[1:], strict=True)
                if c]
    return [*out, ""]


def _block(block: document.Block) -> list[str]:
    if isinstance(block, document.Heading):
        return ["#" * block.level + " " + md_text(block.text), ""]
    if isinstance(block, document.Para):
        text = md_text(block.text)
        if block.style in ("marking", "status", "missing"):
            text = f"**{text}**"
        elif block.style == "redacted":
            text = f"> **{text}**"
        return [text, ""]
    if isinstance(block, document.Fields):
        return _table(["", ""], [[k, v] for k, v in block.rows])
    if isinstance(block, document.Table):
        return _table(block.headers, block.rows)
    if isinstance(block, document.Flags):
        out = []
        for flag in block.items:
            out.append(f"- **{flag.label}:** {md_text(flag.text)}")
            out += [f"  - {k}: {md_text(v)}" for k, v in flag.details]
        return [*out, ""]
    if isinstance(block, document.Answers):
        out = []
        for item in block.items:
            out.append(f"- **{md_text(item.prompt)}** {md_text(item.answer)} "
                       f"({md_text(item.item_id)})")
            out += [f"  - {md_text(label)}: {md_text(text)}" if label else f"  - {md_text(text)}"
                    for label, text in item.extras]
        return [*out, ""]
    if isinstance(block, document.Bullets):
        return [*(f"- {md_text(i)}" for i in block.items), ""]
    raise TypeError(block)


def render(s: Summary) -> str:
    doc = document.build_document(s)
    out = [f"# {md_text(doc.title)}: {md_text(doc.case_ref)}", ""]
    for block in doc.blocks:
        out += _block(block)
    out += ["---", "", f"*{md_text(doc.footer)}*", ""]
    return "\n".join(out)
