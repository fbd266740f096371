"""#8.3: top-level --plans-dir/--checklists reach every subcommand; #8.7: checklist text
never drives the terminal; #8.8: export never replaces a special file."""

from __future__ import annotations

import os
import re
import shutil

import pytest

from checklist_tui.cli import main
from checklist_tui.core import store
from checklist_tui.core.catalogue import load_catalogue
from checklist_tui.core.edit import set_answer
from tests.conftest import DATA, NOW

ESC = "\x1b"
OSC8 = f"{ESC}]8;;http://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\"
OSC52 = f"{ESC}]52;c;ZXZpbA==\x07"
CSI = f"{ESC}[2J\x9b31m\r\x08"


def _toml_escape(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f else
                   ("\\\\" if c == "\\" else c) for c in text)


@pytest.fixture
def hostile(tmp_path):
    """A checklist someone shared, with escapes in its title, prompt and rule message."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    text = (DATA / "good" / "mini.toml").read_text()
    text = text.replace('title = "Mini test checklist"',
                        f'title = "Mini {_toml_escape(OSC8 + OSC52)}"')
    text = text.replace('prompt = "Is either parent looked after or a care leaver?"',
                        f'prompt = "Looked after? {_toml_escape(CSI)}"')
    text = text.replace('message = "The father is not identified."',
                        f'message = "Not identified {_toml_escape(OSC8)}"')
    (folder / "mini.toml").write_text(text)
    return folder


def _no_controls(text: str) -> None:
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f]
    assert not bad, f"raw control characters reached the terminal: {bad!r}"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_hostile_checklist_text_is_inert_in_every_command(hostile, tmp_path, capsys) -> None:
    plans = tmp_path / "p"
    code, out, err = _run(capsys, "--checklists", str(hostile), "--plans-dir", str(plans),
                          "list")
    assert code == 0 and "\\x1b]8;;http://evil.example/" in out
    _no_controls(out + err)
    code, out, err = _run(capsys, "--checklists", str(hostile), "--plans-dir", str(plans),
                          "new", "mini", "--case-ref", "H-1", "--edd", "20/05/2027",
                          "--no-open")
    assert code == 0
    _no_controls(out + err)
    plan = store.list_plans(plans)[0].path
    loaded = store.load(plan)
    checklist = load_catalogue([hostile]).get("mini").checklist
    set_answer(loaded.plan, checklist, "father_known", "no", by="tester", now=NOW)
    store.save(loaded)
    for argv in (["show", str(plan)], ["export", str(plan), "-o", "-"],
                 ["export", str(plan), "--format", "html", "-o", "-"]):
        code, out, err = _run(capsys, "--checklists", str(hostile), *argv)
        assert code == 0, err
        _no_controls(out + err)
    code, out, _err = _run(capsys, "--checklists", str(hostile), "show", str(plan))
    assert "Looked after? \\x1b[2J\\x9b31m\\x0d\\x08" in out and "Not identified \\x1b]8;;" in out


def test_validate_echoes_invalid_values_inertly(tmp_path, capsys) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    text = (DATA / "good" / "mini.toml").read_text()
    text = text.replace('equals = "yes"', f'equals = "y{_toml_escape(OSC52)}"')
    (folder / "bad.toml").write_text(text)
    code, out, err = _run(capsys, "validate", str(folder))
    assert code == 1 and "\\x1b]52" in err
    _no_controls(out + err)
    code, out, err = _run(capsys, "--checklists", str(folder), "list")
    assert "warning" in err and "\\x1b]52" in err
    _no_controls(out + err)


def test_the_control_check_can_fail() -> None:
    with pytest.raises(AssertionError):
        _no_controls(OSC8)


def test_top_level_plans_dir_is_honoured_by_new_and_show(tmp_path, capsys) -> None:
    plans = tmp_path / "elsewhere"
    code, out, _ = _run(capsys, "--plans-dir", str(plans), "new", "discharge-planning-meeting",
                        "--case-ref", "TOP-1", "--edd", "20/05/2027", "--no-open")
    assert code == 0 and out.strip().startswith(str(plans))
    assert not (tmp_path / "plans").exists() or not list((tmp_path / "plans").glob("*.toml"))
    name = store.list_plans(plans)[0].path.name
    code, out, err = _run(capsys, "--plans-dir", str(plans), "show", name)
    assert code == 0, err
    code, out, err = _run(capsys, "--plans-dir", str(plans), "export", name, "-o", "-")
    assert code == 0, err


def test_top_level_checklists_is_honoured_by_validate_list_and_new(tmp_path, capsys) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(DATA / "broken", broken)
    code, _out, err = _run(capsys, "--checklists", str(broken), "validate")
    assert code == 1 and re.search(r"\d+ problems? found", err)
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(DATA / "good" / "mini.toml", good)
    code, out, _ = _run(capsys, "--checklists", str(good), "list")
    assert code == 0 and "mini" in out
    code, out, err = _run(capsys, "--checklists", str(good), "new", "mini", "--case-ref", "M-1",
                          "--edd", "20/05/2027", "--no-open")
    assert code == 0, err


def test_folders_before_and_after_the_subcommand_combine(tmp_path, capsys) -> None:
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(DATA / "good" / "mini.toml", good)
    other = tmp_path / "other"
    other.mkdir()
    code, out, _ = _run(capsys, "--checklists", str(good), "list", "--checklists", str(other))
    assert code == 0 and "mini" in out
    code, out, _ = _run(capsys, "--plans-dir", str(tmp_path / "a"), "new", "mini",
                        "--checklists", str(good), "--plans-dir", str(tmp_path / "b"),
                        "--case-ref", "B-1", "--edd", "20/05/2027", "--no-open")
    assert code == 0 and out.strip().startswith(str(tmp_path / "b"))


def _plan(capsys) -> str:
    assert main(["new", "discharge-planning-meeting", "--case-ref", "X-1", "--edd", "20/05/2027",
                 "--no-open"]) == 0
    return capsys.readouterr().out.strip()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_export_never_replaces_a_fifo_even_with_force(tmp_path, capsys) -> None:
    plan = _plan(capsys)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _out, err = _run(capsys, "export", plan, "-o", str(fifo), "--force")
    assert code == 1 and "not a regular file" in err
    assert fifo.is_fifo()


def test_export_never_replaces_a_device_even_with_force(tmp_path, capsys) -> None:
    plan = _plan(capsys)
    link = tmp_path / "null"
    link.symlink_to(os.devnull)
    code, _out, err = _run(capsys, "export", plan, "-o", str(link), "--force")
    assert code == 1 and "not a regular file" in err
    assert link.is_symlink() and os.readlink(link) == os.devnull


def test_export_never_replaces_a_folder_with_its_default_name(tmp_path, capsys) -> None:
    plan = _plan(capsys)
    code, out, _ = _run(capsys, "export", plan, "-o", str(tmp_path))
    written = tmp_path / out.strip().rsplit("/", 1)[1]
    written.unlink()
    written.mkdir()
    code, _out, err = _run(capsys, "export", plan, "-o", str(tmp_path), "--force")
    assert code == 1 and "not a regular file" in err and written.is_dir()


def test_export_replaces_a_regular_file_only_with_force(tmp_path, capsys) -> None:
    plan = _plan(capsys)
    target = tmp_path / "out.md"
    target.write_text("old")
    code, _out, err = _run(capsys, "export", plan, "-o", str(target))
    assert code == 1 and "already exists; use --force" in err and target.read_text() == "old"
    code, _out, err = _run(capsys, "export", plan, "-o", str(target), "--force")
    assert code == 0 and target.read_text().startswith("#")
