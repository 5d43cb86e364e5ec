"""The journey board and the index pages in a real browser: filters whose state lives in the
URL query, the view without JavaScript, keyboard use, cards as links, column order."""
from __future__ import annotations

from collections import Counter
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from roadmap_gen.site.labels import EN

from .conftest import REPO, filters_ready

pytestmark = pytest.mark.browser

FILTERABLE = ("journey/", "themes/", "questions/", "hypotheses/")

# Checks the page against an independent reading of its cards: a card is shown exactly when
# each selected filter equals the card's data-<name> attribute; a card on several stages
# counts once; an empty board cell says so.
CHECK = """() => {
  const form = document.querySelector('form[data-rg-filter]');
  const state = {};
  for (const s of form.querySelectorAll('select[name]')) state[s.name] = s.value;
  const bad = [], shown = new Set(), all = new Set();
  for (const card of document.querySelectorAll('.rg-card')) {
    const match = Object.entries(state).every(([k, v]) => !v || card.getAttribute('data-' + k) === v);
    const visible = card.checkVisibility();
    all.add(card.dataset.key);
    if (visible) shown.add(card.dataset.key);
    if (match !== visible) bad.push(card.dataset.key + (visible ? ' shown' : ' hidden'));
  }
  for (const cell of document.querySelectorAll('.rg-board__cell')) {
    const cards = [...cell.querySelectorAll('.rg-card')].filter(c => c.checkVisibility()).length;
    const empty = cell.querySelector('.rg-board__empty');
    if (!empty || empty.checkVisibility() !== (cards === 0))
      bad.push('cell ' + cell.dataset.stage + '/' + cell.dataset.horizon + ': "Nothing here" wrong');
  }
  for (const group of document.querySelectorAll('.rg-index__group')) {
    const cards = [...group.querySelectorAll('.rg-card')].filter(c => c.checkVisibility()).length;
    if (group.checkVisibility() !== (cards > 0)) bad.push('group ' + group.dataset.horizon + ' visibility wrong');
  }
  return {state, bad, shown: shown.size, total: all.size,
          count: form.querySelector('.rg-filters__count').textContent};
}"""


def expected_count(result: dict) -> str:
    if result["shown"] == 0:
        return EN["filter.none"]
    return f"{result['shown']} / {result['total']} {EN['filter.shown']}"


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def cards_data(page) -> list[dict]:
    return page.eval_on_selector_all(".rg-card", "cs => cs.map(c => ({...c.dataset}))")


@pytest.mark.parametrize("path", FILTERABLE)
def test_every_filter_option_shows_exactly_the_matching_cards(open_page, path):
    page, watch = open_page(path)
    filters_ready(page)
    assert page.is_visible("form[data-rg-filter]")
    names = page.eval_on_selector_all("form[data-rg-filter] select", "ss => ss.map(s => s.name)")
    assert set(names) <= {"status", "horizon", "theme", "team", "confidence", "kind"}
    if path == "journey/":
        assert set(names) == {"status", "horizon", "theme", "team", "confidence", "kind"}
    assert names, "no filters on " + path
    unfiltered = page.evaluate(CHECK)
    assert unfiltered["bad"] == [] and unfiltered["shown"] == unfiltered["total"] > 0
    assert unfiltered["count"] == expected_count(unfiltered)
    for name in names:
        values = page.eval_on_selector_all(f"select[name={name}] option", "os => os.map(o => o.value)")
        assert values[0] == "" and len(values) > 2, (name, values)  # "All" and at least two choices
        for value in values[1:]:
            page.select_option(f"select[name={name}]", value)
            result = page.evaluate(CHECK)
            assert result["bad"] == [], (name, value, result["bad"])
            assert 0 < result["shown"] < result["total"], (name, value)  # options come from the cards
            assert result["count"] == expected_count(result)
            assert query(page) == {name: [value]}
        page.select_option(f"select[name={name}]", "")
        assert query(page) == {}
    assert watch.errors == []


def test_a_pasted_link_shows_the_filtered_view(open_page, server):
    page, _ = open_page("journey/")
    filters_ready(page)
    cards = cards_data(page)
    pairs = Counter((c["status"], c["team"]) for c in cards if c["status"] and c["team"])
    (status, team), _n = pairs.most_common(1)[0]
    page, watch = open_page(f"journey/?status={status}&team={team}")
    filters_ready(page)
    assert page.input_value("select[name=status]") == status
    assert page.input_value("select[name=team]") == team
    result = page.evaluate(CHECK)
    assert result["bad"] == []
    assert 0 < result["shown"] < result["total"]
    visible = page.eval_on_selector_all(".rg-card", "cs => cs.filter(c => c.checkVisibility()).map(c => ({...c.dataset}))")
    assert visible and all(c["status"] == status and c["team"] == team for c in visible)
    assert result["count"] == expected_count(result)
    assert page.url == f"{server}journey/?status={status}&team={team}"  # left as it was
    assert watch.errors == []


def test_changing_a_filter_rewrites_the_address_without_new_history(open_page, server):
    page, watch = open_page("journey/?from=mail")
    filters_ready(page)
    length = page.evaluate("history.length")
    horizon = page.eval_on_selector_all("select[name=horizon] option", "os => os.map(o => o.value)")[1]
    kind = page.eval_on_selector_all("select[name=kind] option", "os => os.map(o => o.value)")[-1]
    page.select_option("select[name=horizon]", horizon)
    assert query(page) == {"from": ["mail"], "horizon": [horizon]}
    page.select_option("select[name=kind]", kind)
    assert query(page) == {"from": ["mail"], "horizon": [horizon], "kind": [kind]}
    assert page.evaluate(CHECK)["bad"] == []
    page.select_option("select[name=horizon]", "")
    assert query(page) == {"from": ["mail"], "kind": [kind]}
    assert page.evaluate("history.length") == length
    # the filtered address opens the same view
    again, _ = open_page(url=page.url)
    filters_ready(again)
    assert again.input_value("select[name=kind]") == kind
    assert again.evaluate(CHECK)["shown"] == page.evaluate(CHECK)["shown"]
    # Clear filters: everything again, only the unrelated parameter left
    page.click("button.rg-filters__clear")
    page.wait_for_function("() => !location.search.includes('kind=')")
    assert query(page) == {"from": ["mail"]}
    result = page.evaluate(CHECK)
    assert result["bad"] == [] and result["shown"] == result["total"]
    assert watch.errors == []


def test_unknown_and_differently_cased_query_values(open_page):
    page, watch = open_page("journey/?status=no-such-status")
    filters_ready(page)
    assert page.input_value("select[name=status]") == "no-such-status"  # kept, and visible in the form
    result = page.evaluate(CHECK)
    assert result["bad"] == [] and result["shown"] == 0
    assert result["count"] == EN["filter.none"]
    empties = page.eval_on_selector_all(".rg-board__empty", "es => es.map(e => e.checkVisibility())")
    assert empties and all(empties)  # every cell says "Nothing here"
    page.click("button.rg-filters__clear")
    page.wait_for_function("() => location.search === ''")
    assert page.eval_on_selector_all("select[name=status] option", "os => os.map(o => o.value)").count(
        "no-such-status") == 0
    assert page.evaluate(CHECK)["shown"] == result["total"]

    status = next(c["status"] for c in cards_data(page) if c["status"])
    label = EN[f"status.{status}"]
    for asked in (status.upper(), label.lower()):  # ?status=VALIDATED, ?status=on track
        page, _ = open_page(f"journey/?status={asked}")
        filters_ready(page)
        assert page.input_value("select[name=status]") == status, asked
        assert page.evaluate(CHECK)["bad"] == []
    page, _ = open_page("journey/?status=&horizon=")  # empty values: no filter
    filters_ready(page)
    result = page.evaluate(CHECK)
    assert result["shown"] == result["total"]
    assert watch.errors == []


@pytest.mark.parametrize("path", FILTERABLE)
def test_without_javascript_every_card_is_shown(open_page, path):
    page, _ = open_page(path + "?status=validated&horizon=later", js=False)
    assert not page.is_visible("form[data-rg-filter]")  # the form is hidden until JS runs
    cards = page.locator(".rg-card")
    assert cards.count() > 0
    assert page.eval_on_selector_all(".rg-card", "cs => cs.every(c => c.checkVisibility())")
    # a board cell with cards does not say "Nothing here"
    wrong = page.eval_on_selector_all(".rg-board__cell", """cells => cells.filter(cell =>
        cell.querySelector('.rg-card') && cell.querySelector('.rg-board__empty').checkVisibility()).length""")
    assert wrong == 0


def test_filters_and_cards_work_with_the_keyboard(open_page, server):
    page, watch = open_page("journey/")
    filters_ready(page)

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("select[name=status]")
    page.keyboard.press("ArrowDown")  # the first status
    page.wait_for_function("() => location.search.includes('status=')")
    status = page.input_value("select[name=status]")
    result = page.evaluate(CHECK)
    assert status and result["bad"] == [] and result["shown"] < result["total"]
    count = page.locator(".rg-filters__count")
    assert count.get_attribute("role") == "status" and count.get_attribute("aria-live") == "polite"
    assert count.text_content() == expected_count(result)
    page.keyboard.press("Escape")  # Escape in the form clears the filters
    page.wait_for_function("() => location.search === ''")
    assert page.evaluate(CHECK)["shown"] == result["total"]
    for name in ("horizon", "theme", "team", "confidence", "kind"):
        tab_to(f"select[name={name}]", 3)
    tab_to("button.rg-filters__clear", 2)
    tab_to(".rg-card__title a")
    first = page.eval_on_selector(".rg-card:not([data-rg-hidden]) .rg-card__title a", "a => a.href")
    assert page.evaluate("() => document.activeElement.href") == first
    outline = page.eval_on_selector(".rg-card:focus-within", "c => getComputedStyle(c).outlineStyle")
    assert outline == "solid"  # the focused card is marked
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    assert page.locator("h1").count() == 1
    assert watch.errors == []


def test_the_whole_card_is_a_link_and_its_outcome_link_still_works(open_page, server):
    page, watch = open_page("journey/")
    card = page.locator(".rg-card:has(.rg-card__outcome a)").first
    href = card.locator(".rg-card__title a").evaluate("a => a.href")
    outcome = card.locator(".rg-card__outcome a").first.evaluate("a => a.href")
    card.scroll_into_view_if_needed()
    box = card.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 3, box["y"] + box["height"] - 3)  # a corner, no text there
    page.wait_for_url(href)
    page.go_back()
    page.locator(".rg-card:has(.rg-card__outcome a)").first.locator(".rg-card__outcome a").first.click()
    page.wait_for_url(outcome)
    assert "/outcomes/" in outcome
    assert watch.errors == []


def test_board_columns_follow_the_journey_left_to_right(open_page, roadmap):
    journey = yaml.safe_load((REPO / "content" / "journey.yml").read_text(encoding="utf-8"))
    published = {s["id"] for s in roadmap["stages"]}
    # the example has several journeys: their stages in file order, journey after journey
    stages = [s for j in journey["journeys"] for s in j["stages"]]
    order = [s["id"] for s in stages if s["id"] in published]
    assert len(journey["journeys"]) >= 2 and len(order) >= 3
    for width in (1280, 390):
        page, _ = open_page("journey/", width=width)
        boards = page.eval_on_selector_all(
            "table.rg-board__table", """tables => tables.map(t => ({
                stages: [...t.querySelectorAll('th.rg-board__stage')].map(th => [th.id, th.getBoundingClientRect().left]),
                rows: [...t.querySelectorAll('tr.rg-board__row th')].map(th => th.getBoundingClientRect().top)}))""")
        assert boards
        assert [i for b in boards for i, _ in b["stages"]] == [f"stage-{s}" for s in order]
        for b in boards:  # within each board, left to right
            lefts = [x for _, x in b["stages"]]
            assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), (width, b["stages"])
            assert b["rows"] == sorted(b["rows"]) and len(b["rows"]) == 3  # now, next, later from top to bottom
