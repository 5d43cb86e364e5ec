"""The roadmap health page (``health/``, internal builds only): the findings grouped by rule.

Each rule with findings gets a section: its name, what it asks and why the method wants it, what to
do, then every finding with a link to its item and the ``path:line`` to edit. The rules with no
finding follow as a checklist, then the rules the site switched off (``health: {ignore: [...]}``).
The page speaks the site's language: it shows the labels of the rules, not the English messages
``roadmap-gen check`` prints.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from roadmap_gen.compile.health import RULES, Finding
from roadmap_gen.format import model as m
from roadmap_gen.site.sources import PageSpec
from roadmap_gen.site.urls import HEALTH, HOME
from roadmap_gen.site.views.base import Kit, Links, toc_entry

TEMPLATE = "roadmap/health.html"


def health_page(kit: Kit, findings: list[Finding], ignored: tuple[str, ...]) -> PageSpec:
    """The health page, in the navigation as ``Health (n)``."""
    t = kit.t
    return PageSpec(HEALTH, t["health.title"], TEMPLATE, partial(health_view, kit, findings, ignored),
                    search=False, in_nav=True, nav_title=f"{t['nav.health']} ({len(findings)})")


def health_view(kit: Kit, findings: list[Finding], ignored: tuple[str, ...], at: Links) -> dict[str, Any]:
    t = kit.t
    checked = [r for r in RULES if r not in ignored]
    groups = [_group(kit, at, rule, [f for f in findings if f.rule == rule]) for rule in checked]
    failing = [g for g in groups if g["findings"]]
    return {
        "crumbs": kit.crumbs(at), "count": len(findings), "healthy": not findings,
        "summary": _summary(t, len(findings), len(failing), len(checked)),
        "groups": failing, "followed": [g for g in groups if not g["findings"]],
        "ignored": [_rule(t, rule) for rule in RULES if rule in ignored],
        "toc": [toc_entry(g["rule"], g["title"]) for g in failing]
        + ([toc_entry("followed", t["health.followed"])] if len(failing) < len(checked) else [])
        + ([toc_entry("ignored", t["health.ignored"])] if ignored else []),
    }


def _summary(t: dict[str, str], count: int, rules: int, checked: int) -> str:
    if not count:
        return t["health.healthy"].format(total=checked)
    key = "health.count_one" if count == 1 else "health.count"
    return t[key].format(count=count, rules=rules, total=checked)


def _rule(t: dict[str, str], rule: str) -> dict[str, str]:
    return {"rule": rule, "title": t[f"health.rule.{rule}"], "why": t[f"health.why.{rule}"],
            "fix": t[f"health.fix.{rule}"]}


def _group(kit: Kit, at: Links, rule: str, findings: list[Finding]) -> dict[str, Any]:
    return {**_rule(kit.t, rule), "findings": [_finding(kit, at, f) for f in findings]}


def _finding(kit: Kit, at: Links, f: Finding) -> dict[str, Any]:
    return {"item": _item(kit, at, f.item), "where": f"{f.loc.path}:{f.loc.line}",
            "detail": _detail(kit, f)}


def _item(kit: Kit, at: Links, item: tuple[str, str] | None) -> dict[str, Any]:
    """The item's link (kind, title, url); the VMGS one-pager for the review."""
    t = kit.t
    if item is None:
        return {"kind_label": t["nav.roadmap"], "title": t["home.title"], "url": at.page(HOME)}
    kind, id = item
    found = kit.r.get(kind, id)
    if kind == "behaviour" and "behaviour" not in m.PAGE_KINDS and isinstance(found, m.Behaviour):
        # no behaviour pages in this build: its stage's page shows it
        return {"kind_label": t["kind.behaviour"], "title": found.title, "url": at.item("stage", found.stage)}
    ref = kit.ref(at, kind, id)
    if ref is None:  # pragma: no cover - a finding names an item of the roadmap
        return {"kind_label": t[f"kind.{kind}"], "title": id, "url": None}
    return ref


def _detail(kit: Kit, f: Finding) -> str | None:
    """What a finding adds to its rule, in the site's language: the fields missing, a count, a date."""
    t, item = kit.t, kit.r.get(*f.item) if f.item else None
    if f.rule == "goal-not-measurable" and isinstance(item, m.Goal):
        words = {"metric": t["item.metric"], "target": t["vmgs.target"], "by": t["diff.deadline"]}
        return t["health.missing"].format(fields=", ".join(w.lower() for name, w in words.items()
                                                            if getattr(item, name) is None))
    if f.rule == "too-many-key-results" and isinstance(item, m.Okr):
        return t["health.key_results"].format(count=len(item.key_results))
    if f.rule == "metric-stale" and isinstance(item, m.Metric):
        mf = kit.f.metrics[item.id]
        return t["health.last_measured"].format(date=kit.when(mf.current_date)["text"])
    if f.rule == "review-overdue" and kit.f.review_due:
        return t["health.due"].format(date=kit.when(kit.f.review_due)["text"])
    return None
