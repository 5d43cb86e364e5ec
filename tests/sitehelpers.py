"""Helpers for the site tests: write small roadmap sites, build them with the real
``mkdocs`` (or ``properdocs``) command, and read the HTML that comes out.

The HTML is read with a small tree builder over :mod:`html.parser` (no third-party
parser is a dependency of the project).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

import yaml

REPO = Path(__file__).resolve().parents[1]
BASIC = Path(__file__).resolve().parent / "fixtures" / "basic"
BIN = Path(sys.executable).parent
AS_OF = date(2026, 11, 25)

MINIMAL_CONTENT = {
    "roadmap.yml": "title: Minimal roadmap\nvision: A vision.\nmission: A mission.\n",
    "journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n",
}


# -- writing sites --------------------------------------------------------------------

def mkdocs_config(*, plugin: dict | None = None, theme: dict | None = None, **extra: Any) -> dict:
    """The smallest mkdocs.yml the content format promises, plus overrides."""
    options = {"as_of": AS_OF}
    options.update(plugin or {})
    return {"site_name": "Test site", "theme": {"name": "material", "font": False, **(theme or {})},
            "plugins": ["search", {"outcome-roadmap": options}], **extra}


def write_files(base: Path, files: dict[str, str | bytes]) -> None:
    for rel, text in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")


def write_site(root: Path, content: dict[str, str | bytes] | None = None, *, docs: dict[str, str] | None = None,
               config: dict | str | None = None) -> Path:
    """A folder with mkdocs.yml, docs/ (empty unless ``docs``) and content/ (minimal unless ``content``)."""
    root.mkdir(parents=True, exist_ok=True)
    cfg = mkdocs_config() if config is None else config
    text = cfg if isinstance(cfg, str) else yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True)
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    (root / "docs").mkdir(exist_ok=True)
    write_files(root / "docs", docs or {})
    (root / "content").mkdir(exist_ok=True)
    write_files(root / "content", MINIMAL_CONTENT if content is None else content)
    return root


def copy_basic(root: Path, config: dict | None = None) -> Path:
    """The basic fixture copied to ``root``, with the empty docs/ git cannot hold."""
    shutil.copytree(BASIC, root, ignore=shutil.ignore_patterns("*.golden.json"))
    (root / "docs").mkdir(exist_ok=True)
    if config is not None:
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return root


def basic_content() -> dict[str, str]:
    """The basic fixture's content files, to extend in a test."""
    base = BASIC / "content"
    return {p.relative_to(base).as_posix(): p.read_text(encoding="utf-8") for p in sorted(base.rglob("*"))
            if p.is_file()}


# -- running ----------------------------------------------------------------------------

def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update({"NO_MKDOCS_2_WARNING": "1", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
    env.update(extra)
    return env


def run(cmd: list[str | Path], cwd: Path, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env or clean_env(), capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout)


def mkdocs(root: Path, *args: str | Path, exe: Path | str | None = None, env: dict | None = None
           ) -> subprocess.CompletedProcess:
    """``mkdocs ARGS`` (or another executable with the same interface) run in ``root``."""
    return run([exe or BIN / "mkdocs", *args], cwd=root, env=env)


def build(root: Path, site: Path, *, strict: bool = True, exe: Path | str | None = None,
          config_file: str | None = None, env: dict | None = None) -> Path:
    args: list[str | Path] = ["build", "-d", site]
    if strict:
        args.append("--strict")
    if config_file:
        args += ["-f", config_file]
    proc = mkdocs(root, *args, exe=exe, env=env)
    assert proc.returncode == 0, f"build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
    return site


def roadmap_gen(root: Path, *args: str | Path) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "roadmap_gen", *args], cwd=root)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder`` with its mtime and size."""
    out = {}
    for p in sorted(folder.rglob("*")):
        st = p.stat()
        out[p.relative_to(folder).as_posix()] = (st.st_mtime_ns, st.st_size if p.is_file() else -1)
    return out


def files_of(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# -- HTML -------------------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "path", "rect", "line", "circle", "polyline", "polygon", "use", "stop"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None" = None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list["Node | str"] = []

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def iter(self) -> Iterator["Node"]:
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list["Node"]:
        out = []
        for n in self.iter():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes:
                continue
            if any(n.attrs.get(k.rstrip("_").replace("_", "-")) != v for k, v in attrs.items()):
                continue
            out.append(n)
        return out

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> "Node":
        found = self.find_all(tag, cls, **attrs)
        assert found, f"no <{tag or '*'} class={cls!r} {attrs}> in {self.tag}"
        return found[0]

    def has(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> bool:
        return bool(self.find_all(tag, cls, **attrs))

    def text(self) -> str:
        parts = []
        for c in self.children:
            parts.append(c if isinstance(c, str) else c.text())
        return "".join(parts)

    def clean_text(self) -> str:
        return " ".join(self.text().split())

    def ancestors(self) -> Iterator["Node"]:
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


def page(site: Path, rel: str) -> Node:
    return parse(read(site / rel))


def content(doc: Node) -> Node:
    """The page's main content (Material's article)."""
    return doc.find("article", cls="md-content__inner")


def primary_nav_links(doc: Node) -> list[tuple[str, str]]:
    """(title, href) of every link of Material's primary navigation."""
    nav = doc.find("nav", cls="md-nav--primary")
    return [(a.clean_text(), a.get("href") or "") for a in nav.find_all("a") if a.get("href")]


# -- links ------------------------------------------------------------------------------

_URL_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}


def links_of(doc: Node) -> list[tuple[str, str]]:
    """(tag, url) of every href/src in a page."""
    out = []
    for n in doc.iter():
        attr = _URL_ATTRS.get(n.tag)
        if attr and n.get(attr) is not None:
            out.append((n.tag, n.get(attr) or ""))
    return out


def resolve(site: Path, page_path: Path, url: str) -> tuple[Path, str] | None:
    """The file a relative link of ``page_path`` points at, and its fragment; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        target = site / path.lstrip("/")
    elif path == "":
        target = page_path
    else:
        target = page_path.parent / path
    target = Path(os.path.normpath(target))
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


_ids_cache: dict[Path, set[str]] = {}


def ids_of(path: Path) -> set[str]:
    if path not in _ids_cache:
        _ids_cache[path] = {n.get("id") for n in parse(read(path)).iter() if n.get("id")}
    return _ids_cache[path]


def broken_links(site: Path, *, fragments: bool = True) -> list[str]:
    """Every link in every HTML page of ``site`` whose target file (or #anchor) is missing."""
    _ids_cache.clear()
    broken = []
    site = site.resolve()
    for p in html_pages(site):
        doc = parse(read(p))
        for tag, url in links_of(doc):
            if url.startswith(("mailto:", "#__")):
                continue
            r = resolve(site, p, url)
            if r is None:
                continue
            target, fragment = r
            rel = p.relative_to(site).as_posix()
            if site not in target.parents and target != site:
                broken.append(f"{rel}: {url} leaves the site")
            elif not target.is_file():
                broken.append(f"{rel}: {url} -> {target.relative_to(site)} missing")
            elif fragments and fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{rel}: {url} -> no id {fragment!r} in {target.relative_to(site)}")
    return broken


def external_urls(text: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']?(https?://[^"'\s>]+)""", text)
