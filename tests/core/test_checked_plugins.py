"""The plan's validators (``core.checked``) use no pydantic plugin, and each is built once
whichever thread asks first (#12.2: the first answer typed at the paint waited for both)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from checklist_tui.core import checked

ROOT = Path(__file__).resolve().parents[2]

#: A fresh interpreter in which a pydantic plugin is installed (as if a package in the
#: same environment declared one): it notes every validator it is offered.
WITH_A_PLUGIN = """
import json
from datetime import datetime, timezone
from pydantic.plugin import _loader

offered = []

class Spy:
    def new_schema_validator(self, schema, schema_type, *rest):
        offered.append(getattr(schema_type, "__name__", str(schema_type)))
        return None, None, None

_loader._plugins = {"spy": Spy()}  # what pydantic found among the entry points

from checklist_tui.core.plan import Answer

Answer(value="yes", answered_at=datetime(2026, 11, 27, tzinfo=timezone.utc),
       answered_by="Test Worker")
print(json.dumps(offered))
"""


def test_no_pydantic_plugin_is_handed_a_plans_values() -> None:
    """A plugin installed beside the app would be given every answer, name and note
    validated (special-category personal data): none is ever used, and none is looked for
    (the look read every installed package's metadata at a first edit)."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", WITH_A_PLUGIN], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_a_validator_is_built_once_while_others_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The warming thread builds the validators while the first key may ask for one: the
    second asker waits for the one being built (the lock is held while it is built)
    instead of building it again beside it."""
    built: list[bool] = []

    class Counted:
        def __init__(self, model: type) -> None:
            built.append(checked._BUILDING._is_owned())  # type: ignore[attr-defined]

    class Model(checked.Strict):
        name: str = ""

    monkeypatch.setattr(checked, "TypeAdapter", Counted)
    found = []
    threads = [threading.Thread(target=lambda: found.append(checked.adapter(Model)))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert built == [True]
    assert len(found) == 4 and all(f is found[0] for f in found)
    monkeypatch.delitem(checked._ADAPTERS, Model)


FIRST_VALIDATOR = """
import json, sys
from datetime import datetime, timezone
from checklist_tui.core.plan import Answer

Answer(value="yes", answered_at=datetime(2026, 11, 27, tzinfo=timezone.utc),
       answered_by="Test Worker")
print(json.dumps(sorted(m for m in sys.modules if m.startswith("importlib.metadata"))))
"""


def test_the_first_validator_does_not_load_the_plugin_finder() -> None:
    """pydantic's plugin finder imports ``importlib.metadata`` (about 35 ms of a first
    answer typed at the paint): a stand-in that finds none is used instead."""
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run([sys.executable, "-c", FIRST_VALIDATOR], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
