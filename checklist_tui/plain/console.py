"""Lines in, lines out: the only place plain mode touches stdin and stdout."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from checklist_tui.core.dates import plural
from checklist_tui.export.safe import plain

#: What ends a text of several lines, on a line of its own.
END_WORDS = ("end", ".")
END_HINT = "Type end on a line of its own to finish (end straight away leaves it empty)."


def taken(text: str) -> str:
    """What a text of several lines is said back as: "Taken: 2 paragraphs, 180 characters."
    (or "Taken: nothing." when it is empty)."""
    if not text.strip():
        return "Taken: nothing."
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return (f"Taken: {plural(len(paragraphs), 'paragraph')}, "
            f"{plural(len(text), 'character')}.")


class Closed(Exception):
    """The person ended the conversation: end of input (Ctrl+D) or a closed pipe."""


class StepEnded(Exception):
    """A command typed at a prompt inside a step (the questions a command or an answer
    asks for what it needs): the step stops there and changes nothing more."""


class Cancelled(StepEnded):
    """``cancel``: back to the question, with nothing more changed."""


class Quit(StepEnded):
    """``quit``: the step stops, with nothing more changed, and so does the conversation."""


#: What may be typed at any prompt inside a step; never taken as a name, a date or a reason.
CANCEL_WORDS = ("cancel",)
QUIT_WORDS = ("quit", "q", "exit", "save and quit")
HELP_WORDS = ("help", "h")
STEP_HINT = ("At these questions, type cancel to go back with nothing more changed, "
             "help to hear what is asked, or quit to stop.")


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
        self.in_step = False
        """Whether a prompt inside a step was read since the last question or command
        (``STEP_HINT`` is said once a step, before its first prompt)."""

    def say(self, *lines: str) -> None:
        try:
            for line in lines:
                self.stdout.write(plain(line) + "\n")
            self.stdout.flush()
        except (BrokenPipeError, ValueError):
            raise Closed from None

    def blank(self) -> None:
        self.say("")

    def command(self, prompt: str) -> str:
        """The prompt between steps (an answer or a command): what is typed, stripped."""
        self.in_step = False
        return self.ask(prompt)

    def answer(self, prompt: str, about: str = "", text_lines: int | None = None) -> str:
        """The one way every prompt inside a step is read: ``cancel`` and ``quit`` end the
        step (Cancelled, Quit) and ``help`` says what is asked (``about``, or the prompt)
        and asks again; none of them is ever taken as a name, a date or a reason. The
        first prompt of a step says so first (``STEP_HINT``). ``text_lines``: how many
        lines of a text of several lines are typed already (``ask_lines``; None: not in
        one): there only the whole words act, and ``help`` only before the text begins,
        so a line of a pasted email that is "Q", "Exit" or "Help" stays in the text (a
        "q" there stopped plain mode, and the rest of the paste went to the shell)."""
        if not self.in_step:
            self.say(STEP_HINT)
            self.in_step = True
        while True:
            text = self.ask(prompt)
            said = " ".join(text.lower().split())
            if said in CANCEL_WORDS:
                raise Cancelled
            in_text = text_lines is not None
            if said in (QUIT_WORDS[:1] if in_text else QUIT_WORDS):
                raise Quit
            if said not in (HELP_WORDS if not in_text else HELP_WORDS[:1] if not text_lines
                            else ()):
                return text
            self.say(*(about or f"This asks: {prompt.rstrip(':')}.").splitlines(), STEP_HINT)

    def ask(self, prompt: str) -> str:
        """Show ``prompt`` and return the line typed, stripped. Raises Closed at end of input.
        Prompts use ``command`` or ``answer``, which say what ``ask`` reads."""
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
        """Several lines of text, paragraphs with empty lines between them, ended by a line
        that is only ``end`` (or a full stop): an empty line no longer ends it, so a second
        paragraph typed or pasted is kept, never taken as answers to the next questions
        (look-d 7). What was taken is said back. At end of input the lines typed so far
        are the text (said so), never dropped; with none typed, Closed."""
        how = f"Type the text; empty lines between paragraphs are kept. {END_HINT}"
        self.say(prompt, how)
        lines: list[str] = []
        while True:
            try:
                line = self.answer(">", about=f"{prompt} {how}", text_lines=len(lines))
            except Closed:
                if not "".join(lines):
                    raise
                self.say("The input ended: the text typed so far is used.")
                break
            if line.lower() in END_WORDS:
                break
            lines.append(line)
        text = "\n".join(lines).strip("\n")
        self.say(taken(text))
        return text

    def choose(self, prompt: str, options: list[tuple[str, str]],
               allow_blank: bool = True) -> str | None:
        """Number the options; return the chosen key, or None when left blank."""
        said = [prompt, *(f"{n}. {label}" for n, (_key, label) in enumerate(options, 1))]
        self.say(*said)
        while True:
            text = self.answer("Number" + (" (or Enter to leave it):" if allow_blank else ":"),
                               about=" ".join(said))
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
