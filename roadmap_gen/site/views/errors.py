"""The page ``mkdocs serve`` shows while the roadmap has errors: the errors, as ``roadmap-gen check`` lists them.

Under ``mkdocs serve`` a content error does not stop the build (the browser would wait for a
server that never answers): the plugin puts this page at the home page's address and at every
roadmap address, so whichever page is open reloads into the list, and back into the roadmap once
the errors are fixed. ``mkdocs build`` still fails.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from roadmap_gen.format import model as m
from roadmap_gen.format.diagnostics import Diagnostic
from roadmap_gen.site.sources import PageSpec
from roadmap_gen.site.urls import HOME, HOME_SECTIONS, JOURNEY, index_page, item_page
from roadmap_gen.site.views.base import HISTORY_PAGE, KPIS_PAGE, Links

TEMPLATE = "roadmap/errors.html"


def errors_view(labels: dict[str, str], errors: list[Diagnostic], at: Links) -> dict[str, Any]:
    count = len(errors)
    return {"title": labels["errors.title"], "toc": [], "crumbs": [], "count": count,
            "heading": labels["errors.heading_one" if count == 1 else "errors.heading"].format(count=count),
            "errors": [{"where": str(d.loc), "message": d.message} for d in errors]}


def error_addresses(known: Iterable[str], roadmap: m.Roadmap | None) -> list[str]:
    """Where the error page goes: the home page, the roadmap's sections, every page of the last good build
    (``known``) and every item the content names now."""
    indexes = (index_page(k) for k in m.PAGE_KINDS if k not in HOME_SECTIONS)  # goals: a home page section
    out = dict.fromkeys([HOME, JOURNEY, KPIS_PAGE, HISTORY_PAGE, *indexes, *known])
    if roadmap is not None:
        out.update(dict.fromkeys(item_page(i.kind, i.id) for i in roadmap.all_items() if i.kind in m.PAGE_KINDS))
    return list(out)


def error_pages(labels: dict[str, str], errors: list[Diagnostic], addresses: Iterable[str]) -> list[PageSpec]:
    """The error page at each of ``addresses``: in the navigation at the home page's only."""
    build = partial(errors_view, labels, errors)
    return [PageSpec(src, labels["errors.title"], TEMPLATE, build, hide=("navigation", "toc"), search=False,
                     in_nav=src == HOME) for src in addresses]
