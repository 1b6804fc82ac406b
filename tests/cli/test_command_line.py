"""The command line behaving like the good ones (issue 10, item 16)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli
from workshop.cli.commands import COMMAND_NAMES, FOLLOWUP_COMMAND_NAMES, build_parser
from workshop.store.session_text import load_session


def test_version_prints_the_installed_version(workshop: RunCli) -> None:
    shown = workshop("--version")
    assert (shown.exit_code, shown.out, shown.err) == (0, f"workshop {version('workshop')}\n", "")


def test_sessions_json_lists_what_the_table_lists(workshop: RunCli, tmp_path: Path) -> None:
    path = Path(
        workshop("new", "Kick-off \x1b[2J", "--team", "Desk", "--dir", tmp_path).out.strip()
    )
    workshop("idea", "add", path, "One idea")

    listed = workshop("sessions", "--dir", tmp_path, "--json")

    assert listed.exit_code == 0
    assert "\x1b" not in listed.out  # JSON escapes it as \u001b
    assert json.loads(listed.out) == [
        {
            "file": path.name,
            "path": str(path),
            "date": load_session(path).date.isoformat(),
            "title": "Kick-off \x1b[2J",
            "team": "Desk",
            "agenda": load_session(path).agenda.title,
            "ideas": 1,
            "actions": 0,
        }
    ]
    assert json.loads(workshop("sessions", "--dir", tmp_path / "empty", "--json").out or "[]") == []


def test_agendas_json_lists_what_the_table_lists(workshop: RunCli) -> None:
    listed = workshop("agendas", "--json")
    assert listed.exit_code == 0
    agendas = json.loads(listed.out)
    assert [a["name"] for a in agendas] == ["customer-focus", "pulse", "quarterly-review"]
    assert set(agendas[0]) == {"name", "title", "level", "minutes", "path"}
    assert isinstance(agendas[0]["minutes"], int) and agendas[0]["minutes"] > 60


def test_option_values_may_start_with_a_dash(workshop: RunCli, session_path: Path) -> None:
    added = workshop(
        "action", "add", session_path, "Fewer late payments", "--owner", "-Ana-",
        "--horizon", "3m", "--measure", "-10%",
    )  # fmt: skip
    assert (added.exit_code, added.err) == (0, "")
    action = load_session(session_path).actions[0]
    assert (action.measure, action.owner) == ("-10%", "-Ana-")
    idea = workshop("idea", "add", session_path, "Tagged", "--tag", "-x", "--author", "-")
    assert idea.exit_code == 0, idea.err
    assert load_session(session_path).ideas[0].author == "-"


def test_a_text_that_starts_with_a_dash_is_shown_the_way_to_give_it(
    workshop: RunCli, session_path: Path
) -> None:
    # argparse reads a one-word '-10%' as an unknown option and then says TEXT is missing,
    # which is true but no help: the error says what happened and what to type instead.
    refused = workshop("idea", "add", session_path, "-10%")
    assert refused.exit_code == 2
    assert "required: TEXT" in refused.error_line
    assert "'-10%' was read as an option; give it after '--'" in refused.error_line
    assert workshop("idea", "add", session_path, "--", "-10%").exit_code == 0
    assert [idea.text for idea in load_session(session_path).ideas] == ["-10%"]

    missing = workshop("idea", "add", session_path)  # nothing read as an option: no advice
    assert "'--'" not in missing.error_line


def test_a_session_named_as_sessions_prints_it_is_found_by_every_command(
    workshop: RunCli, session_path: Path
) -> None:
    name = workshop("sessions").out.splitlines()[1].split()[-1]
    assert name == session_path.name

    assert workshop("idea", "add", name, "Found by name").exit_code == 0
    assert workshop("idea", "add", session_path.stem, "Found by stem").exit_code == 0
    added = workshop("action", "add", name, "Act", "--owner", "Al", "--horizon", "3m")
    assert added.exit_code == 0, added.err
    exported = workshop("export", name, "--format", "json")
    assert exported.exit_code == 0, exported.err
    assert [i["text"] for i in json.loads(exported.out)["ideas"]] == [
        "Found by name",
        "Found by stem",
    ]
    carried = workshop("new", "Next quarter", "--carry-from", name)
    assert carried.exit_code == 0, carried.err
    assert len(load_session(Path(carried.out.strip())).actions) == 1


def test_a_session_name_is_found_in_the_folder_given_by_dir(
    workshop: RunCli, tmp_path: Path
) -> None:
    path = Path(workshop("new", "Elsewhere", "--dir", tmp_path).out.strip())
    added = workshop("idea", "add", path.name, "Found there", "--dir", tmp_path)
    assert added.exit_code == 0, added.err
    assert [i.text for i in load_session(path).ideas] == ["Found there"]
    missing = workshop("idea", "add", path.name, "Not here")
    assert (missing.exit_code, missing.error_line) == (
        2,
        f"workshop: {path.name}: no such file",
    )


@pytest.mark.parametrize(
    ("title", "ending"),
    [
        ("Équipe Zoë", "-equipe-zoe.toml"),
        ("Straße über Köln", "-strasse-uber-koln.toml"),
        ("顧客", "-guke.toml"),
        ("!!!", "-session.toml"),
    ],
)
def test_file_names_for_non_ascii_titles_are_transliterated(
    workshop: RunCli, title: str, ending: str
) -> None:
    created = workshop("new", title)
    assert created.exit_code == 0
    assert Path(created.out.strip()).name.endswith(ending)


def all_commands() -> list[list[str]]:
    parser = build_parser()
    commands = []
    for name in (*COMMAND_NAMES, *FOLLOWUP_COMMAND_NAMES):
        commands.append([name])
    commands += [["agenda", "check"], ["idea", "add"], ["action", "add"]]
    assert parser is not None
    return commands


@pytest.mark.parametrize("command", all_commands(), ids=" ".join)
def test_every_command_s_help_has_a_description_and_an_example(
    workshop: RunCli, command: list[str]
) -> None:
    shown = workshop(*command, "--help")
    assert shown.exit_code == 0
    usage, description = shown.out.split("\n\n")[:2]
    assert usage.startswith(f"usage: workshop {' '.join(command)}")
    assert len(description.split()) >= 4, description
    examples = re.split(r"\nexamples?:", shown.out, maxsplit=1)[1]
    assert f"workshop {command[0]}" in examples


def test_bash_completion_completes_commands_and_choices(workshop: RunCli, tmp_path: Path) -> None:
    script = workshop("completion", "bash")
    assert script.exit_code == 0
    if shutil.which("bash") is None:
        pytest.skip("no bash here to run the completion script")
    (tmp_path / "workshop.bash").write_text(script.out, encoding="utf-8")

    def complete(*words: str) -> list[str]:
        line = " ".join(("workshop", *words))
        probe = textwrap.dedent(
            f"""
            cd {tmp_path / "here"}
            source {tmp_path / "workshop.bash"}
            COMP_WORDS=(workshop {" ".join(repr(w) if w else '""' for w in words)})
            COMP_CWORD={len(words)}
            COMP_LINE={line!r}
            COMP_POINT={len(line)}
            _shtab_workshop
            printf '%s\\n' "${{COMPREPLY[@]}}"
            """
        )
        done = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        return done.stdout.split()

    (tmp_path / "here" / "plans").mkdir(parents=True)
    (tmp_path / "here" / "plan.md").write_text("", encoding="utf-8")
    (tmp_path / "here" / "s.toml").write_text("", encoding="utf-8")

    assert sorted(complete("se")) == ["serve", "sessions"]
    assert complete("ses") == ["sessions"]
    assert complete("action", "add", "s.toml", "T", "--horizon", "") == ["3m", "6m", "beyond"]
    assert "--format" in complete("report", "--f")
    assert complete("export", "s.toml", "--table", "") == ["ideas", "themes", "actions", "ratings"]
    # Files where a command takes a file (SESSION, --output, an agenda), folders for --dir.
    assert complete("export", "s.") == ["s.toml"]
    assert sorted(complete("open", "")) == ["plan.md", "plans", "s.toml"]
    assert sorted(complete("export", "s.toml", "--output", "pla")) == ["plan.md", "plans"]
    assert complete("new", "T", "--carry-from", "s") == ["s.toml"]
    assert complete("agenda", "check", "s") == ["s.toml"]
    assert complete("report", "--dir", "p") == ["plans"]


def test_zsh_completion_is_a_zsh_completion_function(workshop: RunCli, tmp_path: Path) -> None:
    script = workshop("completion", "zsh")
    assert script.exit_code == 0
    assert script.out.startswith("#compdef workshop")
    assert "sessions" in script.out and "--carry-from" in script.out
    if shutil.which("zsh") is None:
        return  # its syntax is checked where zsh is installed
    (tmp_path / "_workshop").write_text(script.out, encoding="utf-8")
    checked = subprocess.run(["zsh", "-n", str(tmp_path / "_workshop")], capture_output=True)
    assert checked.returncode == 0, checked.stderr


def test_help_and_idea_add_import_none_of_the_new_libraries(tmp_path: Path) -> None:
    script = f"""
import sys
from workshop import cli
assert cli.main(["--help"]) == 0
assert cli.main(["new", "Light", "--dir", {str(tmp_path)!r}]) == 0
path = next(__import__("pathlib").Path({str(tmp_path)!r}).glob("*.toml"))
assert cli.main(["idea", "add", str(path), "An idea"]) == 0
heavy = sorted(
    name for name in ("shtab", "anyascii", "json") if name in sys.modules
)
assert not heavy, heavy
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
