"""The render pass: view models through Jinja templates into Markdown pages.

Each page is Markdown with HTML blocks, so MkDocs renders it like any page
(search, table of contents, theme) and ``roadmap-gen pages`` can hand the same
files to another static-site engine. Templates are looked up in the site's
``custom_dir`` first (``<custom_dir>/roadmap/...``), then in the templates
shipped with roadmap-gen, so any page or partial can be overridden.
Autoescaping is on for every template.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2

from .compiler import Compiled
from .export import roadmap_data, to_json
from .labels import labels_for
from .views import PageView, Views


def theme_dir() -> Path:
    """The folder with templates, CSS and JS: inside the wheel, or the repository's ``theme/``."""
    packaged = Path(__file__).parent / "theme"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "theme"


_HEADING = re.compile(r"\n*^(#{1,6} [^\n]*)$\n*", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")

ASSETS = ("assets/roadmap-gen/roadmap.css", "assets/roadmap-gen/charts.css", "assets/roadmap-gen/roadmap.js")
"""Site paths of the stylesheets and script the plugin adds."""


def asset_sources() -> dict[str, Path]:
    base = theme_dir() / "assets"
    return {"assets/roadmap-gen/roadmap.css": base / "css" / "roadmap.css",
            "assets/roadmap-gen/charts.css": base / "css" / "charts.css",
            "assets/roadmap-gen/roadmap.js": base / "js" / "roadmap.js"}


@dataclass(frozen=True)
class Page:
    src: str  # e.g. hypotheses/setup-checklist.md
    title: str
    markdown: str


def environment(custom_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    paths = [str(Path(d) / "roadmap") for d in custom_dirs if d] + [str(theme_dir() / "templates" / "roadmap")]
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(paths), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env


def front_matter(view: PageView) -> str:
    # Material prints page.meta.title without escaping, so the title is escaped here, once.
    meta: dict[str, Any] = {"title": html.escape(view.title, quote=True)}
    if view.hide:
        meta["hide"] = list(view.hide)
    if view.description:
        meta["description"] = html.escape(view.description, quote=True)
    # JSON is YAML: no YAML surprises from titles
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class Renderer:
    """Renders every page of a compiled roadmap."""

    def __init__(self, *, language: str | None = None, labels: dict[str, str] | None = None,
                 custom_dirs: Iterable[Path] = (), directory_urls: bool = True, allow_raw_html: bool = False,
                 edit_url: str | None = None) -> None:
        self.labels = labels_for(language, labels)
        self.env = environment(custom_dirs)
        self.directory_urls = directory_urls
        self.allow_raw_html = allow_raw_html
        self.edit_url = edit_url

    def render(self, compiled: Compiled, history: Any = None) -> list[Page]:
        views = Views(compiled.roadmap, compiled.figures, self.labels, directory_urls=self.directory_urls,
                      allow_raw_html=self.allow_raw_html, edit_url=self.edit_url, history=history)
        pages = []
        for view in views.pages():
            pages.append(self.page(view))
        return pages

    def page(self, view: PageView) -> Page:
        template = self.env.get_template(view.template)
        body = template.render(t=self.labels, **view.context)
        # Markdown headings need blank lines around them to survive every Markdown engine
        body = _HEADING.sub(r"\n\n\1\n\n", body).strip()
        return Page(view.src, view.title, front_matter(view) + _BLANKS.sub("\n\n", body) + "\n")

    def roadmap_json(self, compiled: Compiled) -> str:
        return to_json(roadmap_data(compiled.roadmap, compiled.figures, self.directory_urls))
