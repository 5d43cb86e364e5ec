"""Layout in Chromium at 1280 and 390 px: on every page type of the example and of a roadmap made to
strain it (long units, long titles and words, a deep opportunity tree, a stage with many outcomes),
nothing spills out of the content column, no text runs out of its box into the next one, boxes in a
row do not overlap, and only a box that scrolls sideways (tree, board) is wider than the page, with
its hint showing. At 1280 px no tree of the example scrolls at all."""
from __future__ import annotations

import functools
import json
import threading
from pathlib import Path

import pytest

from sitehelpers import build, write_site

from .conftest import _Quiet, _QuietServer

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)
LONG_WORD = "Supercalifragilisticexpialidociousintegrationwithlegacysystems"
LONG_UNIT = "bugs reported by clinics per calendar month"

PROBLEMS = r"""() => {
  const root = document.querySelector('.md-content__inner');
  const box = root.getBoundingClientRect();
  const out = [];
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
    ? '.' + el.className.trim().split(/\s+/).join('.') : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const scroller = el => { for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll') return p; } return null; };
  const hidden = el => !el.checkVisibility() || el.closest('.rg-sr, [hidden]')
    || getComputedStyle(el).clip !== 'auto' || el.getBoundingClientRect().width <= 1;
  for (const el of root.querySelectorAll('*')) {
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
    if (hidden(el)) continue;
    const r = el.getBoundingClientRect();
    const cs = getComputedStyle(el);
    const own = ['auto', 'scroll'].includes(cs.overflowX);
    const inside = scroller(el);
    if (!inside && (r.right > box.right + 1 || r.left < box.left - 1)) out.push('spills out of the page: ' + name(el));
    if (!inside && !own && cs.display !== 'inline' && !(el instanceof SVGSVGElement)
        && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push('text runs out of its box: ' + name(el));
    if (own && el.scrollWidth > el.clientWidth + 1) {
      const hint = el.closest('.rg-scroll') && el.closest('.rg-scroll').querySelector('.rg-scroll__hint');
      if (!hint || hint.hidden) out.push('scrolls without a hint: ' + name(el));
    }
  }
  // boxes side by side in our grids and rows do not overlap
  const flat = c => [...c.children].flatMap(k => getComputedStyle(k).display === 'contents' ? [...k.children] : [k]);
  for (const c of root.querySelectorAll('.rg-kr__figures, .rg-kpi__figures, .rg-kpi__details, .rg-spark__ends, '
      + '.rg-strip__stages, .rg-cards, .rg-kpis, .rg-goals, .rg-strategies, .rg-facts, .rg-vmgs__statements, '
      + '.rg-progress__values, .rg-score, .rg-filters')) {
    if (hidden(c)) continue;
    const kids = flat(c).filter(k => !hidden(k)).map(k => [k, k.getBoundingClientRect()]);
    for (let i = 0; i < kids.length; i++) for (let j = i + 1; j < kids.length; j++) {
      const [a, ra] = kids[i], [b, rb] = kids[j];
      const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (w > 1 && h > 1) out.push('overlap: ' + name(a) + ' / ' + name(b));
    }
  }
  return out;
}"""


def _metric(id: str, title: str, unit: str, extra: str = "") -> str:
    return (f"  - id: {id}\n    title: {title}\n    category: development\n    unit: {json.dumps(unit)}\n"
            f"    review: monthly\n    source: {LONG_WORD} export, median of everything released in the month\n"
            f"    owner: platform-and-infrastructure-engineering\n{extra}")


def strained_content() -> dict[str, str]:
    """A roadmap made to strain the layout."""
    files = {
        "roadmap.yml": (
            f"title: The {LONG_WORD} roadmap of a company with a long name\nvision: A vision.\nmission: A mission.\n"
            "goals:\n  - id: g1\n    title: Bugs reported by clinics fall to a quarter of what they were\n"
            "    metric: bugs\n    target: 10\n    by: 2027-06-30\n    north_star: true\n"
            "  - id: g2\n    title: Revenue\n    metric: money\n    target: 3000000\n"
            "strategies:\n  - id: s1\n    title: A strategy\n    goal: g1\n    metric: bugs\n    active: true\n"),
        "journey.yml": "stages:\n" + "".join(
            f"  - id: s{i}\n    title: Stage {i} where customers evaluate and compare {LONG_WORD[:20 + i]}\n"
            f"    description: {'A long description of what happens here. ' * 3}\n"
            f"    boosters: [A behaviour that predicts success]\n    blockers: [A behaviour that predicts failure]\n"
            for i in range(1, 7)),
        "metrics.yml": "metrics:\n" + _metric("bugs", "Bugs reported by clinics", LONG_UNIT,
                                              "    direction: down\n    baseline: {value: 41}\n"
                                              "    target: {value: 25, by: 2026-12-31}\n")
        + _metric("money", f"Annual recurring revenue {LONG_WORD}", "EUR",
                  "    baseline: {value: 1234567}\n    target: {value: 3000000, by: 2027-12-31}\n")
        + _metric("share", "Share", "%", "    target: {value: 50}\n") + _metric("none", "No data yet", "days"),
        "metrics/bugs.csv": "date,value\n2026-01-05,41\n2026-06-01,36\n2026-11-02,28\n",
        "metrics/money.csv": "date,value\n2026-01-01,1234567\n2026-11-01,2138000\n",
        "metrics/share.csv": "date,value\n2026-01-01,20.5\n2026-11-01,38.25\n",
        "okrs/long.yml": (
            f"objective: We will make every clinic trust every release, {LONG_WORD}\nperiod: 2026-Q4\nteam: platform\n"
            "key_results:\n"
            f"  - title: Bugs reported by clinics fall from 36 to 25 a month, counted the way support counts them\n"
            "    metric: bugs\n    from: 36\n    to: 25\n"
            "  - title: Share grows from 20% to 50%\n    metric: share\n    from: 20\n    to: 50\n"
            f"  - title: {LONG_WORD}\n    from: 1234567\n    to: 7654321\n    current: 2345678\n"
            f"    unit: {LONG_UNIT}\n"),
    }
    for i in range(1, 5):  # four outcomes on the first stage: a tall board header
        files[f"outcomes/o{i}.md"] = (f"---\ntitle: Outcome {i}, clinics {LONG_WORD} far more than before\n"
                                      "stage: s1\nmetric: bugs\n---\n")
    for depth in range(1, 8):  # a deep opportunity tree
        parent = "outcome: o1" if depth == 1 else f"parent: p{depth - 1}"
        files[f"opportunities/p{depth}.md"] = (f"---\ntitle: Opportunity at depth {depth} where customers describe "
                                               f"a long problem, {LONG_WORD}\n{parent}\n---\n")
    files["hypotheses/h1.md"] = (
        f"---\ntitle: A hypothesis with a long title {LONG_WORD}\nstage: s1\nhorizon: now\noutcome: o1\n"
        "opportunity: p7\nwe_believe: a\nwill_result_in: b\nwe_will_know_when: c\nstatus: testing\n"
        f"experiments:\n  - {{title: An experiment {LONG_WORD}, status: running, start: 2026-10-01}}\n---\n")
    files["themes/t1.md"] = f"---\ntitle: Theme {LONG_WORD}\nstage: s2\nhorizon: next\noutcome: o2\n---\n"
    files["questions/q1.md"] = (f"---\ntitle: Why {LONG_WORD}?\nstage: s3\nhorizon: later\nstatus: open\n"
                                "theme: t1\n---\n")
    return files


def _serve(directory: Path):
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def _page_types(data: dict) -> list[str]:
    """One address per page type: the listings, and the first item of each kind with a page."""
    out = ["", "journey/", "kpis/", "okrs/", "opportunities/", "stages/", "themes/", "questions/", "hypotheses/",
           "outcomes/", "metrics/", "insights/", "changes/"]
    for kind in ("stages", "themes", "questions", "hypotheses", "outcomes", "opportunities", "metrics", "okrs",
                 "insights", "behaviours", "journeys"):
        out += [e["url"] for e in data.get(kind, [])[:1]]
    # content format 1.1: the indexes of behaviours and journeys, when the roadmap has them
    out += [f"{kind}/" for kind in ("behaviours", "journeys") if data.get(kind)]
    return out


@pytest.fixture(scope="module")
def strained(tmp_path_factory) -> Path:
    root = write_site(tmp_path_factory.mktemp("strained") / "src", strained_content())
    return build(root, root.parent / "site", strict=False)


def _problems(browser, base: str, paths: list[str]) -> dict[str, list[str]]:
    found = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
        page = context.new_page()
        for path in paths:
            page.goto(base + path)
            page.wait_for_load_state("load")
            problems = page.evaluate(PROBLEMS)
            if problems:
                found[f"{width} /{path}"] = problems[:8]
        context.close()
    return found


def test_example_pages_keep_to_their_boxes(browser, site, server):
    data = json.loads((site / "roadmap.json").read_text(encoding="utf-8"))
    assert _problems(browser, server, _page_types(data)) == {}


def test_strained_roadmap_pages_keep_to_their_boxes(browser, strained):
    httpd = _serve(strained)
    try:
        data = json.loads((strained / "roadmap.json").read_text(encoding="utf-8"))
        assert _problems(browser, f"http://127.0.0.1:{httpd.server_port}/", _page_types(data)) == {}
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_no_tree_of_the_example_scrolls_on_a_desktop_screen(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server + "opportunities/")
    trees = page.eval_on_selector_all(".rg-tree", "ts => ts.map(t => [t.scrollWidth, t.clientWidth])")
    assert len(trees) >= 5 and all(s <= c for s, c in trees), trees
    assert page.eval_on_selector_all(".rg-scroll__hint", "hs => hs.every(h => h.hidden)")
    context.close()


def test_a_deep_tree_scrolls_with_a_hint_and_a_fading_edge(browser, strained):
    httpd = _serve(strained)
    context = browser.new_context(viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_port}/outcomes/o1/")
        wrap = page.locator(".rg-scroll").first
        assert wrap.get_attribute("data-rg-overflow") is not None and wrap.get_attribute("data-rg-at-end") is None
        assert page.locator(".rg-scroll__hint").first.is_visible()
        fade = page.eval_on_selector(".rg-scroll", "w => getComputedStyle(w, '::after').backgroundImage")
        assert "gradient" in fade
        page.eval_on_selector(".rg-tree", "t => { t.scrollLeft = t.scrollWidth; }")
        page.wait_for_function("() => document.querySelector('.rg-scroll').hasAttribute('data-rg-at-end')")
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
