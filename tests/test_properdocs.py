"""ProperDocs (the maintained MkDocs 1.x continuation) builds the same site as MkDocs.

ProperDocs installs beside MkDocs in one environment (it only aliases ``mkdocs.*``
imports inside its own process), so both commands run from the project's venv;
``properdocs`` is in the ``test`` extra."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitehelpers import BIN, build, content, copy_basic, files_of, mkdocs, page, read, write_site

PROPERDOCS = BIN / "properdocs"
_GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("properdocs")
    root = copy_basic(tmp / "src")
    return {"mkdocs": build(root, tmp / "mkdocs"),
            "properdocs": build(root, tmp / "properdocs", exe=PROPERDOCS, config_file="mkdocs.yml")}


def test_properdocs_is_the_engine(sites):
    html = read(sites["properdocs"] / "index.html")
    assert re.search(r'<meta name="generator" content="mkdocs-ProperDocs [^"]*', html), \
        _GENERATOR.findall(html)
    assert "ProperDocs" not in _GENERATOR.search(read(sites["mkdocs"] / "index.html")).group(0)


@pytest.mark.parametrize("rel", ["index.html", "journey/index.html", "hypotheses/setup-checklist/index.html",
                                 "stages/onboard/index.html", "okrs/index.html"])
def test_same_main_content(sites, rel):
    a, b = (content(page(sites[k], rel)) for k in ("mkdocs", "properdocs"))
    assert a.text() == b.text()
    assert [(n.tag, n.attrs) for n in a.iter()] == [(n.tag, n.attrs) for n in b.iter()]
    assert b.has("div", cls="rg-vmgs") or b.has("table", cls="rg-board__table") or b.has("header",
                                                                                          cls="rg-item-header") \
        or b.has("article", cls="rg-okr")


def test_same_files_and_same_bytes_but_the_generator(sites):
    one, two = sites["mkdocs"], sites["properdocs"]
    assert files_of(one) == files_of(two)
    different = []
    for f in files_of(one):
        x, y = (one / f).read_bytes(), (two / f).read_bytes()
        if f.endswith(".html"):
            x, y = (_GENERATOR.sub("", s.decode("utf-8")) for s in (x, y))
        if x != y:
            different.append(f)
    assert different == []
    assert (one / "roadmap.json").read_bytes() == (two / "roadmap.json").read_bytes()


def test_properdocs_fails_on_roadmap_errors_with_the_check_lines(tmp_path):
    root = write_site(tmp_path / "src", {
        "roadmap.yml": "title: T\nvision: V\nmission: M\n",
        "journey.yml": "stages:\n  - id: onboard\n    title: Onboard\n",
        "themes/t.md": "---\ntitle: T\nstage: onbord\nhorizon: now\n---\n",
    })
    proc = mkdocs(root, "build", "-f", "mkdocs.yml", "-d", tmp_path / "site", exe=PROPERDOCS)
    assert proc.returncode == 1
    assert "content/themes/t.md:3:8: `stage` refers to unknown stage `onbord` (did you mean `onboard`?)" \
        in proc.stderr.splitlines()
