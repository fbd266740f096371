"""The Textual user interface. Screens call the core; they hold no business rules."""
