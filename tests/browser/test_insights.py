"""Insights and evidence in a real browser: the insights index filters by source, segment and effect
with the state in the URL (desktop and phone width), the board's confidence filter, and screenshots of
a hypothesis with its evidence and of the insights index to review."""
from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest

from roadmap_gen.site.labels import EN

from .conftest import SCREENSHOTS, filters_ready
from .test_board import CHECK, expected_count, single_boards

pytestmark = pytest.mark.browser

PHONE = 390


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def visible_keys(page) -> list[str]:
    return page.eval_on_selector_all(".rg-card", "cs => cs.filter(c => c.checkVisibility()).map(c => c.dataset.key)")


@pytest.mark.parametrize("width", [1280, PHONE])
def test_insights_index_filters_with_the_state_in_the_url(open_page, roadmap, width):
    page, watch = open_page("insights/", width=width)
    filters_ready(page)
    names = page.eval_on_selector_all("form[data-rg-filter] select", "ss => ss.map(s => s.name)")
    assert names == ["source", "segment", "effect"]
    unfiltered = page.evaluate(CHECK)
    assert unfiltered["bad"] == [] and unfiltered["shown"] == unfiltered["total"] == len(roadmap["insights"])
    # newest first
    dates = page.eval_on_selector_all(".rg-card time", "ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True) and len(dates) == len(roadmap["insights"])
    for name in names:
        values = page.eval_on_selector_all(f"select[name={name}] option", "os => os.map(o => o.value)")[1:]
        assert len(values) >= 2, name
        for value in values:
            page.select_option(f"select[name={name}]", value)
            result = page.evaluate(CHECK)
            assert result["bad"] == [] and 0 < result["shown"] < result["total"], (name, value)
            assert result["count"] == expected_count(result)
            assert query(page) == {name: [value]}
            wanted = {i["id"] for i in roadmap["insights"] if (i.get(name) or ("supports" if name == "effect" else ""))
                      == value}
            assert {k.split("/")[1] for k in visible_keys(page)} == wanted, (name, value)
        page.select_option(f"select[name={name}]", "")
        assert query(page) == {}
    # the form and the cards fit the screen: nothing scrolls the page sideways
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.eval_on_selector("form[data-rg-filter]", "f => f.getBoundingClientRect().right") <= width
    assert watch.errors == []


def test_a_pasted_insights_link_shows_the_filtered_view(open_page, server, roadmap):
    contradicting = [i for i in roadmap["insights"] if i.get("effect") == "contradicts"]
    source = max({i["source"] for i in contradicting}, key=lambda s: sum(i["source"] == s for i in contradicting))
    address = f"insights/?source={quote(source)}&effect=contradicts&from=mail"
    page, watch = open_page(address, width=PHONE)
    filters_ready(page)
    assert (page.input_value("select[name=source]"), page.input_value("select[name=effect]")) == (
        source, "contradicts")
    assert {k.split("/")[1] for k in visible_keys(page)} == {i["id"] for i in contradicting if i["source"] == source}
    assert page.url == server + address  # left as it was
    page.select_option("select[name=effect]", "supports")
    assert query(page) == {"source": [source], "effect": ["supports"], "from": ["mail"]}
    page.click("button.rg-filters__clear")
    page.wait_for_function("() => !location.search.includes('effect=')")
    assert query(page) == {"from": ["mail"]}
    assert page.evaluate(CHECK)["shown"] == len(roadmap["insights"])
    assert watch.errors == []


def test_board_confidence_filter_from_a_link(open_page, roadmap):
    high = {h["id"] for h in roadmap["hypotheses"] if h.get("confidence") == "high"}
    assert high
    stages = {s for h in roadmap["hypotheses"] if h["id"] in high for s in h.get("stages") or [h.get("stage")]}
    board = next(path for path, order in single_boards(roadmap) if stages & set(order))  # one with such a card
    page, watch = open_page(f"{board}?confidence=high")
    filters_ready(page)
    assert page.input_value("select[name=confidence]") == "high"
    result = page.evaluate(CHECK)
    assert result["bad"] == [] and 0 < result["shown"] < result["total"]
    on_board = {k.split("/")[1] for k in visible_keys(page)}
    assert on_board <= high and all(k.startswith("hypothesis/") for k in visible_keys(page))
    labels = page.eval_on_selector_all(".rg-card:not([data-rg-hidden]) .rg-card__confidence",
                                       "ps => ps.map(p => p.textContent.trim())")
    assert labels and set(labels) == {f"{EN['item.confidence']}: {EN['confidence.high']}"}
    page.select_option("select[name=confidence]", "low")
    assert query(page) == {"confidence": ["low"]}
    assert page.evaluate(CHECK)["bad"] == []
    assert watch.errors == []


def test_evidence_counts_on_cards_are_readable_and_labelled(open_page, roadmap):
    page, watch = open_page("journey/", width=PHONE)
    counts = page.eval_on_selector_all(".rg-card .rg-evidence-counts", """ps => ps.map(p => ({
        key: p.closest('.rg-card').dataset.key, shown: p.querySelector('[aria-hidden]').textContent,
        label: p.querySelector('.rg-sr').textContent, size: parseFloat(getComputedStyle(p).fontSize),
        visible: p.checkVisibility()}))""")
    named = {f"{kind}/{e['id']}": e["evidence"] for kind, plural in (("hypothesis", "hypotheses"),
                                                                      ("question", "questions"))
             for e in roadmap[plural] if "evidence" in e}
    assert counts and {c["key"] for c in counts} <= set(named)
    for c in counts:
        ev = named[c["key"]]
        assert c["shown"] == f"{ev['supports']} for · {ev['contradicts']} against"
        assert c["label"] == f"Evidence from insights: {ev['supports']} for, {ev['contradicts']} against"
        assert c["visible"] and c["size"] >= 12
    assert watch.errors == []


def evidence_hypothesis(roadmap) -> str:
    """A hypothesis with evidence both ways if there is one, else the one with the most."""
    found = [h for h in roadmap["hypotheses"] if "evidence" in h]
    return max(found, key=lambda h: (min(h["evidence"].values()) > 0, sum(h["evidence"].values())))["url"]


def test_screenshots_of_evidence_for_review(open_page, server, roadmap):
    """A hypothesis with its evidence and the insights index at desktop and phone width, light and dark."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (1280, PHONE):
        for scheme in ("light", "dark"):
            page, watch = open_page(None, width=width, height=900, scheme=scheme)
            for name, path in (("hypothesis-evidence", evidence_hypothesis(roadmap)), ("insights", "insights/")):
                page.goto(server + path)
                assert page.locator("#evidence, .rg-insights").count() == 1
                assert page.evaluate("document.documentElement.scrollWidth") == width, (name, width)
                (SCREENSHOTS / f"{name}-{width}-{scheme}.png").write_bytes(page.screenshot(full_page=True))
            assert watch.errors == []
