"""Field docstrings are read only for the schema (#12.2): the schema carries them, and the
app's start-up does not pay for reading them."""

from __future__ import annotations

import subprocess
import sys

from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.schema import checklist_schema, sources_schema
from tests.conftest import ROOT


def test_schema_carries_field_descriptions_even_after_validation() -> None:
    load_catalogue(include_user=False)  # the models are built (and validate) first
    schema = checklist_schema()
    item = schema["$defs"]["Item"]["properties"]
    assert "sources.toml" in item["refs"]["description"]
    assert schema["properties"]["version"]["description"].startswith("Semantic version")
    condition = schema["$defs"]["Condition"]["properties"]
    assert condition["in"]["description"] == "True when the item's answer is one of these values."
    source = sources_schema()["$defs"]["Source"]["properties"]
    assert source["summary"]["description"] == "One line, in our own words."


def test_descriptions_are_not_read_at_import() -> None:
    """Importing the models reads no docstring and loads no pydantic; building one from
    data validated before (as the caches do) does not either."""
    code = ("import sys\n"
            "from checklist_tui.core.definition import Item, Checklist\n"
            "from checklist_tui.core import plan, strict_decode\n"
            "strict_decode.decode(Item, {'id': 'A1', 'prompt': 'Q', 'type': 'check', "
            "'refs': ['R1']}, native=True)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pydantic', 'pydantic_core', 'annotated_types')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"
