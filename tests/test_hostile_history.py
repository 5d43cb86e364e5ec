"""Public history and git faults (issue 18, points 9 and 10): an item made internal leaves the public
changes page, feed and search index; a git error shows no path on the changes page; a SIGTERM during the
history phase leaves nothing behind; a page another plugin writes at a roadmap address is an error.
Real git repositories and real builds."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from sitehelpers import BIN, BASIC, basic_content, clean_env, mkdocs, mkdocs_config, read, write_site

SECRET_TITLE = "Acquire Competitorco quietly"
GIT_ENV = {"GIT_AUTHOR_NAME": "Ann", "GIT_AUTHOR_EMAIL": "ann@example.org", "GIT_COMMITTER_NAME": "Ann",
           "GIT_COMMITTER_EMAIL": "ann@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(root: Path, *args: str, when: str = "2026-11-01T10:00:00+00:00") -> None:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)


def build_public(root: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "mkdocs"), "build", "-d", str(site)], cwd=root, capture_output=True,
                          text=True, env=clean_env(**GIT_ENV), timeout=300)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory) -> tuple[Path, Path]:
    """An item committed public, then made internal: the public site built at the last commit."""
    tmp = tmp_path_factory.mktemp("public-history")
    files = basic_content()
    hyp = files["hypotheses/sms-reminders.md"]
    files["hypotheses/sms-reminders.md"] = hyp.replace("title: ", f"visibility: public\ntitle: {SECRET_TITLE} ", 1)
    root = write_site(tmp / "src", files, config=mkdocs_config(plugin={"audience": "public"}))
    git(root, "init", "-q", "-b", "main")
    commit(root, "Start", "2026-10-01T10:00:00+00:00")
    path = root / "content" / "hypotheses" / "sms-reminders.md"
    path.write_text(read(path).replace("visibility: public\n", "", 1).replace("status: idea", "status: testing"),
                    encoding="utf-8")
    commit(root, "Make it internal again", "2026-10-10T10:00:00+00:00")
    built = build_public(root, tmp / "site")
    assert built.returncode == 0, built.stderr
    return root, tmp / "site"


def test_an_item_made_internal_leaves_the_public_history(public_site):
    root, site = public_site
    changes = read(site / "changes" / "index.html")
    assert "A setup checklist" in changes  # public items are still in the history
    for rel in ("changes/index.html", "changes/feed.xml", "search/search_index.json", "roadmap.json"):
        assert SECRET_TITLE not in read(site / rel), rel
        assert "sms-reminders" not in read(site / rel), rel
    for page in site.rglob("*.html"):
        assert SECRET_TITLE not in read(page), page


def test_the_history_command_agrees(public_site):
    root, _ = public_site
    proc = subprocess.run([sys.executable, "-m", "roadmap_gen", "history", "--audience", "public"], cwd=root,
                          capture_output=True, text=True, env=clean_env(**GIT_ENV))
    assert proc.returncode == 0, proc.stderr
    assert "A setup checklist" in proc.stdout and SECRET_TITLE not in proc.stdout


def test_a_git_error_names_no_path_on_the_changes_page(tmp_path):
    root = write_site(tmp_path / "src", basic_content())
    git(root, "init", "-q", "-b", "main")
    commit(root, "Start", "2026-10-01T10:00:00+00:00")
    os.chown(root, 4321, 4321)  # git refuses a repository another user owns: "dubious ownership ... at <path>"
    try:
        built = build_public(root, tmp_path / "site")
    finally:
        os.chown(root, os.getuid(), os.getgid())
    assert built.returncode == 0, built.stderr
    page = read(tmp_path / "site" / "changes" / "index.html")
    assert "git could not read the history" in page
    assert str(tmp_path) not in page and "safe.directory" not in page
    assert "dubious ownership" in built.stderr or "safe.directory" in built.stderr  # the log says why


def test_sigterm_during_the_history_phase_leaves_no_temporary_folder(tmp_path):
    root = write_site(tmp_path / "src", basic_content())
    git(root, "init", "-q", "-b", "main")
    path = root / "content" / "metrics" / "tickets.csv"
    for i in range(40):  # enough commits that the history phase takes a while
        path.write_text(read(path) + f"2027-{1 + i // 28:02d}-{1 + i % 28:02d},{i}\n", encoding="utf-8")
        commit(root, f"Measurement {i}", f"2026-11-{1 + i % 28:02d}T10:00:00+00:00")
    tmpdir = tmp_path / "tmp"
    tmpdir.mkdir()
    proc = subprocess.Popen([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "site")], cwd=root,
                            env=clean_env(TMPDIR=str(tmpdir), **GIT_ENV), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    seen: list[str] = []
    start = time.monotonic()
    while proc.poll() is None and time.monotonic() - start < 120:  # until a snapshot folder appears
        seen = [p.name for p in tmpdir.iterdir() if p.name.startswith("roadmap-gen-")]
        if seen:
            break
        time.sleep(0.01)
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)  # in the history phase, where a snapshot folder used to live
    proc.wait(timeout=60)
    left = [p.name for p in tmpdir.iterdir() if p.name.startswith("roadmap-gen-")]
    assert seen == [] and left == []


@pytest.mark.parametrize("first", ["gen-files", "outcome-roadmap"])
def test_a_page_another_plugin_writes_at_a_roadmap_address_is_an_error(tmp_path, first):
    shutil.copytree(BASIC, tmp_path / "src", ignore=shutil.ignore_patterns("*.golden.json"))
    root = tmp_path / "src"
    (root / "docs").mkdir(exist_ok=True)
    (root / "gen.py").write_text("import mkdocs_gen_files\n\nwith mkdocs_gen_files.open('journey.md', 'w') as f:\n"
                                 "    f.write('# Not the journey')\n", encoding="utf-8")
    ours = {"outcome-roadmap": {"as_of": "2026-11-25"}}
    theirs = {"gen-files": {"scripts": ["gen.py"]}}
    config = mkdocs_config()
    config["plugins"] = ["search", theirs, ours] if first == "gen-files" else ["search", ours, theirs]
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    built = mkdocs(root, "build", "-d", tmp_path / "site")
    assert built.returncode == 1 and "Traceback" not in built.stderr
    assert ("journey.md generated by the mkdocs-gen-files plugin, conflicts with the roadmap page of the same "
            "address (journey/index.html)") in built.stderr
