"""The review pack and the embeds in Chromium: the pack printed on A4 (page count, landscape board, no card
split across pages) and the embeds inside an intranet-like host page (no header, links open at the top).
The site is a real git repository with three review tags (tests/reviewrepo.py)."""
from __future__ import annotations

import functools
import io
import re
import sys
import threading
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from .conftest import SCREENSHOTS, _Quiet, _QuietServer, run_axe

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from reviewrepo import make_review_repo  # noqa: E402
from sitehelpers import build  # noqa: E402

pytestmark = pytest.mark.browser

HOST = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Team space: product</title>
<style>body{font-family:sans-serif;margin:0;background:#f4f5f7}header{background:#0747a6;color:#fff;padding:12px 24px;
font-size:18px}main{max-width:1100px;margin:16px auto;background:#fff;padding:16px 24px;border-radius:4px}
iframe{display:block;margin:8px 0 24px}</style></head><body><header>Intranet · Product team space</header><main>
<h1>Product roadmap</h1><p>Where we are, straight from the roadmap site:</p>
<iframe id="outcome" src="embed/outcomes/patients-book-themselves/" title="Outcome" width="100%" height="260"
style="border:0"></iframe>
<iframe id="board" src="embed/journey/" title="Customer journey" width="100%" height="700" style="border:0"></iframe>
</main></body></html>
"""


@pytest.fixture(scope="module")
def review_site(tmp_path_factory) -> Path:
    root = make_review_repo(tmp_path_factory.mktemp("documents") / "project", 3)
    site = build(root, root / "site")
    (site / "host.html").write_text(HOST, encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def review_server(review_site):
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(review_site)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


def squeeze(text: str) -> str:
    """Letters and digits only, lower case: PDF text extraction drops spaces and symbols its own way."""
    return re.sub(r"[\W_]+", "", text).lower()


def test_pack_prints_on_a4_with_the_board_landscape_and_no_card_split(open_page, review_server):
    page, watch = open_page(None, url=review_server + "pack/")
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert 6 <= len(boxes) <= 20, len(boxes)
    assert boxes[0][1] > boxes[0][0] and any(w > h for w, h in boxes)  # portrait A4, the board landscape
    texts = [squeeze(p.extract_text()) for p in reader.pages]
    page.emulate_media(media="print")
    cards = page.eval_on_selector_all(
        ".rg-kpi, .rg-okr, .rg-outcome-card, .rg-strategy, .rg-goals > li",
        """cs => cs.map(c => { const clone = c.cloneNode(true);
             clone.querySelectorAll('svg, .rg-sr, .rg-progress__label, .rg-score__label').forEach(n => n.remove());
             document.body.appendChild(clone); const text = clone.innerText; clone.remove(); return text; })""")
    assert len(cards) > 20
    split = []
    for text in cards:
        lines = [x for x in (squeeze(x) for x in text.split("\n")) if len(x) > 2]
        first = lines[0]
        where = [i for i, t in enumerate(texts) if first in t]
        assert where, first
        if not any(all(line in texts[i] for line in lines) for i in where):
            split.append(first)
    assert split == []
    # the sections start on pages of their own, in order
    starts = {name: next(i for i, t in enumerate(texts) if t.startswith(squeeze(name)) or squeeze(name) in t[:40])
              for name in ("customerjourney", "outcomes", "kpis", "okrs", "sincethelastreview")}
    assert list(starts.values()) == sorted(starts.values()), starts
    assert watch.errors == []


def test_embeds_in_an_iframe_have_no_header_and_open_links_at_the_top(open_page, review_server):
    page, watch = open_page(None, url=review_server + "host.html", width=1280, height=1100)
    page.wait_for_load_state("load")
    for name in ("outcome", "board"):
        frame = page.frame_locator(f"#{name}")
        assert frame.locator("body.rg-doc").count() == 1
        assert frame.locator(".md-header, .md-search, .md-nav, .md-footer").count() == 0
    board = page.frame_locator("#board")
    widths = page.frame(url=re.compile(r"embed/journey/$")).evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]  # the board scrolls in its own box; the embed never sideways
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "embed-host-1280-light.png"), full_page=True)
    link = board.locator(".rg-card__title a").first
    href = link.get_attribute("href")
    with page.expect_navigation():
        link.click()
    assert page.url == urljoin(review_server + "embed/journey/", href)  # the top window left the host page
    assert page.locator(".md-header").count() == 1  # the full site, at the top level
    assert watch.errors == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_reviews_goalposts_changes_pack(open_page, review_server, width, scheme):
    """Screenshots to look at; nothing wider than the screen."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page, watch = open_page(None, width=width, scheme=scheme)
    for name, path in (("reviews", "reviews/"), ("goalposts", "changes/goalposts/"), ("changes", "changes/"),
                       ("review", "reviews/review-2026-q3/"), ("pack", "pack/"), ("embed-kpis", "embed/kpis/"),
                       ("outcome-page", "outcomes/patients-book-themselves/")):
        page.goto(review_server + path)
        if scheme == "dark":
            page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], (name, widths)
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}-{scheme}.png"), full_page=True)
    assert watch.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_reviews_goalposts_and_documents(open_page, review_server, scheme):
    page, watch = open_page(None, scheme=scheme)
    found = {}
    for path in ("reviews/", "reviews/review-2026-q3/", "changes/", "changes/goalposts/", "pack/", "embed/",
                 "embed/journey/", "embed/kpis/", "embed/outcomes/patients-book-themselves/"):
        page.goto(review_server + path)
        # a standalone document (pack, embeds) has no Material content area: axe reads its whole body
        violations = run_axe(page, ".md-content" if page.locator(".md-content").count() else "body")
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    assert found == {}, found
    assert watch.errors == []
