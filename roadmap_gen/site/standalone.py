"""Pages for other site engines (``roadmap-gen pages``): the same templates, rendered outside MkDocs.

A plain Jinja environment (autoescaping on) holds our templates, the site's
``custom_dir`` overrides before them and Material's after them (its icons and
partials), with a ``main.html`` that is only the ``content`` block. Each page becomes Markdown: its front matter, then one HTML
block with no blank line inside (a blank line would end it and let the engine
re-read field text as Markdown). Bodies are converted and sanitised here
(:class:`~roadmap_gen.site.sanitize.BodyRenderer`). The stylesheets, script and
``roadmap.json`` are written beside the pages.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Iterable

import jinja2

from roadmap_gen.compile.compiler import Compiled
from roadmap_gen.site.assets import asset_sources, templates_dir
from roadmap_gen.site.export import compiled_data, to_json
from roadmap_gen.site.labels import labels_for
from roadmap_gen.site.sanitize import BodyRenderer, shift_headings
from roadmap_gen.site.sources import PageSpec
from roadmap_gen.site.urls import page_url
from roadmap_gen.site.views import Links, SiteViews
from roadmap_gen.site.views.documents import is_document

# what stands in for the theme: the page is its content block; no feedback widget, no comments
STANDINS = {"main.html": "{% block content %}{% endblock %}", "partials/feedback.html": "",
            "partials/comments.html": ""}
_BLANK_LINE = re.compile(r"\n(?=[ \t]*\n)")  # a line break with only spaces before the next one


def _material_templates() -> list[str]:
    try:
        import material
    except ImportError:  # pragma: no cover - Material is a dependency
        return []
    return [str(Path(material.__file__).parent / "templates")]


def environment(custom_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    paths = [str(d) for d in custom_dirs if d] + [str(templates_dir())] + _material_templates()
    loader = jinja2.ChoiceLoader([jinja2.DictLoader(STANDINS), jinja2.FileSystemLoader(paths)])
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


class StandalonePages:
    """Renders every page of a compiled roadmap as Markdown for another engine."""

    def __init__(self, compiled: Compiled, *, language: str | None = None, labels: dict | None = None,
                 directory_urls: bool = True, allow_raw_html: bool = False, custom_dirs: Iterable[Path] = ()) -> None:
        self.labels = labels_for(language, labels or {})
        self.views = SiteViews(compiled, self.labels)
        self.env = environment(custom_dirs)
        self.directory_urls = directory_urls
        self.bodies = BodyRenderer(allow_raw_html)

    def render(self, spec: PageSpec) -> str:
        text = shift_headings(spec.text) if spec.body else spec.text
        content = text + self.bodies.render(spec.body, heading_offset=1)
        url = page_url(spec.src, self.directory_urls)
        page = SimpleNamespace(content=content, title=spec.title, url=url, meta={}, toc=[])
        html = self.env.get_template(spec.template).render(
            roadmap=spec.build(Links(url, self.directory_urls)), t=self.labels, page=page, config={})
        # no blank line ends the HTML block; no line of it (in a code block, say) reads as a heading. A CR is
        # a line break to CommonMark (and the same as LF to HTML): it becomes one first
        html = html.replace("\r\n", "\n").replace("\r", "\n")
        block = _BLANK_LINE.sub("&#10;", html.strip()).replace("\n#", "\n&#35;")
        return spec.front_matter(template=False) + block + "\n"

    def pages(self) -> list[PageSpec]:
        """Every page but the standalone documents (the review pack, the embeds): whole HTML documents of
        their own, not pages for another engine's layout."""
        return [spec for spec in self.views.pages() if not is_document(spec.template)]


def export_path(src: str, directory_urls: bool) -> str:
    """Where a page is written: with directory URLs ``hypotheses/x.md`` goes to ``hypotheses/x/index.md``,
    so an engine that reads relative links as relative to the Markdown file (Zensical does) and one that
    reads them as relative to the page's URL agree."""
    if not directory_urls or src == "index.md" or src.endswith("/index.md"):
        return src
    return src[:-len(".md")] + "/index.md"


def write_pages(compiled: Compiled, out: Path, *, language: str | None, labels: dict, directory_urls: bool,
                allow_raw_html: bool, custom_dirs: Iterable[Path] = ()) -> list[str]:
    """Every page, the assets and ``roadmap.json`` into ``out``; the paths written, in site order."""
    pages = StandalonePages(compiled, language=language, labels=labels, directory_urls=directory_urls,
                            allow_raw_html=allow_raw_html, custom_dirs=custom_dirs)
    written = []
    for spec in pages.pages():
        target = out / export_path(spec.src, directory_urls)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(pages.render(spec), encoding="utf-8")
        written.append(target.relative_to(out).as_posix())
    for src, path in asset_sources().items():
        target = out / src
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    data = compiled_data(compiled, directory_urls)
    (out / "roadmap.json").write_text(to_json(data), encoding="utf-8")
    return written
