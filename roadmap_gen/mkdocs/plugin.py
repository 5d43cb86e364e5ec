"""The ``outcome-roadmap`` MkDocs plugin: events only, delegating to compile/ and site/.

* ``on_startup``: ``mkdocs serve`` or not; the plugin instance (and its cache) lives across serve rebuilds.
* ``on_config``: options, our template folder after the user's ``custom_dir``, stylesheets and script.
* ``on_files``: compiles the roadmap (errors fail the build with the same ``path:line:column`` lines as
  ``roadmap-gen check``; under ``mkdocs serve`` they are logged and shown as a page at every roadmap
  address instead) and adds a generated file per page: front matter naming its template, and only
  the text people wrote as its Markdown; plus ``roadmap.json``, the assets, the feed, the navigation.
* ``on_env``: autoescaping for our templates (``roadmap/...``).
* ``on_page_markdown``: every page dated ``as_of`` (a deterministic sitemap).
* ``on_page_content``: a generated page's HTML sanitised (bodies), its headings under the page title.
* ``on_page_context``: the page's view model (``roadmap``) and labels (``t``) for its template; its
  table of contents.
* ``on_serve``: watches the content folder and template overrides.

Works on MkDocs 1.6 and ProperDocs 1.6 (which aliases ``mkdocs.*`` imports).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from roadmap_gen.compile.compute import resolve_as_of
from roadmap_gen.git.terms import roadmap_terms
from roadmap_gen.mkdocs import site_config
from roadmap_gen.mkdocs.cache import BuildCache
from roadmap_gen.mkdocs.config import OutcomeRoadmapConfig
from roadmap_gen.mkdocs.toc import page_toc
from roadmap_gen.site.assets import asset_sources
from roadmap_gen.site.export import compiled_data, to_json
from roadmap_gen.site.labels import labels_for
from roadmap_gen.site.sanitize import clean, shift_headings
from roadmap_gen.site.sources import PageSpec
from roadmap_gen.site.urls import page_url
from roadmap_gen.site.views import Links, SiteViews
from roadmap_gen.site.views.errors import error_addresses, error_pages

log = get_plugin_logger("outcome-roadmap")


class OutcomeRoadmapPlugin(BasePlugin[OutcomeRoadmapConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.is_serve = False
        self.cache = BuildCache()
        self.pages: dict[str, PageSpec] = {}  # this build's generated pages, by source path
        self.added: dict[str, File] = {}  # the files added for them
        self.served: set[str] = set()  # the pages of the last build without errors (serve shows errors there)
        self.compiled: Any = None
        self.terms: Any = None  # this build's history in roadmap terms (the feed's and the changes page's)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_config(self, config: Any) -> Any:
        self.config_dir = Path(config.config_file_path or ".").resolve().parent
        self.content_dir = (self.config_dir / self.config.content_dir).resolve()
        try:
            self.as_of = resolve_as_of(self.config.as_of)
        except ValueError as exc:  # not a date, or one no sitemap can carry
            raise PluginError(f"outcome-roadmap: as_of: {exc}") from None
        self.labels = labels_for(config.theme.get("language"), self.config.labels)
        site_config.add_theme(config)
        return config

    # -- files -------------------------------------------------------------------------
    def _on_files_pages(self, files: Files, *, config: Any) -> Files:
        t0 = time.perf_counter()
        # a content folder inside docs_dir is data, not documentation: MkDocs would publish its files as
        # they are (internal items, metrics and CSVs included), whatever the audience
        for f in [f for f in files if not f.generated_by and f.abs_src_path
                  and self.content_dir in Path(f.abs_src_path).resolve().parents]:
            files.remove(f)
        compiled = self._compile()
        if not compiled.ok:  # only under `mkdocs serve`: the errors are the site until they are fixed
            self._add_error_pages(files, config, compiled)
            return files
        repo = self.cache.repository(self.content_dir) if self.config.history else (None, None)
        history = self._history(repo)
        reviews = self.cache.reviews(self.content_dir, repo, self.as_of, self.config.audience,
                                     self.config.review_tags, compiled) if history is not None else None
        self.terms = roadmap_terms(history, compiled) if history is not None and history.available else None
        views = SiteViews(compiled, self.labels, history=history, edit_url=site_config.edit_url(
            config, self.content_dir) if self.config.edit_links else None, reviews=reviews, terms=self.terms,
            site_url=config.get("site_url") or "")
        self.pages = {spec.src: spec for spec in views.pages()}
        self.added = {}
        self.served = set(self.pages)
        self._add_pages(files, config)
        for src, path in asset_sources().items():
            files.append(File.generated(config, src, abs_src_path=str(path)))
        if history is not None and history.available:
            files.append(File.generated(config, "changes/feed.xml", content=self._feed(config, history)))
        if self.config.json:
            data = compiled_data(compiled, config.use_directory_urls)
            files.append(File.generated(config, "roadmap.json", content=to_json(data)))
        timings = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in compiled.timings.items())
        log.info(f"{sum(1 for _ in compiled.roadmap.all_items())} items, {len(self.pages)} pages (parsed "
                 f"{compiled.parsed} of {len(compiled.files)} files) in {time.perf_counter() - t0:.2f} s: {timings}")
        self._log_health(compiled)
        return files

    def _log_health(self, compiled: Any) -> None:
        """One INFO line: findings are not warnings of the content and never fail a build, --strict or not."""
        n = len(compiled.findings)
        where = ", see health/" if compiled.audience == "internal" and n else ""
        log.info(f"roadmap health: {n} finding{'s' * (n != 1)}{where} (roadmap-gen check lists them)")

    @event_priority(-100)  # after other plugins have said which of their pages stay out of the nav (blog posts)
    def _on_files_nav(self, files: Files, *, config: Any) -> Files:
        self._check_still_ours(files)
        if self.config.nav:
            user = [f.src_uri for f in files.documentation_pages() if not f.generated_by and f.inclusion.is_in_nav()]
            titles = {src: spec.nav_title for src, spec in self.pages.items() if spec.nav_title}
            site_config.add_nav(config, self.labels, set(self.pages), user, titles)
        return files

    on_files = CombinedEvent(_on_files_pages, _on_files_nav)

    def _compile(self) -> Any:
        """The compiled roadmap. With errors ``mkdocs build`` fails; ``mkdocs serve`` logs them and goes on,
        to show them as the site (a failed build would leave the browser waiting)."""
        compiled = self.cache.compile(self.content_dir, self.config_dir, self.as_of, self.config.audience,
                                      self.config.health.ignore)
        for d in compiled.diagnostics:
            if not d.is_error:
                log.warning(str(d))
        if not compiled.ok:
            errors = compiled.errors
            lines = "\n".join(str(d) for d in errors)
            if not self.is_serve:
                raise PluginError(f"the roadmap has {len(errors)} error{'s' * (len(errors) != 1)}:\n{lines}")
            for d in errors:
                log.error(str(d))
            return compiled
        for d in compiled.dropped:
            log.info(str(d))
        self.compiled = compiled
        return compiled

    def _add_error_pages(self, files: Files, config: Any, compiled: Any) -> None:
        """The error page at the home page and every roadmap address, so the open page reloads into it."""
        addresses = error_addresses(self.served, compiled.roadmap)
        self.pages = {spec.src: spec for spec in error_pages(self.labels, compiled.errors, addresses)}
        self.added = {}
        self._add_pages(files, config)
        for src, path in asset_sources().items():
            files.append(File.generated(config, src, abs_src_path=str(path)))
        log.info(f"the roadmap has errors: showing them at {len(self.pages)} addresses until they are fixed")

    def _history(self, repo: tuple[Any, str | None]) -> Any:
        if not self.config.history:
            return None
        visible = None
        if self.config.audience == "public":  # the public history shows only what this build shows
            visible = frozenset((item.kind, item.id) for item in self.compiled.roadmap.all_items())
        history = self.cache.history(self.content_dir, repo, self.as_of, self.config.audience,
                                     self.config.history_limit, visible)
        if not history.available:
            log.info(f"no history on the changes page: {history.detail or history.reason}")
        return history

    def _add_pages(self, files: Files, config: Any) -> None:
        theirs = {f.dest_uri: f for f in files}  # docs_dir's files and those other plugins generated so far
        for spec in self.pages.values():
            inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
            f = File.generated(config, spec.src, content=spec.source(), inclusion=inclusion)
            if f.dest_uri in theirs:  # docs/journey.md, docs/stages/x/index.md, a page mkdocs-gen-files wrote, ...
                raise PluginError(_clash(theirs[f.dest_uri], f.dest_uri))
            files.append(f)
            self.added[spec.src] = f

    def _check_still_ours(self, files: Files) -> None:
        """No plugin that ran after ours replaced a roadmap page or wrote another at its address."""
        ours = {id(f) for f in self.added.values()}
        by_dest = {f.dest_uri: f for f in files if id(f) not in ours}
        for src, mine in self.added.items():
            f = files.get_file_from_path(src)
            other = by_dest.get(mine.dest_uri) if f is mine else f
            if f is None or (other is not None and other.generated_by != mine.generated_by):  # a copy of ours is ours
                raise PluginError(_clash(other, mine.dest_uri))

    def _feed(self, config: Any, history: Any) -> str:
        from roadmap_gen.git.feed import atom_feed

        site_url = config.get("site_url") or ""
        changes = (site_url.rstrip("/") + "/" if site_url else "") + page_url("changes/index.md",
                                                                               config.use_directory_urls)
        return atom_feed(history, site_url, f"{self.compiled.roadmap.title}: {self.labels['changes.title']}",
                         changes or "./", feed_url=(changes.rsplit("/", 1)[0] + "/feed.xml") if site_url else None,
                         headlines=True, events=self.terms.events if self.terms is not None else ())

    # -- pages -------------------------------------------------------------------------
    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        before = env.autoescape

        def autoescape(name: str | None) -> bool:
            if name and name.startswith("roadmap/"):
                return True  # our templates, and overrides of them
            return bool(before(name)) if callable(before) else bool(before)

        env.autoescape = autoescape
        return env

    def on_page_markdown(self, markdown: str, *, page: Any, config: Any, files: Files) -> str:
        # MkDocs dates every page by the build (the sitemap's lastmod, sitemap.xml.gz's timestamp); the
        # roadmap is as of a date, so its site is too: the same input and as_of give the same bytes
        page.update_date = self.as_of.isoformat()
        return markdown

    def on_page_content(self, html: str, *, page: Any, config: Any, files: Files) -> str:
        spec = self._spec(page)
        if spec is None:
            return html
        if not self.config.allow_raw_html:
            html = clean(html)
        return shift_headings(html) if spec.body else html

    def on_page_context(self, context: dict, *, page: Any, config: Any, nav: Any) -> dict:
        spec = self._spec(page)
        if spec is None:
            return context
        view = spec.build(Links(page.url, config.use_directory_urls))
        context["roadmap"] = view
        context["t"] = self.labels
        page.toc = page_toc(view["toc"], page.toc, 1 if spec.body else 0)
        return context

    def _spec(self, page: Any) -> PageSpec | None:
        return self.pages.get(page.file.src_uri) if page.file.generated_by else None

    # -- serve -------------------------------------------------------------------------
    def on_serve(self, server: Any, *, config: Any, builder: Any) -> Any:
        if self.content_dir.is_dir():
            server.watch(str(self.content_dir))
        custom_dir = config.theme.custom_dir
        if custom_dir and (Path(custom_dir) / "roadmap").is_dir():
            server.watch(str(Path(custom_dir) / "roadmap"))
        return server


def _clash(other: Any, dest: str) -> str:
    """The error for a file at a roadmap page's address: a docs_dir file, or one another plugin generated."""
    if other is None:
        return f"a roadmap page ({dest}) was removed by another plugin"
    where = f"generated by the {other.generated_by} plugin," if other.generated_by else "in docs_dir"
    return f"{other.src_uri} {where} conflicts with the roadmap page of the same address ({dest}); rename or remove it"


__all__ = ["OutcomeRoadmapConfig", "OutcomeRoadmapPlugin"]
