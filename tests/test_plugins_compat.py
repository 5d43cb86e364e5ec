"""The roadmap next to what people commonly use with Material: Markdown extensions (snippets,
superfences, admonition, details, toc permalinks, attr_list) in a hypothesis body, and Material's
tags, blog and offline plugins, all in one mkdocs.yml built once with ``--strict``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitehelpers import (AS_OF, basic_content, build, content, files_of, html_pages, ids_of, page, parse,
                         primary_nav_links, read, resolve, write_site)

HYPOTHESIS = "hypotheses/setup-checklist"
HYPOTHESIS_PAGE = f"{HYPOTHESIS}.html"  # the offline plugin turns directory URLs off
BOARD_PAGE = "journey/index.html"
SNIPPET_TEXT = "Pilot clinics book within seven days."
POST_PAGE = "blog/2026/11/20/first-post.html"

BODY_EXTRA = """
# Rollout plan

!!! note "Pilot clinics"
    Start with the **eight** clinics we interviewed.

??? tip "Why a checklist"
    Empty calendars stall setup.

```python
def activation(booked, clinics):
    return booked / clinics
```

--8<-- "pilot.md"

## Risks { #risks-heading }

Clinics may skip the list.
"""

DOCS = {
    "about.md": '# About\n\nWhat the pilots are.\n\n--8<-- "pilot.md"\n',
    "guide.md": "---\ntags:\n  - Pilots\n---\n\n# Pilot guide\n\nHow pilots run.\n",
    "tags.md": "# Tags\n\n<!-- material/tags -->\n",
    "blog/index.md": "# Blog\n",
    "blog/posts/first.md": ("---\ndate: 2026-11-20\n---\n\n# First post\n\nPilots started.\n\n<!-- more -->\n\n"
                            "The rest of the post.\n"),
}

CONFIG = {
    "site_name": "Compat site",
    "theme": {"name": "material", "font": False},
    "markdown_extensions": [
        {"pymdownx.snippets": {"base_path": ["snippets"], "check_paths": True}},
        "pymdownx.highlight",
        "pymdownx.superfences",
        "admonition",
        "pymdownx.details",
        {"toc": {"permalink": True}},
        "attr_list",
    ],
    "plugins": ["search", "tags", "blog", "offline", {"outcome-roadmap": {"as_of": AS_OF}}],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("compat")
    files = basic_content()
    files[f"{HYPOTHESIS}.md"] += BODY_EXTRA
    root = write_site(tmp / "src", files, docs=DOCS, config=CONFIG)
    (root / "snippets").mkdir()
    (root / "snippets" / "pilot.md").write_text(SNIPPET_TEXT + "\n", encoding="utf-8")
    return build(root, tmp / "site")  # --strict: any warning fails the build


@pytest.fixture(scope="module")
def hyp(site):
    return content(page(site, HYPOTHESIS_PAGE))


def search_docs(site: Path) -> list[dict]:
    """The entries of the offline search index (the script the offline plugin writes)."""
    text = read(site / "search" / "search_index.js")
    prefix = "var __index = "
    assert text.startswith(prefix)
    return json.loads(text[len(prefix):])["docs"]


# -- the build ---------------------------------------------------------------------------

def test_strict_build_without_directory_urls(site):
    files = set(files_of(site))
    assert {HYPOTHESIS_PAGE, BOARD_PAGE, "index.html", "about.html", "guide.html", "tags.html",
            "blog/index.html", POST_PAGE, "roadmap.json"} <= files
    assert f"{HYPOTHESIS}/index.html" not in files


# -- a hypothesis body with the site's Markdown extensions --------------------------------

def test_body_admonition_and_details(hyp):
    [note] = hyp.find_all("div", cls="admonition")
    assert "note" in note.classes
    assert note.find("p", cls="admonition-title").clean_text() == "Pilot clinics"
    assert "Start with the eight clinics we interviewed." in note.clean_text()
    [tip] = hyp.find_all("details")
    assert "tip" in tip.classes and tip.get("open") is None
    assert tip.find("summary").clean_text() == "Why a checklist"
    assert "Empty calendars stall setup." in tip.clean_text()


def test_body_fenced_code_highlighted(hyp):
    [block] = hyp.find_all("div", cls="highlight")
    [pre] = hyp.find_all("pre")
    assert pre.parent is block
    assert pre.find("code").clean_text() == "def activation(booked, clinics): return booked / clinics"
    assert pre.find_all("span", cls="k")  # Pygments' token classes survive the sanitiser


def test_body_snippet_included(hyp):
    assert [p for p in hyp.find_all("p") if p.clean_text() == SNIPPET_TEXT] != []
    assert hyp.clean_text().count(SNIPPET_TEXT) == 1
    assert "--8<--" not in hyp.text()


def test_body_headings_shifted_with_permalinks(hyp):
    for tag, id, title in (("h2", "rollout-plan", "Rollout plan"), ("h3", "risks-heading", "Risks")):
        [h] = hyp.find_all(id=id)
        assert h.tag == tag
        assert h.clean_text().rstrip("¶").strip() == title
        [a] = h.find_all("a", cls="headerlink")
        assert a.get("href") == f"#{id}"
    assert not hyp.find_all("h1", id="rollout-plan")


def test_hypothesis_keeps_roadmap_parts(hyp):
    assert len(hyp.find_all("figure", cls="rg-statement")) == 1
    assert "adding a setup checklist to the empty calendar" in hyp.find("figure", cls="rg-statement").clean_text()
    assert len(hyp.find_all(cls="rg-facts")) == 1
    experiments = hyp.find_all("h2", id="experiments")
    assert len(experiments) == 1 and experiments[0].clean_text() == "Experiments"
    assert len(hyp.find_all("h1")) == 1  # the page's title only
    assert len(hyp.find_all("h2", id="notes")) == 1


def test_hypothesis_toc_has_body_headings(site):
    toc = page(site, HYPOTHESIS_PAGE).find("nav", cls="md-nav--secondary")
    hrefs = [a.get("href") for a in toc.find_all("a")]
    assert "#rollout-plan" in hrefs and "#risks-heading" in hrefs and "#experiments" in hrefs
    assert len(hrefs) == len(set(hrefs))


def test_snippet_in_docs_page(site):
    about = content(page(site, "about.html"))
    assert about.clean_text().count(SNIPPET_TEXT) == 1


# -- links without directory URLs -----------------------------------------------------------

@pytest.mark.parametrize("rel", [BOARD_PAGE, HYPOTHESIS_PAGE])
def test_content_links_resolve(site, rel):
    site = site.resolve()
    path = site / rel
    hrefs = [a.get("href") for a in content(parse(read(path))).find_all("a") if a.get("href") is not None]
    assert hrefs
    broken, local = [], 0
    for href in hrefs:
        r = resolve(site, path, href)
        if r is None:  # another host (the hypothesis' Jira link)
            continue
        local += 1
        target, fragment = r
        if site not in target.parents or not target.is_file():
            broken.append(f"{href} -> {target}")
        elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
            broken.append(f"{href} -> no #{fragment}")
        elif href.split("#")[0].endswith("/"):
            broken.append(f"{href}: a directory URL")  # works on a server, not from the file system
    assert local
    assert broken == []


# -- tags and blog ----------------------------------------------------------------------------

def test_blog_index_and_post(site):
    post = page(site, POST_PAGE)
    assert "Pilots started." in post.find(cls="md-content").clean_text()
    index = page(site, "blog/index.html").find(cls="md-content")
    assert "First post" in index.clean_text()
    assert "2026/11/20/first-post.html" in [a.get("href") for a in index.find_all("a")]


def test_blog_posts_stay_out_of_navigation(site):
    # Material's blog lists posts on the blog index, not in the navigation (a blog of 200 posts would
    # otherwise have 200 navigation entries); the roadmap's navigation must not add them either
    hrefs = [href for _, href in primary_nav_links(page(site, "index.html"))]
    assert "blog/index.html" in hrefs
    assert [h for h in hrefs if "first-post" in h] == []


def test_tags_page_lists_tagged_page(site):
    tags = content(page(site, "tags.html"))
    assert "guide.html" in [a.get("href") for a in tags.find_all("a")]
    linked = {a.get("href") for a in tags.find_all("a")}
    assert not any(h and h.startswith(("hypotheses/", "journey/")) for h in linked)
    guide = page(site, "guide.html")
    assert [t.clean_text() for t in guide.find("nav", cls="md-tags").find_all(cls="md-tag")] == ["Pilots"]


@pytest.mark.parametrize("rel", [BOARD_PAGE, HYPOTHESIS_PAGE, "index.html"])
def test_roadmap_pages_untouched_by_tags_and_blog(site, rel):
    doc = page(site, rel)
    assert not doc.find_all(cls="md-tags") and not doc.find_all(cls="md-tag")
    assert not [n for n in doc.iter() if any(c.startswith("md-post") for c in n.classes)]  # no blog chrome
    main = content(doc)
    assert "Pilots started." not in main.clean_text()


# -- offline -------------------------------------------------------------------------------------

def test_offline_search_index_script(site):
    assert (site / "search" / "search_index.js").is_file()
    assert search_docs(site)


def test_no_script_from_another_host(site):
    shim = "assets/roadmap-gen/iframe-worker-shim.js"
    assert (site / shim).is_file()
    remote = []
    for p in html_pages(site):
        doc = parse(read(p))
        srcs = [n.get("src") or "" for n in doc.find_all("script") if n.get("src") is not None]
        remote += [f"{p.relative_to(site)}: {s}" for s in srcs if s.startswith(("http:", "https:", "//"))]
        remote += [f"{p.relative_to(site)}: stylesheet {n.get('href')}" for n in doc.find_all("link", rel="stylesheet")
                   if (n.get("href") or "").startswith(("http:", "https:", "//"))]
        shims = [s for s in srcs if "iframe-worker" in s]
        if "rg-doc" in (doc.find("body").get("class") or ""):  # the pack and embeds: standalone, no script
            assert srcs == [], (p, srcs)
            continue
        assert len(shims) == 1 and shims[0].endswith(shim), (p, srcs)
    assert remote == []
    assert "unpkg.com" not in "".join(read(p) for p in html_pages(site))


def test_search_index_has_statement_and_body(site):
    docs = [d for d in search_docs(site) if d["location"].split("#")[0] == HYPOTHESIS_PAGE]
    text = " ".join(d["title"] + " " + d["text"] for d in docs)
    for expected in ("adding a setup checklist to the empty calendar", "Interviews with eight clinics",
                     "Start with the eight clinics we interviewed", "Empty calendars stall setup",
                     "def activation(booked, clinics)", SNIPPET_TEXT, "Clinics may skip the list"):
        assert expected in text, expected
    sections = {d["location"] for d in docs}
    assert {f"{HYPOTHESIS_PAGE}#rollout-plan", f"{HYPOTHESIS_PAGE}#risks-heading"} <= sections
    guide = [d for d in search_docs(site) if d["location"] == "guide.html"]
    assert guide and guide[0].get("tags") == ["Pilots"]
