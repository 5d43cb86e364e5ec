"""Finding a roadmap project: a folder with ``mkdocs.yml`` or a content folder.

``mkdocs.yml`` is read without MkDocs (its own tags such as ``!ENV`` and
``!!python/name:`` are tolerated, ``INHERIT`` is followed) to pick up the
``outcome-roadmap`` plugin's options, so ``roadmap-gen check`` sees what the
build will see.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

PLUGIN_NAME = "outcome-roadmap"
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml", "properdocs.yml", "properdocs.yaml")


class ProjectError(Exception):
    """A usage problem: no roadmap where one was expected (exit code 2)."""


class _TolerantLoader(yaml.SafeLoader):
    pass


def _env(loader: yaml.Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1] if len(items) > 1 else None
    for name in names:
        if name in os.environ:
            return yaml.safe_load(os.environ[name])
    return default


def _ignore(loader: yaml.Loader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("!", _ignore)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore)


def _merge(base: dict, child: dict) -> dict:
    out = dict(base)
    for k, v in child.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def read_config(path: Path, _seen: tuple[Path, ...] = ()) -> dict:
    """A MkDocs configuration, with the files it INHERITs merged underneath."""
    if path.resolve() in _seen:
        chain = " → ".join(str(p) for p in (*_seen, path.resolve()))
        raise ProjectError(f"{path}: INHERIT loop: {chain}")
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_TolerantLoader) or {}
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read: {exc.strerror}") from None
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        # ValueError: a date YAML cannot hold (`as_of: 2026-13-45`)
        raise ProjectError(f"{path}: not valid YAML: {' '.join(str(exc).split())[:300]}") from None
    if not isinstance(data, dict):
        raise ProjectError(f"{path}: not a MkDocs configuration (expected a mapping)")
    parent = data.pop("INHERIT", None)
    if parent:
        data = _merge(read_config((path.parent / str(parent)).resolve(), (*_seen, path.resolve())), data)
    return data


def plugin_options(config: dict) -> dict | None:
    """The ``outcome-roadmap`` options of a config, ``{}`` if listed without options, None if absent."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{k: v} for k, v in plugins.items()]
    for entry in plugins:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME] or {}
            if not isinstance(options, dict):
                raise ProjectError(f"the options of {PLUGIN_NAME} must be a mapping, found {options!r}")
            return dict(options)
    return None


@dataclass
class Project:
    content_dir: Path
    config_file: Path | None = None
    options: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)

    @property
    def root(self) -> Path:
        """The project's folder: mkdocs.yml's, else the content folder's parent."""
        return self.config_file.parent if self.config_file is not None else self.content_dir.parent

    @property
    def directory_urls(self) -> bool:
        return bool(self.config.get("use_directory_urls", True))


def find_project(path: Path | None = None) -> Project:
    """PATH is a folder with mkdocs.yml, a mkdocs.yml file, or a content folder."""
    path = Path(path or ".")
    if path.is_file():
        config_file = path
    elif path.is_dir():
        config_file = next((path / n for n in CONFIG_NAMES if (path / n).is_file()), None)
        if config_file is None:
            if (path / "roadmap.yml").is_file() or (path / "journey.yml").is_file():
                return Project(content_dir=path)
            if (path / "content").is_dir():
                return Project(content_dir=path / "content")
            raise ProjectError(f"{path}: no mkdocs.yml and no roadmap.yml here; pass a folder holding "
                               "mkdocs.yml or a content folder")
    else:
        raise ProjectError(f"{path}: no such file or folder")
    config = read_config(config_file)
    options = plugin_options(config)
    if options is None:
        options = {}
    content_dir = options.get("content_dir", "content")
    if not isinstance(content_dir, str) or not content_dir.strip():
        raise ProjectError(f"{config_file}: the plugin option content_dir must be a folder name, "
                           f"found {content_dir!r}")
    content = config_file.parent / content_dir
    return Project(content_dir=content, config_file=config_file, options=options, config=config)
