"""The section banner: fired rules in this section with the checklist's escalation text,
and, on a pause point, whether it is confirmed and still holds.

In a short window (under COMPACT_BELOW rows, as 80x24) the banner is one line per kind:
the pause point's line, and the first flag's words with what else there is ("k:
acknowledge", "1 more here"), cut to the width, ending "(F1: all)". The full text
(every flag, what to do, the other sections' count) is in the plan's Help (F1,
``full_text``), and shown in place while the banner has the focus (a click, or Shift+Tab
from the first question). Six banner lines left room for about one question at 80x24."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from checklist_tui.core.dates import plural
from checklist_tui.core.engine import FiredRule
from checklist_tui.core.vocabulary import ALERT_MARK, acknowledged_said, rule_label
from checklist_tui.tui.text import Parts, join, lit

COMPACT_BELOW = 30
"""Windows with fewer rows than this show the banner compact."""
MORE = "  (F1: all)"


class FlagBanner(Static, can_focus=False):
    full_text: str = ""
    """Everything the banner says, as plain text ('' when it is not shown)."""
    _full: Text | None = None
    _flags: tuple[list[FiredRule], int, str] | None = None

    def show(self, fired: list[FiredRule], total_red_flags: int, pause: str = "") -> None:
        shown = [f for f in fired if f.severity.value != "info" or f.red_flag]
        if not shown and not pause:
            self.remove_class("shown")
            self._full, self._flags, self.full_text = None, None, ""
            self.can_focus = False
            self._put(Text())
            return
        before = self.classes
        # (nothing alarming: not the red border; classes set, the banner styled once, in fit)
        self.set_class(not shown, "pause-only", update=False)
        parts: Parts = [lit(pause), "\n"] if pause else []
        for f in shown:
            parts += [f"{ALERT_MARK} {rule_label(f)}: ", lit(f.message, "bold"),
                      acknowledged_said(f, "press k to acknowledge"), "\n"]
            if f.escalation and not f.acknowledgement:
                parts += ["  What to do: ", lit(f.escalation), "\n"]
        others = total_red_flags - sum(1 for f in shown if f.red_flag)
        if others > 0:
            parts.append(f"{plural(others, 'more red flag')} in other sections: press o\n")
        full = join(*parts)
        full.rstrip()
        self._full, self.full_text = full, full.plain
        self._flags = (shown, others, pause) if shown else None
        self.add_class("shown", update=False)
        self.fit(before)

    def _one_line(self, shown: list[FiredRule], others: int, pause: str) -> Text:
        """The pause line (if any) and the first flag's words, each cut to one line (the
        other sections' flags are left to the header's count and the full text)."""
        first = shown[0]
        tail = acknowledged_said(first, "k: acknowledge")
        if len(shown) > 1:
            tail += f"; {len(shown) - 1} more here"
        width = self.content_size.width or self.app.size.width - 3  # (before the layout:
        width = max(20, width)  # the window less the bar and the padding)
        lead = f"{ALERT_MARK} {rule_label(first)}: "
        room = max(10, width - len(lead) - len(tail) - len(MORE))
        parts: Parts = [lit(_cut(pause, width)), "\n"] if pause else []
        parts += [lead, lit(_cut(first.message, room), "bold"), tail, MORE]
        return join(*parts)

    def fit(self, before: frozenset[str] | None = None) -> None:
        """Compact in a short window, unless it has the focus (then everything). Styled
        again once if its classes changed since ``before`` (``show``'s, else now): each
        class set on its own styled it again (twice before a plan's first paint, #12.2)."""
        before = self.classes if before is None else before
        line = self._one_line(*self._flags) if self._flags is not None \
            and self.app.size.height < COMPACT_BELOW else None
        compact = line is not None and line.plain != self.full_text
        self.can_focus = compact
        wanted = line if line is not None and compact and not self.has_focus else self._full
        self.set_class(compact and not self.has_focus, "compact", update=False)
        if self.classes != before:
            self.update_node_styles()
        if wanted is not None:
            self._put(wanted)

    def _put(self, text: Text) -> None:
        if text.plain != getattr(self, "_last", None):
            self._last = text.plain
            self.update(text)

    def on_focus(self) -> None:
        self.call_later(self.fit)  # (has_focus is set by Widget's own handler, after this)

    def on_blur(self) -> None:
        self.call_later(self.fit)

    def on_resize(self) -> None:
        self.fit()  # (the line is cut to the width)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"
