"""A real git repository of the example roadmap with a review rhythm: five commits over half a year and
zero, one or three review tags (``review-*``), for the reviews, goalposts, feed, pack and embed tests.

The content ends as the example in ``content/`` is; the edits of each step are applied backwards first,
so the first commit holds the roadmap as it stood in June. What the steps change, in roadmap terms:

1. 2026-06-01 the roadmap starts (tag ``review-2026-q2`` with three tags, annotated)
2. 2026-07-14 guest booking testing → validated; the self-booking outcome's target lowered 55% → 50%
3. 2026-09-20 the self-booking metric's deadline moved 2026-09-30 → 2026-12-31; a measurement
   (tag ``review-2026-q3``, lightweight; the only tag with one tag)
4. 2026-10-20 a key result's target lowered 35% → 32%; one-step import moved next → now; a measurement
   crossing the no-show target (tag ``review-2026-q4`` with three tags, annotated)
5. 2026-11-10 November measurements; the setup checklist testing → invalidated; a deadline moved
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-25"
SITE_URL = "https://roadmap.example.com/"

STEPS = (
    ("2026-06-01T09:00:00+00:00", "Start the roadmap", ()),
    ("2026-07-14T09:00:00+00:00", "Compiler core: located YAML loader and guest booking results", (
        ("hypotheses/guest-booking.md", "status: testing", "status: validated"),
        ("outcomes/patients-book-themselves.md", "target: 55", "target: 50"))),
    ("2026-09-20T09:00:00+00:00", "Self-booking deadline after the summer", (
        ("metrics.yml", "target: {value: 50, by: 2026-09-30}", "target: {value: 50, by: 2026-12-31}"),
        ("metrics/self-booked-share.csv", "2026-09-07,45.6,website widget beta started\n",
         "2026-09-07,45.6,website widget beta started\n2026-10-05,47.8,\n"))),
    ("2026-10-20T09:00:00+00:00", "October: import first, OKR adjusted", (
        ("okrs/first-booking-in-week-one-2026-q4.yml", "from: 24\n    to: 35", "from: 24\n    to: 32"),
        ("hypotheses/one-step-import.md", "horizon: next", "horizon: now"),
        ("metrics/no-show-rate.csv", "2026-09-07,7.1,\n", "2026-09-07,7.1,\n2026-10-05,6.8,\n"))),
    ("2026-11-10T09:00:00+00:00", "November figures", (
        ("metrics/self-booked-share.csv", "2026-10-05,47.8,\n", "2026-10-05,47.8,\n2026-11-02,49.1,\n"),
        ("metrics/no-show-rate.csv", "2026-10-05,6.8,\n", "2026-10-05,6.8,\n2026-11-02,6.6,\n"),
        ("hypotheses/setup-checklist.md", "status: testing", "status: invalidated"),
        ("outcomes/clinics-arrive-via-booking-pages.md", "by: 2027-03-31", "by: 2027-06-30"))),
)
TAGS = {3: {0: ("review-2026-q2", True), 2: ("review-2026-q3", False), 3: ("review-2026-q4", True)},
        1: {2: ("review-2026-q3", False)}, 0: {}}


def git(cwd: Path, *args: str, when: str = "2026-06-01T09:00:00+00:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Ann Author", "GIT_AUTHOR_EMAIL": "ann@example.com",
           "GIT_COMMITTER_NAME": "Ann Author", "GIT_COMMITTER_EMAIL": "ann@example.com",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args], cwd=cwd,
                          env=env, check=True, capture_output=True, text=True).stdout


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: {old!r} found {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def make_review_repo(root: Path, tags: int = 3, *, audience: str = "internal", content: Path | None = None,
                     steps=STEPS) -> Path:
    """The project folder (mkdocs.yml, docs/, content/) at ``root``, committed step by step and tagged."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content or REPO / "content", root / "content")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    config = {"site_name": "Stridewell roadmap", "site_url": SITE_URL,
              "theme": {"name": "material", "font": False, "palette": [  # as the example's: light and dark
                  {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "teal",
                   "accent": "deep orange", "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
                  {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal",
                   "accent": "deep orange", "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}}]},
              "plugins": ["search", {"outcome-roadmap": {"as_of": AS_OF, "audience": audience}}]}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for _, _, edits in reversed(steps):
        for rel, old, new in reversed(edits):
            _edit(root / "content" / rel, new, old)
    git(root, "init", "-q", "-b", "main")
    for i, (when, subject, edits) in enumerate(steps):
        for rel, old, new in edits:
            _edit(root / "content" / rel, old, new)
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", subject, when=when)
        tag = TAGS[tags].get(i)
        if tag:
            name, annotated = tag
            git(root, "tag", *(("-a", "-m", f"Quarterly review {name}") if annotated else ()), name, when=when)
    return root
