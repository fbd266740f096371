"""The headless core: checklist definitions, plans, the engine and the plan store.

Nothing in this package imports Textual (a test proves it), so the CLI, the
exporters and the TUI all get the same answers from the same code.
"""
