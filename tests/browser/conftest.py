"""Browser tests: the example roadmap (./mkdocs.yml) built once per session and driven in
Debian's chromium through Python Playwright, served by a local http.server thread.

``site`` builds the example with ``as_of`` forced to 2026-11-25 (a temporary mkdocs.yml
that INHERITs ./mkdocs.yml), ``offline_site`` builds it once more with Material's
``offline`` plugin for file:// browsing. ``open_page`` opens a page in a fresh context
whose every request to another host is recorded and blocked, and whose console errors
are collected. axe-core comes with the Python package axe-playwright-python (no npm).
"""
from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "screenshots"
AS_OF = "2026-11-25"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1"}
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


# -- building ---------------------------------------------------------------------------

class _Lenient(yaml.SafeLoader):
    """Reads mkdocs.yml whatever tags it uses (!ENV, !!python/name:...): only plugins matter here."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def build_example(dest: Path, *, offline: bool = False, offline_last: bool = False) -> Path:
    """Build ./mkdocs.yml into ``dest`` with ``as_of`` forced; with Material's offline plugin if asked
    (after search, as its documentation shows, or last of all with ``offline_last``)."""
    base = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient) or {}
    entries = base.get("plugins") or ["search", "outcome-roadmap"]
    assert isinstance(entries, list), "mkdocs.yml: plugins as a list"
    plugins: list = []
    for entry in entries:
        name, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        options = dict(options or {})
        if name == "outcome-roadmap":
            options["content_dir"] = str(REPO / options.get("content_dir", "content"))
            options["as_of"] = AS_OF
        plugins.append({name: options} if options else name)
        if offline and name == "search" and not offline_last:
            plugins.append("offline")
    if offline and "offline" not in plugins:
        plugins.append("offline")
    config = {"INHERIT": str(REPO / "mkdocs.yml"), "docs_dir": str(REPO / base.get("docs_dir", "docs")),
              "plugins": plugins}
    dest.mkdir(parents=True, exist_ok=True)
    config_file = dest.parent / f"{dest.name}.mkdocs.yml"
    config_file.write_text(json.dumps(config, indent=2), encoding="utf-8")  # JSON is YAML
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SOURCE_DATE_EPOCH", None)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(dest)],
                          cwd=dest.parent, env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (dest / "index.html").is_file()
    return dest


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    return build_example(tmp_path_factory.mktemp("browser") / "site")


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    return build_example(tmp_path_factory.mktemp("browser-offline") / "site", offline=True)


@pytest.fixture(scope="session")
def roadmap(site) -> dict:
    """The built site's roadmap.json."""
    return json.loads((site / "roadmap.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pages(roadmap) -> dict[str, str]:
    """One address (relative to the site root) per page type, chosen from roadmap.json."""
    def first(kind: str, pred=lambda e: True) -> str:
        found = [e for e in roadmap[kind] if pred(e)] or roadmap[kind]
        assert found, f"the example roadmap has no {kind}"
        return found[0]["url"]
    rooted = {o.get("outcome") for o in roadmap["opportunities"]}
    return {
        "home": "", "board": "journey/",
        "stage": first("stages"), "theme": first("themes"), "question": first("questions"),
        "hypothesis": first("hypotheses", lambda h: h.get("experiments")),
        "outcome": first("outcomes", lambda o: o["id"] in rooted),  # one with an opportunity tree
        "opportunity": first("opportunities", lambda o: o.get("outcome")),
        "metric": first("metrics"), "okr": first("okrs"),
        "kpis": "kpis/", "okrs": "okrs/", "hypotheses": "hypotheses/", "themes": "themes/", "questions": "questions/",
        "insight": first("insights", lambda i: i.get("segment")), "insights": "insights/",
        "opportunities": "opportunities/",
        "health": "health/",
        "goal": first("goals", lambda g: g.get("metric")),
        "strategy": first("strategies", lambda st: st["id"] in {o.get("strategy") for o in roadmap["outcomes"]}),
    }


# -- serving ----------------------------------------------------------------------------

class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # the browser closing a connection it no longer needs (a cancelled request) is not an error here
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site):
    """Base URL of the built site, served on 127.0.0.1."""
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


# -- the browser ------------------------------------------------------------------------

@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    assert executable, "Debian's chromium is needed (apt-get install chromium)"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Watch:
    """What a browser context did: requests to other hosts (blocked), console errors, failed responses."""
    external: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def route(self, route) -> None:
        url = urlparse(route.request.url)
        if url.scheme in LOCAL_SCHEMES or url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(route.request.url)
            route.abort()

    def attach(self, page) -> None:
        page.on("console", lambda m: self.errors.append(f"console: {m.text} ({page.url})") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e} ({page.url})"))
        page.on("response", lambda r: self.failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)


@pytest.fixture
def open_page(browser, server):
    """``open_page(path, width=, scheme=, js=)`` -> (page, watch): a fresh context per call."""
    contexts = []

    def _open(path: str | None = "", *, width: int = 1280, height: int = 900, scheme: str = "light",
              js: bool = True, url: str | None = None):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme,
                                      java_script_enabled=js, reduced_motion="reduce")
        contexts.append(context)
        watch = Watch()
        context.route("**/*", watch.route)
        page = context.new_page()
        watch.attach(page)
        if url is not None:
            page.goto(url)
        elif path is not None:
            page.goto(server + path)
        return page, watch

    yield _open
    for context in contexts:
        context.close()


def filters_ready(page) -> None:
    """Wait until roadmap.js has set up the page's filter form."""
    page.wait_for_selector("form[data-rg-filter][data-rg-ready]", state="attached")


def run_axe(page, context: str = ".md-content") -> list[dict]:
    """axe-core (bundled with axe-playwright-python) on the roadmap content (``context``, by default
    Material's .md-content): its violations, most severe first."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    rank = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3}
    found = [{"id": v["id"], "impact": v["impact"], "help": v["help"],
              "nodes": [" ".join(map(str, n["target"])) + ": " + (n.get("failureSummary") or "")
                        for n in v["nodes"][:5]]}
             for v in result.response["violations"]]
    return sorted(found, key=lambda v: rank.get(v["impact"], 4))
