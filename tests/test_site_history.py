"""The site's history: changes page, History sections, Atom feed, edit links (real git, real builds)."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitehelpers import build

FIXTURE = Path(__file__).parent / "fixtures" / "basic"
ATOM = "{http://www.w3.org/2005/Atom}"


def git(cwd: Path, *args: str, date: str = "2026-11-01T10:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ann Author", "GIT_AUTHOR_EMAIL": "ann@example.com",
           "GIT_COMMITTER_NAME": "Ann Author", "GIT_COMMITTER_EMAIL": "ann@example.com",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def repo_site(tmp_path_factory) -> Path:
    """A git repository with three commits to the content, built once."""
    root = tmp_path_factory.mktemp("history")
    project = root / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("*.golden.json"))
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "about.md").write_text("# About\n")
    cfg = project / "mkdocs.yml"
    cfg.write_text(cfg.read_text() + "site_url: https://roadmap.example.com/\n"
                   "repo_url: https://git.example.com/team/roadmap\nedit_uri: edit/main/docs/\n")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "Start the roadmap", date="2026-10-01T09:00:00+00:00")
    hyp = project / "content" / "hypotheses" / "sms-reminders.md"
    hyp.write_text(hyp.read_text().replace("status: idea", "status: testing"))
    git(project, "commit", "-q", "-am", "Start testing SMS reminders", date="2026-10-15T09:00:00+00:00")
    csv = project / "content" / "metrics" / "tickets.csv"
    csv.write_text(csv.read_text() + "2026-11-01,22\n")
    git(project, "commit", "-q", "-am", "November tickets", date="2026-11-02T09:00:00+00:00")
    site = root / "site"
    return build(project, site)  # asserts the build passed


def test_changes_page_lists_each_commit_with_its_roadmap_changes(repo_site: Path) -> None:
    html = (repo_site / "changes" / "index.html").read_text()
    assert html.index("November tickets") < html.index("Start testing SMS reminders") < html.index("Start the roadmap")
    assert "idea → testing" in html
    assert 'type="application/atom+xml"' in html


def test_item_page_has_a_history_section_linking_to_the_changes_page(repo_site: Path) -> None:
    html = (repo_site / "hypotheses" / "sms-reminders" / "index.html").read_text()
    assert 'id="history"' in html
    assert "Start testing SMS reminders" in html
    assert "../../changes/#commit-" in html
    # every anchor an item page links to exists on the changes page
    changes = (repo_site / "changes" / "index.html").read_text()
    for anchor in set(__import__("re").findall(r'changes/#(commit-[0-9a-f]+)', html)):
        assert f'id="{anchor}"' in changes


def test_atom_feed_is_valid_and_has_one_entry_per_commit_titled_in_roadmap_terms(repo_site: Path) -> None:
    root = ET.fromstring((repo_site / "changes" / "feed.xml").read_bytes())
    assert root.tag == f"{ATOM}feed"
    for child in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{child}") is not None and root.find(f"{ATOM}{child}").text
    entries = [e for e in root.findall(f"{ATOM}entry") if "#commit-" in e.find(f"{ATOM}link").get("href")]
    titles = [e.find(f"{ATOM}title").text for e in entries]
    # a new measurement moved an outcome's status: that is what the entry says first
    assert titles[0] == "Clinics solve problems without calling us: off track → at risk (and 1 more change)"
    assert titles[1].endswith(": idea → testing") and titles[2].startswith("New: ")
    # the commit subject and author come second, in the entry's content
    assert "Start testing SMS reminders (Ann Author)" in entries[1].find(f"{ATOM}content").text
    for e in entries:
        assert e.find(f"{ATOM}id").text and e.find(f"{ATOM}updated").text
        link = e.find(f"{ATOM}link").get("href")
        assert link.startswith("https://roadmap.example.com/changes/#commit-")


def test_changes_page_is_in_the_navigation(repo_site: Path) -> None:
    html = (repo_site / "index.html").read_text()
    assert 'href="changes/"' in html


def test_edit_links_point_to_the_source_file(repo_site: Path) -> None:
    html = (repo_site / "hypotheses" / "sms-reminders" / "index.html").read_text()
    assert 'href="https://git.example.com/team/roadmap/edit/main/content/hypotheses/sms-reminders.md"' in html


def test_without_git_the_build_passes_and_the_page_says_why(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project, ignore=shutil.ignore_patterns("*.golden.json"))
    (project / "docs").mkdir(exist_ok=True)
    build(project, tmp_path / "site")
    html = (tmp_path / "site" / "changes" / "index.html").read_text()
    assert "No history to show" in html and "not a git repository" in html
    assert not (tmp_path / "site" / "changes" / "feed.xml").exists()
    assert 'id="history"' not in (tmp_path / "site" / "hypotheses" / "sms-reminders" / "index.html").read_text()


def test_shallow_clone_builds_and_says_why(repo_site: Path, tmp_path: Path) -> None:
    origin = repo_site.parent / "project"
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{origin}", str(clone)], check=True)
    build(clone, tmp_path / "site")
    html = (tmp_path / "site" / "changes" / "index.html").read_text()
    assert "shallow clone" in html
