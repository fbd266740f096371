"""A list of a folder's plans that keeps itself up to date: Home and the review list.

Every few seconds while the list is the screen shown and its folder is not being read:
has a plan been added, removed or changed, opened or closed elsewhere, or is it a new
day (``core.folder.Looked``)? Then the folder is read again; otherwise the status line
says when it was checked, never an old "up to date"."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import work

from checklist_tui.core import clock
from checklist_tui.tui.from_thread import call_while_attached
from checklist_tui.tui.screens.base import AppScreen

if TYPE_CHECKING:
    from pathlib import Path

    from checklist_tui.core.folder import Looked


class FolderScreen(AppScreen):
    CHECK_EVERY = 5.0
    """Seconds between checks of the folder for plans added or changed by someone else
    (a colleague on a shared folder, the command line, another window)."""
    READING: ClassVar[str] = ""
    """The group of the screen's worker that reads the folder (no check while it runs)."""
    looked: Looked | None = None
    """What the list shown was made from; None until the folder has been read."""
    checked = ""
    """When the folder was last checked and what that did, for the status line."""

    def watch_folder(self) -> None:
        """From ``on_mount``, before the folder is first read."""
        self._running_app = self.app  # for the threads: a screen taken down has no app
        self.set_interval(self.CHECK_EVERY, self._check_folder)

    def _check_folder(self) -> None:
        if self.is_current and self.looked is not None and not any(
                w.group == self.READING and not w.is_finished for w in self.workers):
            self.check_folder(self.looked)

    @work(thread=True, exclusive=True, group="folder-check")
    def check_folder(self, looked: Looked) -> None:
        app = self._running_app
        if looked.out_of_date(self.plans_folder):
            call_while_attached(app, self, self.read_again)
        else:
            call_while_attached(app, self, self.say_checked, "no plans changed")

    def say_checked(self, what: str) -> None:
        """``what``: what the check did ("no plans changed", "2 plans read again")."""
        self.checked = f"Checked at {clock.now().astimezone():%H:%M:%S} ({what})."
        self.show_checked()

    # Each list's own ------------------------------------------------------------------
    @property
    def plans_folder(self) -> Path:
        raise NotImplementedError

    def read_again(self) -> None:
        """Read the folder again (a change was seen), keeping the rows until then."""
        raise NotImplementedError

    def show_checked(self) -> None:
        """Put ``checked`` in the status line."""
        raise NotImplementedError
