"""The ``outcome-roadmap`` MkDocs plugin: a thin adapter over the compiler.

* ``on_config``: reads the options, adds the stylesheets and script.
* ``on_files``: compiles the roadmap (errors fail the build with the same
  ``path:line:column`` lines as ``roadmap-gen check``), renders its pages and
  adds them as generated files (nothing is written into ``docs/`` or the
  content folder), plus ``roadmap.json`` and the assets; builds the navigation
  when the site has none.
* ``on_page_markdown`` / ``on_page_content``: the fast HTML path, delegated to a
  ``fasthtml.FastPages`` per build.
* ``on_page_context``: pins each page's date to ``as_of`` (deterministic sitemap); around Material's
  search plugin, a ``searchfeed.SearchCopies`` per build hands it the lean copy of a generated page
  and puts the page back.
* ``on_serve``: watches the content folder and template overrides.

Works on MkDocs 1.6 and ProperDocs 1.6 (which aliases ``mkdocs.*`` imports).
"""

from __future__ import annotations

import gc
import inspect
import os
import posixpath
import time
from datetime import date, datetime, timezone
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from roadmap_gen import fasthtml
from roadmap_gen import searchfeed
from roadmap_gen.compile.audience import AUDIENCES
from roadmap_gen.compile.compiler import Compiled, Compiler
from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.format.model import PLURAL
from roadmap_gen.site.render import ASSETS, IFRAME_WORKER, Renderer, asset_sources, theme_dir
from roadmap_gen.site.urls import HOME, JOURNEY, index_page, page_url

log = get_plugin_logger("outcome-roadmap")

_HISTORIES: dict[tuple, Any] = {}
"""The last history computed, keyed by content folder, HEAD, as_of, audience and limit."""

_COMPILERS: dict[Path, Compiler] = {}
"""One compiler per content folder for the life of the process, so ``mkdocs
serve`` rebuilds re-parse only the files whose bytes changed."""


class OutcomeRoadmapConfig(Config):
    content_dir = c.Type(str, default="content")
    """The roadmap folder, relative to mkdocs.yml."""
    as_of = c.Optional(c.Type((str, date)))
    """Date for time-based figures; default SOURCE_DATE_EPOCH, else today."""
    audience = c.Choice(AUDIENCES, default="internal")
    """``public`` builds only what is marked ``visibility: public``."""
    labels = c.Type(dict, default={})
    """Overrides of the site's labels, e.g. ``{"nav.journey": "Customer journey"}``."""
    allow_raw_html = c.Type(bool, default=False)
    """Let raw HTML and any link scheme through in Markdown bodies (off: sanitised)."""
    nav = c.Type(bool, default=True)
    """Add the roadmap's sections to the navigation."""
    json = c.Type(bool, default=True)
    """Publish roadmap.json at the site root."""
    edit_links = c.Type(bool, default=True)
    """Link item pages to their source files when repo_url and edit_uri are set."""
    history = c.Type(bool, default=True)
    """A changes page, History sections and an Atom feed from the content's git history."""
    history_limit = c.Type(int, default=100)
    """How many of the newest commits that changed the content the history covers."""
    workers = c.Type(int, default=0)
    """Processes rendering pages in ``mkdocs build``: 0, one per core (Linux, big roadmaps); 1, in-process.
    ``mkdocs serve`` always renders in-process, where its caches keep rebuilds quick."""


class _LateFile(File):
    """A generated file whose content is asked for only when MkDocs first reads it: pages rendered by a
    second process (render.Renderer.render_streamed) are taken over then, not when the files are listed.
    MkDocs reads every content through ``_content`` (``content_string``, ``content_bytes``,
    ``copy_file``, ``is_modified``)."""

    _late: Any = None
    _value: Any = None

    @classmethod
    def make(cls, config: Any, src: str, content: Any, inclusion: Any = InclusionLevel.UNDEFINED) -> "_LateFile":
        f = cls.generated(config, src, content="", inclusion=inclusion)
        f._late = content  # a call giving the text
        return f

    @property  # type: ignore[override]
    def _content(self) -> Any:
        late = self._late
        if late is not None:
            self._late = None
            self._value = late()
        return self._value

    @_content.setter
    def _content(self, value: Any) -> None:
        self._late = None
        self._value = value


def _edit_url(config: Any, content_dir: Path, config_dir: Path) -> str | None:
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


class OutcomeRoadmapPlugin(BasePlugin[OutcomeRoadmapConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.compiled: Compiled | None = None
        self.content_dir: Path | None = None
        self._env_epoch: str | None = None
        self._generated: set[str] = set()
        self.fast: fasthtml.FastPages | None = None  # the fast HTML path, this build (None: off)
        self.copies: searchfeed.SearchCopies | None = None  # lean copies for search, this build (None: off)
        self._serving = False
        self._frozen = False
        self._rendered: Any = None  # this build's pages (render.Rendered), until the build ends

    # -- config ----------------------------------------------------------------------
    def on_config(self, config: Any) -> Any:
        config_dir = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (config_dir / self.config.content_dir).resolve()
        try:
            self.as_of = resolve_as_of(self.config.as_of)
        except ValueError:
            raise PluginError(f"outcome-roadmap: as_of must be a date (YYYY-MM-DD), found {self.config.as_of!r}")
        # A deterministic site: MkDocs dates the sitemap by SOURCE_DATE_EPOCH, else by the clock.
        if "SOURCE_DATE_EPOCH" not in os.environ:
            self._env_epoch = str(int(datetime(self.as_of.year, self.as_of.month, self.as_of.day,
                                               tzinfo=timezone.utc).timestamp()))
            os.environ["SOURCE_DATE_EPOCH"] = self._env_epoch
        for path in ASSETS:
            target = config.extra_css if path.endswith(".css") else config.extra_javascript
            if path not in [str(x) for x in target]:
                target.append(path)
        if _offline(config):  # Material's offline plugin loads its file:// search shim from unpkg.com:
            polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
            config.extra["polyfills"] = [IFRAME_WORKER, *polyfills]  # intranets have no internet
        custom_dir = config.theme.custom_dir if hasattr(config.theme, "custom_dir") else None
        self._serving = _serving(config)
        self.fast = self.copies = None
        self.renderer = Renderer(
            language=config.theme.get("language") if hasattr(config.theme, "get") else None,
            labels=self.config.labels, custom_dirs=[Path(custom_dir)] if custom_dir else [],
            directory_urls=config.use_directory_urls, allow_raw_html=self.config.allow_raw_html,
            edit_url=_edit_url(config, self.content_dir, config_dir) if self.config.edit_links else None,
            cache=self._serving)
        return config

    # -- files -----------------------------------------------------------------------
    def on_files(self, files: Files, config: Any) -> Files:
        # The compiled roadmap and every page's view live until the build ends: the cyclic garbage
        # collector's full passes over them find nothing and cost up to a few percent of a big build.
        # So no collections while the pages are made, and what exists then is frozen (left out of
        # collections) until the build ends; on_post_build and on_build_error unfreeze it.
        enabled = gc.isenabled()
        gc.disable()
        try:
            files = self._files(files, config)
        finally:
            if enabled:
                gc.enable()
        gc.freeze()
        self._frozen = True
        return files

    def _files(self, files: Files, config: Any) -> Files:
        t0 = time.perf_counter()
        # A content folder inside docs_dir is data, not documentation: left in, MkDocs would publish its
        # files as they are (internal items, metrics and CSVs included), whatever the audience.
        for f in [f for f in files if not f.generated_by and f.abs_src_path
                  and self.content_dir in Path(f.abs_src_path).resolve().parents]:
            files.remove(f)
        compiler = _COMPILERS.get(self.content_dir)
        if compiler is None:
            compiler = _COMPILERS[self.content_dir] = Compiler(self.content_dir, Path(config.config_file_path
                                                                                   or ".").resolve().parent)
        compiled = compiler.compile(self.as_of, self.config.audience)
        self.compiled = compiled
        for d in compiled.diagnostics:
            if not d.is_error:
                log.warning(str(d))
        if not compiled.ok:
            errors = compiled.errors
            lines = "\n".join(str(d) for d in errors)
            raise PluginError(f"the roadmap has {len(errors)} error{'s' * (len(errors) != 1)}:\n{lines}")
        for d in compiled.dropped:
            log.info(str(d))
        th = time.perf_counter()
        history = self.history(config)
        t1 = time.perf_counter()
        self.renderer.directory_urls = config.use_directory_urls  # a later plugin (offline) may change it
        rendered = self._rendered = self.renderer.render_streamed(
            compiled, history=history, processes=1 if self._serving else self.config.workers, json=self.config.json)
        t2 = time.perf_counter()
        generated = set(rendered.srcs)
        nav_pages = {HOME, JOURNEY, "kpis/index.md", "changes/index.md"} | {
            index_page(k) for k in ("stage", "theme", "question", "hypothesis", "outcome", "opportunity", "okr")}
        ours = [_LateFile.make(config, src, partial(rendered.markdown, i), InclusionLevel.UNDEFINED
                               if src in nav_pages else InclusionLevel.NOT_IN_NAV) for i, src in enumerate(rendered.srcs)]
        # a docs_dir page at a generated page's address (docs/journey.md, docs/stages/x/index.md, ...)
        theirs = {f.dest_uri: f for f in files if not f.generated_by}
        for f in sorted(ours, key=lambda f: f.dest_uri):
            existing = theirs.get(f.dest_uri)
            if existing is not None:
                raise PluginError(f"{existing.src_uri} in docs_dir conflicts with the roadmap page of the same "
                                  f"address ({f.dest_uri}); rename or remove it")
        for f in ours:
            files.append(f)
        self._generated = generated
        self._page_managers(config, generated)
        for src, path in asset_sources().items():
            files.append(File.generated(config, src, abs_src_path=str(path)))
        if history is not None and history.available:
            files.append(File.generated(config, "changes/feed.xml", content=self._feed(config, history)))
        if self.config.json:
            files.append(_LateFile.make(config, "roadmap.json", rendered.json))
        if self.config.nav:
            self._nav(config, files, generated)
        timings = {**compiled.timings, "history": t1 - th, "render": t2 - t1}
        stream = rendered.stream
        log.info(f"{sum(1 for _ in compiled.roadmap.all_items())} items, {len(rendered.srcs)} pages "
                 f"(parsed {compiled.parsed} of {len(compiled.files)} files) in {time.perf_counter() - t0:.2f} s: "
                 + ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in timings.items())
                 + (f" ({len(rendered.srcs) + bool(self.config.json) - len(stream.todo)} pages; a second "
                    f"process renders the other {len(stream.todo)} meanwhile)" if stream is not None else ""))
        self.timings = timings
        return files

    def history(self, config: Any) -> Any:
        """The content's git history (cached per HEAD, as_of and audience), or None when switched off."""
        if not self.config.history:
            return None
        from roadmap_gen.git.history import Git, GitError, roadmap_history

        try:
            git = Git.open(self.content_dir)
            head = git.resolve("HEAD")
        except (GitError, OSError):
            git = head = None
        key = (self.content_dir, head, self.as_of, self.config.audience, self.config.history_limit)
        if key not in _HISTORIES:
            _HISTORIES.clear()
            _HISTORIES[key] = roadmap_history(self.content_dir, self.content_dir, self.as_of,
                                              max_commits=self.config.history_limit,
                                              audience=self.config.audience, git=git)
        history = _HISTORIES[key]
        if not history.available:
            log.info(f"no history on the changes page: {history.reason}")
        return history

    def _feed(self, config: Any, history: Any) -> str:
        from roadmap_gen.git.history import atom_feed

        site_url = config.get("site_url") or ""
        changes = (site_url.rstrip("/") + "/" if site_url else "") + page_url("changes/index.md",
                                                                               config.use_directory_urls)
        return atom_feed(history, site_url, f"{self.compiled.roadmap.title}: {self.renderer.labels['changes.title']}",
                         changes or "./", feed_url=(changes.rsplit("/", 1)[0] + "/feed.xml") if site_url else None)

    def _nav(self, config: Any, files: Files, generated: set[str]) -> None:
        t = self.renderer.labels
        ours = [(t["nav.roadmap"], HOME), (t["nav.journey"], JOURNEY)]
        for kind in ("stage", "theme", "question", "hypothesis", "outcome", "opportunity"):
            ours.append((t[f"nav.{PLURAL[kind]}"], index_page(kind)))
        ours += [(t["nav.okrs"], index_page("okr")), (t["nav.kpis"], "kpis/index.md")]
        if "changes/index.md" in generated:
            ours.append((t["nav.changes"], "changes/index.md"))
        entries: list[Any] = [{title: src} for title, src in ours if src in generated]
        if config.nav:
            mentioned = _nav_paths(config.nav)
            config.nav = [e for e in entries if next(iter(e.values())) not in mentioned] + list(config.nav)
            return
        user = sorted(f.src_uri for f in files.documentation_pages() if not f.generated_by)
        top = [p for p in user if "/" not in p]
        sections: dict[str, list[str]] = {}
        for p in user:
            if "/" in p:
                sections.setdefault(p.split("/", 1)[0], []).append(p)
        entries += top
        entries += [{name.replace("-", " ").replace("_", " ").capitalize(): paths}
                    for name, paths in sorted(sections.items())]
        config.nav = entries

    # -- pages -----------------------------------------------------------------------
    def _page_managers(self, config: Any, generated: set[str]) -> None:
        """The fast HTML path and the lean search copies for this build (see fasthtml and searchfeed), each
        only where it is exact for this configuration; environment variables switch them off."""
        on = {name: os.environ.get(f"ROADMAP_GEN_{name}", "1") != "0" for name in
              ("FAST_HTML", "REUSE_SKELETONS", "LEAN_SEARCH")}
        events = config.plugins.events
        copies = on["LEAN_SEARCH"] and _lean_search(config)
        self.copies = searchfeed.SearchCopies(generated, serving=self._serving) if copies else None
        if on["FAST_HTML"] and fasthtml.supported(config.markdown_extensions, config.mdx_configs):
            reuse = on["REUSE_SKELETONS"] and fasthtml.skeletons_supported(
                config.markdown_extensions, config.mdx_configs) and _ours(events["page_markdown"][-1:]) and \
                _ours(events["page_content"][:1])  # last to see the Markdown, first to see the HTML
            self.fast = fasthtml.FastPages(
                generated, reuse=reuse, serving=self._serving, keep_tokens=self.copies is not None,
                md_key=(repr(config.markdown_extensions), repr(sorted((config.mdx_configs or {}).items()))))

    # The fast path for generated pages (see fasthtml): their HTML blocks skip Python-Markdown's HTML
    # parser; the rendered page is byte-for-byte the same. Last to see the Markdown, first to see the HTML.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Any) -> str:
        return markdown if self.fast is None else self.fast.markdown(page, markdown)

    @event_priority(100)
    def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
        if self.fast is None:
            return html
        restored, parts = self.fast.content(page, html, config, files)
        if parts is not None and self.copies is not None:
            self.copies.prepare(page, restored, html, parts)  # from the tokens the split found
        return restored

    # Material's search plugin (priority 0) parses every page's HTML; of a generated page it gets the lean
    # copy (searchfeed: the same index, a third of the tags), given just before it and taken back just after.
    @event_priority(0.001)
    def _on_page_context_lean(self, context: dict, page: Any, config: Any, nav: Any) -> dict:
        page.update_date = self.as_of.isoformat()  # deterministic sitemap lastmod
        if self.copies is not None:
            self.copies.give(page)
        return context

    @event_priority(-0.001)
    def _on_page_context_restore(self, context: dict, page: Any, config: Any, nav: Any) -> dict:
        if self.copies is not None:
            self.copies.take_back(page)
        return context

    on_page_context = CombinedEvent(_on_page_context_lean, _on_page_context_restore)

    def on_post_build(self, config: Any) -> None:
        self._unfreeze()
        self._close_rendered()
        if self.fast is not None and self.fast.pages:
            log.info(f"{self.fast.pages} of {len(self._generated)} pages took the fast HTML path "
                     f"({self.fast.time * 1000:.0f} ms); {self.fast.reused} reused a converted twin's skeleton")
        if self.copies is not None and self.copies.given:
            log.info(f"{self.copies.given} pages went to search as lean copies ({self.copies.time * 1000:.0f} ms)")
        self._restore_env()

    def on_build_error(self, error: Exception) -> None:
        self._unfreeze()
        self._close_rendered(kill=True)

    def _close_rendered(self, kill: bool = False) -> None:
        """Reap the process that rendered pages alongside the build, and say what taking them over cost."""
        rendered, self._rendered = self._rendered, None
        if rendered is None or rendered.stream is None:
            return
        rendered.close(kill)
        stream = rendered.stream
        if stream.failed:
            log.warning("the second rendering process stopped early; its pages were rendered in the main one")
        if not kill:
            log.info(f"{len(stream.todo)} pages came from a second process (peak memory "
                     f"{stream.child_rss_mb:.0f} MB); taking them over took {stream.waited * 1000:.0f} ms")
        self._restore_env()

    def _unfreeze(self) -> None:
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def _restore_env(self) -> None:
        if self._env_epoch is not None and os.environ.get("SOURCE_DATE_EPOCH") == self._env_epoch:
            del os.environ["SOURCE_DATE_EPOCH"]
        self._env_epoch = None

    # -- serve -----------------------------------------------------------------------
    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        if self.content_dir and self.content_dir.is_dir():
            server.watch(str(self.content_dir))
        custom_dir = getattr(config.theme, "custom_dir", None)
        if custom_dir and (Path(custom_dir) / "roadmap").is_dir():
            server.watch(str(Path(custom_dir) / "roadmap"))
        return server


def _serving(config: Any) -> bool:
    """Whether this build is one of ``mkdocs serve``'s: serve sets ``site_url`` to its own address. Serve
    rebuilds keep rendered pages and split Markdown from one build to the next (a one-off build doesn't)."""
    addr = config.get("dev_addr")
    host, port = (addr.host, addr.port) if addr else ("127.0.0.1", 8000)
    return str(config.get("site_url") or "").startswith(f"http://{host}:{port}/")


def _ours(handlers: list) -> bool:
    """Whether these event handlers are all this plugin's (e.g. the last ``on_page_markdown``)."""
    return bool(handlers) and all(isinstance(getattr(inspect.unwrap(h), "__self__", None), OutcomeRoadmapPlugin)
                                  for h in handlers)


def _lean_search(config: Any) -> bool:
    """Whether Material's search plugin is the only handler of ``on_page_context`` between our two (so no
    other plugin sees a lean copy), and is enabled."""
    handlers = [inspect.unwrap(h) for h in config.plugins.events["page_context"]]  # through wrappers (profilers)
    ours = [i for i, h in enumerate(handlers) if getattr(h, "__func__", None) in (
        OutcomeRoadmapPlugin._on_page_context_lean, OutcomeRoadmapPlugin._on_page_context_restore)]
    if len(ours) != 2:
        return False
    between = handlers[ours[0] + 1:ours[1]]
    search = getattr(between[0], "__self__", None) if len(between) == 1 else None
    return type(search).__module__ == "material.plugins.search.plugin" and bool(
        getattr(getattr(search, "config", None), "enabled", True))  # `enabled: false`: nothing to feed


def _offline(config: Any) -> bool:
    """Whether Material's offline plugin is on (in either order of the plugins)."""
    for name, plugin in config.plugins.items():
        if name.split("/")[-1] == "offline" and getattr(plugin, "config", {}).get("enabled", True):
            return True
    return any("iframe-worker" in str(p) for p in config.extra.get("polyfills", []))


def _nav_paths(nav: Any) -> set[str]:
    out: set[str] = set()
    if isinstance(nav, str):
        out.add(nav)
    elif isinstance(nav, dict):
        for v in nav.values():
            out |= _nav_paths(v)
    elif isinstance(nav, list):
        for v in nav:
            out |= _nav_paths(v)
    return out


__all__ = ["OutcomeRoadmapPlugin", "OutcomeRoadmapConfig", "theme_dir"]
