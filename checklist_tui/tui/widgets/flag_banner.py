"""The section banner: fired rules in this section with the checklist's escalation text,
and, on a pause point, whether it is confirmed and still holds."""

from __future__ import annotations

from textual.widgets import Static

from checklist_tui.core.dates import plural
from checklist_tui.core.engine import FiredRule
from checklist_tui.core.vocabulary import ALERT_MARK, rule_label
from checklist_tui.tui.text import join, lit


class FlagBanner(Static):
    def show(self, fired: list[FiredRule], total_red_flags: int, pause: str = "") -> None:
        shown = [f for f in fired if f.severity.value != "info" or f.red_flag]
        if not shown and not pause:
            self.remove_class("shown")
            self._last = ""
            self.update("")
            return
        self.set_class(not shown, "pause-only")  # nothing alarming: not the red border
        parts: list = [lit(pause), "\n"] if pause else []
        for f in shown:
            ack = " (acknowledged)" if f.acknowledgement else (
                " (press k to acknowledge)" if f.needs_acknowledgement else "")
            parts += [f"{ALERT_MARK} {rule_label(f)}: ", lit(f.message, "bold"), ack, "\n"]
            if f.escalation and not f.acknowledgement:
                parts += ["  What to do: ", lit(f.escalation), "\n"]
        others = total_red_flags - sum(1 for f in shown if f.red_flag)
        if others > 0:
            parts.append(f"{plural(others, 'more red flag')} in other sections: press o\n")
        text = join(*parts)
        text.rstrip()
        if text.plain != getattr(self, "_last", None):
            self._last = text.plain
            self.update(text)
        self.add_class("shown")
