"""The site's stable addresses: ``<kind>/<id>/``, ``journey/``, the home page.

These are promised by the content format, so they live in one place. Both
MkDocs URL styles are supported (``use_directory_urls`` true or false).
"""

from __future__ import annotations

import posixpath

from .model import PLURAL

HOME = "index.md"
JOURNEY = "journey/index.md"


def item_page(kind: str, id: str) -> str:
    """Source path of an item's generated page, e.g. ``hypotheses/setup-checklist.md``."""
    return f"{PLURAL[kind]}/{id}.md"


def index_page(kind: str) -> str:
    return f"{PLURAL[kind]}/index.md"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page source path (site-relative, no leading slash)."""
    stem = src[:-3] if src.endswith(".md") else src
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def item_url(kind: str, id: str, directory_urls: bool = True) -> str:
    """Site-relative URL of an item; goals and strategies are anchors on the home page."""
    if kind in ("goal", "strategy"):
        home = page_url(HOME, directory_urls)
        return f"{home or './'}#{kind}-{id}"
    return page_url(item_page(kind, id), directory_urls)


def relative_url(target: str, base: str) -> str:
    """``target`` as seen from the page at ``base`` (both site-relative URLs)."""
    target, _, anchor = target.partition("#")
    base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
    if target in ("", "./"):
        rel = posixpath.relpath(".", base_dir or ".")
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = posixpath.relpath(target, base_dir or ".")
        if target.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if rel == "./" or rel == ".":
            rel = "./"
    return rel + (f"#{anchor}" if anchor else "")
