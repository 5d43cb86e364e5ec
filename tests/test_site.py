"""The roadmap site, built by the real ``mkdocs`` command: the plugin's contract, the
VMGS home page, the journey board, stage and item pages, navigation, roadmap.json,
languages and determinism."""
from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import pytest
import yaml

from sitehelpers import (AS_OF, BIN, REPO, broken_links, build, clean_env, content, copy_basic, files_of,
                         mkdocs, mkdocs_config, page, parse, primary_nav_links, read, resolve, roadmap_gen,
                         snapshot, write_site)

BASIC_STAGES = ["discover", "onboard", "grow"]
BASIC_ITEMS = {
    "stages": BASIC_STAGES,
    "themes": ["first-value"],
    "questions": ["why-no-booking"],
    "hypotheses": ["setup-checklist", "sms-reminders"],
    "outcomes": ["week-one-activation", "fewer-tickets"],
    "opportunities": ["first-week-is-hard", "setup-is-confusing"],
    "metrics": ["arr", "activation", "tickets"],
    "okrs": ["grow-activation"],
}
INDEX_PAGES = [f"{kind}/index.html" for kind in BASIC_ITEMS] + ["kpis/index.html"]


def item_files(directory_urls: bool = True) -> list[str]:
    return [f"{kind}/{id}/index.html" if directory_urls else f"{kind}/{id}.html"
            for kind, ids in BASIC_ITEMS.items() for id in ids]


# -- builds shared by the module ---------------------------------------------------------------

@pytest.fixture(scope="module")
def basic(tmp_path_factory):
    """The basic fixture (mkdocs.yml, empty docs/, content/) built with --strict; plus the
    state of its folders before and after the build."""
    tmp = tmp_path_factory.mktemp("basic")
    root = copy_basic(tmp / "src")
    before = snapshot(root)
    time.sleep(0.01)  # a file rewritten during the build would get a later mtime
    site = build(root, tmp / "site")
    return {"root": root, "site": site, "before": before, "after": snapshot(root)}


@pytest.fixture(scope="module")
def site(basic) -> Path:
    return basic["site"]


@pytest.fixture(scope="module")
def flat(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("flat")
    cfg = yaml.safe_load(read(REPO / "tests/fixtures/basic/mkdocs.yml"))
    cfg["use_directory_urls"] = False
    root = copy_basic(tmp / "src", cfg)
    return {"root": root, "site": build(root, tmp / "site")}


HAND_WRITTEN = {
    "about.md": "# About us\n\nSee [the journey](journey/index.md) and [a hypothesis](hypotheses/setup-checklist.md).\n",
    "guide/setup.md": "# Setup guide\n\nBack to [about](../about.md).\n",
    "guide/faq.md": "# FAQ\n\nNothing yet.\n",
}


@pytest.fixture(scope="module")
def with_docs(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("docs")
    root = copy_basic(tmp / "src")
    for rel, text in HAND_WRITTEN.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    return build(root, tmp / "site")


# A roadmap written to probe ordering: the north star is the second goal, stages are
# not in alphabetical order, the review is not overdue, some board cells are empty.
HOME_CONTENT = {
    "roadmap.yml": """\
title: Probe roadmap
vision: Every probe finds its target.
mission: Build probes people trust.
review: {last: 2026-10-01, every: 3 months}
goals:
  - id: plain
    title: A plain goal
  - id: star
    title: The north star goal
    metric: m1
    target: 50
    by: 2026-12-31
    north_star: true
strategies:
  - id: no-way
    title: Strategy we decline
    active: false
  - id: go
    title: Strategy we pursue
    goal: star
    tactics:
      - title: Active tactic
      - title: Paused tactic
        active: false
""",
    "journey.yml": """\
stages:
  - id: zeta
    title: Zeta first
    boosters: [Zeta booster]
    blockers: [Zeta blocker]
  - id: alpha
    title: Alpha second
    description: Alpha stage description.
  - id: mid
    title: Mid third
""",
    "metrics.yml": """\
metrics:
  - id: m1
    title: Metric one
    category: customer
    unit: "%"
    baseline: {value: 10, date: 2026-01-01}
    target: {value: 50, by: 2026-12-31}
    review: monthly
""",
    "metrics/m1.csv": "date,value\n2026-06-01,20\n2026-11-01,40\n",
    "outcomes/out.md": "---\ntitle: Probes land\nstage: alpha\nmetric: m1\n---\n",
    "themes/th.md": "---\ntitle: Theme on alpha\nstage: alpha\nhorizon: now\noutcome: out\n---\n",
    "questions/qq.md": "---\ntitle: Question on mid\nstage: mid\nhorizon: next\n---\n",
    "hypotheses/hy.md": """\
---
title: Hypothesis on zeta
stages: [zeta, mid]
horizon: later
outcome: out
we_believe: a
will_result_in: b
we_will_know_when: c
status: validated
---
""",
}


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("probe")
    return build(write_site(tmp / "src", HOME_CONTENT), tmp / "site")


# -- the plugin ------------------------------------------------------------------------------

def test_every_option_has_a_default():
    from roadmap_gen.mkdocs.plugin import OutcomeRoadmapPlugin

    plugin = OutcomeRoadmapPlugin()
    errors, warnings = plugin.load_config({})
    assert errors == [] and warnings == []
    cfg = plugin.config
    assert cfg.content_dir == "content"
    assert cfg.as_of is None
    assert cfg.audience == "internal"
    assert cfg.labels == {} and cfg.allow_raw_html is False
    assert cfg.nav is True and cfg.json is True and cfg.edit_links is True


def test_bare_plugin_entry_builds_with_defaults(tmp_path):
    """`plugins: [search, outcome-roadmap]`: no options at all; as_of is today."""
    cfg = "site_name: Bare\ntheme: {name: material, font: false}\nplugins: [search, outcome-roadmap]\n"
    root = write_site(tmp_path / "src", config=cfg)
    today = date.today().isoformat()
    site = build(root, tmp_path / "site")
    assert json.loads(read(site / "roadmap.json"))["as_of"] in (today, date.today().isoformat())
    assert (site / "index.html").is_file() and (site / "journey/index.html").is_file()


def test_empty_docs_and_minimal_content_build_a_complete_site(tmp_path):
    root = write_site(tmp_path / "src")
    assert list((root / "docs").iterdir()) == []
    site = build(root, tmp_path / "site")
    files = set(files_of(site))
    for rel in ["index.html", "journey/index.html", "stages/onboard/index.html", "kpis/index.html",
                "roadmap.json", "sitemap.xml", "search/search_index.json", "assets/roadmap-gen/roadmap.css",
                "assets/roadmap-gen/charts.css", "assets/roadmap-gen/roadmap.js", *INDEX_PAGES]:
        assert rel in files, rel
    home = content(page(site, "index.html"))
    assert home.find("h1").text() == "Minimal roadmap"
    assert "A vision." in home.text() and "A mission." in home.text()
    assert broken_links(site) == []


def test_nothing_is_written_into_docs_or_content(basic):
    assert basic["after"] == basic["before"]
    assert list((basic["root"] / "docs").iterdir()) == []
    assert not (basic["root"] / "site").exists()


def test_stable_addresses(site):
    files = set(files_of(site))
    expected = ["index.html", "journey/index.html", "roadmap.json", *INDEX_PAGES, *item_files()]
    missing = [f for f in expected if f not in files]
    assert missing == []
    # an item's address does not depend on anything but its kind and id
    doc = content(page(site, "hypotheses/setup-checklist/index.html"))
    assert doc.find("h1").text() == "A setup checklist gets clinics to a first booking"
    assert content(page(site, "okrs/grow-activation/index.html")).find("h1").text() == \
        "New clinics get value in their first week"


def test_every_link_resolves(site):
    assert broken_links(site) == []


def test_flat_urls_build_and_links_resolve(flat):
    site = flat["site"]
    files = set(files_of(site))
    expected = ["index.html", "journey/index.html", *INDEX_PAGES, *item_files(directory_urls=False)]
    assert [f for f in expected if f not in files] == []
    assert not (site / "hypotheses/setup-checklist/index.html").exists()
    assert broken_links(site) == []
    data = json.loads(read(site / "roadmap.json"))
    assert {h["url"] for h in data["hypotheses"]} == {"hypotheses/setup-checklist.html",
                                                      "hypotheses/sms-reminders.html"}
    for h in data["hypotheses"]:
        assert (site / h["url"]).is_file()
    crumbs = content(page(site, "hypotheses/setup-checklist.html")).find("nav", cls="rg-crumbs")
    targets = [resolve(site, site / "hypotheses/setup-checklist.html", a.get("href"))[0]
               for a in crumbs.find_all("a")]
    assert targets == [site / "index.html", site / "hypotheses/index.html"]


def test_roadmap_json_urls_resolve(site):
    data = json.loads(read(site / "roadmap.json"))
    urls = [e["url"] for kind in ("stages", "metrics", "outcomes", "themes", "questions", "hypotheses",
                                  "opportunities", "okrs") for e in data[kind]]
    assert len(urls) == sum(len(v) for v in BASIC_ITEMS.values())
    for url in urls:
        assert (site / url / "index.html").is_file(), url


BROKEN = {
    "roadmap.yml": "title: T\nvision: V\nmission: M\nreveiw: monthly\n",
    "journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n",
    "themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n",
    "hypotheses/h.md": "---\ntitle: H\nstage: onboard\nhorizon: soon\nwe_believe: a\nwill_result_in: b\n"
                       "we_will_know_when: c\nstatus: idea\n---\n",
}
_DIAG = re.compile(r"^content/\S+:\d+:\d+: ")


@pytest.mark.parametrize("strict", [False, True])
def test_roadmap_errors_fail_the_build_with_the_check_lines(tmp_path, strict):
    root = write_site(tmp_path / "src", BROKEN)
    check = roadmap_gen(root, "check")
    assert check.returncode == 1
    expected = check.stdout.splitlines()
    assert len(expected) == 3 and all(_DIAG.match(ln) for ln in expected), expected
    args = ["build", "-d", tmp_path / "site"] + (["--strict"] if strict else [])
    proc = mkdocs(root, *args)
    assert proc.returncode == 1, proc.stderr
    printed = [ln for ln in (proc.stdout + proc.stderr).splitlines() if _DIAG.match(ln)]
    assert printed == expected
    assert "Traceback" not in proc.stderr
    assert "3 errors" in proc.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize("docs_page,address", [
    ("index.md", "index.html"),
    ("journey.md", "journey/index.html"),
    ("journey/index.md", "journey/index.html"),
    ("hypotheses/setup-checklist.md", "hypotheses/setup-checklist/index.html"),
    ("stages/onboard/index.md", "stages/onboard/index.html"),
    ("kpis.md", "kpis/index.html"),
])
def test_docs_page_at_a_generated_address_fails_clearly(tmp_path, docs_page, address):
    root = copy_basic(tmp_path / "src")
    (root / "docs" / docs_page).parent.mkdir(parents=True, exist_ok=True)
    (root / "docs" / docs_page).write_text("# Mine\n", encoding="utf-8")
    proc = mkdocs(root, "build", "-d", tmp_path / "site")
    assert proc.returncode == 1
    assert f"{docs_page} in docs_dir conflicts with the roadmap page of the same address ({address})" \
        in proc.stderr, proc.stderr


def test_handwritten_pages_sit_beside_the_roadmap(with_docs):
    site = with_docs
    for rel in ["about/index.html", "guide/setup/index.html", "guide/faq/index.html", "index.html",
                "journey/index.html", "hypotheses/setup-checklist/index.html"]:
        assert (site / rel).is_file(), rel
    about = content(page(site, "about/index.html"))
    assert about.find("h1").text().strip() == "About us"
    nav = primary_nav_links(page(site, "about/index.html"))
    titles = [t for t, _ in nav]
    for expected in ["Roadmap", "Journey", "Stages", "Hypotheses", "About us", "Setup guide", "FAQ"]:
        assert expected in titles, titles
    assert titles.index("KPIs") < titles.index("About us")
    assert broken_links(site) == []


def test_site_nav_keeps_the_roadmap_sections(tmp_path):
    cfg = mkdocs_config(nav=[{"About": "about.md"}, {"Roadmap home": "index.md"}])
    root = write_site(tmp_path / "src", docs={"about.md": "# About\n"}, config=cfg)
    site = build(root, tmp_path / "site")
    titles = [t for t, _ in primary_nav_links(page(site, "about/index.html"))]
    assert "About" in titles and "Journey" in titles and "KPIs" in titles
    assert "Roadmap home" in titles and "Roadmap" not in titles  # the site named the home page itself


class _Recorder:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str, *args, **kwargs) -> None:
        self.watched.append(path)


def test_on_serve_watches_the_content_folder_and_template_overrides(tmp_path, monkeypatch):
    from mkdocs.config import load_config

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    cfg = mkdocs_config(theme={"custom_dir": "overrides"}, plugin={"content_dir": "roadmap-src"})
    root = write_site(tmp_path / "src", config=cfg)
    (root / "content").rename(root / "roadmap-src")
    (root / "overrides" / "roadmap").mkdir(parents=True)
    config = load_config(config_file=str(root / "mkdocs.yml"))
    plugin = config.plugins["outcome-roadmap"]
    config = plugin.on_config(config)
    server = _Recorder()
    assert plugin.on_serve(server, config=config, builder=lambda: None) is server
    assert "SOURCE_DATE_EPOCH" not in os.environ  # the plugin never sets environment variables
    assert Path(server.watched[0]) == (root / "roadmap-src").resolve()
    assert [Path(p).resolve() for p in server.watched[1:]] == [(root / "overrides" / "roadmap").resolve()]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def _poll(fn, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = fn()
        if value:
            return value
        time.sleep(0.2)
    return None


def test_mkdocs_serve_rebuilds_when_content_changes(tmp_path):
    root = copy_basic(tmp_path / "src")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/hypotheses/setup-checklist/"
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
                            cwd=root, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        first = _poll(lambda: _fetch(url), 30)
        assert first and "A setup checklist gets clinics to a first booking" in first
        hyp = root / "content/hypotheses/setup-checklist.md"
        hyp.write_text(read(hyp).replace("title: A setup checklist gets clinics to a first booking",
                                         "title: A renamed checklist bet"), encoding="utf-8")
        changed = _poll(lambda: (lambda t: t if t and "A renamed checklist bet" in t else None)(_fetch(url)), 30)
        assert changed, "the served page did not change after the content file was edited"
        assert "A setup checklist gets" not in changed
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert list((root / "docs").iterdir()) == []


def _serve(root: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=clean_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> str:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out.decode("utf-8", "replace")


def test_mkdocs_serve_shows_content_errors_as_a_page_until_they_are_fixed(tmp_path):
    root = copy_basic(tmp_path / "src")
    hyp = root / "content/hypotheses/setup-checklist.md"
    good = read(hyp)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    proc = _serve(root, port)
    try:
        assert _poll(lambda: (lambda t: t if t and "rg-item-header" in t else None)(_fetch(base + "hypotheses/setup-checklist/")), 30)
        hyp.write_text(good.replace("horizon: now", "horizon: [now"), encoding="utf-8")
        check = roadmap_gen(root, "check").stdout.strip()  # the line `check` prints
        assert check.startswith("content/hypotheses/setup-checklist.md:") and check.count("\n") == 0
        errors = {}
        for path in ("", "hypotheses/setup-checklist/", "journey/", "outcomes/fewer-tickets/"):
            errors[path] = _poll(lambda: (lambda t: t if t and "rg-errors" in t else None)(_fetch(base + path)), 30)
            assert errors[path], f"no error page at /{path}"
        doc = content(parse(errors[""]))
        assert doc.find("h1").text() == "The roadmap has 1 error"
        items = doc.find("ol", cls="rg-errors__list").find_all("li")
        assert [li.clean_text() for li in items] == [check]  # path:line:column: message, as check says it
        assert proc.poll() is None  # still serving
        hyp.write_text(good, encoding="utf-8")
        back = _poll(lambda: (lambda t: t if t and "rg-item-header" in t else None)(_fetch(base + "hypotheses/setup-checklist/")), 30)
        assert back and "rg-errors" not in back
    finally:
        log = _stop(proc)
    assert "ERROR" in log and "content/hypotheses/setup-checklist.md:" in log
    # the same content fails `mkdocs build`
    hyp.write_text(good.replace("horizon: now", "horizon: [now"), encoding="utf-8")
    failed = mkdocs(root, "build", "-d", tmp_path / "site")
    assert failed.returncode != 0 and check in failed.stderr


# -- the home page ------------------------------------------------------------------------------

def test_home_shows_vision_and_mission(site):
    home = content(page(site, "index.html"))
    vmgs = home.find("div", cls="rg-vmgs")
    assert vmgs.find("h1").text() == "Basic roadmap"
    statements = {s.find("h2").text(): s.find("p", cls="rg-vmgs__text").text()
                  for s in vmgs.find_all("section", cls="rg-vmgs__statement")}
    assert statements == {"Vision": "Clinics spend their time on patients, not on the phone.",
                          "Mission": "Make booking a physiotherapist as easy as sending a text."}


def test_home_puts_the_north_star_goal_first_with_its_progress(probe):
    goals = content(page(probe, "index.html")).find("section", cls="rg-vmgs__goals")
    assert goals.find("h2").text() == "Goals"
    items = goals.find("ol", cls="rg-goals").find_all("li", cls="rg-goal")
    assert [li.get("id") for li in items] == ["goal-star", "goal-plain"]
    star = items[0]
    assert "rg-goal--north-star" in star.classes and "North star" in star.find("p", cls="rg-goal__star").text()
    progress = star.find("div", cls="rg-progress")
    assert progress.find("svg").get("role") == "img"
    assert "Current 40%" in progress.text() and "Target 50%" in progress.text()
    assert not items[1].has("div", cls="rg-progress") and "rg-goal--north-star" not in items[1].classes


def test_home_splits_strategies_into_yes_and_no(probe):
    section = content(page(probe, "index.html")).find("section", cls="rg-vmgs__strategies")
    assert section.find("h2").text() == "Strategies"
    yes = section.find("div", cls="rg-strategies__col--yes")
    no = section.find("div", cls="rg-strategies__col--no")
    assert yes.find("h3").text() == "What we say yes to" and no.find("h3").text() == "What we say no to (for now)"
    assert [a.find("h4").text() for a in yes.find_all("article", cls="rg-strategy")] == ["Strategy we pursue"]
    assert [a.find("h4").text() for a in no.find_all("article", cls="rg-strategy")] == ["Strategy we decline"]
    goal_link = yes.find("p", cls="rg-strategy__meta").find("a")
    assert goal_link.get("href") == "goals/star/"  # the goal's page (1.1); its anchor on this page stays


def test_home_greys_inactive_tactics(probe, site):
    tactics = content(page(probe, "index.html")).find("ul", cls="rg-tactics").find_all("li")
    assert [(li.clean_text(), "rg-tactic--inactive" in li.classes) for li in tactics] == [
        ("Active tactic", False), ("Paused tactic (not pursued now)", True)]
    basic_tactics = content(page(site, "index.html")).find_all("li", cls="rg-tactic--inactive")
    assert [li.clean_text() for li in basic_tactics] == ["Sales-led demos (not pursued now)"]
    css = read(REPO / "theme/assets/css/roadmap.css")
    assert ".rg-tactic--inactive" in css


def test_home_review_date_overdue(site):
    review = content(page(site, "index.html")).find("p", cls="rg-vmgs__review")
    assert "rg-vmgs__review--overdue" in review.classes
    assert [t.get("datetime") for t in review.find_all("time")] == ["2026-06-01", "2026-09-01"]
    assert review.find("strong", cls="rg-flag--overdue").text() == "Review overdue"


def test_home_review_date_not_overdue(probe):
    review = content(page(probe, "index.html")).find("p", cls="rg-vmgs__review")
    assert "rg-vmgs__review--overdue" not in review.classes
    assert [t.get("datetime") for t in review.find_all("time")] == ["2026-10-01", "2027-01-01"]
    assert "overdue" not in review.text().lower()


def test_home_links_onwards(site):
    more = content(page(site, "index.html")).find("nav", cls="rg-vmgs__more")
    hrefs = [a.get("href") for a in more.find_all("a")]
    assert hrefs[:3] == ["journey/", "kpis/", "okrs/"]
    assert content(page(site, "index.html")).find("p", cls="rg-asof").find("time").get("datetime") == "2026-11-25"


def test_home_shows_the_journey_near_the_top(site):
    doc = content(page(site, "index.html"))
    strip = doc.find("section", cls="rg-strip")
    h2s = [h.get("id") for h in doc.find_all("h2")]
    assert h2s.index("journey-strip") == h2s.index("mission") + 1 < h2s.index("goals")  # before the goals
    stages = strip.find_all("li", cls="rg-strip__stage")
    assert [li.find("a", cls="rg-strip__title").get("href") for li in stages] == [f"stages/{s}/" for s in BASIC_STAGES]
    assert [li.find("a", cls="rg-strip__work").get("href") for li in stages] == [
        f"journey/#stage-{s}" for s in BASIC_STAGES]
    assert [li.find("a", cls="rg-strip__work").clean_text() for li in stages] == [
        "0 items on the journey board", "3 items on the journey board", "1 item on the journey board"]
    assert stages[0].find("p", cls="rg-strip__none").text() == "No outcome yet"
    onboard = [(a.get("href"), a.get("title"), a.clean_text()) for a in stages[1].find_all("a")
               if "rg-strip__outcome" in (a.parent.classes)]
    assert onboard == [
        ("outcomes/fewer-tickets/", "Clinics solve problems without calling us",
         "Clinics solve problems without calling us: Off track"),
        ("outcomes/week-one-activation/", "New clinics book a first patient in week one",
         "New clinics book a first patient in week one: On track")]
    assert strip.find("p", cls="rg-strip__more").find("a").get("href") == "journey/"


# -- the journey board ----------------------------------------------------------------------------

def _board(site: Path):
    return content(page(site, "journey/index.html")).find("table", cls="rg-board__table")


def test_board_has_one_column_per_stage_in_journey_order(site, probe):
    heads = _board(site).find("thead").find_all("th", cls="rg-board__stage")
    assert [th.get("id") for th in heads] == [f"stage-{s}" for s in BASIC_STAGES]
    probe_heads = _board(probe).find("thead").find_all("th", cls="rg-board__stage")
    assert [th.find("a").text() for th in probe_heads] == ["Zeta first", "Alpha second", "Mid third"]


def test_board_rows_are_now_next_later(site):
    rows = _board(site).find("tbody").find_all("tr", cls="rg-board__row")
    assert [r.find("th").text() for r in rows] == ["Now", "Next", "Later"]
    for row, horizon in zip(rows, ("now", "next", "later")):
        cells = row.find_all("td", cls="rg-board__cell")
        assert [c.get("data-stage") for c in cells] == BASIC_STAGES
        assert {c.get("data-horizon") for c in cells} == {horizon}


def _cell(site: Path, stage: str, horizon: str):
    for td in _board(site).find_all("td", cls="rg-board__cell"):
        if td.get("data-stage") == stage and td.get("data-horizon") == horizon:
            return td
    raise AssertionError((stage, horizon))


def test_board_cards_show_kind_title_status_and_outcome(site):
    cell = _cell(site, "onboard", "now")
    cards = {c.get("data-key"): c for c in cell.find_all("article", cls="rg-card")}
    assert set(cards) == {"theme/first-value", "question/why-no-booking", "hypothesis/setup-checklist"}
    card = cards["hypothesis/setup-checklist"]
    assert card.find("span", cls="rg-card__kind").text() == "Hypothesis"
    assert card.find("h3", cls="rg-card__title").find("a").text() == \
        "A setup checklist gets clinics to a first booking"
    assert card.find("h3", cls="rg-card__title").find("a").get("href") == "../hypotheses/setup-checklist/"
    badge = card.find("span", cls="rg-badge")
    assert "rg-badge--testing" in badge.classes and badge.text() == "Testing"
    outcome = card.find("p", cls="rg-card__outcome").find("a")
    assert outcome.text() == "New clinics book a first patient in week one"
    assert outcome.get("href") == "../outcomes/week-one-activation/"
    assert cards["question/why-no-booking"].find("span", cls="rg-badge").text() == "Open"
    assert cards["theme/first-value"].find("span", cls="rg-card__kind").text() == "Theme"
    # a card on two stages shows in both columns
    grow_next = _cell(site, "grow", "next")
    assert [c.get("data-key") for c in grow_next.find_all("article")] == ["hypothesis/sms-reminders"]


def test_board_empty_cells_say_so(site, probe):
    empty = _cell(site, "discover", "now")
    assert not empty.has("article")
    note = empty.find("p", cls="rg-board__empty")
    assert note.text() == "Nothing here" and "hidden" not in note.attrs
    full = _cell(site, "onboard", "now").find("p", cls="rg-board__empty")
    assert "hidden" in full.attrs
    # the probe: hypothesis on zeta and mid (later), question on mid (next), theme on alpha (now)
    occupied = {(td.get("data-stage"), td.get("data-horizon")) for td in _board(probe).find_all("td")
                if td.has("article")}
    assert occupied == {("alpha", "now"), ("mid", "next"), ("zeta", "later"), ("mid", "later")}
    for td in _board(probe).find_all("td"):
        visible_note = "hidden" not in td.find("p", cls="rg-board__empty").attrs
        assert visible_note == (not td.has("article"))


def test_board_columns_reach_boosters_and_blockers(site):
    board_page = site / "journey/index.html"
    for th in _board(site).find("thead").find_all("th", cls="rg-board__stage"):
        stage = th.get("id").removeprefix("stage-")
        link = th.find("a", cls="rg-board__stage-title")
        target, _ = resolve(site, board_page, link.get("href"))
        assert target == site / f"stages/{stage}/index.html"
        stage_page = content(parse(read(target)))
        assert stage_page.has("section", cls="rg-behaviours--boosters")
        assert stage_page.has("section", cls="rg-behaviours--blockers")
    onboard = _board(site).find("th", id="stage-onboard").find("details", cls="rg-behaviours")
    assert onboard.find("ul", cls="rg-behaviours__list--boosters").clean_text() == \
        "+ Imports the patient list on day one"
    assert onboard.find("ul", cls="rg-behaviours__list--blockers").clean_text() == "− Never connects a calendar"


def test_board_columns_show_outcomes_with_progress(site):
    onboard = _board(site).find("th", id="stage-onboard")
    outcomes = onboard.find_all("div", cls="rg-board__outcome")
    assert {o.find("a").text() for o in outcomes} == {"New clinics book a first patient in week one",
                                                      "Clinics solve problems without calling us"}
    assert all(o.has("div", cls="rg-progress") for o in outcomes)


# -- stage and item pages ---------------------------------------------------------------------------

def test_stage_page(site):
    discover = content(page(site, "stages/discover/index.html"))
    assert discover.find("h1").text() == "Discover"
    assert discover.find("p", cls="rg-lead").text() == "Finds out the product exists."
    onboard = content(page(site, "stages/onboard/index.html"))
    assert onboard.find("ul", cls="rg-behaviours__list--boosters").clean_text() == \
        "+ Imports the patient list on day one"
    assert onboard.find("ul", cls="rg-behaviours__list--blockers").clean_text() == "− Never connects a calendar"
    outcomes = onboard.find("div", cls="rg-outcomes").find_all("article", cls="rg-outcome-summary")
    assert len(outcomes) == 2 and all(o.has("div", cls="rg-progress") for o in outcomes)
    groups = onboard.find_all("section", cls="rg-index__group")
    assert [g.get("data-horizon") for g in groups] == ["now", "next", "later"]
    assert [g.find("h3").text() for g in groups] == ["Now", "Next", "Later"]
    assert sorted(c.get("data-key") for c in groups[0].find_all("article", cls="rg-card")) == [
        "hypothesis/setup-checklist", "question/why-no-booking", "theme/first-value"]
    assert groups[1].find("p", cls="rg-board__empty").text() == "Nothing here"
    board_link = [a for a in onboard.find_all("a") if "journey" in (a.get("href") or "")]
    assert board_link and board_link[0].get("href") == "../../journey/#stage-onboard"


def test_hypothesis_page(site):
    doc = content(page(site, "hypotheses/setup-checklist/index.html"))
    assert doc.find("h1").text() == "A setup checklist gets clinics to a first booking"
    header = doc.find("header", cls="rg-item-header")
    assert header.find("span", cls="rg-badge").text() == "Testing"
    facts = {row.find("dt").text(): row.find("dd").clean_text() for row in header.find_all("div", cls="rg-facts__row")}
    assert facts["Confidence"] == "Medium" and facts["Team"] == "onboarding" and facts["Horizon"] == "Now"
    assert facts["Stage"] == "Onboard" and facts["Outcome"] == "New clinics book a first patient in week one"
    statement = doc.find_all("figure", cls="rg-statement")
    assert len(statement) == 1  # the three parts are one card
    parts = [p.clean_text() for p in statement[0].find_all("p")]
    assert parts == ["We believe adding a setup checklist to the empty calendar",
                     "will result in more new clinics booking a patient in week one",
                     "We will know when week-one activation rises from 20% to 40%"]
    timeline = doc.find("ol", cls="rg-timeline").find_all("li", cls="rg-timeline__item")
    assert len(timeline) == 1 and "rg-timeline__item--done" in timeline[0].classes
    assert [t.get("datetime") for t in timeline[0].find_all("time")] == ["2026-10-01", "2026-10-15"]
    assert timeline[0].find("p", cls="rg-timeline__title").text() == "Fake-door checklist link"
    assert timeline[0].find("p", cls="rg-timeline__result").clean_text() == "Result: 12% clicked"
    link = doc.find("ul", cls="rg-links").find("a")
    assert (link.text(), link.get("href")) == ("JPD-123", "https://jira.example.com/browse/JPD-123")
    assert doc.find("div", cls="rg-body").find("strong").text() == "eight"
    assert doc.find("h2", id="referenced-by").text().startswith("Referenced by")


def _hrefs(node) -> list[str]:
    return [a.get("href") for a in node.find_all("a")]


def test_item_pages_list_back_links_once(site):
    """Referenced by lists what refers to an item but is not on its page already (cards, outcomes, tree)."""
    for rel in item_files():
        doc = content(page(site, rel))
        above = {a.get("href") for part in (*doc.find_all("article", cls="rg-card"), *doc.find_all("div", cls="rg-tree"),
                                           *doc.find_all("article", cls="rg-outcome-summary"))
                 for a in part.find_all("a")}
        if doc.has("section", cls="rg-backlinks"):
            assert doc.find("h2", id="referenced-by"), rel
            assert not above & set(_hrefs(doc.find("section", cls="rg-backlinks"))), rel
        else:  # everything that refers here is listed above
            assert above, rel
    # the outcome: its work as cards, its opportunities in the tree, nothing left to repeat
    outcome = content(page(site, "outcomes/week-one-activation/index.html"))
    assert not outcome.has("h2", id="referenced-by") and not outcome.has("section", cls="rg-backlinks")
    cards = [c.get("data-key") for c in outcome.find_all("article", cls="rg-card")]
    assert sorted(cards) == ["hypothesis/setup-checklist", "question/why-no-booking", "theme/first-value"]
    assert "../../opportunities/first-week-is-hard/" in _hrefs(outcome.find("div", cls="rg-tree"))
    assert outcome.find("h2", id="related-items").text() == "Work towards this outcome"
    # the stage: its cards and outcomes above; below only the opportunity placed on it
    stage = content(page(site, "stages/onboard/index.html"))
    groups = stage.find("section", cls="rg-backlinks")
    assert [h.text() for h in groups.find_all("h3")] == ["Opportunities"]
    assert _hrefs(groups) == ["../../opportunities/setup-is-confusing/"]
    toc = [a.clean_text() for a in page(site, "stages/onboard/index.html").find_all("a", cls="md-nav__link")]
    assert "Referenced by" in toc and "Work on this stage" in toc
    theme = content(page(site, "themes/first-value/index.html"))
    assert theme.find("h2", id="related-items").text() == "Work under this theme"
    assert "Referenced by" not in [a.clean_text() for a in page(site, "themes/first-value/index.html").find_all(
        "a", cls="md-nav__link")]
    none = content(page(site, "hypotheses/sms-reminders/index.html")).find("section", cls="rg-backlinks")
    assert none.text().strip() == "Nothing refers to this yet."


@pytest.mark.parametrize("rel,kind_label,title", [
    ("stages/onboard/index.html", "Stage", "Onboard"),
    ("themes/first-value/index.html", "Theme", "Faster first value"),
    ("questions/why-no-booking/index.html", "Question", "Why do clinics not book a first patient?"),
    ("hypotheses/sms-reminders/index.html", "Hypothesis", "SMS reminders reduce no-shows"),
    ("outcomes/week-one-activation/index.html", "Outcome", "New clinics book a first patient in week one"),
    ("opportunities/setup-is-confusing/index.html", "Opportunity", "Setting up is confusing"),
    ("metrics/activation/index.html", "Metric", "Clinics active in week one"),
    ("okrs/grow-activation/index.html", "OKR", "New clinics get value in their first week"),
])
def test_item_page_per_kind(site, rel, kind_label, title):
    doc = page(site, rel)
    main = content(doc)
    header = main.find("header", cls="rg-item-header")
    assert header.find("p", cls="rg-item-header__kind").text().startswith(kind_label)
    assert header.find("h1").text() == title
    assert doc.find("title").text().startswith(title)


def test_item_pages_show_their_specifics(site):
    outcome = content(page(site, "outcomes/week-one-activation/index.html"))
    assert outcome.find("div", cls="rg-outcome-progress").has("div", cls="rg-progress--on-track")
    shown = [c for c in outcome.find("div", cls="rg-body").children if not isinstance(c, str) and "hidden" not in c.attrs]
    assert " ".join(c.text() for c in shown).strip() == "Clinics that book a patient in their first week stay."
    assert outcome.has("div", cls="rg-tree")
    metric = content(page(site, "metrics/activation/index.html"))
    assert metric.find("dd", cls="rg-kpi__current").text().startswith("37")
    assert metric.has("figure", cls="rg-chart-figure")
    okr = content(page(site, "okrs/grow-activation/index.html"))
    rows = okr.find("ol", cls="rg-okr__krs").find_all("li", cls="rg-kr")
    assert [r.find("p", cls="rg-kr__title").clean_text() for r in rows][1] == "Interview 20 clinics"
    assert [[d.clean_text() for d in r.find_all("dt")] for r in rows] == [["From", "Current", "To", "Score"]] * 2
    opp = content(page(site, "opportunities/setup-is-confusing/index.html"))
    assert "A setup checklist gets clinics to a first booking" in opp.text()


def test_an_index_page_per_kind(site):
    stages = content(page(site, "stages/index.html")).find("ol", cls="rg-stage-list")
    assert [a.get("href") for a in stages.find_all("a")] == [f"{s}/" for s in BASIC_STAGES]
    for kind, title in [("themes", "Themes"), ("questions", "Questions"), ("hypotheses", "Hypotheses")]:
        doc = content(page(site, f"{kind}/index.html"))
        assert doc.find("h1").text() == title
        hrefs = {a.get("href") for a in doc.find_all("a") if a.parent.tag == "h3"}
        assert hrefs == {f"{id}/" for id in BASIC_ITEMS[kind]}, kind
    outcomes = content(page(site, "outcomes/index.html"))
    assert {a.get("href") for a in outcomes.find_all("a") if a.parent.tag == "h2"} == {
        "week-one-activation/", "fewer-tickets/"}
    metrics = content(page(site, "metrics/index.html")).find("ul", cls="rg-metric-list")
    assert {a.get("href") for a in metrics.find_all("a")} == {"arr/", "activation/", "tickets/"}
    okrs = content(page(site, "okrs/index.html"))
    assert okrs.find("h4", cls="rg-okr__objective").find("a").get("href") == "grow-activation/"
    kpis = content(page(site, "kpis/index.html"))
    assert {a.get("id") for a in kpis.find_all("article", cls="rg-kpi")} == {"kpi-arr", "kpi-activation",
                                                                             "kpi-tickets"}
    trees = content(page(site, "opportunities/index.html"))
    assert "Setting up is confusing" in trees.text()


# -- navigation ---------------------------------------------------------------------------------------

def test_nav_lists_the_roadmap_sections_in_order(site):
    titles = [t for t, _ in primary_nav_links(page(site, "hypotheses/index.html")) if t]
    wanted = ["Roadmap", "Journey", "Stages", "Themes", "Questions", "Hypotheses", "Outcomes", "OKRs", "KPIs"]
    assert [t for t in titles if t in wanted] == wanted
    assert titles[0] == "Roadmap"


@pytest.mark.parametrize("rel", ["hypotheses/index.html", "hypotheses/setup-checklist/index.html",
                                 "stages/onboard/index.html", "kpis/index.html"])
def test_item_pages_are_not_in_the_nav(site, rel):
    doc = page(site, rel)
    items = {site / f for f in item_files()}
    targets = {resolve(site, site / rel, href)[0] for _, href in primary_nav_links(doc)}
    assert targets & items == set()
    nav_html = doc.find("nav", cls="md-nav--primary")
    assert "A setup checklist" not in nav_html.text() and "Faster first value" not in nav_html.text()
    assert {site / "journey/index.html", site / "kpis/index.html", site / "stages/index.html"} <= targets


@pytest.mark.parametrize("rel,trail", [
    ("hypotheses/setup-checklist/index.html", ["index.html", "hypotheses/index.html"]),
    ("okrs/grow-activation/index.html", ["index.html", "okrs/index.html"]),
    ("metrics/arr/index.html", ["index.html", "metrics/index.html"]),
    ("journey/index.html", ["index.html"]),
    ("themes/index.html", ["index.html"]),
])
def test_breadcrumbs_lead_back(site, rel, trail):
    crumbs = content(page(site, rel)).find("nav", cls="rg-crumbs")
    hrefs = [a.get("href") for a in crumbs.find_all("a")]
    assert [resolve(site, site / rel, h)[0] for h in hrefs] == [site / t for t in trail]
    assert crumbs.find_all("li")[0].text() == "Roadmap"
    assert crumbs.find("span").get("aria-current") == "page"


# -- roadmap.json ---------------------------------------------------------------------------------------

def test_roadmap_json_is_the_export(basic, flat):
    for built in (basic, flat):
        export = roadmap_gen(built["root"], "export", "--format", "json")
        assert export.returncode == 0, export.stderr
        assert (built["site"] / "roadmap.json").read_bytes() == export.stdout.encode("utf-8")
    data = json.loads(read(basic["site"] / "roadmap.json"))
    assert data["format"] == 1 and data["as_of"] == AS_OF.isoformat()


# -- languages ---------------------------------------------------------------------------------------------

def _language_site(tmp_path: Path, language: str | None, labels: dict | None = None) -> Path:
    cfg = yaml.safe_load(read(REPO / "tests/fixtures/basic/mkdocs.yml"))
    if language:
        cfg["theme"]["language"] = language
    if labels:
        cfg["plugins"][1]["outcome-roadmap"]["labels"] = labels
    return build(copy_basic(tmp_path / "src", cfg), tmp_path / "site")


def _vmgs_headings(site: Path) -> list[str]:
    vmgs = content(page(site, "index.html")).find("div", cls="rg-vmgs")
    return [h.text() for h in vmgs.find_all("h2")]


@pytest.mark.parametrize("language,words", [
    ("nl", ["Visie", "Missie", "Klantreis", "Doelen", "Strategieën"]),
    ("sv", ["Vision", "Uppdrag", "Kundresa", "Mål", "Strategier"]),
])
def test_site_language_translates_labels(tmp_path, language, words):
    site = _language_site(tmp_path, language)
    assert _vmgs_headings(site) == words
    assert page(site, "index.html").find("html").get("lang") == language
    english = set(_nav_titles(site)) & {"Journey", "Stages", "Themes", "Questions"}
    assert english == set(), english


def _nav_titles(site: Path) -> list[str]:
    return [t for t, _ in primary_nav_links(page(site, "stages/index.html")) if t]


def test_unknown_language_falls_back_to_english(tmp_path):
    from roadmap_gen.site.labels import EN, labels_for

    assert labels_for("xx") == EN and labels_for("tlh-KL") == EN and labels_for(None) == EN
    site = _language_site(tmp_path, "de")  # Material speaks German; roadmap-gen does not (yet)
    assert _vmgs_headings(site) == ["Vision", "Mission", "Customer journey", "Goals", "Strategies"]
    assert page(site, "index.html").find("html").get("lang") == "de"


def test_labels_option_overrides_labels(tmp_path):
    site = _language_site(tmp_path, "nl", {"vmgs.vision": "Onze droom", "nav.journey": "Klantpad",
                                           "board.empty": "Leeg vak"})
    assert _vmgs_headings(site)[:2] == ["Onze droom", "Missie"]
    assert "Klantpad" in _nav_titles(site)
    assert content(page(site, "journey/index.html")).find("p", cls="rg-board__empty").text() == "Leeg vak"


# -- determinism and the repository's own site -------------------------------------------------------------

def test_two_builds_are_byte_identical(tmp_path):
    assert "SOURCE_DATE_EPOCH" not in clean_env()
    cfg = yaml.safe_load(read(REPO / "tests/fixtures/basic/mkdocs.yml"))
    cfg["site_url"] = "https://roadmap.example.org/"  # the sitemap lists pages only with a site_url
    root = copy_basic(tmp_path / "src", cfg)
    one = build(root, tmp_path / "one")
    time.sleep(1.1)  # a clock-dependent timestamp (e.g. in sitemap.xml.gz) would now differ
    two = build(root, tmp_path / "two")
    assert files_of(one) == files_of(two)
    different = [f for f in files_of(one) if (one / f).read_bytes() != (two / f).read_bytes()]
    assert different == []
    for f in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "roadmap.json"):
        assert f in files_of(one)
    assert "<lastmod>2026-11-25</lastmod>" in read(one / "sitemap.xml")


def test_the_repository_example_builds_strictly(tmp_path):
    site = build(REPO, tmp_path / "site")
    for rel in ["index.html", "journey/index.html", "roadmap.json", "kpis/index.html", "about/index.html"]:
        assert (site / rel).is_file(), rel
    assert broken_links(site) == []
    export = roadmap_gen(REPO, "export")
    assert (site / "roadmap.json").read_bytes() == export.stdout.encode("utf-8")
    # built on any day, the example is shown as of the date its mkdocs.yml pins: one metric stale on purpose
    data = json.loads(export.stdout)
    assert data["as_of"] == "2026-11-25"
    assert [mt["id"] for mt in data["metrics"] if mt["stale"]] == ["cycle-time"]
    kpis = content(page(site, "kpis/index.html"))
    assert [k.get("id") for k in kpis.find_all("article", cls="rg-kpi--stale")] == ["kpi-cycle-time"]
    public = yaml.load(read(REPO / "mkdocs.public.yml"), Loader=yaml.BaseLoader)
    assert public["plugins"][1]["outcome-roadmap"]["as_of"] == "2026-11-25"


def test_nav_groups_the_roadmap_pages_in_sections_that_keep_the_tab_bar_short():
    from roadmap_gen.mkdocs.site_config import roadmap_nav
    from roadmap_gen.site.labels import labels_for

    t = labels_for("en")
    everything = {"index.md", "journey/index.md", "stages/index.md", "behaviours/index.md", "themes/index.md",
                  "questions/index.md", "hypotheses/index.md", "outcomes/index.md", "opportunities/index.md",
                  "insights/index.md", "okrs/index.md", "kpis/index.md", "changes/index.md", "reviews/index.md",
                  "health/index.md"}
    nav = roadmap_nav(t, everything, {"health/index.md": "Health (3)"})
    assert [next(iter(e)) for e in nav] == ["Roadmap", "Journey", "Stages", "Behaviours", "Work", "Outcomes",
                                            "Discovery", "Measures", "History", "Health (3)"]
    assert nav[4] == {"Work": [{"Themes": "themes/index.md"}, {"Questions": "questions/index.md"},
                               {"Hypotheses": "hypotheses/index.md"}]}
    # without the history, no History section; a section with one page left is that page
    fewer = roadmap_nav(t, everything - {"changes/index.md", "reviews/index.md", "insights/index.md"}, {},
                        skip={"kpis/index.md"})
    assert {"Opportunities": "opportunities/index.md"} in fewer and {"OKRs": "okrs/index.md"} in fewer
    assert not any("History" in e or "Measures" in e or "Discovery" in e for e in fewer)


def test_the_benchmarks_floor_draws_our_navigation(monkeypatch):
    """bench/generate.py writes the floor's ``nav`` by hand (it does not import roadmap_gen); it must stay the
    navigation ours has for the same roadmap (v1: no behaviours), or the benchmark compares unlike pages."""
    import importlib.util

    from roadmap_gen.mkdocs.site_config import roadmap_nav
    from roadmap_gen.site.labels import labels_for

    spec = importlib.util.spec_from_file_location("bench_generate", REPO / "bench" / "generate.py")
    generate = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_generate", generate)  # its dataclasses look their module up
    spec.loader.exec_module(generate)
    ours = {"index.md", "journey/index.md", "stages/index.md", "themes/index.md", "questions/index.md",
            "hypotheses/index.md", "outcomes/index.md", "opportunities/index.md", "insights/index.md",
            "okrs/index.md", "kpis/index.md", "changes/index.md", "reviews/index.md", "health/index.md"}
    assert yaml.safe_load(generate.NAV) == roadmap_nav(labels_for("en"), ours, {})
    assert set(generate.SHORT_PAGES) == {"insights", "changes", "reviews", "health"}
