"""What stakeholders see: accessibility (axe-core, light and dark), status in words, phone
width, print (the one-pager on one A4 page, the board landscape) and screenshots to review."""
from __future__ import annotations

import re
import struct

import pytest

from roadmap_gen.site.labels import EN

from .conftest import SCREENSHOTS, run_axe

pytestmark = pytest.mark.browser

AXE_PAGES = ("home", "board", "stage", "theme", "question", "hypothesis", "outcome", "opportunity", "metric", "okr",
             "kpis", "okrs", "hypotheses", "insight", "insights", "health", "goal", "strategy")
PHONE_PAGES = ("home", "board", "hypothesis", "outcome", "kpis", "okrs", "stage", "opportunity", "metric", "okr",
               "hypotheses", "themes", "questions", "insight", "insights", "health", "goal", "strategy")
PHONE = 390
# A4 landscape less the 8 mm margins of @page rg-landscape, in CSS pixels (96 per inch)
LANDSCAPE_WIDTH = round((297 - 2 * 8) / 25.4 * 96)


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(open_page, pages, server, scheme):
    page, watch = open_page(None, scheme=scheme)
    found = {}
    for name in AXE_PAGES:
        page.goto(server + pages[name])
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        serious = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
        if serious:
            found[name] = serious
    assert found == {}, "\n".join(f"{name}: {v['id']} ({v['impact']}) {v['help']}\n    " + "\n    ".join(v["nodes"])
                                  for name, vs in found.items() for v in vs)
    assert watch.errors == []


def test_palette_toggle_switches_to_dark_and_stays_accessible(open_page, server):
    page, _ = open_page("journey/")
    light_bg = page.eval_on_selector(".rg-filters", "f => getComputedStyle(f).backgroundColor")
    page.click("label.md-header__button[for=__palette_1]")  # the moon in the header
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark_bg = page.eval_on_selector(".rg-filters", "f => getComputedStyle(f).backgroundColor")
    assert dark_bg != light_bg
    # surfaces follow the scheme: a dark filter bar and card, light text on them
    lum = page.evaluate("""() => {
      const l = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return (r + g + b) / 3; };
      const card = document.querySelector('.rg-card'), title = card.querySelector('.rg-card__title a');
      return [l(getComputedStyle(document.querySelector('.rg-filters')).backgroundColor),
              l(getComputedStyle(card).backgroundColor), l(getComputedStyle(title).color)];
    }""")
    assert lum[0] < 80 and lum[1] < 80 and lum[2] > 150, lum
    serious = [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_status_is_written_not_only_coloured(open_page, pages, server):
    page, _ = open_page(None)
    for name in ("board", "hypotheses", "outcome", "opportunity", "hypothesis"):
        page.goto(server + pages[name])
        badges = page.eval_on_selector_all(".rg-badge", "bs => bs.map(b => [b.className, b.textContent.trim()])")
        assert badges, name
        for cls, text in badges:
            key = re.search(r"rg-badge--([a-z-]+)", cls).group(1)
            assert text == EN[f"status.{key}"], (name, cls, text)
        cards = page.eval_on_selector_all(".rg-card[data-status]:not([data-status=''])", """cs => cs.map(c =>
            [c.dataset.status, (c.querySelector('.rg-badge') || {}).textContent])""")
        for status, text in cards:
            assert text and text.strip() == EN[f"status.{status}"], (name, status, text)


def test_phone_width_never_scrolls_the_page_sideways(open_page, pages, server):
    page, watch = open_page(None, width=PHONE, height=800)
    wide = {}
    for name in PHONE_PAGES:
        page.goto(server + pages[name])
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            wide[name] = widths
    assert wide == {}
    # the board scrolls inside its own box, which fits the screen
    page.goto(server + "journey/")
    board = page.evaluate("""() => { const b = document.querySelector('.rg-board');
      return {overflow: getComputedStyle(b).overflowX, scroll: b.scrollWidth, client: b.clientWidth,
              right: b.getBoundingClientRect().right}; }""")
    assert board["overflow"] == "auto" and board["scroll"] > board["client"] and board["right"] <= PHONE
    # scrolled sideways, the horizon labels stay in view
    page.eval_on_selector(".rg-board", "b => { b.scrollLeft = 600; }")
    left = page.eval_on_selector(".rg-board__horizon", "h => h.getBoundingClientRect().left")
    assert 0 <= left < 40
    # cards stay readable: no text in a card below 12 px, titles at least 14 px
    sizes = page.evaluate("""() => {
      const out = [];
      for (const card of document.querySelectorAll('.rg-card'))
        for (const el of card.querySelectorAll('*'))
          if ([...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            out.push([el.className, parseFloat(getComputedStyle(el).fontSize)]);
      return out; }""")
    assert sizes and min(s for _, s in sizes) >= 12, sorted(sizes, key=lambda x: x[1])[:3]
    titles = page.eval_on_selector_all(".rg-card__title a", "as => as.map(a => parseFloat(getComputedStyle(a).fontSize))")
    assert titles and min(titles) >= 14
    # the filters fit the screen too
    right = page.eval_on_selector("form[data-rg-filter]", "f => f.getBoundingClientRect().right")
    assert right <= PHONE
    assert watch.errors == []


def test_one_pager_prints_on_one_a4_page(open_page):
    page, _ = open_page("")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert pdf_pages(pdf) == 1
    page.emulate_media(media="print")
    hidden = page.eval_on_selector(".rg-vmgs__more", "n => getComputedStyle(n).display")
    assert hidden == "none"  # the buttons make no sense on paper


def test_board_prints_landscape_without_cut_off_cards(open_page):
    page, _ = open_page("journey/", width=LANDSCAPE_WIDTH)
    pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True)
    boxes = [tuple(float(x) for x in m) for m in re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)]
    assert pdf_pages(pdf) >= 1 and len(boxes) == pdf_pages(pdf)
    assert all(w > h for w, h in boxes), boxes  # every page landscape
    page.emulate_media(media="print")
    assert not page.is_visible("form[data-rg-filter]")
    cards = page.eval_on_selector_all(".rg-card", """cs => cs.map(c => { const b = c.getBoundingClientRect();
        return [c.dataset.key, b.left, b.right, c.checkVisibility()]; })""")
    assert cards
    cut = [c for c in cards if c[1] < 0 or c[2] > LANDSCAPE_WIDTH or not c[3]]
    assert cut == []
    table = page.eval_on_selector("table.rg-board__table", "t => t.getBoundingClientRect().right")
    assert table <= LANDSCAPE_WIDTH
    # boosters and blockers, folded away on screen, are on paper
    assert page.eval_on_selector_all(".rg-behaviours__list li", "ls => ls.every(l => l.checkVisibility())")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


SCREENSHOT_PAGES = ("home", "board", "hypothesis", "okrs", "okr", "kpis", "metric", "opportunities", "stage", "theme",
                    "goal", "strategy")


def test_screenshots_for_review(open_page, pages, server):
    """The pages stakeholders look at most, at desktop and phone width, light and dark, in screenshots/."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, PHONE):
        for scheme in ("light", "dark"):
            page, watch = open_page(None, width=width, height=900, scheme=scheme)
            for name in SCREENSHOT_PAGES:
                page.goto(server + pages[name])
                data = page.screenshot(full_page=True)
                w, h = png_size(data)
                assert w == width and h > 600, (name, width, w, h)  # nothing wider than the screen
                (SCREENSHOTS / f"{name}-{width}-{scheme}.png").write_bytes(data)
            assert watch.errors == []
