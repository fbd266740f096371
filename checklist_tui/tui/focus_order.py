"""Tab and Shift+Tab from a widget not yet laid out go on from where it is in the screen.

Textual orders the focus by where widgets are drawn (``Widget._focus_sort_key``: the top
of each widget's region). A widget just mounted has no region until the next layout, so
it sorts to the top of its container: a note box put in place of its stand-in
(``widgets/stand_in.py``) the moment Tab reached it, then a second Tab before the screen
was laid out again, moved the focus back to the question's own answer, and the "n" typed
next turned its Yes into a No (seen in tmux on a loaded machine: Tab, Tab, n). Here such
a move goes by the order of the screen's widgets instead (the order they are composed
in, the order they are drawn in on every screen of this app). Imports no core."""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget


def moved_in_screen_order(screen: Screen, direction: int) -> bool:
    """Move the focus one stop forward (``direction`` 1) or back (-1) by the screen's
    widget order, when the focused widget is not laid out yet; True if it did. Otherwise
    (the usual case) nothing is done and Textual's own order stands."""
    focused = screen.focused
    if focused is None or focused.virtual_region.area:
        return False
    chain = set(screen.focus_chain)
    widgets = [w for w in screen.walk_children(Widget) if w is focused or w in chain]
    if focused not in widgets or len(widgets) < 2:
        return False
    place = widgets.index(focused)
    screen.set_focus(widgets[(place + direction) % len(widgets)])
    return True
