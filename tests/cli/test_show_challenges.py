"""``show PLAN`` gives each manager's challenge and its answer with who and when, as the
exports do, and tells the reader to answer only while one is waiting (look-b 14)."""

from __future__ import annotations

import re
import shutil

from tests.cli.helpers import run
from tests.conftest import EXAMPLES

READY = "discharge-ready-for-sign-off.toml"
DATED = r"\d\d/\d\d/\d{4} \d\d:\d\d"


def test_show_gives_who_and_when_and_the_instruction_only_while_one_is_open(
        tmp_path, capsys) -> None:
    path = tmp_path / READY
    shutil.copy(EXAMPLES / READY, path)
    assert run(capsys, "submit", str(path))[0] == 0
    ids = []
    for item, text in (("DPM-M02", "Did he attend, or only get a letter?"),
                       ("DPM-H01", "Who saw the baby?")):
        code, out, err = run(capsys, "challenge", str(path), item, "--text", text,
                             "--name", "Pat Manager", "--role", "Team manager")
        assert code == 0, err
        ids.append(re.search(r"challenge (\S+) on", out).group(1))
    assert run(capsys, "respond", str(path), ids[0], "--text",
               "He attended in person (fictional).", "--name", "Drew Demo")[0] == 0

    shown = run(capsys, "show", str(path))[1].split("Manager's challenges", 1)[1]
    lines = shown.splitlines()
    assert lines[0] == (" and the answers (1 not yet answered: answer each with "
                        "'checklist-tui respond PLAN ID --text ...', ID being the one in "
                        "square brackets):")
    assert re.fullmatch(rf"  DPM-M02: challenged by Pat Manager \(Team manager\) on {DATED} "
                        rf"\[{ids[0]}\]: Did he attend, or only get a letter\?", lines[1])
    assert re.fullmatch(rf"    answered by Drew Demo on {DATED}: He attended in person "
                        r"\(fictional\)\.", lines[2])
    assert lines[4] == "    not yet answered"

    assert run(capsys, "respond", str(path), ids[1], "--text", "The ward doctor (fictional).",
               "--name", "Drew Demo")[0] == 0
    shown = run(capsys, "show", str(path))[1]
    assert "Manager's challenges and the answers (all answered):" in shown
    assert "respond PLAN ID" not in shown and "not yet answered" not in shown
