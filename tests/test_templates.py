"""Template overrides: a site replaces one block of one page by extending our layout, with Material's
partials and icons at hand; our templates and the overrides of them are autoescaped; pages for other
engines (``roadmap-gen pages``) use the same overrides."""
from __future__ import annotations

from pathlib import Path

import pytest

from sitehelpers import basic_content, build, content, mkdocs_config, page, read, roadmap_gen, write_site

OVERRIDE = """\
{% extends "roadmap/layouts/hypothesis.html" %}
{% block rg_experiments %}<section class="custom-experiments">
<h2 id="experiments">Tests run: {{ roadmap.experiments | length }}</h2>
<span class="custom-icon">{% include ".icons/material/flask.svg" %}</span>
<p class="custom-title">{{ roadmap.item.title }}</p>
</section>{% endblock %}
"""

HOSTILE = "title: <b>Bold</b> & {{ 7*7 }}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("override")
    files = basic_content()
    rel = "hypotheses/sms-reminders.md"
    files[rel] = files[rel].replace("title: ", "title: <b>Bold</b> & {{ 7*7 }} ", 1)
    src = write_site(root / "src", files, config=mkdocs_config(theme={"custom_dir": "overrides"}))
    (src / "overrides" / "roadmap").mkdir(parents=True)
    (src / "overrides" / "roadmap" / "hypothesis.html").write_text(OVERRIDE, encoding="utf-8")
    return build(src, root / "site")


def test_one_block_of_one_page_is_replaced(site: Path) -> None:
    doc = content(page(site, "hypotheses/setup-checklist/index.html"))
    custom = doc.find("section", cls="custom-experiments")
    assert custom.find("h2").text() == "Tests run: 1"
    assert not doc.has("ol", cls="rg-timeline")  # the block's old content is gone ...
    # ... and every other block is still ours
    assert doc.has("figure", cls="rg-statement") and doc.has("dl", cls="rg-facts")
    assert doc.find("h2", id="referenced-by") and doc.find("h1").text()


def test_an_override_can_use_materials_icons(site: Path) -> None:
    doc = content(page(site, "hypotheses/setup-checklist/index.html"))
    assert doc.find("span", cls="custom-icon").has("svg")


def test_other_kinds_keep_our_templates(site: Path) -> None:
    doc = content(page(site, "outcomes/week-one-activation/index.html"))
    assert not doc.has("section", cls="custom-experiments") and doc.has("div", cls="rg-tree")


def test_overrides_are_autoescaped(site: Path) -> None:
    html = read(site / "hypotheses/sms-reminders/index.html")
    doc = content(page(site, "hypotheses/sms-reminders/index.html"))
    assert doc.find("p", cls="custom-title").text().startswith("<b>Bold</b> & {{ 7*7 }}")
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; &amp; {{ 7*7 }}" in html


def test_pages_for_other_engines_use_the_overrides(site: Path, tmp_path: Path) -> None:
    src = site.parent / "src"
    proc = roadmap_gen(src, "pages", "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    markdown = read(tmp_path / "out" / "hypotheses" / "setup-checklist" / "index.md")
    assert 'class="custom-experiments"' in markdown and "Tests run: 1" in markdown
