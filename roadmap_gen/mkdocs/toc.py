"""A generated page's table of contents, from its view model and the headings of its Markdown."""

from __future__ import annotations

import html
from typing import Iterable

from mkdocs.structure.toc import AnchorLink, TableOfContents


def _shifted(links: Iterable[AnchorLink], offset: int) -> list[AnchorLink]:
    out = []
    for link in links:
        copy = AnchorLink(link.title, link.id, link.level + offset)
        copy.children = _shifted(link.children, offset)
        out.append(copy)
    return out


def page_toc(entries: list[dict], content: TableOfContents, offset: int) -> TableOfContents:
    """The view's entries (``{"id", "title", "level"}``) in order; where one says ``content``, the headings
    MkDocs found in the page's Markdown (moved ``offset`` levels down, as the page's HTML), as that entry's
    children if it has an id of its own, else in its place."""
    items: list[AnchorLink] = []
    for e in entries:
        inner = _shifted(content, offset) if e.get("content") else []
        if "id" in e:
            # a TOC title is HTML (Python-Markdown's are escaped text); ours come from labels and YAML
            link = AnchorLink(html.escape(e["title"], quote=False), e["id"], e.get("level", 2))
            link.children = inner
            items.append(link)
        else:
            items.extend(inner)
    return TableOfContents(items)
