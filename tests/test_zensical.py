"""The pages ``roadmap-gen pages`` exports, built by the real ``zensical`` command (the static-site
generator by the Material for MkDocs team): the journey board, an item page, text from YAML that
stays text, roadmap.json and the stylesheets. One export and one Zensical build for the module.

Zensical is a declared test dependency (the ``test`` extra); it runs as the ``zensical``
executable next to this Python, with a ``zensical.toml`` written beside the exported folder
(Zensical wants ``docs_dir`` and ``site_dir`` inside the config file's folder)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sitehelpers import (broken_links, clean_env, content, copy_basic, html_pages, page, read, resolve,
                         roadmap_gen, run)

ZENSICAL = Path(sys.executable).parent / "zensical"
STAGES = ["discover", "onboard", "grow"]

# A hypothesis whose YAML fields look like Markdown: in the site they stay the text that was written.
STARS_FIELD = ("keeping *stars*, _underscores_, `ticks`, <b>tags</b> & https://example.com "
               "(c) :smile: ==mark== ~~del~~ as typed")
STARS = f"""\
---
title: Stars *stay* stars
stage: grow
horizon: later
outcome: fewer-tickets
we_believe: "{STARS_FIELD}"
will_result_in: |
  text that stays text

  # even this line
  - and this one
we_will_know_when: nobody sees emphasis that was never written
status: idea
---
A body with *emphasis* is Markdown.
"""

# Markup that would show that a YAML text was read as Markdown (or by an extension Zensical turns on
# by default: magiclink, smartsymbols, emoji, mark, tilde)
MARKDOWN_TAGS = {"em", "strong", "code", "b", "a", "mark", "del", "img", "ul", "ol", "li", "pre",
                 "h1", "h2", "h3", "h4", "h5", "h6"}


def linked_assets(docs: Path) -> tuple[list[str], list[str]]:
    """The stylesheets and scripts of an export that every page links (paths relative to ``docs``):
    all but the file:// search shim, which only a site with the offline plugin loads, as a polyfill."""
    def paths(ext: str) -> list[str]:
        return [p.relative_to(docs).as_posix() for p in sorted(docs.rglob(f"*.{ext}"))
                if "iframe-worker" not in p.name]
    return paths("css"), paths("js")


def zensical_toml(docs: Path) -> str:
    """The smallest config that publishes an export, its stylesheets and scripts linked from every page."""
    css, js = linked_assets(docs)
    return f"""\
[project]
site_name = "Basic roadmap"
docs_dir = "docs"
site_dir = "site"
use_directory_urls = true
extra_css = {json.dumps(css)}
extra_javascript = {json.dumps(js)}

[project.theme]
font = false  # no fonts from another host
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """The basic fixture plus the stars hypothesis, exported with ``roadmap-gen pages`` into docs/
    and built with ``zensical build --strict`` into site/."""
    tmp = tmp_path_factory.mktemp("zensical")
    src = copy_basic(tmp / "src")
    (src / "content" / "hypotheses" / "stars.md").write_text(STARS, encoding="utf-8")
    docs = tmp / "docs"
    proc = roadmap_gen(src, "pages", "--out", docs, src)
    assert proc.returncode == 0, f"pages failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    (tmp / "zensical.toml").write_text(zensical_toml(docs), encoding="utf-8")
    proc = run([ZENSICAL, "build", "--strict", "--config-file", tmp / "zensical.toml"], cwd=tmp,
               env=clean_env(NO_COLOR="1"))
    assert proc.returncode == 0, f"zensical build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    site = tmp / "site"
    assert (site / "index.html").is_file(), f"no site written:\n{proc.stdout}\n{proc.stderr}"
    return {"src": src, "docs": docs, "site": site, "log": proc.stdout + proc.stderr}


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built["site"]


def html_of(md: str) -> str:
    """Where Zensical (directory URLs) writes the page of an exported Markdown file."""
    stem = md.removesuffix(".md")
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def board(site: Path):
    return content(page(site, "journey/index.html")).find("table", cls="rg-board__table")


def targets(site: Path, rel: str, nodes) -> list[Path]:
    """The files that the links in ``nodes`` (of page ``rel``) point at."""
    out = []
    for a in nodes:
        resolved = resolve(site.resolve(), (site / rel).resolve(), a.get("href") or "")
        assert resolved is not None, f"{rel}: {a.get('href')} leaves the site's host"
        out.append(resolved[0])
    return out


# -- the build -------------------------------------------------------------------------------

def test_every_exported_page_becomes_a_page_of_the_site(built):
    docs, site = built["docs"], built["site"]
    exported = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert "journey/index.md" in exported, exported
    assert "hypotheses/stars/index.md" in exported, exported  # directory URLs: one folder per page
    missing = [md for md in exported if not (site / html_of(md)).is_file()]
    assert not missing, missing
    assert len([p for p in html_pages(site) if p.name != "404.html"]) == len(exported)
    assert "Build finished" in built["log"], built["log"]


# -- the journey board -----------------------------------------------------------------------

def test_board_has_one_column_per_stage(site):
    table = board(site)
    heads = table.find("thead").find_all("th", cls="rg-board__stage")
    assert [th.get("id") for th in heads] == [f"stage-{s}" for s in STAGES]
    rows = table.find("tbody").find_all("tr")
    assert rows
    for row in rows:
        assert [td.get("data-stage") for td in row.find_all("td", cls="rg-board__cell")] == STAGES


def test_board_cards_link_to_existing_item_pages(site):
    cards = board(site).find_all("article", cls="rg-card")
    keys = {c.get("data-key") for c in cards}
    assert {"hypothesis/stars", "hypothesis/sms-reminders", "hypothesis/setup-checklist",
            "question/why-no-booking", "theme/first-value"} <= keys, keys
    site_dir = site.resolve()
    for card in cards:
        links = card.find_all("a")
        assert links, card
        for target in targets(site, "journey/index.html", links):
            assert site_dir in target.parents and target.is_file(), (card.get("data-key"), target)
    # the card's title leads to the item's own page
    card = next(c for c in cards if c.get("data-key") == "hypothesis/sms-reminders")
    title = card.find("h3", cls="rg-card__title").find("a")
    [target] = targets(site, "journey/index.html", [title])
    assert target == site_dir / "hypotheses/sms-reminders/index.html"
    assert content(page(site, "hypotheses/sms-reminders/index.html")).find("h1").clean_text() == \
        title.clean_text() == "SMS reminders reduce no-shows"


def test_links_on_the_journey_board_stay_in_the_site(site):
    assert [b for b in broken_links(site) if b.startswith("journey/index.html:")] == []


def test_every_link_of_every_page_stays_in_the_site(site):
    assert broken_links(site) == []


# -- an item page ----------------------------------------------------------------------------

def test_item_page_has_its_title_and_statement(site):
    doc = content(page(site, "hypotheses/sms-reminders/index.html"))
    [h1] = doc.find_all("h1")
    assert h1.clean_text() == "SMS reminders reduce no-shows"
    statement = doc.find("figure", cls="rg-statement").clean_text()
    for text in ("sending SMS reminders", "fewer no-show complaints", "tickets fall below 20 a week"):
        assert text in statement, statement


def test_text_from_yaml_stays_text(site):
    doc = page(site, "hypotheses/stars/index.html")
    main = content(doc)
    [h1] = main.find_all("h1")
    assert h1.clean_text() == "Stars *stay* stars"
    assert doc.find("title").text().startswith("Stars *stay* stars")
    figure = main.find("figure", cls="rg-statement")
    text = figure.clean_text()
    assert STARS_FIELD in text, text
    assert "text that stays text # even this line - and this one" in text, text
    assert not [n.tag for n in figure.iter() if n.tag in MARKDOWN_TAGS]
    headings = [h.clean_text() for level in range(1, 7) for h in main.find_all(f"h{level}")]
    assert not [h for h in headings if "even this line" in h], headings
    assert not [li for li in main.find_all("li") if "and this one" in li.text()]
    # the body is Markdown, rendered once
    assert main.find("div", cls="rg-body").find("em").text() == "emphasis"
    assert "*emphasis*" not in main.text()


# -- roadmap.json and the assets -------------------------------------------------------------

def test_roadmap_json_is_published(built):
    published = built["site"] / "roadmap.json"
    assert published.read_bytes() == (built["docs"] / "roadmap.json").read_bytes()
    data = json.loads(read(published))
    assert {h["id"] for h in data["hypotheses"]} == {"setup-checklist", "sms-reminders", "stars"}


def test_stylesheets_and_scripts_are_copied_and_linked(built):
    docs, site = built["docs"], built["site"]
    copied = sorted(p.relative_to(docs).as_posix() for ext in ("css", "js") for p in docs.rglob(f"*.{ext}"))
    for rel in copied:
        assert (site / rel).read_bytes() == (docs / rel).read_bytes(), rel
    css, js = linked_assets(docs)
    assert any(".rg-board" in read(docs / rel) for rel in css), css
    assert js, copied
    site_dir = site.resolve()
    for rel in ("journey/index.html", "hypotheses/stars/index.html"):
        doc = page(site, rel)
        hrefs = [n.get("href") or "" for n in doc.find_all("link") if n.get("rel") == "stylesheet"]
        srcs = [n.get("src") or "" for n in doc.find_all("script") if n.get("src")]
        assert not [u for u in hrefs + srcs if "://" in u], (rel, hrefs, srcs)  # nothing from another host
        linked = {resolve(site_dir, (site / rel).resolve(), u)[0] for u in hrefs + srcs}
        assert {site_dir / a for a in css + js} <= linked, (rel, hrefs, srcs)
