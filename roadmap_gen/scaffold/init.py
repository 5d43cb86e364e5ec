"""``roadmap-gen init``: a new roadmap repository from the starter files in ``files/init/``.

The starter files are package data, read with :mod:`importlib.resources`. They
are :class:`string.Template` texts: ``${title}``, ``${today}`` and the other
names of :func:`template_values` are filled in, ``$$`` is a dollar sign. The CI
files keep their ``${{ ... }}`` and ``$VARIABLES`` (they belong to GitHub and
GitLab): only ``@@{install_spec}``, what they ``pip install``, is filled in.
Files whose name starts with a dot are stored without it
(``gitignore``, ``github/``), so that git and CI services do not act on them
inside this package.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path
from string import Template

from roadmap_gen.format.spec import add_months
from roadmap_gen.scaffold.common import Refused, ScaffoldError, quarter, write_new_file, yaml_text

STARTER_FILES: tuple[tuple[str, str], ...] = (
    ("mkdocs.yml", "mkdocs.yml"),
    (".gitignore", "gitignore"),
    ("README.md", "README.md"),
    ("docs/about.md", "docs/about.md"),
    ("content/README.md", "content/README.md"),
    ("content/roadmap.yml", "content/roadmap.yml"),
    ("content/journey.yml", "content/journey.yml"),
    ("content/metrics.yml", "content/metrics.yml"),
    ("content/metrics/activation.csv", "content/metrics/activation.csv"),
    ("content/outcomes/first-result-in-week-one.md", "content/outcomes/first-result-in-week-one.md"),
    ("content/themes/faster-first-value.md", "content/themes/faster-first-value.md"),
    ("content/questions/why-trials-stall.md", "content/questions/why-trials-stall.md"),
    ("content/opportunities/setup-is-confusing.md", "content/opportunities/setup-is-confusing.md"),
    ("content/hypotheses/setup-checklist.md", "content/hypotheses/setup-checklist.md"),
    ("content/insights/no-idea-what-to-do-first.md", "content/insights/no-idea-what-to-do-first.md"),
    ("content/okrs/first-result-${period_lower}.yml", "content/okrs/first-result.yml"),
    (".github/workflows/roadmap.yml", "github/workflows/roadmap.yml"),
    (".gitlab-ci.yml", "gitlab-ci.yml"),
)
"""The files of a new repository, in the order they are written: (path in it, a template's
path under ``files/init/``). Paths are templates too."""

VERBATIM = frozenset({"github/workflows/roadmap.yml", "gitlab-ci.yml"})
"""Starter files whose ``$`` is not a placeholder: only ``@@{install_spec}`` is filled in."""

DEFAULT_INSTALL_SPEC = "roadmap-gen"
"""What the CI files ``pip install`` unless ``init --install`` says otherwise."""


class _CiTemplate(Template):
    delimiter = "@@"


def starter_text(name: str) -> str:
    """The text of ``files/init/<name>``, a path with ``/``."""
    resource = files("roadmap_gen.scaffold") / "files" / "init"
    for part in name.split("/"):
        resource = resource / part
    return resource.read_text(encoding="utf-8")


def template_values(title: str, today: date) -> dict[str, str]:
    """What the starter templates can use. Dates follow ``today``: measurements of the two months before."""
    month0 = add_months(today.replace(day=1), -2)
    month1 = add_months(today.replace(day=1), -1)
    period = quarter(today)
    q_end = add_months(date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), 3) - timedelta(days=1)
    return {
        "title": title,                  # as written, for Markdown
        "title_yaml": yaml_text(title),  # as a YAML scalar
        "today": today.isoformat(),
        "next_year": str(today.year + 1),
        "month0": month0.isoformat(),
        "month1": month1.isoformat(),
        "experiment_end": (month0 + timedelta(days=14)).isoformat(),
        "period": period,                # this quarter, YYYY-Qn
        "period_lower": period.lower(),
        "quarter_end": q_end.isoformat(),
    }


def starter_files(title: str, today: date, install_spec: str = DEFAULT_INSTALL_SPEC) -> dict[str, str]:
    """Every file of a new roadmap repository: relative path -> text. Dates follow ``today``; the CI
    files ``pip install`` ``install_spec``."""
    values = template_values(title, today)
    ci = {"install_spec": json.dumps(install_spec)}  # a JSON string is a YAML scalar
    out: dict[str, str] = {}
    for target, source in STARTER_FILES:
        text = starter_text(source)
        text = _CiTemplate(text).substitute(ci) if source in VERBATIM else Template(text).substitute(values)
        out[Template(target).substitute(values)] = text
    return out


@dataclass(frozen=True)
class InitResult:
    written: tuple[Path, ...]
    kept: tuple[Path, ...]  # already there, left alone


def init_repository(directory: Path, title: str, today: date, force: bool = False,
                    install_spec: str = DEFAULT_INSTALL_SPEC) -> InitResult:
    """Create a roadmap repository in ``directory``; never overwrites a file.

    Refuses (``Refused``) a folder that is not empty unless ``force``; with
    ``force`` only the missing files are written.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ScaffoldError(f"{directory} exists and is not a folder")
    if directory.is_dir() and any(directory.iterdir()) and not force:
        raise Refused(f"{directory} is not empty; use --force to add the missing files (existing files are "
                      "never overwritten)")
    written, kept = [], []
    for rel, text in starter_files(title, today, install_spec).items():
        path = directory / rel
        if path.exists():
            kept.append(path)
            continue
        try:
            write_new_file(path, text)
        except FileExistsError:  # pragma: no cover - a race
            kept.append(path)
            continue
        written.append(path)
    return InitResult(tuple(written), tuple(kept))
