"""Export: write the plan summary in the chosen formats and say where."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, SelectionList, Static

from checklist_tui.core.dates import plural
from checklist_tui.core.errors import UserFacingError
from checklist_tui.core.locations import ensure_private_dir
from checklist_tui.core.session import PlanSession
from checklist_tui.export.writer import FORMAT_LABELS, ExportExistsError, export_to_folder
from checklist_tui.tui.screens.form import BoxesScreen
from checklist_tui.tui.screens.message import MessageScreen
from checklist_tui.tui.text import join, lit
from checklist_tui.tui.widgets.line_box import LineBox
from checklist_tui.tui.widgets.marked import MarkedCheckbox, MarkedSelectionList


class _Formats(MarkedSelectionList):
    """Space ticks a format; Enter exports, as everywhere in the dialog (it unticked the
    highlighted format, so Markdown went unnoticed)."""

    BINDINGS = [Binding("enter", "screen.export_now", "Export", show=False)]


class ExportScreen(BoxesScreen[None]):
    BINDINGS = [Binding("escape", "dismiss", "Close", id="close-export")]

    def __init__(self, session: PlanSession, sources: dict):
        super().__init__()
        self.session, self.sources = session, sources

    def compose(self) -> ComposeResult:
        # As in every form: the title and, at the foot, what was written and the buttons
        # stay in view; only the choices scroll (at 80x24 the list of files written
        # pushed Export and Close out of the dialog).
        with VerticalScroll(classes="dialog form"):
            yield Static("Export the plan summary  (Escape to close)",
                         classes="title form-title")
            yield Label("Formats (Space ticks; Enter exports; Tab goes on to the folder)",
                        classes="field-label")
            yield _Formats(*((label, fmt, fmt in ("markdown", "html"))
                             for fmt, label in FORMAT_LABELS.items()), id="formats")
            yield MarkedCheckbox("Redacted: names in People and Agencies, contact details",
                                 id="redact")
            yield Label("Folder", classes="field-label")
            yield LineBox(str(self.session.loaded.path.parent), id="folder", compact=True)
            with Vertical(classes="form-foot"):
                yield Static("", id="export-result")
                with Horizontal(classes="buttons"):
                    yield Button("Export", id="go", variant="primary", compact=True)
                    yield Button("Close", id="close", compact=True)

    def on_mount(self) -> None:
        # The choices first, in the order they are read: formats, redacted, folder, then
        # Export and Close (Tab from Export went to Close and round to the formats).
        self.query_one("#formats", SelectionList).focus()

    def action_export_now(self) -> None:
        self.export(force=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.export(force=False)

    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        self.export(force=False)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss()

    def _not_exported(self, why: str) -> None:
        """Said in the result line when a question about the export was answered Cancel
        (look-d 28: the dialog looked as before, and nothing said nothing was written)."""
        self.query_one("#export-result", Static).update(lit(f"Not exported: {why}."))

    def export(self, force: bool, create: bool = False) -> None:
        formats = list(self.query_one(SelectionList).selected)
        result = self.query_one("#export-result", Static)
        if not formats:
            result.update("Tick at least one format.")
            return
        folder = Path(self.query_one("#folder", Input).value.strip()).expanduser()
        if not folder.exists() and not create:
            self.app.push_screen(MessageScreen("Create the folder?", [
                f"There is no folder {folder} yet. Create it and export there?"],
                confirm="Create", harmless=True), lambda yes: self.export(
                    force, create=True) if yes else self._not_exported(
                    f"the folder {folder} was not created"))
            return
        try:
            if create:
                ensure_private_dir(folder)
            written = export_to_folder(folder, self.session.checklist, self.session.plan,
                                       formats, self.sources,
                                       redact=self.query_one(MarkedCheckbox).value, force=force,
                                       found_outside=self.session.loaded.found_outside,
                                       plan_file=self.session.loaded.path)
        except ExportExistsError as exc:
            self.app.push_screen(MessageScreen("Replace the existing files?", [str(exc)],
                                               confirm="Replace"),
                                 lambda yes: self.export(True, create) if yes else
                                 self._not_exported("the existing files were kept"))
            return
        except UserFacingError as exc:
            result.update(lit(str(exc)))
            return
        except OSError as exc:
            result.update(lit(f"could not write to {folder}: {exc.strerror or exc}"))
            return
        # The folder once and each file's name (whole paths filled the dialog); no toast
        # over the dialog, which says it already.
        result.update(join(f"Written: {plural(len(written), 'file')} in ", lit(str(folder)),
                           "\n", lit("\n".join(p.name for p in written))))
