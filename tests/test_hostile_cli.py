"""The command line never answers with a traceback (issue 18, point 10): files and folders it cannot
write, INHERIT loops, dates YAML cannot hold, a terminal that cannot show the text, bad option values.
Each is one line on stderr and exit 2 (usage) or 1 (content)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_cli
from sitehelpers import copy_basic


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_basic(tmp_path / "project")


def _one_line_error(code: int, err: str, expected_code: int = 2, *words: str) -> None:
    assert code == expected_code, err
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("roadmap-gen: error: "), err
    for word in words:
        assert word in lines[0], (word, lines[0])


def test_export_into_a_folder_a_missing_folder_or_a_full_disk(project):
    (project / "out").mkdir()
    _one_line_error(*run_cli("export", project, "-o", project / "out")[::2], 2, "is a folder")
    _one_line_error(*run_cli("export", project, "-o", project / "missing" / "r.json")[::2], 2, "does not exist")
    _one_line_error(*run_cli("export", project, "-o", "/dev/full")[::2], 2, "/dev/full", "No space left on device")


def test_pages_into_a_file(project):
    (project / "file.txt").write_text("x", encoding="utf-8")
    _one_line_error(*run_cli("pages", project, "--out", project / "file.txt")[::2], 2, "is a file")


@pytest.mark.parametrize("args", [("schema", "--all", "--out", "/proc/roadmap-gen-schemas"),
                                  ("init", "/proc/roadmap-gen-init"), ("init", "/dev/full/x")])
def test_schema_and_init_where_nothing_can_be_written(tmp_path, args):
    _one_line_error(*run_cli(*args, cwd=tmp_path)[::2], 2)


def test_an_inherit_loop(tmp_path):
    (tmp_path / "a.yml").write_text("INHERIT: b.yml\nsite_name: x\n", encoding="utf-8")
    (tmp_path / "b.yml").write_text("INHERIT: a.yml\n", encoding="utf-8")
    _one_line_error(*run_cli("check", tmp_path / "a.yml")[::2], 2, "INHERIT loop", "a.yml", "b.yml")


@pytest.mark.parametrize("option,words", [
    ("as_of: 2026-13-45", ("not valid YAML", "month must be in 1..12")),
    ("content_dir: 123", ("content_dir must be a folder name", "123")),
    ("content_dir: missing", ("content folder", "missing", "not found")),
])
def test_bad_plugin_options(project, option, words):
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace("as_of: 2026-11-25", option), encoding="utf-8")
    _one_line_error(*run_cli("check", project)[::2], 2, *words)


def test_a_terminal_that_cannot_encode_the_text(project):
    hyp = project / "content" / "hypotheses" / "setup-checklist.md"
    hyp.write_text(hyp.read_text(encoding="utf-8").replace("team: onboarding", "team: Ström ✓ 日本"),
                   encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "latin-1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    for args in (["export"], ["check"], ["check", "--format", "json"], ["schema", "okr"]):
        proc = subprocess.run([sys.executable, "-m", "roadmap_gen", *args, str(project)] if args[0] != "schema"
                              else [sys.executable, "-m", "roadmap_gen", *args], env=env, capture_output=True)
        assert proc.returncode == 0 and b"Traceback" not in proc.stderr, proc.stderr.decode("latin-1")
    proc = subprocess.run([sys.executable, "-m", "roadmap_gen", "export", str(project)], env=env, capture_output=True)
    assert "Ström ✓ 日本".encode() in proc.stdout  # JSON is UTF-8 whatever the terminal


def test_history_max_commits_must_be_positive(project):
    code, out, err = run_cli("history", project, "--max-commits", "-1")
    assert code == 2 and "must be at least 1" in err and out == ""
    assert run_cli("history", project, "--max-commits", "0")[0] == 2


def test_new_okr_with_a_bad_period_writes_nothing(project):
    code, out, err = run_cli("new", "okr", "bad-period", "--period", "2026-Q5", "--path", project)
    _one_line_error(code, err, 2, "2026-Q5", "not a period")
    assert not (project / "content" / "okrs" / "bad-period.yml").exists()


def test_new_with_an_existing_id_and_init_on_a_non_empty_folder_are_usage_errors(project, tmp_path):
    _one_line_error(*run_cli("new", "theme", "first-value", "--path", project)[::2], 2, "already exists")
    _one_line_error(*run_cli("init", project)[::2], 2, "not empty")

