"""The roadmap-gen command line, run as a real subprocess."""
from __future__ import annotations

import json
import re

import pytest

from conftest import BASIC, REPO, make_roadmap, run_cli, without_findings

BROKEN = {
    "roadmap.yml": "title: T\nvision: V\nmission: M\nreveiw: monthly\n",
    "themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n",
}
BROKEN_LINES = [
    "content/roadmap.yml:4:1: unknown key `reveiw` in roadmap",
    "content/themes/t.md:3:8: `stage` refers to unknown stage `onbord` (did you mean `onboard`?)",
]


def test_check_clean_exits_0():
    code, out, err = run_cli("check", BASIC)
    assert code == 0, out + err
    assert out and without_findings(out) == []  # the basic fixture has roadmap health findings, no problem
    assert "0 errors" in err and "as of 2026-11-25" in err


def test_check_content_errors_exit_1(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, err = run_cli("check", cwd=root)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 2
    for line, expected in zip(lines, BROKEN_LINES):
        assert line.startswith(expected)
    assert "2 errors" in err


def test_check_paths_are_relative_to_the_working_folder(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, _ = run_cli("check", "roadmap", cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0].startswith("roadmap/content/roadmap.yml:4:1: ")


@pytest.mark.parametrize("args", [
    ("check", "--no-such-option"),
    ("frobnicate",),
    (),
    ("check", "does-not-exist"),
    ("check", ".", "--as-of", "2026-13-01"),
    ("check", ".", "--as-of", "tomorrow"),
    ("check", ".", "--as-of", "20261125"),
    ("export", ".", "--as-of", "2026-02-30"),
    ("check", ".", "--audience", "everyone"),
    ("check", ".", "--format", "xml"),
])
def test_usage_errors_exit_2(tmp_path, args):
    root = make_roadmap(tmp_path)
    code, out, err = run_cli(*args, cwd=root)
    assert code == 2, (out, err)
    assert out == ""
    assert "error" in err and "Traceback" not in err


def test_nonexistent_path_names_it(tmp_path):
    code, _, err = run_cli("check", tmp_path / "nope")
    assert code == 2
    assert "nope: no such file or folder" in err


def test_folder_without_roadmap_is_a_usage_error(tmp_path):
    code, _, err = run_cli("check", tmp_path)
    assert code == 2
    assert "no mkdocs.yml and no roadmap.yml" in err


def test_format_github_prints_annotations_and_plain_lines(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, _ = run_cli("check", "--format", "github", cwd=root)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == 4
    assert lines[0] == "::error file=content/roadmap.yml,line=4,col=1::unknown key `reveiw` in roadmap (did you mean `review`?)"
    assert lines[1].startswith(BROKEN_LINES[0])
    assert re.fullmatch(r"::error file=content/themes/t\.md,line=3,col=8::`stage` refers to unknown stage .*", lines[2])
    assert lines[3].startswith(BROKEN_LINES[1])


def test_format_github_escapes_property_values(tmp_path):
    root = make_roadmap(tmp_path, {"themes/a,b.md": "---\ntitle: T\nstage: onboard\nhorizon: now\n---\n"})
    code, out, _ = run_cli("check", "--format", "github", cwd=root)
    assert code == 1
    assert out.splitlines()[0].startswith("::error file=content/themes/a%2Cb.md,line=1,col=1::")


def test_format_json(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, _ = run_cli("check", "--format", "json", cwd=root)
    assert code == 1
    data = json.loads(out)
    assert data["ok"] is False and data["errors"] == 2 and data["warnings"] == 0
    d = data["diagnostics"]
    assert [(x["path"], x["line"], x["column"], x["severity"]) for x in d] == [
        ("content/roadmap.yml", 4, 1, "error"), ("content/themes/t.md", 3, 8, "error")]
    assert "did you mean `review`?" in d[0]["message"]


def test_format_json_clean():
    code, out, _ = run_cli("check", BASIC, "--format", "json")
    assert code == 0
    data = json.loads(out)
    findings = data.pop("findings")
    assert data == {"ok": True, "errors": 0, "warnings": 0, "diagnostics": [], "dropped": []}
    assert findings and all(set(f) == {"rule", "path", "line", "column", "message", "item"} for f in findings)


MKDOCS_WITH_TAGS = """\
site_name: Tagged
site_url: !ENV [SITE_URL, "https://example.com/"]
theme:
  name: material
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
plugins:
  - search
  - outcome-roadmap:
      content_dir: roadmap-src
      as_of: !ENV [ROADMAP_AS_OF, 2026-03-04]
"""


def test_check_honours_mkdocs_options_despite_tags(tmp_path):
    root = make_roadmap(tmp_path, {"../mkdocs.yml": MKDOCS_WITH_TAGS})  # root/content is clean: a decoy
    src = make_roadmap(tmp_path / "src", {"themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n"})
    (src / "content").rename(root / "roadmap-src")
    code, out, err = run_cli("check", root, cwd=tmp_path)
    assert code == 1, err
    assert out.startswith("roadmap/roadmap-src/themes/t.md:3:8: `stage` refers to unknown stage `onbord`")
    assert "as of 2026-03-04" in err
    code, out, err = run_cli("check", root, cwd=tmp_path, env={"ROADMAP_AS_OF": "2026-05-06"})
    assert "as of 2026-05-06" in err
    # the mkdocs.yml file itself may be given, and --as-of overrides the option
    code, out, err = run_cli("check", root / "mkdocs.yml", "--as-of", "2026-07-08", cwd=tmp_path)
    assert code == 1 and "as of 2026-07-08" in err


def test_export_honours_as_of_option(tmp_path):
    root = make_roadmap(tmp_path, {"../mkdocs.yml": "site_name: x\nplugins:\n  - outcome-roadmap:\n      as_of: '2026-03-04'\n"})
    code, out, err = run_cli("export", root)
    assert code == 0, err
    assert json.loads(out)["as_of"] == "2026-03-04"


def test_check_bare_content_folder(tmp_path):
    root = make_roadmap(tmp_path)
    code, out, err = run_cli("check", root / "content")
    assert code == 0, out + err
    code, out, err = run_cli("check", cwd=root / "content")
    assert code == 0, out + err


def test_bare_content_folder_errors_are_relative_to_cwd(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, _ = run_cli("check", cwd=root / "content")
    assert code == 1
    assert out.splitlines()[0].startswith("roadmap.yml:4:1: unknown key `reveiw`")


def test_as_of_from_source_date_epoch(tmp_path):
    root = make_roadmap(tmp_path)
    code, out, _ = run_cli("export", root, env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert code == 0 and json.loads(out)["as_of"] == "2026-01-01"


def test_bad_as_of_option_is_a_usage_error(tmp_path):
    root = make_roadmap(tmp_path, {"../mkdocs.yml": "site_name: x\nplugins:\n  - outcome-roadmap:\n      as_of: '2026-13-01'\n"})
    code, out, err = run_cli("check", root)
    assert code == 2, err
    assert "Traceback" not in err and "as_of" in err


def test_as_of_option_read_as_a_number_is_a_usage_error(tmp_path):
    root = make_roadmap(tmp_path, {"../mkdocs.yml": "site_name: x\nplugins:\n  - outcome-roadmap:\n      as_of: 20261125\n"})
    code, out, err = run_cli("check", root)
    assert code == 2, err
    assert "Traceback" not in err and "as_of: not a date: 20261125" in err


def test_bad_source_date_epoch_is_a_usage_error(tmp_path):
    root = make_roadmap(tmp_path)
    code, out, err = run_cli("check", root, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert code == 2, err
    assert "Traceback" not in err and "SOURCE_DATE_EPOCH" in err


def test_broken_mkdocs_yml_is_reported_without_traceback(tmp_path):
    root = make_roadmap(tmp_path, {"../mkdocs.yml": "site_name: [x\n"})
    code, out, err = run_cli("check", root)
    assert code == 2, err
    assert "Traceback" not in err and "mkdocs.yml" in err


def test_export_with_errors_exits_1_and_prints_nothing(tmp_path):
    root = make_roadmap(tmp_path, BROKEN)
    code, out, err = run_cli("export", cwd=root)
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 2
    for line, expected in zip(lines, BROKEN_LINES):
        assert line.startswith(expected)


def test_export_to_file(tmp_path):
    out_file = tmp_path / "out.json"
    code, out, err = run_cli("export", BASIC, "-o", out_file)
    assert code == 0, err
    assert out == ""
    code, stdout, _ = run_cli("export", BASIC)
    assert out_file.read_text(encoding="utf-8") == stdout


def _commands() -> list[str]:
    import argparse

    from roadmap_gen.cli.main import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return sorted(sub.choices)


def test_known_commands_present():
    assert {"check", "export"} <= set(_commands())


@pytest.mark.parametrize("command", [None, *_commands()])
def test_help_of_every_command_exits_0(command):
    args = ("--help",) if command is None else (command, "--help")
    code, out, err = run_cli(*args)
    assert code == 0, err
    assert out.startswith("usage: roadmap-gen")
    assert err == ""


def test_help_points_to_format_guides_that_exist(tmp_path):
    code, out, _ = run_cli("--help")
    text = " ".join(out.split())
    assert code == 0 and "docs/guide/format.md" in text and "content/README.md" in text
    assert (REPO / "docs" / "guide" / "format.md").is_file()
    assert run_cli("init", tmp_path / "r")[0] == 0
    assert (tmp_path / "r" / "content" / "README.md").is_file()


def test_version():
    from roadmap_gen.version import __version__

    code, out, _ = run_cli("--version")
    assert code == 0 and out.strip() == f"roadmap-gen {__version__}"
