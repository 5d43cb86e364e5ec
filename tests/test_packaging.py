"""The wheel: it carries the templates and assets, and a fresh virtual environment with
only the wheel and its dependencies builds a roadmap site from an unrelated folder."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from sitehelpers import REPO, clean_env, content, copy_basic, page, read

WHEELHOUSE_ROOT = Path("/tmp/roadmap-gen-test-wheelhouse")
"""Wheels of the dependencies, downloaded once per dependency list (not the project's own wheel)."""


def _run(cmd, cwd: Path, timeout: float = 600) -> subprocess.CompletedProcess:
    env = clean_env()
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    proc = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, f"{cmd}:\n{proc.stdout}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    """``make dist``: a source archive, and a wheel built from it."""
    out = tmp_path_factory.mktemp("dist") / "dist"
    _run(["make", "--no-print-directory", "-C", REPO, "dist", f"DIST={out}", f"BIN={Path(sys.executable).parent}"],
         cwd=REPO)
    return out


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    wheels = list(dist.glob("roadmap_gen-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0]


def test_make_dist_writes_a_wheel_and_a_source_archive(dist):
    assert sorted(p.name for p in dist.iterdir()) == ["roadmap_gen-0.1.0-py3-none-any.whl", "roadmap_gen-0.1.0.tar.gz"]
    with tarfile.open(dist / "roadmap_gen-0.1.0.tar.gz") as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    assert {"pyproject.toml", "README.md", "roadmap_gen/mkdocs/plugin.py", "theme/assets/css/roadmap.css",
            "roadmap_gen/scaffold/files/init/mkdocs.yml"} <= names


def _requires(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        msg = Parser().parsestr(z.read(meta).decode("utf-8"))
    return sorted(r for r in msg.get_all("Requires-Dist") or [] if "extra ==" not in r)


def _wheelhouse(wheel: Path, tmp: Path) -> Path:
    requires = _requires(wheel)
    key = hashlib.sha256(("\n".join(requires) + sys.version).encode()).hexdigest()[:16]
    house = WHEELHOUSE_ROOT / key
    if not house.is_dir():
        staging = tmp / "wheelhouse"
        _run([sys.executable, "-m", "pip", "download", "-q", "--only-binary", ":all:", "-d", staging, *requires],
             cwd=tmp)
        WHEELHOUSE_ROOT.mkdir(parents=True, exist_ok=True)
        try:
            staging.rename(house)  # atomic: a concurrent run sees a complete wheelhouse or none
        except OSError:
            if not house.is_dir():
                shutil.copytree(staging, house)
    return house


def test_wheel_carries_templates_and_assets(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(z.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    templates = {n for n in names if n.startswith("roadmap_gen/theme/templates/roadmap/") and n.endswith(".html")}
    shipped = {p.relative_to(REPO / "theme").as_posix() for p in (REPO / "theme").rglob("*") if p.is_file()}
    assert {f"roadmap_gen/theme/{s}" for s in shipped} <= names
    for name in ("home.html", "board.html", "hypothesis.html", "stage.html", "partials/card.html"):
        assert f"roadmap_gen/theme/templates/roadmap/{name}" in templates
    for asset in ("css/roadmap.css", "css/charts.css", "js/roadmap.js"):
        assert f"roadmap_gen/theme/assets/{asset}" in names
    assert "roadmap_gen/mkdocs/plugin.py" in names and "roadmap_gen/__init__.py" in names
    assert not any(n.startswith(("tests/", "content/", "docs/", "site/")) for n in names)
    assert "[mkdocs.plugins]" in entry_points and "[properdocs.plugins]" in entry_points
    assert entry_points.count("outcome-roadmap = roadmap_gen.mkdocs.plugin:OutcomeRoadmapPlugin") == 2
    assert "roadmap-gen = roadmap_gen.cli.main:main" in entry_points


def test_fresh_venv_with_the_wheel_builds_a_site(wheel, tmp_path):
    house = _wheelhouse(wheel, tmp_path)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=tmp_path)
    cfg = (venv / "pyvenv.cfg").read_text()
    assert "include-system-site-packages = false" in cfg
    bin_ = venv / "bin"
    _run([bin_ / "python", "-m", "pip", "install", "-q", "--no-index", "--find-links", house, wheel], cwd=tmp_path)
    # the installed package, not the repository's source tree
    where = _run([bin_ / "python", "-c", "import roadmap_gen, roadmap_gen.site.assets as r; "
                  "print(roadmap_gen.__file__); print(r.theme_dir())"], cwd=tmp_path).stdout.splitlines()
    assert all(str(venv) in line for line in where), where
    assert Path(where[1]).name == "theme" and Path(where[1]).parent.name == "roadmap_gen"

    unrelated = tmp_path / "elsewhere" / "my-roadmap"
    copy_basic(unrelated)
    _run([bin_ / "mkdocs", "build", "--strict", "-d", tmp_path / "site"], cwd=unrelated)
    site = tmp_path / "site"
    home = content(page(site, "index.html"))
    assert home.find("h1").text() == "Basic roadmap"
    assert home.has("section", cls="rg-vmgs__goals")
    css = site / "assets/roadmap-gen/roadmap.css"
    assert css.is_file() and css.read_bytes() == (REPO / "theme/assets/css/roadmap.css").read_bytes()
    assert (site / "assets/roadmap-gen/roadmap.js").is_file()
    assert (site / "journey/index.html").is_file() and (site / "hypotheses/setup-checklist/index.html").is_file()
    assert 'href="assets/roadmap-gen/roadmap.css"' in read(site / "index.html")
    check = subprocess.run([str(bin_ / "roadmap-gen"), "check"], cwd=unrelated, env=clean_env(),
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "0 errors" in check.stderr, check.stderr


def test_make_test_stops_with_a_one_line_instruction_without_chromium(tmp_path):
    """No chromium on PATH (here: an empty folder is the whole PATH): `make test` says what to install."""
    make = shutil.which("make")
    assert make
    proc = subprocess.run([make, "--no-print-directory", "-C", str(REPO), "test"], env={"PATH": str(tmp_path)},
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert proc.stdout.splitlines() == ["make test needs Debian's chromium: sudo apt-get install chromium"]
    assert "need-chromium" in proc.stderr and "pytest" not in proc.stdout + proc.stderr
