"""Several journeys and behaviours in built sites (content format 1.1): the journey board with one board per
journey, behaviours with the number of items aimed at each and unaddressed blockers marked, a page per
behaviour and per journey, the journeys/ and behaviours/ indexes, item pages naming the behaviours they aim
at, the pack and the board embed, and the public build without internal journeys and behaviours. A v1
roadmap (top-level `stages:`) keeps its board as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from journeyhelpers import two_journeys
from languagehelpers import content_text, english_leaks
from roadmap_gen.site.labels import EN, labels_for
from sitehelpers import (AS_OF, broken_links, build, content, copy_basic, mkdocs_config, page,
                         primary_nav_links, read, write_site)


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The two-journey roadmap built for an internal and a public audience."""
    out = {}
    for audience in ("internal", "public"):
        tmp = tmp_path_factory.mktemp(audience)
        config = mkdocs_config(plugin={"audience": audience})
        root = write_site(tmp / "src", two_journeys(), config=config)
        out[audience] = build(root, tmp / "site")
    return out


@pytest.fixture(scope="module")
def site(sites) -> Path:
    return sites["internal"]


def _texts(nodes) -> list[str]:
    return [n.clean_text() for n in nodes]


def _column(site: Path, stage: str):
    return content(page(site, "journey/index.html")).find("th", id=f"stage-{stage}")


def _behaviour_items(node) -> dict[str, dict]:
    """Each behaviour listed in ``node``: its link (None for a plain text), count and unaddressed mark."""
    out = {}
    for li in node.find_all("li"):
        a = li.find_all("a")
        count = li.find_all("span", cls="rg-behaviours__count")
        flag = li.find_all("span", cls="rg-flag--unaddressed")
        title = a[0].clean_text() if a else li.clean_text().lstrip("+− ")
        out[title] = {"href": a[0].get("href") if a else None, "count": count[0].clean_text() if count else None,
                      "flag": flag[0].clean_text() if flag else None,
                      "icon": bool(flag) and flag[0].has("svg"), "sign": li.find("span").clean_text()}
    return out


# -- the journey board --------------------------------------------------------------------------------

def test_the_board_shows_every_journey_in_file_order_under_its_title(site):
    doc = content(page(site, "journey/index.html"))
    sections = doc.find_all("section", cls="rg-journey")
    assert [s.find("h2").clean_text() for s in sections] == ["Client", "Advisor", "SECRETJOURNEY Operations"]
    assert [s.find("h2").get("id") for s in sections] == ["journey-client", "journey-advisor", "journey-ops"]
    assert [s.find("h2").find("a").get("href") for s in sections] == [
        "../journeys/client/", "../journeys/advisor/", "../journeys/ops/"]
    assert [s.find("p", cls="rg-journey__desc").clean_text() for s in sections[:2]] == [
        "The client who books meetings with an advisor.", "The advisor who prepares and holds the meetings."]
    columns = [[th.get("id") for th in s.find_all("th", cls="rg-board__stage")] for s in sections]
    assert columns == [["stage-first-meeting", "stage-follow-up"], ["stage-prepare"], ["stage-back-office"]]
    # each board holds the cards of its own stages only
    keys = [sorted(c.get("data-key") for c in s.find_all("article", cls="rg-card")) for s in sections]
    assert keys == [["hypothesis/guest", "question/why-call", "theme/reminders"],
                    ["hypothesis/checklist", "hypothesis/notes-template"], ["hypothesis/back-office"]]
    nav = doc.find("nav", cls="rg-journeys-nav")
    assert [(a.clean_text(), a.get("href")) for a in nav.find_all("a")] == [
        ("Client", "#journey-client"), ("Advisor", "#journey-advisor"), ("SECRETJOURNEY Operations", "#journey-ops")]
    assert doc.find("p", cls="rg-lead").clean_text() == EN["board.intro_journeys"]


def test_each_board_has_its_own_filter_form_keyed_by_its_journey(site):
    doc = content(page(site, "journey/index.html"))
    forms = doc.find_all("form", cls="rg-filters")
    roots = doc.find_all("div", cls="rg-board")
    # (the internal journey's board has one card: nothing to filter, no form)
    assert [(f.get("data-rg-filter"), f.get("data-rg-param")) for f in forms] == [
        ("board-client", "client."), ("board-advisor", "advisor.")]
    assert [r.get("data-rg-filterable") for r in roots] == ["board-client", "board-advisor", "board-ops"]
    # the first board's filters come from its own cards: three teams, its own kinds
    client = forms[0]
    options = {s.get("name"): [o.get("value") for o in s.find_all("option")][1:] for s in client.find_all("select")}
    assert options["team"] == ["growth", "research"] and options["kind"] == ["theme", "question", "hypothesis"]
    assert client.find("p", cls="rg-filters__count").get("data-total") == "3"
    ids = [n.get("id") for n in doc.iter() if n.get("id")]
    assert len(ids) == len(set(ids))  # no id twice on the page


def test_columns_list_behaviours_with_counts_and_mark_unaddressed_blockers(site):
    first = _column(site, "first-meeting").find("details", cls="rg-behaviours")
    boosters = _behaviour_items(first.find("ul", cls="rg-behaviours__list--boosters"))
    blockers = _behaviour_items(first.find("ul", cls="rg-behaviours__list--blockers"))
    assert boosters == {
        "Reads the welcome mail": {"href": None, "count": None, "flag": None, "icon": False, "sign": "+"},
        "Books the first meeting online": {"href": "../behaviours/books-online/", "count": "2 items", "flag": None,
                                           "icon": False, "sign": "+"}}
    assert blockers["Waits for the advisor to call"] == {
        "href": "../behaviours/waits-for-call/", "count": "3 items", "flag": None, "icon": False, "sign": "−"}
    # named only by a hypothesis: addressed (internal build)
    assert blockers["SECRETBEHAVIOUR drops out"]["count"] == "1 item"
    assert first.find("summary").clean_text() == "Boosters & Blockers"  # nothing unaddressed here
    follow = _column(site, "follow-up").find("details", cls="rg-behaviours")
    assert _behaviour_items(follow) == {"Ignores the follow-up mail": {
        "href": "../behaviours/ignores-mail/", "count": None, "flag": EN["behaviour.unaddressed"], "icon": True,
        "sign": "−"}}
    # folded away, the column still says how many of its blockers are unaddressed
    summary = follow.find("summary").find("span", cls="rg-flag--unaddressed")
    assert summary.clean_text() == "1 unaddressed" and summary.has("svg")
    # a booster nothing aims at is counted, not marked
    prepare = _behaviour_items(_column(site, "prepare"))
    assert prepare["Reads the client's notes"]["count"] == "1 item"


# -- a behaviour's page -------------------------------------------------------------------------------

def _facts(doc) -> dict[str, str]:
    return {row.find("dt").clean_text(): row.find("dd").clean_text() for row in doc.find_all("div", cls="rg-facts__row")}


def test_a_behaviour_page_shows_stage_type_metric_and_the_items_aimed_at_it(site):
    doc = content(page(site, "behaviours/books-online/index.html"))
    assert doc.find("h1").clean_text() == "Books the first meeting online"
    assert doc.find("p", cls="rg-item-header__kind").clean_text() == "Behaviour"
    assert _facts(doc) == {"Journey": "Client", "Stage": "Book first meeting", "Type": "Booster",
                           "Metric": "Self-booking rate"}
    links = {a.clean_text(): a.get("href") for a in doc.find("dl", cls="rg-facts").find_all("a")}
    assert links == {"Client": "../../journeys/client/", "Book first meeting": "../../stages/first-meeting/",
                     "Self-booking rate": "../../metrics/self-booking/"}
    # the metric: its current value and its chart
    assert doc.find("h2", id="metric").clean_text() == "Metric: Self-booking rate"
    assert doc.find("dd", cls="rg-kpi__current").clean_text() == "37%"
    assert doc.find("figure", cls="rg-chart-figure").has("svg")
    # the items aimed at it: the outcome with its progress, the work as cards
    assert doc.find("h2", id="aimed-at").clean_text() == "Aimed at this behaviour (2)"
    outcomes = doc.find_all("article", cls="rg-outcome-summary")
    assert _texts(o.find("a") for o in outcomes) == ["More clients book online"]
    assert outcomes[0].has("svg")  # the progress bar
    assert [c.get("data-key") for c in doc.find_all("article", cls="rg-card")] == ["hypothesis/guest"]
    assert not doc.has("p", cls="rg-unaddressed") and not doc.has("span", cls="rg-flag--unaddressed")
    assert not doc.has("h2", id="referenced-by")  # everything naming it is listed above


def test_an_unaddressed_blocker_says_so_on_its_page(site):
    doc = content(page(site, "behaviours/ignores-mail/index.html"))
    assert _facts(doc) == {"Journey": "Client", "Stage": "Follow up", "Type": "Blocker"}
    assert doc.find("div", cls="rg-body").find("p", cls="rg-lead").clean_text() == "Nobody reads it."
    mark = doc.find("p", cls="rg-unaddressed-mark").find("span", cls="rg-flag--unaddressed")
    assert mark.clean_text() == EN["behaviour.unaddressed"] and mark.has("svg")
    assert doc.find("h2", id="aimed-at").clean_text() == "Aimed at this behaviour (0)"
    assert doc.find("p", cls="rg-unaddressed").clean_text() == EN["behaviour.unaddressed_help"]
    assert not doc.has("article", cls="rg-card") and not doc.has("h2", id="metric")
    # an opportunity aimed at a blocker is listed as a link
    waits = content(page(site, "behaviours/waits-for-call/index.html"))
    assert [(a.clean_text(), a.get("href")) for a in waits.find("ul", cls="rg-aimed__list").find_all("a")] == [
        ("Clients are used to phoning", "../../opportunities/phone-habit/")]
    assert [c.get("data-key") for c in waits.find_all("article", cls="rg-card")] == ["question/why-call"]


def test_the_behaviours_index_lists_them_by_journey_and_stage(site):
    doc = content(page(site, "behaviours/index.html"))
    assert _texts(doc.find_all("h2")) == ["Client", "Advisor", "SECRETJOURNEY Operations"]
    assert _texts(doc.find_all("h3")) == ["Book first meeting", "Follow up", "Prepare the meeting",
                                          "SECRETSTAGE Back office"]
    rows = {li.find("a").clean_text(): li.clean_text() for li in doc.find_all("li", cls="rg-behaviour-index__item")}
    assert rows == {
        "Books the first meeting online": "+ Booster Books the first meeting online 2 items",
        "Waits for the advisor to call": "− Blocker Waits for the advisor to call 3 items",
        "SECRETBEHAVIOUR drops out": "− Blocker SECRETBEHAVIOUR drops out 1 item",
        "Ignores the follow-up mail": "− Blocker Ignores the follow-up mail Unaddressed",
        "Reads the client's notes": "+ Booster Reads the client's notes 1 item",
        "SECRETOPS Retypes forms": "− Blocker SECRETOPS Retypes forms 1 item"}
    assert doc.find("p", cls="rg-behaviour-index__summary").clean_text() == "1 unaddressed"
    nav = [t for t, _ in primary_nav_links(page(site, "behaviours/index.html")) if t]
    assert nav[:4] == ["Roadmap", "Journey", "Stages", "Behaviours"]


def test_the_stage_page_lists_its_behaviours_with_links_and_counts(site):
    doc = content(page(site, "stages/follow-up/index.html"))
    assert _facts(doc)["Journey"] == "Client"
    assert doc.find("dl", cls="rg-facts").find("a").get("href") == "../../journeys/client/"
    blockers = _behaviour_items(doc.find("section", cls="rg-behaviours--blockers"))
    assert blockers["Ignores the follow-up mail"]["flag"] == EN["behaviour.unaddressed"]
    assert doc.find("p", cls="rg-unaddressed").clean_text() == "1 unaddressed"
    first = _behaviour_items(content(page(site, "stages/first-meeting/index.html")).find(
        "section", cls="rg-behaviours--boosters"))
    assert first["Books the first meeting online"]["count"] == "2 items"
    assert first["Reads the welcome mail"]["href"] is None


def test_items_show_the_behaviours_they_aim_at(site):
    outcome = content(page(site, "outcomes/more-online/index.html"))
    row = next(r for r in outcome.find_all("div", cls="rg-facts__row") if r.find("dt").clean_text() == "Behaviours")
    assert [(a.clean_text(), a.get("href")) for a in row.find_all("a")] == [
        ("Books the first meeting online", "../../behaviours/books-online/"),
        ("Waits for the advisor to call", "../../behaviours/waits-for-call/")]
    for rel, label, title in (("opportunities/phone-habit", "Behaviour", "Waits for the advisor to call"),
                              ("questions/why-call", "Behaviour", "Waits for the advisor to call"),
                              ("hypotheses/notes-template", "Behaviour", "Reads the client's notes")):
        assert _facts(content(page(site, f"{rel}/index.html")))[label] == title, rel
    assert "Behaviour" not in _facts(content(page(site, "themes/reminders/index.html")))


# -- journeys/ and journeys/<id>/ ---------------------------------------------------------------------

def test_each_journey_has_its_own_board_page(site):
    doc = content(page(site, "journeys/advisor/index.html"))
    assert doc.find("h1").clean_text() == "Advisor"
    assert doc.find("p", cls="rg-lead").clean_text() == "The advisor who prepares and holds the meetings."
    assert doc.find("p", cls="rg-journey__all").find("a").get("href") == "../../journey/#journey-advisor"
    assert [th.get("id") for th in doc.find_all("th", cls="rg-board__stage")] == ["stage-prepare"]
    assert [c.get("data-key") for c in doc.find_all("article", cls="rg-card")] == [
        "hypothesis/checklist", "hypothesis/notes-template"]
    (form,) = doc.find_all("form", cls="rg-filters")
    assert form.get("data-rg-filter") == "board-advisor"
    assert form.get("data-rg-param") is None  # alone on its page: the plain ?status= of a v1 board
    assert doc.find("div", cls="rg-board").get("data-rg-filterable") == "board-advisor"
    client = content(page(site, "journeys/client/index.html"))
    crumbs = [(a.clean_text(), a.get("href")) for a in client.find("nav", cls="rg-crumbs").find_all("a")]
    assert crumbs == [("Roadmap", "../../"), ("Journeys", "../")]


def test_the_journeys_index_lists_each_journey(site):
    doc = content(page(site, "journeys/index.html"))
    cards = doc.find_all("article", cls="rg-journey-card")
    assert [c.find("h2").clean_text() for c in cards] == ["Client", "Advisor", "SECRETJOURNEY Operations"]
    client = cards[0]
    assert client.find("p", cls="rg-journey-card__desc").clean_text() == "The client who books meetings with an advisor."
    assert _texts(client.find("ol").find_all("a")) == ["Book first meeting", "Follow up"]
    assert client.find("p", cls="rg-journey-card__counts").clean_text() == "3 items · Behaviours: 4 1 unaddressed"


def test_the_home_strip_and_the_stages_index_group_stages_by_journey(site):
    home = content(page(site, "index.html")).find("section", cls="rg-strip")
    strips = [(h.clean_text(), h.find("a").get("href")) for h in home.find_all("h3", cls="rg-strip__journey")]
    assert strips == [("Client", "journeys/client/"), ("Advisor", "journeys/advisor/"),
                      ("SECRETJOURNEY Operations", "journeys/ops/")]
    assert [_texts(ol.find_all("a", cls="rg-strip__title")) for ol in home.find_all("ol", cls="rg-strip__stages")] == [
        ["Book first meeting", "Follow up"], ["Prepare the meeting"], ["SECRETSTAGE Back office"]]
    stages = content(page(site, "stages/index.html"))
    assert _texts(stages.find_all("h2")) == ["Client", "Advisor", "SECRETJOURNEY Operations"]
    assert [_texts(ol.find_all("strong")) for ol in stages.find_all("ol", cls="rg-stage-list")] == [
        ["Book first meeting", "Follow up"], ["Prepare the meeting"], ["SECRETSTAGE Back office"]]


def test_journey_boards_stay_out_of_search_and_behaviour_pages_are_in_it(site):
    docs = json.loads(read(site / "search" / "search_index.json"))["docs"]
    locations = {d["location"].split("#")[0] for d in docs}
    assert {"behaviours/books-online/", "behaviours/ignores-mail/", "journeys/"} <= locations
    assert not {"journey/", "journeys/client/", "journeys/advisor/", "behaviours/"} & locations
    found = [d for d in docs if d["location"] == "behaviours/ignores-mail/"]
    assert "Nobody reads it." in found[0]["text"] and "Blocker" in found[0]["text"]
    journeys = next(d for d in docs if d["location"] == "journeys/")
    assert "The client who books meetings with an advisor." in journeys["text"]


def test_every_link_of_the_two_journey_site_resolves(sites):
    for s in sites.values():
        assert broken_links(s) == []


# -- the pack and the embed --------------------------------------------------------------------------------

@pytest.mark.parametrize("rel", ["pack/index.html", "embed/journey/index.html"])
def test_the_pack_and_the_board_embed_show_every_journeys_board(site, rel):
    doc = page(site, rel)
    headings = doc.find_all(cls="rg-doc__journey")
    assert _texts(headings) == ["Client", "Advisor", "SECRETJOURNEY Operations"]
    tables = doc.find_all("table", cls="rg-board__table")
    assert [[a.clean_text() for a in t.find_all("a", cls="rg-board__stage-title")] for t in tables] == [
        ["Book first meeting", "Follow up"], ["Prepare the meeting"], ["SECRETSTAGE Back office"]]
    flags = [th.find("span", cls="rg-flag--unaddressed").clean_text() for th in tables[0].find_all("th")
             if th.has("span", cls="rg-flag--unaddressed")]
    assert flags == ["1 unaddressed"]


# -- the public build ----------------------------------------------------------------------------------------

def test_the_public_build_has_no_internal_journey_stage_or_behaviour(sites):
    public = sites["public"]
    for secret in ("SECRETJOURNEY", "SECRETSTAGE", "SECRETBEHAVIOUR", "SECRETOPS", "SECRETWORK"):
        found = [p.relative_to(public).as_posix() for p in public.rglob("*") if p.is_file()
                 and p.suffix in (".html", ".json", ".xml") and secret in read(p)]
        assert found == [], secret
    for rel in ("journeys/ops", "stages/back-office", "behaviours/secret-blocker", "behaviours/retypes-forms"):
        assert not (public / rel).exists(), rel
    doc = content(page(public, "journey/index.html"))
    assert _texts(s.find("h2") for s in doc.find_all("section", cls="rg-journey")) == ["Client", "Advisor"]
    blockers = _behaviour_items(_column(public, "first-meeting").find("ul", cls="rg-behaviours__list--blockers"))
    assert list(blockers) == ["Waits for the advisor to call"]
    guest = _facts(content(page(public, "hypotheses/guest/index.html")))
    assert guest["Behaviour"] == "Books the first meeting online"  # the internal one is left out
    assert (public / "journeys/client/index.html").is_file() and (public / "behaviours/index.html").is_file()


# -- a v1 roadmap -----------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def v1_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("v1")
    return build(copy_basic(tmp / "src"), tmp / "site")


def test_a_v1_board_is_one_board_without_a_journey_heading(v1_site):
    doc = content(page(v1_site, "journey/index.html"))
    assert not doc.has("section", cls="rg-journey") and not doc.has("nav", cls="rg-journeys-nav")
    assert _texts(doc.find_all("h2")) == ["Customer journey: Stage × Horizon"]
    assert doc.find("h2").get("id") == "board" and doc.find("h2").classes == ["rg-sr"]
    assert doc.find("p", cls="rg-lead").clean_text() == EN["board.intro"]
    (form,) = doc.find_all("form", cls="rg-filters")
    assert form.get("data-rg-filter") == "board" and form.get("data-rg-param") is None
    (board,) = doc.find_all("div", cls="rg-board")
    assert board.get("data-rg-filterable") == "board" and board.get("aria-label") == "Customer journey"
    # plain-text behaviours as before: no link, no count, no mark
    for details in doc.find_all("details", cls="rg-behaviours"):
        assert details.find("summary").clean_text() == "Boosters & Blockers"
        assert not details.has("a") and not details.has("span", cls="rg-behaviours__count")
        assert not details.has("span", cls="rg-flag")
    for rel in ("journeys", "behaviours"):
        assert not (v1_site / rel).exists(), rel
    nav = [t for t, _ in primary_nav_links(page(v1_site, "journey/index.html")) if t]
    assert "Behaviours" not in nav and "Journeys" not in nav
    home = content(page(v1_site, "index.html"))
    assert not home.has("h3", cls="rg-strip__journey") and len(home.find_all("ol", cls="rg-strip__stages")) == 1
    assert not content(page(v1_site, "stages/index.html")).has("h2")
    pack = page(v1_site, "pack/index.html")
    assert not pack.has(cls="rg-doc__journey") and len(pack.find_all("table", cls="rg-board__table")) == 1


# -- Dutch and Swedish -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "sv"])
def test_no_english_on_the_journey_and_behaviour_pages(tmp_path, lang):
    config = mkdocs_config(theme={"language": lang})
    root = write_site(tmp_path / "src", two_journeys(), config=config)
    site = build(root, tmp_path / "site")
    assert english_leaks(site, labels_for(lang), content_text(root / "content", AS_OF)) == []
    t = labels_for(lang)
    doc = content(page(site, "behaviours/ignores-mail/index.html"))
    assert doc.find("span", cls="rg-flag--unaddressed").clean_text() == t["behaviour.unaddressed"]
    assert _facts(doc)[t["behaviour.type"]] == t["behaviour.type.blocker"]
