"""Lines in, lines out: the only place plain mode touches stdin and stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from checklist_tui.export.safe import plain


class Closed(Exception):
    """The person ended the conversation: end of input (Ctrl+D) or a closed pipe."""


class Console:
    """Writes one piece of information a line; reads one answer a line.

    All text is made terminal-safe first, so nothing typed into a plan or a checklist
    can move the cursor, set a colour or retitle the terminal.
    """

    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None,
                 echo: bool | None = None) -> None:
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        # When input is piped, echo what was read so a transcript reads as a dialogue.
        self.echo = (not _is_tty(self.stdin)) if echo is None else echo

    def say(self, *lines: str) -> None:
        try:
            for line in lines:
                self.stdout.write(plain(line) + "\n")
            self.stdout.flush()
        except (BrokenPipeError, ValueError):
            raise Closed from None

    def blank(self) -> None:
        self.say("")

    def ask(self, prompt: str) -> str:
        """Show ``prompt`` and return the line typed, stripped. Raises Closed at end of input."""
        try:
            self.stdout.write(plain(prompt) + " ")
            self.stdout.flush()
        except (BrokenPipeError, ValueError):
            raise Closed from None
        line = self.stdin.readline()
        if line == "":
            raise Closed
        text = line.rstrip("\r\n")
        if self.echo:
            self.say(plain(text))
        elif not text:
            pass
        return text.strip()

    def ask_lines(self, prompt: str) -> str:
        """Several lines of text, ended by an empty line. At end of input the lines typed
        so far are the text (said so), never dropped; with none typed, Closed."""
        self.say(prompt, "Type the text. Press Enter on an empty line to finish.")
        lines: list[str] = []
        while True:
            try:
                line = self.ask(">")
            except Closed:
                if not lines:
                    raise
                self.say("The input ended: the text typed so far is used.")
                return "\n".join(lines)
            if not line:
                return "\n".join(lines)
            lines.append(line)

    def choose(self, prompt: str, options: list[tuple[str, str]],
               allow_blank: bool = True) -> str | None:
        """Number the options; return the chosen key, or None when left blank."""
        self.say(prompt)
        for n, (_key, label) in enumerate(options, 1):
            self.say(f"{n}. {label}")
        while True:
            text = self.ask("Number" + (" (or Enter to leave it):" if allow_blank else ":"))
            if not text and allow_blank:
                return None
            if text.isdigit() and 1 <= int(text) <= len(options):
                return options[int(text) - 1][0]
            lowered = text.lower()
            for key, label in options:
                if lowered in (key.lower(), label.lower()):
                    return key
            self.say(f"Type a number from 1 to {len(options)}.")


def _is_tty(stream: TextIO) -> bool:
    isatty: Callable[[], bool] | None = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:
        return False
