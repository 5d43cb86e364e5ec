"""Previews: a rebuild under ``mkdocs serve`` re-parses only the content files whose bytes changed.

The loader caches each parsed file by its path and the hash of its bytes; the plugin holds its
compiler in a cache on the plugin instance, which MkDocs keeps across ``mkdocs serve`` rebuilds
because the plugin has an ``on_startup`` handler. These tests drive real MkDocs builds the way
``mkdocs serve`` does (a fresh configuration per rebuild) and check what the compiler parsed.
Behaviour only: how long a rebuild takes is measured by bench/run.py --preview, never asserted here.
"""
from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BASIC
import roadmap_gen
from roadmap_gen.compile.compiler import Compiler
from sitehelpers import build as cold_build

AS_OF = date(2026, 11, 25)


@pytest.fixture
def site(tmp_path: Path):
    """A copy of the basic fixture (its own content path, so no other test's compiler is reused)."""
    root = tmp_path / "site"
    shutil.copytree(BASIC, root)
    (root / "docs").mkdir(exist_ok=True)
    return root


def content_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "content").rglob("*") if p.is_file())


SERVE_URL = "http://127.0.0.1:8000/"


def serve_rebuild(root: Path, out: Path):
    """One build as ``mkdocs serve`` runs it: configuration loaded afresh (MkDocs hands back the plugin
    instances that have ``on_startup``), ``on_startup(command="serve")`` before the first build,
    ``site_url`` set to the dev server's address."""
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(out))
    if not getattr(config.plugins["outcome-roadmap"], "is_serve", False):
        config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    plugin = config.plugins["outcome-roadmap"]
    assert plugin.compiled is not None and plugin.compiled.ok
    return plugin


def edit(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nOne more sentence from the preview test.\n", encoding="utf-8")


def test_serve_rebuilds_reparse_only_the_edited_file(site: Path, tmp_path: Path):
    out = tmp_path / "out"
    files = content_files(site)
    first = serve_rebuild(site, out)
    assert first.compiled.parsed == len(files) == len(first.compiled.files)

    # a rebuild with nothing changed (say, a docs/ edit) parses nothing
    again = serve_rebuild(site, out)
    assert again is first  # MkDocs kept the plugin instance (it has on_startup) ...
    assert again.compiled.parsed == 0  # ... and its compiler still had every file

    # editing one hypothesis re-parses that file alone, and the site shows the edit
    hypothesis = site / "content" / "hypotheses" / "setup-checklist.md"
    edit(hypothesis)
    edited = serve_rebuild(site, out)
    assert edited.compiled.parsed == 1
    page = (out / "hypotheses" / "setup-checklist" / "index.html").read_text(encoding="utf-8")
    assert "One more sentence from the preview test." in page

    # writing the same bytes again (an editor saving without changes, a touch) parses nothing
    data = hypothesis.read_bytes()
    hypothesis.write_bytes(data)
    os.utime(hypothesis, None)
    assert serve_rebuild(site, out).compiled.parsed == 0

    # a new measurement in a metric's CSV series: that file alone
    metrics_csv = sorted((site / "content" / "metrics").glob("*.csv"))[0]
    with metrics_csv.open("a", encoding="utf-8") as f:
        f.write("2026-11-20,1,added by the preview test\n")
    assert serve_rebuild(site, out).compiled.parsed == 1


def _module_state() -> dict[str, str]:
    """Every module-level dict, list and set of the package, by module and name, as text."""
    import importlib
    import pkgutil

    out = {}
    for info in pkgutil.walk_packages(roadmap_gen.__path__, "roadmap_gen."):
        if info.name == "roadmap_gen.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, (dict, list, set)) and not name.startswith("__"):
                out[f"{info.name}.{name}"] = repr(value)
    return out


def test_state_lives_on_the_plugin_instance_not_in_modules(site: Path, tmp_path: Path):
    """The cache is the plugin's own (kept across serve rebuilds); builds change no module-level state."""
    before = _module_state()
    plugin = serve_rebuild(site, tmp_path / "a")
    cache, compiled = plugin.cache, plugin.compiled
    again = serve_rebuild(site, tmp_path / "b")
    assert again is plugin and again.cache is cache
    assert again.compiled.roadmap is compiled.roadmap  # unchanged content: the compiled roadmap is reused
    assert _module_state() == before


def test_compiler_reparses_changed_files_only(site: Path):
    compiler = Compiler(site / "content", display_base=site)
    files = content_files(site)
    assert compiler.compile(AS_OF).parsed == len(files)
    assert compiler.compile(AS_OF).parsed == 0

    edit(site / "content" / "hypotheses" / "sms-reminders.md")
    edit(site / "content" / "outcomes" / "fewer-tickets.md")
    result = compiler.compile(AS_OF)
    assert result.parsed == 2
    assert result.ok
    assert "One more sentence from the preview test." in result.roadmap.get("hypothesis", "sms-reminders").body

    # back to the original bytes: both versions are cached, nothing is parsed
    for rel in ("hypotheses/sms-reminders.md", "outcomes/fewer-tickets.md"):
        shutil.copyfile(BASIC / "content" / rel, site / "content" / rel)
    result = compiler.compile(AS_OF)
    assert result.parsed == 0
    assert "One more sentence" not in result.roadmap.get("hypothesis", "sms-reminders").body


def test_cached_errors_are_reported_on_every_rebuild(site: Path):
    """A cached parse keeps its diagnostics: an unchanged broken file is reported again, not forgotten."""
    compiler = Compiler(site / "content", display_base=site)
    broken = site / "content" / "hypotheses" / "setup-checklist.md"
    broken.write_text(broken.read_text(encoding="utf-8").replace("status:", "status: [", 1), encoding="utf-8")
    first = compiler.compile(AS_OF)
    assert not first.ok and first.parsed == len(content_files(site))
    second = compiler.compile(AS_OF)
    assert second.parsed == 0
    assert [str(d) for d in second.errors] == [str(d) for d in first.errors] != []


def site_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_a_serve_rebuild_makes_the_site_a_cold_build_makes(site: Path, tmp_path: Path):
    """Serve rebuilds reuse parsed files; after edits that
    change many pages (a hypothesis shows on the board, index, stage, outcome and tree pages; a theme's
    title on every card of its items), the site is still exactly what a build from scratch makes."""
    plugin = serve_rebuild(site, tmp_path / "warm")
    assert plugin.is_serve
    hypothesis = site / "content" / "hypotheses" / "sms-reminders.md"
    hypothesis.write_text(hypothesis.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1)
                          .replace("horizon: now", "horizon: later"), encoding="utf-8")
    theme = site / "content" / "themes" / "first-value.md"
    theme.write_text(theme.read_text(encoding="utf-8").replace("title: ", "title: Retitled ", 1), encoding="utf-8")
    warm = serve_rebuild(site, tmp_path / "warm")
    assert warm.compiled.parsed == 2

    # a build from scratch, in a process of its own, with the same site_url
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    (site / "mkdocs.yml").write_text(config + f"\nsite_url: {SERVE_URL}\n", encoding="utf-8")
    cold_build(site, tmp_path / "cold")
    warm_files, cold_files = site_files(tmp_path / "warm"), site_files(tmp_path / "cold")
    assert sorted(warm_files) == sorted(cold_files)
    assert [name for name in warm_files if warm_files[name] != cold_files[name]] == []
    board = warm_files["journey/index.html"].decode("utf-8")
    assert "Renamed " in board and "Retitled" in board
