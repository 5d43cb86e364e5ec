"""The render pass: view models through Jinja templates into Markdown pages.

Each page is Markdown with HTML blocks, so MkDocs renders it like any page
(search, table of contents, theme) and ``roadmap-gen pages`` can hand the same
files to another static-site engine. Templates are looked up in the site's
``custom_dir`` first (``<custom_dir>/roadmap/...``), then in the templates
shipped with roadmap-gen, so any page or partial can be overridden.
Autoescaping is on for every template.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable

import jinja2
import markupsafe
from markupsafe import Markup

from roadmap_gen import workers
from roadmap_gen.compile.compiler import Compiled
from roadmap_gen.site.export import roadmap_data, to_json
from roadmap_gen.site.labels import labels_for
from roadmap_gen.site.views import PageView, Views


def theme_dir() -> Path:
    """The folder with templates, CSS and JS: inside the wheel, or the repository's ``theme/``."""
    packaged = Path(__file__).parent / "theme"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "theme"


# A heading line (after a newline: `page` puts one in front); `page` surrounds it with blank lines and
# _BLANKS folds the runs of newlines that leaves. Both start with a literal, which keeps them fast.
_HEADING = re.compile(r"\n(#{1,6} [^\n]*)")
_BLANKS = re.compile(r"\n\n\n+")


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process (``mkdocs serve`` rebuilds), by file and source
    checksum: an edited override is compiled again, an unchanged one is not."""

    def __init__(self) -> None:
        self._store: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        hit = self._store.get(bucket.key)
        if hit is not None and hit[0] == bucket.checksum:
            bucket.code = hit[1]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = (bucket.checksum, bucket.code)


_TEMPLATES = _CompiledTemplates()

_PAGES: dict[tuple, "Page"] = {}
"""Pages rendered by ``mkdocs serve`` builds, by everything that goes into one (see ``Renderer.page``):
a rebuild after an edit renders again only the pages whose view changed."""
_PAGES_MAX = 50_000

ASSETS = ("assets/roadmap-gen/roadmap.css", "assets/roadmap-gen/charts.css", "assets/roadmap-gen/roadmap.js")
"""Site paths of the stylesheets and script the plugin adds."""
IFRAME_WORKER = "assets/roadmap-gen/iframe-worker-shim.js"
"""Local copy of the Worker shim Material's offline plugin would load from unpkg.com."""


def asset_sources() -> dict[str, Path]:
    base = theme_dir() / "assets"
    return {"assets/roadmap-gen/roadmap.css": base / "css" / "roadmap.css",
            "assets/roadmap-gen/charts.css": base / "css" / "charts.css",
            "assets/roadmap-gen/roadmap.js": base / "js" / "roadmap.js",
            IFRAME_WORKER: base / "js" / "iframe-worker-shim.js"}


@dataclass(frozen=True)
class Page:
    src: str  # e.g. hypotheses/setup-checklist.md
    title: str
    markdown: str


def _inserted(value: Any) -> Any:
    """Every value a template inserts (Jinja's ``finalize``). Text (YAML fields: anything not already
    Markup) never gets a line starting with ``#``: the only Markdown headings of a page are the ones its
    templates and macros write, which ``page`` sets apart with blank lines, and YAML text stays text in
    MkDocs and in any engine reading ``roadmap-gen pages`` (where a blank line would end an HTML block).
    HTML made by the view models guards its own lines (``Views.body``). Escaped here, as autoescaping
    would have."""
    if type(value) is str and "\n#" in value:
        return Markup(str(markupsafe.escape(value)).replace("\n#", "\n&#35;"))
    return value


try:  # MarkupSafe 3: the C function behind markupsafe.escape, str in, str out
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - other MarkupSafe builds
    def _escape_inner(text: str) -> str:
        return str(markupsafe.escape(text))


class Rendered:
    """A site's pages by source path, and ``roadmap.json``: made already (``done``, by job index), or
    arriving from a :class:`workers.Stream`."""

    def __init__(self, srcs: list[str], done: dict[int, Any], stream: "workers.Stream | None", json: bool) -> None:
        self.srcs = srcs
        self._done = done
        self.stream = stream
        self._json = len(srcs) if json else None

    def _get(self, i: int) -> Any:
        value = self._done.pop(i, None)  # each is taken once (MkDocs keeps the text)
        return value if value is not None else self.stream.get(i)  # type: ignore[union-attr]

    def markdown(self, i: int) -> str:
        return self._get(i).markdown

    def json(self) -> str | None:
        return None if self._json is None else self._get(self._json)

    @property
    def waited(self) -> float:
        """Seconds spent taking pages over from the child (waiting for them, unpickling them)."""
        return self.stream.waited if self.stream is not None else 0.0

    def close(self, kill: bool = False) -> None:
        if self.stream is not None:
            self.stream.close(kill)


def _escape(value: Any) -> str:
    """Autoescaping for our templates' ``{{ ... }}``: the same text as ``markupsafe.escape``, as a plain
    ``str``: compiled templates only join what it returns (a macro's result becomes Markup as before), so
    making a Markup object per inserted value (a third of the rendering time) buys nothing."""
    if value.__class__ is str:
        return _escape_inner(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()
    return _escape_inner(str(value))


class _Template(jinja2.Template):
    """Templates whose output expressions escape with :func:`_escape`."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any,
                  uptodate: Any = None) -> jinja2.Template:
        # as jinja2.Template.from_code, with the module's `escape` (looked up when a template runs) replaced
        namespace = {"environment": environment, "__file__": code.co_filename}
        exec(code, namespace)
        namespace["escape"] = _escape
        template = cls._from_namespace(environment, namespace, globals)
        template._uptodate = uptodate
        return template


def environment(custom_dirs: Iterable[Path] = ()) -> jinja2.Environment:
    paths = [str(Path(d) / "roadmap") for d in custom_dirs if d] + [str(theme_dir() / "templates" / "roadmap")]
    # auto_reload off: an environment lives for one build, so re-checking every template file's mtime on
    # every page only costs stat calls; the bytecode cache carries compiled templates across builds
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(paths), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
                             auto_reload=False, bytecode_cache=_TEMPLATES, finalize=_inserted)
    env.template_class = _Template
    return env


def front_matter(view: PageView) -> str:
    # Material prints page.meta.title without escaping, so the title is escaped here, once.
    meta: dict[str, Any] = {"title": html.escape(view.title, quote=True)}
    if view.hide:
        meta["hide"] = list(view.hide)
    if view.description:
        meta["description"] = html.escape(view.description, quote=True)
    if not view.search:
        meta["search"] = {"exclude": True}  # Material's search plugin skips the page
    # JSON is YAML: no YAML surprises from titles
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in meta.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


class Renderer:
    """Renders every page of a compiled roadmap."""

    def __init__(self, *, language: str | None = None, labels: dict[str, str] | None = None,
                 custom_dirs: Iterable[Path] = (), directory_urls: bool = True, allow_raw_html: bool = False,
                 edit_url: str | None = None, cache: bool = False) -> None:
        self.labels = labels_for(language, labels)
        self.env = environment(custom_dirs)
        self.env.globals["t"] = self.labels  # the labels, also in macros imported without context
        self.directory_urls = directory_urls
        self.allow_raw_html = allow_raw_html
        self.edit_url = edit_url
        self._fingerprint = self.fingerprint() if cache else None
        self.workers = workers.Stats()  # how the last render shared its pages out

    def render(self, compiled: Compiled, history: Any = None, processes: int = 1) -> list[Page]:
        """Every page, in site order; ``processes`` other than 1 shares the pages out to forked copies of
        this process, as many as asked (0: one per core), where :mod:`roadmap_gen.workers` finds that safe."""
        return self.render_site(compiled, history, processes, json=False)[0]

    def render_site(self, compiled: Compiled, history: Any = None, processes: int = 1,
                    json: bool = True) -> tuple[list[Page], str | None]:
        """Every page (as :meth:`render`) and, with ``json``, ``roadmap.json``'s text, made in the same
        processes."""
        srcs, jobs = self._jobs(compiled, history, json)
        count = 1 if processes == 1 else workers.planned(len(jobs), processes)
        done = workers.in_order(lambda i: jobs[i](), len(jobs), count, self.workers)
        return (done[:-1], done[-1]) if json else (done, None)

    def render_streamed(self, compiled: Compiled, history: Any = None, processes: int = 0,
                        json: bool = True) -> "Rendered":
        """Every page and ``roadmap.json``, as :meth:`render_site`, but where a second process may run
        (``processes`` other than 1, see :mod:`roadmap_gen.workers`) a forked child renders most pages
        while this process goes on: :meth:`Rendered.markdown` hands each page over when it is asked for,
        so what the caller does with the first pages overlaps with the child's work. This process renders
        every second page of the first quarter of the site (its listing pages, board and stage pages
        come first and cost the most), the child the others, in site order."""
        srcs, jobs = self._jobs(compiled, history, json)
        count = 1 if processes == 1 else workers.planned(len(jobs), processes)
        self.workers = workers.Stats()
        if count == 1:
            return Rendered(srcs, {i: job() for i, job in enumerate(jobs)}, None, json)
        first = len(jobs) // 4
        stream = workers.Stream(lambda i: jobs[i](),  # the child starts at once
                                [i for i in range(first) if i % 2] + list(range(first, len(jobs))))
        self.workers.processes = 2
        return Rendered(srcs, {i: jobs[i]() for i in range(0, first, 2)}, stream, json)

    def _jobs(self, compiled: Compiled, history: Any, json: bool) -> tuple[list[str], list[Callable[[], Any]]]:
        views = Views(compiled.roadmap, compiled.figures, self.labels, directory_urls=self.directory_urls,
                      allow_raw_html=self.allow_raw_html, edit_url=self.edit_url, history=history)
        pairs = views.jobs()
        srcs = [src for src, _ in pairs]
        jobs: list[Callable[[], Any]] = [partial(self._job, src, job) for src, job in pairs]
        if json:
            jobs.append(partial(self.roadmap_json, compiled))
        return srcs, jobs

    def _job(self, src: str, job: Callable[[], PageView]) -> Page:
        page = self.page(job())
        if page.src != src:  # pragma: no cover - Views.jobs names every page's source path
            raise RuntimeError(f"page {page.src} was announced as {src}")
        return page

    def fingerprint(self) -> bytes:
        """What every page's rendering depends on besides its view: the labels and every template file."""
        h = hashlib.blake2b(repr(sorted(self.labels.items())).encode(), digest_size=16)
        for root in self.env.loader.searchpath:  # type: ignore[attr-defined]
            h.update(f"\0{root}\0".encode())
            for path in sorted(Path(root).rglob("*")):
                if path.is_file():
                    h.update(f"\0{path.relative_to(root).as_posix()}\0".encode())
                    h.update(path.read_bytes())
        return h.digest()

    def page(self, view: PageView) -> Page:
        if self._fingerprint is None:
            return self._page(view)
        # the page is a pure function of this key: template sources and labels (fingerprint), the view
        key = (self._fingerprint, view.src, view.template, view.title, view.hide, view.description,
               hashlib.blake2b(repr(view.context).encode(), digest_size=16).digest())
        page = _PAGES.get(key)
        if page is None:
            if len(_PAGES) >= _PAGES_MAX:
                _PAGES.clear()
            page = _PAGES[key] = self._page(view)
        return page

    def _page(self, view: PageView) -> Page:
        template = self.env.get_template(view.template)
        body = template.render(t=self.labels, **view.context)
        # Markdown headings need blank lines around them to survive every Markdown engine
        body = _HEADING.sub(r"\n\n\n\1\n\n", "\n" + body).strip()
        return Page(view.src, view.title, front_matter(view) + _BLANKS.sub("\n\n", body) + "\n")

    def roadmap_json(self, compiled: Compiled) -> str:
        return to_json(roadmap_data(compiled.roadmap, compiled.figures, self.directory_urls))
