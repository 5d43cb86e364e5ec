"""The journey board with two journeys in a real browser, at 1280 and 390 px: nothing but each board's own
box scrolls sideways, each board's filter form filters its own board only, and each board's filters live
in the URL under its journey's id (journey/?client.status=testing&advisor.horizon=now), so a filtered view
round-trips through a link. A journey's own page (journeys/<id>/) keeps the plain names of a v1 board."""
from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from journeyhelpers import two_journeys
from roadmap_gen.site.labels import EN
from sitehelpers import build, mkdocs_config, write_site

from .conftest import filters_ready, run_axe
from .test_layout import _problems, _serve

pytestmark = pytest.mark.browser

WIDTHS = (1280, 390)
BOARDS = ("board-client", "board-advisor")

# Each board against an independent reading of its own cards and its own form: a card is shown exactly
# when every filter of its board's form that is set equals the card's data-<name> attribute.
CHECK = """() => {
  const out = {};
  for (const root of document.querySelectorAll('[data-rg-filterable]')) {
    const target = root.dataset.rgFilterable;
    const form = document.querySelector(`form[data-rg-filter="${target}"]`);
    const state = {};
    if (form) for (const s of form.querySelectorAll('select[name]')) state[s.name] = s.value;
    const bad = [], shown = [];
    for (const card of root.querySelectorAll('.rg-card')) {
      const match = Object.entries(state).every(([k, v]) => !v || card.getAttribute('data-' + k) === v);
      const visible = card.checkVisibility();
      if (visible) shown.push(card.dataset.key);
      if (match !== visible) bad.push(card.dataset.key + (visible ? ' shown' : ' hidden'));
    }
    out[target] = {state, bad, shown: shown.sort(), total: root.querySelectorAll('.rg-card').length,
                   count: form ? form.querySelector('.rg-filters__count').textContent : null};
  }
  return out;
}"""


@pytest.fixture(scope="module")
def journeys_server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("journeys")
    palette = [{"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "teal",
                "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
               {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal",
                "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}}]
    config = mkdocs_config(theme={"palette": palette})
    site = build(write_site(tmp / "src", two_journeys(), config=config), tmp / "site")
    httpd = _serve(site)
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def open_board(browser, journeys_server):
    """``open_board(path, width=)`` -> (page, errors): the two-journey site in a fresh context."""
    contexts = []

    def _open(path: str = "journey/", width: int = 1280):
        context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
        contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(journeys_server + path)
        filters_ready(page)
        page.wait_for_function("() => document.querySelectorAll('form[data-rg-filter][data-rg-ready]').length"
                               " === document.querySelectorAll('form[data-rg-filter]').length")
        return page, errors

    yield _open
    for context in contexts:
        context.close()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def select(page, board: str, name: str, value: str) -> None:
    page.select_option(f'form[data-rg-filter="{board}"] select[name="{name}"]', value)


def value(page, board: str, name: str) -> str:
    return page.input_value(f'form[data-rg-filter="{board}"] select[name="{name}"]')


def options(page, board: str, name: str) -> list[str]:
    return page.eval_on_selector_all(f'form[data-rg-filter="{board}"] select[name="{name}"] option',
                                     "os => os.map(o => o.value).filter(v => v)")


@pytest.mark.parametrize("width", WIDTHS)
def test_only_each_boards_own_box_scrolls_sideways(open_board, journeys_server, browser, width):
    page, errors = open_board(width=width)
    assert page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]") == [width, width]
    boards = page.eval_on_selector_all(".rg-board", """bs => bs.map(b => ({overflow: getComputedStyle(b).overflowX,
        left: b.getBoundingClientRect().left, right: b.getBoundingClientRect().right,
        scroll: b.scrollWidth, client: b.clientWidth}))""")
    assert len(boards) == 3
    for b in boards:
        assert b["overflow"] == "auto" and b["left"] >= 0 and b["right"] <= width, b
    if width == 390:  # the first board is wider than a phone: it scrolls inside its box, with the hint
        assert boards[0]["scroll"] > boards[0]["client"]
        assert page.locator(".rg-scroll__hint").first.is_visible()
    # nothing else spills out of the content column, runs out of its box or overlaps
    assert _problems(browser, journeys_server, ["journey/", "journeys/client/", "behaviours/",
                                                "behaviours/books-online/", "journeys/"]) == {}
    # the folded behaviours open in their column, and their marks stay inside it
    page.click("#stage-follow-up details.rg-behaviours > summary")
    flag = page.eval_on_selector("#stage-follow-up li .rg-flag--unaddressed", """f => {
        const r = f.getBoundingClientRect(), c = f.closest('th').getBoundingClientRect();
        return [f.checkVisibility(), r.left >= c.left - 1 && r.right <= c.right + 1, f.textContent.trim()]; }""")
    assert flag == [True, True, EN["behaviour.unaddressed"]]
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_each_form_filters_its_own_board_and_keeps_its_state_under_its_journey(open_board, width):
    page, errors = open_board(width=width)
    assert page.eval_on_selector_all("form[data-rg-filter]", "fs => fs.map(f => f.dataset.rgFilter)") == list(BOARDS)
    start = page.evaluate(CHECK)
    assert all(start[b]["bad"] == [] and len(start[b]["shown"]) == start[b]["total"] > 1 for b in BOARDS)
    # the client board's team filter: only client cards hide, the advisor board is untouched
    select(page, "board-client", "team", "growth")
    after = page.evaluate(CHECK)
    assert after["board-client"]["bad"] == [] and after["board-client"]["shown"] == ["hypothesis/guest",
                                                                                     "theme/reminders"]
    assert after["board-client"]["count"] == f"2 / 3 {EN['filter.shown']}"
    assert after["board-advisor"] == start["board-advisor"]
    assert query(page) == {"client.team": ["growth"]}
    # the advisor board's status filter: the same name, kept apart in the address
    select(page, "board-advisor", "status", "validated")
    both = page.evaluate(CHECK)
    assert both["board-advisor"]["shown"] == ["hypothesis/checklist"] and both["board-advisor"]["bad"] == []
    assert both["board-client"] == after["board-client"]
    assert query(page) == {"client.team": ["growth"], "advisor.status": ["validated"]}
    assert value(page, "board-client", "status") == ""
    # clearing one board's filters clears its parameters only
    page.click('form[data-rg-filter="board-client"] button.rg-filters__clear')
    page.wait_for_function("() => !location.search.includes('client.team')")
    assert query(page) == {"advisor.status": ["validated"]}
    cleared = page.evaluate(CHECK)
    assert len(cleared["board-client"]["shown"]) == cleared["board-client"]["total"]
    assert cleared["board-advisor"]["shown"] == ["hypothesis/checklist"]
    assert errors == []


def test_a_link_with_each_boards_state_opens_the_same_view(open_board, journeys_server):
    page, errors = open_board("journey/?from=mail")
    length = page.evaluate("history.length")
    horizon = options(page, "board-client", "horizon")[-1]
    select(page, "board-client", "horizon", horizon)
    select(page, "board-advisor", "horizon", "now")
    assert page.evaluate("history.length") == length  # replaceState: no new history entry
    assert query(page) == {"from": ["mail"], "client.horizon": [horizon], "advisor.horizon": ["now"]}
    view = page.evaluate(CHECK)
    again, more = open_board(page.url.removeprefix(journeys_server))
    assert value(again, "board-client", "horizon") == horizon and value(again, "board-advisor", "horizon") == "now"
    assert value(again, "board-client", "status") == value(again, "board-advisor", "status") == ""
    assert again.evaluate(CHECK) == view
    assert again.url == page.url  # opening a link leaves it as it was
    # a v1 board's plain names mean nothing on a page of several boards: left alone, nothing filtered
    plain, _ = open_board("journey/?status=validated")
    assert value(plain, "board-advisor", "status") == "" and query(plain) == {"status": ["validated"]}
    assert all(len(v["shown"]) == v["total"] for v in plain.evaluate(CHECK).values())
    # a journey's own page has one board and the plain names, as a v1 board
    own, _ = open_board("journeys/advisor/?status=validated")
    result = own.evaluate(CHECK)
    assert list(result) == ["board-advisor"] and result["board-advisor"]["shown"] == ["hypothesis/checklist"]
    select(own, "board-advisor", "status", "idea")
    assert query(own) == {"status": ["idea"]}
    assert errors == more == []



@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_journey_and_behaviour_pages_have_no_serious_accessibility_violations(browser, journeys_server, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = {}
    for path in ("journey/", "journeys/", "journeys/client/", "behaviours/", "behaviours/books-online/",
                 "behaviours/ignores-mail/", "stages/follow-up/", "pack/"):
        page.goto(journeys_server + path)
        if path != "pack/":
            assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")
        page.evaluate("document.querySelectorAll('details.rg-behaviours').forEach(d => d.open = true)")
        serious = [v for v in run_axe(page, "body" if path == "pack/" else ".md-content")
                   if v["impact"] in ("serious", "critical")]
        if serious:
            found[path] = serious
    context.close()
    assert found == {}, found
