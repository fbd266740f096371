"""The baseline for the startup benchmark: a bare Textual app (header, a line, footer)."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Bare app ready")
        yield Footer()


if __name__ == "__main__":
    Bare().run()
