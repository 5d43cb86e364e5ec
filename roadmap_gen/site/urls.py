"""The site's stable addresses: ``<kind>/<id>/``, ``journey/``, the home page.

These are promised by the content format, so they live in one place. Both
MkDocs URL styles are supported (``use_directory_urls`` true or false).
"""

from __future__ import annotations

import posixpath

from roadmap_gen.format.model import PLURAL

HOME = "index.md"
JOURNEY = "journey/index.md"
HEALTH = "health/index.md"  # roadmap health, internal builds only


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


HOME_SECTIONS = {"goal": "goals", "strategy": "strategies"}
"""Kinds listed in a section of the home page (this anchor) instead of an index page of their own; each of
their items also keeps an anchor there, ``#<kind>-<id>``, besides its page."""


def item_url(kind: str, id: str, directory_urls: bool = True) -> str:
    """Site-relative URL of an item's page."""
    return page_url(item_page(kind, id), directory_urls)


def kind_list_url(kind: str, directory_urls: bool = True) -> str:
    """Site-relative URL of the list of a kind's items: its index page, or its section of the home page."""
    if kind in HOME_SECTIONS:
        return f"{page_url(HOME, directory_urls) or './'}#{HOME_SECTIONS[kind]}"
    return page_url(index_page(kind), directory_urls)


def relative_url(target: str, base: str) -> str:
    """``target`` as seen from the page at ``base`` (both site-relative URLs)."""
    target, _, anchor = target.partition("#")
    base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
    if target in ("", "./"):
        rel = _relpath(".", base_dir or ".")
        rel = "./" if rel == "." else rel + "/"
    else:
        rel = _relpath(target, base_dir or ".")
        if target.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if rel == "./" or rel == ".":
            rel = "./"
    return rel + (f"#{anchor}" if anchor else "")


class RelativeTo:
    """:func:`relative_url` for many targets seen from one page, with a shortcut for the common case: a
    plain target (no anchor, no ``.``/``..``/empty segments) whose first segment is not the page's is the
    way up to the site root followed by the target."""

    __slots__ = ("base", "_up", "_first")

    def __init__(self, base: str) -> None:
        self.base = base
        base_dir = base.rsplit("/", 1)[0] if "/" in base else ""
        parts = [x for x in base_dir.split("/") if x and x != "."]
        plain = not base.startswith("/") and ".." not in parts
        self._up = "../" * len(parts) if plain else None
        self._first = parts[0] if parts else None

    def __call__(self, target: str) -> str:
        up = self._up
        if up is not None and target and target[0] not in "./#" and "#" not in target and "//" not in target \
                and "/." not in target and target.partition("/")[0] != self._first:
            return up + target
        return relative_url(target, self.base)


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for two relative paths, without its two ``abspath`` calls (a site build makes
    tens of thousands of these); paths with ``.``/``..`` segments or a leading ``/`` take the library's way."""
    p = [x for x in path.split("/") if x]
    s = [x for x in start.split("/") if x and x != "."]
    if path.startswith("/") or start.startswith("/") or ".." in s or any(x in (".", "..") for x in p):
        return posixpath.relpath(path, start)
    i, n = 0, min(len(p), len(s))
    while i < n and p[i] == s[i]:
        i += 1
    return "/".join([".."] * (len(s) - i) + p[i:]) or "."
