"""A small roadmap with two public journeys and an internal one, behaviours with ids (one blocker nothing aims
at), and items aimed at them: for the site tests (tests/test_site_journeys.py) and the browser test of the
two-journey board (tests/browser/test_journeys.py)."""
from __future__ import annotations

PUBLIC = "visibility: public"

JOURNEYS = f"""\
journeys:
  - id: client
    title: Client
    description: The client who books meetings with an advisor.
    {PUBLIC}
    stages:
      - id: first-meeting
        title: Book first meeting
        {PUBLIC}
        boosters:
          - Reads the welcome mail
          - {{id: books-online, title: Books the first meeting online, metric: self-booking, {PUBLIC}}}
        blockers:
          - {{id: waits-for-call, title: Waits for the advisor to call, {PUBLIC}}}
          - {{id: secret-blocker, title: SECRETBEHAVIOUR drops out}}
      - id: follow-up
        title: Follow up
        {PUBLIC}
        blockers:
          - {{id: ignores-mail, title: Ignores the follow-up mail, description: Nobody reads it., {PUBLIC}}}
  - id: advisor
    title: Advisor
    description: The advisor who prepares and holds the meetings.
    {PUBLIC}
    stages:
      - id: prepare
        title: Prepare the meeting
        {PUBLIC}
        boosters:
          - {{id: reads-notes, title: Reads the client's notes, {PUBLIC}}}
  - id: ops
    title: SECRETJOURNEY Operations
    description: Internal only.
    stages:
      - id: back-office
        title: SECRETSTAGE Back office
        blockers:
          - {{id: retypes-forms, title: SECRETOPS Retypes forms}}
"""

METRICS = f"""\
metrics:
  - {{id: self-booking, title: Self-booking rate, category: customer, unit: "%", review: monthly,
     baseline: {{value: 10, date: 2026-01-01}}, target: {{value: 50, by: 2026-12-31}}, {PUBLIC}}}
"""


def _front(**fields: str) -> str:
    return "---\n" + "".join(f"{k}: {v}\n" for k, v in fields.items()) + f"{PUBLIC}\n---\n"


def two_journeys() -> dict[str, str]:
    """Client (two stages), Advisor (one stage) and an internal journey; items aimed at some behaviours."""
    return {
        "roadmap.yml": "title: Journeys roadmap\nvision: A vision.\nmission: A mission.\n",
        "journey.yml": JOURNEYS, "metrics.yml": METRICS,
        "metrics/self-booking.csv": "date,value\n2026-01-01,10\n2026-11-01,37\n",
        "outcomes/more-online.md": _front(title="More clients book online", stage="first-meeting",
                                          metric="self-booking", target="50",
                                          behaviours="[books-online, waits-for-call]"),
        "opportunities/phone-habit.md": _front(title="Clients are used to phoning", outcome="more-online",
                                               behaviours="[waits-for-call]"),
        "hypotheses/guest.md": _front(title="Guest booking helps", stage="first-meeting", horizon="now",
                                      outcome="more-online", behaviours="[books-online, secret-blocker]",
                                      we_believe="a", will_result_in="b", we_will_know_when="c", status="testing",
                                      team="growth"),
        "hypotheses/notes-template.md": _front(title="A notes template", stage="prepare", horizon="next",
                                               behaviours="[reads-notes]", we_believe="a", will_result_in="b",
                                               we_will_know_when="c", status="idea", team="advisors"),
        "hypotheses/checklist.md": _front(title="A meeting checklist", stage="prepare", horizon="now",
                                          we_believe="a", will_result_in="b", we_will_know_when="c",
                                          status="validated", team="advisors"),
        "themes/reminders.md": _front(title="Reminders", stage="follow-up", horizon="later", team="growth"),
        "questions/why-call.md": _front(title="Why do clients call?", stage="first-meeting", horizon="next",
                                        status="open", behaviours="[waits-for-call]", team="research"),
        "hypotheses/back-office.md": ("---\ntitle: SECRETWORK back office\nstage: back-office\nhorizon: now\n"
                                      "behaviours: [retypes-forms]\nwe_believe: a\nwill_result_in: b\n"
                                      "we_will_know_when: c\nstatus: idea\n---\n"),
    }
