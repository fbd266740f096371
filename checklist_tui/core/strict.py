"""The base of every model read from a file that people can open and edit (a checklist, its
sources, a plan): an unknown key is an error with a suggestion, never a silently ignored
setting, and a model's schema is built on first use, not at import (faster start-up)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    # No use_attribute_docstrings here: core.schema adds the descriptions when it is asked.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)
