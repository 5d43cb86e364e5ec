"""What the plugin reads from, and adds to, the site's MkDocs configuration."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from roadmap_gen.format.model import PLURAL
from roadmap_gen.site.assets import ASSETS, IFRAME_WORKER, templates_dir
from roadmap_gen.site.urls import HEALTH, HOME, JOURNEY, index_page

NAV_KINDS = ("stage", "behaviour", "theme", "question", "hypothesis", "outcome", "opportunity", "insight")


def add_theme(config: Any) -> None:
    """Our templates after the user's ``custom_dir`` (which may override any of them) and before the
    theme's own; our stylesheets and script; Material's offline plugin gets the local Worker shim."""
    dirs = config.theme.dirs
    ours = str(templates_dir())
    if ours not in dirs:
        custom = config.theme.custom_dir
        dirs.insert(1 if custom and dirs and Path(dirs[0]) == Path(custom) else 0, ours)
    for path in ASSETS:
        target = config.extra_css if path.endswith(".css") else config.extra_javascript
        if path not in [str(x) for x in target]:
            target.append(path)
    if offline(config):  # Material's offline plugin loads its file:// search shim from unpkg.com
        polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
        config.extra["polyfills"] = [IFRAME_WORKER, *polyfills]  # intranets have no internet


def offline(config: Any) -> bool:
    """Whether Material's offline plugin is on (in either order of the plugins)."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline" and getattr(plugin, "config", {}).get("enabled", True):
            return True
    return any("iframe-worker" in str(p) for p in config.extra.get("polyfills", []))


def edit_url(config: Any, content_dir: Path) -> str | None:
    """The edit URL of the content folder, from ``repo_url`` and ``edit_uri`` (None without them)."""
    repo_url, edit_uri = config.get("repo_url"), config.get("edit_uri")
    if not repo_url or not edit_uri:
        return None
    docs_dir = Path(config["docs_dir"]).resolve()
    # edit_uri points at docs_dir in the repository; the content folder is relative to that
    rel = os.path.relpath(content_dir.resolve(), docs_dir).replace(os.sep, "/")
    base = edit_uri if "://" in edit_uri else repo_url.rstrip("/") + "/" + edit_uri.lstrip("/")
    parts = urlsplit(base.rstrip("/") + "/" + rel)
    path = posixpath.normpath(parts.path)  # docs/../content -> content
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


NAV_GROUPS: tuple[tuple[str | None, tuple[str, ...]], ...] = (
    (None, ("nav.roadmap", "nav.journey", "nav.stages", "nav.behaviours")),
    ("nav.work", ("nav.themes", "nav.questions", "nav.hypotheses")),
    (None, ("nav.outcomes",)),
    ("nav.discovery", ("nav.opportunities", "nav.insights")),
    ("nav.measures", ("nav.okrs", "nav.kpis")),
    ("nav.history", ("nav.changes", "nav.reviews")),
    (None, ("nav.health",)),
)
"""The navigation's order: top-level entries, and sections (a label key) that keep the tab bar short. A section
with one page left is that page; one with none is left out."""


def _our_pages() -> dict[str, str]:
    """Label key -> source path of each page of ours that may be in the navigation."""
    pages = {"nav.roadmap": HOME, "nav.journey": JOURNEY, "nav.kpis": "kpis/index.md", "nav.changes": "changes/index.md",
             "nav.reviews": "reviews/index.md", "nav.health": HEALTH, "nav.okrs": index_page("okr")}
    pages.update((f"nav.{PLURAL[kind]}", index_page(kind)) for kind in NAV_KINDS)
    return pages


def roadmap_nav(labels: dict[str, str], generated: set[str], titles: dict[str, str],
                skip: set[str] = frozenset()) -> list[Any]:
    """Our navigation entries (pages not generated or in ``skip`` left out), grouped by :data:`NAV_GROUPS`."""
    pages = _our_pages()
    out: list[Any] = []
    for section, keys in NAV_GROUPS:
        entries = [{titles.get(pages[k], labels[k]): pages[k]} for k in keys
                   if pages[k] in generated and pages[k] not in skip]
        if section is None or len(entries) == 1:
            out += entries
        elif entries:
            out.append({labels[section]: entries})
    return out


def add_nav(config: Any, labels: dict[str, str], generated: set[str], user_pages: list[str],
            titles: dict[str, str] | None = None) -> None:
    """Our sections first in the navigation; the site's own pages after them (its ``nav`` if it has one,
    else its pages, top-level first, then one section per folder). ``titles``: a page's own nav title,
    where it has one (the health page's count)."""
    titles = titles or {}
    if config.nav:
        config.nav = roadmap_nav(labels, generated, titles, _nav_paths(config.nav)) + list(config.nav)
        return
    entries: list[Any] = roadmap_nav(labels, generated, titles)
    user = sorted(user_pages)
    sections: dict[str, list[str]] = {}
    for p in user:
        if "/" in p:
            sections.setdefault(p.split("/", 1)[0], []).append(p)
    entries += [p for p in user if "/" not in p]
    entries += [{name.replace("-", " ").replace("_", " ").capitalize(): paths} for name, paths in sorted(sections.items())]
    config.nav = entries


def _nav_paths(nav: Any) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    values = nav.values() if isinstance(nav, dict) else nav if isinstance(nav, list) else []
    out: set[str] = set()
    for v in values:
        out |= _nav_paths(v)
    return out
