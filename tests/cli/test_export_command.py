"""`workshop export`: where it may write, what it writes, and its options."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from tests.cli.conftest import RunCli
from workshop.store.session_text import load_session


def _add_ideas(workshop: RunCli, session_path: Path) -> None:
    assert workshop("idea", "add", session_path, "Hold music on a loop").exit_code == 0
    assert workshop("idea", "add", session_path, "Invoices, late").exit_code == 0


# --- where an export may be written (#10.1) --------------------------------------------------


def test_export_onto_its_own_session_is_refused_and_the_session_kept(
    workshop: RunCli, session_path: Path
) -> None:
    _add_ideas(workshop, session_path)
    before = session_path.read_bytes()
    for extra in ([], ["--force"]):
        refused = workshop("export", session_path, "--output", session_path, *extra)
        assert (refused.exit_code, refused.out) == (2, "")
        assert refused.error_line.startswith(f"workshop: {session_path}: ")
        assert "session" in refused.error_line
    assert session_path.read_bytes() == before
    assert len(load_session(session_path).ideas) == 2


def test_export_onto_another_session_file_is_refused_even_with_force(
    workshop: RunCli, session_path: Path
) -> None:
    other = Path(workshop("new", "Another one", "--team", "Sales").out.strip())
    before = other.read_bytes()
    for extra in ([], ["--force"]):
        refused = workshop("export", session_path, "--output", other, "--format", "md", *extra)
        assert refused.exit_code == 2
        assert refused.error_line.startswith(f"workshop: {other}: ")
    assert other.read_bytes() == before


def test_a_renamed_session_file_is_recognised_by_its_content(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    other = Path(workshop("new", "Another one").out.strip())
    renamed = tmp_path / "notes.md"
    renamed.write_bytes(other.read_bytes())
    refused = workshop("export", session_path, "--output", renamed, "--force")
    assert refused.exit_code == 2
    assert renamed.read_bytes() == other.read_bytes()


def test_a_file_that_is_not_an_export_needs_force(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "plan.md"
    target.write_text("My own notes, typed by hand.\n", encoding="utf-8")
    refused = workshop("export", session_path, "--output", target)
    assert (refused.exit_code, refused.out) == (2, "")
    assert refused.error_line == (
        f"workshop: {target}: exists and is not an earlier export; choose another --output, "
        "or give --force to replace it"
    )
    assert target.read_text(encoding="utf-8") == "My own notes, typed by hand.\n"
    forced = workshop("export", session_path, "--output", target, "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!-- workshop-export")


@pytest.mark.parametrize(
    ("name", "extra"),
    [
        ("plan.md", []),
        ("plan.html", []),
        ("plan.json", []),
        ("ideas.csv", []),
        ("themes.csv", ["--table", "themes"]),
        ("ratings.csv", ["--table", "ratings", "--excel"]),
    ],
)
def test_an_earlier_export_is_replaced_in_every_format(
    workshop: RunCli, session_path: Path, tmp_path: Path, name: str, extra: list[str]
) -> None:
    target = tmp_path / name
    first = workshop("export", session_path, "--output", target, *extra)
    assert first.exit_code == 0, first.err
    workshop("idea", "add", session_path, "Added after the first export")
    again = workshop("export", session_path, "--output", target, *extra)
    assert again.exit_code == 0, again.err
    if "--table" not in extra:
        assert "Added after the first export" in target.read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


def test_an_export_file_is_written_atomically_and_private(
    workshop: RunCli, session_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.md"
    workshop("export", session_path, "--output", target)
    earlier = target.read_bytes()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    failed = workshop("export", session_path, "--output", target)
    assert failed.exit_code == 1
    assert "No space left on device" in failed.error_line
    assert target.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_replacing_an_export_keeps_the_mode_its_owner_gave_it(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    # A plan made readable to the team (chmod 644) stays readable after the next export, as a
    # session file keeps its mode when it is saved; a new export is private.
    target = tmp_path / "plan.md"
    workshop("export", session_path, "--output", target)
    target.chmod(0o644)
    again = workshop("export", session_path, "--output", target)
    assert again.exit_code == 0, again.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    notes = tmp_path / "notes.md"
    notes.write_text("mine\n", encoding="utf-8")
    notes.chmod(0o640)
    assert workshop("export", session_path, "--output", notes, "--force").exit_code == 0
    assert stat.S_IMODE(notes.stat().st_mode) == 0o640


def test_an_output_in_a_folder_that_is_not_there_is_exit_2(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    # "2 ... a folder that is not there" (README), as for --dir; and the message says which.
    missing = tmp_path / "no-such-folder"
    refused = workshop("export", session_path, "--output", missing / "plan.md")
    assert (refused.exit_code, refused.out) == (2, "")
    assert refused.error_line == f"workshop: {missing}: no such folder"
    assert not missing.exists()


def test_a_folder_or_a_toml_file_is_never_an_export_target(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert workshop("export", session_path, "--output", folder, "--force").exit_code == 2
    toml = tmp_path / "settings.toml"
    toml.write_text("theme = 'light'\n", encoding="utf-8")
    assert workshop("export", session_path, "--output", toml, "--force").exit_code == 2
    assert toml.read_text(encoding="utf-8") == "theme = 'light'\n"


# --- options (#10.16, #10.9, #10.11) ------------------------------------------------------------


def test_output_dash_is_stdout(workshop: RunCli, session_path: Path, tmp_path: Path) -> None:
    _add_ideas(workshop, session_path)
    to_stdout = workshop("export", session_path, "--output", "-")
    assert to_stdout.exit_code == 0
    assert to_stdout.out == workshop("export", session_path).out
    assert "Hold music on a loop" in to_stdout.out
    assert not (Path.cwd() / "-").exists()


def test_table_implies_csv(workshop: RunCli, session_path: Path) -> None:
    _add_ideas(workshop, session_path)
    themes = workshop("export", session_path, "--table", "ideas")
    assert themes.exit_code == 0, themes.err
    rows = list(csv.DictReader(io.StringIO(themes.out)))
    assert [row["text"] for row in rows] == ["Hold music on a loop", "Invoices, late"]
    with_md = workshop("export", session_path, "--format", "md", "--table", "ideas")
    assert with_md.exit_code == 2
    assert with_md.error_line == "workshop: export: --table applies to --format csv only"


def test_excel_csv_has_a_bom_and_crlf(workshop: RunCli, session_path: Path, tmp_path: Path) -> None:
    workshop("idea", "add", session_path, "Zoë's invoice")
    target = tmp_path / "ideas.csv"
    assert workshop("export", session_path, "--excel", "--output", target).exit_code == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfsession_date,session_title,team,idea_id,")
    assert data.count(b"\r\n") == 2 and data.count(b"\n") == 2
    assert "Zoë's invoice" in data.decode("utf-8-sig")
    plain = workshop("export", session_path, "--table", "ideas")
    assert not plain.out.startswith("\ufeff") and "\r\n" not in plain.out


def test_hidden_ideas_are_left_out_of_every_format_unless_asked(
    workshop: RunCli, session_path: Path, tmp_path: Path
) -> None:
    from workshop.core import ops
    from workshop.store.session_file import SessionFile

    workshop("idea", "add", session_path, "Shown to all")
    workshop("idea", "add", session_path, "Ben never answers the phone")
    SessionFile.open(session_path).change(lambda s: ops.set_hidden(s, "i2", True))
    for export_format in ("md", "csv", "json", "html"):
        shown = workshop("export", session_path, "--format", export_format)
        assert shown.exit_code == 0, shown.err
        assert "Shown to all" in shown.out
        assert "Ben never answers" not in shown.out, export_format
        kept = workshop("export", session_path, "--format", export_format, "--include-hidden")
        assert "Ben never answers the phone" in kept.out, export_format
    ideas = json.loads(workshop("export", session_path, "--format", "json").out)["ideas"]
    assert [idea["id"] for idea in ideas] == ["i1"]


def test_the_command_line_knows_the_exports_formats_and_tables() -> None:
    from workshop.cli.parser import CSV_TABLE_NAMES, EXPORT_FORMATS
    from workshop.export import CSV_TABLES, FORMATS

    assert EXPORT_FORMATS == FORMATS
    assert CSV_TABLE_NAMES == CSV_TABLES


# --- one export for the command and the screen (#10.10) ---------------------------------------


def test_the_command_fills_previous_like_the_screen_and_gives_the_same_text(
    workshop: RunCli, tmp_path: Path
) -> None:
    from datetime import date

    from tests.sample_session import sample_session
    from workshop.core.models import Rating
    from workshop.export.beside import export_markdown_beside
    from workshop.store.session_file import SessionFile

    earlier = sample_session()
    earlier.date = date(2024, 11, 5)
    earlier.title = "Autumn"
    earlier.ratings = [
        Rating(activity="benchmark", participant="p1", criterion="knowledge", score=2),
        Rating(activity="benchmark", participant="p2", criterion="knowledge", score=3),
    ]
    SessionFile.create(tmp_path / "2024-11-05-autumn.toml", earlier)
    later_path = tmp_path / "2025-03-04-spring.toml"
    SessionFile.create(later_path, sample_session())

    exported = workshop("export", later_path, "--format", "md")
    assert exported.exit_code == 0, exported.err
    # Earlier mean (2 + 3) / 2 = 2.5; now 3.5: up by one.
    assert "2.50 (+1.00)" in exported.out
    beside = export_markdown_beside(later_path, load_session(later_path))
    assert beside.read_text(encoding="utf-8") == exported.out


def test_the_screen_export_leaves_a_hand_written_file_alone(tmp_path: Path) -> None:
    from tests.sample_session import sample_session
    from workshop.export.beside import export_markdown_beside
    from workshop.export.writing import ExportRefusedError
    from workshop.store.session_file import SessionFile

    session_path = tmp_path / "spring.toml"
    SessionFile.create(session_path, sample_session())
    notes = tmp_path / "spring.md"
    notes.write_text("Notes I wrote before the session\n", encoding="utf-8")
    with pytest.raises(ExportRefusedError, match="not an earlier export"):
        export_markdown_beside(session_path, sample_session())
    assert notes.read_text(encoding="utf-8") == "Notes I wrote before the session\n"
    notes.unlink()
    assert export_markdown_beside(session_path, sample_session()) == notes
    assert export_markdown_beside(session_path, sample_session()) == notes  # replaced: an export


def test_excel_to_stdout_has_the_bom_once_in_a_real_process(
    workshop: RunCli, session_path: Path
) -> None:
    import subprocess
    import sys

    workshop("idea", "add", session_path, "Zoë")
    done = subprocess.run(
        [sys.executable, "-m", "workshop", "export", str(session_path), "--excel"],
        capture_output=True,
        env=os.environ.copy(),
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbfsession_date,")
    assert done.stdout.count(b"\xef\xbb\xbf") == 1
    assert done.stdout.endswith(b",false,0\r\n")
    assert "Zoë".encode() in done.stdout


def test_report_as_html_from_the_command_line(workshop: RunCli, session_path: Path) -> None:
    shown = workshop("report", "--format", "html")
    assert shown.exit_code == 0, shown.err
    assert shown.out.startswith("<!DOCTYPE html>")
    assert "<h1>Follow-through report</h1>" in shown.out


@pytest.mark.parametrize(
    "content",
    ["{}", "{", "", "\n", "<!-- a comment, but not ours -->\n", '{"generator": "someone"}\n'],
)
def test_short_or_odd_files_are_not_taken_for_exports(
    workshop: RunCli, session_path: Path, tmp_path: Path, content: str
) -> None:
    target = tmp_path / "out.json"
    target.write_text(content, encoding="utf-8")
    refused = workshop("export", session_path, "--output", target)
    assert (refused.exit_code, refused.error_line) == (
        2,
        f"workshop: {target}: exists and is not an earlier export; choose another --output, "
        "or give --force to replace it",
    )
    assert target.read_text(encoding="utf-8") == content


def test_export_finds_a_session_by_name_in_dir(workshop: RunCli, tmp_path: Path) -> None:
    created = workshop("new", "Elsewhere", "--dir", tmp_path)
    name = Path(created.out.strip()).name
    exported = workshop("export", name, "--dir", tmp_path, "--format", "json")
    assert exported.exit_code == 0, exported.err
    assert json.loads(exported.out)["title"] == "Elsewhere"
