"""Content format 1.1 in the compiler: behaviours with ids, several journeys, tactics with ids, key results
naming outcomes and hypotheses, and stale figures (docs/guide/format.md, computation.md)."""
from __future__ import annotations

from datetime import date

from conftest import compile_roadmap, messages
from roadmap_gen.site.export import roadmap_data

JOURNEYS = """\
journeys:
  - id: client
    title: Client
    visibility: public
    stages:
      - id: first-meeting
        title: Book first meeting
        visibility: public
        boosters:
          - Reads the welcome mail
          - {id: books-online, title: Books the first meeting online, metric: self-booking, visibility: public}
        blockers:
          - {id: waits-for-call, title: Waits for the advisor to call}
  - id: advisor
    title: Advisor
    stages:
      - id: prepare
        title: Prepare the meeting
        blockers: [{id: skips-notes, title: Skips the notes}]
"""

ROADMAP = """\
title: T
vision: V
mission: M
goals:
  - {id: g, title: Goal, metric: self-booking, target: 50, by: 2026-12-31}
  - {id: g-written, title: Goal without metric}
strategies:
  - id: s
    title: S
    goal: g
    tactics:
      - {id: guest-booking, title: Guest booking}
      - {title: A tactic without id}
"""

METRICS = """\
metrics:
  - {id: self-booking, title: Self-booking, category: customer, unit: "%", review: monthly,
     baseline: {value: 10, date: 2026-01-01}}
  - {id: fresh, title: Fresh, category: customer, review: yearly, baseline: {value: 0, date: 2026-01-01}}
"""

OUTCOME = """\
---
title: More clients book online
stage: first-meeting
metric: self-booking
target: 50
behaviours: [books-online, waits-for-call]
---
"""

OKR = """\
objective: Clients book themselves
period: 2026-Q4
key_results:
  - {title: Via the outcome, outcome: more-online, from: 10, to: 50, hypotheses: [guest]}
  - {title: Written, outcome: more-online, from: 0, to: 10, current: 5}
  - {title: Own metric, metric: fresh, from: 0, to: 10}
"""

HYPOTHESIS = """\
---
title: Guest booking
stage: first-meeting
horizon: now
outcome: more-online
tactic: guest-booking
behaviours: [books-online]
we_believe: a
will_result_in: b
we_will_know_when: c
status: idea
---
"""


def files(**extra):
    base = {"roadmap.yml": ROADMAP, "journey.yml": JOURNEYS, "metrics.yml": METRICS,
            "metrics/self-booking.csv": "date,value\n2026-01-01,10\n2026-09-01,30\n",  # stale by 2026-11-25
            "metrics/fresh.csv": "date,value\n2026-01-01,0\n2026-11-01,4\n",
            "outcomes/more-online.md": OUTCOME, "okrs/q4.yml": OKR, "hypotheses/guest.md": HYPOTHESIS}
    base.update(extra)
    return base


def test_several_journeys_load_with_their_stages_and_behaviours(roadmap):
    result = compile_roadmap(roadmap(files()))
    assert messages(result) == []
    r = result.roadmap
    assert [(j.id, j.stages) for j in r.journeys] == [("client", ("first-meeting",)), ("advisor", ("prepare",))]
    assert [(s.id, s.journey) for s in r.stages] == [("first-meeting", "client"), ("prepare", "advisor")]
    assert [(b.id, b.stage, b.type, b.metric) for b in r.behaviours] == [
        ("books-online", "first-meeting", "booster", "self-booking"),
        ("waits-for-call", "first-meeting", "blocker", None), ("skips-notes", "prepare", "blocker", None)]
    first = r.stages[0]
    assert first.behaviour_list("booster") == (("Reads the welcome mail", None),
                                               ("Books the first meeting online", "books-online"))
    assert [(j.id if j else None, [s.id for s in st]) for j, st in r.boards()] == [
        ("client", ["first-meeting"]), ("advisor", ["prepare"])]


def test_a_v1_journey_file_is_one_board_without_a_journey(roadmap):
    result = compile_roadmap(roadmap())
    assert result.ok and result.roadmap.journeys == () and result.roadmap.behaviours == ()
    assert [(j, [s.id for s in st]) for j, st in result.roadmap.boards()] == [(None, ["onboard"])]
    assert result.roadmap.stages[0].journey is None


def test_ids_unique_across_journeys_and_references_checked_with_suggestions(roadmap):
    journey = JOURNEYS.replace("id: prepare", "id: first-meeting").replace("id: skips-notes", "id: books-online")
    extra = {"journey.yml": journey,
             "themes/t.md": "---\ntitle: T\nstage: prepare\nhorizon: now\ntactic: guest-bookin\n"
                            "behaviours: [books-onlin, nobody]\n---\n",
             "roadmap.yml": ROADMAP + "      - {id: guest-booking, title: Again}\n"}
    result = compile_roadmap(roadmap(files(**extra)))
    assert messages(result) == [
        "content/journey.yml:17:13: duplicate stage id `first-meeting` (first at line 6)",
        "content/journey.yml:19:25: duplicate behaviour id `books-online` (first at line 11)",
        "content/roadmap.yml:14:14: duplicate tactic id `guest-booking` (first at line 12)",
        "content/themes/t.md:3:8: `stage` refers to unknown stage `prepare`",
        "content/themes/t.md:5:9: `tactic` refers to unknown tactic `guest-bookin` (did you mean `guest-booking`?)",
        "content/themes/t.md:6:14: `behaviours` refers to unknown behaviour `books-onlin` "
        "(did you mean `books-online`?)",
        "content/themes/t.md:6:27: `behaviours` refers to unknown behaviour `nobody`",
    ]


def test_stages_and_journeys_together_is_an_error(roadmap):
    both = JOURNEYS + "stages:\n  - {id: x, title: X}\n"
    result = compile_roadmap(roadmap(files(**{"journey.yml": both})))
    assert messages(result) == ["content/journey.yml:2:3: give either `stages` or `journeys`, not both"]
    empty = compile_roadmap(roadmap(files(**{"journey.yml": "journeys: []\n"})))
    assert "content/journey.yml:1:11: `journeys` needs at least 1 entry" in messages(empty)


def test_a_behaviour_entry_needs_an_id_and_a_title(roadmap):
    journey = "stages:\n  - id: a\n    title: A\n    boosters:\n      - {title: No id}\n      - {id: x}\n"
    assert messages(compile_roadmap(roadmap({"journey.yml": journey}))) == [
        "content/journey.yml:5:9: missing required field `id` in behaviour",
        "content/journey.yml:6:9: missing required field `title` in behaviour"]


def test_stale_spreads_to_goal_outcome_key_result_and_okr(roadmap):
    f = compile_roadmap(roadmap(files())).figures
    assert f.metrics["self-booking"].stale and not f.metrics["fresh"].stale
    assert f.goals["g"].stale and f.outcomes["more-online"].stale
    via, written, own = f.okrs["q4"].key_results
    assert (via.metric, via.stale, via.current, via.from_metric) == ("self-booking", True, 30, True)
    assert (written.metric, written.stale, written.current) == (None, False, 5)  # a written current is never stale
    assert (own.metric, own.stale) == ("fresh", False)
    assert f.okrs["q4"].stale


def test_fresh_data_is_not_stale(roadmap):
    fresh = "date,value\n2026-01-01,10\n2026-11-20,30\n"
    f = compile_roadmap(roadmap(files(**{"metrics/self-booking.csv": fresh}))).figures
    assert not f.goals["g"].stale and not f.outcomes["more-online"].stale and not f.okrs["q4"].stale


def test_a_key_result_with_an_outcome_is_scored_by_the_outcomes_metric(roadmap):
    f = compile_roadmap(roadmap(files())).figures
    via, written, own = f.okrs["q4"].key_results
    assert via.score == (30 - 10) / (50 - 10)
    assert written.score == 0.5
    assert own.score == 0.4


def test_behaviours_are_addressed_by_the_items_naming_them(roadmap):
    f = compile_roadmap(roadmap(files())).figures
    assert f.addressed == {"books-online": (("outcome", "more-online"), ("hypothesis", "guest")),
                           "waits-for-call": (("outcome", "more-online"),), "skips-notes": ()}
    assert f.key_results_for == {("outcome", "more-online"): (("q4", 0), ("q4", 1)),
                                 ("hypothesis", "guest"): (("q4", 0),)}


def test_roadmap_json_gains_journeys_behaviours_and_stale_flags(roadmap):
    result = compile_roadmap(roadmap(files()))
    data = roadmap_data(result.roadmap, result.figures)
    assert data["format"] == 1
    assert data["journeys"] == [
        {"id": "client", "title": "Client", "visibility": "public", "stages": ["first-meeting"],
         "url": "journeys/client/"},
        {"id": "advisor", "title": "Advisor", "stages": ["prepare"], "url": "journeys/advisor/"}]
    assert [s["journey"] for s in data["stages"]] == ["client", "advisor"]
    behaviours = {b["id"]: b for b in data["behaviours"]}
    assert behaviours["books-online"] | {"url": None} == {
        "id": "books-online", "title": "Books the first meeting online", "metric": "self-booking",
        "visibility": "public", "url": None, "stage": "first-meeting", "type": "booster",
        "addressed_by": [{"kind": "outcome", "id": "more-online"}, {"kind": "hypothesis", "id": "guest"}],
        "unaddressed": False}
    assert behaviours["books-online"]["url"].startswith("behaviours/books-online")
    assert behaviours["skips-notes"]["unaddressed"] is True and behaviours["skips-notes"]["type"] == "blocker"
    goals = {g["id"]: g for g in data["goals"]}
    assert goals["g"]["stale"] is True and goals["g-written"]["stale"] is False
    assert data["outcomes"][0]["stale"] is True
    okr = data["okrs"][0]
    assert okr["stale"] is True
    assert [k["stale"] for k in okr["key_results"]] == [True, False, False]
    assert okr["key_results"][0]["measured_by"] == "self-booking"
    assert "measured_by" not in okr["key_results"][1]
    assert data["strategies"][0]["tactics"][0] == {"id": "guest-booking", "title": "Guest booking"}


def test_a_public_build_leaves_out_internal_journeys_stages_and_behaviours(roadmap):
    result = compile_roadmap(roadmap(files()), audience="public")
    r = result.roadmap
    assert [j.id for j in r.journeys] == ["client"]
    assert [s.id for s in r.stages] == ["first-meeting"]
    assert [b.id for b in r.behaviours] == ["books-online"]  # waits-for-call is internal (the default)
    stage = r.stages[0]
    assert stage.behaviour_list("blocker") == ()
    assert stage.behaviour_list("booster") == (("Reads the welcome mail", None),
                                               ("Books the first meeting online", "books-online"))
    assert stage.fields["blockers"] == []
    data = roadmap_data(r, result.figures)
    assert "waits" not in str(data) and "skips" not in str(data) and "advisor" not in str(data).lower()


def test_as_of_matters_for_staleness(roadmap):
    f = compile_roadmap(roadmap(files()), as_of=date(2026, 9, 15)).figures
    assert not f.outcomes["more-online"].stale
