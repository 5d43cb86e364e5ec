"""Intranets without internet: no page asks another host for anything, nothing logs an error,
and a site built with Material's offline plugin works opened from the file system."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import build_example, filters_ready

pytestmark = pytest.mark.browser

EXTERNAL_ASSET = re.compile(r"""<(?:script|img|iframe|source)\b[^>]*\bsrc=["']?(?:https?:)?//"""
                            r"""|<link\b[^>]*\bhref=["']?(?:https?:)?//[^>]*>""", re.I)


def test_every_page_loads_without_other_hosts_or_errors(open_page, pages, server):
    page, watch = open_page(None)
    for name, path in pages.items():
        page.goto(server + path)
    # the search box: loads the search worker and index
    page.goto(server)
    page.locator("input.md-search__input").press_sequentially("clinic")
    page.wait_for_selector(".md-search-result__item")
    assert watch.external == []
    assert watch.errors == []
    assert watch.failed == []


def test_no_built_page_links_an_asset_on_another_host(site, offline_site):
    for root in (site, offline_site):
        htmls = sorted(root.rglob("*.html"))
        assert len(htmls) > 50
        found = {str(p.relative_to(root)): m.group(0) for p in htmls
                 for m in [EXTERNAL_ASSET.search(p.read_text(encoding="utf-8"))] if m}
        assert found == {}, found


def test_offline_plugin_listed_after_the_roadmap_plugin(tmp_path):
    site = build_example(tmp_path / "site", offline=True, offline_last=True)
    board = (site / "journey" / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'class="rg-card__title"><a href="([^"]+)"', board)
    assert hrefs and all(h.endswith(".html") for h in hrefs), hrefs[:3]  # files, not folders
    assert '<script src="../assets/roadmap-gen/iframe-worker-shim.js">' in board
    assert (site / "assets" / "roadmap-gen" / "iframe-worker-shim.js").is_file()


def test_file_system_site_browses_filters_and_searches(open_page, offline_site, roadmap):
    hypothesis = roadmap["hypotheses"][0]
    word = max(re.findall(r"[A-Za-z]{5,}", hypothesis["title"]), key=len)
    page, watch = open_page(url=(offline_site / "index.html").as_uri())
    assert page.is_visible(".rg-vmgs")
    page.locator(".md-tabs a.md-tabs__link", has_text="Journey").click()
    page.wait_for_url(re.compile(r"/journey/index\.html$"))
    filters_ready(page)
    form = "form[data-rg-filter]"  # the (first) board's: with several journeys, each board has its own
    assert page.is_visible(form)
    board = f'[data-rg-filterable="{page.get_attribute(form, "data-rg-filter")}"]'
    prefix = page.get_attribute(form, "data-rg-param") or ""  # its journey's id when there are several
    total = page.locator(f"{board} .rg-card").count()
    status = page.eval_on_selector_all(f"{form} select[name=status] option", "os => os.map(o => o.value)")[1]
    page.select_option(f"{form} select[name=status]", status)
    assert parse_qs(urlparse(page.url).query) == {prefix + "status": [status]}
    visible = page.eval_on_selector_all(f"{board} .rg-card",
                                        "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.status)")
    assert visible and set(visible) == {status} and len(visible) < total
    # a card leads to its page, a file next to the board's
    href = page.eval_on_selector(f"{board} .rg-card:not([data-rg-hidden]) .rg-card__title a", "a => a.href")
    assert href.startswith("file://") and href.endswith(".html")
    page.click(f"{board} .rg-card:not([data-rg-hidden]) .rg-card__title a")
    page.wait_for_url(href)
    assert page.locator("h1").count() == 1
    # search, from the file system: Material's worker runs through the bundled iframe shim
    page.click("input.md-search__input")
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent"
                           ".includes('Initializing')", timeout=15000)  # typed once search is ready
    page.locator("input.md-search__input").press_sequentially(word)  # Material reads keyup, not input
    found = page.locator(f".md-search-result__link[href*='hypotheses/{hypothesis['id']}.html']").first
    found.wait_for(timeout=15000)  # results re-render as each letter arrives: a locator, not an element
    found.click()
    page.wait_for_url(re.compile(rf"/hypotheses/{hypothesis['id']}\.html"))
    assert page.locator("h1").text_content().strip() == hypothesis["title"]
    assert watch.external == []
    assert watch.errors == []
