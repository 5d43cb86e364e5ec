"""The roadmap's history from git and its Atom feed, on real repositories made in tmp_path."""
from __future__ import annotations

import os
import re
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from roadmap_gen.cli import main as cli
from roadmap_gen.git.history import SHALLOW_REASON, Git, atom_feed, roadmap_history

AS_OF = date(2026, 11, 25)
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

FILES = {
    "roadmap.yml": "title: History roadmap\nvision: A vision.\nmission: A mission.\n",
    "journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n  - id: grow\n    title: Grow\n",
    "metrics.yml": ("metrics:\n  - id: activation\n    title: Clinics active in week one\n    category: customer\n"
                    "    unit: \"%\"\n    baseline: {value: 20, date: 2026-01-01}\n"
                    "    target: {value: 40, by: 2026-12-31}\n"),
    "metrics/activation.csv": "date,value\n2026-03-01,24\n",
    "hypotheses/checklist.md": ("---\ntitle: A setup checklist helps\nstage: onboard\nhorizon: now\n"
                                "we_believe: a checklist\nwill_result_in: first bookings\n"
                                "we_will_know_when: activation rises\nstatus: testing\nvisibility: public\n---\n"),
}
SMS = ("---\ntitle: SMS reminders reduce no-shows\nstage: grow\nhorizon: later\nwe_believe: SMS\n"
       "will_result_in: fewer no-shows\nwe_will_know_when: no-shows halve\nstatus: idea\n---\n")
DATES = ["2026-01-05T10:00:00+00:00", "2026-02-10T11:30:00+01:00", "2026-03-15T09:15:00+00:00",
         "2026-04-20T08:00:00+00:00", "2026-05-25T08:00:00+00:00"]


def git(repo: Path, *args: str, when: str = DATES[0], author: str = "Ann Author") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": "ann@example.org",
           "GIT_COMMITTER_NAME": "Ci Committer", "GIT_COMMITTER_EMAIL": "ci@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def write(content: Path, files: dict[str, str | None]) -> None:
    for rel, text in files.items():
        path = content / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")


def edit(content: Path, rel: str, old: str, new: str) -> None:
    text = (content / rel).read_text(encoding="utf-8")
    assert old in text
    (content / rel).write_text(text.replace(old, new, 1), encoding="utf-8", newline="\n")


def commit(repo: Path, message: str, when: str, author: str = "Ann Author") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when, author=author)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def repo3(tmp_path: Path) -> tuple[Path, list[str]]:
    """Three commits: create; validate the checklist + a measurement; add SMS + move the checklist."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    c = root / "content"
    write(c, FILES)
    shas = [commit(root, "Start the roadmap", DATES[0])]
    edit(c, "hypotheses/checklist.md", "status: testing", "status: validated")
    write(c, {"metrics/activation.csv": "date,value\n2026-03-01,24\n2026-04-01,29\n"})
    (root / "README.md").write_text("not roadmap content\n", encoding="utf-8")
    shas.append(commit(root, "Checklist validated <b>&</b> \"April\" data", DATES[1], author="Bo Ström"))
    write(c, {"hypotheses/sms.md": SMS})
    edit(c, "hypotheses/checklist.md", "horizon: now", "horizon: next")
    shas.append(commit(root, "Add SMS reminders; checklist to next", DATES[2]))
    (root / "README.md").write_text("only the readme changes\n", encoding="utf-8")
    commit(root, "Docs only", DATES[3])  # does not touch content/: not part of the history
    return root, shas


def test_history_of_a_three_commit_repository(repo3):
    root, shas = repo3
    h = roadmap_history(root, Path("content"), AS_OF)
    assert h.available and h.reason == ""
    assert not h.truncated
    assert [e.commit.sha for e in h.entries] == shas[::-1]  # newest first; the docs-only commit is left out
    newest, middle, oldest = h.entries
    assert [e.commit.date for e in h.entries] == DATES[2::-1]
    assert middle.commit.author == "Bo Ström"
    assert middle.commit.subject == "Checklist validated <b>&</b> \"April\" data"
    assert middle.title == middle.commit.subject
    assert middle.commit.short == shas[1][: len(middle.commit.short)] and len(middle.commit.short) >= 7
    assert middle.commit.anchor == f"commit-{shas[1][:12]}"
    assert h.updated == DATES[2]

    assert oldest.diff.counts()["added"] == 4 and oldest.summary == "4 added items"
    assert middle.lines == ("Hypothesis “A setup checklist helps”: status testing → validated",
                            "Metric “Clinics active in week one”: new measurement 2026-04-01: 29%")
    assert newest.lines == ("Added hypothesis “SMS reminders reduce no-shows” (stage Grow · horizon later · status idea)",
                            "Hypothesis “A setup checklist helps”: horizon now → next")
    assert all(e.errors == 0 for e in h.entries)


def test_per_item_history(repo3):
    root, shas = repo3
    h = roadmap_history(root, root / "content", AS_OF)
    events = h.for_item("hypothesis", "checklist")
    assert [(e.commit.sha, e.action, e.summary) for e in events] == [
        (shas[2], "changed", "horizon now → next"),
        (shas[1], "changed", "status testing → validated"),
        (shas[0], "added", "added (stage Onboard · horizon now · status testing)"),
    ]
    middle = events[1]
    assert (middle.title, middle.date, middle.sha, middle.anchor) == (
        "Checklist validated <b>&</b> \"April\" data", DATES[1], shas[1], f"commit-{shas[1][:12]}")
    assert shas[1].startswith(middle.short_sha)
    assert [(e.action, e.lines) for e in h.for_item("metric", "activation")] == [
        ("", ("new measurement 2026-04-01: 29%",)), ("added", ("added",))]
    assert [e.commit.sha for e in h.for_item("hypothesis", "sms")] == [shas[2]]
    assert h.for_item("hypothesis", "nothing-like-this") == ()
    assert list(h.per_item) == sorted(h.per_item, key=lambda k: (
        ["goal", "strategy", "stage", "metric", "outcome", "theme", "question", "hypothesis", "opportunity",
         "okr"].index(k[0]), k[1]))
    with pytest.raises(TypeError):
        h.per_item[("x", "y")] = ()  # read-only


def test_history_is_deterministic(repo3):
    root, _ = repo3
    assert roadmap_history(root, Path("content"), AS_OF) == roadmap_history(root, Path("content"), AS_OF)


def test_each_revision_is_loaded_once(repo3, monkeypatch):
    root, _ = repo3
    listed: list[str] = []
    real = Git.tree

    def tree(self, rev, rel):
        listed.append(rev)
        return real(self, rev, rel)

    monkeypatch.setattr(Git, "tree", tree)
    h = roadmap_history(root, Path("content"), AS_OF)
    assert len(h.entries) == 3
    assert listed == [e.commit.sha for e in reversed(h.entries)]  # the root commit has no parent to load


def test_max_commits_keeps_the_newest_and_diffs_the_oldest_against_its_parent(repo3):
    root, shas = repo3
    h = roadmap_history(root, Path("content"), AS_OF, max_commits=2)
    assert h.truncated
    assert [e.commit.sha for e in h.entries] == [shas[2], shas[1]]
    assert h.entries[-1].summary == "1 changed item · 1 status change · 1 new measurement"  # not "everything added"


def test_first_parent_history_shows_a_merge_as_one_change(repo3):
    root, shas = repo3
    c = root / "content"
    git(root, "checkout", "-q", "-b", "feature")
    edit(c, "hypotheses/sms.md", "status: idea", "status: testing")
    commit(root, "Test SMS", DATES[3])
    edit(c, "hypotheses/sms.md", "horizon: later", "horizon: now")
    commit(root, "SMS now", DATES[3])
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", "Merge feature: SMS experiment", "feature", when=DATES[4])
    h = roadmap_history(root, Path("content"), AS_OF)
    assert [e.commit.subject for e in h.entries][:2] == ["Merge feature: SMS experiment",
                                                          "Add SMS reminders; checklist to next"]
    assert h.entries[0].lines == ("Hypothesis “SMS reminders reduce no-shows”: status idea → testing",
                                  "Hypothesis “SMS reminders reduce no-shows”: horizon later → now")


def test_a_commit_that_breaks_the_roadmap_is_kept_and_the_next_is_compared_with_the_last_good_one(repo3):
    root, shas = repo3
    c = root / "content"
    good = (c / "roadmap.yml").read_text(encoding="utf-8")
    write(c, {"roadmap.yml": "title: [unclosed\n"})
    broken = commit(root, "Oops", DATES[3])
    write(c, {"roadmap.yml": good})
    edit(c, "hypotheses/sms.md", "status: idea", "status: parked")
    commit(root, "Fix and park SMS", DATES[4])
    h = roadmap_history(root, Path("content"), AS_OF)
    fixed, oops = h.entries[0], h.entries[1]
    assert oops.commit.sha == broken and oops.errors >= 1 and oops.diff.is_empty
    assert fixed.errors == 0
    assert fixed.lines == ("Hypothesis “SMS reminders reduce no-shows”: status idea → parked",)


def test_public_history_shows_only_public_changes_and_no_subjects(repo3):
    root, shas = repo3
    h = roadmap_history(root, Path("content"), AS_OF, audience="public")
    assert h.audience == "public"
    # the SMS hypothesis and the metric are internal: the third commit only moves the public checklist
    assert [e.commit.sha for e in h.entries] == [shas[2], shas[1], shas[0]]
    assert h.entries[0].lines == ("Hypothesis “A setup checklist helps”: horizon now → next",)
    assert h.entries[0].title == "Hypothesis “A setup checklist helps”: horizon now → next"
    for e in h.entries:
        assert "SMS" not in repr((e.title, e.summary, e.lines, e.diff))
    assert ("hypothesis", "sms") not in h.per_item and ("metric", "activation") not in h.per_item
    assert [e.title for e in h.for_item("hypothesis", "checklist")][0] == \
        "Hypothesis “A setup checklist helps”: horizon now → next"
    feed = atom_feed(h, "https://example.org/r/", "Changes", "https://example.org/r/changes/")
    assert "SMS" not in feed and "April" not in feed  # subjects stay out of a public feed
    # ... and so do the names of the people who committed: the roadmap is the feed's author (RFC 4287)
    assert "Ann Author" not in feed and "Bo Str" not in feed
    parsed = parse_feed(feed)
    assert parsed.find(f"{A}author/{A}name").text == "Changes"
    assert [e.find(f"{A}author") for e in parsed.findall(f"{A}entry")] == [None] * 3
    internal = atom_feed(roadmap_history(root, Path("content"), AS_OF), "https://example.org/r/", "Changes",
                         "https://example.org/r/changes/")
    assert "Bo Ström" in internal and parse_feed(internal).find(f"{A}author") is None
    h2 = roadmap_history(root, Path("content"), AS_OF, audience="public", skip_empty=True)
    edit(root / "content", "hypotheses/sms.md", "status: idea", "status: parked")
    commit(root, "Park SMS (internal)", DATES[4])
    h3 = roadmap_history(root, Path("content"), AS_OF, audience="public")
    assert [e.commit.sha for e in h3.entries] == [e.commit.sha for e in h2.entries]  # nothing public changed


def test_not_a_git_repository(tmp_path):
    write(tmp_path / "content", FILES)
    h = roadmap_history(tmp_path, Path("content"), AS_OF)
    assert (h.available, h.reason, h.entries, dict(h.per_item)) == (False, "not a git repository", (), {})


def test_shallow_clone(repo3, tmp_path):
    root, _ = repo3
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", root.as_uri(), str(clone))
    h = roadmap_history(clone, Path("content"), AS_OF)
    assert not h.available
    assert h.reason == SHALLOW_REASON
    assert "fetch-depth: 0" in h.reason


def test_git_not_installed(repo3, monkeypatch, tmp_path):
    root, _ = repo3
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    h = roadmap_history(root, Path("content"), AS_OF)
    assert (h.available, h.reason) == (False, "git is not installed")


def test_repository_without_commits(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path / "content", FILES)
    h = roadmap_history(tmp_path, Path("content"), AS_OF)
    assert (h.available, h.reason) == (False, "no commits yet")


def test_content_folder_never_committed(repo3, tmp_path):
    root, _ = repo3
    write(root / "other", FILES)
    h = roadmap_history(root, Path("other"), AS_OF)
    assert h.available and h.entries == ()


def test_history_command(repo3, capsys):
    root, shas = repo3
    code = cli.main(["history", str(root), "--as-of", "2026-11-25"])
    out, _ = capsys.readouterr()
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith(f"{shas[2][:7]}") and lines[0].endswith(
        " 2026-03-15 Ann Author: Add SMS reminders; checklist to next")
    assert "    - Hypothesis “A setup checklist helps”: horizon now → next" in lines


# -- Atom ------------------------------------------------------------------------------------

def parse_feed(text: str) -> ET.Element:
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_atom_feed_structure(repo3):
    root, shas = repo3
    h = roadmap_history(root, Path("content"), AS_OF)
    text = atom_feed(h, "https://example.org/roadmap/", "Roadmap <changes> & more",
                     "https://example.org/roadmap/changes/", "https://example.org/roadmap/changes.xml")
    feed = parse_feed(text)
    assert feed.tag == f"{A}feed"
    # RFC 4287 4.1.1: exactly one id, title, updated; an author on the feed or every entry
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.findtext(f"{A}id") == "https://example.org/roadmap/changes/"
    assert feed.findtext(f"{A}title") == "Roadmap <changes> & more"
    assert feed.findtext(f"{A}updated") == DATES[2]
    links = {(l.get("rel"), l.get("href")) for l in feed.findall(f"{A}link")}
    assert links == {("self", "https://example.org/roadmap/changes.xml"),
                     ("alternate", "https://example.org/roadmap/changes/")}
    entries = feed.findall(f"{A}entry")
    assert len(entries) == 3
    ids = []
    for entry, sha, when in zip(entries, shas[::-1], DATES[2::-1]):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        ids.append(entry.findtext(f"{A}id"))
        assert entry.findtext(f"{A}id") == f"tag:example.org,{when[:10]}:roadmap/commit/{sha}"
        assert RFC3339.match(entry.findtext(f"{A}updated")) and entry.findtext(f"{A}updated") == when
        assert entry.find(f"{A}author/{A}name").text
        link = entry.find(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href") == \
            f"https://example.org/roadmap/changes/#commit-{sha[:12]}"
        content = entry.find(f"{A}content")
        assert content.get("type") == "html"
        html = content.text
        assert html.startswith("<p>") and "</ul>" in html
    assert len(set(ids)) == 3
    middle = entries[1]
    assert middle.findtext(f"{A}title") == "Checklist validated <b>&</b> \"April\" data"  # escaped, round-trips
    assert middle.find(f"{A}author/{A}name").text == "Bo Ström"
    assert "<li>Hypothesis “A setup checklist helps”: status testing → validated</li>" in \
        middle.find(f"{A}content").text
    assert RFC3339.match(feed.findtext(f"{A}updated"))


def test_atom_feed_is_deterministic_and_escapes_everything(repo3):
    root, _ = repo3
    h = roadmap_history(root, Path("content"), AS_OF)
    a = atom_feed(h, "https://example.org/", "T", "https://example.org/changes/")
    assert a == atom_feed(roadmap_history(root, Path("content"), AS_OF), "https://example.org/", "T",
                          "https://example.org/changes/")
    assert "<b>&</b>" not in a and "&lt;b&gt;&amp;&lt;/b&gt;" in a


def test_atom_feed_without_a_site_url_uses_urn_ids(repo3):
    root, shas = repo3
    h = roadmap_history(root, Path("content"), AS_OF)
    feed = parse_feed(atom_feed(h, "", "T", "changes/"))
    assert feed.findtext(f"{A}id").startswith("urn:uuid:")
    ids = [e.findtext(f"{A}id") for e in feed.findall(f"{A}entry")]
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", i) for i in ids) and len(set(ids)) == 3
    assert feed.find(f"{A}entry/{A}link").get("href") == f"changes/#commit-{shas[2][:12]}"


def test_atom_feed_of_an_unavailable_history_is_still_valid(tmp_path):
    h = roadmap_history(tmp_path, Path("content"), AS_OF)
    feed = parse_feed(atom_feed(h, "https://example.org/", "T", "https://example.org/changes/"))
    assert feed.findall(f"{A}entry") == []
    assert RFC3339.match(feed.findtext(f"{A}updated"))
    assert feed.find(f"{A}author/{A}name").text == "roadmap-gen"  # a feed without entries needs an author


def test_atom_feed_drops_characters_xml_cannot_hold(repo3):
    root, _ = repo3
    edit(root / "content", "hypotheses/checklist.md", "status: validated", "status: parked")
    commit(root, "Bell \x07 in the subject", DATES[4])
    feed = parse_feed(atom_feed(roadmap_history(root, Path("content"), AS_OF), "", "T", "c/"))
    assert feed.find(f"{A}entry/{A}title").text == "Bell  in the subject"
