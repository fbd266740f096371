"""Who is making changes to an open plan: what the plan screen needs of it as a plan is
first shown, without the question's form (``tui/screens/who_dialog.py``).

The plan screen settles who is making changes before its first paint (``when_opened``),
but the question itself is put only once the plan is drawn (``ask_when_drawn``): the
form, its boxes and the screens they load are not needed for that paint (they cost about
25 million instructions before it, #12.2) and load when the question is asked.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from checklist_tui.core.who import Who, refusal

if TYPE_CHECKING:
    from checklist_tui.tui.screens.plan import PlanScreen


def made_by(app: object, path: Path, name: str, role: str) -> None:
    """A plan just made in the app by the practitioner it names (New plan): its changes are
    theirs, and they are not asked again as it opens. A name or role that would be
    refused (left empty) is asked as usual."""
    if refusal(name, role) is None:
        said: dict[Path, Who] = app.said_for  # type: ignore[attr-defined]
        said[path.resolve()] = Who(" ".join(name.split()), " ".join(role.split()))


def when_opened(screen: PlanScreen) -> None:
    """As a plan is shown (before any edit can reach it): who is making the changes. A
    who already said (New plan's practitioner; ``--as``, when the app does not ask) is
    taken at once; when the app asks (``ChecklistApp.ask_who``), every edit is refused
    until the question, put once the plan is drawn (``ask_when_drawn``), is answered.
    Otherwise (tests, scripts) the changes are recorded as the plan's practitioner."""
    session, app = screen.session, screen.app
    if session is None or session.read_only or session.said is not None:
        return
    given = app.said_for.pop(session.loaded.path.resolve(), None)  # type: ignore[attr-defined]
    if given is not None:  # e.g. the practitioner who has just made the plan
        settle(screen, given, shown=False)
    elif app.ask_who:  # type: ignore[attr-defined]
        session.who_pending = True
    elif app.who is not None:  # type: ignore[attr-defined]
        settle(screen, app.who, shown=False)  # type: ignore[attr-defined]


def ask_when_drawn(screen: PlanScreen) -> None:
    """Once the plan is drawn: the question, if it is waiting to be asked (its form is
    loaded only then)."""
    if screen.session is not None and screen.session.who_pending:
        from checklist_tui.tui.screens.who_dialog import ask

        ask(screen)


def settle(screen: PlanScreen, who: Who, shown: bool = True) -> None:
    """From now on this plan's changes are recorded as ``who``, remembered for the next
    plan opened in this run, and shown in the header (``shown``: now; else as the plan is
    first shown, with the rest of the header)."""
    if screen.session is None:
        return
    screen.session.changes_by(who)
    screen.app.who = who  # type: ignore[attr-defined]
    if shown:
        screen.refresh_header()
