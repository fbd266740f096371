"""Plain mode: the whole workflow as a line-by-line conversation on stdin and stdout.

For screen readers, braille displays and any terminal. No colour, no cursor movement,
no box drawing: one piece of information a line. Everything it shows and does comes
from the same core engine and edit operations as the full-screen app.
"""
