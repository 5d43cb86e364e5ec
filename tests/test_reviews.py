"""Review rhythm: reviews from git tags, goalposts, the feed in roadmap terms, the review pack (HTML and PDF)
and the embeds, built from real git repositories (tests/reviewrepo.py) with the real ``mkdocs build``."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from reviewrepo import make_review_repo
from sitehelpers import build, content, page, read, run

ATOM = "{http://www.w3.org/2005/Atom}"


def built(tmp_path_factory, name: str, tags: int, audience: str = "internal") -> Path:
    root = make_review_repo(tmp_path_factory.mktemp(name) / "project", tags, audience=audience)
    build(root, root / "site")
    return root


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "three", 3)


@pytest.fixture(scope="module")
def one(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "one", 1)


@pytest.fixture(scope="module")
def zero(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "zero", 0)


def rows(doc, section: str) -> list[str]:
    """The rows of one section of a diff (status, targets, moves, scores) as text."""
    found = doc.find_all("section", cls=f"rg-diff__section--{section}")
    return [cells(r) for s in found[:1] for r in s.find("tbody").find_all("tr")]


def cells(tr) -> str:
    """A table row's cells, `` | `` between them."""
    return " | ".join(c.clean_text() for c in tr.children if not isinstance(c, str) and c.tag in ("th", "td"))


# -- reviews --------------------------------------------------------------------------------------------

def test_without_a_tag_the_reviews_page_says_how_to_mark_one(zero):
    doc = content(page(zero / "site", "reviews/index.html"))
    text = doc.clean_text()
    assert "No review has been marked yet" in text
    assert "git tag review-2026-q4" in text and "git push origin review-2026-q4" in text
    assert not doc.has(id="since-last-review")
    assert sorted(p.name for p in (zero / "site" / "reviews").iterdir()) == ["index.html"]
    # the pack says so too
    assert "No review has been marked yet" in page(zero / "site", "pack/index.html").clean_text()


def test_one_tag_shows_what_changed_since_it(one):
    doc = content(page(one / "site", "reviews/index.html"))
    since = doc.find("section", cls="rg-review--since")
    assert "review-2026-q3" in since.clean_text() and "Sep 20, 2026" in since.clean_text()
    assert any("A setup checklist gets trial clinics" in r and "Testing | Invalidated" in r for r in rows(since, "status"))
    targets = rows(since, "targets")
    assert any("We will get new clinics to their first patient booking" in r and "35% | 32%" in r for r in targets)
    assert any("Clinic owners discover Stridewell" in r and "Deadline | Mar 31, 2027 | Jun 30, 2027" in r for r in targets)
    assert any("Importing from the old system" in r and "Next | Now" in r for r in rows(since, "moves"))
    # what changed before the review is not here
    assert "Guest booking" not in since.clean_text()
    review = content(page(one / "site", "reviews/review-2026-q3/index.html")).clean_text()
    assert "The first review" in review


def test_three_tags_newest_first_each_with_what_changed_since_the_one_before(three):
    site = three / "site"
    doc = content(page(site, "reviews/index.html"))
    tags = [a.clean_text() for a in doc.find_all("a", cls="rg-reviews__tag")]
    assert tags == ["review-2026-q4", "review-2026-q3", "review-2026-q2"]  # annotated and lightweight tags
    since = doc.find("section", cls="rg-review--since")
    assert "review-2026-q4" in since.clean_text()
    assert [r for r in rows(since, "status") if "setup checklist" in r]
    assert "One-step" not in since.clean_text() and "Importing from the old system" not in since.clean_text()
    q3 = content(page(site, "reviews/review-2026-q3/index.html"))
    assert "review-2026-q2" in q3.find("p", cls="rg-lead").clean_text()
    assert any("Guest booking" in r and "Testing | Validated" in r for r in rows(q3, "status"))
    targets = rows(q3, "targets")
    assert any("Patients book their own appointments online" in r and "Target | 55% | 50%" in r for r in targets)
    assert any("Appointments booked by patients themselves" in r and "Deadline | Sep 30, 2026 | Dec 31, 2026" in r
               for r in targets)
    measured = q3.find("section", cls="rg-diff__section--measurements").clean_text()
    assert "Oct 5, 2026" in measured and "47.8%" in measured
    q4 = content(page(site, "reviews/review-2026-q4/index.html"))
    assert any("35% | 32%" in r for r in rows(q4, "targets")) and any("Next | Now" in r for r in rows(q4, "moves"))
    assert "The first review" in content(page(site, "reviews/review-2026-q2/index.html")).clean_text()
    # every item named links to its page
    link = next(a for a in q3.find_all("a") if a.clean_text().startswith("Guest booking"))
    assert link.get("href") == "../../hypotheses/guest-booking/"


def test_reviews_are_in_the_navigation_and_review_pages_out_of_search(three):
    doc = page(three / "site", "index.html")
    nav = [a.clean_text() for a in doc.find("nav", cls="md-nav--primary").find_all("a")]
    assert "Reviews" in nav
    index = read(three / "site" / "search" / "search_index.json")
    assert "reviews/review-2026-q3/" not in index and "pack/" not in index and "embed/" not in index


def test_diff_accepts_review_tags_and_the_last_review(three):
    proc = run([sys.executable, "-m", "roadmap_gen", "diff", "review-2026-q2", "review-2026-q3"], cwd=three)
    assert proc.returncode == 0, proc.stderr
    assert "guest-booking" in proc.stdout and "target 55% → 50%" in proc.stdout
    proc = run([sys.executable, "-m", "roadmap_gen", "diff", "--last-review"], cwd=three)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Roadmap changes: review-2026-q4 → working tree")
    assert "setup-checklist" in proc.stdout and "guest-booking" not in proc.stdout


def test_diff_last_review_without_a_tag_says_how_to_mark_one(zero):
    proc = run([sys.executable, "-m", "roadmap_gen", "diff", "--last-review"], cwd=zero)
    assert proc.returncode == 2
    assert "no tag matching `review-*`" in proc.stderr and "git tag review-2026-q4" in proc.stderr


# -- goalposts ----------------------------------------------------------------------------------------------

def test_goalposts_page_lists_every_target_and_deadline_change(three):
    doc = content(page(three / "site", "changes/goalposts/index.html"))
    table = [cells(r) for r in doc.find("table", cls="rg-goalposts").find("tbody").find_all("tr")]
    assert len(table) == 4
    assert table[0].startswith("Nov 10, 2026 | Outcome Clinic owners discover Stridewell")
    assert "| Deadline | Mar 31, 2027 | Jun 30, 2027 |" in table[0] and "November figures · Ann Author" in table[0]
    assert "Trial clinics with a patient booking in week one grow from 24% to 32%: target | 35% | 32%" in table[1]
    assert "Metric Appointments booked by patients themselves | Deadline | Sep 30, 2026 | Dec 31, 2026" in table[2]
    assert "Outcome Patients book their own appointments online | Target | 55% | 50%" in table[3]
    links = {a.clean_text(): a.get("href") for a in doc.find_all("a")}
    assert links["Patients book their own appointments online"] == "../../outcomes/patients-book-themselves/"
    commit = doc.find("table", cls="rg-goalposts").find_all("a")[-1].get("href")
    assert re.fullmatch(r"\.\./#commit-[0-9a-f]{12}", commit)
    changes = page(three / "site", "changes/index.html")
    assert changes.has(id=commit[4:])
    assert any(a.get("href") == "goalposts/" for a in content(changes).find_all("a"))


def test_item_history_marks_its_goalpost_moves(three):
    doc = content(page(three / "site", "outcomes/patients-book-themselves/index.html"))
    history = doc.find("ol", cls="rg-history").clean_text()
    assert "Goalpost moved target 55% → 50%" in history
    metric = content(page(three / "site", "metrics/self-booked-share/index.html"))
    assert "Goalpost moved deadline 2026-09-30 → 2026-12-31" in metric.find("ol", cls="rg-history").clean_text()
    untouched = content(page(three / "site", "outcomes/patients-finish-their-course/index.html"))
    assert "Goalpost moved" not in untouched.clean_text()


# -- the feed and the changes page in roadmap terms ---------------------------------------------------

def feed_entries(site: Path) -> list[dict]:
    root = ET.fromstring((site / "changes" / "feed.xml").read_bytes())
    out = []
    for e in root.findall(f"{ATOM}entry"):
        author = e.find(f"{ATOM}author")
        out.append({"title": e.find(f"{ATOM}title").text, "updated": e.find(f"{ATOM}updated").text,
                    "link": e.find(f"{ATOM}link").get("href"), "content": e.find(f"{ATOM}content").text,
                    "author": author.find(f"{ATOM}name").text if author is not None else None,
                    "id": e.find(f"{ATOM}id").text})
    return out


def test_feed_entries_are_titled_in_roadmap_terms_with_computed_events(three):
    entries = feed_entries(three / "site")
    titles = [e["title"] for e in entries]
    assert titles[0] == ("A setup checklist gets trial clinics to their first booking: testing → invalidated "
                         "(and 3 more changes)")
    assert "Guest booking with an SMS code lets patients book without an account: testing → validated " \
           "(and 2 more changes)" in titles
    assert "Deadline of Appointments booked by patients themselves: 2026-09-30 → 2026-12-31 (and 3 more changes)" \
        in titles
    assert not [t for t in titles if t.startswith("Compiler core") or t in ("November figures",)]
    # the commit subject and author are secondary, in the content
    guest = next(e for e in entries if e["title"].startswith("Guest booking"))
    assert "Compiler core: located YAML loader" in guest["content"] and "Ann Author" in guest["content"]
    assert guest["author"] == "Ann Author"
    # computed events: a metric crossing its target, an outcome changing status, an OKR's traffic light
    assert "Appointments missed without cancelling reached its target: 6.8% (target 7%)" in titles
    assert "Patients book their own appointments online: off track → at risk" in titles
    reached = next(e for e in entries if "reached its target" in e["title"])
    assert reached["updated"] == "2026-10-05T00:00:00+00:00"
    assert reached["link"].startswith("https://roadmap.example.com/changes/#event-target-reached-metric-no-show-rate")
    assert len({e["id"] for e in entries}) == len(entries)
    dates = [e["updated"] for e in entries]
    assert dates == sorted(dates, reverse=True)
    changes = page(three / "site", "changes/index.html")
    for e in entries:
        assert changes.has(id=e["link"].split("#")[1]), e["link"]


def test_changes_page_titles_entries_by_the_roadmap_and_shows_events(three):
    doc = content(page(three / "site", "changes/index.html"))
    items = doc.find("ol", cls="rg-changes").find_all("li", cls="rg-change")
    first = items[0]
    assert first.find("p", cls="rg-change__title").clean_text().startswith("A setup checklist gets trial clinics")
    assert "November figures · Ann Author" in first.find("p", cls="rg-change__commit").clean_text()
    events = [li.find("p", cls="rg-change__title").clean_text() for li in items if "rg-change--event" in li.classes]
    assert "Appointments missed without cancelling reached its target: 6.8% (target 7%)" in events


def test_computed_events_include_a_metric_going_stale(tmp_path):
    from roadmap_gen.compile.compiler import Compiler
    from roadmap_gen.git.headlines import events

    repo = Path(__file__).resolve().parents[1]
    compiled = Compiler(repo / "content").compile(date(2027, 3, 1))
    stale = [e for e in events((), compiled) if e.what == "stale"]
    assert stale and all(e.kind == "metric" for e in stale)
    one = next(e for e in stale if e.id == "no-show-rate")
    assert one.headline == "Appointments missed without cancelling went stale: no measurement since 2026-11-02"
    assert one.date == "2026-12-03T00:00:00+00:00"  # monthly: due 2026-12-02, stale the day after


# -- public builds ----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def public(tmp_path_factory) -> Path:
    return built(tmp_path_factory, "public", 3, audience="public")


def internal_titles() -> list[str]:
    from roadmap_gen.compile.compiler import Compiler

    repo = Path(__file__).resolve().parents[1]
    compiled = Compiler(repo / "content").compile(date(2026, 11, 25))
    return [i.title for i in compiled.roadmap.all_items() if not i.is_public]


def test_public_reviews_goalposts_pack_embeds_and_feed_name_nothing_internal(public):
    site = public / "site"
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")]
    for rel in ("reviews/index.html", "reviews/review-2026-q3/index.html", "changes/goalposts/index.html",
                "pack/index.html", "embed/index.html", "embed/journey/index.html", "embed/kpis/index.html"):
        assert (site / rel).is_file(), rel
    titles = internal_titles()
    assert len(titles) > 10
    import html as html_lib
    texts = {p: html_lib.unescape(p.read_text(encoding="utf-8")) for p in files}
    for title in titles:
        leaks = [str(p.relative_to(site)) for p, text in texts.items() if title in text]
        assert leaks == [], (title, leaks)
    for p, text in texts.items():  # neither the people who committed nor commit subjects
        assert "Ann Author" not in text and "Compiler core" not in text, p
    # the public goalposts still show the public moves
    goalposts = content(page(site, "changes/goalposts/index.html")).clean_text()
    assert "Patients book their own appointments online Target55%50%" in goalposts.replace("% ", "%")
    assert "Appointments missed without cancelling" in page(site, "embed/kpis/index.html").clean_text()


# -- the pack and the embeds in the site ------------------------------------------------------------

def test_pack_is_one_document_with_every_section(three):
    doc = page(three / "site", "pack/index.html")
    assert not doc.has(cls="md-header") and not doc.has("nav")
    sections = [s.get("class").split()[1] for s in doc.find_all("section", cls="rg-pack__section")]
    assert sections == ["rg-pack__section--vmgs", "rg-pack__section--board", "rg-pack__section--outcomes",
                        "rg-pack__section--kpis", "rg-pack__section--okrs", "rg-pack__section--review"]
    text = doc.clean_text()
    assert "Stridewell product roadmap" in text and "Figures as of Nov 25, 2026" in text
    assert "Every patient who starts physiotherapy finishes it" in text  # the vision, as written
    review = doc.find("section", cls="rg-pack__section--review").clean_text()
    assert "review-2026-q4" in review and "A setup checklist gets trial clinics" in review
    assert doc.find("section", cls="rg-pack__section--okrs").find_all("article", cls="rg-okr")
    assert [l.get("href") for l in doc.find_all("link", rel="stylesheet")] == [
        "../assets/roadmap-gen/roadmap.css", "../assets/roadmap-gen/charts.css", "../assets/roadmap-gen/document.css"]


def test_embeds_are_standalone_and_open_links_at_the_top(three):
    site = three / "site"
    for rel in ("embed/index.html", "embed/journey/index.html", "embed/kpis/index.html",
                "embed/outcomes/patients-book-themselves/index.html"):
        doc = page(site, rel)
        links = doc.find("main").find_all("a")
        assert links and all(a.get("target") == "_top" for a in links), rel
        assert not doc.has("base"), rel
        assert not doc.has(cls="md-header") and not doc.has(cls="md-search") and not doc.has(cls="md-nav"), rel
    outcome = page(site, "embed/outcomes/patients-book-themselves/index.html")
    assert outcome.find("h1").clean_text().startswith("Patients book their own appointments online")
    assert outcome.has(cls="rg-progress")
    assert "Book" in outcome.clean_text()


def test_full_pages_offer_their_embed_snippet(three):
    for rel, src in (("index.html", "embed/"), ("journey/index.html", "embed/journey/"),
                     ("kpis/index.html", "embed/kpis/"),
                     ("outcomes/patients-book-themselves/index.html", "embed/outcomes/patients-book-themselves/")):
        box = content(page(three / "site", rel)).find("details", cls="rg-embed-box")
        assert box.find("summary").clean_text() == "Embed"
        snippet = box.find("code").clean_text()
        assert snippet.startswith(f'<iframe src="https://roadmap.example.com/{src}"'), snippet
    assert not content(page(three / "site", "hypotheses/guest-booking/index.html")).has(cls="rg-embed-box")


# -- the PDF ---------------------------------------------------------------------------------------------

def test_pack_pdf_has_the_pack_on_a4_with_page_numbers(three, tmp_path):
    out = tmp_path / "pack.pdf"
    proc = run([sys.executable, "-m", "roadmap_gen", "pack", "--out", out], cwd=three, timeout=300)
    assert proc.returncode == 0, proc.stderr
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    texts = [p.extract_text() for p in reader.pages]
    n = len(reader.pages)
    assert 6 <= n <= 20
    assert "Review pack" in texts[0].replace("REVIEW PACK", "Review pack") and "Stridewell product roadmap" in texts[0]
    for i, text in enumerate(texts, 1):
        assert f"{i} / {n}" in text, i  # the footer: page numbers and the title
        assert "Stridewell product roadmap" in text
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    assert boxes[0] == pytest.approx((595.3, 841.9), abs=1)  # A4 portrait
    assert any(w > h for w, h in boxes)  # the board on landscape pages
    board = next(t for t, (w, h) in zip(texts, boxes) if w > h)
    assert "Customer journey" in board and "Discover" in board
    last = texts[-1]
    assert "Since the last review" in last and "review-2026-q4" in last
    whole = "\n".join(texts)
    for heading in ("Goals", "Strategies", "Outcomes", "KPIs", "OKRs"):
        assert heading in whole, heading


def test_pack_pdf_for_the_public_audience_names_nothing_internal(three, tmp_path):
    out = tmp_path / "public.pdf"
    proc = run([sys.executable, "-m", "roadmap_gen", "pack", "--out", out, "--audience", "public"], cwd=three,
               timeout=300)
    assert proc.returncode == 0, proc.stderr
    whole = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(out)).pages)
    assert "Patients book their own appointments online" in whole
    for title in internal_titles():
        assert " ".join(title.split()) not in whole, title


def test_pack_without_weasyprint_says_how_to_install_it(three, tmp_path):
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "weasyprint.py").write_text("raise ImportError('No module named weasyprint')\n")
    env = {**__import__("os").environ, "PYTHONPATH": str(blocker)}
    proc = subprocess.run([sys.executable, "-m", "roadmap_gen", "pack", "--out", str(tmp_path / "x.pdf")],
                          cwd=three, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "roadmap-gen: error: the PDF needs WeasyPrint: pip install 'roadmap-gen[pdf]' "
        "(and Pango, e.g. apt-get install libpango-1.0-0)"]
    assert not (tmp_path / "x.pdf").exists()
